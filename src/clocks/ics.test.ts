import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { DUTY_IDS, Event, type InventoryEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { evaluateClocks } from './evaluate.js';
import { escapeText, foldLine, icsUtc, obligationUid, toIcs } from './ics.js';

const org = Organization.parse({
  id: 'acme',
  name: 'Acme',
  organizedIn: 'CN',
  timeZone: 'Asia/Shanghai',
  cn: { networkProductProvider: true, networkOperator: true },
  eu: { nis2: 'essential', gdprController: true },
});
const events = [
  { id: 'v1', kind: 'vulnerability', learned: '2026-01-05T09:00', product: { name: 'Gate; "Pro", v2\\x' } },
  { id: 'inc:7', kind: 'incident', learned: '2026-01-05T10:00', grade: 'major', significant: true, title: 'Outage, region 华东' },
  { id: 'b1', kind: 'personal_data_breach', learned: '2026-01-06T08:00' },
].map((e) => Event.parse(e) as InventoryEvent);
const result = evaluateClocks(org, events, { asOf: parseInstant('2026-01-05T11:00', 'Asia/Shanghai')!.instant });

describe('ICS output (RFC 5545)', () => {
  const ics = toIcs(result);

  it('uses CRLF line endings only and folds every line to at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('parses back with ical.js: one VEVENT per dated obligation, UTC start, stable UIDs, unescaped text', () => {
    const cal = new ICAL.Component(ICAL.parse(ics));
    const vevents = cal.getAllSubcomponents('vevent');
    const dated = result.obligations.filter((o) => o.dueUtc);
    expect(dated.length).toBeGreaterThan(3);
    expect(vevents).toHaveLength(dated.length);
    vevents.forEach((ve, i) => {
      const o = dated[i]!;
      expect(ve.getFirstPropertyValue('uid')).toBe(obligationUid(o));
      const start = ve.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.zone?.tzid).toBe('UTC');
      expect(start.toJSDate().getTime()).toBe(parseInstant(o.dueUtc!, 'UTC')!.instant);
      const summary = String(ve.getFirstPropertyValue('summary'));
      expect(summary).toContain(o.what);
      expect(summary).toContain(o.event);
      expect(String(ve.getFirstPropertyValue('description'))).toContain(o.citation);
    });
    expect(String(cal.getFirstPropertyValue('prodid'))).toContain('datacustoms');
  });

  it('is byte-for-byte stable for the same result', () => {
    expect(toIcs(result)).toBe(ics);
    expect(icsUtc('2021-11-26T15:59:59Z')).toBe('20211126T155959Z');
  });
});

describe('a calendar with no dated obligation', () => {
  it('still holds one component (RFC 5545 §3.6: component+), a journal entry saying so, and no event', () => {
    const none = evaluateClocks(org, [], { asOf: parseInstant('2026-01-05T11:00', 'Asia/Shanghai')!.instant });
    const ics = toIcs(none);
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
    const journals = cal.getAllSubcomponents('vjournal');
    expect(journals).toHaveLength(1);
    expect(String(journals[0]!.getFirstPropertyValue('summary'))).toMatch(/^No reporting clock with a due date as of 2026-01-05T03:00/);
    expect(journals[0]!.getFirstPropertyValue('uid')).toBeTruthy();
    expect(journals[0]!.getFirstPropertyValue('dtstamp')).toBeTruthy();
    // with dated obligations there is no journal entry
    expect(new ICAL.Component(ICAL.parse(toIcs(result))).getAllSubcomponents('vjournal')).toHaveLength(0);
  });
});

describe('UIDs', () => {
  it('are unique per event and duty: event ids that differ only in : or _ (inc:7, inc_7, inc__7) no longer share one', () => {
    const evs = ['inc:7', 'inc_7', 'inc__7'].map((id) => Event.parse({ id, kind: 'incident', learned: '2026-01-05T10:00', grade: 'major', significant: true }) as InventoryEvent);
    const r = evaluateClocks(org, evs, { asOf: parseInstant('2026-01-05T11:00', 'Asia/Shanghai')!.instant });
    const vevents = new ICAL.Component(ICAL.parse(toIcs(r))).getAllSubcomponents('vevent');
    const uids = vevents.map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids.length).toBe(r.obligations.filter((o) => o.dueUtc).length);
    expect(uids.length).toBeGreaterThan(3);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain('inc:7.cn.cac.incident_4@clocks.datacustoms');
    expect(uids).toContain('inc__7.cn.cac.incident_4@clocks.datacustoms');
  });

  it('keep their form for plain ids, and every duty id maps to its own UID part', () => {
    expect(obligationUid({ event: 'v1', id: 'cn.miit.vuln/7(2)' })).toBe('v1.cn.miit.vuln_7_2_@clocks.datacustoms');
    const parts = DUTY_IDS.map((id) => obligationUid({ event: 'e', id }));
    expect(new Set(parts).size).toBe(DUTY_IDS.length);
    // a library caller's id outside the schema's alphabet is percent-encoded, not merged
    expect(obligationUid({ event: 'a b', id: 'request/response' })).not.toBe(obligationUid({ event: 'a_b', id: 'request/response' }));
  });
});

describe('escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('replaces control characters other than HTAB, which TEXT may not hold (RFC 5545 §3.3.11)', () => {
    expect(escapeText('a\u0000b\u0007c\u001b[31md\u007fe\tf')).toBe('a\ufffdb\ufffdc\ufffd[31md\ufffde\tf');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(escapeText(text)).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
      }),
      { numRuns: 300 },
    );
    const e = Event.parse({
      id: 'v',
      kind: 'vulnerability',
      learned: '2026-01-05T09:00',
      product: { name: 'Gate\u0007\u0000X' },
      component: { name: 'lib\u001b[31m', provider: { name: 'Upstream', country: 'US' } },
    }) as InventoryEvent;
    const ics = toIcs(evaluateClocks(org, [e], { asOf: parseInstant('2026-01-05T11:00', 'Asia/Shanghai')!.instant }));
    expect(ics).toContain('Gate\ufffd\ufffdX');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
  });

  it('folds without splitting UTF-8 sequences and unfolds back to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 20 }), (text, prefix) => {
        const line = `X-${prefix.replace(/[\r\n]/g, '')}:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 1 MB value quickly (adversarial)', () => {
    const big = '界'.repeat(350_000);
    const t0 = performance.now();
    const folded = foldLine(`DESCRIPTION:${escapeText(big)}`);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${big}`);
  });
});

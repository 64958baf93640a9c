/**
 * Hostile but plausible inputs to the clocks: as-of at and around a due instant, and reports
 * made in the last second of a day count.
 */
import { describe, expect, it } from 'vitest';
import { Event, type InventoryEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { styler } from '../cli/format.js';
import { evaluateClocks } from './evaluate.js';
import { renderText } from './render.js';
import type { ClocksResult } from './model.js';

type Input = Record<string, unknown>;
const org = (o: Input = {}) =>
  Organization.parse({ id: 'acme', name: 'Acme', organizedIn: 'CN', timeZone: 'Asia/Shanghai', cn: { networkProductProvider: true }, ...o });
const run = (e: Input, asOf: string, o: Input = {}): ClocksResult =>
  evaluateClocks(org(o), [Event.parse(e) as InventoryEvent], { asOf: parseInstant(asOf, 'UTC')!.instant });
const ob = (r: ClocksResult, id: string) => r.obligations.find((x) => x.id === id);
const vuln = (extra: Input = {}) => ({ id: 'v', kind: 'vulnerability', learned: '2021-11-24T09:00', product: { name: 'Gate' }, ...extra });

describe('as-of at a due instant: overdue only after it', () => {
  it('a 2-day count (due 23:59:59+08:00) is still due at that second and through its last millisecond; overdue from 24:00', () => {
    expect(ob(run(vuln(), '2021-11-26T23:59:59+08:00'), 'cn.miit.vuln/7(2)')?.status).toBe('due');
    expect(ob(run(vuln(), '2021-11-26T23:59:59.999+08:00'), 'cn.miit.vuln/7(2)')?.status).toBe('due');
    const o = ob(run(vuln(), '2021-11-27T00:00:00+08:00'), 'cn.miit.vuln/7(2)');
    expect(o?.status).toBe('overdue');
    expect(o?.overdueBy).toBe('PT0M');
  });

  it('a report in the last second of the last day is on time, not late by "PT0M"', () => {
    const o = ob(run(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-11-26T23:59:59.500+08:00' }] }), '2021-12-01T00:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.status).toBe('done');
    expect(o?.lateBy).toBeUndefined();
    const late = ob(run(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-11-27T00:00:30+08:00' }] }), '2021-12-01T00:00Z'), 'cn.miit.vuln/7(2)');
    expect(late?.lateBy).toBe('PT0M');
  });

  it('an hour count ends at its instant: due at it, overdue a millisecond after', () => {
    const o = { organizedIn: 'FR', timeZone: 'Europe/Paris', cn: {}, eu: { gdprController: true, mainEstablishment: 'FR' } };
    const b = { id: 'b', kind: 'personal_data_breach', learned: '2026-01-05T10:00' };
    expect(ob(run(b, '2026-01-08T09:00:00Z', o), 'eu.gdpr/33(1)')?.status).toBe('due');
    expect(ob(run(b, '2026-01-08T09:00:00.001Z', o), 'eu.gdpr/33(1)')?.status).toBe('overdue');
  });
});

describe('local times at DST changes', () => {
  const breach = (learned: string, timeZone: string) => ({ id: 'b', kind: 'personal_data_breach', learned, timeZone });
  const ctl = { organizedIn: 'FR', timeZone: 'Europe/Paris', cn: {}, eu: { gdprController: true, mainEstablishment: 'FR' } };

  it('a time in the hour skipped in spring (New York 02:30 on 8 March 2026) is bad input naming both readings; it was read as 03:30 EDT, an hour later than the other reading', () => {
    expect(() => run(breach('2026-03-08T02:30', 'America/New_York'), '2026-03-09T00:00Z', ctl)).toThrow(
      'events[0]: events[0].learned: "2026-03-08T02:30" never occurred in America/New_York: its clocks skipped that time when the offset changed (UTC-05:00 to UTC-04:00); write the time with its UTC offset, e.g. "2026-03-08T02:30-05:00" or "2026-03-08T02:30-04:00"',
    );
    expect(() => run(breach('2026-03-29T02:00:00', 'Europe/Paris'), '2026-04-01T00:00Z', ctl)).toThrow(/"2026-03-29T02:00:00" never occurred in Europe\/Paris: .*\(UTC\+01:00 to UTC\+02:00\)/);
  });

  it('the same wall time written with an offset, the minutes either side of the gap, and a date alone are accepted', () => {
    expect(ob(run(breach('2026-03-08T02:30-05:00', 'America/New_York'), '2026-03-09T00:00Z', ctl), 'eu.gdpr/33(1)')?.anchor.at).toBe('2026-03-08T08:30:00+01:00');
    expect(ob(run(breach('2026-03-08T01:59', 'America/New_York'), '2026-03-09T00:00Z', ctl), 'eu.gdpr/33(1)')?.anchor.at).toBe('2026-03-08T07:59:00+01:00');
    expect(ob(run(breach('2026-03-08T03:00', 'America/New_York'), '2026-03-09T00:00Z', ctl), 'eu.gdpr/33(1)')?.anchor.at).toBe('2026-03-08T08:00:00+01:00');
    expect(ob(run(breach('2026-03-08', 'America/New_York'), '2026-03-09T00:00Z', ctl), 'eu.gdpr/33(1)')?.anchor.at).toBe('2026-03-08T06:00:00+01:00');
  });

  it('a time in the hour repeated in autumn is read as the first (the earlier instant), so hour clocks stay conservative', () => {
    expect(ob(run(breach('2026-11-01T01:30', 'America/New_York'), '2026-11-02T00:00Z', ctl), 'eu.gdpr/33(1)')?.anchor.at).toBe('2026-11-01T06:30:00+01:00');
  });

  it('a report time in the gap is refused the same way, placed at its field', () => {
    const e = { ...breach('2026-03-07T10:00', 'America/New_York'), reports: [{ duty: 'eu.gdpr/33(1)', at: '2026-03-08T02:15' }] };
    expect(() => run(e, '2026-03-09T00:00Z', ctl)).toThrow(/events\[0\]\.reports\[0\]\.at: "2026-03-08T02:15" never occurred in America\/New_York/);
  });
});

describe('reports that match no obligation', () => {
  const e = vuln({
    reports: [
      { duty: 'cn.miit.vuln/7(2)', at: '2021-11-25T10:00' },
      { duty: 'cn.miit.vuln/7(2)', at: '2021-11-25T08:00' },
      { duty: 'eu.gdpr/33(1)', at: '2021-11-25' },
      { duty: 'eu.gdpr/33(1)', at: '2021-11-26' },
      { duty: 'eu.nis2/23(4)(a)', at: '2021-11-25' },
    ],
  });
  const r = run(e, '2021-12-01T00:00Z');

  it('duplicate reports for one duty: the earliest is when it was done', () => {
    expect(ob(r, 'cn.miit.vuln/7(2)')).toMatchObject({ status: 'done', doneAt: '2021-11-25T08:00:00+08:00' });
  });

  it('a report for a duty of another kind of event, or one that does not apply, is named in a note (it was dropped without a word)', () => {
    const gdpr = r.notes.find((n) => n.duty === 'eu.gdpr/33(1)');
    expect(gdpr).toEqual({
      regime: 'eu.gdpr',
      event: 'v',
      duty: 'eu.gdpr/33(1)',
      note: 'reports[2], reports[3] are declared for eu.gdpr/33(1), a duty on personal data breach events, and this event is a vulnerability: not matched to any obligation.',
      citation: expect.stringMatching(/Art\. 33/),
    });
    // NIS2 covers incidents; an organization without the NIS2 role on an incident gets the other wording
    const inc = run({ id: 'i', kind: 'incident', learned: '2026-10-05T09:00', grade: 'major', reports: [{ duty: 'eu.nis2/23(4)(b)', at: '2026-10-06' }] }, '2026-10-07T00:00Z');
    expect(inc.notes.find((n) => n.duty === 'eu.nis2/23(4)(b)')?.note).toBe(
      "reports[0] is declared for eu.nis2/23(4)(b), which gives no obligation for this event (the organization's roles, the event's facts or the dates the rule is in force do not call for it): not matched to any obligation.",
    );
    expect(r.notes.filter((n) => n.duty === 'cn.miit.vuln/7(2)')).toEqual([]);
    expect(r.notes.find((n) => n.duty === 'eu.nis2/23(4)(a)')?.note).toMatch(/^reports\[4\] is declared for eu\.nis2\/23\(4\)\(a\), a duty on incident events/);
  });
});

describe('text output of names with control characters', () => {
  it('shows them as \\xNN: an escape sequence in a title, product, component or provider name does not reach the terminal', () => {
    const e = Event.parse(
      vuln({
        title: 'Bad\u001b]0;pwned\u0007 title\nsecond line',
        product: { name: 'Gate\u001b[2J' },
        component: { name: 'lib\u009b31m', provider: { name: 'Upstream\r\nInc.', country: 'US' } },
        sharedWith: [{ party: 'Researcher\u001b[8m', country: 'DE', at: '2021-11-25' }],
      }),
    ) as InventoryEvent;
    const r = evaluateClocks(org(), [e], { asOf: parseInstant('2021-11-25T00:00Z', 'UTC')!.instant });
    for (const colour of [false, true]) {
      const text = renderText(r, [e], styler(colour), 'now', 200);
      // only the styler's own SGR sequences, when colour is on
      expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(text).toContain('Bad\\x1b]0;pwned\\x07 title\\x0asecond line');
      expect(text).toContain('Upstream\\x0d\\x0aInc.');
      expect(text).toContain('Gate\\x1b[2J');
      expect(text).toContain('lib\\x9b31m');
      expect(text).toContain('Researcher\\x1b[8m');
    }
  });
});

describe('Art. 9(7) and the CN↔EU conflict with a publication date given alone', () => {
  const researcher = (at: string) => ({ party: 'Researcher', country: 'DE', at, kind: 'researcher' });
  const check = (e: Input) => run(vuln(e), '2021-12-20T00:00Z').checks.find((k) => k.id === 'cn.miit.vuln/9(7):0');

  it('published on a date alone, given to an overseas researcher that day at 08:00: legal review, not "allowed" (publication may have come later that day)', () => {
    const k = check({ publiclyDisclosed: '2021-12-10', sharedWith: [researcher('2021-12-10T08:00')] });
    expect(k?.verdict).toBe('legal_review');
    expect(k?.reason).toMatch(/on the day the vulnerability was published.*does not tell which came first/);
  });

  it('given on a date alone, the day of a publication at 18:00: legal review, not "prohibited"', () => {
    expect(check({ publiclyDisclosed: '2021-12-10T18:00', sharedWith: [researcher('2021-12-10')] })?.verdict).toBe('legal_review');
  });

  it('certain orderings keep their verdicts: the next day is allowed, the day before prohibited, a provider allowed either way', () => {
    expect(check({ publiclyDisclosed: '2021-12-10', sharedWith: [researcher('2021-12-11')] })?.verdict).toBe('allowed');
    expect(check({ publiclyDisclosed: '2021-12-10', sharedWith: [researcher('2021-12-09T23:59')] })?.verdict).toBe('prohibited');
    expect(check({ publiclyDisclosed: '2021-12-10T08:00', sharedWith: [researcher('2021-12-10T08:00')] })?.verdict).toBe('allowed');
    const comp = { component: { name: 'lib', provider: { name: 'Upstream', country: 'US' } } };
    expect(check({ ...comp, publiclyDisclosed: '2021-12-10', sharedWith: [{ party: 'Upstream', country: 'US', at: '2021-12-10T08:00' }] })?.verdict).toBe('allowed');
  });

  it('CRA early warning due the day of a publication given as a date alone: the conflict is still flagged (publication may come after the due instant)', () => {
    const o = { organizedIn: 'CN', cn: { networkProductProvider: true }, eu: { manufacturer: true, mainEstablishment: 'DE' } };
    const e = vuln({ learned: '2026-10-05T09:00', activelyExploited: true, publiclyDisclosed: '2026-10-06' });
    const r = run(e, '2026-10-05T02:00Z', o);
    expect(ob(r, 'eu.cra/14(2)(a)')?.dueUtc).toBe('2026-10-06T01:00:00Z');
    expect(r.checks.map((k) => k.id)).toContain('conflict/cn.miit.vuln-9(7)-vs-eu.cra-14');
    // published, with its time, before the early warning and the notification are due: no conflict
    const before = run({ ...e, publiclyDisclosed: '2026-10-05T09:30' }, '2026-10-05T02:00Z', o);
    expect(before.checks.map((k) => k.id)).not.toContain('conflict/cn.miit.vuln-9(7)-vs-eu.cra-14');
  });
});

describe('a report given as a date alone on the day its deadline falls', () => {
  const gdpr = { organizedIn: 'FR', timeZone: 'Europe/Paris', cn: {}, eu: { gdprController: true, mainEstablishment: 'FR' } };
  const breach = (at: string) => ({ id: 'b', kind: 'personal_data_breach', learned: '2026-01-05T10:00', reports: [{ duty: 'eu.gdpr/33(1)', at }] });

  it('is done, with a note that it may have been late (72 h ran out at 10:00 that day); it said on time without a word', () => {
    const o = ob(run(breach('2026-01-08'), '2026-01-10T00:00Z', gdpr), 'eu.gdpr/33(1)');
    expect(o?.status).toBe('done');
    expect(o?.lateBy).toBeUndefined();
    expect(o?.notes).toContain(
      'Reported on 2026-01-08 (`reports[0].at`, a date only, read in Europe/Paris), and the deadline (2026-01-08T10:00:00+01:00) falls within that day: whether it was made in time is not known; give the time to tell.',
    );
  });

  it('no such note when the day is certainly on time or certainly late, or the time is given', () => {
    for (const at of ['2026-01-07', '2026-01-08T09:00', '2026-01-09']) {
      const o = ob(run(breach(at), '2026-01-10T00:00Z', gdpr), 'eu.gdpr/33(1)');
      expect(o?.notes.join(' ')).not.toMatch(/whether it was made in time/);
    }
    expect(ob(run(breach('2026-01-09'), '2026-01-10T00:00Z', gdpr), 'eu.gdpr/33(1)')?.lateBy).toBe('PT14H');
  });

  it('a day count due at the end of the report\'s day is on time whatever the hour: no note', () => {
    const o = ob(run(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-11-26' }] }), '2021-12-01T00:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.notes.join(' ')).not.toMatch(/whether it was made in time/);
  });
});

describe('a trigger given as a date alone on the day a rule starts to apply, read in another zone', () => {
  const mfr = { organizedIn: 'CN', cn: {}, eu: { manufacturer: true, mainEstablishment: 'DE' } };
  const ev = (learned: string) => vuln({ learned, activelyExploited: true });

  it('learned 2026-09-11 in Beijing (from 18:00 on 10 September in Berlin) may fall on or after the CRA date: listed with a condition; it was dropped', () => {
    const r = run(ev('2026-09-11'), '2026-09-11T00:00Z', mfr);
    const o = ob(r, 'eu.cra/14(2)(a)');
    expect(o?.status).toBe('due');
    expect(o?.condition).toBe(
      'awareness came on or after 2026-09-11 in Europe/Berlin, from when Regulation (EU) 2024/2847 (Cyber Resilience Act) Art. 14(1), 14(2)(a) applies (the date 2026-09-11 alone, read in Asia/Shanghai, runs into that day)',
    );
    expect(r.notes.some((n) => n.regime === 'eu.cra')).toBe(false);
  });

  it('a time that is the day before in Berlin is outside, and the note gives the time in both zones', () => {
    const r = run(ev('2026-09-11T05:00'), '2026-09-11T00:00Z', mfr);
    expect(ob(r, 'eu.cra/14(2)(a)')).toBeUndefined();
    expect(r.notes.find((n) => n.regime === 'eu.cra')?.note).toMatch(/applies from 2026-09-11; this event \(aware 2026-09-11T05:00:00\+08:00, 2026-09-10T23:00:00\+02:00 in Europe\/Berlin\) falls outside it: no duty\./);
    expect(ob(run(ev('2026-09-10'), '2026-09-11T00:00Z', mfr), 'eu.cra/14(2)(a)')).toBeUndefined();
  });
});

describe('text: under a minute past due', () => {
  it('reads "OVERDUE < 1 min" and "late < 1 min", not "0 min"', () => {
    const e = Event.parse(vuln()) as InventoryEvent;
    const at = (asOf: string) => evaluateClocks(org(), [e], { asOf: parseInstant(asOf, 'UTC')!.instant });
    expect(renderText(at('2021-11-26T16:00:30Z'), [e], styler(false), 'now')).toMatch(/OVERDUE < 1 min\s+2021-11-26 23:59:59\+08:00/);
    expect(renderText(at('2021-11-26T17:00:00Z'), [e], styler(false), 'now')).toMatch(/OVERDUE 1 h\s/);
    const late = Event.parse(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-11-27T00:00:20+08:00' }] })) as InventoryEvent;
    const r = evaluateClocks(org(), [late], { asOf: parseInstant('2021-12-01T00:00Z', 'UTC')!.instant });
    expect(renderText(r, [late], styler(false), 'now', 120)).toMatch(/done \(late < 1 min\)/);
  });
});

describe('text: time left on a duty that is due', () => {
  it('reads "due in 1 d 4 h", "due in 37 min", "due in < 1 min" (whole minutes, as past due), and plain "due (undated)" without a due time', () => {
    const e = Event.parse(vuln()) as InventoryEvent;
    // cn.miit.vuln/7(2) is due 2021-11-26T23:59:59+08:00 = 15:59:59Z
    const at = (asOf: string) => renderText(evaluateClocks(org(), [e], { asOf: parseInstant(asOf, 'UTC')!.instant }), [e], styler(false), 'now');
    expect(at('2021-11-25T11:59:59Z')).toMatch(/ due in 1 d 4 h\s+2021-11-26 23:59:59\+08:00\s+cn\.miit\.vuln\/7\(2\)/);
    expect(at('2021-11-26T15:22:30Z')).toMatch(/ due in 37 min\s+2021-11-26 23:59:59\+08:00/);
    expect(at('2021-11-26T15:59:30Z')).toMatch(/ due in < 1 min\s+2021-11-26 23:59:59\+08:00/);
    expect(at('2021-11-26T15:59:59Z')).toMatch(/ due in < 1 min\s/);
    expect(at('2021-11-25T11:59:59Z')).toMatch(/ due \(undated\)\s+in time/);
    expect(at('2021-11-26T16:00:30Z')).toMatch(/OVERDUE < 1 min/);
  });
});

describe("a government request's deadline given as a date alone", () => {
  const req = (respondBy: string) => ({ id: 'r', kind: 'government_request', learned: '2026-03-01', authority: 'court', country: 'US', dataStoredIn: ['CN'], respondBy });

  it('runs to the end of that day: due, not overdue, at noon on the day (it was overdue from 00:00)', () => {
    const o = ob(run(req('2026-03-10'), '2026-03-10T04:00Z'), 'request/response');
    expect(o).toMatchObject({ due: '2026-03-10T23:59:59+08:00', status: 'due', deadline: 'by the end of the day of respondBy' });
    expect(ob(run(req('2026-03-10'), '2026-03-10T16:00Z'), 'request/response')?.status).toBe('overdue');
  });

  it('a deadline with its time is that instant, described as "at respondBy"', () => {
    expect(ob(run(req('2026-03-10T17:00'), '2026-03-10T04:00Z'), 'request/response')).toMatchObject({ due: '2026-03-10T17:00:00+08:00', deadline: 'at respondBy' });
  });
});

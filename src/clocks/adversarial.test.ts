/**
 * Adversarial date cases across the clocks: triggers at 23:59 before a holiday, DST changes in
 * the EU and the US, leap days, a trigger recorded in one zone with the deadline in another, and
 * periods that end on a PRC make-up working day (调休).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../common/errors.js';
import { Event, type InventoryEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { evaluateClocks } from './evaluate.js';
import type { ClocksResult } from './model.js';

type Input = Record<string, unknown>;
const org = (o: Input) => Organization.parse({ id: 'acme', name: 'Acme', organizedIn: 'CN', timeZone: 'Asia/Shanghai', ...o });
const run = (o: Input, e: Input, asOf: string): ClocksResult =>
  evaluateClocks(org(o), [Event.parse(e) as InventoryEvent], { asOf: parseInstant(asOf, 'UTC')!.instant });
const ob = (r: ClocksResult, id: string) => r.obligations.find((x) => x.id === id);

const provider = { cn: { networkProductProvider: true } };
const vuln = (learned: string, extra: Input = {}) => ({ id: 'v', kind: 'vulnerability', learned, product: { name: 'Gate' }, ...extra });

describe('MIIT Art. 7(2) (2日内, Beijing time)', () => {
  it('23:59 on the eve of National Day: due at the end of 2 October, a holiday, with the Art. 203 note', () => {
    const o = ob(run(provider, vuln('2024-09-30T23:59'), '2024-10-01T00:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.due).toBe('2024-10-02T23:59:59+08:00');
    expect(o?.notes.join(' ')).toMatch(/2024-10-02.*Civil Code Art\. 203/);
  });

  it('one minute later (00:00 on 1 October) the due date moves a day', () => {
    expect(ob(run(provider, vuln('2024-10-01T00:00'), '2024-10-01T00:00Z'), 'cn.miit.vuln/7(2)')?.due).toBe('2024-10-03T23:59:59+08:00');
  });

  it('a period ending on a make-up working Saturday (调休, 2024-10-12) ends there, with no holiday note', () => {
    const o = ob(run(provider, vuln('2024-10-10T09:00'), '2024-10-10T02:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.due).toBe('2024-10-12T23:59:59+08:00');
    expect(o?.notes.join(' ')).not.toMatch(/Art\. 203/);
  });

  it('a period ending on the 调休 Saturday after Spring Festival 2026 (28 February) has no holiday note; an ordinary Sunday has one', () => {
    expect(ob(run(provider, vuln('2026-02-26T10:00'), '2026-02-26T03:00Z'), 'cn.miit.vuln/7(2)')?.notes.join(' ')).not.toMatch(/Art\. 203/);
    expect(ob(run(provider, vuln('2026-03-06T10:00'), '2026-03-06T03:00Z'), 'cn.miit.vuln/7(2)')?.notes.join(' ')).toMatch(/2026-03-08.*Art\. 203/);
  });

  it('recorded in New York at 12:00 on 30 September (EDT) = 00:00 on 1 October in Beijing: counted from Beijing\'s date', () => {
    const o = ob(run(provider, vuln('2024-09-30T12:00', { timeZone: 'America/New_York' }), '2024-10-01T00:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.anchor.at).toBe('2024-10-01T00:00:00+08:00');
    expect(o?.due).toBe('2024-10-03T23:59:59+08:00');
  });

  it('an explicit offset wins over the event zone', () => {
    const o = ob(run(provider, vuln('2024-02-28T17:00:00+01:00', { timeZone: 'Asia/Shanghai' }), '2024-02-28T18:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.anchor.at).toBe('2024-02-29T00:00:00+08:00'); // the leap day in Beijing
    expect(o?.due).toBe('2024-03-02T23:59:59+08:00'); // 1 and 2 March counted
  });
});

describe('CAC incident measures (Beijing time)', () => {
  const operator = { cn: { networkOperator: true } };
  const inc = (extra: Input) => ({ id: 'i', kind: 'incident', grade: 'relatively_major', ...extra });

  it('4 h across midnight into New Year 2026', () => {
    expect(ob(run(operator, inc({ learned: '2025-12-31T22:30' }), '2025-12-31T15:00Z'), 'cn.cac.incident/4')?.due).toBe('2026-01-01T02:30:00+08:00');
  });

  it('30-day summary report ending on National Day gets the holiday note, not a later date', () => {
    const o = ob(run(operator, inc({ learned: '2026-08-20T10:00', handlingEnded: '2026-09-01T18:00' }), '2026-09-02T00:00Z'), 'cn.cac.incident/8');
    expect(o?.due).toBe('2026-10-01T23:59:59+08:00');
    expect(o?.notes.join(' ')).toMatch(/Civil Code Art\. 203/);
  });
});

describe('EU clocks across DST and leap days', () => {
  const mfr = { organizedIn: 'DE', timeZone: 'Europe/Berlin', eu: { manufacturer: true, mainEstablishment: 'DE' } };
  const ev = (extra: Input) => ({ id: 'v', kind: 'vulnerability', product: { name: 'Gate' }, activelyExploited: true, ...extra });

  it('CRA 72 h across the start of summer time (28 March 2027) is 72 elapsed hours: wall clock +1 h', () => {
    const r = run(mfr, ev({ learned: '2027-03-27T10:00' }), '2027-03-27T10:00Z');
    expect(ob(r, 'eu.cra/14(2)(b)')?.due).toBe('2027-03-30T11:00:00+02:00');
    expect(ob(r, 'eu.cra/14(2)(a)')?.due).toBe('2027-03-28T11:00:00+02:00');
  });

  it('CRA 14 days ending on the day summer time ends (25 October 2026): end of that day at +01:00', () => {
    const o = ob(run(mfr, ev({ learned: '2026-10-01T10:00', fixAvailable: '2026-10-11T09:00' }), '2026-10-12T00:00Z'), 'eu.cra/14(2)(c)');
    expect(o?.due).toBe('2026-10-25T23:59:59+01:00');
  });

  it('CRA 14 days to a leap day, and one month from 31 January 2028 to 29 February', () => {
    expect(ob(run(mfr, ev({ learned: '2028-02-01T10:00', fixAvailable: '2028-02-15T23:59' }), '2028-02-16T00:00Z'), 'eu.cra/14(2)(c)')?.due).toBe('2028-02-29T23:59:59+01:00');
    const inc = { id: 'i', kind: 'incident', learned: '2028-01-30T10:00', severeProductImpact: true, reports: [{ duty: 'eu.cra/14(4)(b)', at: '2028-01-31T23:30' }] };
    expect(ob(run(mfr, inc, '2028-02-01T00:00Z'), 'eu.cra/14(4)(c)')?.due).toBe('2028-02-29T23:59:59+01:00');
  });

  it('a 14-day period read in the member state of main establishment: a fix at 23:30 UTC is the next day in Berlin', () => {
    expect(ob(run(mfr, ev({ learned: '2026-10-01T10:00', fixAvailable: '2026-10-10T23:30Z' }), '2026-10-12T00:00Z'), 'eu.cra/14(2)(c)')?.due).toBe('2026-10-25T23:59:59+01:00');
  });

  it('GDPR 72 h across the end of summer time (26 October 2025): wall clock −1 h', () => {
    const ctl = { organizedIn: 'FR', timeZone: 'Europe/Paris', eu: { gdprController: true, mainEstablishment: 'FR' } };
    const o = ob(run(ctl, { id: 'b', kind: 'personal_data_breach', learned: '2025-10-25T02:30' }, '2025-10-25T01:00Z'), 'eu.gdpr/33(1)');
    expect(o?.due).toBe('2025-10-28T01:30:00+01:00');
  });
});

describe('SEC 8-K (New York business days)', () => {
  const reg = { organizedIn: 'US', timeZone: 'America/New_York', us: { secRegistrant: true } };
  const inc = (determined: string, extra: Input = {}) => ({ id: 'i', kind: 'incident', learned: '2024-01-02T09:00', material: true, materialityDetermined: determined, ...extra });

  it('determined 23:59 on the eve of Thanksgiving 2024: 29 Nov, 2, 3, 4 Dec', () => {
    expect(ob(run(reg, inc('2024-11-27T23:59'), '2024-11-28T12:00Z'), 'us.sec.8k/1.05')?.due).toBe('2024-12-04T17:30:00-05:00');
  });

  it('across the start of daylight time (9 March 2025): the cut-off is 17:30 EDT', () => {
    expect(ob(run(reg, inc('2025-03-07T16:00'), '2025-03-08T00:00Z'), 'us.sec.8k/1.05')?.due).toBe('2025-03-13T17:30:00-04:00');
  });

  it('leap day 2028 is a business day', () => {
    expect(ob(run(reg, inc('2028-02-25T10:00', { learned: '2028-02-20T10:00' }), '2028-02-26T00:00Z'), 'us.sec.8k/1.05')?.due).toBe('2028-03-02T17:30:00-05:00');
  });

  it('determined in Beijing on a Monday morning (still Sunday in New York): counted from Sunday', () => {
    const o = ob(run(reg, inc('2024-11-18T09:00', { timeZone: 'Asia/Shanghai' }), '2024-11-18T12:00Z'), 'us.sec.8k/1.05');
    expect(o?.anchor.at).toBe('2024-11-17T20:00:00-05:00');
    expect(o?.due).toBe('2024-11-21T17:30:00-05:00');
  });
});

describe('times at the ends of the calendar', () => {
  it('a time that falls before year 1 once read in the event zone, and an as-of past 9998, are InputErrors (they were RangeErrors)', () => {
    const o = org(provider);
    const e = Event.parse(vuln('0001-01-01T03:00')) as InventoryEvent; // 0000-12-31T19:00Z
    const asOf = parseInstant('2021-12-01T00:00Z', 'UTC')!.instant;
    expect(() => evaluateClocks(o, [e], { asOf })).toThrow(InputError);
    expect(() => evaluateClocks(o, [e], { asOf })).toThrow(/events\[0\]\.learned: "0001-01-01T03:00" \(read in Asia\/Shanghai\) is outside the years 0001 to 9998/);
    const late = parseInstant('9999-06-01T00:00Z', 'UTC')!.instant;
    expect(() => evaluateClocks(o, [Event.parse(vuln('2021-11-24')) as InventoryEvent], { asOf: late })).toThrow(InputError);
  });

  it('the event schema refuses 0000-01-01 and 9999-12-31 without throwing', () => {
    for (const learned of ['0000-01-01', '9999-12-31', '9999-12-31T23:59Z']) {
      const r = Event.safeParse(vuln(learned));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/years 0001 to 9998/);
    }
    expect(Event.safeParse(vuln('9998-12-31T23:59Z')).success).toBe(true);
  });
});

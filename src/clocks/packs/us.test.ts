import { describe, expect, it } from 'vitest';
import { Event, type InventoryEvent } from '../../inventory/events.js';
import { Organization } from '../../inventory/schema.js';
import { parseInstant } from '../../time/zoned.js';
import { evaluateClocks } from '../evaluate.js';
import type { ClocksResult } from '../model.js';

type Input = Record<string, unknown>;
const org = (o: Input = {}) => Organization.parse({ id: 'acme', name: 'Acme Inc.', organizedIn: 'US', timeZone: 'America/New_York', ...o });
const run = (o: Input, e: Input, asOf: string): ClocksResult =>
  evaluateClocks(org(o), [Event.parse(e) as InventoryEvent], { asOf: parseInstant(asOf, 'America/New_York')!.instant });
const ob = (r: ClocksResult, id: string) => r.obligations.find((x) => x.id === id);

describe('us.sec.8k Item 1.05: four business days after the materiality determination', () => {
  const reg = { us: { secRegistrant: true } };
  const inc = (determined: string | undefined, extra: Input = {}) => ({
    id: 'i', kind: 'incident', learned: '2024-11-15T09:00', material: true, ...(determined ? { materialityDetermined: determined } : {}), ...extra,
  });
  // Learned when it was determined: a determination cannot come before awareness.
  const due = (determined: string, o: Input = reg) => ob(run(o, inc(determined, { learned: determined }), '2024-11-20'), 'us.sec.8k/1.05')?.due;

  it('skips Thanksgiving (Thursday 28 November 2024)', () => {
    expect(due('2024-11-21T10:00')).toBe('2024-11-27T17:30:00-05:00');
    expect(due('2024-11-22T10:00')).toBe('2024-11-29T17:30:00-05:00'); // 25, 26, 27, (28 off), 29
  });

  it('a determination on a weekend counts from Monday; the day of determination is not counted', () => {
    expect(due('2024-11-16T10:00')).toBe('2024-11-21T17:30:00-05:00');
    expect(due('2024-11-18T23:00')).toBe('2024-11-22T17:30:00-05:00');
  });

  it('reads the day in New York: a Friday 23:30 determination in Los Angeles is Saturday in New York', () => {
    const r = run(reg, inc('2024-11-15T23:30', { timeZone: 'America/Los_Angeles' }), '2024-11-20');
    expect(ob(r, 'us.sec.8k/1.05')?.due).toBe('2024-11-21T17:30:00-05:00');
  });

  it('crosses the end of US daylight time (3 November 2024) and Juneteenth / Independence Day', () => {
    expect(due('2024-11-01T12:00')).toBe('2024-11-07T17:30:00-05:00');
    expect(due('2024-06-18T12:00')).toBe('2024-06-25T17:30:00-04:00'); // 19 June off
    expect(due('2026-07-01T12:00')).toBe('2026-07-08T17:30:00-04:00'); // 4 July 2026 is a Saturday: 3 July off
  });

  it('unknown determination → no due date, a "starts when" note and never overdue', () => {
    const o = ob(run(reg, inc(undefined, { material: undefined }), '2030-01-01'), 'us.sec.8k/1.05');
    expect(o?.due).toBeUndefined();
    expect(o?.status).toBe('due');
    expect(o?.startsWhen).toMatch(/determines the incident is material/);
    expect(o?.condition).toMatch(/material/);
  });

  it('overdue after 17:30 on the fourth business day, by how long', () => {
    const o = ob(run(reg, inc('2024-11-21T10:00'), '2024-11-28T09:30'), 'us.sec.8k/1.05');
    expect(o?.status).toBe('overdue');
    expect(o?.overdueBy).toBe('PT16H');
  });

  it('compliance dates: 18 December 2023, smaller reporting companies 15 June 2024; FPIs file 6-K', () => {
    expect(ob(run(reg, inc('2023-12-15T10:00', { learned: '2023-12-15T09:00' }), '2023-12-16'), 'us.sec.8k/1.05')).toBeUndefined();
    expect(ob(run(reg, inc('2024-06-14T10:00', { learned: '2024-06-14T09:00' }), '2024-06-15'), 'us.sec.8k/1.05')?.due).toBe('2024-06-21T17:30:00-04:00');
    const src = run({ us: { secRegistrant: true, smallerReportingCompany: true } }, inc('2024-06-14T10:00', { learned: '2024-06-14T09:00' }), '2024-06-15');
    expect(ob(src, 'us.sec.8k/1.05')).toBeUndefined();
    expect(src.notes.some((n) => n.note.includes('2024-06-15'))).toBe(true);
    // Discovered before the compliance date, determined material after it: Item 1.05 applies.
    expect(ob(run(reg, inc('2023-12-19T10:00', { learned: '2023-12-01T09:00' }), '2023-12-20'), 'us.sec.8k/1.05')?.due).toBe('2023-12-26T17:30:00-05:00');
    const fpi = run({ us: { secRegistrant: true, foreignPrivateIssuer: true } }, inc('2024-11-21T10:00'), '2024-11-22');
    expect(ob(fpi, 'us.sec.8k/1.05')).toBeUndefined();
    expect(fpi.notes[0]?.note).toMatch(/6-K/);
  });
});

describe('us.sec.8k: an undeclared determination date is not taken to be the discovery date', () => {
  const inc = (learned: string, extra: Input = {}) => ({ id: 'i', kind: 'incident', learned, material: true, ...extra });

  it('discovered before 18 December 2023, determined material on an undeclared date: listed on condition, not dropped', () => {
    const r = run({ us: { secRegistrant: true } }, inc('2023-12-01T09:00'), '2024-01-10');
    const o = ob(r, 'us.sec.8k/1.05');
    expect(o).toBeDefined();
    expect(o?.due).toBeUndefined();
    expect(o?.status).toBe('due');
    expect(o?.startsWhen).toMatch(/determines the incident is material/);
    expect(o?.condition).toMatch(/on or after 2023-12-18/);
    expect(r.notes.some((n) => n.regime === 'us.sec.8k')).toBe(false);
    // still unknown whether it is material: both conditions
    const both = ob(run({ us: { secRegistrant: true } }, inc('2023-12-01T09:00', { material: undefined }), '2024-01-10'), 'us.sec.8k/1.05');
    expect(both?.condition).toMatch(/determines the incident is material; and .*on or after 2023-12-18/);
  });

  it('a smaller reporting company: the same before 15 June 2024', () => {
    const o = ob(run({ us: { secRegistrant: true, smallerReportingCompany: true } }, inc('2024-05-01T09:00'), '2024-07-01'), 'us.sec.8k/1.05');
    expect(o?.condition).toMatch(/on or after 2024-06-15/);
  });

  it('updates go on Form 8-K/A (cn-eu-rules.md §11.1): said on the Item 1.05 duty', () => {
    const o = ob(run({ us: { secRegistrant: true } }, inc('2024-11-15T09:00', { materialityDetermined: '2024-11-18T10:00' }), '2024-11-19'), 'us.sec.8k/1.05');
    expect(o?.notes.join(' ')).toMatch(/Form 8-K\/A/);
  });

  it('a declared determination before the compliance date still gives no duty, and discovery after it no condition', () => {
    const before = run({ us: { secRegistrant: true } }, inc('2023-12-01T09:00', { materialityDetermined: '2023-12-10T09:00' }), '2024-01-10');
    expect(ob(before, 'us.sec.8k/1.05')).toBeUndefined();
    expect(before.notes.some((n) => n.regime === 'us.sec.8k' && n.note.includes('2023-12-18'))).toBe(true);
    expect(ob(run({ us: { secRegistrant: true } }, inc('2024-02-01T09:00'), '2024-03-01'), 'us.sec.8k/1.05')?.condition).toBeUndefined();
  });
});

describe('us.circia: proposed, not in force, never overdue', () => {
  const covered = { us: { circiaCoveredEntity: true } };
  it('lists the 72 h and ransom 24 h reports as proposed and never overdue', () => {
    const r = run(covered, { id: 'i', kind: 'incident', learned: '2025-01-10T08:00', circiaCovered: true, ransomPaid: '2025-01-11T12:00' }, '2027-01-01');
    const a = ob(r, 'us.circia/681b(a)(1)');
    const b = ob(r, 'us.circia/681b(a)(2)');
    expect(a?.inForce).toBe(false);
    expect(a?.status).toBe('due');
    expect(a?.due).toBe('2025-01-13T08:00:00-05:00');
    expect(b?.due).toBe('2025-01-12T12:00:00-05:00');
    expect(b?.status).toBe('due');
    expect(r.summary.overdue).toBe(0);
    expect(a?.notes.join(' ')).toMatch(/not in force/);
  });

  it('supplemental reports, promptly on substantial new or different information (cn-eu-rules.md §11.2), are said on the incident report', () => {
    const r = run(covered, { id: 'i', kind: 'incident', learned: '2025-01-10T08:00', circiaCovered: true }, '2025-01-11');
    expect(ob(r, 'us.circia/681b(a)(1)')?.notes.join(' ')).toMatch(/[Ss]upplemental report.*promptly.*substantial new or different information/);
  });
});

/**
 * Hostile but plausible inputs to the clocks: as-of at and around a due instant, and reports
 * made in the last second of a day count.
 */
import { describe, expect, it } from 'vitest';
import { Event, type InventoryEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { evaluateClocks } from './evaluate.js';
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

/**
 * Tester for the DSL rules: Arts. 21 (core data), 30 (risk assessment), 31 (important data
 * export), 36 (foreign requests for any data).
 */
import { describe, expect, it } from 'vitest';
import { decide, decideOrg, obligationOf, ruleIds, xfer } from './testing/fixtures.js';

const plant = { id: 'plant', categories: ['technical' as const], system: 'cn-dc', collectedIn: ['CN'] };

describe('Art. 36: any data stored in China', () => {
  it('non-personal data requested by a foreign law-enforcement body → prohibited without approval (DSL only)', () => {
    const d = decide({
      asOf: '2025-06-15',
      entities: [{ id: 'agency', name: 'Foreign agency', kind: 'government', government: 'US' }],
      datasets: [plant],
      flows: [xfer('req', 'plant', { kind: 'government_request', recipient: 'agency', request: { authority: 'law_enforcement', country: 'US' } })],
    });
    expect(d.outcome).toBe('prohibited_without_approval');
    expect(ruleIds(d)).toContain('cn.xborder/dsl.36');
    expect(ruleIds(d)).not.toContain('cn.xborder/pipl.41');
    expect(d.reasons.join(' ')).toMatch(/requested by a law-enforcement authority of the United States:/);
  });

  it('not in force before 2021-09-01', () => {
    const d = decide({
      asOf: '2021-08-31',
      entities: [{ id: 'agency', name: 'Foreign agency', kind: 'government', government: 'US' }],
      datasets: [plant],
      flows: [xfer('req', 'plant', { kind: 'government_request', recipient: 'agency', request: { authority: 'law_enforcement', country: 'US' } })],
    });
    expect(d.outcome).not.toBe('prohibited_without_approval');
  });
});

describe('Art. 31: important data', () => {
  it('notified important data → assessment, with DSL Art. 31 cited', () => {
    const d = decide({ asOf: '2025-06-15', datasets: [{ ...plant, importantData: { notified: true, by: 'MIIT' } }], flows: [xfer('f', 'plant')] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/dsl.31');
    expect(d.reasons.join(' ')).toMatch(/notified by MIIT/);
  });

  it('from Order 16 on, data is important from its notification date (Order 16 Art. 2)', () => {
    const ds = { ...plant, importantData: { notified: true, by: 'MIIT', date: '2025-09-01' } };
    const before = decide({ asOf: '2025-06-15', datasets: [ds], flows: [xfer('f', 'plant')] });
    expect(before.outcome).not.toBe('security_assessment');
    expect(ruleIds(before)).toContain('cn.xborder/order16.2');
    expect(before.reasons.join(' ')).toMatch(/notified or published as important data on 2025-09-01 \(by MIIT\), after 2025-06-15/);
    const on = decide({ asOf: '2025-09-01', datasets: [ds], flows: [xfer('f', 'plant')] });
    expect(on.outcome).toBe('security_assessment');
    expect(ruleIds(on)).toContain('cn.xborder/dsl.31');
    // a flow that ended before the notification is judged on its end date
    const ended = decide({ asOf: '2026-01-15', datasets: [ds], flows: [xfer('f', 'plant', { start: '2025-01-01', end: '2025-08-31' })] });
    expect(ended.outcome).not.toBe('security_assessment');
  });

  it('important data never rides an exemption: HR purpose, FTZ, foreign origin', () => {
    const ds = { ...plant, categories: ['technical' as const, 'name' as const], subjects: { CN: 10 }, importantData: { notified: true } };
    for (const extra of [{ purpose: 'hr_management' as const }, { purpose: 'emergency' as const }, { viaFreeTradeZone: true }]) {
      const d = decide({ asOf: '2025-06-15', org: { cn: { freeTradeZone: { zone: 'Hainan', negativeList: [] } } }, datasets: [ds], flows: [xfer('f', 'plant', extra)] });
      expect(d.outcome, JSON.stringify(extra)).toBe('security_assessment');
    }
  });
});

describe('Art. 21: core data', () => {
  it('core data → at least the assessment, with the stricter regime stated', () => {
    const d = decide({ asOf: '2025-06-15', datasets: [{ ...plant, coreData: true }], flows: [xfer('f', 'plant')] });
    expect(d.outcome).toBe('security_assessment');
    expect(d.reasons.join(' ')).toMatch(/more stringent|stricter/);
  });
});

describe('Art. 30: important-data processors (organization level)', () => {
  it('in 2024: a regular risk assessment, no fixed date', () => {
    const [d] = decideOrg({ asOf: '2024-06-15', org: { cn: { importantDataProcessor: true } } });
    expect(d?.outcome).toBe('important_data_processor_duties');
    expect(obligationOf(d!, 'cn.xborder/dsl.30')?.status).toBe('ongoing');
  });

  it('from 2025 NDSMR Art. 33 displaces it with a yearly report', () => {
    const [d] = decideOrg({ asOf: '2025-06-15', org: { cn: { importantDataProcessor: true } } });
    expect(obligationOf(d!, 'cn.xborder/dsl.30')).toBeUndefined();
    expect(obligationOf(d!, 'cn.xborder/ndsmr.33')?.due).toBe('2025-12-31');
    expect(obligationOf(d!, 'cn.xborder/ndsmr.30')).toBeDefined();
  });

  it('nothing for an organization that does not process important data', () => {
    expect(decideOrg({ asOf: '2025-06-15' })).toEqual([]);
  });

  const maps = (importantData: { notified: boolean; date?: string }) => ({ ...plant, id: 'maps', name: 'Survey maps', importantData });

  it('holding notified important data makes the organization a processor of it even when the flag is not set, from the notification date', () => {
    const [d] = decideOrg({ asOf: '2025-06-15', datasets: [maps({ notified: true, date: '2025-03-01' })] });
    expect(d?.outcome).toBe('important_data_processor_duties');
    expect(obligationOf(d!, 'cn.xborder/ndsmr.33')?.due).toBe('2025-12-31');
    expect(obligationOf(d!, 'cn.xborder/ndsmr.30')).toBeDefined();
    expect(d!.reasons[0]).toMatch(/^The organization processes important data \(dataset Survey maps \(maps\); `organization\.cn\.importantDataProcessor` is not set, but holding important data makes it one\)/);
    // notified after the judged date, or not notified at all (Order 16 on): not yet important data
    expect(decideOrg({ asOf: '2025-06-15', datasets: [maps({ notified: true, date: '2025-09-01' })] })).toEqual([]);
    expect(decideOrg({ asOf: '2025-06-15', datasets: [maps({ notified: false })] })).toEqual([]);
    // before Order 16 (2024-03-22) declared important data counts without a notification
    const [early] = decideOrg({ asOf: '2023-06-15', datasets: [maps({ notified: false })] });
    expect(obligationOf(early!, 'cn.xborder/dsl.30')?.status).toBe('ongoing');
  });

  it('with the flag set the reason does not explain it', () => {
    const [d] = decideOrg({ asOf: '2025-06-15', org: { cn: { importantDataProcessor: true } }, datasets: [maps({ notified: true, date: '2025-03-01' })] });
    expect(d!.reasons[0]).toMatch(/^The organization processes important data: it assesses/);
  });
});

describe('Art. 31 leaves a non-CIIO\'s export of important data to the CAC\'s measures (Order 11 from 2022-09-01)', () => {
  const maps = { id: 'maps', categories: ['geospatial' as const], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true } };
  const apply = (d: ReturnType<typeof decide>) => d.obligations.find((o) => o.id.endsWith(':apply'));

  it('exported since 2021-10-01: the duty to apply falls due on 2022-09-01, not before any assessment could be applied for', () => {
    for (const asOf of ['2023-03-01', '2025-06-01']) {
      const d = decide({ asOf, datasets: [maps], flows: [xfer('f', 'maps', { start: '2021-10-01' })] });
      expect(d.outcome, asOf).toBe('security_assessment');
      expect(apply(d)?.id, asOf).toBe('cn.xborder/dsl.31:apply');
      expect(apply(d)?.due, asOf).toBe('2022-09-01');
    }
    // judged before Order 11 took effect: due, not yet overdue
    expect(apply(decide({ asOf: '2022-03-01', datasets: [maps], flows: [xfer('f', 'maps', { start: '2021-10-01' })] }))).toMatchObject({ due: '2022-09-01', status: 'due' });
  });

  it('a CIIO owed it from the start (CSL Art. 37, in force since 2017)', () => {
    const d = decide({ asOf: '2023-03-01', org: { cn: { ciio: true } }, datasets: [maps], flows: [xfer('f', 'maps', { start: '2021-10-01' })] });
    expect(apply(d)?.due).toBe('2021-10-01');
  });
});

describe('Art. 31 with Order 16 Art. 2 / NDSMR Art. 37: the assessment duty arises when the data is notified', () => {
  const maps = (extra: object = {}) => ({ id: 'maps', categories: ['geospatial' as const], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true, date: '2025-09-01' }, ...extra });

  it('a transfer since 2024-04-15 of data notified as important on 2025-09-01: the duty to apply falls due on 2025-09-01, not on the start', () => {
    const d = decide({ asOf: '2026-12-01', datasets: [maps()], flows: [xfer('f', 'maps', { start: '2024-04-15' })] });
    expect(d.outcome).toBe('security_assessment');
    const apply = d.obligations.find((o) => o.id.endsWith(':apply'));
    expect(apply?.due).toBe('2025-09-01');
    expect(apply?.status).toBe('overdue');
  });

  it('a transfer starting after the notification is due at its start', () => {
    const d = decide({ asOf: '2026-12-01', datasets: [maps()], flows: [xfer('f', 'maps', { start: '2026-02-01' })] });
    expect(d.obligations.find((o) => o.id.endsWith(':apply'))?.due).toBe('2026-02-01');
  });

  it('PI of 1,500,000 people in the same data needed the assessment from the start anyway (Order 16 Art. 7(2)): due at the start', () => {
    const d = decide({
      asOf: '2026-12-01',
      datasets: [maps({ categories: ['geospatial', 'name', 'contact'], subjects: { CN: 1_500_000 } })],
      flows: [xfer('f', 'maps', { start: '2025-03-01' })],
    });
    expect(d.outcome).toBe('security_assessment');
    expect(d.obligations.find((o) => o.id.endsWith(':apply'))?.due).toBe('2025-03-01');
  });
});

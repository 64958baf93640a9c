/**
 * Tester for "what counts as an export" (CAC Guide; Q&As 2025) and the general-data rule.
 */
import { describe, expect, it } from 'vitest';
import { decide, pi, ruleIds, xfer, type Scenario } from './testing/fixtures.js';

const AS_OF = '2025-06-15';

describe('export or not', () => {
  it('access from abroad to data stored in China is an export (Guide item 2)', () => {
    const d = decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { kind: 'remote_access', destination: 'SG' })] });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.reasons.join(' ')).toMatch(/accessed from Singapore:/);
  });

  it('a transfer between two places in mainland China is not an export', () => {
    const d = decide({ asOf: AS_OF, datasets: [pi('d', 2_000_000)], flows: [xfer('f', 'd', { destination: 'CN' })] });
    expect(d.outcome).toBe('not_export');
    expect(d.verdict).toBe('not_applicable');
    // no export duty: only the duties of providing PI to another party within the mainland
    expect(d.obligations.map((o) => o.id).sort()).toEqual(['cn.xborder/ndsmr.12', 'cn.xborder/pipl.55.3']);
    // between the processor's own systems nothing is provided: no duty at all
    const own = decide({ asOf: AS_OF, datasets: [pi('d', 2_000_000)], flows: [xfer('f', 'd', { destination: 'CN', recipient: 'processor' })] });
    expect(own.outcome).toBe('not_export');
    expect(own.obligations).toHaveLength(0);
  });

  it('Hong Kong is outside the mainland: a transfer there is an export', () => {
    const d = decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { destination: 'HK' })] });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.reasons).toContain('Data held in mainland China goes to Hong Kong: an export (Guide item 1).');
  });

  it('the flow\'s fromCountry overrides the system location', () => {
    const d = decide({ asOf: AS_OF, systems: [{ id: 'sg-dc', location: 'SG' }], datasets: [pi('d', 200_000, { system: 'sg-dc', collectedIn: ['SG'] })], flows: [xfer('f', 'd', { fromCountry: 'CN' })] });
    expect(d.outcome).toBe('standard_contract_or_certification');
  });

  const heldAbroad = (withExport: boolean): Scenario => ({
    asOf: AS_OF,
    systems: [{ id: 'us-dc', location: 'US' }],
    datasets: [pi('copy', 200_000, { system: 'us-dc' }), pi('orig', 200_000)],
    flows: [
      ...(withExport ? [xfer('export', 'copy', { fromCountry: 'CN' })] : []),
      xfer('onward', 'copy', { destination: 'GB' }),
    ],
  });

  it('an onward flow of data already exported is not an export again', () => {
    const d = decide(heldAbroad(true), 'onward');
    expect(d.outcome).toBe('not_export');
    expect(ruleIds(d)).toContain('cn.xborder/guide.held-abroad');
    expect(d.reasons.join(' ')).toMatch(/already sits outside mainland China \(United States\);/);
  });

  it('data collected in China and held abroad with no declared export needs review', () => {
    const d = decide(heldAbroad(false), 'onward');
    expect(d.outcome).toBe('needs_review');
    expect(d.reasons.join(' ')).toMatch(/is held in the United States, and no declared flow exported it/);
  });

  it('data about people in China with no location declared needs review', () => {
    const d = decide({ asOf: AS_OF, datasets: [{ id: 'd', categories: ['name'], subjects: { CN: 10 } }], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('needs_review');
    expect(ruleIds(d)).toContain('cn.xborder/guide.source-unknown');
  });

  it('data with no link to China → not applicable', () => {
    const d = decide({ asOf: AS_OF, systems: [{ id: 'us-dc', location: 'US' }], datasets: [{ id: 'd', categories: ['name'], subjects: { US: 5_000_000 }, system: 'us-dc', collectedIn: ['US'] }], flows: [xfer('f', 'd', { destination: 'CN' })] });
    expect(d.outcome).toBe('not_applicable');
    expect(d.verdict).toBe('not_applicable');
  });
});

describe('Q&A Apr 2025 Q1: general data flows freely', () => {
  it('business data, no PI, no important data → exempt without duties', () => {
    const d = decide({ asOf: AS_OF, datasets: [{ id: 'sales', categories: ['business'], system: 'cn-dc', collectedIn: ['CN'] }], flows: [xfer('f', 'sales')] });
    expect(d.outcome).toBe('exempt');
    expect(d.obligations).toHaveLength(0);
  });

  it('personal categories marked anonymised are not PI', () => {
    const d = decide({ asOf: AS_OF, datasets: [pi('d', 5_000_000, { anonymized: true })], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('exempt');
  });
});

describe('before the rules', () => {
  it('a flow that ended in 2020 is judged on its end date: no rule in force → not applicable', () => {
    const d = decide({ asOf: '2025-06-15', datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2019-01-01', end: '2020-12-31' })] });
    expect(d.outcome).toBe('not_applicable');
    expect(d.reasons.join(' ')).toMatch(/before the DSL/);
  });

  it('a non-CIIO PI export on 2021-10-31 (DSL in force, PIPL not yet, Art. 74) → not applicable; on 2021-11-01 PIPL Art. 38', () => {
    const before = decide({ asOf: '2021-10-31', datasets: [pi('d', 200_000)], flows: [xfer('f', 'd')] });
    expect(before.outcome).toBe('not_applicable');
    expect(before.verdict).toBe('not_applicable');
    expect(before.reasons.join(' ')).toMatch(/before the PIPL took effect \(2021-11-01/);
    const on = decide({ asOf: '2021-11-01', datasets: [pi('d', 200_000)], flows: [xfer('f', 'd')] });
    expect(on.outcome).toBe('standard_contract_or_certification');
    expect(ruleIds(on)).toContain('cn.xborder/pipl.38');
  });

  it('important data on 2021-10-31 is already under DSL Art. 31', () => {
    const d = decide({ asOf: '2021-10-31', datasets: [{ id: 'maps', categories: ['geospatial'], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true } }], flows: [xfer('f', 'maps')] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/dsl.31');
  });

  it('a CIIO export in 2019 was already under CSL Art. 37', () => {
    const d = decide({ asOf: '2025-06-15', org: { cn: { ciio: true } }, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2019-01-01', end: '2019-12-31' })] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toEqual(['cn.xborder/csl.37']);
  });
});

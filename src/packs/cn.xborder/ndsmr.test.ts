/**
 * Tester for the NDSMR rules: Art. 35 routes (incl. 35(6) statutory duty), Arts. 12, 31, 37, 38, and the
 * organization-level Arts. 13, 28, 30, 32, 33.
 */
import { describe, expect, it } from 'vitest';
import { decide, decideOrg, obligationOf, pi, ruleIds, spi, xfer, type Scenario } from './testing/fixtures.js';

describe('Art. 35(6): statutory duty or obligation', () => {
  const wire = (asOf: string): Scenario => ({ asOf, datasets: [spi('remitters', 200_000)], flows: [xfer('wire', 'remitters', { purpose: 'statutory_duty' })] });

  it('from 2025-01-01 a lawful route: exempt', () => {
    const d = decide(wire('2025-01-01'));
    expect(d.outcome).toBe('exempt');
    expect(ruleIds(d)).toContain('cn.xborder/ndsmr.35.6');
  });

  it('on 2024-12-31 not yet a route: 200,000 people\'s sensitive PI → assessment', () => {
    const d = decide(wire('2024-12-31'));
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).not.toContain('cn.xborder/ndsmr.35.6');
  });

  it('transfers made in 2024 under a statutory duty count in the 2024 window: the route starts in 2025', () => {
    // The support flow ended on 2024-06-01 and is judged on that day; the statutory-duty flow
    // sent 150,000 people's PI abroad from 2024-01-01. Art. 35(6) was not in force in 2024, so
    // those people count, whatever the as-of date.
    const s = (asOf: string): Scenario => ({
      asOf,
      datasets: [pi('wires', 150_000), pi('tickets', 10)],
      flows: [xfer('aml', 'wires', { purpose: 'statutory_duty', start: '2024-01-01' }), xfer('support', 'tickets', { purpose: 'customer_support', start: '2024-05-01', end: '2024-06-01' })],
    });
    for (const asOf of ['2024-07-01', '2025-06-01']) {
      const d = decide(s(asOf), 'support');
      expect(d.outcome, asOf).toBe('standard_contract_or_certification');
      expect(ruleIds(d), asOf).toContain('cn.xborder/order16.8');
      expect(d.reasons.join(' '), asOf).toMatch(/150,010 people/);
    }
    expect(decide(s('2025-06-01'), 'aml').outcome).toBe('exempt');
  });

  it('not for important data', () => {
    const d = decide({ asOf: '2025-03-01', datasets: [pi('d', 10, { importantData: { notified: true } })], flows: [xfer('f', 'd', { purpose: 'statutory_duty' })] });
    expect(d.outcome).toBe('security_assessment');
  });
});

describe('Art. 35(4), (5), (7): the same routes as Order 16 Art. 5(1)–(3)', () => {
  it('cited beside Order 16 from 2025, not before', () => {
    const s = (asOf: string): Scenario => ({ asOf, datasets: [pi('staff', 900, { categories: ['name', 'employment'] })], flows: [xfer('f', 'staff', { purpose: 'hr_management' })] });
    expect(ruleIds(decide(s('2025-02-01')))).toEqual(expect.arrayContaining(['cn.xborder/order16.5.2', 'cn.xborder/ndsmr.35']));
    expect(ruleIds(decide(s('2024-06-01')))).not.toContain('cn.xborder/ndsmr.35');
    expect(decide(s('2024-06-01')).outcome).toBe('exempt');
  });

  it('a purpose outside the routes (marketing) is not exempt by Art. 35', () => {
    const d = decide({ asOf: '2025-02-01', datasets: [pi('leads', 200_000)], flows: [xfer('f', 'leads', { purpose: 'marketing' })] });
    expect(ruleIds(d)).not.toContain('cn.xborder/ndsmr.35');
    expect(d.outcome).toBe('standard_contract_or_certification');
  });
});

describe('Arts. 37, 38', () => {
  it('Art. 37 from 2025-01-01 only; Order 16 covers important data before', () => {
    const s = (asOf: string): Scenario => ({ asOf, datasets: [{ id: 'map', categories: ['geospatial'], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true } }], flows: [xfer('f', 'map')] });
    expect(ruleIds(decide(s('2025-01-01')))).toContain('cn.xborder/ndsmr.37');
    const before = decide(s('2024-12-31'));
    expect(ruleIds(before)).not.toContain('cn.xborder/ndsmr.37');
    expect(before.outcome).toBe('security_assessment');
  });

  it('Art. 38 explains a changed export only when an assessment exists', () => {
    const d = decide({ asOf: '2025-06-15', datasets: [pi('d', 1_500_000)], flows: [xfer('f', 'd', { recipientChanged: true })] });
    expect(ruleIds(d)).not.toContain('cn.xborder/ndsmr.38');
  });
});

describe('Art. 31: a risk assessment before providing important data', () => {
  const map = (notifiedOn?: string) => ({ id: 'map', categories: ['geospatial' as const], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true, ...(notifiedOn ? { date: notifiedOn } : {}) } });
  const duty = (d: ReturnType<typeof decide>) => d.obligations.find((o) => o.id === 'cn.xborder/ndsmr.31');

  it('an export of important data owes it before the transfer, to the named recipient, with the article cited', () => {
    const d = decide({ asOf: '2025-06-01', datasets: [map()], flows: [xfer('f', 'map', { start: '2025-03-01' })] });
    const o = duty(d)!;
    expect(o).toMatchObject({ citation: 'NDSMR Art. 31', due: '2025-03-01', status: 'overdue' });
    expect(o.what).toMatch(/^Carry out a risk assessment, covering what NDSMR Art\. 31 lists, before providing the important data to /);
    // one full stop after a name that ends in one (Overseas Partner Inc.)
    expect(o.what).toMatch(/to Overseas Partner Inc\.$/);
    expect(ruleIds(d)).toContain('cn.xborder/ndsmr.31');
  });

  it('is due no earlier than 2025-01-01 for a transfer begun before, nor before the data was notified', () => {
    expect(duty(decide({ asOf: '2025-06-01', datasets: [map()], flows: [xfer('f', 'map', { start: '2024-04-15' })] }))!.due).toBe('2025-01-01');
    expect(duty(decide({ asOf: '2025-12-01', datasets: [map('2025-09-01')], flows: [xfer('f', 'map', { start: '2024-04-15' })] }))!.due).toBe('2025-09-01');
    // not yet in force
    expect(duty(decide({ asOf: '2024-12-31', datasets: [map()], flows: [xfer('f', 'map', { start: '2024-04-15' })] }))).toBeUndefined();
  });

  it('is done by a declared important_data_risk_assessment; not owed for a statutory duty, nor for data that is not important', () => {
    const done = decide({ asOf: '2025-06-01', datasets: [map()], flows: [xfer('f', 'map', { start: '2025-03-01', safeguards: [{ type: 'important_data_risk_assessment', date: '2025-02-20' }] })] });
    expect(duty(done)).toMatchObject({ status: 'done' });
    expect(duty(decide({ asOf: '2025-06-01', datasets: [map()], flows: [xfer('f', 'map', { start: '2025-03-01', purpose: 'statutory_duty' })] }))).toBeUndefined();
    expect(duty(decide({ asOf: '2025-06-01', datasets: [pi('d', 100)], flows: [xfer('f', 'd', { start: '2025-03-01' })] }))).toBeUndefined();
  });
});

describe('Art. 31 within China: providing important data to another party in the mainland', () => {
  const map = { id: 'map', categories: ['geospatial' as const], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true, date: '2025-02-01' } };
  const local = { id: 'local-partner', name: 'Local Partner Co., Ltd.', kind: 'company' as const, organizedIn: 'CN' };
  const duty = (d: ReturnType<typeof decide>) => d.obligations.find((o) => o.id === 'cn.xborder/ndsmr.31');
  const s = (flow: Partial<Parameters<typeof xfer>[2]>, extra: Partial<Scenario> = {}): Scenario => ({
    asOf: '2025-06-01',
    entities: [local],
    datasets: [map],
    flows: [xfer('f', 'map', { recipient: 'local-partner', destination: 'CN', start: '2025-04-01', ...flow })],
    ...extra,
  });

  it('not an export, but the risk assessment is owed before providing: due at the start, to the recipient, with a reason', () => {
    const d = decide(s({}));
    expect(d.outcome).toBe('not_export');
    expect(d.verdict).toBe('not_applicable');
    expect(duty(d)).toMatchObject({ citation: 'NDSMR Art. 31', due: '2025-04-01', status: 'overdue', to: 'Local Partner Co., Ltd.' });
    expect(ruleIds(d)).toContain('cn.xborder/ndsmr.31');
    expect(d.reasons.join(' ')).toMatch(/provided to Local Partner Co\., Ltd\. within mainland China: not an export, but NDSMR Art\. 31 requires a risk assessment/);
  });

  it('access by a local party\'s people physically in China is providing too', () => {
    const d = decide(s({ kind: 'remote_access', physicallyInCountry: true }));
    expect(d.outcome).toBe('not_export');
    expect(duty(d)).toBeDefined();
  });

  it('due no earlier than 2025-01-01 nor the notification date; done by important_data_risk_assessment', () => {
    expect(duty(decide(s({ start: '2024-06-01' })))!.due).toBe('2025-02-01');
    expect(duty(decide(s({ start: '2024-06-01' }, { datasets: [{ ...map, importantData: { notified: true } }] })))!.due).toBe('2025-01-01');
    expect(duty(decide(s({ safeguards: [{ type: 'important_data_risk_assessment', date: '2025-03-20' }] })))).toMatchObject({ status: 'done' });
    expect(duty(decide({ ...s({}), asOf: '2024-12-31' }))).toBeUndefined();
  });

  it('not owed for a statutory duty, for data not (yet) notified as important, nor between the provider\'s own systems or to its branch', () => {
    expect(duty(decide(s({ purpose: 'statutory_duty' })))).toBeUndefined();
    expect(duty(decide(s({}, { datasets: [{ ...map, importantData: { notified: false } }] })))).toBeUndefined();
    expect(duty(decide(s({}, { datasets: [{ ...map, importantData: { notified: true, date: '2025-09-01' } }] })))).toBeUndefined();
    expect(duty(decide(s({ recipient: 'processor' })))).toBeUndefined();
    const branch = { id: 'bj-branch', name: 'Processor Co., Ltd., Beijing Branch', kind: 'company' as const, organizedIn: 'CN', branchOf: 'processor' };
    expect(duty(decide(s({ recipient: 'bj-branch' }, { entities: [local, branch] })))).toBeUndefined();
  });

  it('not owed for important data held abroad that comes into China (not provided from China)', () => {
    const abroad = { ...map, system: 'sg-dc' };
    const d = decide(s({}, { systems: [{ id: 'sg-dc', location: 'SG', kind: 'datacenter' }], datasets: [abroad] }));
    expect(d.outcome).toBe('not_export');
    expect(duty(d)).toBeUndefined();
  });
});

describe('Art. 13: national security review of a listing not covered by Review Measures Art. 7', () => {
  it('a Macau listing is treated like Hong Kong by default', () => {
    const ds = decideOrg({ asOf: '2025-09-01', org: { cn: { networkPlatformOperator: { users: 2_000_000 } }, listings: [{ exchange: 'MOX', country: 'MO' }] } });
    expect(ds.map((d) => d.outcome)).toEqual(['national_security_review_possible']);
  });

  it('before 2025 only the Review Measures\' ex officio route is cited', () => {
    const [d] = decideOrg({ asOf: '2024-09-01', org: { cn: { networkPlatformOperator: { users: 2_000_000 } }, listings: [{ exchange: 'HKEX', country: 'HK' }] } });
    expect(d?.rules.map((r) => r.id)).toEqual(['cn.xborder/csrm.16']);
  });

  it('a listing in mainland China is not reviewed under these rules', () => {
    expect(decideOrg({ asOf: '2025-09-01', org: { cn: { networkPlatformOperator: { users: 2_000_000 } }, listings: [{ exchange: 'SSE', country: 'CN' }] } })).toEqual([]);
  });
});

describe('Art. 12: records of providing PI or important data to another party, kept 3 years', () => {
  const local = { id: 'local-vendor', name: 'Local Vendor Co., Ltd.', kind: 'company' as const, organizedIn: 'CN' };
  const duty = (d: ReturnType<typeof decide>) => obligationOf(d, 'cn.xborder/ndsmr.12');
  const s = (flow: Partial<Parameters<typeof xfer>[2]> = {}, extra: Partial<Scenario> = {}): Scenario => ({
    asOf: '2025-06-15',
    entities: [local],
    datasets: [pi('customers', 50_000)],
    flows: [xfer('f', 'customers', { start: '2025-02-01', ...flow })],
    ...extra,
  });

  it('a PI export to another party: an ongoing duty naming the recipient and the 3 years', () => {
    const d = decide(s());
    expect(ruleIds(d)).toContain('cn.xborder/ndsmr.12');
    expect(duty(d)).toMatchObject({ citation: 'NDSMR Art. 12', status: 'ongoing' });
    expect(duty(d)!.due).toBeUndefined();
    expect(duty(d)!.what).toBe('Keep records of providing the PI to Overseas Partner Inc. (and of entrusting its processing) for at least 3 years from each provision.');
  });

  it('a flow that ended names the last day: 3 years after its end', () => {
    expect(duty(decide(s({ end: '2025-05-31' })))!.what).toMatch(/: for this flow, which ended 2025-05-31, until at least 2028-05-31\.$/);
  });

  it('within the mainland too, for PI and for important data; done by provision_records', () => {
    expect(duty(decide(s({ recipient: 'local-vendor', destination: 'CN' })))).toBeDefined();
    const maps = { id: 'maps', categories: ['geospatial' as const], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true, date: '2025-02-01' } };
    const d = decide(s({ dataset: 'maps', recipient: 'local-vendor', destination: 'CN' }, { datasets: [maps] }));
    expect(duty(d)!.what).toMatch(/^Keep records of providing the important data to Local Vendor Co\., Ltd\./);
    expect(duty(decide(s({ safeguards: [{ type: 'provision_records', date: '2025-02-01' }] })))).toMatchObject({ status: 'done' });
  });

  it('not before 2025-01-01, not to the provider itself (own system abroad) or its branch, not for general data, not to a recipient on the Art. 42 list', () => {
    expect(duty(decide({ ...s(), asOf: '2024-12-31' }))).toBeUndefined();
    expect(duty(decide(s({ recipient: 'processor' })))).toBeUndefined();
    const branch = { id: 'us-branch', name: 'Processor Co., Ltd., US Branch', kind: 'company' as const, organizedIn: 'CN', branchOf: 'processor' };
    expect(duty(decide(s({ recipient: 'us-branch' }, { entities: [local, branch] })))).toBeUndefined();
    expect(duty(decide(s({}, { datasets: [pi('customers', 50_000, { anonymized: true })] })))).toBeUndefined();
    const listed = { id: 'listed', name: 'Listed Ltd.', kind: 'company' as const, organizedIn: 'US', designations: [{ list: 'cn.pipl42' }] };
    expect(duty(decide(s({ recipient: 'listed' }, { entities: [local, listed] })))).toBeUndefined();
  });
});

describe('Art. 28: a processor of the PI of 10,000,000 people or more follows Arts. 30 and 32', () => {
  const org = (datasets: Scenario['datasets'], extra: Partial<Scenario> = {}, asOf = '2025-06-15'): Scenario => ({ asOf, datasets, ...extra });
  const duties = (s: Scenario, overrides = {}) => decideOrg(s, overrides).find((d) => d.outcome === 'important_data_processor_duties');

  it('10,000,000 people (以上, inclusive): the officer and body, and the disposal report, cited to Art. 28', () => {
    const d = duties(org([pi('a', 6_000_000), pi('b', 4_000_000)]))!;
    expect(d.rules.map((r) => r.id)).toEqual(['cn.xborder/ndsmr.28']);
    expect(d.verdict).toBe('permitted');
    expect(d.reasons[0]).toBe('The organization processes the PI of 10,000,000 people (the people its personal datasets list, added up), 10,000,000 or more: NDSMR Art. 28 makes it also follow Arts. 30 and 32, the provisions for important-data processors.');
    expect(obligationOf(d, 'cn.xborder/ndsmr.28:30')).toMatchObject({ citation: 'NDSMR Arts. 28, 30', status: 'ongoing' });
    expect(obligationOf(d, 'cn.xborder/ndsmr.28:32')).toMatchObject({ citation: 'NDSMR Arts. 28, 32', to: 'provincial-or-higher competent authority', status: 'ongoing' });
  });

  it('9,999,999 people: nothing; nor before 2025-01-01', () => {
    expect(duties(org([pi('a', 9_999_999)]))).toBeUndefined();
    expect(duties(org([pi('a', 12_000_000)], {}, '2024-12-31'))).toBeUndefined();
  });

  it('a network platform operator\'s declared users count when more', () => {
    const d = duties(org([pi('a', 20_000)], { org: { cn: { networkPlatformOperator: { users: 15_000_000 } } } }))!;
    expect(d.reasons[0]).toMatch(/^The organization processes the PI of 15,000,000 people \(the users it holds as a network platform operator\)/);
  });

  it('a mainland dataset counts every jurisdiction it lists (policy count_subjects); a dataset abroad only its people in China', () => {
    const mixed = [pi('a', 8_000_000, { subjects: { CN: 8_000_000, HK: 2_000_000 } })];
    expect(duties(org(mixed))).toBeDefined();
    expect(duties(org(mixed), { countSubjects: 'cn' })).toBeUndefined();
    const abroad = org([pi('a', 5_000_000, { system: 'us-dc', collectedIn: ['US'], subjects: { CN: 1_000, US: 30_000_000 } })], { systems: [{ id: 'us-dc', location: 'US', kind: 'datacenter' }] });
    expect(duties(abroad)).toBeUndefined();
    // anonymised data is not PI
    expect(duties(org([pi('a', 12_000_000, { anonymized: true })]))).toBeUndefined();
  });

  it('an important-data processor already owes Arts. 30 and 32: Art. 28 only says it applies too', () => {
    const d = duties(org([pi('a', 11_000_000)], { org: { cn: { importantDataProcessor: true } } }))!;
    expect(d.rules.map((r) => r.id)).toEqual(['cn.xborder/ndsmr.33', 'cn.xborder/ndsmr.30', 'cn.xborder/ndsmr.32', 'cn.xborder/ndsmr.28']);
    expect(d.reasons.join(' ')).toMatch(/the provisions for important-data processors, whose duties it owes already as one\./);
    expect(d.obligations.map((o) => o.id)).toEqual(['cn.xborder/ndsmr.33', 'cn.xborder/ndsmr.30', 'cn.xborder/ndsmr.32']);
  });
});

describe('Art. 32: an important-data processor reports the disposal plan on a merger, split, dissolution or bankruptcy', () => {
  it('from 2025-01-01, beside Arts. 30 and 33', () => {
    const [d] = decideOrg({ asOf: '2025-06-15', org: { cn: { importantDataProcessor: true } } });
    expect(obligationOf(d!, 'cn.xborder/ndsmr.32')).toMatchObject({ citation: 'NDSMR Art. 32', to: 'provincial-or-higher competent authority', status: 'ongoing' });
    expect(obligationOf(d!, 'cn.xborder/ndsmr.32')!.what).toBe('On a merger, split, dissolution or bankruptcy, report the plan for disposing of the important data and who receives it to the provincial-or-higher competent authority.');
    const [before] = decideOrg({ asOf: '2024-06-15', org: { cn: { importantDataProcessor: true } } });
    expect(obligationOf(before!, 'cn.xborder/ndsmr.32')).toBeUndefined();
  });
});

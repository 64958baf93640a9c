/**
 * Rule testers for 28 CFR 202: each rule with cases that must and must not trigger, at the
 * boundaries the text sets.
 */
import { describe, expect, it } from 'vitest';
import { inventory, decide } from '../../testing/inventory.js';
import { usDojDsp } from './index.js';
import type { DatasetInput, EntityInput, FlowInput } from '../../inventory/schema.js';
import type { ParamValue } from '../../engine/params.js';
import { derivePersons } from '../../facts/us-persons.js';
import { runCheck } from '../../engine/check.js';
import { ANNUAL_REPORT_OWNERSHIP_DAYS } from './params.js';

const AS_OF = '2026-01-15';
const cnVendor = { id: 'v', name: 'CN Vendor', kind: 'company' as const, organizedIn: 'CN' };

function one(categories: string[], subjects: number, extra: Partial<FlowInput> = {}, ds: Record<string, unknown> = {}) {
  return inventory({
    entities: [cnVendor],
    datasets: [{ id: 'd', categories, subjects: { US: subjects }, ...ds } as DatasetInput],
    flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'data_brokerage', start: '2025-06-01', ...extra }],
  });
}

describe('202.205 bulk thresholds ("more than N")', () => {
  const table: [string[], number, string][] = [
    [['health', 'financial_account'], 10_000, 'not_covered'],
    [['genomic'], 100, 'not_covered'],
    [['genomic'], 101, 'prohibited'],
    [['biometric'], 1_000, 'not_covered'],
    [['biometric'], 1_001, 'prohibited'],
    [['name', 'government_id'], 100_000, 'not_covered'],
    [['name', 'government_id'], 100_001, 'prohibited'],
  ];
  for (const [cats, n, outcome] of table) {
    it(`${cats.join('+')} on ${n} U.S. persons → ${outcome}`, () => {
      expect(decide(usDojDsp, one(cats, n), AS_OF).outcome).toBe(outcome);
    });
  }
  it('health alone at 10,001 → prohibited brokerage; at 10,000 → not covered', () => {
    expect(decide(usDojDsp, one(['health'], 10_001), AS_OF).outcome).toBe('prohibited');
    expect(decide(usDojDsp, one(['health'], 10_000), AS_OF).outcome).toBe('not_covered');
  });
  it('precise geolocation counts U.S. devices, not persons', () => {
    expect(decide(usDojDsp, one(['precise_geolocation'], 5, {}, { usDevices: 1_001 }), AS_OF).outcome).toBe('prohibited');
    expect(decide(usDojDsp, one(['precise_geolocation'], 50_000, {}, { usDevices: 1_000 }), AS_OF).outcome).toBe('not_covered');
  });
  it('geolocation with no device count declared counts its U.S. persons as devices, and says so', () => {
    const bulk = decide(usDojDsp, one(['precise_geolocation'], 1_001), AS_OF);
    expect(bulk.outcome).toBe('prohibited');
    expect(bulk.reasons.join('\n')).toMatch(/no U\.S\. device count is declared for dataset d \(`usDevices`\): its U\.S\. persons are counted as devices/);
    const under = decide(usDojDsp, one(['precise_geolocation'], 1_000), AS_OF);
    expect(under.outcome).toBe('not_covered');
    expect(under.reasons.join('\n')).toMatch(/not bulk: precise geolocation data on 1,000 U\.S\. devices[^\n]*\n[^\n]*no U\.S\. device count is declared/);
    // a declared count is taken as it is, without the note
    const declared = decide(usDojDsp, one(['precise_geolocation'], 1_001, {}, { usDevices: 1_000 }), AS_OF);
    expect(declared.outcome).toBe('not_covered');
    expect(declared.reasons.join('\n')).not.toMatch(/no U\.S\. device count/);
    // a flow's own count stands for it too
    expect(decide(usDojDsp, one(['precise_geolocation'], 50_000, { usDevices: 10 } as Partial<FlowInput>), AS_OF).outcome).toBe('not_covered');
  });
  it('combined data: bulk when any type exceeds the lowest threshold in the set (202.205(g))', () => {
    // financial (10,000) + biometric (1,000): 5,000 persons exceeds the lowest threshold.
    const d = decide(usDojDsp, one(['financial', 'biometric'], 5_000), AS_OF);
    expect(d.outcome).toBe('prohibited');
    expect(d.reasons.join(' ')).toMatch(/combined dataset/);
  });
});

describe('202.205 aggregation over 12 months with the same counterparty', () => {
  const inv = (secondStart: string) =>
    inventory({
      entities: [cnVendor, { id: 'w', name: 'Other CN Vendor', kind: 'company', organizedIn: 'CN' }],
      datasets: [
        { id: 'a', categories: ['health'], subjects: { US: 6_000 } },
        { id: 'b', categories: ['health'], subjects: { US: 6_000 } },
      ],
      flows: [
        { id: 'f1', dataset: 'a', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', start: '2025-05-01', end: '2025-05-02', safeguards: [{ type: 'cisa_security_requirements' }] },
        { id: 'f2', dataset: 'b', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', start: secondStart, safeguards: [{ type: 'cisa_security_requirements' }] },
        { id: 'f3', dataset: 'b', recipient: 'w', destination: 'CN', kind: 'vendor_agreement', start: secondStart, safeguards: [{ type: 'cisa_security_requirements' }] },
      ],
    });
  it('two 6,000-person transactions with the same vendor within 12 months are bulk together', () => {
    const d = decide(usDojDsp, inv('2025-12-01'), '2026-01-15', 'f2');
    expect(d.outcome).toBe('restricted');
    expect(d.reasons.join(' ')).toMatch(/12,000 U\.S\. persons across 2 transactions/);
  });
  it('a different counterparty is not aggregated', () => {
    expect(decide(usDojDsp, inv('2025-12-01'), '2026-01-15', 'f3').outcome).toBe('not_covered');
  });
  it('a transaction older than 12 months drops out of the window', () => {
    expect(decide(usDojDsp, inv('2025-12-01'), '2026-05-03', 'f2').outcome).toBe('not_covered');
    expect(decide(usDojDsp, inv('2025-12-01'), '2026-05-02', 'f2').outcome).toBe('restricted');
  });
  it('the same dataset sent twice counts its people once', () => {
    const i = inventory({
      entities: [cnVendor],
      datasets: [{ id: 'a', categories: ['health'], subjects: { US: 6_000 } }],
      flows: [
        { id: 'f1', dataset: 'a', recipient: 'v', destination: 'CN', kind: 'data_brokerage', start: '2025-05-01' },
        { id: 'f2', dataset: 'a', recipient: 'v', destination: 'CN', kind: 'data_brokerage', start: '2025-06-01' },
      ],
    });
    expect(decide(usDojDsp, i, AS_OF, 'f2').outcome).toBe('not_covered');
  });
});

describe('202.222 government-related data: any volume', () => {
  it('geolocation on the Government-Related Location Data List, 3 devices → prohibited brokerage', () => {
    const d = decide(usDojDsp, one(['precise_geolocation'], 3, {}, { usDevices: 3, governmentRelated: { locations: true } }), AS_OF);
    expect(d.outcome).toBe('prohibited');
    expect(d.reasons.join(' ')).toMatch(/202\.222\(a\)\(1\)/);
  });
  it('data marketed as linked to active-duty personnel, 50 persons → prohibited brokerage', () => {
    expect(decide(usDojDsp, one(['name', 'health'], 50, {}, { governmentRelated: { marketedAsGovernmentPersonnel: true } }), AS_OF).outcome).toBe('prohibited');
  });
});

describe('202.401 restricted transactions and the security requirements', () => {
  const vendor = (extra: Partial<FlowInput>) => one(['health'], 20_000, { kind: 'vendor_agreement', ...extra });
  it('declared security requirements → restricted, permitted, with compliance duties', () => {
    const d = decide(usDojDsp, vendor({ safeguards: [{ type: 'cisa_security_requirements', date: '2025-05-01' }] }), AS_OF);
    expect([d.outcome, d.verdict]).toEqual(['restricted', 'permitted']);
    expect(d.obligations.find((o) => o.id === 'us.doj.dsp/202.1002')?.due).toBe('2026-12-31');
  });
  it('the audit is owed for a year the transaction is engaged in: one starting next year is audited for that year', () => {
    const later = decide(usDojDsp, vendor({ start: '2027-01-11' }), AS_OF);
    expect(later.obligations.find((o) => o.id === 'us.doj.dsp/202.1002')).toMatchObject({ due: '2027-12-31', what: expect.stringMatching(/for 2027$/) });
    const now = decide(usDojDsp, vendor({ start: '2026-03-01' }), AS_OF);
    expect(now.obligations.find((o) => o.id === 'us.doj.dsp/202.1002')?.due).toBe('2026-12-31');
  });
  it('not yet begun and no security requirements → restricted, conditional, implement before start', () => {
    const d = decide(usDojDsp, vendor({ start: '2026-03-01' }), AS_OF);
    expect([d.outcome, d.verdict]).toEqual(['restricted', 'conditional']);
    expect(d.obligations[0]).toMatchObject({ id: 'us.doj.dsp/202.248', due: '2026-03-01', status: 'due' });
  });
  it('under way without security requirements → prohibited, blocked', () => {
    const d = decide(usDojDsp, vendor({}), AS_OF);
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
    expect(d.rules[0]!.id).toBe('us.doj.dsp/202.401(a):unmet');
    expect(d.obligations).toEqual([]);
  });
  it("bulk 'omic data stays prohibited even with the security requirements (202.303, 202.401(b))", () => {
    const d = decide(usDojDsp, one(['genomic'], 500, { kind: 'vendor_agreement', safeguards: [{ type: 'cisa_security_requirements' }] }), AS_OF);
    expect(d.outcome).toBe('prohibited');
    expect(d.rules[0]!.citation).toBe('28 CFR 202.303(a)');
  });
  it('a passive investment (<10 %, public securities) is not an investment agreement (202.228(b))', () => {
    const base = { kind: 'investment_agreement' as const, investment: { publiclyTraded: true, votingEquityPercent: 9.99 } };
    expect(decide(usDojDsp, one(['health'], 20_000, base), AS_OF).outcome).toBe('not_covered');
    expect(decide(usDojDsp, one(['health'], 20_000, { ...base, investment: { publiclyTraded: true, votingEquityPercent: 10 } }), AS_OF).outcome).toBe('prohibited');
  });
});

describe('202.1103 annual report and 202.1104 rejected transactions', () => {
  it('cloud restricted transaction by a company 25 % owned by a covered person → report due 1 March', () => {
    const inv = inventory({
      organization: { owners: [{ entity: 'cn-inv', percent: 25 }] },
      entities: [cnVendor, { id: 'cn-inv', name: 'CN investor', kind: 'company', organizedIn: 'CN' }],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', cloudComputing: true, start: '2025-11-01', safeguards: [{ type: 'cisa_security_requirements' }] }],
    });
    const report = (asOf: string) => decide(usDojDsp, inv, asOf).obligations.find((o) => o.id === 'us.doj.dsp/202.1103');
    expect(report('2026-01-15')).toMatchObject({ due: '2026-03-01', status: 'due' });
    expect(report('2026-03-02')).toMatchObject({ due: '2027-03-01' });
    const at24 = { ...inv, organization: { ...inv.organization, owners: [{ entity: 'cn-inv', percent: 24.9 }] } };
    expect(decide(usDojDsp, at24, '2026-01-15').obligations.find((o) => o.id === 'us.doj.dsp/202.1103')).toBeUndefined();
  });
  it('an offer rejected before 202.1104 took effect (6 October 2025) is not a prohibited transaction: rejected, permitted, no report owed (it was blocked as prohibited brokerage)', () => {
    const inv = one(['health'], 20_000, { offerRejected: '2025-09-01', start: undefined });
    for (const asOf of ['2025-09-15', '2026-01-15']) {
      const d = decide(usDojDsp, inv, asOf);
      expect([d.outcome, d.verdict]).toEqual(['rejected', 'permitted']);
      expect(d.obligations.find((o) => o.id === 'us.doj.dsp/202.1104')).toBeUndefined();
      expect(d.reasons[0]).toMatch(/rejected on 2025-09-01: no transaction was engaged in \(202\.301\(a\)\); the 202\.1104 report applies to rejections from 2025-10-06/);
    }
    // Judged before 6 October 2025, a rejection the same day is no transaction either.
    const d = decide(usDojDsp, one(['health'], 20_000, { offerRejected: '2025-10-01', start: undefined }), '2025-10-01');
    expect(d.outcome).toBe('rejected');
    // Bulk 'omic data offered and rejected: 202.303 yields too.
    expect(decide(usDojDsp, one(['genomic'], 500, { offerRejected: '2025-09-01', start: undefined }), '2026-01-15').outcome).toBe('rejected');
  });
  it('a rejected offer is no transaction: its data is not aggregated into the other flows with the same buyer (8,000 offered and rejected + 5,000 under a vendor agreement read 13,000 "across 2 transactions" and blocked it)', () => {
    const inv = inventory({
      entities: [cnVendor],
      datasets: [{ id: 'a', categories: ['health'], subjects: { US: 8_000 } }, { id: 'b', categories: ['health'], subjects: { US: 5_000 } }, { id: 'c', categories: ['health'], subjects: { US: 6_000 } }],
      flows: [
        { id: 'offer', dataset: 'a', recipient: 'v', destination: 'CN', kind: 'data_brokerage', offerRejected: '2025-12-01' },
        { id: 'real', dataset: 'b', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', start: '2025-11-01' },
      ],
    });
    const real = decide(usDojDsp, inv, AS_OF, 'real');
    expect(real.outcome).toBe('not_covered');
    expect(real.reasons.join('\n')).toMatch(/not bulk: personal health data on 5,000 U\.S\. persons/);
    // The offer itself is judged with the transactions before it: 8,000 + 5,000 is bulk, so it was an offer of a prohibited transaction.
    const offer = decide(usDojDsp, inv, AS_OF, 'offer');
    expect(offer.outcome).toBe('rejected');
    // Two rejected offers do not add up either.
    const two = { ...inv, flows: [inv.flows[0]!, { ...inv.flows[0]!, id: 'offer2', dataset: 'c' }] };
    expect(decide(usDojDsp, two, AS_OF, 'offer2').outcome).toBe('not_covered');
  });
  it('a rejected brokerage offer must be reported within 14 days; overdue after', () => {
    const inv = one(['health'], 20_000, { offerRejected: '2026-01-01', start: undefined });
    const d = decide(usDojDsp, inv, '2026-01-15');
    expect([d.outcome, d.verdict]).toEqual(['rejected', 'permitted']);
    expect(d.obligations[0]).toMatchObject({ id: 'us.doj.dsp/202.1104', due: '2026-01-15', status: 'due' });
    expect(decide(usDojDsp, inv, '2026-01-16').obligations[0]!.status).toBe('overdue');
    const filed = one(['health'], 20_000, { offerRejected: '2026-01-01', start: undefined, filed: [{ report: 'us.doj.dsp/202.1104', date: '2026-01-10' }] });
    expect(decide(usDojDsp, filed, '2026-02-01').obligations[0]!.status).toBe('done');
  });
});

describe('202.302 onward-transfer clause', () => {
  const inv = (extra: Partial<FlowInput>) =>
    inventory({
      entities: [{ id: 'sg', name: 'SG Broker', kind: 'company', organizedIn: 'SG' }],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'sg', destination: 'SG', kind: 'data_brokerage', start: '2025-06-01', ...extra }],
    });
  it('brokerage of bulk data to a non-covered foreign person requires the clause', () => {
    const d = decide(usDojDsp, inv({}), AS_OF);
    expect([d.outcome, d.verdict]).toEqual(['onward_transfer_clause_required', 'conditional']);
  });
  it('the brokerage carries the 202.1101(a) records duty ("any U.S. person" in a transaction subject to Part 202)', () => {
    const d = decide(usDojDsp, inv({}), AS_OF);
    expect(d.obligations.map((o) => o.id)).toEqual(['us.doj.dsp/202.302(a)(1)', 'us.doj.dsp/202.1101']);
    expect(d.obligations[1]).toMatchObject({ what: 'Keep a full and accurate record of this data-brokerage transaction for at least 10 years', citation: '28 CFR 202.1101(a)' });
    // not bulk: not a 202.302 transaction, no records duty
    const small = inventory({
      entities: [{ id: 'sg', name: 'SG Broker', kind: 'company', organizedIn: 'SG' }],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 10_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'sg', destination: 'SG', kind: 'data_brokerage', start: '2025-06-01' }],
    });
    expect(decide(usDojDsp, small, AS_OF).obligations).toEqual([]);
  });
  it('an exemption lifts 202.302 too (subpart C does not apply to the exempt data transaction)', () => {
    const d = decide(usDojDsp, inv({ purpose: 'us_government_business' }), AS_OF);
    expect([d.outcome, d.verdict]).toEqual(['exempt', 'permitted']);
    expect(d.rules.map((r) => r.id)).toEqual(['us.doj.dsp/202.504']);
    expect(d.obligations.map((o) => o.id)).toEqual(['us.doj.dsp/202.1102']);
  });
  it('with the clause declared it is permitted; a known violation must be reported in 14 days', () => {
    const d = decide(usDojDsp, inv({ safeguards: [{ type: 'onward_transfer_clause', date: '2025-05-20' }], violationKnown: '2026-01-10' }), AS_OF);
    expect(d.verdict).toBe('permitted');
    expect(d.obligations.find((o) => o.id === 'us.doj.dsp/202.302(b)')).toMatchObject({ due: '2026-01-24', status: 'due' });
  });
});

describe('scope', () => {
  it('a non-U.S. exporter with no U.S. person directing → not applicable', () => {
    const inv = inventory({
      organization: { id: 'de-co', name: 'DE Co', organizedIn: 'DE' },
      entities: [cnVendor],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'data_brokerage' }],
    });
    expect(decide(usDojDsp, inv, AS_OF).verdict).toBe('not_applicable');
  });
  it('before 2025-04-08 the rule is not in force', () => {
    const d = decide(usDojDsp, one(['health'], 20_000), '2025-04-07');
    expect(d.verdict).toBe('not_applicable');
    expect(decide(usDojDsp, one(['health'], 20_000), '2025-04-08').outcome).toBe('prohibited');
  });
  it('publicly available data is not sensitive personal data (202.249(b)(2))', () => {
    expect(decide(usDojDsp, one(['health'], 20_000, {}, { publiclyAvailable: true }), AS_OF).outcome).toBe('not_covered');
  });
});

describe('202.305 directing, read as "would be prohibited if engaged in by a U.S. person"', () => {
  const directed = (extra: Partial<FlowInput>) =>
    inventory({
      entities: [
        { id: 'us-founder', name: 'US founder', kind: 'individual', usStatus: 'citizen', location: 'US' },
        { id: 'foreign-co', name: 'Offshore Co', kind: 'company', organizedIn: 'KY' },
        cnVendor,
      ],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', from: 'foreign-co', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', directedByUsPerson: 'us-founder', start: '2025-06-01', ...extra }],
    });
  it('an exempt transaction is not prohibited by 202.305: subpart C does not apply to it (202.505)', () => {
    const d = decide(usDojDsp, directed({ purpose: 'financial_services' }), AS_OF);
    expect(d.outcome).toBe('exempt');
    expect(d.rules.map((r) => r.id)).not.toContain('us.doj.dsp/202.305');
  });
  it('a security-requirements declaration that expired before the judged date does not satisfy subpart D', () => {
    const d = decide(usDojDsp, directed({ safeguards: [{ type: 'cisa_security_requirements', date: '2025-05-01', expires: '2025-12-31' }] }), AS_OF);
    expect(d.outcome).toBe('prohibited');
    expect(d.rules.map((r) => r.id)).toContain('us.doj.dsp/202.305');
  });
  it('not begun, no security requirements yet: restricted and conditional, as for a U.S. person', () => {
    const d = decide(usDojDsp, directed({ start: '2026-03-01' }), AS_OF);
    expect([d.outcome, d.verdict]).toEqual(['restricted', 'conditional']);
    expect(d.obligations.map((o) => o.id)).toContain('us.doj.dsp/202.248');
  });
  it('of two flows of the same pair, decided one after the other, only the directed one binds a U.S. person', () => {
    const base = directed({});
    const undirected = { ...base.flows[0]!, id: 'g', directedByUsPerson: undefined };
    for (const flows of [[base.flows[0]!, undirected], [undirected, base.flows[0]!]]) {
      const result = runCheck({ ...base, flows }, { asOf: AS_OF, packs: [usDojDsp] });
      const by = new Map(result.flows.map((f) => [f.flow, f.decisions[0]!]));
      expect(by.get('f')!.outcome).toBe('prohibited');
      expect(by.get('f')!.rules.map((r) => r.id)).toContain('us.doj.dsp/202.305');
      expect(by.get('g')!.outcome).toBe('not_applicable');
      expect(by.get('g')!.reasons[0]).toContain('Part 202 binds U.S. persons; Offshore Co is not one');
    }
  });
});

describe('202.510 regulatory approval data: recordkeeping is a condition of the exemption', () => {
  it('the exempt decision carries the 202.1101(a) records duty as well as 202.1102', () => {
    const d = decide(usDojDsp, one(['health'], 20_000, { kind: 'vendor_agreement', purpose: 'regulatory_approval' }), AS_OF);
    expect(d.outcome).toBe('exempt');
    expect(d.obligations.map((o) => o.id)).toEqual(['us.doj.dsp/202.1102', 'us.doj.dsp/202.1101']);
  });
  it('other exemptions do not carry it (202.505)', () => {
    const d = decide(usDojDsp, one(['health'], 20_000, { kind: 'vendor_agreement', purpose: 'financial_services' }), AS_OF);
    expect(d.obligations.map((o) => o.id)).toEqual(['us.doj.dsp/202.1102']);
  });
});

/** A 30 % CN-owned organization's cloud-computing vendor agreement under way since 2025-11-01, security requirements in place: it owes 202.1103 reports and 202.1002 audits. */
const cloudVendorAgreement = (flow: Partial<FlowInput>) =>
  inventory({
    organization: { owners: [{ entity: 'cn-inv', percent: 30 }] },
    entities: [cnVendor, { id: 'cn-inv', name: 'CN investor', kind: 'company', organizedIn: 'CN' }],
    datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
    flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', cloudComputing: true, start: '2025-11-01', safeguards: [{ type: 'cisa_security_requirements' }], ...flow }],
  });

describe('202.1103 annual report: the year reported is one the transaction was engaged in', () => {
  const inv = cloudVendorAgreement;
  const report = (i: ReturnType<typeof inv>, asOf: string) => decide(usDojDsp, i, asOf).obligations.find((o) => o.id === 'us.doj.dsp/202.1103');
  it('a transaction that ended in 2025: the 2025 report, due 1 March 2026, overdue when judged later', () => {
    const r = report(inv({ end: '2025-12-15' }), '2027-06-01');
    expect(r).toMatchObject({ due: '2026-03-01', status: 'overdue' });
    expect(r!.what).toMatch(/31 December 2025/);
  });
  it('a transaction not begun until 2026: no 2025 report; the 2026 report is due 1 March 2027', () => {
    expect(report(inv({ start: '2026-05-01' }), '2026-01-15')).toMatchObject({ due: '2027-03-01', status: 'due' });
  });
  it('an ongoing transaction: the next report not yet past (unchanged)', () => {
    expect(report(inv({}), '2026-03-01')).toMatchObject({ due: '2026-03-01' });
    expect(report(inv({}), '2026-03-02')).toMatchObject({ due: '2027-03-01' });
  });
});

describe('202.1103 and 202.1002: a past year\'s report or audit not recorded as filed stays overdue after the year turns', () => {
  const inv = cloudVendorAgreement;
  const duties = (i: ReturnType<typeof inv>, asOf: string, id: string) => decide(usDojDsp, i, asOf).obligations.filter((o) => o.id === id || o.id.startsWith(`${id}:`));

  it('ongoing since 2025, judged 2027-06-01 with nothing filed: the 2025 and 2026 reports and audits are overdue beside the next ones', () => {
    expect(duties(inv({}), '2027-06-01', 'us.doj.dsp/202.1103').map((o) => [o.id, o.due, o.status])).toEqual([
      ['us.doj.dsp/202.1103:2025', '2026-03-01', 'overdue'],
      ['us.doj.dsp/202.1103:2026', '2027-03-01', 'overdue'],
      ['us.doj.dsp/202.1103', '2028-03-01', 'due'],
    ]);
    // until 1 March 2027 the 2026 report is the next one not yet past
    expect(duties(inv({}), '2027-02-01', 'us.doj.dsp/202.1103').map((o) => [o.id, o.due, o.status])).toEqual([
      ['us.doj.dsp/202.1103:2025', '2026-03-01', 'overdue'],
      ['us.doj.dsp/202.1103', '2027-03-01', 'due'],
    ]);
    expect(duties(inv({}), '2027-06-01', 'us.doj.dsp/202.1002').map((o) => [o.id, o.due, o.status])).toEqual([
      ['us.doj.dsp/202.1002:2025', '2025-12-31', 'overdue'],
      ['us.doj.dsp/202.1002:2026', '2026-12-31', 'overdue'],
      ['us.doj.dsp/202.1002', '2027-12-31', 'due'],
    ]);
  });

  it('a year recorded as filed is not listed again; a transaction begun in 2026 owes nothing for 2025', () => {
    const filed = [{ report: 'us.doj.dsp/202.1103:2025', date: '2026-02-20' }, { report: 'us.doj.dsp/202.1002:2025', date: '2025-12-20' }];
    expect(duties(inv({ filed }), '2027-06-01', 'us.doj.dsp/202.1103').map((o) => o.id)).toEqual(['us.doj.dsp/202.1103:2026', 'us.doj.dsp/202.1103']);
    expect(duties(inv({ filed }), '2027-06-01', 'us.doj.dsp/202.1002').map((o) => o.id)).toEqual(['us.doj.dsp/202.1002:2026', 'us.doj.dsp/202.1002']);
    expect(duties(inv({ start: '2026-02-01' }), '2027-06-01', 'us.doj.dsp/202.1002').map((o) => o.id)).toEqual(['us.doj.dsp/202.1002:2026', 'us.doj.dsp/202.1002']);
    expect(duties(inv({ start: '2026-02-01' }), '2027-06-01', 'us.doj.dsp/202.1103').map((o) => o.id)).toEqual(['us.doj.dsp/202.1103:2026', 'us.doj.dsp/202.1103']);
  });

  it('at most ten past years are listed, the oldest saying how many more are missing', () => {
    const d = duties(inv({}), '2040-06-01', 'us.doj.dsp/202.1002');
    expect(d).toHaveLength(11);
    expect(d[0]).toMatchObject({ id: 'us.doj.dsp/202.1002:2030', status: 'overdue' });
    expect(d[0]!.what).toMatch(/\(and 5 earlier years not recorded as filed\)$/);
    expect(d[10]).toMatchObject({ id: 'us.doj.dsp/202.1002', due: '2040-12-31' });
  });
});

describe('202.1103 annual report: an undeclared share of a covered owner', () => {
  const inv = (owners: { entity: string; percent?: number }[]) =>
    inventory({
      organization: { owners },
      entities: [cnVendor, { id: 'cn-inv', name: 'CN investor', kind: 'company', organizedIn: 'CN' }, { id: 'de-inv', name: 'DE investor', kind: 'company', organizedIn: 'DE' }],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', cloudComputing: true, start: '2025-11-01', safeguards: [{ type: 'cisa_security_requirements' }] }],
    });
  const report = (i: ReturnType<typeof inv>) => decide(usDojDsp, i, '2026-01-15');
  it('is taken to reach 25 % under the conservative unknown-share policy, and the reason says so', () => {
    const d = report(inv([{ entity: 'cn-inv' }]));
    expect(d.obligations.find((o) => o.id === 'us.doj.dsp/202.1103')).toMatchObject({ due: '2026-03-01' });
    expect(d.reasons.join(' ')).toMatch(/undeclared share/);
  });
  it('an undeclared share of an owner that is not covered does not trigger the report', () => {
    expect(report(inv([{ entity: 'de-inv' }])).obligations.find((o) => o.id === 'us.doj.dsp/202.1103')).toBeUndefined();
  });
});

describe('202.1103 annual report: equity owned "directly or indirectly", through owners that are not covered persons', () => {
  const inv = (orgOwners: { entity: string; percent?: number }[], entities: EntityInput[]) =>
    inventory({
      organization: { owners: orgOwners },
      entities: [cnVendor, { id: 'cn-parent', name: 'CN Parent', kind: 'company', organizedIn: 'CN' }, ...entities],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', cloudComputing: true, start: '2025-11-01', safeguards: [{ type: 'cisa_security_requirements' }] }],
    });
  const report = (i: ReturnType<typeof inv>) => decide(usDojDsp, i, '2026-01-15');
  const reportDuty = (i: ReturnType<typeof inv>) => report(i).obligations.find((o) => o.id === 'us.doj.dsp/202.1103');
  it('a CN parent owning the organization through a wholly owned U.S. holding company (a U.S. person, never a covered person): 30 % indirect → report', () => {
    const i = inv([{ entity: 'us-hold', percent: 30 }], [{ id: 'us-hold', name: 'US Holdings', kind: 'company', organizedIn: 'US', owners: [{ entity: 'cn-parent', percent: 100 }] }]);
    expect(reportDuty(i)).toMatchObject({ due: '2026-03-01' });
    expect(report(i).reasons).toContain('US Holdings holds 30% and is itself 100% owned, directly or indirectly, by countries of concern or covered persons: 30% of US Co');
  });
  it('through a foreign holding company 40 % CN-owned (not a covered person: under 50 %) that owns the organization outright: 40 % indirect → report', () => {
    const i = inv([{ entity: 'ky-hold', percent: 100 }], [{ id: 'ky-hold', name: 'KY Holdings', kind: 'company', organizedIn: 'KY', owners: [{ entity: 'cn-parent', percent: 40 }] }]);
    expect(reportDuty(i)).toMatchObject({ due: '2026-03-01' });
    expect(report(i).reasons.join('\n')).toMatch(/40% owned, directly or indirectly/);
  });
  it('the shares multiply up the chain: 40 % of a holding 60 % CN-owned through a U.S. company is 24 % — under 25 %, no report; with 1 % held directly, 25 % → report', () => {
    const hold = { id: 'us-hold', name: 'US Holdings', kind: 'company' as const, organizedIn: 'US', owners: [{ entity: 'cn-parent', percent: 60 }] };
    expect(reportDuty(inv([{ entity: 'us-hold', percent: 40 }], [hold]))).toBeUndefined();
    expect(reportDuty(inv([{ entity: 'us-hold', percent: 40 }, { entity: 'cn-parent', percent: 1 }], [hold]))).toMatchObject({ due: '2026-03-01' });
  });
  it('an undeclared share of the holding company on the way from a CN parent follows the unknown-share policy', () => {
    const i = inv([{ entity: 'us-hold', percent: 100 }], [{ id: 'us-hold', name: 'US Holdings', kind: 'company', organizedIn: 'US', owners: [{ entity: 'cn-parent' }] }]);
    expect(reportDuty(i)).toMatchObject({ due: '2026-03-01' });
    expect(report(i).reasons.join(' ')).toMatch(/undeclared share/);
  });
  it('the U.S. person engaged is a U.S. subsidiary the inventory lists as exporter: wholly owned by the organization, itself 30 % CN-owned → the subsidiary files (it was asked only of the organization)', () => {
    const i = inv([{ entity: 'cn-parent', percent: 30 }], [{ id: 'us-sub', name: 'US Cloud Sub', kind: 'company', organizedIn: 'US', owners: [{ entity: 'us-co', percent: 100 }] }]);
    const fromSub = { ...i, flows: [{ ...i.flows[0]!, from: 'us-sub' }] };
    expect(reportDuty(fromSub)).toMatchObject({ due: '2026-03-01' });
    expect(report(fromSub).reasons).toContain('US Co holds 100% and is itself 30% owned, directly or indirectly, by countries of concern or covered persons: 30% of US Cloud Sub');
    // A U.S. subsidiary the organization owns with no covered owner above: no report.
    const clean = inv([], [{ id: 'us-sub', name: 'US Cloud Sub', kind: 'company', organizedIn: 'US', owners: [{ entity: 'us-co', percent: 100 }] }]);
    expect(reportDuty({ ...clean, flows: [{ ...clean.flows[0]!, from: 'us-sub' }] })).toBeUndefined();
  });
  it('a holding company with no covered owner adds nothing, and a cycle of holding companies ends', () => {
    const i = inv([{ entity: 'a', percent: 100 }], [
      { id: 'a', name: 'A', kind: 'company', organizedIn: 'US', owners: [{ entity: 'b', percent: 90 }, { entity: 'cn-parent', percent: 10 }] },
      { id: 'b', name: 'B', kind: 'company', organizedIn: 'US', owners: [{ entity: 'a', percent: 100 }] },
    ]);
    // 10 % through A, plus A's 90 % held by B, which is A's own: the cycle adds nothing.
    expect(reportDuty(i)).toBeUndefined();
  });
});

describe('202.1103 annual report: the ownership of the year reported, not of the as-of date', () => {
  /** The organization 30 % owned by a CN investor over the given period; a cloud-computing vendor agreement under way since 2025-11-01. */
  const held = (period: { from?: string; until?: string }) => inventory({
    organization: { owners: [{ entity: 'cn-inv', percent: 30, ...period }] },
    entities: [cnVendor, { id: 'cn-inv', name: 'CN investor', kind: 'company', organizedIn: 'CN' }],
    datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
    flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', cloudComputing: true, start: '2025-11-01', safeguards: [{ type: 'cisa_security_requirements' }] }],
  });
  const reports = (i: ReturnType<typeof held>, asOf: string) => {
    const d = decide(usDojDsp, i, asOf);
    return { duties: d.obligations.filter((o) => o.id.startsWith('us.doj.dsp/202.1103')).map((o) => [o.id, o.due, o.status]), reasons: d.reasons.join('\n') };
  };

  it('a stake sold after the year ended: that year\'s report is still owed, and the reason dates the ownership', () => {
    const r = reports(held({ until: '2027-01-10' }), '2027-02-01');
    expect(r.duties).toEqual([
      ['us.doj.dsp/202.1103:2025', '2026-03-01', 'overdue'],
      ['us.doj.dsp/202.1103', '2027-03-01', 'due'],
    ]);
    expect(r.reasons).toMatch(/US Co was 30% owned, directly or indirectly, by countries of concern or covered persons on 2026-01-01 \(at least 25%\)/);
  });

  it('a stake bought after the year ended: no report for that year; the next one owed is this year\'s', () => {
    const r = reports(held({ from: '2027-01-10' }), '2027-02-01');
    expect(r.duties).toEqual([['us.doj.dsp/202.1103', '2028-03-01', 'due']]);
    expect(r.reasons).toMatch(/US Co is 30% owned/);
  });

  it('a stake held for part of a year makes that year\'s report owed (any day engaged), and only the years it was held', () => {
    // held from 2026-04-01 to 2026-06-30; judged in mid-2028: only the 2026 report, overdue
    expect(reports(held({ from: '2026-04-01', until: '2026-06-30' }), '2028-06-01').duties).toEqual([['us.doj.dsp/202.1103:2026', '2027-03-01', 'overdue']]);
    expect(reports(held({ from: '2026-04-01', until: '2026-06-30' }), '2028-06-01').reasons).toMatch(/was 30% owned, .* on 2026-04-01 /);
    // held only before the transaction began: nothing
    expect(reports(held({ until: '2025-10-31' }), '2027-06-01').duties).toEqual([]);
  });

  it('read on the last day engaged instead (the other reading of the parameter): a stake sold mid-year owes nothing for that year', () => {
    const values = ANNUAL_REPORT_OWNERSHIP_DAYS.values as ParamValue<'any_day_engaged' | 'last_day_engaged'>[];
    const saved = values[0]!;
    values[0] = { ...saved, value: 'last_day_engaged' };
    try {
      expect(reports(held({ until: '2026-06-30' }), '2027-06-01').duties).toEqual([['us.doj.dsp/202.1103:2025', '2026-03-01', 'overdue']]);
    } finally {
      values[0] = saved;
    }
    expect(reports(held({ until: '2026-06-30' }), '2027-06-01').duties).toEqual([
      ['us.doj.dsp/202.1103:2025', '2026-03-01', 'overdue'],
      ['us.doj.dsp/202.1103:2026', '2027-03-01', 'overdue'],
    ]);
  });
});

describe('202.1103 covered equity through an ownership cycle does not depend on what was asked before', () => {
  // A is 40 % CN-owned and 60 % owned by B; B is 80 % owned by A. From B, the cycle is traced
  // once: 80 % of A's 40 % = 32 %. Asking A first used to keep B at 0 % for every later question.
  const inv = inventory({
    entities: [
      { id: 'cn', name: 'CN Parent', kind: 'company', organizedIn: 'CN' },
      { id: 'a', name: 'A', kind: 'company', organizedIn: 'US', owners: [{ entity: 'cn', percent: 40 }, { entity: 'b', percent: 60 }] },
      { id: 'b', name: 'B', kind: 'company', organizedIn: 'US', owners: [{ entity: 'a', percent: 80 }] },
    ],
  });
  it('B alone, and B after A, give the same 32 %', () => {
    const first = derivePersons(inv, AS_OF);
    const alone = first.coveredEquity('b').percent;
    const second = derivePersons(inv, AS_OF);
    second.coveredEquity('a');
    expect(alone).toBe(32);
    expect(second.coveredEquity('b').percent).toBe(32);
    expect(second.coveredEquity('a').percent).toBe(first.coveredEquity('a').percent);
  });
});

describe('202.205 aggregation "between the same U.S. person and the same foreign person": a branch is not a separate person', () => {
  const inv = (from2: string | undefined, to2: string) =>
    inventory({
      entities: [
        { id: 'cn-co', name: 'CN Co', kind: 'company', organizedIn: 'CN' },
        { id: 'cn-co-sg', name: 'CN Co, Singapore branch', kind: 'company', branchOf: 'cn-co', principalPlaceOfBusiness: 'SG' },
        { id: 'us-co-de', name: 'US Co, German branch', kind: 'company', branchOf: 'us-co', principalPlaceOfBusiness: 'DE' },
      ],
      datasets: [
        { id: 'a', categories: ['health'], subjects: { US: 6_000 } },
        { id: 'b', categories: ['health'], subjects: { US: 5_000 } },
      ],
      flows: [
        { id: 'f1', dataset: 'a', recipient: 'cn-co', destination: 'CN', kind: 'data_brokerage', start: '2025-06-01' },
        { id: 'f2', dataset: 'b', ...(from2 ? { from: from2 } : {}), recipient: to2, destination: 'SG', kind: 'data_brokerage', start: '2025-07-01' },
      ],
    });
  it('health data on 6,000 to a CN company and on 5,000 to its Singapore branch: 11,000 to one foreign person → bulk, prohibited (each was counted alone: not covered)', () => {
    for (const id of ['f1', 'f2']) {
      const d = decide(usDojDsp, inv(undefined, 'cn-co-sg'), AS_OF, id);
      expect(d.outcome, id).toBe('prohibited');
      expect(d.reasons.join('\n')).toMatch(/personal health data on 11,000 U\.S\. persons across 2 transactions with this counterparty \(f1, f2\)/);
    }
  });
  it('6,000 from the organization and 5,000 from its own German branch to the same CN company: one U.S. person → bulk, prohibited', () => {
    expect(decide(usDojDsp, inv('us-co-de', 'cn-co'), AS_OF, 'f2').outcome).toBe('prohibited');
  });
  it('a different foreign person is not aggregated: 5,000 to another CN company stays short of bulk', () => {
    const i = inv(undefined, 'cn-co-sg');
    const other = { ...i, entities: [...i.entities, { ...i.entities[0]!, id: 'cn-other', name: 'CN Other' }], flows: [i.flows[0]!, { ...i.flows[1]!, recipient: 'cn-other' }] };
    expect(decide(usDojDsp, other, AS_OF, 'f2').outcome).toBe('not_covered');
  });
});

describe('202.211 covered status is judged on the date the flow is judged', () => {
  // A Singapore broker (not covered on its own facts) designated by the Attorney General on 2025-10-01,
  // and another whose designation ended on 2025-12-31.
  const inv = inventory({
    entities: [
      { id: 'later', name: 'Later Listed Pte.', kind: 'company', organizedIn: 'SG', designations: [{ list: 'doj.covered_persons', listedFrom: '2025-10-01' }] },
      { id: 'gone', name: 'Delisted Pte.', kind: 'company', organizedIn: 'SG', designations: [{ list: 'doj.covered_persons', listedFrom: '2025-04-08', listedUntil: '2025-12-31' }] },
    ],
    datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
    flows: [
      { id: 'before', dataset: 'd', recipient: 'later', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01', end: '2025-08-31' },
      { id: 'after', dataset: 'd', recipient: 'later', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01' },
      { id: 'while', dataset: 'd', recipient: 'gone', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01', end: '2025-09-30' },
      { id: 'still', dataset: 'd', recipient: 'gone', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01' },
    ],
  });
  it('a brokerage that ended before the counterparty was designated was not with a covered person', () => {
    const d = decide(usDojDsp, inv, AS_OF, 'before');
    // brokerage to a foreign person that is not a covered person: the 202.302 clause, not 202.301
    expect(d.outcome).toBe('onward_transfer_clause_required');
    expect(d.reasons.join('\n')).toMatch(/Later Listed Pte\. was a foreign person and not a covered person on 2025-08-31, the date this flow is judged on/);
    const after = decide(usDojDsp, inv, AS_OF, 'after');
    expect(after.outcome).toBe('prohibited');
    expect(after.reasons.join('\n')).toMatch(/Later Listed Pte\. is a covered person: designated by the Attorney General/);
  });
  it('a brokerage that ended while the counterparty was designated was prohibited, though the designation has ended since', () => {
    const d = decide(usDojDsp, inv, AS_OF, 'while');
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
    expect(d.reasons.join('\n')).toMatch(/Delisted Pte\. was a covered person on 2025-09-30, the date this flow is judged on: designated by the Attorney General/);
    expect(decide(usDojDsp, inv, AS_OF, 'still').outcome).toBe('onward_transfer_clause_required');
  });
});

describe('202.211 covered status follows ownership and employment as they stood on the flow\'s date', () => {
  // A Singapore broker bought by a Chinese group on 2025-10-01; another sold by one on 2025-12-31.
  const inv = inventory({
    entities: [
      { id: 'cn-grp', name: 'CN Group', kind: 'company', organizedIn: 'CN' },
      { id: 'bought', name: 'Bought Pte.', kind: 'company', organizedIn: 'SG', owners: [{ entity: 'cn-grp', percent: 75, from: '2025-10-01' }] },
      { id: 'sold', name: 'Sold Pte.', kind: 'company', organizedIn: 'SG', owners: [{ entity: 'cn-grp', percent: 75, from: '2024-01-01', until: '2025-12-31' }] },
    ],
    datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
    flows: [
      { id: 'before', dataset: 'd', recipient: 'bought', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01', end: '2025-09-30' },
      { id: 'after', dataset: 'd', recipient: 'bought', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01' },
      { id: 'while', dataset: 'd', recipient: 'sold', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01', end: '2025-11-30' },
      { id: 'still', dataset: 'd', recipient: 'sold', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01' },
    ],
  });
  it('a brokerage that ended before the acquisition was not with a covered person; one still running is prohibited', () => {
    const d = decide(usDojDsp, inv, AS_OF, 'before');
    expect(d.outcome).toBe('onward_transfer_clause_required');
    expect(d.reasons.join('\n')).toMatch(/Bought Pte\. was a foreign person and not a covered person on 2025-09-30, the date this flow is judged on/);
    const after = decide(usDojDsp, inv, AS_OF, 'after');
    expect(after.outcome).toBe('prohibited');
    expect(after.reasons.join('\n')).toMatch(/Bought Pte\. is a covered person: a foreign entity 75% owned.*CN Group 75% \(held from 2025-10-01\)/);
  });
  it('a brokerage that ended while the recipient was Chinese-owned was prohibited, though the stake has been sold since', () => {
    const d = decide(usDojDsp, inv, AS_OF, 'while');
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
    expect(d.reasons.join('\n')).toMatch(/Sold Pte\. was a covered person on 2025-11-30, the date this flow is judged on: a foreign entity 75% owned.*CN Group 75% \(held 2024-01-01 to 2025-12-31\)/);
    expect(decide(usDojDsp, inv, AS_OF, 'still').outcome).toBe('onward_transfer_clause_required');
  });
});

describe('202.211 over the days a flow ran, when it has ended', () => {
  const inv = inventory({
    entities: [
      { id: 'cn-grp', name: 'CN Group', kind: 'company', organizedIn: 'CN' },
      { id: 'interim', name: 'Interim Pte.', kind: 'company', organizedIn: 'SG', owners: [{ entity: 'cn-grp', percent: 75, from: '2025-06-01', until: '2025-09-30' }] },
    ],
    datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
    flows: [
      { id: 'across', dataset: 'd', recipient: 'interim', destination: 'SG', kind: 'data_brokerage', start: '2025-05-01', end: '2025-12-15' },
      { id: 'after', dataset: 'd', recipient: 'interim', destination: 'SG', kind: 'data_brokerage', start: '2025-10-01', end: '2025-12-15' },
    ],
  });
  it('a brokerage that ran while the counterparty was Chinese-owned was prohibited, though the stake was sold before it ended', () => {
    const d = decide(usDojDsp, inv, AS_OF, 'across');
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
    expect(d.reasons.join('\n')).toMatch(/Interim Pte\. was a covered person on 2025-06-01, while this flow ran \(2025-05-01 to 2025-12-15\): a foreign entity 75% owned/);
  });
  it('one that began after the stake was sold was not', () => {
    expect(decide(usDojDsp, inv, AS_OF, 'after').outcome).toBe('onward_transfer_clause_required');
  });
});

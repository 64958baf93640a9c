/**
 * The China cross-border cases (../shared/cases/cn-transfer-examples.jsonl), each encoded as a
 * small inventory and asserted against the outcome the row states — or, for "other" rows, the
 * classification its reason states.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../testing/shared.js';
import { decide, decideOrg, obligationOf, pi, ruleIds, spi, xfer, type Scenario } from './testing/fixtures.js';

interface Row {
  readonly id: string;
  readonly outcome: string;
  readonly reason: string;
}

const rows: readonly Row[] = readFileSync(sharedPath('cases', 'cn-transfer-examples.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as Row);
const byId = new Map(rows.map((r) => [r.id, r]));

/** The outcome a row states; "other" rows return the classification the test names instead. */
function stated(id: string, classification?: string): string {
  const row = byId.get(id);
  if (!row) throw new Error(`case ${id} is not in the shared file`);
  if (row.outcome === 'other') {
    if (classification === undefined) throw new Error(`case ${id} is "other": name the classification its reason states`);
    return classification;
  }
  return row.outcome;
}

/** Rows handled by another feature, with where they are tested. */
const DELEGATED: Readonly<Record<string, string>> = {
  'cn-xb-041': 'vulnerability reporting (MIIT regulations Art. 7(2), 9(7)): src/clocks/packs/cn.test.ts',
  'cn-xb-043': 'CN Art. 9(7) vs CRA Art. 14 conflict: src/clocks/packs/cn.test.ts',
};

const ENCODED = new Set<string>();
const testCase = (id: string, title: string, fn: () => void) => {
  ENCODED.add(id);
  it(`${id}: ${title}`, fn);
};

describe('cn-transfer-examples.jsonl', () => {
  testCase('cn-xb-003', 'exactly 100,000 people since 1 January is inside Art. 8 (以上 is inclusive)', () => {
    const d = decide({ asOf: '2025-03-15', datasets: [pi('customers', 100_000)], flows: [xfer('f', 'customers')] });
    expect(d.outcome).toBe(stated('cn-xb-003'));
    expect(ruleIds(d)).toContain('cn.xborder/order16.8');
    expect(d.verdict).toBe('conditional');
  });

  testCase('cn-xb-008', 'financial-account data of 10,000 people → Art. 7(2) assessment', () => {
    const d = decide({ asOf: '2025-10-15', datasets: [spi('accounts', 10_000)], flows: [xfer('f', 'accounts')] });
    expect(d.outcome).toBe(stated('cn-xb-008'));
    expect(ruleIds(d)).toContain('cn.xborder/order16.7.2.volume');
  });

  testCase('cn-xb-009', '1,200,000 non-sensitive plus 5,000 sensitive: the higher mechanism governs both flows', () => {
    const s: Scenario = { asOf: '2025-08-15', datasets: [pi('customers', 1_200_000), spi('cards', 5_000)], flows: [xfer('plain', 'customers'), xfer('sensitive', 'cards')] };
    expect(decide(s, 'plain').outcome).toBe(stated('cn-xb-009'));
    // Even when sensitive persons are not also counted as non-sensitive, the processor's
    // non-sensitive count alone reaches Art. 7(2), so its sensitive exports follow it too.
    const sens = decide(s, 'sensitive', { sensitiveCountsAsNonSensitive: false });
    expect(sens.outcome).toBe(stated('cn-xb-009'));
    expect(sens.reasons.join(' ')).toMatch(/displaced.*Art\. 8/);
  });

  testCase('cn-xb-011', 'a CIIO airline sending passenger data for bookings and visas the passengers ordered is exempt (Art. 5(1))', () => {
    const s: Scenario = {
      asOf: '2025-04-15',
      org: { cn: { ciio: true } },
      entities: [
        { id: 'hotel', name: 'Hotel abroad', kind: 'company', organizedIn: 'FR' },
        { id: 'consulate', name: 'Consulate of a foreign state', kind: 'government', government: 'FR' },
      ],
      datasets: [pi('passengers', 2_000_000, { categories: ['name', 'government_id'] })],
      flows: [
        xfer('hotel-booking', 'passengers', { recipient: 'hotel', destination: 'FR', purpose: 'contract_with_individual', subjects: { CN: 40_000 } }),
        xfer('visa', 'passengers', { recipient: 'consulate', destination: 'FR', purpose: 'contract_with_individual', subjects: { CN: 3_000 } }),
      ],
    };
    for (const id of ['hotel-booking', 'visa']) {
      const d = decide(s, id);
      expect(d.outcome, id).toBe(stated('cn-xb-011'));
      expect(ruleIds(d)).toContain('cn.xborder/order16.5.1');
      expect(d.reasons.join(' ')).toMatch(/Open to CIIOs/);
    }
    // Without the contract purpose, the same CIIO export needs the assessment.
    expect(decide({ ...s, flows: [xfer('other', 'passengers', { purpose: 'analytics' })] }).outcome).toBe('security_assessment');
  });

  testCase('cn-xb-014', 'employee data to the overseas HQ HRIS under lawful labour rules is exempt; notice and PIPIA remain', () => {
    const d = decide({
      asOf: '2025-02-15',
      datasets: [pi('employees', 3_000, { categories: ['name', 'employment'] })],
      flows: [xfer('hris', 'employees', { purpose: 'hr_management', consentBased: false })],
    });
    expect(d.outcome).toBe(stated('cn-xb-014'));
    expect(d.verdict).toBe('permitted');
    expect(ruleIds(d)).toContain('cn.xborder/order16.5.2');
    expect(obligationOf(d, 'cn.xborder/pipl.39.notice')).toBeDefined();
    expect(obligationOf(d, 'cn.xborder/pipl.55')).toBeDefined();
  });

  testCase('cn-xb-016', 'medical history sent to a foreign hospital treating a collapsed tourist is exempt (Art. 5(3))', () => {
    const d = decide({
      asOf: '2025-06-15',
      entities: [{ id: 'hospital', name: 'Hospital abroad', kind: 'company', organizedIn: 'TH' }],
      datasets: [pi('insured', 800_000, { categories: ['name', 'health'] })],
      flows: [xfer('treatment', 'insured', { recipient: 'hospital', destination: 'TH', purpose: 'emergency', subjects: { CN: 1 } })],
    });
    expect(d.outcome).toBe(stated('cn-xb-016'));
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['cn.xborder/order16.5.3', 'cn.xborder/ndsmr.35']));
  });

  testCase('cn-xb-018', 'foreign orders merged with unverified domestic profiles cannot ride Art. 4: needs review', () => {
    // Overseas customers' orders (declared foreign-origin, as Art. 4 data is) into which the
    // platform merged domestic users' profiles, scope unverified; 20,000 people in China.
    const orders = { collectedIn: ['US', 'CN'], subjects: { US: 500_000, CN: 20_000 }, mixedDomesticUnverified: true };
    for (const ds of [pi('orders', 20_000, { ...orders, foreignOriginOnly: true }), pi('orders', 20_000, orders)]) {
      const d = decide({ asOf: '2025-05-15', datasets: [ds], flows: [xfer('return', 'orders')] });
      expect(d.outcome).toBe(stated('cn-xb-018', 'needs_review'));
      expect(d.verdict).toBe('conditional');
      expect(ruleIds(d)).toContain('cn.xborder/order16.4.mixed');
      expect(ruleIds(d)).not.toContain('cn.xborder/order16.4');
      // Art. 4 is not met at all (not merely outranked by the review).
      expect(d.reasons.join(' ')).not.toMatch(/Order No\. 16 Art\. 4 \(exempt\)/);
    }
    // Without the merge, the same foreign-origin orders are exempt under Art. 4.
    const clean = decide({ asOf: '2025-05-15', datasets: [pi('orders', 0, { collectedIn: ['US'], subjects: { US: 500_000 }, foreignOriginOnly: true })], flows: [xfer('return', 'orders')] });
    expect(ruleIds(clean)).toContain('cn.xborder/order16.4');
  });

  testCase('cn-xb-021', 'notified geospatial important data plus 50,000 people\'s PI → assessment; Art. 5(4) does not reach it', () => {
    const d = decide({
      asOf: '2025-05-15',
      datasets: [pi('survey', 50_000, { categories: ['geospatial', 'name', 'contact'], importantData: { notified: true, by: 'sector regulator' } })],
      flows: [xfer('partner', 'survey')],
    });
    expect(d.outcome).toBe(stated('cn-xb-021'));
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['cn.xborder/dsl.31', 'cn.xborder/order16.7.2.important', 'cn.xborder/ndsmr.37']));
    expect(ruleIds(d)).not.toContain('cn.xborder/order16.5.4');
  });

  testCase('cn-xb-022', 'an FTZ processor exporting data not on the zone\'s negative list is exempt (Art. 6)', () => {
    const d = decide({
      asOf: '2025-06-15',
      org: { cn: { freeTradeZone: { zone: 'Tianjin', negativeList: ['health', 'financial_account', 'biometric'] } } },
      datasets: [pi('members', 300_000, { categories: ['name', 'contact', 'online_activity'] })],
      flows: [xfer('crm', 'members', { viaFreeTradeZone: true })],
    });
    expect(d.outcome).toBe(stated('cn-xb-022'));
    expect(ruleIds(d)).toContain('cn.xborder/order16.6');
    expect(obligationOf(d, 'cn.xborder/pipl.55')).toBeDefined();
  });

  testCase('cn-xb-025', 'a standard contract filed in March does not suffice once October\'s count reaches 1,050,000', () => {
    const contract = [
      { type: 'cac_standard_contract' as const, date: '2025-03-10' },
      { type: 'cac_standard_contract_filed' as const, date: '2025-03-14' },
    ];
    const march = decide({ asOf: '2025-03-31', datasets: [pi('customers', 400_000)], flows: [xfer('f', 'customers', { start: '2025-03-10', safeguards: contract })] });
    expect(march.outcome).toBe('standard_contract_or_certification');
    expect(march.verdict).toBe('permitted');
    expect(obligationOf(march, 'cn.xborder/order13.7')?.status).toBe('done');

    const october = decide({ asOf: '2025-10-20', datasets: [pi('customers', 1_050_000)], flows: [xfer('f', 'customers', { start: '2025-03-10', safeguards: contract })] });
    expect(october.outcome).toBe(stated('cn-xb-025'));
    expect(october.verdict).toBe('conditional');
    expect(october.reasons.join(' ')).toMatch(/applies from then on/);
  });

  testCase('cn-xb-027', 'seconded foreign engineers working in Shanghai access the China-hosted database: not an export', () => {
    const s: Scenario = {
      asOf: '2025-11-15',
      entities: [{ id: 'secondees', name: 'Seconded engineers', kind: 'individual', citizenships: ['DE'], location: 'CN' }],
      datasets: [pi('customers', 2_000_000)],
      flows: [{ id: 'local-access', dataset: 'customers', recipient: 'secondees', destination: 'CN', kind: 'remote_access', physicallyInCountry: true }],
    };
    const d = decide(s);
    expect(d.outcome).toBe(stated('cn-xb-027', 'not_export'));
    expect(d.verdict).toBe('not_applicable');
    // The same people reaching the database from Germany would export it.
    const abroad = decide({ ...s, flows: [{ id: 'from-de', dataset: 'customers', recipient: 'secondees', destination: 'DE', kind: 'remote_access', physicallyInCountry: false }] });
    expect(abroad.outcome).toBe('security_assessment');
  });

  testCase('cn-xb-032', 'processing 3,000,000 users but exporting 5,000: exempt under Order 16 (legacy trigger off)', () => {
    const s: Scenario = {
      asOf: '2024-06-15',
      org: { cn: { networkPlatformOperator: { users: 3_000_000 } } },
      datasets: [pi('users', 3_000_000)],
      flows: [xfer('support', 'users', { subjects: { CN: 5_000 }, purpose: 'customer_support' })],
    };
    const d = decide(s);
    expect(d.outcome).toBe(stated('cn-xb-032'));
    expect(ruleIds(d)).toContain('cn.xborder/order16.5.4');
    // The residual [U]: keeping Order 11's processing trigger turns it into an assessment.
    expect(decide(s, undefined, { legacyProcessingTrigger: true }).outcome).toBe('security_assessment');
  });

  testCase('cn-xb-035', 'a valid assessment does not cover a switch to a new affiliate and a longer retention: re-apply', () => {
    const d = decide({
      asOf: '2025-06-15',
      entities: [{ id: 'new-affiliate', name: 'Newly acquired affiliate', kind: 'company', organizedIn: 'SG' }],
      datasets: [pi('customers', 1_500_000)],
      flows: [xfer('f', 'customers', { recipient: 'new-affiliate', destination: 'SG', recipientChanged: true, safeguards: [{ type: 'cac_security_assessment', date: '2024-09-01' }] })],
    });
    expect(d.outcome).toBe(stated('cn-xb-035'));
    expect(d.verdict).toBe('conditional');
    expect(obligationOf(d, 'cn.xborder/order11.14.reapply')).toBeDefined();
    expect(d.obligations.filter((o) => o.id.endsWith(':apply'))).toHaveLength(0);
    expect(ruleIds(d)).toContain('cn.xborder/ndsmr.38');
  });

  testCase('cn-xb-036', 'originator information sent with a cross-border wire under PRC AML rules: statutory-duty route', () => {
    const d = decide({
      asOf: '2025-03-15',
      entities: [{ id: 'beneficiary-bank', name: 'Beneficiary bank', kind: 'company', organizedIn: 'GB' }],
      datasets: [spi('remitters', 400_000, { categories: ['name', 'contact', 'financial_account'] })],
      flows: [xfer('wire', 'remitters', { recipient: 'beneficiary-bank', destination: 'GB', purpose: 'statutory_duty' })],
    });
    expect(d.outcome).toBe(stated('cn-xb-036'));
    expect(ruleIds(d)).toContain('cn.xborder/ndsmr.35.6');
  });

  testCase('cn-xb-039', 'a 5,000,000-user platform listing in Hong Kong: no mandatory review, NDSMR Art. 13 note', () => {
    const ds = decideOrg({
      asOf: '2025-09-01',
      org: { cn: { networkPlatformOperator: { users: 5_000_000 } }, listings: [{ exchange: 'HKEX', country: 'HK', status: 'planned' }] },
    });
    expect(ds.map((d) => d.outcome)).not.toContain('cybersecurity_review_required');
    const note = ds.find((d) => d.outcome === stated('cn-xb-039', 'national_security_review_possible'));
    expect(note?.rules.map((r) => r.id)).toContain('cn.xborder/ndsmr.13');
    expect(note?.verdict).toBe('permitted');
  });

  testCase('cn-xb-040', 'June 2021 US listings of platforms holding many users\' PI: reviewed ex officio, not on a duty to file', () => {
    // The row's facts: Didi listed on the NYSE on 2021-06-30 (and FTA on 06-22, BOSS Zhipin on
    // 06-11) before the 2022 Measures (effective 2022-02-15) made a filing mandatory; the review
    // office opened its reviews itself. Under the 2022 Measures such a listing gives no filing
    // duty, and the ex officio route the row states remains (Art. 16 [M]).
    const didi = { cn: { networkPlatformOperator: { users: 10_000_000 } }, listings: [{ exchange: 'NYSE', country: 'US', status: 'listed' as const, date: '2021-06-30' }] };
    const ds = decideOrg({ asOf: '2022-07-21', org: didi });
    expect(ds.map((x) => x.outcome)).toEqual([stated('cn-xb-040', 'national_security_review_possible')]);
    expect(ds[0]?.rules.map((r) => r.id)).toEqual(['cn.xborder/csrm.16']);
    expect(ds[0]?.verdict).toBe('permitted');
    // On the row's own dates (July 2021) neither the 2022 Measures nor a filing duty existed.
    expect(decideOrg({ asOf: '2021-07-05', org: didi }).map((x) => x.outcome)).not.toContain('cybersecurity_review_required');
    // The same platform planning a US listing after 2022-02-15 must apply for review (Art. 7).
    const listing = { exchange: 'NYSE', country: 'US', status: 'planned' as const, date: '2025-06-30' };
    const [d] = decideOrg({ asOf: '2025-05-01', org: { cn: { networkPlatformOperator: { users: 10_000_000 } }, listings: [listing] } });
    expect(d?.outcome).toBe('cybersecurity_review_required');
    expect(d?.verdict).toBe('conditional');
    expect(d?.obligations[0]?.due).toBe('2025-06-30');
  });

  testCase('cn-xb-044', 'properly anonymised aggregate statistics are neither PI nor important data: exempt', () => {
    const d = decide({
      asOf: '2025-05-15',
      datasets: [{ id: 'stats', categories: ['anonymized_statistics'], anonymized: true, system: 'cn-dc', collectedIn: ['CN'] }],
      flows: [xfer('f', 'stats')],
    });
    expect(d.outcome).toBe(stated('cn-xb-044'));
    expect(ruleIds(d)).toContain('cn.xborder/qa.2025-04.q1');
    expect(d.obligations).toHaveLength(0);
  });

  testCase('cn-xb-047', 'a provincial bureau sending citizens\' PI to an overseas academic partner → assessment (PIPL Art. 36)', () => {
    const d = decide({
      asOf: '2025-07-15',
      org: { cn: { stateOrgan: true } },
      entities: [{ id: 'university', name: 'Overseas university', kind: 'company', organizedIn: 'GB' }],
      datasets: [pi('citizens', 20_000)],
      flows: [xfer('research', 'citizens', { recipient: 'university', destination: 'GB', purpose: 'academic_cooperation' })],
    });
    expect(d.outcome).toBe(stated('cn-xb-047'));
    expect(ruleIds(d)).toContain('cn.xborder/pipl.36');
  });

  it('every row of the shared file is encoded here or tested by the feature it belongs to', () => {
    const missing = rows.map((r) => r.id).filter((id) => !ENCODED.has(id) && !(id in DELEGATED));
    expect(missing).toEqual([]);
    for (const id of Object.keys(DELEGATED)) expect(byId.has(id), id).toBe(true);
  });
});

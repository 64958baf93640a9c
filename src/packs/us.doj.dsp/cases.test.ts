/**
 * The official examples of 28 CFR Part 202 (../shared/cases/us-doj-202-examples.jsonl), each
 * encoded as an inventory and asserted against the stated outcome or classification.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inventory, decide } from '../../testing/inventory.js';
import { sharedPath } from '../../testing/shared.js';
import { deriveFacts } from '../../facts/index.js';
import { usDojDsp } from './index.js';
import { classifyDataset } from './definitions.js';
import { Dataset } from '../../inventory/schema.js';

const AS_OF = '2026-01-15';
const cases = new Map(
  readFileSync(sharedPath('cases', 'us-doj-202-examples.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; outcome: string })
    .map((c) => [c.id, c]),
);
const expected = (id: string) => {
  const c = cases.get(id);
  if (!c) throw new Error(`case ${id} missing from the shared file`);
  return c.outcome;
};

const personOf = (inv: ReturnType<typeof inventory>, id: string) => deriveFacts(inv, AS_OF).persons.parties.get(id)!;

describe('28 CFR 202 official examples', () => {
  it('doj202-210-ex1: research in an own lab abroad, no covered class → not covered', () => {
    const inv = inventory({
      entities: [{ id: 'lab', name: 'Own lab in CN', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'us-co', percent: 100 }] }],
      datasets: [{ id: 'med', categories: ['health', 'name'], subjects: { US: 50_000 } }],
      flows: [{ id: 'f', dataset: 'med', recipient: 'lab', destination: 'CN', kind: 'transfer', purpose: 'research', start: '2025-06-01' }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-210-ex1'));
    expect(d.reasons.join(' ')).toMatch(/none of the four covered classes/);
  });

  it('doj202-210-ex2: vendor agreement with a covered person, security requirements applied → restricted', () => {
    const inv = inventory({
      entities: [{ id: 'v', name: 'CN Vendor', kind: 'company', organizedIn: 'CN' }],
      datasets: [{ id: 'd', categories: ['name', 'government_id'], subjects: { US: 150_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'vendor_agreement', start: '2025-05-01', safeguards: [{ type: 'cisa_security_requirements', date: '2025-04-20' }] }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-210-ex2'));
    expect(d.verdict).toBe('permitted');
    expect(d.obligations.map((o) => o.id)).toEqual(expect.arrayContaining(['us.doj.dsp/202.1001', 'us.doj.dsp/202.1002', 'us.doj.dsp/202.1101']));
  });

  it('doj202-212-ex2: linked listed identifiers are covered personal identifiers', () => {
    expect(expected('doj202-212-ex2')).toBe('other');
    // name + SSN; driver's licence number + passport number (two government identifiers, declared
    // as the category twice); MAC address + residential address; username + name; MAID + email.
    const pairs: [string, string][] = [['name', 'government_id'], ['government_id', 'government_id'], ['device_id', 'contact'], ['account_credentials', 'name'], ['advertising_id', 'contact']];
    for (const [a, b] of pairs) {
      const ds = Dataset.parse({ id: 'x', categories: [a, b] });
      expect(classifyDataset(ds).categories.has('covered_personal_identifiers'), `${a}+${b}`).toBe(true);
    }
  });

  it('doj202-212-ex3: demographic or contact data linked only to each other → not covered', () => {
    const ds = Dataset.parse({ id: 'x', categories: ['name', 'contact', 'demographic'] });
    const cls = classifyDataset(ds);
    expect(cls.categories.size).toBe(0);
    expect(cls.excluded).toMatch(/202\.212\(b\)\(1\)/);
    const inv = inventory({
      entities: [{ id: 'v', name: 'CN Vendor', kind: 'company', organizedIn: 'CN' }],
      datasets: [{ id: 'd', categories: ['name', 'contact', 'demographic'], subjects: { US: 5_000_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'v', destination: 'CN', kind: 'data_brokerage', start: '2025-05-01' }],
    });
    expect(decide(usDojDsp, inv, AS_OF).outcome).toBe(expected('doj202-212-ex3'));
  });

  it('doj202-232-ex1: names and MAC addresses in one spreadsheet are linked → covered personal identifiers', () => {
    expect(expected('doj202-232-ex1')).toBe('other');
    expect(classifyDataset(Dataset.parse({ id: 'x', categories: ['name', 'device_id'] })).categories.has('covered_personal_identifiers')).toBe(true);
    expect(classifyDataset(Dataset.parse({ id: 'x', categories: ['name', 'device_id'], linked: false })).categories.has('covered_personal_identifiers')).toBe(false);
  });

  it('doj202-256-ex1..ex4: U.S. person status of individuals', () => {
    const inv = inventory({
      entities: [
        { id: 'ex1', name: 'CN citizen in the US', kind: 'individual', citizenships: ['CN'], location: 'US' },
        { id: 'ex2', name: 'US citizen abroad', kind: 'individual', citizenships: ['US'], usStatus: 'citizen', location: 'FR' },
        { id: 'ex3', name: 'Dual citizen', kind: 'individual', citizenships: ['US', 'CN'], usStatus: 'citizen', location: 'CN' },
        { id: 'ex4', name: 'CN citizen abroad', kind: 'individual', citizenships: ['CN'], location: 'DE', primaryResidence: 'DE' },
      ],
    });
    expect(personOf(inv, 'ex1').usPerson).toBe(true);
    expect(personOf(inv, 'ex1').coveredPerson).toBe(false); // 202.211(b)(2)
    expect(personOf(inv, 'ex2').usPerson).toBe(true);
    expect(personOf(inv, 'ex3').usPerson).toBe(true);
    expect(personOf(inv, 'ex4').usPerson).toBe(false);
    expect(personOf(inv, 'ex4').coveredPerson).toBe(false);
    for (const id of ['doj202-256-ex1', 'doj202-256-ex2', 'doj202-256-ex3', 'doj202-256-ex4']) expect(expected(id)).toBe('other');
  });

  it('doj202-256-ex6..ex8: subsidiaries and branches', () => {
    const inv = inventory({
      entities: [
        { id: 'sub-cn', name: 'US parent’s CN subsidiary', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'us-co', percent: 100 }] },
        { id: 'cn-parent', name: 'CN parent', kind: 'company', organizedIn: 'CN' },
        { id: 'cn-branch', name: 'CN parent’s US branch', kind: 'company', branchOf: 'cn-parent', principalPlaceOfBusiness: 'US' },
        { id: 'us-sub', name: 'CN parent’s US subsidiary', kind: 'company', organizedIn: 'US', owners: [{ entity: 'cn-parent', percent: 100 }] },
      ],
    });
    expect(personOf(inv, 'us-co').usPerson).toBe(true);
    expect(personOf(inv, 'sub-cn').usPerson).toBe(false);
    expect(personOf(inv, 'sub-cn').coveredPerson).toBe(true); // organized in a country of concern
    expect(personOf(inv, 'cn-branch').usPerson).toBe(false);
    expect(personOf(inv, 'cn-branch').coveredPerson).toBe(true);
    expect(personOf(inv, 'us-sub').usPerson).toBe(true);
    expect(personOf(inv, 'us-sub').coveredPerson).toBe(false);
    expect(personOf(inv, 'cn-parent').usPerson).toBe(false);
  });

  it('doj202-258-ex1: bulk precise geolocation processed by a company headquartered in a country of concern → restricted', () => {
    const inv = inventory({
      entities: [{ id: 'proc', name: 'Processor HQ in CN', kind: 'company', organizedIn: 'SG', headquarters: 'CN' }],
      datasets: [{ id: 'geo', categories: ['precise_geolocation', 'advertising_id'], subjects: { US: 20_000 }, usDevices: 20_000 }],
      flows: [{ id: 'f', dataset: 'geo', recipient: 'proc', destination: 'CN', kind: 'vendor_agreement' }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-258-ex1'));
    expect(d.verdict).toBe('conditional');
    expect(d.reasons.join(' ')).toMatch(/principal place of business in China, a country of concern/);
  });

  it('doj202-258-ex3: storage contracts with a designated covered person in the US → restricted', () => {
    const inv = inventory({
      entities: [
        { id: 'parent', name: 'Parent HQ in CN', kind: 'company', organizedIn: 'CN' },
        { id: 'dc', name: 'US data centre operator', kind: 'company', organizedIn: 'US', owners: [{ entity: 'parent', percent: 100 }], designations: [{ list: 'doj.covered_persons', listedFrom: '2025-09-01' }] },
      ],
      datasets: [{ id: 'd', categories: ['health', 'name'], subjects: { US: 40_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'dc', destination: 'US', kind: 'vendor_agreement', cloudComputing: true, start: '2025-11-01', safeguards: [{ type: 'cisa_security_requirements', date: '2025-10-01' }] }],
    });
    const facts = deriveFacts(inv, AS_OF);
    expect(facts.persons.parties.get('dc')!.usPerson).toBe(true);
    expect(facts.persons.parties.get('dc')!.coveredPerson).toBe(true);
    expect(decide(usDojDsp, inv, AS_OF).outcome).toBe(expected('doj202-258-ex3'));
  });

  it('doj202-301-ex1: licensing a chatbot that reproduces bulk health data to covered persons → prohibited', () => {
    const inv = inventory({
      organization: { id: 'us-sub', name: 'US subsidiary', organizedIn: 'US', owners: [{ entity: 'cn-parent', percent: 100 }] },
      entities: [{ id: 'cn-parent', name: 'Parent HQ in CN', kind: 'company', organizedIn: 'CN' }],
      datasets: [{ id: 'train', categories: ['health', 'name'], subjects: { US: 2_000_000 } }],
      flows: [{ id: 'f', dataset: 'train', recipient: 'cn-parent', destination: 'CN', kind: 'data_brokerage', purpose: 'other', start: '2025-07-01' }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-301-ex1'));
    expect(d.verdict).toBe('blocked');
    expect(d.rules[0]!.citation).toBe('28 CFR 202.301(a)');
  });

  it('doj202-304-ex1: sale completed while the covered buyer visits the US, to evade → prohibited', () => {
    const inv = inventory({
      entities: [{ id: 'buyer', name: 'Buyer resident in China', kind: 'individual', citizenships: ['CN'], primaryResidence: 'CN', location: 'US' }],
      datasets: [{ id: 'd', categories: ['financial', 'name'], subjects: { US: 50_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'buyer', destination: 'US', kind: 'data_brokerage', designedToEvade: true, start: '2025-08-01' }],
    });
    const facts = deriveFacts(inv, AS_OF);
    expect(facts.persons.parties.get('buyer')!.usPerson).toBe(true); // in the US at the time
    expect(decide(usDojDsp, inv, AS_OF).outcome).toBe(expected('doj202-304-ex1'));
  });

  it('doj202-305-ex2: U.S. persons directing a foreign company’s prohibited brokerage → prohibited', () => {
    const inv = inventory({
      entities: [
        { id: 'us-founder', name: 'US founder', kind: 'individual', usStatus: 'citizen', location: 'US' },
        { id: 'us-cofounder', name: 'US co-founder', kind: 'individual', usStatus: 'citizen', location: 'US' },
        { id: 'foreign-co', name: 'Offshore Co', kind: 'company', organizedIn: 'KY', owners: [{ entity: 'us-founder', percent: 50 }, { entity: 'us-cofounder', percent: 50 }] },
        { id: 'ru-buyer', name: 'Buyer in Russia', kind: 'company', organizedIn: 'RU' },
      ],
      datasets: [{ id: 'd', categories: ['biometric', 'name'], subjects: { US: 5_000 } }],
      flows: [{ id: 'f', dataset: 'd', from: 'foreign-co', recipient: 'ru-buyer', destination: 'RU', kind: 'data_brokerage', directedByUsPerson: 'us-founder', start: '2025-09-01' }],
    });
    expect(personOf(inv, 'foreign-co').usPerson).toBe(false);
    expect(personOf(inv, 'foreign-co').coveredPerson).toBe(false);
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-305-ex2'));
    // The U.S. persons are bound by 202.305 (they direct); the foreign company, which engages in
    // the brokerage, is not bound by 202.301: 202.305 decides.
    expect(d.rules[0]!.id).toBe('us.doj.dsp/202.305');
    expect(d.reasons[0]).toMatch(/^US founder, a U\.S\. person, directs Offshore Co \(a foreign person\)/);
  });

  it('doj202-401-ex1: employing a covered person with access to financial data, with the security requirements → restricted', () => {
    const inv = inventory({
      entities: [{ id: 'it', name: 'IT support engineer resident in China', kind: 'individual', citizenships: ['CN'], primaryResidence: 'CN' }],
      datasets: [{ id: 'fin', categories: ['financial', 'financial_account', 'name'], subjects: { US: 30_000 } }],
      flows: [{ id: 'f', dataset: 'fin', recipient: 'it', destination: 'CN', kind: 'employment_agreement', start: '2025-06-01', safeguards: [{ type: 'cisa_security_requirements', date: '2025-05-01' }] }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-401-ex1'));
    expect(d.verdict).toBe('permitted');
  });

  it('doj202-506-ex1: payroll data to the subsidiary in a country of concern → exempt corporate group transaction', () => {
    const inv = inventory({
      entities: [{ id: 'sub', name: 'Subsidiary in CN', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'us-co', percent: 100 }] }],
      datasets: [{ id: 'pay', categories: ['financial', 'financial_account', 'government_id', 'name'], subjects: { US: 150_000 } }],
      flows: [{ id: 'f', dataset: 'pay', recipient: 'sub', destination: 'CN', kind: 'vendor_agreement', purpose: 'corporate_group_administration', start: '2025-06-01' }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.outcome).toBe(expected('doj202-506-ex1'));
    expect(d.obligations.map((o) => o.id)).toEqual(['us.doj.dsp/202.1102']);
  });

  it('202.506 reads the group as it stood on the flow\'s date: payroll data to a former subsidiary, sold before the flow, is not exempt', () => {
    const inv = inventory({
      entities: [{ id: 'sub', name: 'Former subsidiary in CN', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'us-co', percent: 100, until: '2025-05-31' }] }],
      datasets: [{ id: 'pay', categories: ['financial', 'financial_account', 'government_id', 'name'], subjects: { US: 150_000 } }],
      flows: [
        { id: 'was', dataset: 'pay', recipient: 'sub', destination: 'CN', kind: 'vendor_agreement', purpose: 'corporate_group_administration', start: '2025-04-15', end: '2025-05-31' },
        { id: 'now', dataset: 'pay', recipient: 'sub', destination: 'CN', kind: 'vendor_agreement', purpose: 'corporate_group_administration', start: '2025-06-01' },
      ],
    });
    expect(decide(usDojDsp, inv, AS_OF, 'was').outcome).toBe(expected('doj202-506-ex1'));
    const now = decide(usDojDsp, inv, AS_OF, 'now');
    expect(now.outcome).not.toBe(expected('doj202-506-ex1'));
    expect(now.verdict).toBe('blocked');
  });

  it('every case in the shared file is encoded here', () => {
    const encoded = ['doj202-210-ex1', 'doj202-210-ex2', 'doj202-212-ex2', 'doj202-212-ex3', 'doj202-232-ex1', 'doj202-256-ex1', 'doj202-256-ex2', 'doj202-256-ex3', 'doj202-256-ex4', 'doj202-256-ex6', 'doj202-256-ex7', 'doj202-256-ex8', 'doj202-258-ex1', 'doj202-258-ex3', 'doj202-301-ex1', 'doj202-304-ex1', 'doj202-305-ex2', 'doj202-401-ex1', 'doj202-506-ex1'];
    expect([...cases.keys()].filter((id) => !encoded.includes(id))).toEqual([]);
  });
});

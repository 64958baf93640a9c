/**
 * Covered-person derivation (28 CFR 202.211) on whole inventories, case by case, against the
 * wording in reference/us-rules.md §1.3: "(1) A foreign entity that is ≥50% owned, directly or
 * indirectly, individually or in the aggregate, by one or more countries of concern or persons in
 * (2) … organized or chartered under the laws of, or with its principal place of business in, a
 * country of concern. (2) A foreign entity that is ≥50% owned (same aggregation rules) by one or
 * more persons in (1), (3), (4) or (5). (3) A foreign individual who is an employee or contractor
 * of a country of concern, or of an entity in (1), (2) or (5). (4) A foreign individual primarily
 * resident in the territorial jurisdiction of a country of concern. (5) Any person, wherever
 * located, whom the Attorney General designates."
 */
import { describe, expect, it } from 'vitest';
import { decide, inventory } from '../testing/inventory.js';
import { usDojDsp } from '../packs/us.doj.dsp/index.js';
import { deriveFacts } from './index.js';
import type { EntityInput } from '../inventory/schema.js';

const AS_OF = '2026-06-01';
const cn: EntityInput = { id: 'cn', name: 'CN Group', kind: 'company', organizedIn: 'CN' };
const ru: EntityInput = { id: 'ru', name: 'RU Holding', kind: 'company', organizedIn: 'RU' };
const ir: EntityInput = { id: 'ir', name: 'IR Trading', kind: 'company', organizedIn: 'IR' };
const sg = (id: string, owners: EntityInput['owners']): EntityInput => ({ id, name: id.toUpperCase(), kind: 'company', organizedIn: 'SG', owners });

function persons(entities: EntityInput[]) {
  return deriveFacts(inventory({ entities }), AS_OF).persons;
}

describe('202.211 covered persons: adversarial cases', () => {
  it('chains: A 60 % of B, B 60 % of C → C is covered when A is, and the reason walks the whole path', () => {
    const p = persons([cn, sg('a', [{ entity: 'cn', percent: 60 }]), sg('b', [{ entity: 'a', percent: 60 }]), sg('c', [{ entity: 'b', percent: 60 }])]).parties;
    expect(p.get('c')!.coveredPerson).toBe(true);
    const why = p.get('c')!.coveredReasons.join('\n');
    expect(why).toMatch(/B 60%[\s\S]*A 60%[\s\S]*CN Group 60%[\s\S]*organized under the laws of China, a country of concern/);
    expect(why).toMatch(/202\.211\(a\)\(1\)-\(2\)/);
  });

  it('aggregates several covered owners: 30 % + 25 % ≥ 50 %, naming both', () => {
    const p = persons([cn, ru, sg('a', [{ entity: 'cn', percent: 30 }, { entity: 'ru', percent: 25 }, { entity: 'local', percent: 45 }]), sg('local', [])]).parties;
    expect(p.get('a')!.coveredPerson).toBe(true);
    expect(p.get('a')!.coveredReasons[0]).toMatch(/55% owned.*CN Group 30% \+ RU Holding 25%/);
  });

  it('exactly 50 % is covered ("50 percent or more"); 49.99 % is not', () => {
    const p = persons([cn, sg('half', [{ entity: 'cn', percent: 50 }]), sg('under', [{ entity: 'cn', percent: 49.99 }])]).parties;
    expect(p.get('half')!.coveredPerson).toBe(true);
    expect(p.get('under')!.coveredPerson).toBe(false);
    expect(p.get('under')!.coveredReasons).toEqual([]);
  });

  it('decimal shares that add up to exactly 50 % reach the threshold, and the total reads 50 % (no floating-point residue)', () => {
    // In binary floating point 0.3 + 32.3 + 17.4 is 49.99999999999999, and 0.1 + 42.2 + 7.7 is 50.00000000000001.
    const p = persons([cn, ru, ir, sg('a', [{ entity: 'cn', percent: 0.3 }, { entity: 'ru', percent: 32.3 }, { entity: 'ir', percent: 17.4 }]), sg('b', [{ entity: 'cn', percent: 0.1 }, { entity: 'ru', percent: 42.2 }, { entity: 'ir', percent: 7.7 }])]).parties;
    expect(p.get('a')!.coveredPerson).toBe(true);
    expect(p.get('a')!.coveredReasons[0]).toMatch(/^a foreign entity 50% owned/);
    expect(p.get('b')!.coveredReasons[0]).toMatch(/^a foreign entity 50% owned/);
  });

  it('the organization\'s covered ownership is a clean sum of decimal shares', () => {
    const inv = inventory({ organization: { owners: [{ entity: 'cn', percent: 0.1 }, { entity: 'ru', percent: 0.2 }] }, entities: [cn, ru] });
    expect(deriveFacts(inv, AS_OF).persons.orgCoveredOwnershipPercent).toBe(0.3);
  });

  it('the organization\'s covered ownership looks through owners that are not covered (202.1103(a) "directly or indirectly"), up a chain of 10,000 U.S. holding companies without overflowing the stack', () => {
    const N = 10_000;
    const holds: EntityInput[] = [cn];
    for (let i = 0; i < N; i++) holds.push({ id: `h${i}`, name: `H${i}`, kind: 'company', organizedIn: 'US', owners: [{ entity: i === N - 1 ? 'cn' : `h${i + 1}`, percent: 100 }] });
    const inv = inventory({ organization: { owners: [{ entity: 'h0', percent: 50 }] }, entities: holds });
    const facts = deriveFacts(inv, AS_OF).persons;
    expect(facts.orgCoveredOwnershipPercent).toBe(50);
    expect(facts.coveredEquity('us-co').via).toEqual(['H0 holds 50% and is itself 100% owned, directly or indirectly, by countries of concern or covered persons: 50% of US Co']);
    expect(facts.coveredEquity('h5000').percent).toBe(100);
  });

  it('cycles: A owns B owns A ends, is reported, and taints only through a covered owner', () => {
    const clean = persons([sg('a', [{ entity: 'b', percent: 60 }]), sg('b', [{ entity: 'a', percent: 60 }])]);
    expect(clean.cycles).toHaveLength(1);
    expect(clean.parties.get('a')!.coveredPerson).toBe(false);
    expect(clean.parties.get('b')!.coveredPerson).toBe(false);
    const tainted = persons([cn, sg('a', [{ entity: 'b', percent: 50 }, { entity: 'cn', percent: 50 }]), sg('b', [{ entity: 'a', percent: 60 }])]);
    expect(tainted.parties.get('a')!.coveredPerson).toBe(true);
    expect(tainted.parties.get('b')!.coveredPerson).toBe(true);
    // The explanation of B goes through A to CN and stops: no endless ↳ lines.
    const why = tainted.parties.get('b')!.coveredReasons;
    expect(why.join('\n')).toMatch(/A 60%[\s\S]*CN Group 50%/);
    expect(why.length).toBeLessThanOrEqual(3);
  });

  it('cycles are explained: each party on one says which cycle and how it is counted; the DOJ decision carries it', () => {
    const clean = persons([sg('a', [{ entity: 'b', percent: 60 }]), sg('b', [{ entity: 'a', percent: 60 }]), sg('c', [{ entity: 'a', percent: 100 }])]);
    expect(clean.parties.get('a')!.ownershipCycle).toBe('A is on an ownership cycle (A → B → A): each share on it counts once toward the 50 % of 202.211(a), and ownership is traced around it once, so the cycle adds no share of its own');
    expect(clean.parties.get('b')!.ownershipCycle).toMatch(/^B is on an ownership cycle \(B → A → B\)/);
    expect(clean.parties.get('c')!.ownershipCycle).toBeUndefined();
    const inv = inventory({
      entities: [sg('a', [{ entity: 'b', percent: 60 }]), sg('b', [{ entity: 'a', percent: 60 }])],
      datasets: [{ id: 'd', categories: ['health'], subjects: { US: 20_000 } }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'b', destination: 'SG', kind: 'data_brokerage', start: '2026-01-01' }],
    });
    const d = decide(usDojDsp, inv, AS_OF);
    expect(d.reasons).toContain(clean.parties.get('b')!.ownershipCycle);
  });

  it('missing shares: treated as covered under the conservative policy, explained, and the path continues down the chain', () => {
    const p = persons([cn, sg('a', [{ entity: 'cn' }, { entity: 'other', percent: 10 }]), sg('other', []), sg('b', [{ entity: 'a', percent: 51 }])]).parties;
    expect(p.get('a')!.coveredPerson).toBe(true);
    expect(p.get('a')!.coveredReasons[0]).toMatch(/CN Group \(share unknown\).*conservative unknown-share policy.*declare the percentage/);
    expect(p.get('b')!.coveredPerson).toBe(true);
    expect(p.get('b')!.coveredReasons.join('\n')).toMatch(/A 51%[\s\S]*share unknown[\s\S]*organized under the laws of China, a country of concern/);
  });

  it('a 10,000-link ownership chain: every party on it is covered, and each explanation follows the path 8 links up and then points on (it repeated the whole chain for every party, each line carrying the names above it: out of memory)', () => {
    const N = 10_000;
    const chain: EntityInput[] = [cn];
    for (let i = 1; i < N; i++) chain.push(sg(`e${i}`, [{ entity: i === 1 ? 'cn' : `e${i - 1}`, percent: 60 }]));
    const p = persons(chain.reverse()).parties;
    const last = p.get(`e${N - 1}`)!;
    expect(last.coveredPerson).toBe(true);
    expect(last.coveredReasons.length).toBe(9);
    expect(last.coveredReasons[0]).toMatch(/^a foreign entity 60% owned.*E9998 60%/);
    expect(last.coveredReasons[8]).toMatch(/↳ E9991: a country of concern or covered person \(the path goes on beyond 8 links: see the explanation of E9991\)$/);
    const near = p.get('e3')!.coveredReasons.join('\n');
    expect(near).toMatch(/E2 60%[\s\S]*E1 60%[\s\S]*CN Group 60%[\s\S]*organized under the laws of China, a country of concern/);
  });

  it('an explanation writes at most about 64 lines: 100 covered owners of one company are all named in its first line, the paths of the first ones follow, then a pointer', () => {
    const owners = Array.from({ length: 100 }, (_, i) => sg(`o${i}`, [{ entity: 'cn', percent: 100 }]));
    const p = persons([cn, ...owners, sg('target', owners.map((o) => ({ entity: o.id, percent: 1 })))]).parties;
    const why = p.get('target')!.coveredReasons;
    expect(p.get('target')!.coveredPerson).toBe(true);
    expect(why[0]).toMatch(/100% owned.*O0 1%.*O99 1%/);
    expect(why.length).toBeLessThanOrEqual(70);
    expect(why.at(-1)).toMatch(/further owners not shown: see the explanation of O\d+/);
  });

  it('(a)(4): a foreign individual primarily resident in a country of concern; not a U.S. person, nor a foreign citizen located in the U.S. ((b)(2))', () => {
    const p = persons([
      { id: 'ivan', name: 'Ivan', kind: 'individual', citizenships: ['DE'], primaryResidence: 'RU' },
      { id: 'li', name: 'Li', kind: 'individual', citizenships: ['CN'], primaryResidence: 'CN', location: 'US' },
      { id: 'kay', name: 'Kay', kind: 'individual', usStatus: 'citizen', primaryResidence: 'CN' },
    ]).parties;
    expect(p.get('ivan')!.coveredPerson).toBe(true);
    expect(p.get('ivan')!.coveredReasons).toEqual([expect.stringMatching(/primarily resident in Russia, a country of concern.*202\.211\(a\)\(4\)/)]);
    expect(p.get('li')!.coveredPerson).toBe(false);
    expect(p.get('li')!.usPerson).toBe(true);
    expect(p.get('kay')!.coveredPerson).toBe(false);
  });

  it('(a)(3): an employee or contractor of a covered entity, named with the employer that makes it so and that employer\'s path', () => {
    const p = persons([
      cn,
      sg('vendor', [{ entity: 'cn', percent: 60 }]),
      { id: 'res', name: 'Resident', kind: 'individual', citizenships: ['DE'], primaryResidence: 'IR' },
      { id: 'emp', name: 'Employee', kind: 'individual', citizenships: ['FR'], primaryResidence: 'FR', employment: [{ entity: 'vendor', relation: 'employee' }] },
      // Works for a covered *individual* (not an entity in (1), (2) or (5)) and contracts for the vendor.
      { id: 'both', name: 'Both', kind: 'individual', citizenships: ['FR'], primaryResidence: 'FR', employment: [{ entity: 'res', relation: 'employee' }, { entity: 'vendor', relation: 'contractor' }] },
      { id: 'only-res', name: 'Only for the resident', kind: 'individual', citizenships: ['FR'], primaryResidence: 'FR', employment: [{ entity: 'res' }] },
    ]).parties;
    expect(p.get('emp')!.coveredPerson).toBe(true);
    expect(p.get('emp')!.coveredReasons.join('\n')).toMatch(/an employee of VENDOR[\s\S]*202\.211\(a\)\(3\)[\s\S]*VENDOR: a foreign entity 60% owned[\s\S]*CN Group 60%/);
    expect(p.get('both')!.coveredPerson).toBe(true);
    expect(p.get('both')!.coveredReasons[0]).toMatch(/a contractor of VENDOR/);
    expect(p.get('both')!.coveredReasons.join('\n')).not.toMatch(/Resident/);
    expect(p.get('only-res')!.coveredPerson).toBe(false);
  });

  it('(a)(3): an employee of the government of a country of concern', () => {
    const p = persons([
      { id: 'gov', name: 'Government of Cuba', kind: 'government', government: 'CU' },
      { id: 'official', name: 'Official', kind: 'individual', citizenships: ['ES'], primaryResidence: 'ES', employment: [{ entity: 'gov' }] },
    ]).parties;
    expect(p.get('official')!.coveredPerson).toBe(true);
    expect(p.get('official')!.coveredReasons.join('\n')).toMatch(/employee of Government of Cuba[\s\S]*the government of Cuba, a country of concern/);
  });

  it('(a)(5): a designated entity is covered wherever located, from its listing date, and its subsidiaries follow', () => {
    const p = persons([
      { id: 'd', name: 'Designated Inc.', kind: 'company', organizedIn: 'US', designations: [{ list: 'doj.covered_persons', source: 'DOJ Covered Persons List' }] },
      sg('sub', [{ entity: 'd', percent: 50 }]),
      { id: 'later', name: 'Listed later', kind: 'company', organizedIn: 'SG', designations: [{ list: 'doj.covered_persons', listedFrom: '2026-07-01' }] },
    ]).parties;
    expect(p.get('d')!.usPerson).toBe(true);
    expect(p.get('d')!.coveredPerson).toBe(true);
    expect(p.get('d')!.coveredReasons[0]).toMatch(/designated by the Attorney General.*202\.211\(a\)\(5\).*DOJ Covered Persons List/);
    expect(p.get('sub')!.coveredReasons.join('\n')).toMatch(/Designated Inc\. 50%[\s\S]*designated by the Attorney General/);
    expect(p.get('later')!.coveredPerson).toBe(false);
  });

  it('(a)(5): a branch of a designated entity is designated with it (a branch is not a separate person)', () => {
    const p = persons([
      { id: 'd', name: 'Designated Pte. Ltd.', kind: 'company', organizedIn: 'SG', designations: [{ list: 'doj.covered_persons', source: 'DOJ Covered Persons List' }] },
      { id: 'branch', name: 'Designated Pte. Ltd., London branch', kind: 'company', organizedIn: 'GB', branchOf: 'd' },
      { id: 'plain', name: 'Plain Pte. Ltd.', kind: 'company', organizedIn: 'SG' },
      { id: 'plain-branch', name: 'Plain Pte. Ltd., London branch', kind: 'company', organizedIn: 'GB', branchOf: 'plain' },
    ]).parties;
    expect(p.get('branch')!.coveredPerson).toBe(true);
    expect(p.get('branch')!.coveredReasons[0]).toMatch(/a branch of Designated Pte\. Ltd\. .*designated by the Attorney General.*202\.211\(a\)\(5\)/);
    expect(p.get('plain-branch')!.coveredPerson).toBe(false);
  });

  it('a U.S. subsidiary of a covered entity is a U.S. person and not covered by ownership (202.256)', () => {
    const p = persons([cn, { id: 'us-sub', name: 'US Sub', kind: 'company', organizedIn: 'US', owners: [{ entity: 'cn', percent: 100 }] }]).parties;
    expect(p.get('us-sub')!.usPerson).toBe(true);
    expect(p.get('us-sub')!.coveredPerson).toBe(false);
  });

  it('reasons name countries in words, not by their codes', () => {
    const p = persons([
      { id: 'uk', name: 'UK Ltd', kind: 'company', organizedIn: 'GB' },
      { id: 'ky', name: 'Cayman Fund', kind: 'company', organizedIn: 'KY' },
      { id: 'fr', name: 'French Republic', kind: 'government', government: 'FR' },
      { id: 'prc', name: 'PRC Government', kind: 'government', government: 'CN' },
      { id: 'hq', name: 'HQ in HK', kind: 'company', organizedIn: 'SG', principalPlaceOfBusiness: 'HK' },
    ]).parties;
    expect(p.get('uk')!.usPersonReason).toBe('an entity organized under the laws of the United Kingdom (202.256(b)(6))');
    expect(p.get('ky')!.usPersonReason).toBe('an entity organized under the laws of the Cayman Islands (202.256(b)(6))');
    expect(p.get('fr')!.usPersonReason).toBe('the government of France');
    expect(p.get('prc')!.coveredReasons).toEqual(['the government of China, a country of concern (202.209, 202.601)']);
    expect(p.get('hq')!.coveredReasons).toEqual(['a foreign entity with its principal place of business in Hong Kong, a country of concern (202.211(a)(1))']);
    const org = deriveFacts(inventory({ organization: { organizedIn: 'CN', principalPlaceOfBusiness: 'CN' }, entities: [] }), AS_OF).persons.parties.get('us-co');
    expect(org?.usPersonReason).toBe('organized under the laws of China (202.256)');
  });
});

describe('designations inherited by ownership (lists\' 50 % rules)', () => {
  it('a Consolidated Screening List row from the SDN list passes on by the OFAC 50 % rule', () => {
    const csl = { list: 'trade.csl', program: 'Specially Designated Nationals (SDN) - Treasury Department', listedFrom: '2022-03-01' };
    const inv = inventory({
      entities: [{ id: 'sdn', name: 'SDN Co', kind: 'company', organizedIn: 'RU', designations: [csl] }, sg('sub', [{ entity: 'sdn', percent: 50 }]), sg('minor', [{ entity: 'sdn', percent: 49 }])],
    });
    const d = deriveFacts(inv, AS_OF).designations;
    expect(d.get('sub')).toEqual([expect.objectContaining({ list: 'trade.csl', inherited: true })]);
    expect(d.get('sub')![0]!.via).toMatch(/^owned 50% by listed parties: SDN Co 50% — OFAC Revised Guidance/);
    expect(d.get('minor')).toBeUndefined();
  });

  it('a branch carries the designations of the entity it belongs to, named or inherited, under every list', () => {
    const inv = inventory({
      entities: [
        { id: 'hq', name: 'HQ Co', kind: 'company', organizedIn: 'CN', designations: [{ list: 'dod.1260h', listedFrom: '2021-01-01' }] },
        { id: 'hq-br', name: 'HQ Co Singapore Branch', kind: 'company', organizedIn: 'SG', branchOf: 'hq' },
        { id: 'br-br', name: 'HQ Co Jurong Office', kind: 'company', organizedIn: 'SG', branchOf: 'hq-br' },
        { id: 'sdn', name: 'SDN Parent', kind: 'company', organizedIn: 'RU', designations: [{ list: 'ofac.sdn', listedFrom: '2020-01-01' }] },
        sg('sub', [{ entity: 'sdn', percent: 60 }]),
        { id: 'sub-br', name: 'Sub Branch', kind: 'company', organizedIn: 'DE', branchOf: 'sub' },
        { id: 'free-br', name: 'Free Branch', kind: 'company', organizedIn: 'DE', branchOf: 'local' },
        sg('local', []),
      ],
    });
    const d = deriveFacts(inv, AS_OF).designations;
    expect(d.get('hq-br')).toEqual([expect.objectContaining({ list: 'dod.1260h', inherited: true, via: 'a branch of HQ Co (not a separate legal person)' })]);
    expect(d.get('br-br')).toEqual([expect.objectContaining({ list: 'dod.1260h', via: 'a branch of HQ Co (not a separate legal person)' })]);
    const sub = d.get('sub-br') ?? [];
    expect(sub).toHaveLength(1);
    expect(sub[0]).toMatchObject({ list: 'ofac.sdn', inherited: true });
    expect(sub[0]!.via).toMatch(/^a branch of SUB \(not a separate legal person\), which is listed through owned 60% by listed parties: SDN Parent 60%/);
    expect(d.get('free-br')).toBeUndefined();
  });


  it('decimal shares adding up to 50 % pass an OFAC-style 50 % rule, and the path says 50 %', () => {
    const sdn = { list: 'ofac.sdn', listedFrom: '2020-01-01' };
    const inv = inventory({
      entities: [
        { id: 's1', name: 'S1', kind: 'company', organizedIn: 'RU', designations: [sdn] },
        { id: 's2', name: 'S2', kind: 'company', organizedIn: 'RU', designations: [sdn] },
        { id: 's3', name: 'S3', kind: 'company', organizedIn: 'RU', designations: [sdn] },
        sg('owned', [{ entity: 's1', percent: 0.3 }, { entity: 's2', percent: 32.3 }, { entity: 's3', percent: 17.4 }]),
      ],
    });
    const d = deriveFacts(inv, AS_OF).designations.get('owned') ?? [];
    expect(d).toHaveLength(1);
    expect(d[0]!.via).toMatch(/^owned 50% by listed parties: S1 0\.3% \+ S2 32\.3% \+ S3 17\.4%/);
  });
});

describe('202.211 covered status on the date a flow is judged, not only on the as-of date', () => {
  const listed = (from?: string, until?: string) => [{ list: 'doj.covered_persons', ...(from ? { listedFrom: from } : {}), ...(until ? { listedUntil: until } : {}) }];
  const facts = (entities: EntityInput[]) => deriveFacts(inventory({ entities }), AS_OF).persons;

  it('a party designated after the date is not covered on it, and is on the as-of date', () => {
    const p = facts([{ id: 'd', name: 'Listed 2026', kind: 'company', organizedIn: 'SG', designations: listed('2026-03-01') }]);
    expect(p.parties.get('d')!.coveredPerson).toBe(true);
    expect(p.on('d', '2026-02-28')!.coveredPerson).toBe(false);
    expect(p.on('d', '2026-03-01')!.coveredPerson).toBe(true);
    // on the as-of date itself, and for a party nothing dated touches, the as-of facts themselves
    expect(p.on('d', AS_OF)).toBe(p.parties.get('d'));
  });

  it('a designation removed before the as-of date still made the party covered while it was in force', () => {
    const p = facts([{ id: 'd', name: 'Delisted', kind: 'company', organizedIn: 'SG', designations: listed('2025-05-01', '2026-01-31') }]);
    expect(p.parties.get('d')!.coveredPerson).toBe(false);
    const then = p.on('d', '2025-12-01')!;
    expect(then.coveredPerson).toBe(true);
    expect(then.coveredReasons[0]).toMatch(/designated by the Attorney General.*202\.211\(a\)\(5\)/);
    expect(p.on('d', '2026-02-01')!.coveredPerson).toBe(false);
  });

  it('follows ownership, employment and branches down from the designated party, on that date', () => {
    const p = facts([
      { id: 'd', name: 'Listed Parent', kind: 'company', organizedIn: 'SG', designations: listed('2026-03-01') },
      sg('sub', [{ entity: 'd', percent: 60 }]),
      sg('subsub', [{ entity: 'sub', percent: 50 }]),
      { id: 'emp', name: 'Employee', kind: 'individual', citizenships: ['SG'], primaryResidence: 'SG', employment: [{ entity: 'subsub', relation: 'employee' }] },
      { id: 'br', name: 'Listed Parent, London branch', kind: 'company', organizedIn: 'GB', branchOf: 'd' },
      sg('minority', [{ entity: 'd', percent: 40 }]),
    ]);
    for (const id of ['sub', 'subsub', 'emp', 'br']) {
      expect(p.parties.get(id)!.coveredPerson, id).toBe(true);
      expect(p.on(id, '2026-01-01')!.coveredPerson, id).toBe(false);
      expect(p.on(id, '2026-04-01')!.coveredPerson, id).toBe(true);
    }
    expect(p.on('subsub', '2026-04-01')!.coveredReasons.join('\n')).toMatch(/Listed Parent 60%[\s\S]*designated by the Attorney General/);
    expect(p.on('minority', '2026-04-01')!.coveredPerson).toBe(false);
  });

  it('keeps what does not depend on the date: a party covered on other grounds stays covered', () => {
    const p = facts([cn, { id: 'd', name: 'Listed', kind: 'company', organizedIn: 'SG', designations: listed('2026-03-01') }, sg('both', [{ entity: 'cn', percent: 50 }, { entity: 'd', percent: 50 }])]);
    const then = p.on('both', '2026-01-01')!;
    expect(then.coveredPerson).toBe(true);
    expect(then.coveredReasons[0]).toMatch(/50% owned.*CN Group 50%/);
    expect(then.coveredReasons.join('\n')).not.toMatch(/Listed 50%/);
    expect(p.parties.get('both')!.coveredReasons[0]).toMatch(/100% owned.*CN Group 50% \+ Listed 50%/);
  });

  it('names the date on facts that differ, and gives the as-of facts where the status and its reasons are the same', () => {
    const p = facts([
      cn,
      { id: 'd', name: 'Listed', kind: 'company', organizedIn: 'SG', designations: listed('2026-03-01') },
      sg('sub', [{ entity: 'd', percent: 60 }]),
      { id: 'own', name: 'Own Grounds', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'd', percent: 10 }] },
    ]);
    const a = p.on('sub', '2026-01-01')!;
    const b = p.on('sub', '2025-12-01')!;
    expect([a.on, b.on]).toEqual(['2026-01-01', '2025-12-01']);
    expect({ ...a, on: undefined }).toEqual({ ...b, on: undefined });
    expect(p.on('sub', '2026-01-01')).toBe(a);
    expect(p.parties.get('sub')!.on).toBeUndefined();
    // covered on its own facts on both dates, for the same reasons: the as-of facts
    expect(p.on('own', '2026-01-01')).toBe(p.parties.get('own'));
    expect(p.on('x-unknown', '2026-01-01')).toBeUndefined();
  });
});

describe('202.211 with ownership and employment held for a period (`from`, `until`)', () => {
  const facts = (entities: EntityInput[]) => deriveFacts(inventory({ entities }), AS_OF).persons;

  it('a stake bought after a date does not make the party covered on that date; on the as-of date it does, and the reason says since when it is held', () => {
    const p = facts([cn, sg('acq', [{ entity: 'cn', percent: 60, from: '2026-03-01' }])]);
    const now = p.parties.get('acq')!;
    expect(now.coveredPerson).toBe(true);
    expect(now.coveredReasons[0]).toMatch(/60% owned.*CN Group 60% \(held from 2026-03-01\)/);
    const before = p.on('acq', '2026-02-28')!;
    expect(before.coveredPerson).toBe(false);
    expect(before.on).toBe('2026-02-28');
    expect(p.on('acq', '2026-03-01')).toBe(now);
  });

  it('a stake sold before the as-of date: not covered now, covered while it was held (both ends inclusive)', () => {
    const p = facts([cn, sg('sold', [{ entity: 'cn', percent: 55, from: '2025-01-01', until: '2026-01-31' }])]);
    expect(p.parties.get('sold')!.coveredPerson).toBe(false);
    const then = p.on('sold', '2026-01-31')!;
    expect(then.coveredPerson).toBe(true);
    expect(then.coveredReasons[0]).toMatch(/CN Group 55% \(held 2025-01-01 to 2026-01-31\)/);
    expect(p.on('sold', '2026-02-01')!.coveredPerson).toBe(false);
  });

  it('shares that follow each other do not add up: 30 % sold, then 30 % bought, is never 60 %', () => {
    const p = facts([cn, ru, sg('x', [{ entity: 'cn', percent: 30, until: '2025-12-31' }, { entity: 'ru', percent: 30, from: '2026-01-01' }])]);
    for (const d of ['2025-06-01', '2026-01-01', AS_OF]) expect(p.on('x', d)!.coveredPerson, d).toBe(false);
    // held together for one day, they reach 60 %
    const q = facts([cn, ru, sg('x', [{ entity: 'cn', percent: 30, until: '2026-01-01' }, { entity: 'ru', percent: 30, from: '2026-01-01' }])]);
    expect(q.on('x', '2026-01-01')!.coveredPerson).toBe(true);
    expect(q.on('x', '2025-12-31')!.coveredPerson).toBe(false);
  });

  it('follows the dated edge down the chain: a subsidiary of a company acquired later is covered only from the acquisition', () => {
    const p = facts([cn, sg('mid', [{ entity: 'cn', percent: 100, from: '2026-04-01' }]), sg('leaf', [{ entity: 'mid', percent: 51 }])]);
    expect(p.parties.get('leaf')!.coveredPerson).toBe(true);
    expect(p.on('leaf', '2026-03-31')!.coveredPerson).toBe(false);
    expect(p.on('leaf', '2026-04-01')!.coveredPerson).toBe(true);
  });

  it('(a)(3): employment counts while it lasts, and the reason gives its period', () => {
    const p = facts([
      cn,
      { id: 'ex', name: 'Former Employee', kind: 'individual', citizenships: ['SG'], primaryResidence: 'SG', employment: [{ entity: 'cn', relation: 'employee', until: '2026-01-15' }] },
      { id: 'new', name: 'New Contractor', kind: 'individual', citizenships: ['SG'], primaryResidence: 'SG', employment: [{ entity: 'cn', relation: 'contractor', from: '2026-05-01' }] },
    ]);
    expect(p.parties.get('ex')!.coveredPerson).toBe(false);
    const then = p.on('ex', '2026-01-15')!;
    expect(then.coveredPerson).toBe(true);
    expect(then.coveredReasons[0]).toMatch(/an employee of CN Group \(until 2026-01-15\), itself a country of concern or covered entity \(202\.211\(a\)\(3\)\)/);
    expect(p.parties.get('new')!.coveredReasons[0]).toMatch(/a contractor of CN Group \(from 2026-05-01\)/);
    expect(p.on('new', '2026-04-30')!.coveredPerson).toBe(false);
  });

  it('the organization\'s covered ownership (202.1103(a)) counts the owners of the as-of date only', () => {
    const inv = inventory({ entities: [cn], organization: { owners: [{ entity: 'cn', percent: 40, until: '2026-05-31' }] } });
    expect(deriveFacts(inv, '2026-05-31').persons.orgCoveredOwnershipPercent).toBe(40);
    expect(deriveFacts(inv, AS_OF).persons.orgCoveredOwnershipPercent).toBe(0);
  });

  it('lists\' 50 % rules pass a designation on through the edges held on the as-of date', () => {
    const sdn = { id: 'sdn', name: 'Blocked Co', kind: 'company' as const, organizedIn: 'RU', designations: [{ list: 'ofac.sdn' }] };
    const inv = inventory({ entities: [sdn, sg('was', [{ entity: 'sdn', percent: 50, until: '2026-01-31' }]), sg('now', [{ entity: 'sdn', percent: 50, from: '2026-02-01' }])] });
    const d = deriveFacts(inv, AS_OF).designations;
    expect(d.get('was')).toBeUndefined();
    expect(d.get('now')![0]!.via).toMatch(/Blocked Co 50% \(held from 2026-02-01\)/);
    expect(deriveFacts(inv, '2026-01-31').designations.get('was')).toBeDefined();
  });
});

describe('202.211 over the days of a flow that has ended (PersonFacts.during)', () => {
  const facts = (entities: EntityInput[]) => deriveFacts(inventory({ entities }), AS_OF).persons;

  it('a party covered for part of the period was covered: the first such day is given, named with its date', () => {
    const p = facts([cn, sg('x', [{ entity: 'cn', percent: 60, from: '2025-06-01', until: '2025-09-30' }])]);
    const d = p.during('x', '2025-05-01', '2025-12-31')!;
    expect(d.coveredPerson).toBe(true);
    expect(d.on).toBe('2025-06-01');
    expect(d.coveredReasons[0]).toMatch(/CN Group 60% \(held 2025-06-01 to 2025-09-30\)/);
    // a period that ends before the stake, or starts after it, was not
    expect(p.during('x', '2025-05-01', '2025-05-31')!.coveredPerson).toBe(false);
    expect(p.during('x', '2025-10-01', '2025-12-31')!.coveredPerson).toBe(false);
    // one day of overlap is enough, at either end
    expect(p.during('x', '2025-09-30', '2025-12-31')!.on).toBe('2025-09-30');
    expect(p.during('x', '2025-05-01', '2025-06-01')!.coveredPerson).toBe(true);
  });

  it('covered on the last day: the facts of that day, as on()', () => {
    const p = facts([{ id: 'd', name: 'Listed', kind: 'company', organizedIn: 'SG', designations: [{ list: 'doj.covered_persons', listedFrom: '2025-05-01', listedUntil: '2026-01-31' }] }]);
    expect(p.during('d', '2025-04-10', '2025-12-31')).toBe(p.on('d', '2025-12-31'));
  });

  it('a party covered again today, but not at the end of the period, is named with the day it was covered then', () => {
    const listed = (from: string, until?: string) => ({ list: 'doj.covered_persons', listedFrom: from, ...(until ? { listedUntil: until } : {}) });
    const p = facts([{ id: 'd', name: 'Relisted', kind: 'company', organizedIn: 'SG', designations: [listed('2025-05-01', '2025-06-30'), listed('2026-01-01')] }]);
    expect(p.parties.get('d')!.coveredPerson).toBe(true);
    const d = p.during('d', '2025-04-10', '2025-12-31')!;
    expect([d.coveredPerson, d.on]).toEqual([true, '2025-05-01']);
  });

  it('days before 28 CFR 202 took effect (2025-04-08) are not looked at', () => {
    const p = facts([cn, sg('x', [{ entity: 'cn', percent: 60, from: '2024-01-01', until: '2025-03-31' }])]);
    expect(p.during('x', '2024-06-01', '2025-06-30')!.coveredPerson).toBe(false);
  });
});

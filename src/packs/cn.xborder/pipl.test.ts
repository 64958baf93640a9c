/**
 * Tester for the PIPL rules: Arts. 3(2), 36, 38 (with the routes of (1)(4) and para. 2), 39, 40,
 * 41, 42, 55 (with 55(3) within the mainland).
 */
import { describe, expect, it } from 'vitest';
import { decide, obligationOf, pi, ruleIds, xfer, type Scenario } from './testing/fixtures.js';

const AS_OF = '2025-06-15';

describe('Art. 41: foreign judicial and law-enforcement requests', () => {
  const request = (authority: 'court' | 'law_enforcement' | 'regulator' | 'other', country: string, extra: Partial<Parameters<typeof xfer>[2]> = {}): Scenario => ({
    asOf: AS_OF,
    entities: [{ id: 'authority', name: 'Requesting authority', kind: 'government', government: country }],
    datasets: [pi('customers', 20)],
    flows: [xfer('req', 'customers', { kind: 'government_request', recipient: 'authority', destination: country, request: { authority, country }, ...extra })],
  });

  it('a US court subpoena for PI stored in China → prohibited without approval, blocked', () => {
    const d = decide(request('court', 'US'));
    expect(d.outcome).toBe('prohibited_without_approval');
    expect(d.verdict).toBe('blocked');
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['cn.xborder/pipl.41', 'cn.xborder/dsl.36']));
    expect(obligationOf(d, 'cn.xborder/pipl.41:approval')).toBeDefined();
    expect(d.reasons).toContain('A court of the United States asks for PI stored in China: it may not be provided without approval of the PRC competent authority (PIPL Art. 41).');
    expect(d.reasons.join(' ')).not.toMatch(/\bof US\b/);
  });

  it('with approval of the PRC competent authority → permitted', () => {
    const d = decide(request('law_enforcement', 'DE', { safeguards: [{ type: 'prc_authority_approval', date: '2025-05-30', reference: 'MOJ 2025-17' }] }));
    expect(d.outcome).toBe('prohibited_without_approval');
    expect(d.verdict).toBe('permitted');
  });

  it('no mechanism duties attach to a request: it is not decided as an ordinary export', () => {
    const d = decide(request('court', 'US'));
    expect(obligationOf(d, 'cn.xborder/pipl.55')).toBeUndefined();
  });

  it('a recipient with the law_enforcement role is a requester even without a request record', () => {
    const d = decide({
      asOf: AS_OF,
      entities: [{ id: 'police', name: 'Foreign police', kind: 'government', government: 'GB', roles: ['law_enforcement'] }],
      datasets: [pi('customers', 20)],
      flows: [xfer('f', 'customers', { recipient: 'police', destination: 'GB' })],
    });
    expect(d.outcome).toBe('prohibited_without_approval');
  });

  it('a PRC authority\'s request is not foreign: the data stays in China', () => {
    expect(decide(request('court', 'CN')).outcome).toBe('not_export');
  });

  it('HK is outside the mainland: covered, with a note on judicial-assistance arrangements', () => {
    const d = decide(request('court', 'HK'));
    expect(d.outcome).toBe('prohibited_without_approval');
    expect(d.reasons.join(' ')).toMatch(/judicial-assistance arrangements/);
    expect(d.reasons.join(' ')).toMatch(/^A court of Hong Kong asks .* for Hong Kong, requests normally go through/);
  });

  it('[U] regulators are covered by default; a policy limited to the text\'s court and law enforcement drops them', () => {
    expect(decide(request('regulator', 'US')).outcome).toBe('prohibited_without_approval');
    const d = decide(request('regulator', 'US'), undefined, { foreignAuthorityKinds: ['court', 'law_enforcement'] });
    expect(d.outcome).toBe('exempt');
  });

  it('data held abroad is not "stored in China": Art. 41 does not fire', () => {
    const d = decide({
      ...request('court', 'US'),
      systems: [{ id: 'us-dc', location: 'US' }],
      datasets: [pi('customers', 20, { system: 'us-dc', collectedIn: ['US'] })],
    });
    expect(ruleIds(d)).not.toContain('cn.xborder/pipl.41');
  });
});

describe('Art. 42: the CAC list', () => {
  it('a recipient on the list → prohibited or restricted, blocked', () => {
    const d = decide({
      asOf: AS_OF,
      entities: [{ id: 'listed', name: 'Listed recipient', kind: 'company', organizedIn: 'US', designations: [{ list: 'cn.pipl42', listedFrom: '2025-01-01' }] }],
      datasets: [pi('d', 20)],
      flows: [xfer('f', 'd', { recipient: 'listed' })],
    });
    expect(d.outcome).toBe('prohibited_or_restricted');
    expect(d.verdict).toBe('blocked');
  });

  it('a listing that starts after the judged date does not apply yet', () => {
    const d = decide({
      asOf: AS_OF,
      entities: [{ id: 'listed', name: 'Listed recipient', kind: 'company', organizedIn: 'US', designations: [{ list: 'cn.pipl42', listedFrom: '2026-01-01' }] }],
      datasets: [pi('d', 20)],
      flows: [xfer('f', 'd', { recipient: 'listed' })],
    });
    expect(d.outcome).toBe('exempt');
  });
});

describe('Art. 36: state organs', () => {
  it('a state organ\'s small HR export still needs the assessment by default', () => {
    const s: Scenario = { asOf: AS_OF, org: { cn: { stateOrgan: true } }, datasets: [pi('staff', 50, { categories: ['name', 'employment'] })], flows: [xfer('f', 'staff', { purpose: 'hr_management' })] };
    expect(decide(s).outcome).toBe('security_assessment');
    // [U] with the policy letting state organs use the Order 16 exemptions
    expect(decide(s, undefined, { stateOrganExemptions: true }).outcome).toBe('exempt');
  });
});

describe('Art. 40 / Art. 38', () => {
  it('a CIIO exporting 10 people\'s PI → assessment (PIPL Art. 40 and Order 16 Art. 7(1))', () => {
    const d = decide({ asOf: AS_OF, org: { cn: { ciio: true } }, datasets: [pi('d', 10)], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['cn.xborder/pipl.40', 'cn.xborder/order16.7.1', 'cn.xborder/csl.37']));
  });

  it('Art. 38 does not fire on data that is not PI', () => {
    const d = decide({ asOf: AS_OF, datasets: [{ id: 'designs', categories: ['technical'], system: 'cn-dc', collectedIn: ['CN'] }], flows: [xfer('f', 'designs')] });
    expect(ruleIds(d)).not.toContain('cn.xborder/pipl.38');
  });
});

describe('Art. 38 para. 3: the overseas recipient\'s processing meets the PIPL standard', () => {
  const duty = (d: ReturnType<typeof decide>) => obligationOf(d, 'cn.xborder/pipl.38.3');
  const listed = (listedFrom: string) => ({ id: 'listed', name: 'Listed recipient', kind: 'company' as const, organizedIn: 'US', designations: [{ list: 'cn.pipl42', listedFrom }] });

  it('owed on a PI export under a mechanism: due at the start, to the named recipient, with the paragraph cited', () => {
    const d = decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2025-03-01' })] });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(duty(d)).toMatchObject({ citation: 'PIPL Art. 38 para. 3', due: '2025-03-01', status: 'overdue', to: 'Overseas Partner Inc.' });
    expect(duty(d)!.what).toMatch(/necessary measures so that Overseas Partner Inc\.'s processing of the PI meets the protection standard of the PIPL/);
    expect(ruleIds(d)).toContain('cn.xborder/pipl.38.3');
  });

  it('names the organization by its name when it is the recipient (e.g. a subsidiary sending to its parent), as the contract duty does', () => {
    const d = decide({ asOf: AS_OF, entities: [{ id: 'sub', name: 'Sub (Shanghai) Co., Ltd.', kind: 'company', organizedIn: 'CN' }], datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { from: 'sub', recipient: 'processor' })] });
    expect(duty(d)).toMatchObject({ to: 'Processor Co., Ltd.' });
    expect(obligationOf(d, 'cn.xborder/pipl.38:contract')).toMatchObject({ to: 'Processor Co., Ltd.' });
    expect(obligationOf(d, 'cn.xborder/pipl.38:contract')!.what).toMatch(/^Sign the CAC standard contract with Processor Co\., Ltd\./);
  });

  it('owed under the assessment too, and on exports exempt by Order 16 Arts. 5(1)–(4) or NDSMR Art. 35(6): they exempt from the mechanisms, not from this duty', () => {
    expect(duty(decide({ asOf: AS_OF, datasets: [pi('d', 1_200_000)], flows: [xfer('f', 'd')] }))).toBeDefined();
    for (const [purpose, n] of [['contract_with_individual', 500_000], ['hr_management', 500_000], ['emergency', 500_000], ['statutory_duty', 500_000], ['marketing', 50]] as const) {
      const d = decide({ asOf: AS_OF, datasets: [pi('d', n)], flows: [xfer('f', 'd', { purpose })] });
      expect(d.outcome, purpose).toBe('exempt');
      expect(duty(d), purpose).toBeDefined();
    }
  });

  it('done by a declared recipient_protection_measures dated by the as-of date (or undated); a standard contract alone does not mark it', () => {
    const done = decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2025-03-01', safeguards: [{ type: 'recipient_protection_measures', date: '2025-02-20' }] })] });
    expect(duty(done)).toMatchObject({ status: 'done' });
    const undated = decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2025-03-01', safeguards: [{ type: 'recipient_protection_measures' }] })] });
    expect(duty(undated)).toMatchObject({ status: 'done' });
    const contract = decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2025-03-01', safeguards: [{ type: 'cac_standard_contract', date: '2025-02-20' }] })] });
    expect(contract.verdict).toBe('permitted');
    expect(duty(contract)).toMatchObject({ status: 'overdue' });
  });

  it('a transfer begun before the PIPL owes it from 2021-11-01; none before that date nor on data that is not PI', () => {
    expect(duty(decide({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { start: '2020-05-01' })] }))!.due).toBe('2021-11-01');
    expect(duty(decide({ asOf: '2021-10-31', datasets: [pi('d', 200_000)], flows: [xfer('f', 'd')] }))).toBeUndefined();
    expect(duty(decide({ asOf: AS_OF, datasets: [{ id: 'designs', categories: ['technical'], system: 'cn-dc', collectedIn: ['CN'] }], flows: [xfer('f', 'designs')] }))).toBeUndefined();
  });

  it('not owed while Art. 42 blocks the provision (from the listing date on), nor on a foreign court\'s request', () => {
    const s = (asOf: string): Scenario => ({ asOf, entities: [listed('2025-01-01')], datasets: [pi('d', 20)], flows: [xfer('f', 'd', { recipient: 'listed' })] });
    const blocked = decide(s(AS_OF));
    expect(blocked.verdict).toBe('blocked');
    expect(duty(blocked)).toBeUndefined();
    expect(duty(decide(s('2024-12-31')))).toBeDefined();
    const request = decide({
      asOf: AS_OF,
      entities: [{ id: 'court', name: 'US court', kind: 'government', government: 'US' }],
      datasets: [pi('d', 20)],
      flows: [xfer('f', 'd', { kind: 'government_request', recipient: 'court', request: { authority: 'court', country: 'US' }, safeguards: [{ type: 'prc_authority_approval', date: '2025-05-30' }] })],
    });
    expect(request.verdict).toBe('permitted');
    expect(duty(request)).toBeUndefined();
  });
});

describe('Art. 39 notice and separate consent; Art. 55 PIPIA', () => {
  const s = (flow: Partial<Parameters<typeof xfer>[2]>): Scenario => ({ asOf: AS_OF, datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', flow)] });

  it('notice and PIPIA are due at the start of the flow; overdue once it started without them', () => {
    const d = decide(s({ start: '2025-06-01' }));
    expect(obligationOf(d, 'cn.xborder/pipl.39.notice')).toMatchObject({ due: '2025-06-01', status: 'overdue' });
    expect(obligationOf(d, 'cn.xborder/pipl.55')).toMatchObject({ due: '2025-06-01', status: 'overdue' });
  });

  it('declared notice, consent and PIPIA are done', () => {
    const d = decide(s({ start: '2025-06-01', safeguards: [{ type: 'notice', date: '2025-05-20' }, { type: 'separate_consent', date: '2025-05-20' }, { type: 'pipia', date: '2025-05-10' }] }));
    for (const id of ['cn.xborder/pipl.39.notice', 'cn.xborder/pipl.39.consent', 'cn.xborder/pipl.55']) expect(obligationOf(d, id)?.status, id).toBe('done');
  });

  it('consent as the basis → separate consent required before the transfer', () => {
    const o = obligationOf(decide(s({ start: '2025-07-01' })), 'cn.xborder/pipl.39.consent');
    expect(o).toMatchObject({ due: '2025-07-01', status: 'due' });
    expect(o?.what).toMatch(/separate consent/);
  });

  it('[U] a non-consent basis → flagged for review by default; policy can require or drop it', () => {
    const flow = { consentBased: false, start: '2025-07-01' };
    const review = obligationOf(decide(s(flow)), 'cn.xborder/pipl.39.consent');
    expect(review?.status).toBe('ongoing');
    expect(review?.what).toMatch(/Decide whether/);
    expect(obligationOf(decide(s(flow), undefined, { separateConsentWithoutConsentBasis: 'required' }), 'cn.xborder/pipl.39.consent')?.due).toBe('2025-07-01');
    expect(obligationOf(decide(s(flow), undefined, { separateConsentWithoutConsentBasis: 'not_required' }), 'cn.xborder/pipl.39.consent')).toBeUndefined();
  });

  it('in an emergency, notice follows the emergency (Art. 18(2)): no date', () => {
    const o = obligationOf(decide(s({ purpose: 'emergency', start: '2025-06-01' })), 'cn.xborder/pipl.39.notice');
    expect(o?.due).toBeUndefined();
    expect(o?.what).toMatch(/once the emergency is over/);
  });
});

describe('Art. 3(2): PI of people in China held abroad', () => {
  const abroad: Scenario = {
    asOf: AS_OF,
    systems: [{ id: 'us-dc', location: 'US' }],
    datasets: [pi('shoppers', 200_000, { system: 'us-dc', collectedIn: ['US'] })],
    flows: [xfer('f', 'shoppers', { destination: 'SG' })],
  };

  it('[M] flagged for review by default', () => {
    const d = decide(abroad);
    expect(d.outcome).toBe('needs_review');
    expect(ruleIds(d)).toContain('cn.xborder/pipl.3.2');
  });

  it('policy "export" decides it as an export (Guide item 3); "not_export" leaves it out', () => {
    const asExport = decide(abroad, undefined, { art32: 'export' });
    expect(asExport.outcome).toBe('standard_contract_or_certification');
    expect(asExport.reasons.join(' ')).toMatch(/Guide item 3/);
    expect(decide(abroad, undefined, { art32: 'not_export' }).outcome).toBe('not_export');
  });
});

describe('duties of a transfer begun before the PIPL took effect (2021-11-01, Art. 74)', () => {
  it('notice, consent, PIPIA and the mechanism fall due on 2021-11-01, not on the 2021-01-01 start', () => {
    const d = decide({ asOf: '2022-01-15', datasets: [pi('d', 50_000)], flows: [xfer('f', 'd', { start: '2021-01-01' })] });
    expect(d.outcome).toBe('standard_contract_or_certification');
    for (const id of ['cn.xborder/pipl.39.notice', 'cn.xborder/pipl.39.consent', 'cn.xborder/pipl.55', 'cn.xborder/pipl.38:contract']) expect(obligationOf(d, id)?.due, id).toBe('2021-11-01');
  });

  it('a transfer begun after 2021-11-01 owes them at its start', () => {
    const d = decide({ asOf: '2022-01-15', datasets: [pi('d', 50_000)], flows: [xfer('f', 'd', { start: '2021-12-01' })] });
    expect(obligationOf(d, 'cn.xborder/pipl.55')?.due).toBe('2021-12-01');
    expect(obligationOf(d, 'cn.xborder/pipl.38:contract')?.due).toBe('2021-12-01');
  });
});

describe('Art. 55(3): a PIPIA before providing PI to another processor within mainland China', () => {
  const local = { id: 'local-vendor', name: 'Local Vendor Co., Ltd.', kind: 'company' as const, organizedIn: 'CN' };
  const s = (flow: Partial<Parameters<typeof xfer>[2]> = {}, extra: Partial<Scenario> = {}): Scenario => ({
    asOf: AS_OF,
    entities: [local],
    datasets: [pi('customers', 50_000)],
    flows: [xfer('f', 'customers', { recipient: 'local-vendor', destination: 'CN', start: '2025-03-01', ...flow })],
    ...extra,
  });
  const duty = (d: ReturnType<typeof decide>) => obligationOf(d, 'cn.xborder/pipl.55.3');

  it('not an export, but the PIPIA is owed before providing: due at the start, with a reason, the report kept 3 years', () => {
    const d = decide(s());
    expect(d.outcome).toBe('not_export');
    expect(d.verdict).toBe('not_applicable');
    expect(ruleIds(d)).toContain('cn.xborder/pipl.55.3');
    expect(duty(d)).toMatchObject({ citation: 'PIPL Arts. 55(3), 56', due: '2025-03-01', status: 'overdue' });
    expect(duty(d)!.what).toMatch(/before providing the PI to Local Vendor Co\., Ltd\. \(or entrusting its processing to it\), and keep the report at least 3 years\.$/);
    expect(d.reasons.join(' ')).toMatch(/PI is provided to Local Vendor Co\., Ltd\. within mainland China: not an export, but PIPL Art\. 55\(3\) requires/);
    // no export duty comes with it
    expect(obligationOf(d, 'cn.xborder/pipl.55')).toBeUndefined();
  });

  it('access by the vendor\'s people physically in China is providing too', () => {
    expect(duty(decide(s({ kind: 'remote_access', physicallyInCountry: true })))).toBeDefined();
  });

  it('done by a pipia safeguard; not due before 2021-11-01; not owed before the PIPL', () => {
    expect(duty(decide(s({ safeguards: [{ type: 'pipia', date: '2025-02-20' }] })))).toMatchObject({ status: 'done' });
    expect(duty(decide(s({ start: '2020-05-01' })))!.due).toBe('2021-11-01');
    expect(duty(decide({ ...s(), asOf: '2021-10-31' }))).toBeUndefined();
  });

  it('not owed between the processor\'s own systems, to its branch, for data that is not PI, or for PI held abroad that comes into China', () => {
    expect(duty(decide(s({ recipient: 'processor' })))).toBeUndefined();
    const branch = { id: 'sh-branch', name: 'Processor Co., Ltd., Shanghai Branch', kind: 'company' as const, organizedIn: 'CN', branchOf: 'processor' };
    expect(duty(decide(s({ recipient: 'sh-branch' }, { entities: [local, branch] })))).toBeUndefined();
    expect(duty(decide(s({}, { datasets: [pi('customers', 50_000, { anonymized: true })] })))).toBeUndefined();
    const abroad = s({}, { systems: [{ id: 'sg-dc', location: 'SG', kind: 'datacenter' }], datasets: [pi('customers', 50_000, { system: 'sg-dc', collectedIn: ['SG'] })] });
    expect(duty(decide(abroad))).toBeUndefined();
  });
});

describe('Art. 38(1)(4) and para. 2: the routes of other conditions and of treaties', () => {
  // 200,000 people: the Order 16 Art. 8 band (standard contract or certification)
  const s = (safeguards: NonNullable<NonNullable<Parameters<typeof xfer>[2]>['safeguards']>, people = 200_000): Scenario => ({
    asOf: AS_OF,
    datasets: [pi('customers', people)],
    flows: [xfer('f', 'customers', { start: '2025-02-01', safeguards })],
  });
  const treaty = { type: 'treaty_conditions' as const, date: '2025-01-15', reference: 'Agreement X, Art. 7' };

  it('a declared treaty route is stated, and by default (review) stays conditional with a duty to confirm it beside the contract', () => {
    const d = decide(s([treaty]));
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.verdict).toBe('conditional');
    expect(ruleIds(d)).toContain('cn.xborder/pipl.38.2');
    expect(d.reasons.join(' ')).toMatch(/declared to follow the conditions of an international treaty or agreement China has concluded or joined \(Agreement X, Art\. 7\), a route for providing PI abroad \(PIPL Art\. 38 para\. 2; NDSMR Art\. 36\)/);
    expect(d.reasons.join(' ')).toMatch(/is not confirmed \(policy other_routes = review\)/);
    const confirm = d.obligations.find((o) => o.id.endsWith(':route'));
    expect(confirm).toMatchObject({ citation: 'PIPL Art. 38 para. 2; NDSMR Art. 36', due: '2025-02-01', status: 'overdue' });
    expect(confirm!.what).toMatch(/^Confirm that Agreement X, Art\. 7 sets conditions for providing this PI abroad/);
    expect(d.obligations.some((o) => o.id.endsWith(':contract'))).toBe(true);
  });

  it('with policy other_routes = accept it stands in place of the standard contract or certification: permitted', () => {
    const d = decide(s([treaty]), undefined, { otherRoutes: 'accept' });
    expect(d.verdict).toBe('permitted');
    expect(d.reasons.join(' ')).toMatch(/is taken in place of the standard contract or certification \(PIPL Art\. 38 para\. 2; NDSMR Art\. 36; policy other_routes = accept\)/);
    expect(d.obligations.some((o) => o.id.endsWith(':contract') || o.id.endsWith(':route'))).toBe(false);
  });

  it('other conditions of laws, administrative regulations or the CAC: the same, under Art. 38(1)(4) and NDSMR Art. 35(8)', () => {
    const d = decide(s([{ type: 'legal_conditions', reference: 'Regulation Y Art. 3' }]));
    expect(ruleIds(d)).toContain('cn.xborder/pipl.38.1.4');
    expect(d.verdict).toBe('conditional');
    expect(d.obligations.find((o) => o.id.endsWith(':route'))).toMatchObject({ citation: 'PIPL Art. 38(1)(4); NDSMR Art. 35(8)' });
    expect(decide(s([{ type: 'legal_conditions', reference: 'Regulation Y Art. 3' }]), undefined, { otherRoutes: 'accept' }).verdict).toBe('permitted');
  });

  it('before 2025-01-01 only the PIPL is cited; a route dated after the judged date is not yet in effect; no reference asks for one', () => {
    const early = decide({ ...s([{ ...treaty, date: '2024-06-01' }]), asOf: '2024-09-01' });
    expect(early.obligations.find((o) => o.id.endsWith(':route'))).toMatchObject({ citation: 'PIPL Art. 38 para. 2' });
    const later = decide(s([{ ...treaty, date: '2025-09-01' }]));
    expect(ruleIds(later)).not.toContain('cn.xborder/pipl.38.2');
    expect(later.obligations.some((o) => o.id.endsWith(':route'))).toBe(false);
    expect(decide(s([{ type: 'treaty_conditions' }])).reasons.join(' ')).toMatch(/no reference given: name it in `reference`/);
  });

  it('never lifts a security assessment, even when accepted', () => {
    const d = decide(s([treaty], 1_200_000), undefined, { otherRoutes: 'accept' });
    expect(d.outcome).toBe('security_assessment');
    expect(d.verdict).toBe('conditional');
    expect(d.reasons.join(' ')).toMatch(/does not lift the security assessment: PIPL Art\. 40/);
  });

  it('does nothing for an exempt flow but state the route', () => {
    const d = decide(s([treaty], 5_000));
    expect(d.outcome).toBe('exempt');
    expect(d.verdict).toBe('permitted');
    expect(ruleIds(d)).toContain('cn.xborder/pipl.38.2');
    expect(d.obligations.some((o) => o.id.endsWith(':route'))).toBe(false);
  });
});

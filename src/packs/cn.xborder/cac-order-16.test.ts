/**
 * Tester for CAC Order No. 16: the volume bands and their exact boundaries, the counting window,
 * the exemptions as exceptions, validity and renewal of assessment results.
 */
import { describe, expect, it } from 'vitest';
import { decide, obligationOf, pi, ruleIds, spi, xfer, type Scenario } from './testing/fixtures.js';
import { lastValidDay, validityYears } from './safeguards.js';

const one = (asOf: string, dataset: ReturnType<typeof pi>, flow: Partial<Parameters<typeof xfer>[2]> = {}, org: Scenario['org'] = {}): Scenario => ({
  asOf,
  org,
  datasets: [dataset],
  flows: [xfer('f', dataset.id, flow)],
});

describe('Art. 5(4) / Art. 8 / Art. 7(2): the bands (以上 ≥, 不满 <)', () => {
  const cases: [string, ReturnType<typeof pi>, string, string][] = [
    ['99,999 non-sensitive → Art. 5(4)', pi('d', 99_999), 'exempt', 'cn.xborder/order16.5.4'],
    ['100,000 non-sensitive → Art. 8', pi('d', 100_000), 'standard_contract_or_certification', 'cn.xborder/order16.8'],
    ['999,999 non-sensitive → Art. 8', pi('d', 999_999), 'standard_contract_or_certification', 'cn.xborder/order16.8'],
    ['1,000,000 non-sensitive → Art. 7(2)', pi('d', 1_000_000), 'security_assessment', 'cn.xborder/order16.7.2.volume'],
    ['1 sensitive → Art. 8 (no de minimis)', spi('d', 1), 'standard_contract_or_certification', 'cn.xborder/order16.8'],
    ['9,999 sensitive → Art. 8', spi('d', 9_999), 'standard_contract_or_certification', 'cn.xborder/order16.8'],
    ['10,000 sensitive → Art. 7(2)', spi('d', 10_000), 'security_assessment', 'cn.xborder/order16.7.2.volume'],
  ];
  for (const [title, ds, outcome, rule] of cases) {
    it(title, () => {
      const d = decide(one('2025-06-15', ds));
      expect(d.outcome).toBe(outcome);
      expect(ruleIds(d)).toContain(rule);
    });
  }

  it('Art. 5(4) defeats only the PIPL Art. 38 default; the defeated rule is not cited', () => {
    const d = decide(one('2025-06-15', pi('d', 10)));
    expect(ruleIds(d)).not.toContain('cn.xborder/pipl.38');
    expect(d.verdict).toBe('permitted');
  });
});

describe('counting: distinct people since 1 January of the current year, per processor', () => {
  it('different datasets add up: 60,000 + 40,000 = 100,000 → Art. 8 for each flow', () => {
    const s: Scenario = { asOf: '2025-06-15', datasets: [pi('a', 60_000), pi('b', 40_000)], flows: [xfer('fa', 'a'), xfer('fb', 'b')] };
    expect(decide(s, 'fa').outcome).toBe('standard_contract_or_certification');
    expect(decide(s, 'fb').outcome).toBe('standard_contract_or_certification');
  });

  it('the same dataset sent twice counts its people once: 60,000 → exempt', () => {
    const s: Scenario = { asOf: '2025-06-15', datasets: [pi('a', 60_000)], flows: [xfer('f1', 'a'), xfer('f2', 'a', { destination: 'SG' })] };
    expect(decide(s, 'f2').outcome).toBe('exempt');
  });

  it('flows that ended last year do not count this year', () => {
    const s: Scenario = {
      asOf: '2025-02-15',
      datasets: [pi('old', 900_000), pi('new', 50_000)],
      flows: [xfer('last-year', 'old', { start: '2024-03-01', end: '2024-12-31' }), xfer('this-year', 'new', { start: '2025-01-10' })],
    };
    expect(decide(s, 'this-year').outcome).toBe('exempt');
    // Judged on its own last day, the 2024 flow was in Art. 8.
    expect(decide(s, 'last-year').outcome).toBe('standard_contract_or_certification');
  });

  it('another exporter\'s flows do not count toward ours', () => {
    const s: Scenario = {
      asOf: '2025-06-15',
      entities: [{ id: 'sister', name: 'Sister company', kind: 'company', organizedIn: 'CN' }],
      datasets: [pi('theirs', 950_000), pi('ours', 60_000)],
      flows: [xfer('theirs', 'theirs', { from: 'sister' }), xfer('ours', 'ours')],
    };
    expect(decide(s, 'ours').outcome).toBe('exempt');
    expect(decide(s, 'theirs').outcome).toBe('standard_contract_or_certification');
  });

  it('a branch is not a separate processor: its exports count with the organization\'s (60,000 + 50,000 → Art. 8 for both)', () => {
    const branch = { id: 'bj-branch', name: 'Processor Co., Ltd. Beijing Branch', kind: 'company' as const, organizedIn: 'CN', branchOf: 'processor' };
    const s: Scenario = { asOf: '2025-06-15', entities: [branch], datasets: [pi('a', 60_000), pi('b', 50_000)], flows: [xfer('hq', 'a'), xfer('br', 'b', { from: 'bj-branch' })] };
    for (const id of ['hq', 'br']) {
      const d = decide(s, id);
      expect(d.outcome, id).toBe('standard_contract_or_certification');
      expect(d.reasons.join(' '), id).toMatch(/PI of 110,000 people/);
    }
    // A branch of a branch belongs to the same legal person.
    const sub = { id: 'haidian', name: 'Haidian Sub-branch', kind: 'company' as const, organizedIn: 'CN', branchOf: 'bj-branch' };
    expect(decide({ ...s, entities: [branch, sub], flows: [xfer('hq', 'a'), xfer('br', 'b', { from: 'haidian' })] }, 'br').outcome).toBe('standard_contract_or_certification');
    // A separate company (no branchOf) keeps its own count.
    const sister = { ...branch, id: 'sister', branchOf: undefined };
    expect(decide({ ...s, entities: [sister], flows: [xfer('hq', 'a'), xfer('br', 'b', { from: 'sister' })] }, 'br').outcome).toBe('exempt');
  });

  it('a CIIO\'s branch exports as the CIIO: security assessment, never Art. 5(4)', () => {
    const branch = { id: 'bj-branch', name: 'Processor Co., Ltd. Beijing Branch', kind: 'company' as const, organizedIn: 'CN', branchOf: 'processor' };
    const d = decide({ asOf: '2025-06-15', org: { cn: { ciio: true } }, entities: [branch], datasets: [pi('b', 500)], flows: [xfer('br', 'b', { from: 'bj-branch' })] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['cn.xborder/order16.7.1', 'cn.xborder/pipl.40', 'cn.xborder/csl.37']));
    expect(ruleIds(d)).not.toContain('cn.xborder/order16.5.4');
  });

  it('[U] exempt transfers do not count by default; with exempt_transfers_count they do', () => {
    const s: Scenario = {
      asOf: '2025-06-15',
      datasets: [pi('orders', 950_000), pi('leads', 60_000)],
      flows: [xfer('orders', 'orders', { purpose: 'contract_with_individual' }), xfer('leads', 'leads', { purpose: 'marketing' })],
    };
    expect(decide(s, 'leads').outcome).toBe('exempt');
    expect(decide(s, 'leads', { exemptTransfersCount: true }).outcome).toBe('security_assessment');
    expect(decide(s, 'orders', { exemptTransfersCount: true }).outcome).toBe('exempt');
  });

  it('[U] sensitive people count as non-sensitive too by default (996,000 + 5,000 ≥ 1,000,000)', () => {
    const s: Scenario = { asOf: '2025-06-15', datasets: [pi('plain', 996_000), spi('cards', 5_000)], flows: [xfer('plain', 'plain'), xfer('cards', 'cards')] };
    expect(decide(s, 'plain').outcome).toBe('security_assessment');
    expect(decide(s, 'plain', { sensitiveCountsAsNonSensitive: false }).outcome).toBe('standard_contract_or_certification');
  });

  it('people of every jurisdiction in a dataset held in China count (Order 16 counts people, not nationals): 50,000 CN + 60,000 HK → Art. 8', () => {
    const d = decide(one('2025-06-15', pi('d', 50_000, { subjects: { CN: 50_000, HK: 60_000 } })));
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(ruleIds(d)).toContain('cn.xborder/order16.8');
    expect(d.reasons.join(' ')).toMatch(/PI of 110,000 people/);
  });

  it('foreign nationals\' PI collected in China and not declared foreign-origin (Art. 4) counts: 200,000 US people → Art. 8', () => {
    const d = decide(one('2025-06-15', pi('guests', 0, { subjects: { US: 200_000 } })));
    expect(d.outcome).toBe('standard_contract_or_certification');
  });

  it('the other jurisdictions count in the window of every flow of the processor: 50,000 CN + 60,000 US people on another flow → Art. 8', () => {
    const s: Scenario = { asOf: '2025-06-15', datasets: [pi('a', 50_000), pi('b', 0, { subjects: { US: 60_000 } })], flows: [xfer('fa', 'a'), xfer('fb', 'b')] };
    expect(decide(s, 'fa').outcome).toBe('standard_contract_or_certification');
    expect(decide(s, 'fb').outcome).toBe('standard_contract_or_certification');
  });

  it('sensitive PI of 6,000 CN + 4,000 MO people → Art. 7(2) (1万人以上)', () => {
    expect(decide(one('2025-06-15', spi('d', 6_000, { subjects: { CN: 6_000, MO: 4_000 } }))).outcome).toBe('security_assessment');
  });

  it('Order 11 counted every exported person too: 60,000 CN + 40,000 US people in 2023 → Art. 4(3) assessment', () => {
    expect(decide(one('2023-06-15', pi('d', 60_000, { subjects: { CN: 60_000, US: 40_000 } }))).outcome).toBe('security_assessment');
  });

  it('policy count_subjects = cn counts subjects.CN only: 50,000 CN + 60,000 HK → Art. 5(4)', () => {
    const d = decide(one('2025-06-15', pi('d', 50_000, { subjects: { CN: 50_000, HK: 60_000 } })), undefined, { countSubjects: 'cn' });
    expect(d.outcome).toBe('exempt');
  });

});

describe('Arts. 3, 4, 6: exemptions by what the data is', () => {
  it('Art. 3: trade data without PI or important data is exempt', () => {
    const d = decide(one('2025-06-15', { id: 'shipping', categories: ['business'], system: 'cn-dc', collectedIn: ['CN'] }, { purpose: 'international_trade' }));
    expect(d.outcome).toBe('exempt');
    expect(ruleIds(d)).toContain('cn.xborder/order16.3');
  });

  it('Art. 3 does not reach data with PI: trade data naming 200,000 people is in Art. 8', () => {
    expect(decide(one('2025-06-15', pi('consignees', 200_000), { purpose: 'international_trade' })).outcome).toBe('standard_contract_or_certification');
  });

  it('Art. 4: foreign-origin PI processed in China and sent back is exempt, whatever the volume', () => {
    const d = decide(one('2025-06-15', pi('foreign', 2_000_000, { collectedIn: ['US'], foreignOriginOnly: true, subjects: { US: 2_000_000 } })));
    expect(d.outcome).toBe('exempt');
    expect(ruleIds(d)).toContain('cn.xborder/order16.4');
  });

  it('Art. 4 never carries important data', () => {
    const d = decide(one('2025-06-15', pi('foreign', 2_000, { collectedIn: ['US'], foreignOriginOnly: true, importantData: { notified: true } })));
    expect(d.outcome).toBe('security_assessment');
  });

  it('Art. 6: a category on the zone\'s negative list removes the exemption', () => {
    const org = { cn: { freeTradeZone: { zone: 'Shanghai Lingang', negativeList: ['health' as const] } } };
    expect(decide(one('2025-06-15', pi('members', 300_000), { viaFreeTradeZone: true }, org)).outcome).toBe('exempt');
    expect(decide(one('2025-06-15', pi('patients', 300_000, { categories: ['name', 'health'] }), { viaFreeTradeZone: true }, org)).outcome).toBe('security_assessment');
  });

  it('Art. 6: a flow by another exporter not made through the zone is not exempt', () => {
    const d = decide({
      asOf: '2025-06-15',
      org: { cn: { freeTradeZone: { zone: 'Tianjin', negativeList: [] } } },
      entities: [{ id: 'branch', name: 'Branch outside the zone', kind: 'company', organizedIn: 'CN' }],
      datasets: [pi('members', 300_000)],
      flows: [xfer('f', 'members', { from: 'branch' })],
    });
    expect(d.outcome).toBe('standard_contract_or_certification');
  });

  it('exemptions start on 2024-03-22: HR data on 2024-03-21 still needed a mechanism', () => {
    const ds = pi('staff', 3_000, { categories: ['name', 'employment'] });
    expect(decide(one('2024-03-21', ds, { purpose: 'hr_management' })).outcome).toBe('standard_contract_or_certification');
    expect(decide(one('2024-03-22', ds, { purpose: 'hr_management' })).outcome).toBe('exempt');
  });
});

describe('Art. 9: validity and renewal', () => {
  it('an Order 16 result is valid 3 years, to the same calendar day (Civil Code Arts. 201–202)', () => {
    expect(validityYears('2024-05-10', false)).toBe(3);
    expect(lastValidDay('2024-05-10', 3)).toBe('2027-05-10');
    const flow = { safeguards: [{ type: 'cac_security_assessment' as const, date: '2024-05-10' }] };
    expect(decide(one('2027-05-10', pi('d', 1_500_000), flow)).verdict).toBe('permitted');
    const late = decide(one('2027-05-11', pi('d', 1_500_000), flow));
    expect(late.verdict).toBe('conditional');
    expect(late.reasons.join(' ')).toMatch(/expired after 2027-05-10/);
  });

  it('an Order 11 result keeps 2 years by default; the [U] policy gives it 3', () => {
    const flow = { safeguards: [{ type: 'cac_security_assessment' as const, date: '2023-06-01' }] };
    const s = one('2025-07-01', pi('d', 1_500_000), flow);
    expect(decide(s).verdict).toBe('conditional');
    expect(decide(s, undefined, { order11ResultsThreeYears: true }).verdict).toBe('permitted');
    // 2024-02-29 + 2 years has no 29 February: the period ends on the month's last day.
    expect(lastValidDay('2024-02-29', validityYears('2024-02-29', false))).toBe('2026-02-28');
  });

  it('Order 11: the re-application is due 60 CN working days before the last valid day', () => {
    // Issued 2022-12-01 under Order 11: valid to 2024-12-01 (a Sunday). Counting back 60
    // working days on the CN calendar: 21 in November, 19 in October (1–7 off, Sat 12 worked),
    // then 20 from 30 September back — Sun 29 Sept is worked, 16–17 Sept off, Sat 14 Sept
    // worked — reaching Tuesday 2024-09-03.
    const d = decide(one('2024-02-01', pi('d', 150_000), { safeguards: [{ type: 'cac_security_assessment', date: '2022-12-01' }] }));
    const o = obligationOf(d, 'cn.xborder/order11.14.renewal');
    expect(o?.due).toBe('2024-09-03');
    expect(o?.status).toBe('due');
  });

  it('Order 16 Art. 9: the extension may be applied for within the 60 working days before expiry, so it is due at expiry', () => {
    // The same result (valid to 2024-12-01), judged after 2024-03-22: renewed under Order 16
    // Art. 9. On 2024-10-01 the window (2024-09-03 to 2024-12-01) is open: not overdue.
    const flow = { safeguards: [{ type: 'cac_security_assessment' as const, date: '2022-12-01' }] };
    const inWindow = obligationOf(decide(one('2024-10-01', pi('d', 1_500_000), flow)), 'cn.xborder/order16.9');
    expect(inWindow?.due).toBe('2024-12-01');
    expect(inWindow?.status).toBe('due');
    expect(inWindow?.what).toMatch(/from 2024-09-03 to 2024-12-01/);
    // Before the window opens the duty is due too, with the same date.
    expect(obligationOf(decide(one('2024-06-01', pi('d', 1_500_000), flow)), 'cn.xborder/order16.9')?.status).toBe('due');
  });

  it('no renewal duty when the flow ends before the result expires', () => {
    const d = decide(one('2025-01-15', pi('d', 1_500_000), { end: '2025-12-31', safeguards: [{ type: 'cac_security_assessment', date: '2024-05-10' }] }));
    expect(obligationOf(d, 'cn.xborder/order16.9')).toBeUndefined();
  });

  it('an undated or future-dated assessment does not permit the export', () => {
    expect(decide(one('2025-06-15', pi('d', 1_500_000), { safeguards: [{ type: 'cac_security_assessment' }] })).verdict).toBe('conditional');
    expect(decide(one('2025-06-15', pi('d', 1_500_000), { safeguards: [{ type: 'cac_security_assessment', date: '2025-07-01' }] })).verdict).toBe('conditional');
  });

  it('an assessment declared as an organization approval counts too', () => {
    const d = decide(one('2025-06-15', pi('d', 1_500_000), {}, { approvals: [{ type: 'cac_security_assessment', date: '2025-01-20' }] }));
    expect(d.verdict).toBe('permitted');
  });

  it('a valid assessment also covers an export that only needs the standard contract', () => {
    const d = decide(one('2025-06-15', pi('d', 200_000), { safeguards: [{ type: 'cac_security_assessment', date: '2025-01-20' }] }));
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.verdict).toBe('permitted');
  });
});

describe('Art. 8 mechanisms: contract, certification', () => {
  it('certification in force permits; an expired one does not', () => {
    expect(decide(one('2025-06-15', pi('d', 200_000), { safeguards: [{ type: 'pi_protection_certification', date: '2025-01-01' }] })).verdict).toBe('permitted');
    expect(decide(one('2025-06-15', pi('d', 200_000), { safeguards: [{ type: 'pi_protection_certification', date: '2022-01-01', expires: '2025-01-01' }] })).verdict).toBe('conditional');
  });

  it('without a mechanism the obligation is due at the flow\'s start (overdue once it has started)', () => {
    const d = decide(one('2025-06-15', pi('d', 200_000), { start: '2025-05-01' }));
    const o = obligationOf(d, 'cn.xborder/pipl.38:contract');
    expect(o?.due).toBe('2025-05-01');
    expect(o?.status).toBe('overdue');
  });

  it('names the recipient the contract is signed with, as every duty names whom it is owed to', () => {
    const o = obligationOf(decide(one('2025-06-15', pi('d', 200_000))), 'cn.xborder/pipl.38:contract');
    expect(o?.what).toMatch(/^Sign the CAC standard contract with Overseas Partner Inc\. \(then file it/);
    expect(o?.to).toBe('Overseas Partner Inc.');
  });
});

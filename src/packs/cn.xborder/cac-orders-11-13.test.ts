/**
 * Tester for CAC Orders No. 11 and 13: the thresholds before 2024-03-22 (previous-year window,
 * no de minimis), the switch to Order 16, and the surviving duties (re-application, filing).
 */
import { describe, expect, it } from 'vitest';
import { decide, obligationOf, pi, ruleIds, spi, xfer, type Scenario } from './testing/fixtures.js';
import { ORDER11_14_REAPPLY, ORDER11_14_RENEWAL, ORDER13_4, ORDER13_7 } from './cac-orders-11-13.js';

describe('the switch on 2024-03-22', () => {
  const s = (asOf: string): Scenario => ({ asOf, datasets: [pi('customers', 150_000)], flows: [xfer('f', 'customers', { start: '2023-02-01' })] });

  it('2024-03-21: 150,000 people since 1 January of the previous year → Order 11 Art. 4(3) assessment', () => {
    const d = decide(s('2024-03-21'));
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/order11.4.3');
    expect(d.reasons.join(' ')).toMatch(/Since 2023-01-01/);
  });

  it('2024-03-22: the same exports fall in Order 16 Art. 8', () => {
    const d = decide(s('2024-03-22'));
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(ruleIds(d)).toContain('cn.xborder/order16.8');
    expect(ruleIds(d)).not.toContain('cn.xborder/order11.4.3');
  });
});

describe('Order 11 Art. 4(3): previous-year window, 100,000 / 10,000', () => {
  it('a flow that ended in 2023 still counts in February 2024, not in April 2024', () => {
    const s = (asOf: string): Scenario => ({
      asOf,
      datasets: [pi('old', 95_000), pi('new', 10_000)],
      flows: [xfer('old', 'old', { start: '2023-01-10', end: '2023-06-30' }), xfer('new', 'new', { start: '2024-01-05' })],
    });
    expect(decide(s('2024-02-15'), 'new').outcome).toBe('security_assessment');
    expect(decide(s('2024-04-01'), 'new').outcome).toBe('exempt');
  });

  it('an HR transfer still going on after 2024-03-22 counted under Order 11, when no HR exemption existed', () => {
    // The marketing flow ended on 2023-03-01 and is judged on that day, with the 150,000
    // employees sent to the HQ since 2023-01-01 in its previous-year window. The HR exemption
    // (Order 16 Art. 5(2)) covers the HR flow only from 2024-03-22, so the decision on the old
    // flow must not change with the as-of date.
    const s = (asOf: string): Scenario => ({
      asOf,
      datasets: [pi('staff', 150_000, { categories: ['name', 'employment'] }), pi('leads', 10)],
      flows: [xfer('hr', 'staff', { purpose: 'hr_management', start: '2023-01-01' }), xfer('mkt', 'leads', { purpose: 'marketing', start: '2023-02-01', end: '2023-03-01' })],
    });
    for (const asOf of ['2023-06-01', '2025-06-01']) {
      const d = decide(s(asOf), 'mkt');
      expect(d.outcome, asOf).toBe('security_assessment');
      expect(ruleIds(d), asOf).toContain('cn.xborder/order11.4.3');
      expect(d.reasons.join(' '), asOf).toMatch(/150,010 people/);
    }
    // Judged in 2025, the HR flow itself is exempt and not counted for the flows of 2025.
    expect(decide(s('2025-06-01'), 'hr').outcome).toBe('exempt');
  });

  it('99,999 people → standard contract; 100,000 → assessment (Order 11 counted sensitive PI in the 100,000)', () => {
    expect(decide({ asOf: '2023-10-10', datasets: [pi('d', 99_999)], flows: [xfer('f', 'd')] }).outcome).toBe('standard_contract_or_certification');
    expect(decide({ asOf: '2023-10-10', datasets: [pi('d', 100_000)], flows: [xfer('f', 'd')] }).outcome).toBe('security_assessment');
    expect(decide({ asOf: '2023-10-10', datasets: [pi('d', 90_001), spi('s', 9_999)], flows: [xfer('f', 'd'), xfer('g', 's')] }, 'f').outcome).toBe('security_assessment');
  });

  it('sensitive PI of 9,999 → standard contract; 10,000 → assessment', () => {
    expect(decide({ asOf: '2023-10-10', datasets: [spi('d', 9_999)], flows: [xfer('f', 'd')] }).outcome).toBe('standard_contract_or_certification');
    expect(decide({ asOf: '2023-10-10', datasets: [spi('d', 10_000)], flows: [xfer('f', 'd')] }).outcome).toBe('security_assessment');
  });
});

describe('Order 11 Art. 4(2): CIIO, or processing PI of 1,000,000 people (cn-xb-031, the facts of cn-xb-032 before the switch)', () => {
  const s = (asOf: string, users: number): Scenario => ({
    asOf,
    org: { cn: { networkPlatformOperator: { users } } },
    datasets: [pi('users', users)],
    flows: [xfer('support', 'users', { subjects: { CN: 5_000 } })],
  });

  it('2024-02-15: processing 3,000,000 people, exporting 5,000 → assessment', () => {
    const d = decide(s('2024-02-15', 3_000_000));
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/order11.4.2.processing');
  });

  it('999,999 people processed is below the trigger; 1,000,000 reaches it (以上)', () => {
    expect(decide(s('2024-02-15', 999_999)).outcome).toBe('standard_contract_or_certification');
    expect(decide(s('2024-02-15', 1_000_000)).outcome).toBe('security_assessment');
  });

  it('a branch\'s export is its company\'s: the company\'s processing of 3,000,000 people counts (Art. 4(2))', () => {
    const d = decide({
      asOf: '2024-02-15',
      entities: [
        { id: 'sister', name: 'Sister Co., Ltd.', kind: 'company', organizedIn: 'CN' },
        { id: 'sister-sz', name: 'Sister Co., Ltd. Shenzhen Branch', kind: 'company', organizedIn: 'CN', branchOf: 'sister' },
      ],
      datasets: [pi('members', 3_000_000), pi('tickets', 200)],
      flows: [xfer('bulk', 'members', { from: 'sister', destination: 'SG' }), xfer('support', 'tickets', { from: 'sister-sz' })],
    }, 'support');
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/order11.4.2.processing');
  });

  it('a CIIO exporting any PI needed the assessment', () => {
    const d = decide({ asOf: '2023-05-10', org: { cn: { ciio: true } }, datasets: [pi('d', 50)], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/order11.4.2.ciio');
  });
});

describe('Order 11 Art. 4(1): important data identified by the processor', () => {
  it('before Order 16, important data counts whether notified or not; after, only when notified', () => {
    const ds = { id: 'grid', categories: ['technical' as const], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: false } };
    const before = decide({ asOf: '2023-10-10', datasets: [ds], flows: [xfer('f', 'grid')] });
    expect(before.outcome).toBe('security_assessment');
    expect(ruleIds(before)).toContain('cn.xborder/order11.4.1');
    const after = decide({ asOf: '2024-06-10', datasets: [ds], flows: [xfer('f', 'grid')] });
    expect(after.outcome).toBe('exempt');
    expect(ruleIds(after)).toContain('cn.xborder/order16.2');
  });
});

describe('Order 13 Art. 4 and no de minimis before 2024-03-22', () => {
  it('10 people\'s PI in October 2023 → standard contract (Order 13 Art. 4)', () => {
    const d = decide({ asOf: '2023-10-10', datasets: [pi('d', 10)], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(ruleIds(d)).toEqual(expect.arrayContaining(['cn.xborder/order13.4', 'cn.xborder/pipl.38']));
  });

  it('before Order 13 took effect (2023-06-01) PIPL Art. 38 alone asks for the mechanism', () => {
    const d = decide({ asOf: '2023-01-10', datasets: [pi('d', 10)], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(ruleIds(d)).not.toContain('cn.xborder/order13.4');
  });
});

describe('Order 13 Art. 7: filing within 10 working days', () => {
  it('a contract effective Friday 2025-09-26 is due by 2025-10-16 across National Day', () => {
    // CN working days after 26 Sept 2025: Sun 28 (make-up), Mon 29, Tue 30; 1–8 Oct off;
    // Thu 9, Fri 10, Sat 11 (make-up), Mon 13 … Thu 16 = the tenth.
    const s = (asOf: string, filed: boolean): Scenario => ({
      asOf,
      datasets: [pi('d', 200_000)],
      flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_standard_contract', date: '2025-09-26' }, ...(filed ? [{ type: 'cac_standard_contract_filed' as const, date: '2025-10-14' }] : [])] })],
    });
    const due = obligationOf(decide(s('2025-10-01', false)), 'cn.xborder/order13.7');
    expect(due?.due).toBe('2025-10-16');
    expect(due?.status).toBe('due');
    expect(obligationOf(decide(s('2025-10-17', false)), 'cn.xborder/order13.7')?.status).toBe('overdue');
    expect(obligationOf(decide(s('2025-10-17', true)), 'cn.xborder/order13.7')?.status).toBe('done');
    expect(decide(s('2025-10-17', false)).verdict).toBe('permitted');
  });

  it('an undated contract gives a filing duty without a date', () => {
    const d = decide({ asOf: '2025-10-01', datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_standard_contract' }] })] });
    const o = obligationOf(d, 'cn.xborder/order13.7');
    expect(o?.status).toBe('ongoing');
    expect(o?.due).toBeUndefined();
  });
});

describe('Order 11 Art. 14: re-application on change', () => {
  it('fires only when a valid result exists and the recipient, purpose, scope or retention changed', () => {
    const sa = [{ type: 'cac_security_assessment' as const, date: '2024-09-01' }];
    const changed = decide({ asOf: '2025-06-15', datasets: [pi('d', 1_500_000)], flows: [xfer('f', 'd', { recipientChanged: true, safeguards: sa })] });
    expect(obligationOf(changed, 'cn.xborder/order11.14.reapply')).toBeDefined();
    const same = decide({ asOf: '2025-06-15', datasets: [pi('d', 1_500_000)], flows: [xfer('f', 'd', { safeguards: sa })] });
    expect(obligationOf(same, 'cn.xborder/order11.14.reapply')).toBeUndefined();
    expect(same.verdict).toBe('permitted');
  });
});

describe('what the notes recall only from memory is cited with [M] (cn-eu-rules.md §4.1–4.2)', () => {
  it('Order 11 Art. 14 (re-application, renewal) and Order 13 Arts. 4, 7 carry [M] in the rule and duty citations', () => {
    for (const r of [ORDER11_14_RENEWAL, ORDER11_14_REAPPLY, ORDER13_4, ORDER13_7]) expect(r.citation, r.id).toMatch(/\[M\]/);
    const filing = decide({
      asOf: '2025-06-15',
      datasets: [pi('d', 150_000)],
      flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_standard_contract', date: '2025-06-03' }] })],
    });
    expect(obligationOf(filing, 'cn.xborder/order13.7')?.citation).toBe('CAC Order No. 13 Art. 7 [M]');
    const changed = decide({
      asOf: '2025-06-15',
      datasets: [pi('d', 1_500_000)],
      flows: [xfer('f', 'd', { recipientChanged: true, safeguards: [{ type: 'cac_security_assessment', date: '2024-05-10' }] })],
    });
    expect(obligationOf(changed, 'cn.xborder/order11.14.reapply')?.citation).toBe('CAC Order No. 11 Art. 14 [M]; NDSMR Art. 38');
    const renewal = decide({
      asOf: '2024-03-01',
      datasets: [pi('d', 1_500_000)],
      flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_security_assessment', date: '2023-01-10' }] })],
    });
    expect(obligationOf(renewal, 'cn.xborder/order11.14.renewal')?.citation).toBe('CAC Order No. 11 Art. 14 [M]');
  });
});

describe('Order 11 took effect on 2022-09-01: its assessment duty is not due earlier', () => {
  it('150,000 people exported since 2021-12-01, judged 2022-10-01: the Art. 4(3) duty falls due on 2022-09-01', () => {
    const d = decide({ asOf: '2022-10-01', datasets: [pi('d', 150_000)], flows: [xfer('f', 'd', { start: '2021-12-01' })] });
    expect(d.outcome).toBe('security_assessment');
    expect(obligationOf(d, 'cn.xborder/order11.4.3:apply')?.due).toBe('2022-09-01');
  });
});

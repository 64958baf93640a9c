/**
 * Tester for the declared safeguards and approvals (`safeguards.ts`): which declaration decides
 * on the flow's judged date when several are declared — the latest issued on or before it, a
 * later-dated one being ignored for that date (Order 16 Art. 9 for assessment results; PIPL
 * Art. 38(1) for certification; PIPL Art. 41 / DSL Art. 36 for PRC approval).
 */
import { describe, expect, it } from 'vitest';
import { decide, obligationOf, pi, xfer, type Scenario } from './testing/fixtures.js';

const one = (asOf: string, cn: number, flow: Partial<Parameters<typeof xfer>[2]> = {}, org: Scenario['org'] = {}): Scenario => ({
  asOf,
  org,
  datasets: [pi('d', cn)],
  flows: [xfer('f', 'd', flow)],
});

describe('Order 16 Art. 9: the result issued on or before the judged date decides', () => {
  // Issued 2024-05-10: valid to 2027-05-10. A renewal dated 2027-04-01 is not issued yet on 2025-06-15.
  const both = [
    { type: 'cac_security_assessment' as const, date: '2024-05-10' },
    { type: 'cac_security_assessment' as const, date: '2027-04-01' },
  ];

  it('a later-dated result does not hide the valid one (flow safeguards, either order)', () => {
    for (const safeguards of [both, [...both].reverse()]) {
      const d = decide(one('2025-06-15', 1_500_000, { safeguards }));
      expect(d.outcome).toBe('security_assessment');
      expect(d.verdict).toBe('permitted');
      expect(d.reasons.join(' ')).toMatch(/issued 2024-05-10 is in force until 2027-05-10/);
    }
  });

  it('the same split between a flow safeguard and an organization approval', () => {
    const d = decide(one('2025-06-15', 1_500_000, { safeguards: [both[1]!] }, { approvals: [{ type: 'cac_security_assessment', date: '2024-05-10' }] }));
    expect(d.verdict).toBe('permitted');
  });

  it('the renewal duty is the valid result\'s; the later one is mentioned', () => {
    const d = decide(one('2025-06-15', 1_500_000, { safeguards: both }));
    expect(obligationOf(d, 'cn.xborder/order16.9')?.due).toBe('2027-05-10');
    expect(d.reasons.join(' ')).toMatch(/the result dated 2027-04-01 is not issued yet on 2025-06-15/);
  });

  it('from its date the later result decides', () => {
    const d = decide(one('2027-04-01', 1_500_000, { safeguards: both }));
    expect(d.verdict).toBe('permitted');
    expect(d.reasons.join(' ')).toMatch(/issued 2027-04-01/);
  });

  it('only future-dated results: not yet issued, naming the next one', () => {
    const d = decide(one('2025-06-15', 1_500_000, { safeguards: [{ type: 'cac_security_assessment', date: '2027-04-01' }, { type: 'cac_security_assessment', date: '2026-01-05' }] }));
    expect(d.verdict).toBe('conditional');
    expect(d.reasons.join(' ')).toMatch(/dated 2026-01-05, after 2025-06-15/);
  });

  it('an expired result followed by a future one: expired', () => {
    const d = decide(one('2025-06-15', 1_500_000, { safeguards: [{ type: 'cac_security_assessment', date: '2022-10-01' }, { type: 'cac_security_assessment', date: '2025-09-01' }] }));
    expect(d.verdict).toBe('conditional');
    expect(d.reasons.join(' ')).toMatch(/expired after 2024-10-01/);
  });
});

describe('Order 16 Art. 9: a declared expiry', () => {
  it('an extension declared with its new last day: the reason names the declared expiry, not a count of years', () => {
    // Issued 2024-05-10 (valid to 2027-05-10), extended on approval of 2027-03-01 by 3 years: to 2030-05-10.
    const safeguards = [
      { type: 'cac_security_assessment' as const, date: '2024-05-10' },
      { type: 'cac_security_assessment' as const, date: '2027-03-01', expires: '2030-05-10', reference: 'extension' },
    ];
    const d = decide(one('2028-01-10', 1_500_000, { safeguards }));
    expect(d.verdict).toBe('permitted');
    expect(obligationOf(d, 'cn.xborder/order16.9')?.due).toBe('2030-05-10');
    const said = d.reasons.join(' ');
    expect(said).toMatch(/issued 2027-03-01 is valid until 2030-05-10 \(its declared expiry\)/);
    expect(said).not.toMatch(/years from issue/);
  });
});

describe('Order 16 Art. 9: an extension runs 3 years from the last day of the result it extends', () => {
  // Issued 2024-05-10 (valid to 2027-05-10); the CAC approves the extension on 2027-03-01 → valid to 2030-05-10.
  const first = { type: 'cac_security_assessment' as const, date: '2024-05-10' };
  const extension = { type: 'cac_security_assessment' as const, date: '2027-03-01', extension: true };

  it('marked `extension`, without a declared expiry: to 2030-05-10, not 2030-03-01 (3 years from the approval)', () => {
    for (const safeguards of [[first, extension], [extension, first]]) {
      const d = decide(one('2028-01-10', 1_500_000, { safeguards }));
      expect(d.verdict).toBe('permitted');
      expect(obligationOf(d, 'cn.xborder/order16.9')?.due).toBe('2030-05-10');
      expect(d.reasons.join(' ')).toMatch(/issued 2027-03-01 is valid until 2030-05-10 \(extended by 3 years from 2027-05-10, the last day of the result it extends \(Order 16 Art\. 9\)\)/);
    }
    // still in force on 2030-05-10, expired the day after
    expect(decide(one('2030-05-10', 1_500_000, { safeguards: [first, extension] })).verdict).toBe('permitted');
    expect(decide(one('2030-05-11', 1_500_000, { safeguards: [first, extension] })).verdict).toBe('conditional');
  });

  it('an extension of an extension, and the result it extends declared as an organization approval', () => {
    const again = { type: 'cac_security_assessment' as const, date: '2030-03-01', extension: true };
    const d = decide(one('2031-01-10', 1_500_000, { safeguards: [extension, again] }, { approvals: [first] }));
    expect(obligationOf(d, 'cn.xborder/order16.9')?.due).toBe('2033-05-10');
  });

  it('an extension with no earlier result declared counts from its own date', () => {
    const d = decide(one('2028-01-10', 1_500_000, { safeguards: [extension] }));
    expect(obligationOf(d, 'cn.xborder/order16.9')?.due).toBe('2030-03-01');
  });

  it('`extension` on another kind of safeguard is bad input', () => {
    expect(() => decide(one('2028-01-10', 1_500_000, { safeguards: [{ type: 'pi_protection_certification', date: '2027-03-01', extension: true }] }))).toThrow(/only for type cac_security_assessment/);
  });
});

describe('certification and PRC approval: the latest in force on the judged date', () => {
  it('a certification dated after the judged date does not permit; one in force does, expiry day inclusive', () => {
    expect(decide(one('2025-06-15', 200_000, { safeguards: [{ type: 'pi_protection_certification', date: '2025-07-01' }] })).verdict).toBe('conditional');
    const both = [
      { type: 'pi_protection_certification' as const, date: '2023-01-01', expires: '2026-01-01' },
      { type: 'pi_protection_certification' as const, date: '2026-03-01' },
    ];
    const d = decide(one('2026-01-01', 200_000, { safeguards: both }));
    expect(d.verdict).toBe('permitted');
    expect(d.reasons.join(' ')).toMatch(/2023-01-01/);
    expect(decide(one('2026-01-02', 200_000, { safeguards: both })).verdict).toBe('conditional');
  });

  it('a PRC approval dated after the judged date does not permit; an earlier one does', () => {
    const request = (safeguards: NonNullable<NonNullable<Parameters<typeof xfer>[2]>['safeguards']>): Scenario => ({
      asOf: '2025-06-15',
      entities: [{ id: 'authority', name: 'Requesting authority', kind: 'government', government: 'US' }],
      datasets: [pi('d', 20)],
      flows: [xfer('req', 'd', { kind: 'government_request', recipient: 'authority', request: { authority: 'court', country: 'US' }, safeguards })],
    });
    const future = decide(request([{ type: 'prc_authority_approval', date: '2025-07-01' }]));
    expect(future.outcome).toBe('prohibited_without_approval');
    expect(future.verdict).toBe('blocked');
    const d = decide(request([{ type: 'prc_authority_approval', date: '2025-07-01' }, { type: 'prc_authority_approval', date: '2025-06-01' }]));
    expect(d.verdict).toBe('permitted');
    expect(d.reasons.join(' ')).toMatch(/2025-06-01/);
  });
});

describe('Order 13 Art. 7: a filing made by the as-of date marks the filing duty done', () => {
  const contract = { type: 'cac_standard_contract' as const, date: '2025-03-03' };

  it('a second filing dated after the as-of date does not undo an earlier one', () => {
    const safeguards = [contract, { type: 'cac_standard_contract_filed' as const, date: '2025-03-10' }, { type: 'cac_standard_contract_filed' as const, date: '2025-09-01' }];
    for (const list of [safeguards, [...safeguards].reverse()]) {
      expect(obligationOf(decide(one('2025-06-15', 200_000, { safeguards: list })), 'cn.xborder/order13.7')?.status).toBe('done');
    }
  });

  it('an undated filing (filed, date not given) is not undone by a future-dated one', () => {
    const safeguards = [contract, { type: 'cac_standard_contract_filed' as const }, { type: 'cac_standard_contract_filed' as const, date: '2025-09-01' }];
    expect(obligationOf(decide(one('2025-06-15', 200_000, { safeguards })), 'cn.xborder/order13.7')?.status).toBe('done');
  });

  it('only a future-dated filing: the duty is still open (overdue past the deadline)', () => {
    const safeguards = [contract, { type: 'cac_standard_contract_filed' as const, date: '2025-09-01' }];
    const o = obligationOf(decide(one('2025-06-15', 200_000, { safeguards })), 'cn.xborder/order13.7');
    expect(o?.due).toBe('2025-03-17');
    expect(o?.status).toBe('overdue');
  });

  it('a flow that ended earlier is judged on its end; a filing after the end but by the as-of date still counts', () => {
    const safeguards = [contract, { type: 'cac_standard_contract_filed' as const, date: '2025-04-10' }];
    expect(obligationOf(decide(one('2025-06-15', 200_000, { end: '2025-03-31', safeguards })), 'cn.xborder/order13.7')?.status).toBe('done');
  });
});

describe('PIPL Arts. 39, 55: notice, consent and PIPIA taken by the as-of date mark their duties done', () => {
  it('a PIPIA repeated later (dated after the as-of date) does not undo the one done', () => {
    const safeguards = [{ type: 'pipia' as const, date: '2025-09-01' }, { type: 'pipia' as const, date: '2025-03-01' }];
    const o = obligationOf(decide(one('2025-06-15', 200_000, { start: '2025-04-01', safeguards })), 'cn.xborder/pipl.55');
    expect(o?.status).toBe('done');
  });

  it('an undated notice is not undone by a future-dated one; only a future one leaves the duty open', () => {
    const undated = decide(one('2025-06-15', 200_000, { start: '2025-04-01', safeguards: [{ type: 'notice' }, { type: 'notice', date: '2025-09-01' }] }));
    expect(obligationOf(undated, 'cn.xborder/pipl.39.notice')?.status).toBe('done');
    const future = decide(one('2025-06-15', 200_000, { start: '2025-04-01', safeguards: [{ type: 'notice', date: '2025-09-01' }] }));
    expect(obligationOf(future, 'cn.xborder/pipl.39.notice')?.status).toBe('overdue');
  });

  it('separate consent obtained, then renewed after the as-of date: done', () => {
    const safeguards = [{ type: 'separate_consent' as const, date: '2025-02-01' }, { type: 'separate_consent' as const, date: '2026-02-01' }];
    const o = obligationOf(decide(one('2025-06-15', 200_000, { start: '2025-04-01', consentBased: true, safeguards })), 'cn.xborder/pipl.39.consent');
    expect(o?.status).toBe('done');
  });
});

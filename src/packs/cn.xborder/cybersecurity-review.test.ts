/**
 * Tester for Cybersecurity Review Measures (2022) Art. 7: more than (超过) 1,000,000 users,
 * listing abroad (国外).
 */
import { describe, expect, it } from 'vitest';
import { decideOrg, type Scenario } from './testing/fixtures.js';

const platform = (users: number, listing: NonNullable<NonNullable<Scenario['org']>['listings']>[number], extra: NonNullable<Scenario['org']> = {}, asOf = '2025-04-01'): Scenario => ({
  asOf,
  org: { ...extra, cn: { networkPlatformOperator: { users } }, listings: [listing] },
});
const nasdaq = { exchange: 'Nasdaq', country: 'US', status: 'planned' as const, date: '2025-09-30' };

describe('Art. 7: 超过 is strictly more than', () => {
  it('1,000,000 users → no mandatory filing', () => {
    expect(decideOrg(platform(1_000_000, nasdaq)).map((d) => d.outcome)).not.toContain('cybersecurity_review_required');
  });

  it('1,000,000 users listing in the US: no mandatory filing, but review ex officio (Art. 16) and under NDSMR Art. 13 remains possible', () => {
    // A foreign listing below the Art. 7 threshold is not outside review: only the duty to file
    // is missing (cn-eu-rules.md §6, ex officio review of foreign listings).
    const [d, ...rest] = decideOrg(platform(1_000_000, nasdaq));
    expect(rest).toEqual([]);
    expect(d?.outcome).toBe('national_security_review_possible');
    expect(d?.verdict).toBe('permitted');
    expect(d?.rules.map((r) => r.id)).toEqual(['cn.xborder/csrm.16', 'cn.xborder/ndsmr.13']);
    expect(d?.reasons[0]).toMatch(/1,000,000 users, not more than 1,000,000 \(超过\)/);
    expect(d?.obligations).toEqual([]);
  });

  it('1,000,001 users → must apply before listing', () => {
    const [d] = decideOrg(platform(1_000_001, nasdaq));
    expect(d?.outcome).toBe('cybersecurity_review_required');
    expect(d?.verdict).toBe('conditional');
    expect(d?.obligations[0]).toMatchObject({ id: 'cn.xborder/csrm.7', due: '2025-09-30', status: 'due' });
    expect(d?.reasons[0]).toMatch(/lists abroad on Nasdaq \(United States\):/);
  });
});

describe('Art. 7: venues', () => {
  it('Hong Kong is not 国外 (default parameter); a policy without it makes HK a listing abroad', () => {
    const hk = { exchange: 'HKEX', country: 'HK', status: 'planned' as const };
    expect(decideOrg(platform(5_000_000, hk)).map((d) => d.outcome)).toEqual(['national_security_review_possible']);
    expect(decideOrg(platform(5_000_000, hk), { venuesNotAbroad: ['CN'] }).map((d) => d.outcome)).toEqual(['cybersecurity_review_required']);
  });

  it('Taiwan is not excluded by default (conservative): a listing there needs the filing', () => {
    expect(decideOrg(platform(5_000_000, { exchange: 'TWSE', country: 'TW' })).map((d) => d.outcome)).toEqual(['cybersecurity_review_required']);
  });
});

describe('Art. 7: clearance and dates', () => {
  it('a cleared review permits the listing and marks the duty done', () => {
    const [d] = decideOrg(platform(5_000_000, nasdaq, { approvals: [{ type: 'cybersecurity_review_cleared', date: '2025-03-15' }] }));
    expect(d?.verdict).toBe('permitted');
    expect(d?.obligations[0]?.status).toBe('done');
  });

  it('the duty cites Art. 7 and, for the filing materials the notes recall from memory, Art. 8 [M]', () => {
    const [d] = decideOrg(platform(5_000_000, nasdaq));
    expect(d?.obligations[0]?.citation).toBe('Cybersecurity Review Measures (2022) Art. 7; Art. 8 [M]');
  });

  it('listed without clearance: the duty is overdue', () => {
    const [d] = decideOrg(platform(5_000_000, { exchange: 'NYSE', country: 'US', status: 'listed', date: '2024-11-01' }));
    expect(d?.obligations[0]?.status).toBe('overdue');
  });

  it('a listing completed before 2022-02-15 predates the duty to file; ex officio review remains possible (the 2021 reviews)', () => {
    const ds = decideOrg(platform(5_000_000, { exchange: 'NYSE', country: 'US', status: 'listed', date: '2021-06-30' }));
    expect(ds.map((d) => d.outcome)).toEqual(['national_security_review_possible']);
    expect(ds[0]?.rules.map((r) => r.id)).toEqual(['cn.xborder/csrm.16', 'cn.xborder/ndsmr.13']);
    expect(ds[0]?.reasons[0]).toMatch(/completed on 2021-06-30, before Cybersecurity Review Measures Art\. 7 took effect \(2022-02-15\)/);
    expect(ds[0]?.obligations).toEqual([]);
  });

  it('an organization that is not a network platform operator has nothing to file (NDSMR Art. 13 only, for a PI processor)', () => {
    const ds = decideOrg({ asOf: '2025-04-01', org: { listings: [nasdaq] } });
    expect(ds.map((d) => d.outcome)).toEqual(['national_security_review_possible']);
    expect(ds[0]?.rules.map((r) => r.id)).toEqual(['cn.xborder/ndsmr.13']);
    expect(ds[0]?.obligations).toEqual([]);
    expect(decideOrg({ asOf: '2025-04-01', org: { cn: { personalInformationProcessor: false }, listings: [nasdaq] } })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cvssBaseScore, cvssRating, roundUp31 } from './cvss.js';

describe('CVSS base scores', () => {
  // published NVD/GHSA base scores of the vectors in shared/data/osv
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0], // CVE-2021-44228
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H', 9.0], // CVE-2021-45046
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', 9.1], // CVE-2019-10744
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1], // CVE-2021-4104
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:L', 8.3], // CVE-2022-1471
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5], // CVE-2020-36518
    ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2], // CVE-2021-23337
    ['CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H', 6.6], // CVE-2021-42550
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N', 6.1], // CVE-2023-32681
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L', 5.6], // CVE-2020-7598
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    ['CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C', 9.8], // temporal metrics ignored
  ])('%s = %s', (vector, score) => expect(cvssBaseScore('CVSS_V3', vector)).toBe(score));

  it.each([
    ['AV:N/AC:L/Au:N/C:C/I:C/A:C', 10.0],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3],
    ['AV:L/AC:L/Au:N/C:N/I:N/A:N', 0],
  ])('v2 %s = %s', (vector, score) => expect(cvssBaseScore('CVSS_V2', vector)).toBe(score));

  it('rejects malformed vectors', () => {
    for (const v of ['', 'CVSS:3.1/AV:N', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/' + 'X:Y/'.repeat(100_000)]) {
      expect(cvssBaseScore('CVSS_V3', v)).toBeUndefined();
    }
    expect(cvssBaseScore('CVSS_V4', 'CVSS:4.0/AV:N')).toBeUndefined();
  });

  it('rates scores on the v3 scale', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map((s) => cvssRating('CVSS_V3', s))).toEqual(['NONE', 'LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'CRITICAL', 'CRITICAL']);
    expect(cvssRating('CVSS_V2', 10)).toBe('HIGH');
  });

  it('Roundup returns the smallest one-decimal value ≥ its input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const x = n / 10_000;
        const r = roundUp31(x);
        expect(r).toBeGreaterThanOrEqual(x - 1e-9);
        expect(r - x).toBeLessThan(0.1 + 1e-9);
        expect(Math.round(r * 10)).toBeCloseTo(r * 10, 9);
      }),
    );
    expect(roundUp31(4.00001)).toBe(4.1);
    expect(roundUp31(4.000002)).toBe(4.0); // the spec rounds to 5 decimals first, absorbing float error
    expect(roundUp31(4.02)).toBe(4.1);
    expect(roundUp31(4.0)).toBe(4.0);
  });
});

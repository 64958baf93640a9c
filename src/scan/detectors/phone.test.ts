import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from './index.js';
import { cnMobileTier } from './phone.js';

const digits = (s: string): number[] => [...s].map(Number);
/** The libphonenumber CN mobile pattern quoted in pii-detection.md §5.3 (192 already inside it). */
const LIBPHONENUMBER_CN_MOBILE = /^(?:1740[0-5]\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8})$/;

describe('mainland mobile tiers', () => {
  it('the precision tier is exactly the libphonenumber pattern of the notes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9][0-9]{9}$/), (n) => {
        expect(cnMobileTier(digits(n), 0), n).toBe(LIBPHONENUMBER_CN_MOBILE.test(n) ? 2 : 1);
      }),
      { numRuns: 3000 },
    );
    // every three-digit segment and the 1740x block, boundaries included
    for (let seg = 130; seg <= 199; seg++) {
      for (const tail of ['00000000', '05999999', '06000000', '99999999']) {
        const n = String(seg) + tail;
        expect(cnMobileTier(digits(n), 0), n).toBe(LIBPHONENUMBER_CN_MOBILE.test(n) ? 2 : 1);
      }
    }
  });
  it('149 (data cards, unverified) and 174 outside 17400–17405 stay in the recall tier', () => {
    expect(cnMobileTier(digits('14912345678'), 0)).toBe(1);
    expect(cnMobileTier(digits('17406123456'), 0)).toBe(1);
    expect(cnMobileTier(digits('17412345678'), 0)).toBe(1);
    expect(cnMobileTier(digits('17405123456'), 0)).toBe(2);
    expect(cnMobileTier(digits('17400123456'), 0)).toBe(2);
    expect(cnMobileTier(digits('14512345678'), 0)).toBe(2);
    expect(cnMobileTier(digits('12812345678'), 0)).toBe(0);
  });
  it('in 3-4-4 form a recall-tier number scores 0.6, a listed one 0.85', () => {
    expect(detect('149 1234 5678')[0]).toMatchObject({ type: 'cn_mobile', confidence: 0.6 });
    expect(detect('138 1234 5678')[0]).toMatchObject({ type: 'cn_mobile', confidence: 0.85 });
    expect(detect('174 0512 3456')[0]).toMatchObject({ type: 'cn_mobile', confidence: 0.85 });
    expect(detect('174 0612 3456')[0]).toMatchObject({ type: 'cn_mobile', confidence: 0.6 });
  });
});

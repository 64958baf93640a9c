import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxOf, pushAll } from './arrays.js';

describe('array helpers', () => {
  it('append and take the largest of a million items', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    const out = pushAll([-1], big);
    expect(out).toHaveLength(1_000_001);
    expect(out[0]).toBe(-1);
    expect(out[1_000_000]).toBe(999_999);
    expect(maxOf(big, (x) => x)).toBe(999_999);
  });

  it('are what push(...items) and Math.max(floor, ...values) give on short arrays (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), fc.integer({ min: -5, max: 5 }), (a, b, floor) => {
        expect(pushAll([...a], b)).toEqual([...a, ...b]);
        expect(maxOf(b, (x) => x, floor)).toBe(Math.max(floor, ...b));
        expect(maxOf([], (x: number) => x)).toBe(0);
      }),
    );
  });
});

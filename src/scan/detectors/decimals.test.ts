import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absAbove, isZeroDecimal } from './decimals.js';

/** `[-+]?\d{1,3}\.\d+` with its dot position; fractions long enough to reach rounding and underflow. */
const decimal = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constantFrom(0, 89, 90, 91, 179, 180, 181)).map(String),
    fc.oneof(fc.stringMatching(/^[0-9]{1,30}$/), fc.stringMatching(/^0{1,20}[0-9]?$/), fc.integer({ min: 290, max: 420 }).map((n) => '0'.repeat(n) + '1'), fc.constantFrom('9'.repeat(25), '0'.repeat(25) + '1')),
  )
  .map(([sign, int, frac]) => ({ text: `${sign}${int}.${frac}`, dot: sign.length + int.length }));

describe('decimal comparisons', () => {
  it('agree with parseFloat', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(90, 180), fc.nat(3), ({ text, dot }, limit, pad) => {
        // inside a larger string, as the detectors see it
        const s = 'x'.repeat(pad) + text + ' y';
        const a = pad;
        const b = pad + text.length;
        expect(absAbove(s, a, a + dot, b, limit)).toBe(Math.abs(parseFloat(text)) > limit);
        expect(isZeroDecimal(s, a, b)).toBe(parseFloat(text) === 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves rounding at the limit and underflow to parseFloat', () => {
    expect(absAbove('90.' + '0'.repeat(20) + '1', 0, 2, 24, 90)).toBe(false);
    expect(absAbove('90.0001', 0, 2, 7, 90)).toBe(true);
    const tiny = '0.' + '0'.repeat(400) + '1';
    expect(isZeroDecimal(tiny, 0, tiny.length)).toBe(true);
    expect(isZeroDecimal('-0.000', 0, 6)).toBe(true);
  });
});

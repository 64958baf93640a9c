/**
 * native/scan-engine/decimals.c against decimals.ts: absAbove and isZeroDecimal give the same
 * answer on the same text. The C port decides exactly the cases decimals.ts hands to
 * parseFloat (a value at the limit, a long fraction that may underflow), so the inputs
 * include fractions at, just above and just below 2^-47, 2^-46 (half an ulp of 90 and 180)
 * and 2^-1075 (half the least subnormal).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absAbove, isZeroDecimal } from '../detectors/decimals.js';
import { WASM_PATH } from './wasm-engine.js';

interface DecimalExports {
  readonly memory: WebAssembly.Memory;
  dc_table(id: number, bytes: number): number;
  dc_abs_above(s: number, a: number, dot: number, b: number, limit: number): number;
  dc_is_zero_decimal(s: number, a: number, b: number): number;
}

const x = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM_PATH)), {
  env: { intl_valid: () => 0, nanp_country_other: () => 0 },
}).exports as unknown as DecimalExports;
const CAP = 4096;
/** A buffer of this memory (dc_table with no table number allocates only). */
const buf = x.dc_table(0xffff, CAP * 2);

function put(s: string): void {
  const u = new Uint16Array(x.memory.buffer, buf, CAP);
  for (let k = 0; k < s.length; k++) u[k] = s.charCodeAt(k);
}
const wasmAbsAbove = (s: string, a: number, dot: number, b: number, limit: number): boolean => {
  put(s);
  return x.dc_abs_above(buf, a, dot, b, limit) !== 0;
};
const wasmIsZero = (s: string, a: number, b: number): boolean => {
  put(s);
  return x.dc_is_zero_decimal(buf, a, b) !== 0;
};

/** The decimal digits of 2^-k after the point (exact: 5^k over 10^k). */
const pow2Fraction = (k: number): string => (5n ** BigInt(k)).toString().padStart(k, '0');
/** The digit string one unit lower in its last place (it does not end in 0). */
const lower = (f: string): string => f.slice(0, -1) + String(Number(f.at(-1)) - 1);

const edgeFractions = [47, 46].flatMap((k) => {
  const f = pow2Fraction(k);
  return [f, f + '1', f + '0'.repeat(30) + '1', lower(f), lower(f) + '9'.repeat(40), f.slice(0, 20)];
});
const tinyFractions = (() => {
  const f = pow2Fraction(1075);
  return [f, f + '1', lower(f), lower(f) + '9'.repeat(10), '0'.repeat(322) + '1', '0'.repeat(323) + '1', '0'.repeat(324) + '1', '0'.repeat(323) + '3'];
})();

/** `[-+]?\d{1,3}\.\d+` with its dot position. */
const decimal = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constantFrom(0, 90, 180)).map(String),
    fc.oneof(
      fc.stringMatching(/^[0-9]{1,30}$/),
      fc.constantFrom(...edgeFractions),
      fc.constantFrom(...tinyFractions),
      fc.integer({ min: 290, max: 420 }).map((n) => '0'.repeat(n) + '1'),
    ),
  )
  .map(([sign, int, frac]) => ({ text: `${sign}${int}.${frac}`, dot: sign.length + int.length }));

describe('decimals.c', () => {
  it('agrees with decimals.ts (and parseFloat) on absAbove and isZeroDecimal', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(90, 180), fc.nat(3), ({ text, dot }, limit, pad) => {
        const s = 'x'.repeat(pad) + text + ' y';
        const a = pad;
        const b = pad + text.length;
        const above = absAbove(s, a, a + dot, b, limit);
        expect(above).toBe(Math.abs(parseFloat(text)) > limit);
        expect(wasmAbsAbove(s, a, a + dot, b, limit)).toBe(above);
        const zero = isZeroDecimal(s, a, b);
        expect(wasmIsZero(s, a, b)).toBe(zero);
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds at the limit and underflows as parseFloat does', () => {
    const half90 = pow2Fraction(47);
    expect(wasmAbsAbove(`90.${half90}`, 0, 2, 3 + half90.length, 90)).toBe(false); // a tie rounds to 90 (even)
    expect(wasmAbsAbove(`90.${half90}1`, 0, 2, 4 + half90.length, 90)).toBe(true);
    expect(wasmAbsAbove('-180.0001', 0, 4, 9, 180)).toBe(true);
    expect(wasmAbsAbove('179.9999', 0, 3, 8, 180)).toBe(false);
    const tie = `0.${pow2Fraction(1075)}`;
    expect(wasmIsZero(tie, 0, tie.length)).toBe(true);
    expect(wasmIsZero(`${tie}1`, 0, tie.length + 1)).toBe(false);
    expect(wasmIsZero('-0.000', 0, 6)).toBe(true);
  });
});

/*
 * Comparisons on decimal numbers as written, for coordinates: `[-+]?\d{1,3}\.\d+`, already
 * checked by the caller. Ports src/scan/detectors/decimals.ts. The TypeScript functions hand
 * the cases where parseFloat's rounding could decide to parseFloat; here those cases are
 * decided exactly as a correctly rounded parse (round half to even) decides them.
 */
#include "dc.h"

/*
 * Compares the fraction 0.F, F the decimal digits s[f, b), with 2^-k: -1 below, 0 equal,
 * 1 above. Doubles the digits k times (exact) and watches the integer part.
 */
static i32 frac_cmp_pow2(const u16 *s, i32 f, i32 b, i32 k) {
  /* trailing zeros change nothing */
  while (b > f && s[b - 1] == 48) b--;
  i32 n = b - f;
  if (n == 0) return -1;
  u8 *t = (u8 *)scratch_alloc((u32)n);
  for (i32 q = 0; q < n; q++) t[q] = (u8)(s[f + q] - 48);
  for (i32 r = 1; r <= k; r++) {
    i32 carry = 0;
    for (i32 q = n - 1; q >= 0; q--) {
      i32 v = t[q] * 2 + carry;
      carry = v >= 10;
      t[q] = (u8)(v - (carry ? 10 : 0));
    }
    if (carry) {
      /* 0.F · 2^r ≥ 1: above 2^-k unless this was the last doubling and nothing is left */
      if (r < k) return 1;
      for (i32 q = 0; q < n; q++)
        if (t[q]) return 1;
      return 0;
    }
  }
  return -1;
}

/*
 * `Math.abs(parseFloat(s.slice(a, b))) > limit` (an integer limit), the dot at `dot`. The
 * integer part decides unless it equals the limit: below it the value stays ≤ limit even
 * rounded, above it the value is > limit.
 */
bool_t abs_above(const u16 *s, i32 a, i32 dot, i32 b, i32 limit) {
  i32 p = a;
  u32 c = s[p];
  if (c == 45 || c == 43) p++;
  f64 int_part = 0;
  for (; p < dot; p++) int_part = int_part * 10 + ((i32)s[p] - 48);
  if (int_part != (f64)limit) return int_part > (f64)limit;
  /* parseFloat rounds limit + 0.F to the nearest double: above the limit when 0.F is more than
   * half its ulp, 2^(e-53) for 2^e ≤ limit < 2^(e+1); at exactly half it rounds to the even
   * mantissa, the limit's own (an integer below 2^52 ends in a 0 bit) */
  if (limit <= 0) return frac_cmp_pow2(s, dot + 1, b, 1074) > 0; /* (not used: limits are 90 and 180) */
  i32 e = 0;
  while (((i64)1 << (e + 1)) <= (i64)limit) e++;
  return frac_cmp_pow2(s, dot + 1, b, 53 - e) > 0;
}

/*
 * `parseFloat(s.slice(a, b)) === 0`: no digit but zeros. Past 300 characters a tiny value
 * could underflow to 0 (1e-324): that is a value of at most 2^-1075 (half the least subnormal,
 * rounding to even 0).
 */
bool_t is_zero_decimal(const u16 *s, i32 a, i32 b) {
  i32 first = -1;
  for (i32 p = a; p < b; p++) {
    u32 c = s[p];
    if (c >= 49 && c <= 57) {
      first = p;
      break;
    }
  }
  if (first < 0) return 1;
  if (b - a <= 300) return 0;
  /* a digit that is not 0 before the dot: at least 1 */
  i32 dot = a;
  while (dot < b && s[dot] != 46) dot++;
  if (first < dot) return 0;
  /* 0.000…0d: 10^-(z+1) ≤ value < 10^-z for z zeros after the dot */
  i32 z = first - dot - 1;
  if (z <= 322) return 0; /* ≥ 1e-323 > 2^-1075 */
  if (z >= 324) return 1; /* < 1e-324 < 2^-1075 */
  return frac_cmp_pow2(s, dot + 1, b, 1075) <= 0;
}

/* The two functions over units at `s` (a pointer into this memory), for the test that holds
 * them to decimals.ts (src/scan/wasm/decimals-wasm.test.ts). */
EXPORT(dc_abs_above) i32 dc_abs_above(const u16 *s, i32 a, i32 dot, i32 b, i32 limit) { return abs_above(s, a, dot, b, limit); }
EXPORT(dc_is_zero_decimal) i32 dc_is_zero_decimal(const u16 *s, i32 a, i32 b) { return is_zero_decimal(s, a, b); }

/**
 * Comparisons on decimal numbers as written, for coordinates: `[-+]?\d{1,3}\.\d+`, already
 * checked by the caller. They give exactly what `parseFloat(s.slice(a, b))` would, without
 * the two strings and the parse per candidate (coordinate columns and pairs are common):
 * only the cases where parseFloat's rounding could decide are handed to parseFloat.
 */

/**
 * `Math.abs(parseFloat(s.slice(a, b))) > limit` (an integer limit), the dot at `dot`. The
 * integer part decides unless it equals the limit: below it the value stays ≤ limit even
 * rounded, above it the value is > limit.
 */
export function absAbove(s: string, a: number, dot: number, b: number, limit: number): boolean {
  let p = a;
  const c = s.charCodeAt(p);
  if (c === 45 || c === 43) p++;
  let int = 0;
  for (; p < dot; p++) int = int * 10 + (s.charCodeAt(p) - 48);
  if (int !== limit) return int > limit;
  return Math.abs(parseFloat(s.slice(a, b))) > limit;
}

/**
 * `parseFloat(s.slice(a, b)) === 0`: no digit but zeros. Past 300 characters a tiny value
 * could underflow to 0 (1e-324), so parseFloat decides there.
 */
export function isZeroDecimal(s: string, a: number, b: number): boolean {
  if (b - a > 300) return parseFloat(s.slice(a, b)) === 0;
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if (c >= 49 && c <= 57) return false;
  }
  return true;
}

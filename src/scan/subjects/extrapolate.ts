/**
 * From a random sample of n rows out of N to whole-table figures, with the error stated.
 *
 * A count c observed in the sample (rows with a type, distinct subjects) is scaled as
 * ĉ = c · N / n. Its sampling error is that of the proportion p̂ = min(1, c/n) under simple
 * random sampling without replacement: the 95 % Wilson score interval for p, with the finite
 * population correction as an effective sample size n' = n·(N−1)/(N−n), scaled by N. The reported error is
 * the larger distance from ĉ to either end of that interval. When the count itself is an
 * estimate (a HyperLogLog sketch, with 95 % half-width e_h in the sample), its error scales
 * to e_h · N/n and is combined with the sampling error in quadrature:
 *
 *   error = √( e_s² + (e_h · N/n)² )
 *
 * A full pass (n = N) has no sampling error. See docs/scan.md.
 */
import { Z95, type Estimate } from './hll.js';

export interface Sample {
  /** Rows read. */
  readonly rows: number;
  /** Rows in the table (exact, or the database's estimate for very large tables). */
  readonly of: number;
}

/**
 * Wilson 95 % interval for a proportion p̂ seen in n of N rows. The finite population
 * correction enters as the effective sample size n' = n·(N−1)/(N−n) (n' → ∞ as n → N).
 */
export function wilson(p: number, n: number, N: number, z = Z95): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  if (N <= n) return { low: p, high: p };
  const ne = N > 1 ? (n * (N - 1)) / (N - n) : n;
  const z2 = z * z;
  const denom = 1 + z2 / ne;
  const center = (p + z2 / (2 * ne)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / ne + z2 / (4 * ne * ne))) / denom;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/**
 * Scales a sample count to the table. `count` may exceed the rows (several hits per row);
 * the proportion used for the interval is then capped at 1 and the excess scales linearly.
 */
export function extrapolate(count: number, sample: Sample, sketchError = 0): Estimate {
  const { rows: n, of: N } = sample;
  if (n <= 0) return { estimate: 0, error: 0 };
  if (n >= N) return { estimate: Math.round(count), error: Math.ceil(sketchError) };
  const scale = N / n;
  const estimate = count * scale;
  const p = Math.min(1, count / n);
  const { low, high } = wilson(p, n, N);
  const sampling = Math.max(p - low, high - p) * N * Math.max(1, count / n);
  const hll = sketchError * scale;
  return { estimate: Math.round(estimate), error: Math.ceil(Math.sqrt(sampling * sampling + hll * hll)) };
}

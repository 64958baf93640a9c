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

/**
 * Distinct subjects in a table of N rows from a sample of n rows (q = n/N). Of the k sampled
 * rows with a subject key (at most one per record and jurisdiction), d distinct subjects
 * were seen, f1 of them once and f2 twice.
 *
 * - No subject seen twice (d = k): every row is taken to be another person, and the count
 *   is the number of rows with a key in the table, k·N/n, with the error of the proportion
 *   k/n ({@link extrapolate}). This is exact in expectation for one-row-per-person tables.
 * - Otherwise people repeat across rows. Under the model that each person appears in m rows,
 *   E[f2]/E[f1] = (m−1)·q / (2(1−q)), so m̂ = 1 + 2(1−q)·f2 / (q·f1) and the estimate is
 *   max(d, k·N/n / m̂) (just d when f1 = 0: every subject seen was seen again). The error
 *   comes from the delta method with Poisson variances of f1 and f2, combined with the error
 *   of k·N/n.
 *
 * No estimator of distinct values from a sample is accurate for every distribution
 * (Charikar et al., PODS 2000): when people repeat unevenly (some once, some many times) the
 * second branch underestimates. docs/scan.md shows simulated coverage; scan such tables in
 * full when the count matters.
 */
export function extrapolateDistinct(
  stats: { readonly distinct: number; readonly keys: number; readonly f1: number; readonly f2: number },
  sample: Sample,
): Estimate & { readonly method: 'linear' | 'repeats' } {
  const { distinct: d, keys: k, f1, f2 } = stats;
  if (sample.rows >= sample.of) return { estimate: d, error: 0, method: 'linear' };
  const rows = extrapolate(k, sample);
  if (d === k) return { ...rows, method: 'linear' };
  if (f1 === 0) return { estimate: d, error: 0, method: 'repeats' };
  const q = sample.rows / sample.of;
  const c = (2 * (1 - q)) / q;
  const m = 1 + (c * f2) / f1;
  const K = k * (sample.of / sample.rows);
  const estimate = Math.max(d, K / m);
  const dDdf2 = (K * c) / (f1 * m * m); // |∂D/∂f2|; ∂D/∂f1 = −(f2/f1)·∂D/∂f2
  const sd = Math.sqrt(dDdf2 * dDdf2 * (f2 + (f2 * f2) / f1) + (rows.error / Z95 / m) ** 2);
  return { estimate: Math.round(estimate), error: Math.ceil(Z95 * sd), method: 'repeats' };
}

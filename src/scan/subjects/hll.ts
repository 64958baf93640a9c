/**
 * Distinct-subject counting with a mergeable HyperLogLog sketch (Flajolet et al., 2007) over
 * 64-bit keyed hashes, estimated with Ertl's improved raw estimator ("New cardinality
 * estimation algorithms for HyperLogLog sketches", 2017), which is unbiased from 0 to far
 * beyond 2^40 without empirical bias tables.
 *
 * Small sets are exact: until {@link EXACT_LIMIT} distinct hashes are seen the sketch also
 * keeps the set of 53-bit hash prefixes (never the values), so the count is exact (up to
 * hash collisions: p ≈ n²/2⁵⁴, under 10⁻⁹ at the limit) and its error is 0. Past the limit
 * only the registers remain.
 *
 * Standard error of the estimate: 1.04 / √m with m = 2^p registers (p = 14: 0.81 %); the
 * reported error is the 95 % half-width, 1.96 · 1.04/√m · estimate.
 */
import { PrefixSet } from './prefix-set.js';
import type { Hash64 } from './siphash.js';

export const HLL_PRECISION = 14;
const M = 1 << HLL_PRECISION;
const Q = 64 - HLL_PRECISION; // bits left for the rank
/** Past this many distinct hashes the exact set is dropped. */
export const EXACT_LIMIT = 4096;
/** 95 % two-sided normal quantile. */
export const Z95 = 1.959964;
/** Relative standard error of HLL with m registers. */
export const HLL_RSE = 1.04 / Math.sqrt(M);

export interface Estimate {
  /** Best estimate (rounded to an integer). */
  readonly estimate: number;
  /** Half-width of the 95 % interval, in the same unit (rounded up); 0 when exact. */
  readonly error: number;
}

/** The serialised form (JSON-safe, no raw values: registers and hash prefixes only). */
export interface SketchData {
  readonly p: number;
  /** Base64 of the 2^p one-byte registers. */
  readonly registers: string;
  /** Sorted 53-bit hash prefixes while the set is small, else absent. */
  readonly exact?: readonly number[];
}

export class HyperLogLog {
  readonly registers: Uint8Array;
  private exact: PrefixSet | undefined = new PrefixSet();

  constructor(registers?: Uint8Array) {
    this.registers = registers ?? new Uint8Array(M);
  }

  /** Adds one 64-bit hash. */
  add(h: Hash64): void {
    const hi = h.hi;
    const lo = h.lo;
    const idx = hi >>> (Q - 32); // top p bits
    const restHi = hi & ((1 << (Q - 32)) - 1); // 18 bits
    const rank = restHi !== 0 ? Math.clz32(restHi) - (64 - Q) + 1 : Q - 32 + Math.clz32(lo) + 1;
    if (rank > this.registers[idx]!) this.registers[idx] = rank;
    const ex = this.exact;
    if (ex !== undefined) {
      ex.add(hi & 0x1fffff, lo);
      if (ex.size > EXACT_LIMIT) this.exact = undefined;
    }
  }

  /** Folds another sketch into this one (union of the two sets of subjects). */
  merge(other: HyperLogLog): void {
    const a = this.registers;
    const b = other.registers;
    for (let i = 0; i < M; i++) if (b[i]! > a[i]!) a[i] = b[i]!;
    if (this.exact !== undefined && other.exact !== undefined) {
      for (const x of other.exact.values()) this.exact.addValue(x);
      if (this.exact.size > EXACT_LIMIT) this.exact = undefined;
    } else this.exact = undefined;
  }

  /** True while the count is exact. */
  get isExact(): boolean {
    return this.exact !== undefined;
  }

  /** Raw cardinality estimate (not rounded). */
  cardinality(): number {
    if (this.exact !== undefined) return this.exact.size;
    return ertl(this.registers);
  }

  /** The estimate with its 95 % error. */
  estimate(): Estimate {
    const c = this.cardinality();
    if (this.exact !== undefined) return { estimate: c, error: 0 };
    return { estimate: Math.round(c), error: Math.ceil(Z95 * HLL_RSE * c) };
  }

  clone(): HyperLogLog {
    const h = new HyperLogLog(new Uint8Array(this.registers));
    h.exact = this.exact === undefined ? undefined : this.exact.clone();
    return h;
  }

  toJSON(): SketchData {
    const data: SketchData = { p: HLL_PRECISION, registers: Buffer.from(this.registers).toString('base64') };
    return this.exact === undefined ? data : { ...data, exact: this.exact.values().sort((x, y) => x - y) };
  }

  /** Rebuilds a sketch from {@link toJSON}; throws a RangeError on a malformed one. */
  static fromJSON(data: SketchData): HyperLogLog {
    if (data.p !== HLL_PRECISION) {
      throw new RangeError(`made with precision p = ${data.p} (2^${data.p} registers); only sketches of precision ${HLL_PRECISION} merge with this version's`);
    }
    const regs = Buffer.from(data.registers, 'base64');
    if (regs.length !== M) throw new RangeError(`sketch has ${regs.length} registers, expected ${M}`);
    for (const r of regs) if (r > Q + 1) throw new RangeError(`sketch register ${r} out of range`);
    const h = new HyperLogLog(new Uint8Array(regs));
    if (data.exact === undefined) h.exact = undefined;
    else {
      if (data.exact.length > EXACT_LIMIT || !data.exact.every((x) => Number.isSafeInteger(x) && x >= 0)) {
        throw new RangeError('sketch exact set is malformed');
      }
      const ex = new PrefixSet(data.exact.length);
      for (const x of data.exact) ex.addValue(x);
      h.exact = ex;
    }
    return h;
  }
}

/** Ertl's improved raw estimator over the register histogram. */
function ertl(registers: Uint8Array): number {
  const c = new Array<number>(Q + 2).fill(0);
  for (const r of registers) c[r]!++;
  let z = M * tau(1 - c[Q + 1]! / M);
  for (let k = Q; k >= 1; k--) z = 0.5 * (z + c[k]!);
  z += M * sigma(c[0]! / M);
  return (M * M) / (2 * Math.LN2 * z);
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const prev = z;
    z += x * y;
    y += y;
    if (z === prev) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const prev = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
    if (z === prev) return z / 3;
  }
}

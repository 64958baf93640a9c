/**
 * Distinct subjects per jurisdiction for one source: the `onSubject` hook of the source
 * scanner lands here, the key is hashed at once (keyed SipHash) and only the hash reaches a
 * HyperLogLog sketch. Nothing raw is kept.
 */
import { HyperLogLog, type Estimate, type SketchData } from './hll.js';
import { sipHashString, sipHashUnits, type Hash64, type SipKey } from './siphash.js';
import type { SubjectSink } from '../core/types.js';
import type { SubjectKey } from './key.js';

/** How often each subject was seen, summarised (for estimates from a sample). */
export interface FrequencyStats {
  /** Distinct subjects seen. */
  readonly distinct: number;
  /** Subject keys seen in all (at most one per record and jurisdiction). */
  readonly keys: number;
  /** Subjects seen exactly once, exactly twice. */
  readonly f1: number;
  readonly f2: number;
}

export class SubjectCounter implements SubjectSink {
  private readonly sketches = new Map<string, HyperLogLog>();
  private readonly h: Hash64 = { hi: 0, lo: 0 };
  /** Per jurisdiction: hash prefix → times seen (only when counting a sample). */
  private readonly freq: Map<string, Map<number, number>> | undefined;

  /**
   * `frequencies`: also count how often each (hashed) subject appears — used for samples,
   * whose size bounds the memory this takes.
   */
  constructor(readonly key: SubjectKey, opts: { frequencies?: boolean } = {}) {
    this.freq = opts.frequencies ? new Map() : undefined;
  }

  /** The `onSubject` hook: hashes `normalizedKey` and forgets it. */
  readonly add = (jurisdiction: string, normalizedKey: string): void => {
    this.count(jurisdiction, sipHashString(this.key.sip, normalizedKey, this.h));
  };

  /** The same for a key given as code units (the scanner's `subjectSink` path): same hash. */
  readonly addUnits = (jurisdiction: string, key: Uint16Array, length: number): void => {
    this.count(jurisdiction, sipHashUnits(this.key.sip, key, length, this.h));
  };

  /** The SipHash key, for a scan that hashes in its WebAssembly module (SubjectSink.sipKey). */
  get sipKey(): SipKey {
    return this.key.sip;
  }

  /** A key hashed elsewhere with this counter's key (SubjectSink.addHash): counted as addUnits would. */
  readonly addHash = (jurisdiction: string, hi: number, lo: number): void => {
    this.h.hi = hi;
    this.h.lo = lo;
    this.count(jurisdiction, this.h);
  };

  private count(jurisdiction: string, h: Hash64): void {
    let s = this.sketches.get(jurisdiction);
    if (s === undefined) this.sketches.set(jurisdiction, (s = new HyperLogLog()));
    s.add(h);
    if (this.freq !== undefined) {
      let m = this.freq.get(jurisdiction);
      if (m === undefined) this.freq.set(jurisdiction, (m = new Map()));
      const k = (h.hi & 0x1fffff) * 0x100000000 + h.lo;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }

  /** Frequency summary for a jurisdiction (only when constructed with `frequencies`). */
  frequencies(jurisdiction: string): FrequencyStats | undefined {
    const m = this.freq?.get(jurisdiction);
    if (m === undefined) return undefined;
    let keys = 0;
    let f1 = 0;
    let f2 = 0;
    for (const c of m.values()) {
      keys += c;
      if (c === 1) f1++;
      else if (c === 2) f2++;
    }
    return { distinct: m.size, keys, f1, f2 };
  }

  /** Folds another counter (same key) into this one. */
  merge(other: SubjectCounter): void {
    if (other.key.fingerprint !== this.key.fingerprint) throw new Error('cannot merge subject counts made with different keys');
    for (const [j, s] of other.sketches) this.mergeSketch(j, s);
  }

  mergeSketch(jurisdiction: string, sketch: HyperLogLog): void {
    const mine = this.sketches.get(jurisdiction);
    if (mine === undefined) this.sketches.set(jurisdiction, sketch.clone());
    else mine.merge(sketch);
  }

  jurisdictions(): string[] {
    return [...this.sketches.keys()].sort();
  }

  sketch(jurisdiction: string): HyperLogLog | undefined {
    return this.sketches.get(jurisdiction);
  }

  /** Estimates by jurisdiction, sorted by country code. */
  estimates(): Record<string, Estimate> {
    const out: Record<string, Estimate> = {};
    for (const j of this.jurisdictions()) out[j] = this.sketches.get(j)!.estimate();
    return out;
  }

  toJSON(): Record<string, SketchData> {
    const out: Record<string, SketchData> = {};
    for (const j of this.jurisdictions()) out[j] = this.sketches.get(j)!.toJSON();
    return out;
  }
}

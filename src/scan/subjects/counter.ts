/**
 * Distinct subjects per jurisdiction for one source: the `onSubject` hook of the source
 * scanner lands here, the key is hashed at once (keyed SipHash) and only the hash reaches a
 * HyperLogLog sketch. Nothing raw is kept.
 */
import { HyperLogLog, type Estimate, type SketchData } from './hll.js';
import { sipHashString, type Hash64 } from './siphash.js';
import type { SubjectKey } from './key.js';

export class SubjectCounter {
  private readonly sketches = new Map<string, HyperLogLog>();
  private readonly h: Hash64 = { hi: 0, lo: 0 };

  constructor(readonly key: SubjectKey) {}

  /** The `onSubject` hook: hashes `normalizedKey` and forgets it. */
  readonly add = (jurisdiction: string, normalizedKey: string): void => {
    let s = this.sketches.get(jurisdiction);
    if (s === undefined) this.sketches.set(jurisdiction, (s = new HyperLogLog()));
    s.add(sipHashString(this.key.sip, normalizedKey, this.h));
  };

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

/**
 * The exact part of a small HyperLogLog sketch: a set of 53-bit hash prefixes (never values).
 *
 * Why not `Set<number>`: a 53-bit prefix is not a small integer, so every `Set.add` boxed it
 * in a fresh heap number and hashed that, about 0.2 µs per subject key in a file scan (and
 * garbage). Here a prefix is kept as its two halves — the top 21 bits and the low 32 — in
 * typed arrays with open addressing (linear probing on the low half, which is already a
 * keyed-hash output and so evenly spread). Same contents, same size, no allocation per add.
 */

/** Largest 21-bit half (the prefix is hi * 2^32 + lo). */
const HI_MASK = 0x1fffff;

export class PrefixSet {
  /** hi + 1 per slot (0 = empty slot). */
  private his: Int32Array;
  private los: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 64) {
    let cap = 64;
    while (cap < capacity * 2) cap *= 2;
    this.his = new Int32Array(cap);
    this.los = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Adds the prefix hi * 2^32 + lo (hi: 21 bits, lo: 32 bits, signed or not). */
  add(hi: number, lo: number): void {
    const h1 = (hi & HI_MASK) + 1;
    const his = this.his;
    const los = this.los;
    const mask = this.mask;
    let i = lo & mask;
    for (;;) {
      const x = his[i]!;
      if (x === 0) break;
      if (x === h1 && los[i] === (lo | 0)) return;
      i = (i + 1) & mask;
    }
    his[i] = h1;
    los[i] = lo;
    if (++this.size * 2 > mask) this.grow();
  }

  /** The prefixes as numbers, in no particular order. */
  values(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.his.length; i++) {
      const h1 = this.his[i]!;
      if (h1 !== 0) out.push((h1 - 1) * 0x100000000 + (this.los[i]! >>> 0));
    }
    return out;
  }

  /** Adds a prefix given as a number (a value of {@link values} or of a saved sketch). */
  addValue(v: number): void {
    this.add(Math.floor(v / 0x100000000), v % 0x100000000);
  }

  clone(): PrefixSet {
    const c = new PrefixSet();
    c.his = this.his.slice();
    c.los = this.los.slice();
    c.mask = this.mask;
    c.size = this.size;
    return c;
  }

  private grow(): void {
    const oldH = this.his;
    const oldL = this.los;
    const cap = oldH.length * 2;
    this.his = new Int32Array(cap);
    this.los = new Int32Array(cap);
    this.mask = cap - 1;
    for (let k = 0; k < oldH.length; k++) {
      const h1 = oldH[k]!;
      if (h1 === 0) continue;
      let i = oldL[k]! & this.mask;
      while (this.his[i] !== 0) i = (i + 1) & this.mask;
      this.his[i] = h1;
      this.los[i] = oldL[k]!;
    }
  }
}

/**
 * SipHash-2-4 (Aumasson & Bernstein, 2012): a keyed pseudo-random function with a 128-bit key
 * and a 64-bit output. It is the keyed hash under every subject key: the raw identifier is
 * hashed the moment it leaves the detectors and only the hash (or less: an HLL register) is
 * kept.
 *
 * Why not HMAC-SHA-256 from node:crypto: measured at ≈ 3.8 µs per short key on this project's
 * machine (one native call plus object churn per value), which alone would cap the scanner
 * far below its 100 MB/s target; this JS SipHash over 32-bit halves costs ≈ 0.1 µs. SipHash is
 * a PRF under a secret key, which is what a keyed hash for counting needs.
 *
 * Strings are hashed over their UTF-16 code units in little-endian byte order, i.e.
 * `sipHashString(k, s)` equals `sipHashBytes(k, Buffer.from(s, 'utf16le'))`.
 */

/** A 64-bit hash as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

/** The 128-bit key as four little-endian 32-bit words (k0 lo, k0 hi, k1 lo, k1 hi). */
export type SipKey = readonly [number, number, number, number];

export function sipKeyFromBytes(key: Uint8Array): SipKey {
  if (key.length !== 16) throw new RangeError(`SipHash key must be 16 bytes, got ${key.length}`);
  const w = (i: number) => ((key[i]! | (key[i + 1]! << 8) | (key[i + 2]! << 16) | (key[i + 3]! << 24)) >>> 0);
  return [w(0), w(4), w(8), w(12)];
}

/**
 * The core, over either UTF-16 code units `u[0, n)` (hashed as their little-endian bytes) or
 * bytes. All state lives in int32 locals: module-level or boxed state would allocate a heap
 * number per step.
 *
 * 64-bit additions are two 32-bit ones; the carry out of the low half is the top bit of
 * `(a & b) | ((a | b) & ~sum)`, computed with bit operations because the comparison form
 * (`sum >>> 0 < a >>> 0 ? 1 : 0`) compiles to a branch, and on hash state that branch is a
 * coin toss: mispredicted half the time, it made a short key's hash ~1.8× slower.
 */
function sip(key: SipKey, u: Uint16Array | null, n: number, data: Uint8Array | null, out: Hash64): Hash64 {
  const k0l = key[0] | 0, k0h = key[1] | 0, k1l = key[2] | 0, k1h = key[3] | 0;
  let v0h = k0h ^ 0x736f6d65, v0l = k0l ^ 0x70736575;
  let v1h = k1h ^ 0x646f7261, v1l = k1l ^ 0x6e646f6d;
  let v2h = k0h ^ 0x6c796765, v2l = k0l ^ 0x6e657261;
  let v3h = k1h ^ 0x74656462, v3l = k1l ^ 0x79746573;
  let t = 0;
  const bytes = u !== null ? n * 2 : data!.length;
  const words = bytes >>> 3;
  for (let w = 0; w <= words; w++) {
    let ml = 0;
    let mh = 0;
    if (w < words) {
      if (u !== null) {
        const i = w << 2;
        ml = u[i]! | (u[i + 1]! << 16);
        mh = u[i + 2]! | (u[i + 3]! << 16);
      } else {
        const d = data!;
        const i = w << 3;
        ml = d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24);
        mh = d[i + 4]! | (d[i + 5]! << 8) | (d[i + 6]! << 16) | (d[i + 7]! << 24);
      }
    } else {
      // last block: the remaining bytes, then the length mod 256 in the top byte
      mh = (bytes & 0xff) << 24;
      if (u !== null) {
        const i = w << 2;
        const rest = n - i;
        if (rest >= 1) ml = u[i]!;
        if (rest >= 2) ml |= u[i + 1]! << 16;
        if (rest >= 3) mh |= u[i + 2]!;
      } else {
        const d = data!;
        const i = w << 3;
        for (let j = 0; i + j < bytes; j++) {
          if (j < 4) ml |= d[i + j]! << (8 * j);
          else mh |= d[i + j]! << (8 * (j - 4));
        }
      }
    }
    v3h ^= mh;
    v3l ^= ml;
    for (let r = 0; r < 2; r++) {
      t = (v0l + v1l) | 0; v0h = (v0h + v1h + (((v0l & v1l) | ((v0l | v1l) & ~t)) >>> 31)) | 0; v0l = t;
      t = (v1h << 13) | (v1l >>> 19); v1l = ((v1l << 13) | (v1h >>> 19)) ^ v0l; v1h = t ^ v0h;
      t = v0h; v0h = v0l; v0l = t;
      t = (v2l + v3l) | 0; v2h = (v2h + v3h + (((v2l & v3l) | ((v2l | v3l) & ~t)) >>> 31)) | 0; v2l = t;
      t = (v3h << 16) | (v3l >>> 16); v3l = ((v3l << 16) | (v3h >>> 16)) ^ v2l; v3h = t ^ v2h;
      t = (v0l + v3l) | 0; v0h = (v0h + v3h + (((v0l & v3l) | ((v0l | v3l) & ~t)) >>> 31)) | 0; v0l = t;
      t = (v3h << 21) | (v3l >>> 11); v3l = ((v3l << 21) | (v3h >>> 11)) ^ v0l; v3h = t ^ v0h;
      t = (v2l + v1l) | 0; v2h = (v2h + v1h + (((v2l & v1l) | ((v2l | v1l) & ~t)) >>> 31)) | 0; v2l = t;
      t = (v1h << 17) | (v1l >>> 15); v1l = ((v1l << 17) | (v1h >>> 15)) ^ v2l; v1h = t ^ v2h;
      t = v2h; v2h = v2l; v2l = t;
    }
    v0h ^= mh;
    v0l ^= ml;
  }
  v2l ^= 0xff;
  for (let r = 0; r < 4; r++) {
    t = (v0l + v1l) | 0; v0h = (v0h + v1h + (((v0l & v1l) | ((v0l | v1l) & ~t)) >>> 31)) | 0; v0l = t;
    t = (v1h << 13) | (v1l >>> 19); v1l = ((v1l << 13) | (v1h >>> 19)) ^ v0l; v1h = t ^ v0h;
    t = v0h; v0h = v0l; v0l = t;
    t = (v2l + v3l) | 0; v2h = (v2h + v3h + (((v2l & v3l) | ((v2l | v3l) & ~t)) >>> 31)) | 0; v2l = t;
    t = (v3h << 16) | (v3l >>> 16); v3l = ((v3l << 16) | (v3h >>> 16)) ^ v2l; v3h = t ^ v2h;
    t = (v0l + v3l) | 0; v0h = (v0h + v3h + (((v0l & v3l) | ((v0l | v3l) & ~t)) >>> 31)) | 0; v0l = t;
    t = (v3h << 21) | (v3l >>> 11); v3l = ((v3l << 21) | (v3h >>> 11)) ^ v0l; v3h = t ^ v0h;
    t = (v2l + v1l) | 0; v2h = (v2h + v1h + (((v2l & v1l) | ((v2l | v1l) & ~t)) >>> 31)) | 0; v2l = t;
    t = (v1h << 17) | (v1l >>> 15); v1l = ((v1l << 17) | (v1h >>> 15)) ^ v2l; v1h = t ^ v2h;
    t = v2h; v2h = v2l; v2l = t;
  }
  out.hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  out.lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  return out;
}

/** SipHash-2-4 of raw bytes (reference form; used to check the string form). */
export function sipHashBytes(key: SipKey, data: Uint8Array, out: Hash64 = { hi: 0, lo: 0 }): Hash64 {
  return sip(key, null, 0, data, out);
}

/** Scratch code units for {@link sipHashString} (grown as needed, cleared after use). */
let scratch = new Uint16Array(64);

/** SipHash-2-4 of a string's UTF-16LE code units, without encoding it first. */
export function sipHashString(key: SipKey, s: string, out: Hash64 = { hi: 0, lo: 0 }): Hash64 {
  const n = s.length;
  if (scratch.length < n) scratch = new Uint16Array(n * 2);
  for (let i = 0; i < n; i++) scratch[i] = s.charCodeAt(i);
  sip(key, scratch, n, null, out);
  scratch.fill(0, 0, n); // keys are identifiers: not left behind in memory
  return out;
}

/**
 * SipHash-2-4 of the UTF-16 code units `u[0, n)`: the same hash as {@link sipHashString} of
 * the string they spell (the scanner writes subject keys into a reused buffer, no string).
 */
export function sipHashUnits(key: SipKey, u: Uint16Array, n: number, out: Hash64 = { hi: 0, lo: 0 }): Hash64 {
  return sip(key, u, n, null, out);
}

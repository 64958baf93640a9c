/**
 * Check-digit algorithms, all over a range `[from, to)` of a string so the hot path never
 * slices. Each is documented with its standard; vectors are in checksums.test.ts and in
 * /work/shared/reference/pii-detection.md §5.
 */
import { hashNibble, keccakLower40 } from './keccak.js';

const D0 = 48;

/**
 * Luhn digit values: d for digits in odd places from the right (index d), the digit sum
 * of 2d in even places (index 10 + d). A table, not `2d > 9 ? 2d − 9 : 2d`: that branch
 * depends on the digit and is mispredicted about half the time.
 */
const LUHN = Int8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 2, 4, 6, 8, 1, 3, 5, 7, 9);

/** Luhn (ISO/IEC 7812-1) over the digits in [from, to); non-digits are skipped. */
export function luhnValid(s: string, from: number, to: number): boolean {
  let sum = 0;
  let n = 0;
  for (let i = to - 1; i >= from; i--) {
    const d = s.charCodeAt(i) - D0;
    if (d < 0 || d > 9) continue;
    sum += LUHN[(n & 1) * 10 + d]!;
    n++;
  }
  return n > 0 && sum % 10 === 0;
}

/** {@link luhnValid} over n digit values d[0, n) (the digits a caller already loaded). */
export function luhnDigits(d: ArrayLike<number>, n: number): boolean {
  let sum = 0;
  for (let i = n - 1, k = 0; i >= 0; i--, k++) sum += LUHN[(k & 1) * 10 + d[i]!]!;
  return n > 0 && sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character (ISO 7064 MOD 11-2) for 17 digits at `from`. */
export function cnIdCheckChar(s: string, from: number): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (s.charCodeAt(from + k) - D0) * ID_WEIGHTS[k]!;
  return ID_CHECK[sum % 11]!;
}

/** {@link cnIdCheckChar} over 17 code units `u[from, from + 17)`, as a code unit. */
export function cnIdCheckUnit(u: ArrayLike<number>, from: number): number {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (u[from + k]! - D0) * ID_WEIGHTS[k]!;
  return ID_CHECK.charCodeAt(sum % 11);
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_VALUE[USCC_ALPHABET.charCodeAt(i)] = i;
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Registration authority codes (position 1): 1–9, A–G, N, Y. */
const USCC_AUTHORITY = new Uint8Array(128);
for (const c of '123456789ABCDEFGNY') USCC_AUTHORITY[c.charCodeAt(0)] = 1;

/**
 * GB 32100-2015: a registration authority code in position 1, the 18th check character
 * (mod 31) and the GB 11714 org-code check (pos 17).
 */
export function usccValid(s: string, from: number): boolean {
  const c0 = s.charCodeAt(from);
  if (c0 >= 128 || USCC_AUTHORITY[c0] === 0) return false;
  let sum = 0;
  for (let k = 0; k < 17; k++) {
    const c = s.charCodeAt(from + k);
    const v = c < 128 ? USCC_VALUE[c]! : -1;
    if (v < 0) return false;
    sum += v * USCC_WEIGHTS[k]!;
  }
  const last = s.charCodeAt(from + 17);
  if (last >= 128 || USCC_VALUE[last]! !== (31 - (sum % 31)) % 31) return false;
  // GB 11714 organisation code: positions 9–16 (8 chars) with check at 17.
  let osum = 0;
  for (let k = 0; k < 8; k++) {
    const c = s.charCodeAt(from + 8 + k);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55; // A=10 … Z=35
    else return false;
    osum += v * ORG_WEIGHTS[k]!;
  }
  const r = 11 - (osum % 11);
  const want = r === 10 ? 88 /* X */ : r === 11 ? 48 : 48 + r;
  return s.charCodeAt(from + 16) === want;
}

/**
 * HKID: `letters` (1 or 2 uppercase) at `from`, then 6 digits, then the check character
 * (0–9 or A) at `checkAt`. Weights 9..2; a single letter is padded with a space worth 36.
 */
export function hkidValid(s: string, from: number, letters: 1 | 2, checkAt: number): boolean {
  let sum = 0;
  let p = from;
  if (letters === 1) sum += 36 * 9;
  for (let k = letters === 1 ? 1 : 0; k < 2; k++) {
    const c = s.charCodeAt(p++);
    if (c < 65 || c > 90) return false;
    sum += (c - 55) * (9 - k);
  }
  for (let k = 0; k < 6; k++) {
    const d = s.charCodeAt(p++) - D0;
    if (d < 0 || d > 9) return false;
    sum += d * (7 - k);
  }
  const r = (11 - (sum % 11)) % 11;
  const c = s.charCodeAt(checkAt);
  return r === 10 ? c === 65 : c === D0 + r;
}

const TW_LETTER = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];

/**
 * Taiwan national ID / resident certificate (10 chars at `from`): `[A-Z][12 89 A-D]` + 8 digits,
 * weights 1 9 8 7 6 5 4 3 2 1 1, sum ≡ 0 mod 10.
 */
export function twIdValid(s: string, from: number): boolean {
  const c0 = s.charCodeAt(from);
  if (c0 < 65 || c0 > 90) return false;
  const code = TW_LETTER[c0 - 65]!;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  const c1 = s.charCodeAt(from + 1);
  let d1: number;
  // second character: 1/2 citizens, 8/9 new resident certificates, A–D old ones
  if (c1 === 49 || c1 === 50 || c1 === 56 || c1 === 57) d1 = c1 - D0;
  else if (c1 >= 65 && c1 <= 68) d1 = TW_LETTER[c1 - 65]! % 10; // old resident certificates A–D
  else return false;
  sum += d1 * 8;
  for (let k = 2; k < 10; k++) {
    const d = s.charCodeAt(from + k) - D0;
    if (d < 0 || d > 9) return false;
    sum += d * (k === 9 ? 1 : 9 - k);
  }
  return sum % 10 === 0;
}

/** ABA routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10, over 9 digits at `from`. */
export function abaValid(s: string, from: number): boolean {
  let sum = 0;
  const w = [3, 7, 1];
  for (let k = 0; k < 9; k++) sum += (s.charCodeAt(from + k) - D0) * w[k % 3]!;
  return sum % 10 === 0;
}

/**
 * IBAN mod 97 (ISO 13616) over the alphanumerics in [from, to), separators skipped:
 * the first four characters move to the end, letters count A=10 … Z=35.
 */
export function ibanMod97Valid(s: string, from: number, to: number): boolean {
  // first pass: everything after the first four alphanumerics; second: those four
  let rem = 0;
  let seen = 0;
  let headEnd = from;
  for (let pass = 0; pass < 2; pass++) {
    const b = pass === 0 ? to : headEnd;
    seen = 0;
    for (let i = from; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 45) continue;
      seen++;
      if (pass === 0 && seen <= 4) {
        headEnd = i + 1;
        continue;
      }
      if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
      else {
        const u = c >= 97 && c <= 122 ? c - 32 : c;
        if (u < 65 || u > 90) return false;
        rem = (rem * 100 + (u - 55)) % 97;
      }
    }
  }
  return rem === 1;
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_VALUE[B58.charCodeAt(i)] = i;

export function isBase58Char(c: number): boolean {
  return c < 128 && B58_VALUE[c]! >= 0;
}

/** Base58 decode scratch: little-endian bytes while decoding (a valid address has 25). */
const b58 = new Uint8Array(26);

/** Base58Check (Bitcoin P2PKH/P2SH): decodes to 25 bytes whose last 4 are double-SHA-256 of the rest. */
export function base58CheckValid(s: string, from: number, to: number): boolean {
  return base58CheckVersion(s, from, to) >= 0;
}

/** The version byte of a 25-byte Base58Check string (0x00 P2PKH, 0x05 P2SH on Bitcoin), or -1 when it is not one. */
export function base58CheckVersion(s: string, from: number, to: number): number {
  // little-endian base-256 digits of the number (the bytes only grow: past 25, fail at once)
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    let carry = c < 128 ? B58_VALUE[c]! : -1;
    if (carry < 0) return -1;
    for (let k = 0; k < n; k++) {
      carry += b58[k]! * 58;
      b58[k] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      if (n === 25) return -1;
      b58[n++] = carry & 0xff;
      carry >>= 8;
    }
  }
  // each leading '1' is a leading zero byte
  for (let i = from; i < to && s.charCodeAt(i) === 49; i++) {
    if (n === 25) return -1;
    b58[n++] = 0;
  }
  if (n !== 25) return -1;
  // big-endian byte j is b58[24 − j]: payload = bytes 0–20, checksum = bytes 21–24
  W.fill(0, 0, 16);
  for (let j = 0; j < 21; j++) W[j >> 2] = W[j >> 2]! | (b58[24 - j]! << (24 - 8 * (j & 3)));
  W[5] = W[5]! | (0x80 << 16); // padding after 21 bytes
  W[15] = 21 * 8;
  sha256Block();
  // second SHA-256 over the 32-byte digest
  for (let k = 0; k < 8; k++) W[k] = H[k]!;
  W[8] = 0x80000000;
  W.fill(0, 9, 16);
  W[15] = 32 * 8;
  sha256Block();
  const want = (b58[3]! << 24) | (b58[2]! << 16) | (b58[1]! << 8) | b58[0]!;
  return H[0] === want ? b58[24]! : -1;
}

// --- SHA-256 (FIPS 180-4) of one padded 64-byte block, for Base58Check ---------------------
// The message here is at most 32 bytes, so every hash is one block: a native crypto call
// costs more than the compression itself.
const K256 = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
/** Message schedule; the caller fills W[0..15] with the padded block (big-endian words). */
const W = new Int32Array(64);
/** The digest of the last block, as big-endian words (int32). */
const H = new Int32Array(8);

/** H = SHA-256 compression of the block in W[0..15] from the initial hash value. */
function sha256Block(): void {
  for (let t = 16; t < 64; t++) {
    const x = W[t - 15]!;
    const y = W[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H0[0]!, b = H0[1]!, c = H0[2]!, d = H0[3]!, e = H0[4]!, f = H0[5]!, g = H0[6]!, h = H0[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K256[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H0[0]! + a) | 0;
  H[1] = (H0[1]! + b) | 0;
  H[2] = (H0[2]! + c) | 0;
  H[3] = (H0[3]! + d) | 0;
  H[4] = (H0[4]! + e) | 0;
  H[5] = (H0[5]! + f) | 0;
  H[6] = (H0[6]! + g) | 0;
  H[7] = (H0[7]! + h) | 0;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BECH32.length; i++) BECH32_VALUE[BECH32.charCodeAt(i)] = i;

/** The bech32 checksum polynomial over 5-bit values (BIP 173); exported for tests that encode addresses. */
export function polymod(values: readonly number[]): number {
  const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((b >>> i) & 1) chk ^= G[i]!;
  }
  return chk >>> 0;
}

/**
 * BIP-173/BIP-350 segwit address: all lower or all upper case (mixed case is invalid), witness
 * version 0–16, and the checksum its version calls for: bech32 for version 0, bech32m for 1–16.
 */
export function bech32Valid(s: string, from: number, to: number): boolean {
  const raw = s.slice(from, to);
  const str = raw.toLowerCase();
  if (str !== raw && raw.toUpperCase() !== raw) return false;
  const sep = str.lastIndexOf('1');
  if (sep < 1 || to - from - sep - 1 < 6) return false;
  const hrp = str.slice(0, sep);
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  for (let i = sep + 1; i < str.length; i++) {
    const c = str.charCodeAt(i);
    const v = c < 128 ? BECH32_VALUE[c]! : -1;
    if (v < 0) return false;
    values.push(v);
  }
  const version = BECH32_VALUE[str.charCodeAt(sep + 1)]!;
  if (version > 16) return false;
  return polymod(values) === (version === 0 ? 1 : 0x2bc830a3);
}

/**
 * EIP-55 mixed-case checksum for a `0x` + 40-hex address at `from` (pointing at `0`).
 * Returns 'checksum' when mixed case validates, 'plain' for all-lower or all-upper
 * (no checksum to check), false when mixed case fails.
 */
export function eip55(s: string, from: number): 'checksum' | 'plain' | false {
  const a = from + 2;
  // no capital letter (all lower) or no small letter (all upper): nothing to check
  let upper = false;
  let lower = false;
  for (let i = a; i < a + 40; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  if (!upper || !lower) return 'plain';
  keccakLower40(s, a);
  for (let i = 0; i < 40; i++) {
    const c = s.charCodeAt(a + i);
    if (c >= 48 && c <= 57) continue;
    if ((hashNibble(i) >= 8) !== (c >= 65 && c <= 70)) return false;
  }
  return 'checksum';
}

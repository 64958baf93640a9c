/**
 * Subject keys: `<kind>:<normalized identifier>`, the same for one person however the
 * identifier is written. Two forms of one function:
 *
 * - {@link normalizeKey} / `SUBJECT_PREFIX[ti] + normalizeKeyIn(…)`: a string (the
 *   `onSubject` hook);
 * - {@link KeyUnits}: the same key written as UTF-16 code units into a reused buffer, so a
 *   scan makes no string per key (building, joining and then flattening the joined string
 *   for the hash was about half of the cost of a subject key). The tests hold the two equal.
 */
import type { DetectionType } from './types.js';
import * as typesModule from './types.js';
import * as checksumsModule from '../detectors/checksums.js';
import * as cnModule from '../detectors/cn.js';

// Imports are read into locals once: under test transforms every access to an imported
// binding is a getter call, which the hot loops cannot afford.
const { DETECTION_TYPES } = typesModule;
const { cnId15To18 } = cnModule;
const { cnIdCheckUnit } = checksumsModule;

/** Subject keys are `<kind>:<normalized>`; ITINs count with SSNs, mainland mobiles with phones. By type code. */
export const SUBJECT_PREFIX = DETECTION_TYPES.map((t) => `${t === 'us_itin' ? 'us_ssn' : t === 'cn_mobile' ? 'phone' : t}:`);
const PREFIX_MAX = Math.max(...SUBJECT_PREFIX.map((p) => p.length));

/**
 * The normalized form of a subject identifier (same person, same key, whatever the
 * formatting): digits / uppercase alphanumerics; phones in E.164; 15-digit resident IDs in
 * their 18-digit form.
 */
export function normalizeKey(type: DetectionType, raw: string, jur: string | undefined): string {
  return normalizeKeyIn(type, raw, 0, raw.length, jur);
}

/** {@link normalizeKey} of s[a, b), without copying the range first. */
export function normalizeKeyIn(type: DetectionType, s: string, a: number, b: number, jur: string | undefined): string {
  // each type needs either its digits or its uppercased alphanumerics, never both
  switch (type) {
    case 'cn_mobile':
      return `+86${digitsIn(s, a, b).slice(-11)}`;
    case 'phone': {
      const digits = digitsIn(s, a, b);
      let p = a;
      while (p < b && isSpace(s.charCodeAt(p))) p++;
      if (p < b && s.charCodeAt(p) === 43) return `+${digits}`;
      if (jur === 'US' || jur === 'CA' || (digits.length === 10 && jur !== 'CN')) return `+1${digits.slice(-10)}`;
      if (jur === 'CN') return `+86${digits.charCodeAt(0) === 48 ? digits.slice(1) : digits}`;
      return `+${digits}`;
    }
    case 'cn_resident_id': {
      const alnum = alnumIn(s, a, b);
      return alnum.length === 15 ? cnId15To18(alnum) : alnum;
    }
    default:
      return alnumIn(s, a, b);
  }
}

// The two below copy runs, not characters: "138-1234-5678" is three slices, a bare
// identifier one (one string, where appending character by character made one per character).

/** The ASCII digits of s[a, b), in order. */
function digitsIn(s: string, a: number, b: number): string {
  let d = '';
  let run = -1;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      d += s.slice(run, i);
      run = -1;
    }
  }
  if (run >= 0) d += s.slice(run, b);
  return d;
}

/** The ASCII letters and digits of s[a, b), letters uppercased; anything else dropped. */
function alnumIn(s: string, a: number, b: number): string {
  let out = '';
  let run = a; // start of the current stretch of characters kept as they are ([0-9A-Z])
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) continue;
    if (i > run) out += s.slice(run, i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
    run = i + 1;
  }
  if (b > run) out += s.slice(run, b);
  return out;
}

/** What String.prototype.trimStart removes (ASCII and Unicode white space, line ends, BOM). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Subject-key priority per type (lower is stronger); absent = not a subject key. */
export const PRIORITY: Partial<Record<DetectionType, number>> = {
  cn_resident_id: 0,
  hk_id: 0,
  tw_id: 0,
  us_ssn: 1,
  us_itin: 1,
  cn_passport: 2,
  us_passport: 2,
  cn_mobile: 3,
  phone: 3,
};

/** PRIORITY by type code, -1 for types that are not subject keys (a small-integer array, no holes). */
export const SUBJECT_PRIORITY = Int8Array.from(DETECTION_TYPES, (t) => PRIORITY[t] ?? -1);

/** How {@link KeyUnits} normalizes a type's identifier (by type code). */
const K_ALNUM = 0; // uppercased letters and digits
const K_RESIDENT = 1; // the same, a 15-digit ID in its 18-digit form
const K_CN_MOBILE = 2; // +86 and the last 11 digits
const K_PHONE = 3; // E.164 from the digits and the jurisdiction
/** By type code (book.c reads it too). */
export const KEY_KIND = Uint8Array.from(DETECTION_TYPES, (t) => (t === 'cn_mobile' ? K_CN_MOBILE : t === 'phone' ? K_PHONE : t === 'cn_resident_id' ? K_RESIDENT : K_ALNUM));
/** SUBJECT_PREFIX as code units (copied by a typed loop, not read back out of a string). */
const PREFIX_UNITS = SUBJECT_PREFIX.map((p) => Uint16Array.from({ length: p.length }, (_, k) => p.charCodeAt(k)));

/**
 * A reused buffer holding one subject key as code units: `write` puts
 * `SUBJECT_PREFIX[ti] + normalizeKeyIn(type, s, a, b, jur)` in `buf[0, n)` and returns n;
 * `clear` wipes it once the key is hashed.
 */
export class KeyUnits {
  buf = new Uint16Array(64);
  private src = new Uint16Array(64);

  /** {@link write} for the identifier s[a, b) of a string. */
  writeString(ti: number, s: string, a: number, b: number, jur: string | undefined): number {
    if (this.src.length < b - a) this.src = new Uint16Array((b - a) * 2);
    const u = this.src;
    for (let i = a; i < b; i++) u[i - a] = s.charCodeAt(i);
    return this.write(ti, u, 0, b - a, jur);
  }

  /** Writes the key of the identifier s[a, b) (code units) into `buf`; returns its length. */
  write(ti: number, s: Uint16Array, a: number, b: number, jur: string | undefined): number {
    // room for the prefix, "+86" and every unit of the range (all ASCII: one unit each),
    // and for the two units a legacy resident ID grows by
    const need = PREFIX_MAX + 3 + (b - a) + 3;
    if (this.buf.length < need) this.buf = new Uint16Array(need * 2);
    const u = this.buf;
    const pre = PREFIX_UNITS[ti]!;
    let n = 0;
    for (; n < pre.length; n++) u[n] = pre[n]!;
    const kind = KEY_KIND[ti]!;
    if (kind === K_CN_MOBILE || kind === K_PHONE) {
      // the digits go 3 units in, leaving room for "+86" / "+1" / "+" in front
      const d = n + 3;
      let m = d;
      for (let i = a; i < b; i++) {
        const c = s[i]!;
        if (c >= 48 && c <= 57) u[m++] = c;
      }
      const nd = m - d;
      if (kind === K_CN_MOBILE) return put(u, n, PLUS86, nd > 11 ? m - 11 : d, m); // +86 and the last 11
      let p = a;
      while (p < b && isSpace(s[p]!)) p++;
      if (p < b && s[p]! === 43) return put(u, n, PLUS, d, m);
      if (jur === 'US' || jur === 'CA' || (nd === 10 && jur !== 'CN')) return put(u, n, PLUS1, nd > 10 ? m - 10 : d, m);
      if (jur === 'CN') return put(u, n, PLUS86, nd > 0 && u[d] === 48 ? d + 1 : d, m);
      return put(u, n, PLUS, d, m);
    }
    // uppercased alphanumerics
    const k0 = n;
    for (let i = a; i < b; i++) {
      const c = s[i]!;
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) u[n++] = c;
      else if (c >= 97 && c <= 122) u[n++] = c - 32;
    }
    if (kind === K_RESIDENT && n - k0 === 15) {
      // the legacy form (cnId15To18, in place): "19" before the two-digit year, then the check
      for (let q = n - 1; q >= k0 + 6; q--) u[q + 2] = u[q]!;
      u[k0 + 6] = 49;
      u[k0 + 7] = 57;
      u[k0 + 17] = cnIdCheckUnit(u, k0);
      n = k0 + 18;
    }
    return n;
  }

  clear(n: number): void {
    const u = this.buf;
    for (let k = 0; k < n; k++) u[k] = 0;
  }
}

const PLUS = [43];
const PLUS1 = [43, 49];
const PLUS86 = [43, 56, 54];

/**
 * Writes `lead` at `at`, then moves u[from, to) right after it. Never to the right (`from`
 * ≥ the new start), so a forward loop is safe; a loop, as keys are short and a call to
 * copyWithin cost more than the copy.
 */
function put(u: Uint16Array, at: number, lead: readonly number[], from: number, to: number): number {
  for (let k = 0; k < lead.length; k++) u[at + k] = lead[k]!;
  let w = at + lead.length;
  for (let r = from; r < to; r++) u[w++] = u[r]!;
  return w;
}

/**
 * Value-level detectors: when the field name says what a column holds (a name, an address,
 * a birth date, a latitude, a diagnosis, a phone, a sequence), the whole value is judged by
 * its shape. These types are never reported from a bare value without such a field — a
 * date alone is not a birth date, a word alone is not a name.
 *
 * Returns true when the value was classified (the token walk is then skipped).
 */
import { T, type Engine } from './engine.js';
import * as cnModule from './cn.js';
import * as decimalsModule from './decimals.js';
import * as keywordsModule from './keywords.js';
import type { FieldContext } from './field-context.js';
import * as fieldContextModule from './field-context.js';
import * as paramsModule from './params.js';
import * as phoneModule from './phone.js';

// Imports are read into locals once: under test transforms every access to an imported
// binding is a getter call, which the hot loops cannot afford.
const { HAN, HAN_ADMIN, HAN_STREET, HAN_SURNAME, COMPOUND_SURNAMES, isHan, startsWithAny, validBirthDate } = cnModule;
const { absAbove } = decimalsModule;
const { matchesLower } = keywordsModule;
const { typeBit } = fieldContextModule;
const { geoMinDecimals } = paramsModule;
const { cnLandlineValid, cnMobileTier, intlValid, nanpCountry, nanpValid } = phoneModule;

const B_ADDRESS = typeBit('address');
const B_CN_ADDRESS = typeBit('cn_address');
const B_CN_MOBILE = typeBit('cn_mobile');
const B_DATE_OF_BIRTH = typeBit('date_of_birth');
const B_GENOMIC = typeBit('genomic');
const B_GEO_COORDINATES = typeBit('geo_coordinates');
const B_ICD10 = typeBit('icd10');
const B_PERSON_NAME = typeBit('person_name');
const B_PHONE = typeBit('phone');
const GEO_DEC = geoMinDecimals();
const PHONE_BITS = B_PHONE | B_CN_MOBILE;
const ADDRESS_BITS = B_ADDRESS | B_CN_ADDRESS;
/** The field hints that {@link valueLevel} acts on: without one of them it returns false. */
export const VALUE_LEVEL_BITS = PHONE_BITS | B_DATE_OF_BIRTH | B_GEO_COORDINATES | B_ICD10 | B_PERSON_NAME | ADDRESS_BITS | B_GENOMIC;
const NOT_A_NAME = new Set(['n/a', 'na', 'null', 'none', 'unknown', 'test', 'admin', 'user', 'guest', 'anonymous', '-', '无', '未知', '匿名']);

const d = new Int8Array(24);

export function valueLevel(e: Engine, s: string, from: number, to: number, ctx: FieldContext): boolean {
  let a = from;
  let b = to;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  const n = b - a;
  if (n === 0 || n > 200) return false;
  const h = ctx.hints;
  if (h & PHONE_BITS && n <= 32 && phone(e, s, a, b)) return true;
  if (h & B_DATE_OF_BIRTH && n <= 32 && birthDate(e, s, a, b)) return true;
  if (h & B_GEO_COORDINATES && n <= 24 && coordinate(e, s, a, b, ctx)) return true;
  if (h & B_ICD10 && n <= 8 && icd(e, s, a, b)) return true;
  if (h & B_PERSON_NAME && n <= 60 && personName(e, s, a, b)) return true;
  if (h & ADDRESS_BITS && address(e, s, a, b)) return true;
  if (h & B_GENOMIC && n >= 10 && sequence(s, a, b)) {
    e.emit(T.genomic, a, b, 0.7);
    return true;
  }
  return false;
}

const NOT_A_NAME_WORDS = [...NOT_A_NAME];

/**
 * `NOT_A_NAME.has(s.slice(a, b).toLowerCase())` without making the two strings (most names
 * are checked here): ASCII letters are lowered by hand and Han characters have no case; any
 * other character takes the exact path.
 */
function notAName(s: string, a: number, b: number): boolean {
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if (c >= 128 && !isHan(c)) return NOT_A_NAME.has(s.slice(a, b).toLowerCase());
  }
  const n = b - a;
  for (let k = 0; k < NOT_A_NAME_WORDS.length; k++) {
    const w = NOT_A_NAME_WORDS[k]!;
    if (w.length === n && matchesLower(s, a, w)) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000;
}

function phone(e: Engine, s: string, a: number, b: number): boolean {
  let n = 0;
  let firstGroup = -1;
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      if (n >= 24) return false;
      d[n++] = c - 48;
    } else if (c !== 32 && c !== 45 && c !== 40 && c !== 41 && c !== 46 && c !== 43) return false;
    else if (firstGroup < 0 && n > 0) firstGroup = n;
  }
  const plus = s.charCodeAt(a) === 43;
  // "1-415-555-2671" / "1 (415) …" is a NANP number, never a mainland mobile
  if (n === 11 && firstGroup === 1 && d[0] === 1 && nanpValid(d, 1)) {
    e.emit(T.phone, a, b, 0.6, nanpCountry(d, 1));
    return true;
  }
  if (n === 11 && !plus && cnMobileTier(d, 0) > 0) {
    e.emit(T.cn_mobile, a, b, 0.7);
    return true;
  }
  if (n === 13 && d[0] === 8 && d[1] === 6 && cnMobileTier(d, 2) > 0) {
    e.emit(T.cn_mobile, a, b, 0.8);
    return true;
  }
  if (n === 10 && !plus && nanpValid(d, 0)) {
    e.emit(T.phone, a, b, 0.6, nanpCountry(d, 0));
    return true;
  }
  if (n === 11 && d[0] === 1 && nanpValid(d, 1)) {
    e.emit(T.phone, a, b, 0.6, nanpCountry(d, 1));
    return true;
  }
  if (!plus && (n === 10 || n === 11 || n === 12) && d[0] === 0) {
    if (cnLandlineValid(d, 0, 3, n - 3) || cnLandlineValid(d, 0, 4, n - 4)) {
      e.emit(T.phone, a, b, 0.6, 'CN');
      return true;
    }
  }
  if (plus && n >= 7 && n <= 15) {
    let digits = '';
    for (let k = 0; k < n; k++) digits += String.fromCharCode(48 + d[k]!);
    const r = intlValid(digits);
    if (r) {
      e.emit(T.phone, a, b, 0.6, r.country);
      return true;
    }
  }
  return false;
}

function digitsAt(s: string, p: number, k: number): number {
  let v = 0;
  for (let q = 0; q < k; q++) {
    const c = s.charCodeAt(p + q) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (optionally followed by a time), YYYYMMDD, DD/MM/YYYY,
 * MM/DD/YYYY, YYYY年M月D日 — parsed by hand, no regular expression per value.
 */
function birthDate(e: Engine, s: string, a: number, b: number): boolean {
  // leading number
  let p = a;
  while (p < b && isDigitC(s.charCodeAt(p)) && p - a < 8) p++;
  const n1 = p - a;
  let ok = false;
  if (n1 === 8 && p === b) ok = validBirthDate(digitsAt(s, a, 4), digitsAt(s, a + 4, 2), digitsAt(s, a + 6, 2));
  else if (n1 === 4 || n1 === 1 || n1 === 2) {
    const sep = s.charCodeAt(p);
    const cn = sep === 0x5e74; // 年
    if (!(cn || sep === 45 || sep === 47 || sep === 46)) return false;
    const m0 = ++p;
    while (p < b && isDigitC(s.charCodeAt(p)) && p - m0 < 2) p++;
    const n2 = p - m0;
    if (n2 === 0 || p >= b) return false;
    const sep2 = s.charCodeAt(p);
    if (cn ? sep2 !== 0x6708 /* 月 */ : sep2 !== sep) return false;
    const d0 = ++p;
    while (p < b && isDigitC(s.charCodeAt(p)) && p - d0 < 4) p++;
    const n3 = p - d0;
    if (n3 === 0) return false;
    // what may follow: 日/号 (Chinese), a time after a space or T (ISO)
    if (p < b) {
      const c = s.charCodeAt(p);
      if (cn && (c === 0x65e5 || c === 0x53f7) && p + 1 === b) p = b;
      else if (!cn && n1 === 4 && (c === 32 || c === 84)) p = b;
      if (p !== b) return false;
    }
    const x = digitsAt(s, a, n1);
    const y = digitsAt(s, m0, n2);
    const z = digitsAt(s, d0, n3);
    if (n1 === 4 && n3 <= 2) ok = validBirthDate(x, y, z);
    else if (n1 <= 2 && n3 === 4 && !cn) ok = validBirthDate(z, x, y) || validBirthDate(z, y, x);
  }
  if (!ok) return false;
  e.emit(T.date_of_birth, a, b, 0.6);
  return true;
}

function isDigitC(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** One coordinate in a lat/lng column (the pair form is found by the token walk). */
function coordinate(e: Engine, s: string, a: number, b: number, ctx: FieldContext): boolean {
  let p = a;
  if (s.charCodeAt(p) === 45 || s.charCodeAt(p) === 43) p++;
  const i0 = p;
  while (p < b && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
  if (p === i0 || p - i0 > 3 || p >= b || s.charCodeAt(p) !== 46) return false;
  p++;
  const f0 = p;
  while (p < b && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
  if (p !== b) return false;
  if (p - f0 < GEO_DEC) return true; // a coordinate, but not precise: nothing to report
  if (absAbove(s, a, f0 - 1, b, ctx.latitude ? 90 : 180)) return false;
  e.emit(T.geo_coordinates, a, b, 0.6);
  return true;
}

function icd(e: Engine, s: string, a: number, b: number): boolean {
  if (!/^[A-Z][0-9]{2}(?:\.?[0-9A-Z]{1,4})?$/.test(s.slice(a, b))) return false;
  e.emit(T.icd10, a, b, 0.6);
  return true;
}

function personName(e: Engine, s: string, a: number, b: number): boolean {
  if (b - a <= 9 && notAName(s, a, b)) return false;
  const c0 = s.charCodeAt(a);
  if (isHan(c0)) {
    // 2–4 Han characters (minority names may use the middle dot)
    let han = 0;
    for (let p = a; p < b; p++) {
      const c = s.charCodeAt(p);
      if (isHan(c)) han++;
      else if (c !== 0xb7 && c !== 0x2022) return false;
    }
    if (han < 2 || han > 12) return false;
    const surname = HAN[c0]! & HAN_SURNAME || startsWithAny(s, a, COMPOUND_SURNAMES);
    e.emit(T.person_name, a, b, surname && han <= 4 ? 0.6 : 0.4);
    return true;
  }
  // Latin script: 1–5 words of letters, apostrophes, hyphens, dots
  let words = 1;
  let letters = 0;
  let hyphens = false;
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) letters++;
    else if (c === 32) words++;
    else if (c === 45) hyphens = true;
    else if (c !== 39 && c !== 46 && c !== 44) return false;
  }
  if (letters < 2 || words > 5) return false;
  if (hyphens && brandHyphenWord(s, a, b)) return false;
  if (e.ctx.bareName && words === 1 && softwareName(s, a, b)) return false;
  e.emit(T.person_name, a, b, words >= 2 ? 0.5 : 0.3);
  return true;
}

/**
 * Whether the one word s[a, b) is written as software is named and a person's name is not: no
 * capital letter, and a hyphen or a dot between lower-case letters (my-app, react-dom,
 * lodash.merge, socket.io). A lower-cased person's name in such a field keeps its spaces
 * ("jane doe"); one lower-case word alone (lodash, or jane) cannot be told apart and stays.
 */
function softwareName(s: string, a: number, b: number): boolean {
  let joined = false;
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if (c >= 65 && c <= 90) return false;
    if ((c === 45 || c === 46) && p > a && p + 1 < b && isLower(s.charCodeAt(p - 1)) && isLower(s.charCodeAt(p + 1))) joined = true;
  }
  return joined;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * Whether s[a, b) has a word of the shape a tool gives the document or component it names:
 * a part with two or more capitals (an acronym or a brand: SCALIBR, SPDX, GitHub, CycloneDX)
 * joined by a hyphen to an all-lower-case word ("SCALIBR-generated SPDX", "CycloneDX-generated").
 * A person's name joins capitalised parts (Jean-Luc, Smith-Jones, JEAN-LUC) or puts the
 * lower-case particle first (al-Rashid).
 */
function brandHyphenWord(s: string, a: number, b: number): boolean {
  for (let h = a + 2; h < b - 2; h++) {
    if (s.charCodeAt(h) !== 45) continue;
    let caps = 0;
    let p = h - 1;
    for (; p >= a; p--) {
      const c = s.charCodeAt(p);
      if (c >= 65 && c <= 90) caps++;
      else if (!(c >= 97 && c <= 122)) break;
    }
    if (caps < 2 || p === h - 1) continue;
    let q = h + 1;
    while (q < b && s.charCodeAt(q) >= 97 && s.charCodeAt(q) <= 122) q++;
    const c = q < b ? s.charCodeAt(q) : 32;
    if (q - h - 1 >= 2 && (c === 32 || c === 45 || c === 46)) return true;
  }
  return false;
}

function address(e: Engine, s: string, a: number, b: number): boolean {
  let han = 0;
  let markers = 0;
  let digits = 0;
  let letters = 0;
  let spaces = 0;
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if (isHan(c)) {
      han++;
      if (HAN[c]! & (HAN_ADMIN | HAN_STREET)) markers++;
    } else if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c === 32) spaces++;
    else if (c === 64) return false; // an e-mail, not a postal address
  }
  if (han >= 4) {
    e.emit(T.cn_address, a, b, markers >= 2 ? 0.6 : 0.3);
    return true;
  }
  // a street address has words ("221 Baker Street"); one token of letters and digits in an
  // address column is another kind of address (MAC, IPv6, wallet, URL), left to the token walk
  if (letters >= 4 && digits >= 1 && b - a >= 8 && spaces > 0) {
    e.emit(T.address, a, b, 0.5);
    return true;
  }
  return false;
}

function sequence(s: string, a: number, b: number): boolean {
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p) | 32;
    if (c !== 97 && c !== 99 && c !== 103 && c !== 116 && c !== 110) return false;
  }
  return true;
}

/** This module's tables, for the WebAssembly port (src/scan/wasm/wasm-engine.ts). */
export const VALUE_LEVEL_TABLES = { NOT_A_NAME: NOT_A_NAME_WORDS } as const;

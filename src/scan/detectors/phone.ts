/**
 * Phone numbers. The common shapes are validated structurally in the hot path (NANP,
 * mainland mobile and landline); any other `+<country>` number is checked against
 * libphonenumber-js's metadata (see {@link intlValid}).
 */
import { createRequire } from 'node:module';
import { CN_MOBILE_PREFIXES, current } from './params.js';

// libphonenumber-js is loaded on first need, not at start-up: importing its `max` build costs
// ~110 ms of CPU, and most scans need only its metadata (intlValid) or nothing of it.
const require = createRequire(import.meta.url);
type ParsePhone = typeof import('libphonenumber-js/max').parsePhoneNumberFromString;
let parsePhone: ParsePhone | undefined;
function parsePhoneNumberFromString(text: string): ReturnType<ParsePhone> {
  parsePhone ??= (require('libphonenumber-js/max') as typeof import('libphonenumber-js/max')).parsePhoneNumberFromString;
  return parsePhone(text);
}

/** Listed three-digit segments (1) and three-digit heads of listed five-digit blocks (2). */
const CN_PREFIX = new Uint8Array(1000);
const CN_PREFIX5 = new Set<number>();
for (const p of current(CN_MOBILE_PREFIXES)) {
  if (p.length === 3) CN_PREFIX[Number(p)] = 1;
  else {
    CN_PREFIX5.add(Number(p));
    CN_PREFIX[Number(p.slice(0, 3))] ||= 2;
  }
}

/** 11 digits in `d` (values 0–9) from `at`: 1[3-9]x… → 0 not mobile, 1 recall tier, 2 known segment. */
export function cnMobileTier(d: ArrayLike<number>, at: number): 0 | 1 | 2 {
  if (d[at] !== 1) return 0;
  const second = d[at + 1]!;
  if (second < 3) return 0;
  const p = CN_PREFIX[100 + second * 10 + d[at + 2]!]!;
  if (p === 2) return CN_PREFIX5.has(10000 + second * 1000 + d[at + 2]! * 100 + d[at + 3]! * 10 + d[at + 4]!) ? 2 : 1;
  return p ? 2 : 1;
}

/**
 * NANP (+1) structure: NPA [2-9]XX not N11 and not 555 / 9XX-reserved 950+? kept simple,
 * NXX [2-9]XX not N11. 10 digits in `d` from `at`.
 */
export function nanpValid(d: ArrayLike<number>, at: number): boolean {
  const a0 = d[at]!;
  const a1 = d[at + 1]!;
  const a2 = d[at + 2]!;
  const e0 = d[at + 3]!;
  const e1 = d[at + 4]!;
  const e2 = d[at + 5]!;
  if (a0 < 2 || e0 < 2) return false;
  if (a1 === 1 && a2 === 1) return false;
  if (e1 === 1 && e2 === 1) return false;
  if (a1 === 9) return false; // N9X area codes are reserved for expansion
  if (a0 === 3 && a1 === 7) return false; // 37X reserved
  if (a0 === 9 && a1 === 6) return false; // 96X reserved
  return true;
}

/** Canadian NPAs (the rest of NANP outside the US is resolved by libphonenumber, once per NPA). */
const CA_NPA = new Set([
  204, 226, 236, 249, 250, 257, 263, 289, 306, 343, 354, 365, 367, 368, 382, 387, 403, 416, 418, 428, 431, 437, 438, 450, 460, 468, 474, 506, 514, 519, 548,
  579, 581, 584, 587, 604, 613, 639, 647, 672, 683, 705, 709, 742, 753, 778, 780, 782, 807, 819, 825, 867, 873, 879, 902, 905, 942,
]);
/** NPAs of other NANP countries and territories (Caribbean, Pacific). */
const OTHER_NANP = new Set([242, 246, 264, 268, 284, 340, 345, 441, 473, 649, 658, 664, 670, 671, 684, 721, 758, 767, 784, 787, 809, 829, 849, 868, 869, 876, 939]);
const npaCountry = new Map<number, string | undefined>();

/** Country of a NANP number (10 digits in `d` from `at`). */
export function nanpCountry(d: ArrayLike<number>, at: number): string | undefined {
  const npa = d[at]! * 100 + d[at + 1]! * 10 + d[at + 2]!;
  if (CA_NPA.has(npa)) return 'CA';
  if (!OTHER_NANP.has(npa)) return 'US';
  if (npaCountry.has(npa)) return npaCountry.get(npa);
  let digits = '';
  for (let k = 0; k < 10; k++) digits += String(d[at + k]);
  const country = parsePhoneNumberFromString(`+1${digits}`)?.country;
  npaCountry.set(npa, country);
  return country;
}

/** Mainland landline: 0 + 2–3 digit area code + 7–8 digit local number starting 2–8. */
export function cnLandlineValid(d: ArrayLike<number>, at: number, areaLen: number, localLen: number): boolean {
  if (d[at] !== 0 || d[at + 1] === 0) return false;
  if (areaLen === 3 && d[at + 1] !== 1 && d[at + 1] !== 2) return false; // 010, 02X
  if (areaLen === 4 && (d[at + 1] === 1 || d[at + 1] === 2)) return false;
  if (areaLen !== 3 && areaLen !== 4) return false;
  if (localLen !== 7 && localLen !== 8) return false;
  const l0 = d[at + areaLen]!;
  return l0 >= 2 && l0 <= 8;
}

export interface IntlPhone {
  readonly country: string | undefined;
  readonly e164: string;
}

/**
 * libphonenumber-js's own metadata (max), read once: calling code → regions, and per region
 * the national-number pattern and possible lengths. Matching a number against them is what
 * the library's validity check comes down to, without its ~20 µs of parsing per call.
 */
type PlanTuple = [string, string, string, number[]?, ...unknown[]];
interface MetadataJson {
  readonly country_calling_codes: Readonly<Record<string, readonly string[]>>;
  readonly countries: Readonly<Record<string, PlanTuple>>;
}
let metadata: MetadataJson | undefined;
/** The metadata, parsed on first use (a 150 kB JSON file). */
function meta(): MetadataJson {
  return (metadata ??= require('libphonenumber-js/metadata.max.json') as MetadataJson);
}
const patterns = new Map<string, { re: RegExp; lengths: readonly number[] | undefined }>();
function plan(region: string): { re: RegExp; lengths: readonly number[] | undefined } | undefined {
  let p = patterns.get(region);
  if (!p) {
    const t = meta().countries[region];
    if (!t) return undefined;
    p = { re: new RegExp(`^(?:${t[2]})$`), lengths: Array.isArray(t[3]) ? t[3] : undefined };
    patterns.set(region, p);
  }
  return p;
}

/**
 * A `+<calling code><national number>` number given as its digits (without '+'): valid when
 * the national number fits a region of that calling code (its pattern and possible
 * lengths). Returns the region, main region first for shared codes.
 */
export function intlValid(digits: string): IntlPhone | undefined {
  if (digits.length < 7 || digits.length > 15) return undefined;
  for (let cl = 1; cl <= 3; cl++) {
    const regions = meta().country_calling_codes[digits.slice(0, cl)];
    if (!regions) continue;
    const national = digits.slice(cl);
    for (const region of regions) {
      if (region === '001') continue;
      const p = plan(region);
      if (!p) continue;
      if (p.lengths && !p.lengths.includes(national.length)) continue;
      if (p.re.test(national)) return { country: region, e164: `+${digits}` };
    }
    return undefined;
  }
  return undefined;
}

/** This module's tables, for the WebAssembly port (src/scan/wasm/wasm-engine.ts writes them; sets as sorted arrays). */
export const PHONE_TABLES = {
  CN_PREFIX,
  CN_PREFIX5: [...CN_PREFIX5].sort((a, b) => a - b),
  CA_NPA: [...CA_NPA].sort((a, b) => a - b),
  OTHER_NANP: [...OTHER_NANP].sort((a, b) => a - b),
} as const;

/**
 * The single-pass detector engine.
 *
 * One left-to-right walk over a field value `s[from, to)` (the value may sit inside a larger
 * string: readers pass ranges of their buffer, so no substring is made per field):
 *
 * - an ASCII class table sorts each character; a maximal run of [A-Za-z0-9] is a token,
 *   classified from counts gathered during the walk (digits, letters, hex-only);
 * - digit tokens may chain across single separators (`-` ` ` `.` `/`) into groups that the
 *   shape matchers read (IPv4, dates, decimals and coordinate pairs, SSN 3-2-4, mobile
 *   3-4-4, cards 4-4-4-4, phones 3-3-4);
 * - `@` starts an e-mail (expand left ≤ 64, right ≤ 253), `:` an IPv6 run, `+` / `(` a phone,
 *   a Han character a plate, an address run or a name after a keyword, a tab a genomic line;
 * - only candidates are validated (checksums, ranges, calendars) and only they may look
 *   back at the text before them for keywords.
 *
 * Every step moves forward or expands by a bounded amount inside a region that is then
 * skipped, so the walk is linear in the value length whatever the input (no regular
 * expressions in the hot path).
 *
 * Hits go into a reusable {@link Hits} buffer; overlaps are resolved at the end (higher
 * confidence wins, then the longer span).
 */
import { Buffer } from 'node:buffer';
import type { DetectionType } from '../core/types.js';
import * as typesModule from '../core/types.js';
import * as checksumsModule from './checksums.js';
import * as cnModule from './cn.js';
import * as decimalsModule from './decimals.js';
import type { FieldContext } from './field-context.js';
import * as fieldContextModule from './field-context.js';
import * as ibanModule from './iban.js';
import * as keywordsModule from './keywords.js';
import * as paramsModule from './params.js';
import * as phoneModule from './phone.js';
import * as valueLevelModule from './value-level.js';

// Imports are read into locals once: under test transforms every access to an imported
// binding is a getter call, which the hot loops cannot afford.
const { DETECTION_TYPES, TYPE_INFO } = typesModule;
const { abaValid, base58CheckVersion, bech32Valid, eip55, hkidValid, ibanMod97Valid, isBase58Char, luhnDigits, luhnValid, twIdValid, usccValid } = checksumsModule;
const { COMPOUND_SURNAMES, HAN, HAN_ADMIN, HAN_COMPOUND, HAN_KEY, HAN_PLATE, HAN_STREET, HAN_SURNAME, NAME_KEYWORDS, isNameEnd, notNameWordAt, addressIn, cnId15Valid, cnId18Valid, daysIn, isAddressChar, isHan, isPlateChar, plateAt, startsWithAny, validBirthDate, validProvince } = cnModule;
const { absAbove, isZeroDecimal } = decimalsModule;
const { typeBit } = fieldContextModule;
const { IBAN_LENGTH } = ibanModule;
const { KEYWORDS, NEGATIVE_KEYWORDS, matchesLower } = keywordsModule;
const { ABA_FIRST_DIGITS, CN_PASSPORT_FORMATS, GENOMIC_MIN_BASES, ITIN_GROUPS, SSN_RULES, TEST_CARD_NUMBERS, UNIONPAY_NON_LUHN, current, geoMinDecimals } = paramsModule;
const { cnLandlineValid, cnMobileTier, intlValid, nanpCountry, nanpValid } = phoneModule;
const { VALUE_LEVEL_BITS, valueLevel } = valueLevelModule;

// --- character classes -------------------------------------------------------------------------
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
const HEX = 8;
const ALNUM = DIGIT | UPPER | LOWER;
const CLS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLS[c] = DIGIT | HEX;
for (let c = 65; c <= 90; c++) CLS[c] = UPPER | (c <= 70 ? HEX : 0);
for (let c = 97; c <= 122; c++) CLS[c] = LOWER | (c <= 102 ? HEX : 0);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => c < 128 && (CLS[c]! & ALNUM) !== 0;
const isHexC = (c: number): boolean => c < 128 && (CLS[c]! & HEX) !== 0;

// --- confidence model ------------------------------------------------------------------------
/** Field name says this type: noisy-OR with this weight. */
export const FIELD_WEIGHT = 0.8;
/** A keyword shortly before the match: noisy-OR with this weight. */
export const KEYWORD_WEIGHT = 0.6;
/** Field or preceding words name a thing (order no., SKU …): multiply by this. */
export const NEGATIVE_FACTOR = 0.5;
/** At or above this base, a detector is sure enough that keywords are not looked up. */
const SURE = 0.9;

const or = (a: number, w: number): number => 1 - (1 - a) * (1 - w);

// --- parameters resolved once --------------------------------------------------------------------
const GEO_DEC = geoMinDecimals();
const GENOMIC_MIN = current(GENOMIC_MIN_BASES);
const UNIONPAY_LOOSE = current(UNIONPAY_NON_LUHN);
const SSN = current(SSN_RULES);
/** Publicly known SSNs as numbers (the hot path compares 9 digits without making a string). */
const SSN_PUBLIC = new Set(SSN.knownPublic.map(Number));
/** Published prefixes (987-65-432x, the SSA's advertising block) as [value, 10^(digits after it)]. */
const SSN_PUBLIC_PREFIX = SSN.knownPublicPrefixes.map((p) => [Number(p), 10 ** (9 - p.length)] as const);
const ITIN = current(ITIN_GROUPS);
/**
 * Published test card numbers keyed by the value of their first 15 digits (exact: 10^15 < 2^53),
 * with the whole numbers to compare: a candidate that passed Luhn is looked up without a string.
 */
const TEST_PANS = new Map<number, string[]>();
for (const pan of current(TEST_CARD_NUMBERS)) {
  const key = Number(pan.slice(0, 15));
  const list = TEST_PANS.get(key);
  if (list) list.push(pan);
  else TEST_PANS.set(key, [pan]);
}
const PASSPORT_SHAPES = current(CN_PASSPORT_FORMATS);
/** ABA routing first digits allowed (index 0–9 → 1). */
const ABA_FIRST = Uint8Array.from({ length: 10 }, (_, d) => (current(ABA_FIRST_DIGITS).includes(d) ? 1 : 0));

/** Reusable hit buffer (parallel arrays, no allocation per hit). Offsets are absolute in `s`. */
export class Hits {
  n = 0;
  /** Type code (index in DETECTION_TYPES). */
  ti: number[] = [];
  start: number[] = [];
  end: number[] = [];
  conf: number[] = [];
  jur: (string | undefined)[] = [];

  reset(): void {
    this.n = 0;
  }

  add(ti: number, start: number, end: number, conf: number, jur: string | undefined): void {
    const k = this.n++;
    this.ti[k] = ti;
    this.start[k] = start;
    this.end[k] = end;
    this.conf[k] = conf;
    this.jur[k] = jur;
  }

  /** Sort by start and drop overlaps: the higher confidence wins, then the longer span. */
  resolve(): void {
    const n = this.n;
    if (n < 2) return;
    // insertion sort by start (n is small)
    for (let i = 1; i < n; i++) {
      let j = i;
      while (j > 0 && this.start[j - 1]! > this.start[j]!) {
        this.swap(j, j - 1);
        j--;
      }
    }
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (w > 0 && this.start[i]! < this.end[w - 1]!) {
        const p = w - 1;
        const better =
          this.conf[i]! > this.conf[p]! || (this.conf[i] === this.conf[p] && this.end[i]! - this.start[i]! > this.end[p]! - this.start[p]!);
        if (better) this.copy(i, p);
        continue;
      }
      if (w !== i) this.copy(i, w);
      w++;
    }
    this.n = w;
  }

  private swap(a: number, b: number): void {
    [this.ti[a], this.ti[b]] = [this.ti[b]!, this.ti[a]!];
    [this.start[a], this.start[b]] = [this.start[b]!, this.start[a]!];
    [this.end[a], this.end[b]] = [this.end[b]!, this.end[a]!];
    [this.conf[a], this.conf[b]] = [this.conf[b]!, this.conf[a]!];
    [this.jur[a], this.jur[b]] = [this.jur[b], this.jur[a]];
  }

  private copy(from: number, to: number): void {
    this.ti[to] = this.ti[from]!;
    this.start[to] = this.start[from]!;
    this.end[to] = this.end[from]!;
    this.conf[to] = this.conf[from]!;
    this.jur[to] = this.jur[from];
  }
}

/** Type codes: the index of each type in DETECTION_TYPES (the hot path never looks types up by name). */
export const T = Object.fromEntries(DETECTION_TYPES.map((t, i) => [t, i])) as Readonly<Record<DetectionType, number>>;
const TYPE_BIT = Object.fromEntries(DETECTION_TYPES.map((t) => [t, typeBit(t)])) as Readonly<Record<DetectionType, number>>;
const BIT = Int32Array.from(DETECTION_TYPES, (t) => typeBit(t));
const JUR = DETECTION_TYPES.map((t) => TYPE_INFO[t].jurisdiction);
const KW = DETECTION_TYPES.map((t) => KEYWORDS[t]);
/** Types whose confidence a preceding "order / invoice / …" lowers (bare numbers). */
const NEGATABLE: readonly DetectionType[] = ['cn_mobile', 'phone', 'payment_card', 'imei', 'us_ssn', 'us_itin', 'aba_routing', 'cn_resident_id', 'us_passport', 'cn_passport', 'hk_id', 'tw_id', 'cn_uscc'];
const NEG = Uint8Array.from(DETECTION_TYPES, (t) => (NEGATABLE.includes(t) ? 1 : 0));

/**
 * Full-width forms (U+FF00 + i) read as ASCII: 1 = mapped, 2 = also starts a narrowed reading
 * (digits, letters, ＠). Mapped: the digits, letters and ＠ ＋ － ． ／ （ ）.
 */
const WIDE = new Uint8Array(0x5f);
const WIDE_MAPPED = 1;
const WIDE_TRIGGER = 2;
for (let c = 0x10; c <= 0x19; c++) WIDE[c] = WIDE_MAPPED | WIDE_TRIGGER;
for (let c = 0x21; c <= 0x3a; c++) WIDE[c] = WIDE_MAPPED | WIDE_TRIGGER;
for (let c = 0x41; c <= 0x5a; c++) WIDE[c] = WIDE_MAPPED | WIDE_TRIGGER;
WIDE[0x20] = WIDE_MAPPED | WIDE_TRIGGER; // ＠
for (const c of [0x0b, 0x0d, 0x0e, 0x0f, 0x08, 0x09]) WIDE[c] = WIDE_MAPPED; // ＋ － ． ／ （ ）

// Chain of digit groups (shared scratch; the engine is synchronous and not re-entrant).
const MAX_GROUPS = 12;
const gS = new Int32Array(MAX_GROUPS);
const gE = new Int32Array(MAX_GROUPS);
const gSep = new Int32Array(MAX_GROUPS);
/** Digit values of a phone / card candidate. */
const dig = new Int8Array(32);

export class Engine {
  s = '';
  from = 0;
  to = 0;
  ctx!: FieldContext;
  minConf = 0.5;
  readonly hits = new Hits();
  /** End of the last address run examined (Han runs are looked at once). */
  private hanDone = 0;
  private tabDone = false;
  /**
   * Where `s` starts in the caller's string: 0, except after a value with full-width forms was
   * read through its ASCII twins (then `s` is that value alone, narrowed, and `offset` is where
   * it started). Hits are always in the caller's offsets; `s.slice(a - offset, b - offset)` is
   * the text a hit covers, as the detectors read it.
   */
  offset = 0;
  /** True when `s` is a value narrowed from full-width forms (see `offset`). */
  narrowedValue = false;

  /** Detect in s[from, to) with the field's context. Results in `this.hits` (absolute offsets). */
  scan(s: string, from: number, to: number, ctx: FieldContext, minConf: number): void {
    this.s = s;
    this.from = from;
    this.to = to;
    this.ctx = ctx;
    this.minConf = minConf;
    this.offset = 0;
    this.narrowedValue = false;
    this.hits.reset();
    this.hanDone = from;
    this.tabDone = false;
    if (to <= from) return;
    this.run(s, from, to, ctx);
  }

  private run(s: string, from: number, to: number, ctx: FieldContext): void {
    // (an e-mail, card or IP column has hints too, but none that judges the whole value)
    if ((ctx.hints & VALUE_LEVEL_BITS) !== 0 && valueLevel(this, s, from, to, ctx)) {
      this.hits.resolve();
      return;
    }
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (CLS[c]! & ALNUM) i = this.token(i);
        else if (c === 64 /* @ */) i = this.email(i);
        else if (c === 58 /* : */) i = this.ipv6(i);
        else if (c === 43 /* + */) i = this.plus(i);
        else if (c === 40 /* ( */) i = this.paren(i);
        else if (c === 9 /* tab */ && !this.tabDone) {
          this.tabDone = true;
          this.genomicLine();
          i++;
        } else i++;
      } else if (c >= 0x3400 && c <= 0x9fff) {
        // inside an address run already examined, a Han character that starts neither a
        // plate nor a name keyword has nothing left to do (what han() would conclude)
        if (i < this.hanDone && (HAN[c]! & (HAN_PLATE | HAN_KEY)) === 0) i++;
        else i = this.han(i);
      } else if (c >= 0xff10 && c <= 0xff5a && (WIDE[c - 0xff00]! & WIDE_TRIGGER) !== 0 && !this.narrowedValue) {
        // full-width digits, letters or ＠ (１３８ ００１３ ８０００, ＡＢ１２３): the value is read
        // again through their ASCII twins, one code unit for one, so every offset holds
        this.narrowed(s, from, to, ctx);
        return;
      } else i++;
    }
    this.hits.resolve();
  }

  /**
   * Scans s[from, to) again with full-width digits, letters and the punctuation identifiers are
   * written with (＠ ＋ － ． ／ （ ）) and the ideographic space read as ASCII. Chinese sentence
   * punctuation (：，；！？) stays as it is: read as ASCII it would start other shapes (a colon,
   * an IPv6 run).
   */
  private narrowed(s: string, from: number, to: number, ctx: FieldContext): void {
    // code units into UTF-16LE bytes, decoded once (a string built unit by unit costs ~0.5 µs each)
    const bytes = Buffer.allocUnsafe((to - from) * 2);
    for (let k = from, j = 0; k < to; k++, j += 2) {
      const c = s.charCodeAt(k);
      const a = c >= 0xff00 && c <= 0xff5e && WIDE[c - 0xff00]! !== 0 ? c - 0xfee0 : c === 0x3000 ? 0x20 : c;
      bytes[j] = a & 0xff;
      bytes[j + 1] = a >>> 8;
    }
    const t = bytes.toString('utf16le');
    this.hits.reset();
    this.offset = from;
    this.narrowedValue = true;
    this.s = t;
    this.from = 0;
    this.to = t.length;
    this.hanDone = 0;
    this.tabDone = false;
    this.run(t, 0, t.length, ctx);
    // hits back in the caller's offsets
    const h = this.hits;
    for (let k = 0; k < h.n; k++) {
      h.start[k] = h.start[k]! + from;
      h.end[k] = h.end[k]! + from;
    }
    this.from = from;
    this.to = to;
  }

  /**
   * Confidence after context; emits when at or above the threshold.
   *
   * - The field name says this type: noisy-OR with FIELD_WEIGHT.
   * - Else, when the base alone would not be reported, keywords just before the match in
   *   the same value may lift it (noisy-OR with KEYWORD_WEIGHT).
   * - Bare-number types drop by NEGATIVE_FACTOR in a negative field (order no., SKU …) or
   *   after a negative word ("order", "订单" …).
   */
  emit(ti: number, start: number, end: number, base: number, jur?: string): void {
    const ctx = this.ctx;
    let c = base;
    if (ctx.hints & BIT[ti]!) c = or(c, FIELD_WEIGHT);
    else if (c < this.minConf && start > this.from && KW[ti]?.before(this.s, this.from, start)) c = or(c, KEYWORD_WEIGHT);
    if (NEG[ti] && base < SURE) {
      if (ctx.negative) c *= NEGATIVE_FACTOR;
      else if (start > this.from && NEGATIVE_KEYWORDS.before(this.s, this.from, start)) c *= NEGATIVE_FACTOR;
    }
    if (c < this.minConf) return;
    this.hits.add(ti, start, end, Math.round(c * 1000) / 1000, jur ?? JUR[ti]);
  }

  /** True when the field or the text just before `start` gives context for type `ti`. */
  hasContext(ti: number, start: number): boolean {
    if (this.ctx.hints & BIT[ti]!) return true;
    if (start <= this.from) return false;
    return KW[ti]?.before(this.s, this.from, start) ?? false;
  }

  // -----------------------------------------------------------------------------------------
  // Tokens
  // -----------------------------------------------------------------------------------------

  private token(i: number): number {
    const s = this.s;
    const to = this.to;
    let j = i;
    let digits = 0;
    let upper = 0;
    // counted without branches (hex ids and mixed tokens would mispredict them): the class
    // bits are DIGIT = 1, UPPER = 2, LOWER = 4, HEX = 8; `all` keeps HEX only if every char
    // has it; the lower-case letters are what is left of the length
    let all = HEX;
    while (j < to) {
      const c = s.charCodeAt(j);
      if (c >= 128) break;
      const k = CLS[c]!;
      if ((k & ALNUM) === 0) break;
      digits += k & DIGIT;
      upper += (k >> 1) & 1;
      all &= k;
      j++;
    }
    const hex = all !== 0;
    const len = j - i;
    const lower = len - digits - upper;
    if (hex && j < to) {
      const next = s.charCodeAt(j);
      if (len === 2 && (next === 58 || next === 45)) {
        const e = this.mac(i, next);
        if (e > 0) return e;
      } else if (len === 4 && next === 46) {
        const e = this.macCisco(i);
        if (e > 0) return e;
      } else if (len === 8 && next === 45) {
        const e = this.uuid(i, (upper > 0 ? UPPER : 0) | (lower > 0 ? LOWER : 0));
        if (e > 0) return e;
      }
    }
    if (upper + lower === 0) return this.digitChain(i, j);
    if (digits === 0) return this.word(i, j, upper, lower);
    return this.mixed(i, j, digits, upper, lower);
  }

  // --- pure letters --------------------------------------------------------------------------
  private word(i: number, j: number, upper: number, lower: number): number {
    const s = this.s;
    const len = j - i;
    if (len >= GENOMIC_MIN || (len >= 10 && this.ctx.hints & TYPE_BIT.genomic)) {
      let k = i;
      let seen = 0;
      for (; k < j; k++) {
        const c = s.charCodeAt(k) | 32;
        if (c === 97) seen |= 1;
        else if (c === 99) seen |= 2;
        else if (c === 103) seen |= 4;
        else if (c === 116) seen |= 8;
        else if (c !== 110) break;
      }
      if (k === j && (upper === len || lower === len) && bitCount(seen) >= (len >= GENOMIC_MIN ? 4 : 2)) {
        this.emit(T.genomic, i, j, 0.85);
        return j;
      }
    }
    // English name keywords: "Name: Jane Doe", "Mr. John Smith", "Dear Ann Lee", "Sir John Smith".
    if (len >= 2 && len <= 4) {
      const c0 = s.charCodeAt(i);
      if (c0 === 78 || c0 === 77 || c0 === 68 || c0 === 110 || c0 === 83) this.nameAfterKeyword(i, j);
    }
    return j;
  }

  private nameAfterKeyword(i: number, j: number): void {
    const s = this.s;
    const len = j - i;
    let p = j;
    const keyword = len === 4 && matchesLower(s, i, 'name');
    // a knight's or dame's title goes before a given name and a surname ("Sir John Smith")
    const honorific = !keyword && isOneOf(s, i, len, HONORIFICS);
    /** A title stood between the key and the name ("Name: Dr. Jane Doe"). */
    let titled = false;
    if (keyword) {
      while (p < this.to && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 58 || s.charCodeAt(p) === 61 || s.charCodeAt(p) === 0xff1a)) p++;
      if (p === j) return;
      // a compound key names a person only when its first word says so (first_name, Customer-Name):
      // Bundle-Name, Implementation-Name, job.name name software
      if (i - 1 > this.from && (s.charCodeAt(i - 1) === 45 || s.charCodeAt(i - 1) === 95 || s.charCodeAt(i - 1) === 46)) {
        const w = wordBefore(s, this.from, i - 1);
        if (w < 0 || !isOneOfLower(s, w, i - 1 - w, PERSON_NAME_OWNERS)) return;
      }
      // a title right after the key goes before the name ("Name: Dr. Jane Doe", "name: Sir
      // Elton"): the name is what follows it, as after a title anywhere else
      let t = p;
      while (t < this.to && isLetterC(s.charCodeAt(t))) t++;
      if (t > p && isTitle(s, p, t - p)) {
        if (t < this.to && s.charCodeAt(t) === 46) t++;
        if (t < this.to && s.charCodeAt(t) === 32) p = t + 1;
        else return; // a title with no name after it names no one
        titled = true;
      }
    } else if (isTitle(s, i, len)) {
      // "Sir" and "Dame" are never abbreviated: "Dear Sir. Thank you" ends a salutation
      if (p < this.to && s.charCodeAt(p) === 46 && !honorific) p++;
      if (p < this.to && s.charCodeAt(p) === 32) p++;
      else return;
    } else return;
    // 1–3 capitalised words
    const start = p;
    let words = 0;
    let end = p;
    while (words < 3 && p < this.to) {
      const c = s.charCodeAt(p);
      if (!(c >= 65 && c <= 90)) break;
      let q = p + 1;
      // where the current part of the word starts (after a hyphen or apostrophe)
      let part = p;
      while (q < this.to) {
        const d = s.charCodeAt(q);
        if (d >= 97 && d <= 122) q++;
        else if (d === 39 || d === 45) part = ++q;
        // a capital right after a hyphen or apostrophe goes on the word (Jean-Luc, O'Brien), or
        // after a name prefix (McKenzie, MacDonald, VonRueden, DeShawn, LaToya, DuBois, Brekke-VonRueden)
        else if (d >= 65 && d <= 90 && (q === part || isNamePrefix(s, part, q))) q++;
        else break;
      }
      // a hyphen or apostrophe that ends the word is not part of the name
      while (q > p + 1 && (s.charCodeAt(q - 1) === 45 || s.charCodeAt(q - 1) === 39)) q--;
      if (q - p < 2) break;
      // a word that runs on in letters or digits (CodeQL, Build2) is not a name's
      if (q < this.to && isAlnum(s.charCodeAt(q))) break;
      // a title or salutation before a generic word names no one ("Dear Sir", "Dear Valued
      // Customer", "Dear All"); before another title ("Dear Mr. Smith") that title takes the name
      if ((!keyword || titled) && words === 0 && (isOneOf(s, p, q - p, GENERIC_ADDRESSEES) || isTitle(s, p, q - p))) return;
      // "Dear Sir Or Madam": a conjunction after Sir or Dame joins a second generic word
      if (honorific && words === 0 && isOneOf(s, p, q - p, CONJUNCTIONS)) return;
      words++;
      end = q;
      if (q < this.to && s.charCodeAt(q) === 32) p = q + 1;
      else break;
    }
    // "name: Build and Test", "name: Set up JDK": one capitalised word that a lower-case word
    // goes on from is the start of a phrase (after a title it stays a name: "Mr. Smith updated";
    // before the next key it does too: "first_name: Jane last_name: Doe")
    if (keyword && words === 1 && end + 1 < this.to && s.charCodeAt(end) === 32 && isLowerC(s.charCodeAt(end + 1))) {
      let k = end + 2;
      while (k < this.to && isLowerC(s.charCodeAt(k))) k++;
      const c = k < this.to ? s.charCodeAt(k) : 0;
      if (c !== 58 && c !== 61 && c !== 95 && c !== 0xff1a) return;
    }
    // after Sir or Dame the name is a given name and a surname: one word alone ("Dear Sir
    // Thank you") is not taken for a name
    if (honorific && words < 2) return;
    if (words >= 1) this.emit(T.person_name, start, end, words >= 2 ? 0.75 : 0.6);
  }

  // --- letters and digits --------------------------------------------------------------------
  private mixed(i: number, j: number, digits: number, upper: number, lower: number): number {
    const s = this.s;
    const len = j - i;
    const c0 = s.charCodeAt(i);
    const letters = upper + lower;
    // a MAC written as 12 bare hex digits (D05099844A2A): only with MAC context
    if (len === 12 && (upper === 0 || lower === 0) && hexRun(s, i, j) >= 0 && this.macBare(i, j)) return j;
    // 18 characters: resident ID ending in X, or a USCC.
    if (len === 18) {
      const last = s.charCodeAt(j - 1);
      if (digits === 17 && (last === 88 || last === 120) && cnId18Valid(s, i)) {
        this.emit(T.cn_resident_id, i, j, 0.97);
        return j;
      }
      if (lower === 0 && usccValid(s, i) && usccRegionOk(s, i)) {
        this.emit(T.cn_uscc, i, j, 0.95);
        return j;
      }
    }
    // Ethereum 0x + 40 hex
    if (len === 42 && c0 === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
      if (hexRun(s, i + 2, j) < 0) return j; // an address is 40 hex digits
      // the zero address (burns, contract creation) belongs to no one
      if (digits === 41) {
        let zero = true;
        for (let k = i + 2; k < j && zero; k++) zero = s.charCodeAt(k) === 48;
        if (zero) return j;
      }
      const r = eip55(s, i);
      if (r === 'checksum') this.emit(T.crypto_wallet, i, j, 0.95);
      else if (r === 'plain') this.emit(T.crypto_wallet, i, j, 0.55);
      return j;
    }
    // Bitcoin Base58Check (1… / 3…) and bech32 (bc1…)
    if ((c0 === 49 || c0 === 51) && len >= 26 && len <= 35) {
      let ok = true;
      for (let k = i; k < j && ok; k++) ok = isBase58Char(s.charCodeAt(k));
      // P2PKH (version 0x00) or P2SH (0x05); a '3…' string can also decode to versions 6 and 7
      const v = ok ? base58CheckVersion(s, i, j) : -1;
      if (v === 0 || v === 5) {
        this.emit(T.crypto_wallet, i, j, 0.95);
        return j;
      }
    }
    if ((len === 42 || len === 62) && (c0 | 32) === 98 && (s.charCodeAt(i + 1) | 32) === 99 && s.charCodeAt(i + 2) === 49) {
      if (bech32Valid(s, i, j)) this.emit(T.crypto_wallet, i, j, 0.95);
      return j;
    }
    // IBAN: CC99 + BBAN, compact or in groups of four.
    if (len >= 4 && upper >= 2 && isUpperC(c0) && isUpperC(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3))) {
      const e = this.iban(i, j);
      if (e > 0) return e;
    }
    if (upper > 0 && lower === 0) {
      // in a passport field, a passport shape wins over the (1-in-11) HKID check
      // … and so it does after a passport keyword (护照号码 EC3339775): the HKID check passes one
      // passport number in eleven
      if ((len === 8 || len === 9) && letters <= 2 && (this.ctx.hints & (TYPE_BIT.cn_passport | TYPE_BIT.us_passport) || this.hasContext(T.cn_passport, i) || this.hasContext(T.us_passport, i)) && this.passport(i, j)) return j;
      // HKID: 1–2 letters, 6 digits, check (0–9/A), with or without parentheses.
      const e = this.hkid(i, j, letters);
      if (e > 0) return e;
      // Taiwan ID: letter + [12 89 A-D] + 8 digits.
      if (len === 10 && isUpperC(c0) && digits >= 8 && twIdValid(s, i)) {
        const c1 = s.charCodeAt(i + 1);
        this.emit(T.tw_id, i, j, c1 === 49 || c1 === 50 ? 0.8 : 0.7);
        return j;
      }
      // Passports (context needed).
      if ((len === 8 || len === 9) && letters <= 2) {
        if (this.passport(i, j)) return j;
      }
      // ICD-10 in a health context: A00 … Z99 with optional .x–.xxxx
      if (len >= 3 && len <= 7 && isUpperC(c0) && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2))) {
        return this.icd10(i, j);
      }
    }
    return j;
  }

  private hkid(i: number, j: number, letters: number): number {
    const s = this.s;
    const len = j - i;
    if (letters > 3) return -1;
    const lead = isUpperC(s.charCodeAt(i)) ? (isUpperC(s.charCodeAt(i + 1)) ? 2 : 1) : 0;
    if (lead === 0) return -1;
    // compact: L(L)dddddd C
    if (len === lead + 7) {
      for (let k = i + lead; k < i + lead + 6; k++) if (!isDigit(s.charCodeAt(k))) return -1;
      const ck = s.charCodeAt(j - 1);
      if ((isDigit(ck) || ck === 65) && hkidValid(s, i, lead as 1 | 2, j - 1)) {
        this.emit(T.hk_id, i, j, 0.6);
        return j;
      }
      return -1;
    }
    // L(L)dddddd(C), also in the full-width brackets of Chinese text: A123456（3）
    if (len === lead + 6 && j + 2 < this.to && isOpenParen(s.charCodeAt(j)) && isCloseParen(s.charCodeAt(j + 2))) {
      for (let k = i + lead; k < j; k++) if (!isDigit(s.charCodeAt(k))) return -1;
      const ck = s.charCodeAt(j + 1);
      if ((isDigit(ck) || ck === 65) && hkidValid(s, i, lead as 1 | 2, j + 1)) {
        this.emit(T.hk_id, i, j + 3, 0.85);
        return j + 3;
      }
    }
    return -1;
  }

  private passport(i: number, j: number): boolean {
    const s = this.s;
    const len = j - i;
    for (const shape of PASSPORT_SHAPES) {
      if (shape.length !== len) continue;
      let ok = true;
      for (let k = 0; k < len && ok; k++) {
        const want = shape.charCodeAt(k);
        const c = s.charCodeAt(i + k);
        if (want === 35) ok = isDigit(c);
        else if (want === 64) ok = isUpperC(c) && c !== 73 && c !== 79;
        else ok = c === want;
      }
      if (ok) {
        this.emit(T.cn_passport, i, j, 0.3);
        return true;
      }
    }
    // US passport book: one letter + 8 digits (next-generation numbering).
    if (len === 9 && isUpperC(s.charCodeAt(i))) {
      for (let k = i + 1; k < j; k++) if (!isDigit(s.charCodeAt(k))) return false;
      this.emit(T.us_passport, i, j, 0.25);
      return true;
    }
    return false;
  }

  private icd10(i: number, j: number): number {
    const s = this.s;
    let end = j;
    // dotted form: the token is "E11", then ".9" / ".65" / ".A1"
    if (j - i === 3 && j + 1 < this.to && s.charCodeAt(j) === 46 && isAlnum(s.charCodeAt(j + 1))) {
      let q = j + 1;
      while (q < this.to && q - j <= 5 && isAlnum(s.charCodeAt(q))) q++;
      if (q - j - 1 > 4 || (q < this.to && isAlnum(s.charCodeAt(q)))) return j;
      end = q;
    } else if (j - i > 3) {
      // undotted E119: the rest is alphanumeric, at most 4
      for (let k = i + 3; k < j; k++) if (!isAlnum(s.charCodeAt(k))) return j;
    }
    // a piece of a base64 / base64url run (a JWT, a key) is cut out by _ + / -, and its context
    // words are letters of the run (…cDX11aB…_J22N83R reads "dx" before J22N83R)
    const b = i > this.from ? s.charCodeAt(i - 1) : 0;
    if (b === 95 || b === 43 || b === 47 || b === 45) return end;
    if (this.hasContext(T.icd10, i)) this.emit(T.icd10, i, end, 0.75);
    return end;
  }

  private iban(i: number, j: number): number {
    const s = this.s;
    const want = IBAN_LEN[(s.charCodeAt(i) - 65) * 26 + (s.charCodeAt(i + 1) - 65)]!;
    if (want === 0) return -1;
    let end = j;
    let n = j - i;
    const sep = j < this.to ? s.charCodeAt(j) : 0;
    if (n === 4 && (sep === 32 || sep === 45)) {
      // grouped: "GB82 WEST 1234 5698 7654 32", or with dashes (one separator throughout)
      let p = j;
      while (n < want && p + 1 < this.to && s.charCodeAt(p) === sep && isAlnum(s.charCodeAt(p + 1))) {
        let q = p + 1;
        while (q < this.to && q - p <= 5 && isAlnum(s.charCodeAt(q))) q++;
        const g = q - p - 1;
        if (g > 4) break;
        n += g;
        p = q;
        end = q;
        if (g < 4) break;
      }
    }
    if (n !== want) return -1;
    // a dashed chain that goes on is some longer code
    if (sep === 45 && end > j && end + 1 < this.to && s.charCodeAt(end) === 45 && isAlnum(s.charCodeAt(end + 1))) return -1;
    if (!ibanMod97Valid(s, i, end)) return -1;
    this.emit(T.iban, i, end, 0.95);
    return end;
  }

  // --- MAC, UUID -----------------------------------------------------------------------------
  private mac(i: number, sep: number): number {
    const s = this.s;
    const end = i + 17;
    if (end > this.to) return -1;
    let allF = true;
    let all0 = true;
    for (let k = 0; k < 17; k++) {
      const c = s.charCodeAt(i + k);
      if (k % 3 === 2) {
        if (c !== sep) return -1;
      } else {
        if (!isHexC(c)) return -1;
        if ((c | 32) !== 102) allF = false;
        if (c !== 48) all0 = false;
      }
    }
    if (end < this.to && (isAlnum(s.charCodeAt(end)) || s.charCodeAt(end) === sep)) return -1;
    if (allF || all0) return end;
    this.emit(T.mac_address, i, end, 0.85);
    return end;
  }

  private macCisco(i: number): number {
    const s = this.s;
    const end = i + 14;
    if (end > this.to) return -1;
    for (let k = 0; k < 14; k++) {
      const c = s.charCodeAt(i + k);
      if (k === 4 || k === 9) {
        if (c !== 46) return -1;
      } else if (!isHexC(c)) return -1;
    }
    if (end < this.to && (isAlnum(s.charCodeAt(end)) || s.charCodeAt(end) === 46)) return -1;
    this.emit(T.mac_address, i, end, 0.7);
    return end;
  }

  /**
   * 12 hex digits s[i, j) as a MAC address, in a MAC field or after a MAC keyword; not inside
   * a longer dotted, colon or dash form, and not the broadcast or all-zero address.
   */
  private macBare(i: number, j: number): boolean {
    const s = this.s;
    const b = i > this.from ? s.charCodeAt(i - 1) : 0;
    const a = j < this.to ? s.charCodeAt(j) : 0;
    if (b === 46 || b === 58 || b === 45 || a === 46 || a === 58 || a === 45) return false;
    if (!this.hasContext(T.mac_address, i)) return false;
    let allF = true;
    let all0 = true;
    for (let k = i; k < j; k++) {
      const c = s.charCodeAt(k);
      if ((c | 32) !== 102) allF = false;
      if (c !== 48) all0 = false;
    }
    if (allF || all0) return true;
    this.emit(T.mac_address, i, j, 0.4);
    return true;
  }

  /** A UUID at i, whose first group (8 hex digits, letters of case bits `first`) the token walk read. */
  private uuid(i: number, first: number): number {
    const s = this.s;
    const end = i + 36;
    if (end > this.to) return -1;
    if (s.charCodeAt(i + 8) !== 45 || s.charCodeAt(i + 13) !== 45 || s.charCodeAt(i + 18) !== 45 || s.charCodeAt(i + 23) !== 45) return -1;
    // 8-4-4-4-12 hex digits; the case bits (UPPER / LOWER) of their letters, or -1
    const cases = first | hexRun(s, i + 9, i + 13) | hexRun(s, i + 14, i + 18) | hexRun(s, i + 19, i + 23) | hexRun(s, i + 24, end);
    if (cases < 0) return -1;
    if (end < this.to && isAlnum(s.charCodeAt(end))) return -1;
    if (cases & UPPER && cases & LOWER) return end;
    // the nil UUID is what a device gives in place of its ad ID when tracking is limited or
    // not authorised: it is the same on every device and identifies no one
    if (cases === 0 && isNilUuid(s, i)) return end;
    // IDFA and GAID are UUIDs: only an advertising context says which UUIDs are ad IDs.
    if (this.hasContext(T.advertising_id, i)) this.emit(T.advertising_id, i, end, 0.75);
    return end;
  }

  // -----------------------------------------------------------------------------------------
  // Digit chains
  // -----------------------------------------------------------------------------------------

  private digitChain(i: number, j: number): number {
    const s = this.s;
    const to = this.to;
    // "1990年…" : Chinese date
    if (j - i === 4 && j < to && s.charCodeAt(j) === 0x5e74) return this.cnDate(i, j);
    // a fraction part or a dotted tail of something before (e.g. v1.2.3)
    if (i - 1 > this.from) {
      const b = s.charCodeAt(i - 1);
      if (b === 46 && isAlnum(s.charCodeAt(i - 2))) return this.skipChain(j);
      if (b === 44 && j - i === 3 && isDigit(s.charCodeAt(i - 2))) return this.skipChain(j);
    }
    let g = 0;
    gS[0] = i;
    gE[0] = j;
    gSep[0] = 0;
    let p = j;
    while (g < MAX_GROUPS - 1 && p + 1 < to) {
      const sc = s.charCodeAt(p);
      if (sc !== 32 && sc !== 45 && sc !== 46 && sc !== 47) break;
      if (!isDigit(s.charCodeAt(p + 1))) break;
      let q = p + 1;
      while (q < to && isDigit(s.charCodeAt(q))) q++;
      if (q < to && isAlnum(s.charCodeAt(q))) break; // "12 34ab": not a digit group
      g++;
      gS[g] = p + 1;
      gE[g] = q;
      gSep[g] = sc;
      p = q;
    }
    const last = g;
    // one group alone (an order number, an amount's integer part …) has no multi-group shape
    if (last === 0) {
      this.bare(i, j, 0, 0);
      return j;
    }
    let k = 0;
    let end = gE[last]!;
    while (k <= last) {
      const e = this.groupsAt(k, last);
      if (e < 0) {
        this.bare(gS[k]!, gE[k]!, k, last);
        k++;
        continue;
      }
      if (e > gE[last]!) end = e;
      while (k <= last && gS[k]! < e) k++;
    }
    return end;
  }

  private skipChain(j: number): number {
    let p = j;
    const s = this.s;
    while (p < this.to && (isDigit(s.charCodeAt(p)) || s.charCodeAt(p) === 46)) p++;
    return p;
  }

  /** Try the multi-group shapes at group k. Returns the absolute end consumed, or -1. */
  private groupsAt(k: number, last: number): number {
    const s = this.s;
    const n = last - k + 1;
    if (n < 2) return -1; // every shape below has two groups or more
    const L0 = gE[k]! - gS[k]!;
    const sep1 = n > 1 ? gSep[k + 1]! : 0;
    if (n >= 3 && sep1 === 46 && L0 === 3 && len(k + 1) === 3 && len(k + 2) === 4 && gSep[k + 2] === 46 && (n === 3 || gSep[k + 3] !== 46)) {
      // NANP written with dots: 415.555.2671
      if (this.nanp(k, gS[k]!)) return gE[k + 2]!;
    }
    if (n >= 2 && sep1 === 46) {
      // IPv4
      if (n >= 4 && gSep[k + 2] === 46 && gSep[k + 3] === 46 && (n === 4 || gSep[k + 4] !== 46)) {
        if (this.ipv4(k)) return gE[k + 3]!;
      }
      // decimal: coordinates, or a number to skip
      if (n === 2 || gSep[k + 2] !== 46) return this.decimal(k);
      // a dotted date, Y.M.D or D.M.Y (1990.03.07, 07.03.1990), three groups and no fourth
      if (n === 3 || gSep[k + 3] !== 46) {
        const L1 = len(k + 1);
        const L2 = len(k + 2);
        // an SSN / ITIN written with dots (078.05.1123): only with SSN context
        if (L0 === 3 && L1 === 2 && L2 === 4 && this.ssnItin(gS[k]!, gE[k + 2]!, 0.4)) return gE[k + 2]!;
        if (L1 <= 2 && ((L0 === 4 && L2 <= 2) || (L0 <= 2 && L2 === 4))) {
          const e = this.date(k, L0, L2);
          if (e > 0) return e;
        }
      }
      return gE[k + 1]!;
    }
    if (n >= 3 && sep1 === gSep[k + 2] && sep1 !== 32) {
      // dates Y-M-D, D/M/Y, M/D/Y (also with '.')
      const L1 = gE[k + 1]! - gS[k + 1]!;
      const L2 = gE[k + 2]! - gS[k + 2]!;
      if (L1 <= 2 && ((L0 === 4 && L2 <= 2) || (L0 <= 2 && L2 === 4))) {
        const e = this.date(k, L0, L2);
        if (e > 0) return e;
      }
    }
    if (n >= 2 && sep1 === 47) return -1;
    // SSN / ITIN 3-2-4
    if (n >= 3 && L0 === 3 && (sep1 === 45 || sep1 === 32) && gSep[k + 2] === sep1 && len(k + 1) === 2 && len(k + 2) === 4) {
      if (n === 3 || gSep[k + 3] !== sep1 || len(k + 3) > 4) {
        if (this.ssnItin(gS[k]!, gE[k + 2]!, sep1 === 45 ? 0.85 : 0.65)) return gE[k + 2]!;
      }
    }
    // +86 / 0086 / 86 prefix then mobile 3-4-4 or 11 digits
    if (n >= 2 && (sep1 === 32 || sep1 === 45)) {
      const isCc = (L0 === 2 && num2(s, gS[k]!) === 86) || (L0 === 4 && s.startsWith('0086', gS[k]!));
      if (isCc) {
        const e = this.mobileGroups(k + 1, last, gS[k]!);
        if (e > 0) return e;
      }
    }
    // mainland mobile 3-4-4
    if (n >= 3 && L0 === 3) {
      const e = this.mobileGroups(k, last, gS[k]!);
      if (e > 0) return e;
    }
    // NANP 3-3-4 (optionally 1-3-3-4)
    if (n >= 3 && (sep1 === 45 || sep1 === 46 || sep1 === 32)) {
      if (L0 === 1 && n >= 4 && s.charCodeAt(gS[k]!) === 49 && len(k + 1) === 3 && len(k + 2) === 3 && len(k + 3) === 4 && gSep[k + 2] === gSep[k + 3]) {
        if (this.nanp(k + 1, gS[k]!)) return gE[k + 3]!;
      }
      if (L0 === 3 && len(k + 1) === 3 && len(k + 2) === 4 && gSep[k + 2] === sep1) {
        if (this.nanp(k, gS[k]!)) return gE[k + 2]!;
      }
    }
    // mainland landline 0AA(A)-NNNNNNN(N)
    if (n >= 2 && sep1 === 45 && (L0 === 3 || L0 === 4) && s.charCodeAt(gS[k]!) === 48) {
      const L1 = len(k + 1);
      const d = loadDigits(s, gS[k]!, gE[k + 1]!);
      if (d === L0 + L1 && cnLandlineValid(dig, 0, L0, L1)) {
        this.emit(T.phone, gS[k]!, gE[k + 1]!, 0.75, 'CN');
        return gE[k + 1]!;
      }
    }
    // IMEI as printed on devices: AA-BBBBBB-CCCCCC-D (TAC 2+6, serial 6, Luhn digit), or the
    // 14 digits without the check digit; with IMEI context only (cards and phones share shapes)
    if (n >= 3 && L0 === 2 && (sep1 === 45 || sep1 === 32) && len(k + 1) === 6 && len(k + 2) === 6 && gSep[k + 2] === sep1) {
      const withCheck = n >= 4 && gSep[k + 3] === sep1 && len(k + 3) === 1;
      const last4 = withCheck ? k + 3 : k + 2;
      if ((last4 === last || gSep[last4 + 1] !== sep1) && this.hasContext(T.imei, gS[k]!)) {
        if (!withCheck || luhnValid(s, gS[k]!, gE[last4]!)) {
          this.emit(T.imei, gS[k]!, gE[last4]!, 0.4);
          return gE[last4]!;
        }
      }
    }
    // payment cards in groups: 4-4-4-4(-3), 4-6-5, 4-4-4-2..
    if (n >= 3 && L0 === 4 && (sep1 === 32 || sep1 === 45)) {
      let m = k + 1;
      let total = 4;
      while (m <= last && gSep[m] === sep1 && total < 19) {
        total += len(m);
        m++;
        if (total >= 12 && this.cardGroups(k, m - 1, total)) return gE[m - 1]!;
      }
      // a whole chain of 16–19 digits from 62 that fails Luhn: an older UnionPay debit card,
      // with bank-card context only (as for the bare form in card())
      if (UNIONPAY_LOOSE && total >= 16 && total <= 19 && (m > last || gSep[m] !== sep1) && s.charCodeAt(gS[k]!) === 54 && s.charCodeAt(gS[k]! + 1) === 50) {
        let inner = true;
        for (let g = k + 1; g < m - 1; g++) if (len(g) < 4 || len(g) > 6) inner = false;
        if (inner && this.hasContext(T.payment_card, gS[k]!)) {
          this.emit(T.payment_card, gS[k]!, gE[m - 1]!, 0.35);
          return gE[m - 1]!;
        }
      }
    }
    return -1;
  }

  private cardGroups(k: number, m: number, total: number): boolean {
    // every inner group has 4–6 digits, the last 1–6
    for (let g = k + 1; g < m; g++) if (len(g) < 4 || len(g) > 6) return false;
    if (total < 12 || total > 19) return false;
    const a = gS[k]!;
    const b = gE[m]!;
    // the digits once, then Luhn and the issuer over them
    const n = loadDigits(this.s, a, b);
    if (!luhnDigits(dig, n)) return false;
    if (!cardIssuer(dig, total)) return false;
    // a published test number is nobody's card: consumed, not reported
    if (isTestPan(dig, n)) return true;
    this.emit(T.payment_card, a, b, 0.9);
    return true;
  }

  private mobileGroups(k: number, last: number, spanStart: number): number {
    const s = this.s;
    if (k > last) return -1;
    const sep = gSep[k + 1];
    if (len(k) === 11) {
      loadDigits(s, gS[k]!, gE[k]!);
      const tier = cnMobileTier(dig, 0);
      if (tier > 0 && spanStart !== gS[k]) {
        this.emit(T.cn_mobile, spanStart, gE[k]!, 0.95);
        return gE[k]!;
      }
      return -1;
    }
    if (k + 2 > last || len(k) !== 3 || len(k + 1) !== 4 || len(k + 2) !== 4) return -1;
    if (sep !== 32 && sep !== 45) return -1;
    if (gSep[k + 2] !== sep) return -1;
    if (k + 3 <= last && gSep[k + 3] === sep && len(k + 3) <= 4) return -1;
    loadDigits(s, gS[k]!, gE[k + 2]!);
    const tier = cnMobileTier(dig, 0);
    if (tier === 0) return -1;
    this.emit(T.cn_mobile, spanStart, gE[k + 2]!, spanStart !== gS[k] ? 0.95 : tier === 2 ? 0.85 : 0.6);
    return gE[k + 2]!;
  }

  private nanp(k: number, spanStart: number): boolean {
    const n = loadDigits(this.s, gS[k]!, gE[k + 2]!);
    if (n !== 10 || !nanpValid(dig, 0)) return false;
    const sep = gSep[k + 1];
    this.emit(T.phone, spanStart, gE[k + 2]!, sep === 32 ? 0.6 : 0.75, nanpCountry(dig, 0));
    return true;
  }

  private ipv4(k: number): boolean {
    const s = this.s;
    for (let g = k; g < k + 4; g++) {
      const L = len(g);
      if (L > 3) return false;
      if (L > 1 && s.charCodeAt(gS[g]!) === 48) return false;
      let v = 0;
      for (let q = gS[g]!; q < gE[g]!; q++) v = v * 10 + (s.charCodeAt(q) - 48);
      if (v > 255) return false;
    }
    const a = gS[k]!;
    const b = gE[k + 3]!;
    if (b < this.to && s.charCodeAt(b) === 46 && b + 1 < this.to && isDigit(s.charCodeAt(b + 1))) return false;
    // "v1.2.3.4" / a version column is a version, not an address
    const before = a > this.from ? s.charCodeAt(a - 1) : 0;
    if (before === 118 || before === 86 || this.ctx.version) return false;
    // … and so is one a version word names ("version 2.4.41.1", <version>4.8.1.1</version>,
    // "fixed in 2.12.6.1"): consumed, not reported
    if (versionWordBefore(s, this.from, a)) return true;
    // loopback, unspecified, broadcast and documentation addresses: consumed, not reported
    if (ipv4NoOnes(num(s, a, len(k)), num(s, gS[k + 1]!, len(k + 1)), num(s, gS[k + 2]!, len(k + 2)), num(s, gS[k + 3]!, len(k + 3)))) return true;
    this.emit(T.ip_address, a, b, 0.85);
    return true;
  }

  /** A decimal at group k (integer part k, fraction k+1): coordinate pair or skip. */
  private decimal(k: number): number {
    const s = this.s;
    const intS = gS[k]!;
    const fracE = gE[k + 1]!;
    const end1 = fracE;
    const decs1 = len(k + 1);
    let start = intS;
    if (intS > this.from && s.charCodeAt(intS - 1) === 45) start = intS - 1;
    if (decs1 < GEO_DEC || len(k) > 3) return end1;
    // second number: [,; ]{1,2} then optional '-' then d+.d+
    let p = end1;
    let seps = 0;
    while (p < this.to && seps < 3) {
      const c = s.charCodeAt(p);
      if (c === 44 || c === 59 || c === 32 || c === 0xff0c) {
        p++;
        seps++;
      } else break;
    }
    if (seps === 0) return end1;
    const start2 = p;
    if (p < this.to && s.charCodeAt(p) === 45) p++;
    const i2 = p;
    while (p < this.to && isDigit(s.charCodeAt(p))) p++;
    if (p === i2 || p - i2 > 3 || p >= this.to || s.charCodeAt(p) !== 46) return end1;
    p++;
    const f2 = p;
    while (p < this.to && isDigit(s.charCodeAt(p))) p++;
    if (p - f2 < GEO_DEC) return end1;
    if (p < this.to && (isAlnum(s.charCodeAt(p)) || s.charCodeAt(p) === 46)) return end1;
    // |lat| > 90 or |lng| > 180: not a pair; 0,0 (a placeholder) is consumed unreported
    if (absAbove(s, start, gE[k]!, end1, 90) || absAbove(s, start2, f2 - 1, p, 180)) return end1;
    if (isZeroDecimal(s, start, end1) && isZeroDecimal(s, start2, p)) return p;
    // two fractions of one (latency=0.001234, 0.000567; ratios, load figures) are within a degree
    // of 0,0, open sea: a measurement, unless the text says it is a position
    if (len(k) === 1 && s.charCodeAt(intS) === 48 && f2 - 1 - i2 === 1 && s.charCodeAt(i2) === 48 && !this.hasContext(T.geo_coordinates, start)) return p;
    this.emit(T.geo_coordinates, start, p, 0.8);
    return p;
  }

  /** Y-M-D / D-M-Y / M-D-Y: consumed whatever it is; reported only in a birth context. */
  private date(k: number, L0: number, L2: number): number {
    const s = this.s;
    const a = num(s, gS[k]!, L0);
    const b = num(s, gS[k + 1]!, len(k + 1));
    const c = num(s, gS[k + 2]!, L2);
    let ok: boolean;
    if (L0 === 4) ok = validBirthDate(a, b, c) || validCal(a, b, c);
    else ok = validCal(c, b, a) || validCal(c, a, b);
    if (!ok) return -1;
    const end = gE[k + 2]!;
    const y = L0 === 4 ? a : c;
    const birthOk = L0 === 4 ? validBirthDate(a, b, c) : validBirthDate(c, b, a) || validBirthDate(c, a, b);
    if (birthOk && y >= 1900 && this.hasContext(T.date_of_birth, gS[k]!)) this.emit(T.date_of_birth, gS[k]!, end, 0.75);
    return end;
  }

  private cnDate(i: number, j: number): number {
    // YYYY年M月D日
    const s = this.s;
    let p = j + 1;
    const m0 = p;
    while (p < this.to && isDigit(s.charCodeAt(p)) && p - m0 < 2) p++;
    if (p === m0 || p >= this.to || s.charCodeAt(p) !== 0x6708) return j + 1;
    const month = num(s, m0, p - m0);
    p++;
    const d0 = p;
    while (p < this.to && isDigit(s.charCodeAt(p)) && p - d0 < 2) p++;
    if (p === d0) return p;
    const day = num(s, d0, p - d0);
    if (p < this.to && (s.charCodeAt(p) === 0x65e5 || s.charCodeAt(p) === 0x53f7)) p++;
    const year = num(s, i, 4);
    if (validBirthDate(year, month, day) && this.hasContext(T.date_of_birth, i)) this.emit(T.date_of_birth, i, p, 0.75);
    return p;
  }

  private ssnItin(a: number, b: number, base: number): boolean {
    const n = loadDigits(this.s, a, b);
    if (n !== 9) return false;
    return this.ssnItinDigits(a, b, base);
  }

  /** dig[0..9) loaded. */
  private ssnItinDigits(a: number, b: number, base: number): boolean {
    const area = dig[0]! * 100 + dig[1]! * 10 + dig[2]!;
    const group = dig[3]! * 10 + dig[4]!;
    const serial = dig[5]! * 1000 + dig[6]! * 100 + dig[7]! * 10 + dig[8]!;
    if (group === 0 || serial === 0) return false;
    // published samples and placeholders (one digit nine times) are no one's, in either area
    const whole = area * 1e6 + group * 1e4 + serial;
    if (SSN_PUBLIC.has(whole)) return false;
    for (let k = 0; k < SSN_PUBLIC_PREFIX.length; k++) if (Math.floor(whole / SSN_PUBLIC_PREFIX[k]![1]) === SSN_PUBLIC_PREFIX[k]![0]) return false;
    let same = true;
    for (let k = 1; k < 9; k++) if (dig[k] !== dig[0]) same = false;
    if (same) return false;
    if (dig[0] === 9) {
      if (!inRanges(ITIN, group)) return false;
      this.emit(T.us_itin, a, b, base);
      return true;
    }
    if (inRanges(SSN.invalidAreas, area)) return false;
    this.emit(T.us_ssn, a, b, base);
    return true;
  }

  /** One digit group with nothing around it that made a shape. */
  private bare(a: number, b: number, k: number, last: number): void {
    const s = this.s;
    const L = b - a;
    if (L <= 6) {
      if (k === last && b < this.to && s.charCodeAt(b) === 32) this.street(a, b);
      return;
    }
    if (L < 8 || L > 19) return;
    // a part of a longer grouped number (e.g. "1234 5678 9012 3456 7" not a card) is still
    // scanned on its own; a fraction part is not
    if (k > 0 && gSep[k] === 46) return;
    if (k < last && gSep[k + 1] === 46) return;
    switch (L) {
      case 18:
        if (cnId18Valid(s, a)) this.emit(T.cn_resident_id, a, b, 0.97);
        else if (usccValid(s, a) && usccRegionOk(s, a)) this.emit(T.cn_uscc, a, b, 0.8);
        else if (!(validProvince(s, a) && validBirthDate(num(s, a + 6, 4), num(s, a + 10, 2), num(s, a + 12, 2))) || this.hasContext(T.payment_card, a)) this.card(a, b, L);
        return;
      case 15: {
        const id = cnId15Valid(s, a);
        const luhn = luhnValid(s, a, b);
        const ctx = this.ctx.hints;
        const idContext = id && (ctx & TYPE_BIT.cn_resident_id || this.hasContext(T.cn_resident_id, a));
        if (!idContext && luhn && s.charCodeAt(a) === 51 && (s.charCodeAt(a + 1) === 52 || s.charCodeAt(a + 1) === 55)) {
          this.card(a, b, L);
          return;
        }
        if (id && (!luhn || idContext)) this.emit(T.cn_resident_id, a, b, 0.6);
        else if (luhn) this.emit(T.imei, a, b, 0.55);
        return;
      }
      case 11: {
        loadDigits(s, a, b);
        const tier = cnMobileTier(dig, 0);
        if (tier > 0) this.emit(T.cn_mobile, a, b, tier === 2 ? 0.8 : 0.55);
        return;
      }
      case 12:
        // twelve bare digits are hex too: a MAC with MAC context, else a card
        if (!this.macBare(a, b)) this.card(a, b, L);
        return;
      case 13:
        // 86 + mobile
        if (s.charCodeAt(a) === 56 && s.charCodeAt(a + 1) === 54) {
          loadDigits(s, a + 2, b);
          const tier = cnMobileTier(dig, 0);
          if (tier > 0) {
            this.emit(T.cn_mobile, a, b, tier === 2 ? 0.75 : 0.5);
            return;
          }
        }
        this.card(a, b, L);
        return;
      case 10: {
        loadDigits(s, a, b);
        if (nanpValid(dig, 0)) this.emit(T.phone, a, b, 0.4, nanpCountry(dig, 0));
        return;
      }
      case 9:
        this.nine(a, b);
        return;
      case 8:
        if (validBirthDate(num(s, a, 4), num(s, a + 4, 2), num(s, a + 6, 2)) && this.hasContext(T.date_of_birth, a)) this.emit(T.date_of_birth, a, b, 0.75);
        return;
      case 14:
        if (this.hasContext(T.imei, a)) this.emit(T.imei, a, b, 0.4);
        else this.card(a, b, L);
        return;
      default:
        this.card(a, b, L);
    }
  }

  /**
   * A house number followed by up to four capitalised words, the last a street suffix
   * (USPS Publication 28 names and abbreviations): "221 Baker Street", "12 N Oak Ave.".
   */
  private street(a: number, b: number): void {
    const s = this.s;
    let p = b + 1;
    let words = 0;
    while (words < 5 && p < this.to) {
      const c = s.charCodeAt(p);
      let q = p + 1;
      if (c >= 65 && c <= 90) {
        // a capitalised word; O'Connell, Smith-Jones
        while (q < this.to) {
          const d = s.charCodeAt(q);
          if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || ((d === 39 || d === 45) && q + 1 < this.to && isAlnum(s.charCodeAt(q + 1)))) q++;
          else break;
        }
      } else if (isDigit(c)) {
        // an ordinal: 1st 2nd 3rd 12th
        while (q < this.to && isDigit(s.charCodeAt(q)) && q - p < 4) q++;
        // (nothing past the value: what follows it in the reader's buffer is another field)
        const s1 = q < this.to ? s.charCodeAt(q) | 32 : 32;
        const s2 = q + 1 < this.to ? s.charCodeAt(q + 1) | 32 : 32;
        const ord = (s1 === 115 && s2 === 116) || (s1 === 110 && s2 === 100) || (s1 === 114 && s2 === 100) || (s1 === 116 && s2 === 104);
        if (!ord) return;
        q += 2;
      } else return;
      if (q < this.to && isAlnum(s.charCodeAt(q))) return;
      if (words >= 1 && q - p >= 2 && q - p <= 12 && STREET_SUFFIXES.has(s.slice(p, q))) {
        let end = q;
        // "Ave." keeps its period; the full stop after "Street." is the sentence's
        if (end < this.to && s.charCodeAt(end) === 46 && STREET_ABBREVIATIONS.has(s.slice(p, q))) end++;
        this.emit(T.address, a, end, 0.7);
        return;
      }
      words++;
      if (q >= this.to || s.charCodeAt(q) !== 32) {
        if (q < this.to && s.charCodeAt(q) === 46 && q - p <= 2 && q + 1 < this.to && s.charCodeAt(q + 1) === 32) q++; // "N. Oak"
        else return;
      }
      p = q + 1;
    }
  }

  /** L bare digits s[a, b) (a digit group, nothing else). */
  private card(a: number, b: number, L: number): void {
    if (L < 12 || L > 19) return;
    loadDigits(this.s, a, b);
    if (!cardIssuer(dig, L)) return;
    if (luhnDigits(dig, L)) {
      if (!isTestPan(dig, L)) this.emit(T.payment_card, a, b, L >= 15 ? 0.85 : 0.7);
      return;
    }
    if (UNIONPAY_LOOSE && L >= 16 && dig[0] === 6 && dig[1] === 2 && this.hasContext(T.payment_card, a)) this.emit(T.payment_card, a, b, 0.35);
  }

  /** Nine bare digits: SSN, ITIN, ABA routing or US passport, decided by context. */
  private nine(a: number, b: number): void {
    const ctx = this.ctx.hints;
    loadDigits(this.s, a, b);
    // dig[0..9) is loaded: a listed first digit, not the all-zero placeholder, the 3-7-1 checksum
    if (ABA_FIRST[dig[0]!] === 1 && !allZero(dig, 9) && abaValid(this.s, a) && this.hasContext(T.aba_routing, a)) {
      this.emit(T.aba_routing, a, b, 0.6);
      return;
    }
    if (ctx & TYPE_BIT.aba_routing) return;
    if (ctx & (TYPE_BIT.us_passport | TYPE_BIT.cn_passport) || this.hasContext(T.us_passport, a)) {
      this.emit(T.us_passport, a, b, 0.3);
      return;
    }
    if (this.ssnItinDigits(a, b, 0.4)) return;
  }

  // -----------------------------------------------------------------------------------------
  // Punctuation-triggered detectors
  // -----------------------------------------------------------------------------------------

  /** `@` at i: expand to an e-mail address. */
  private email(at: number): number {
    const s = this.s;
    let a = at;
    while (a > this.from && at - a < 64) {
      const c = s.charCodeAt(a - 1);
      if (isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45) a--;
      else break;
    }
    while (a < at && s.charCodeAt(a) === 46) a++;
    if (a === at || s.charCodeAt(at - 1) === 46) return at + 1;
    // domain: labels of [A-Za-z0-9-] separated by dots
    let p = at + 1;
    let lastDot = -1;
    let labelLen = 0;
    while (p < this.to && p - at <= 253) {
      const c = s.charCodeAt(p);
      if (isAlnum(c) || c === 45) {
        labelLen++;
        p++;
      } else if (c === 46 && labelLen > 0 && p + 1 < this.to && isAlnum(s.charCodeAt(p + 1))) {
        lastDot = p;
        labelLen = 0;
        p++;
      } else break;
    }
    if (lastDot < 0) return p > at + 1 ? p : at + 1;
    // TLD: letters only, 2+
    let tldOk = p - lastDot - 1 >= 2;
    for (let q = lastDot + 1; q < p && tldOk; q++) {
      const c = s.charCodeAt(q);
      tldOk = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    }
    if (!tldOk) return p;
    // a version after a package name (hibernate-core@5.2.18.Final in a purl, spring@5.2.3.RELEASE):
    // a host name does not start with two all-digit labels
    if (digitLabels(s, at + 1, p) >= 2) return p;
    // the user of a URL (git+ssh://git@github.com/…, https://user@host/…) names an account on
    // that host, not a mailbox
    if (a - 3 >= this.from && s.charCodeAt(a - 1) === 47 && s.charCodeAt(a - 2) === 47 && s.charCodeAt(a - 3) === 58) return p;
    this.emit(T.email, a, p, 0.95);
    return p;
  }

  /** `:` at i: an IPv6 address run around it (hex, colons, dots for an embedded IPv4). */
  private ipv6(i: number): number {
    const s = this.s;
    let a = i;
    while (a > this.from && i - a < 40 && (isHexC(s.charCodeAt(a - 1)) || s.charCodeAt(a - 1) === 58)) a--;
    let b = i;
    if (a > this.from && (isAlnum(s.charCodeAt(a - 1)) || s.charCodeAt(a - 1) === 46)) {
      // inside a longer word (key:value, a:b:c…): skip the whole run at once
      while (b < this.to && (isAlnum(s.charCodeAt(b)) || s.charCodeAt(b) === 58)) b++;
      return b;
    }
    // the run forward, counting its colons (and whether two touch) on the way
    let colons = 0;
    let dbl = false;
    let prev = a < i ? s.charCodeAt(i - 1) : 0;
    while (b < this.to && b - a < 45) {
      const c = s.charCodeAt(b);
      if (c === 58) {
        colons++;
        if (prev === 58) dbl = true;
      } else if (!(isHexC(c) || c === 46)) break;
      prev = c;
      b++;
    }
    if (b < this.to && isAlnum(s.charCodeAt(b))) {
      while (b < this.to && (isAlnum(s.charCodeAt(b)) || s.charCodeAt(b) === 58)) b++;
      return b;
    }
    while (b > i && s.charCodeAt(b - 1) === 46) b--;
    // without '::' an address has eight groups, so at least six colons (seven, or six before
    // an embedded IPv4): a time of day "01:36:61" or "a:b" is not checked further
    if (!dbl && colons + colonsIn(s, a, i) < 6) return b;
    // the documentation prefix 2001:db8::/32 (RFC 3849) is no one's: consumed, not reported; so is
    // an IPv4 address that is no one's in IPv6 form (::ffff:127.0.0.1, ::127.0.0.1)
    if (validIpv6(s, a, b) && !ipv6Documentation(s, a, b) && !ipv4EmbeddedNoOnes(s, a, b)) this.emit(T.ip_address, a, b, 0.85);
    return b;
  }

  /** `+` at i: an international phone number. */
  private plus(i: number): number {
    const s = this.s;
    if (i + 1 >= this.to || !isDigit(s.charCodeAt(i + 1))) return i + 1;
    if (i > this.from && isAlnum(s.charCodeAt(i - 1))) return i + 1;
    // gather digit groups separated by one of " -.()" (at most 20 digits)
    let p = i + 1;
    let digits = 0;
    const ends: number[] = [];
    while (p < this.to && digits < 20) {
      const c = s.charCodeAt(p);
      if (isDigit(c)) {
        digits++;
        p++;
        const n = p < this.to ? s.charCodeAt(p) : 0;
        if (!isDigit(n)) ends.push(p);
      } else if ((c === 32 || c === 45 || c === 46 || c === 40 || c === 41) && p + 1 < this.to) {
        const n = s.charCodeAt(p + 1);
        if (isDigit(n) || ((c === 32 || c === 41) && n === 40) || (c === 41 && n === 32) || (c === 40 && isDigit(n))) p++;
        else break;
      } else break;
    }
    if (p < this.to && isAlnum(s.charCodeAt(p))) return p;
    // mainland fast path: +86 1xx…
    loadDigits(s, i + 1, ends[ends.length - 1] ?? p);
    if (dig[0] === 8 && dig[1] === 6) {
      for (let e = ends.length - 1; e >= 0; e--) {
        const n = loadDigits(s, i + 1, ends[e]!);
        if (n === 13 && cnMobileTier(dig, 2) > 0) {
          this.emit(T.cn_mobile, i, ends[e]!, 0.95);
          return ends[e]!;
        }
      }
    }
    if (dig[0] === 1) {
      for (let e = ends.length - 1; e >= 0; e--) {
        const n = loadDigits(s, i + 1, ends[e]!);
        if (n === 11 && nanpValid(dig, 1)) {
          this.emit(T.phone, i, ends[e]!, 0.9, nanpCountry(dig, 1));
          return ends[e]!;
        }
      }
      return p;
    }
    // everything else: libphonenumber metadata, longest first
    for (let e = ends.length - 1; e >= 0; e--) {
      const n = loadDigits(s, i + 1, ends[e]!);
      if (n < 7 || n > 15) continue;
      let digits = '';
      for (let k = 0; k < n; k++) digits += String.fromCharCode(48 + dig[k]!);
      const r = intlValid(digits);
      if (r) {
        this.emit(T.phone, i, ends[e]!, 0.9, r.country);
        return ends[e]!;
      }
    }
    return p;
  }

  /** `(` at i: a NANP number "(415) 555-2671". */
  private paren(i: number): number {
    const s = this.s;
    if (i + 13 > this.to) return i + 1;
    if (!(isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3)) && s.charCodeAt(i + 4) === 41)) return i + 1;
    let p = i + 5;
    if (s.charCodeAt(p) === 32) p++;
    const x = p;
    for (let k = 0; k < 3; k++) if (!isDigit(s.charCodeAt(x + k))) return i + 1;
    const sep = s.charCodeAt(x + 3);
    if (sep !== 45 && sep !== 46 && sep !== 32) return i + 1;
    for (let k = 4; k < 8; k++) if (!isDigit(s.charCodeAt(x + k))) return i + 1;
    const end = x + 8;
    if (end < this.to && isAlnum(s.charCodeAt(end))) return i + 1;
    dig[0] = s.charCodeAt(i + 1) - 48;
    dig[1] = s.charCodeAt(i + 2) - 48;
    dig[2] = s.charCodeAt(i + 3) - 48;
    for (let k = 0; k < 3; k++) dig[3 + k] = s.charCodeAt(x + k) - 48;
    for (let k = 0; k < 4; k++) dig[6 + k] = s.charCodeAt(x + 4 + k) - 48;
    if (!nanpValid(dig, 0)) return end;
    // "+1 (415) …" is handled by `plus`
    this.emit(T.phone, i, end, 0.8, nanpCountry(dig, 0));
    return end;
  }

  // -----------------------------------------------------------------------------------------
  // Han text
  // -----------------------------------------------------------------------------------------

  private han(i: number): number {
    const s = this.s;
    const c = s.charCodeAt(i);
    const h = HAN[c]!;
    if (h & HAN_PLATE && i + 2 < this.to && isUpperC(s.charCodeAt(i + 1)) && (isPlateChar(s.charCodeAt(i + 2)) || s.charCodeAt(i + 2) === 0xb7 || s.charCodeAt(i + 2) === 0x2022 || s.charCodeAt(i + 2) === 32)) {
      const e = plateAt(s, i, this.to);
      if (e > 0) {
        this.emit(T.cn_vehicle_plate, i, e, 0.85);
        return e;
      }
    }
    if (i >= this.hanDone) {
      // the address run: Han, digits, letters, '-', '#' up to punctuation or space
      let r = i + 1;
      let marks = h;
      while (r < this.to && r - i < 120) {
        const d = s.charCodeAt(r);
        if (!isAddressChar(d)) break;
        if (d >= 0x3400 && d <= 0x9fff) marks |= HAN[d]!;
        r++;
      }
      this.hanDone = r;
      // an address needs an administrative and a street marker somewhere in the run
      if (r - i >= 6 && marks & HAN_ADMIN && marks & HAN_STREET) {
        const span = addressIn(s, i, r);
        if (span) this.emit(T.cn_address, span[0], span[1], 0.75);
      }
    }
    if (h & HAN_KEY) return this.hanName(i);
    return i + 1;
  }

  /** 姓名：张三 / 联系人 李四 … */
  private hanName(i: number): number {
    const s = this.s;
    const c1 = s.charCodeAt(i + 1);
    // 姓名 联系人 收件人 收货人 客户 患者 持卡人: check the second character before anything else
    if (c1 !== 0x540d && c1 !== 0x7cfb && c1 !== 0x4ef6 && c1 !== 0x8d27 && c1 !== 0x6237 && c1 !== 0x8005 && c1 !== 0x5361) return i + 1;
    for (const kw of NAME_KEYWORDS) {
      if (!s.startsWith(kw, i)) continue;
      let p = i + kw.length;
      while (p < this.to && (s.charCodeAt(p) === 58 || s.charCodeAt(p) === 0xff1a || s.charCodeAt(p) === 32 || s.charCodeAt(p) === 0x4e3a /* 为 */ || s.charCodeAt(p) === 0x662f /* 是 */)) p++;
      const start = p;
      const c0 = s.charCodeAt(p);
      const compound = c0 < 0x10000 && (HAN[c0]! & HAN_COMPOUND) !== 0 && startsWithAny(s, p, COMPOUND_SURNAMES);
      if (!compound && !(c0 < 0x10000 && HAN[c0]! & HAN_SURNAME)) return i + 1;
      // right after the keyword: a word that starts with a surname character (客户关系, 患者满意度)
      // (not 于 / 向 / 和 alone: 客户于燕, 客户向洁 are names as often as prepositions)
      if (p === i + kw.length && !compound && p + 2 <= this.to && notNameWordAt(s, p)) return i + 1;
      let q = p + (compound ? 2 : 1);
      let given = 0;
      while (q < this.to && given < 2 && isHan(s.charCodeAt(q)) && !(HAN[s.charCodeAt(q)]! & HAN_KEY) && !isNameEnd(s.charCodeAt(q))) {
        q++;
        given++;
      }
      if (given === 0) return i + 1;
      this.emit(T.person_name, start, q, 0.8);
      return q;
    }
    return i + 1;
  }

  // -----------------------------------------------------------------------------------------
  // Genomic lines (tab-separated VCF / SAM / genotype exports)
  // -----------------------------------------------------------------------------------------

  private genomicLine(): void {
    const s = this.s;
    const from = this.from;
    const to = this.to;
    // collect up to 12 tab-separated column bounds
    const cs: number[] = [from];
    for (let p = from; p < to && cs.length < 13; p++) if (s.charCodeAt(p) === 9) cs.push(p + 1);
    const cols = cs.length;
    const col = (k: number): [number, number] => [cs[k]!, k + 1 < cols ? cs[k + 1]! - 1 : to];
    const allIn = (k: number, ok: (c: number) => boolean): boolean => {
      const [a, b] = col(k);
      if (a >= b) return false;
      for (let p = a; p < b; p++) if (!ok(s.charCodeAt(p))) return false;
      return true;
    };
    const base = (c: number): boolean => c === 65 || c === 67 || c === 71 || c === 84 || c === 78;
    const alleles = (c: number): boolean => base(c) || c === 44 || c === 46 || c === 42 || c === 60 || c === 62 || (c >= 65 && c <= 90);
    const digitsOnly = (c: number): boolean => isDigit(c);
    const chrom = (): boolean => {
      const [a, b] = col(0);
      if (b - a < 1 || b - a > 12) return false;
      const t = s.slice(a, b).replace(/^chr/i, '');
      return /^([0-9]{1,2}|X|Y|MT?)$/i.test(t);
    };
    // SAM: QNAME FLAG RNAME POS MAPQ CIGAR RNEXT PNEXT TLEN SEQ QUAL
    if (cols >= 11 && allIn(1, digitsOnly) && allIn(3, digitsOnly) && allIn(4, digitsOnly) && allIn(5, (c) => isDigit(c) || 'MIDNSHP=X*'.includes(String.fromCharCode(c))) && allIn(9, (c) => base(c) || c === 42 || c === 61 || c === 46)) {
      this.emit(T.genomic, from, to, 0.95);
      return;
    }
    // VCF: CHROM POS ID REF ALT …
    if (cols >= 5 && chrom() && allIn(1, digitsOnly) && allIn(3, base) && allIn(4, alleles)) {
      this.emit(T.genomic, from, to, 0.9);
      return;
    }
    // genotype export: rsid CHROM POS GENOTYPE
    if (cols === 4) {
      const [a, b] = col(0);
      const id = s.slice(a, b);
      if (/^(rs|i)\d{2,12}$/.test(id) && allIn(2, digitsOnly) && allIn(3, (c) => base(c) || c === 45 || c === 68 || c === 73)) {
        const [g0, g1] = col(3);
        if (g1 - g0 <= 2) this.emit(T.genomic, from, to, 0.9);
      }
    }
  }
}

/** The abbreviations among STREET_SUFFIXES: a period after one is part of the address. */
const STREET_ABBREVIATIONS = new Set('Aly Ave Av Blvd Ctr Cir Ct Cres Xing Dr Expy Fwy Hts Hwy Jct Ln Pkwy Pl Plz Pt Rd Sq St Ter Trl'.split(' '));

/** Name prefixes written before a capital inside one word: McKenzie, MacDonald, VonRueden, VanDyke, DeShawn, DiMaggio, DuBois, LaToya, LeBlanc. */
const NAME_PREFIXES = ['Mc', 'Mac', 'Von', 'Van', 'De', 'Di', 'Du', 'La', 'Le'];

/** s[p, q) is one of NAME_PREFIXES (compared in place, no string made). */
function isNamePrefix(s: string, p: number, q: number): boolean {
  const n = q - p;
  return n >= 2 && n <= 3 && isOneOf(s, p, n, NAME_PREFIXES);
}

/** Street suffixes, full and abbreviated (USPS Publication 28, Appendix C1, title case). */
const STREET_SUFFIXES = new Set(
  (
    'Alley Aly Annex Arcade Avenue Ave Av Bayou Beach Bend Bluff Bluffs Bottom Boulevard Blvd Branch Bridge Brook Brooks Burg Bypass Camp Canyon ' +
    'Cape Causeway Center Ctr Centre Circle Cir Cliff Cliffs Club Common Corner Corners Course Court Ct Courts Cove Creek Crescent Cres Crest ' +
    'Crossing Xing Curve Dale Dam Divide Drive Dr Drives Estate Estates Expressway Expy Extension Falls Ferry Field Fields Flat Flats Ford ' +
    'Forest Forge Fork Forks Fort Freeway Fwy Garden Gardens Gateway Glen Green Grove Harbor Haven Heights Hts Highway Hwy Hill Hills Hollow ' +
    'Inlet Island Islands Isle Junction Jct Junctions Key Keys Knoll Lake Lakes Landing Lane Ln Light Lights Loaf Lock Locks Lodge Loop Mall ' +
    'Manor Meadow Meadows Mews Mill Mills Mission Motorway Mount Mountain Neck Orchard Oval Overpass Park Parks Parkway Pkwy Pass Path Pike ' +
    'Pine Pines Place Pl Plain Plains Plaza Plz Point Pt Points Port Ports Prairie Radial Ramp Ranch Rapid Rest Ridge Ridges River Road Rd ' +
    'Roads Route Row Run Shoal Shore Shores Skyway Spring Springs Spur Square Sq Squares Station Stravenue Stream Street St Streets Summit ' +
    'Terrace Ter Throughway Trace Track Trafficway Trail Trl Tunnel Turnpike Underpass Union Unions Valley Via Viaduct View Views Village ' +
    'Villages Ville Vista Walk Walks Wall Way Ways Well Wells Glens Centers Greens Groves Harbors Lanes Mounts Orchards Passes Plazas ' +
    'Ranches Rapids Summits Trails Villas Crossroad Crossroads Drives Hollows Parkways Tunnels Turnpikes Vistas ' +
    'Burgs Circles Coves Extensions Fall Fords Forges Knolls Land Manors Mountains Passage Rue Shoals Spurs Trailer Valleys ' +
    // a street named without a suffix, common enough to stand for one
    'Broadway'
  ).split(' '),
);

/** IBAN_LENGTH by country code, indexed (A-Z, A-Z) → 26·first + second; 0 for no IBAN country. */
const IBAN_LEN = new Uint8Array(26 * 26);
for (const [cc, n] of Object.entries(IBAN_LENGTH)) IBAN_LEN[(cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65)] = n;

/** First words of a compound name key (first_name, Customer-Name) that make it a person's (lower case). */
const PERSON_NAME_OWNERS = [
  'first', 'last', 'full', 'given', 'family', 'middle', 'maiden', 'legal', 'real', 'nick', 'sur', 'customer', 'client', 'patient', 'contact',
  'person', 'holder', 'cardholder', 'account', 'member', 'employee', 'guest', 'passenger', 'recipient', 'sender', 'receiver',
  'billing', 'shipping', 'applicant', 'student', 'author', 'owner',
];

/**
 * Words a title or salutation is followed by when it addresses no one person ("Dear Sir",
 * "Dear Madam", "Dear Valued Customer", "Dear Hiring Manager", "Dear All"), as written.
 */
const GENERIC_ADDRESSEES = [
  'Sir', 'Sirs', 'Madam', 'Madame', 'Customer', 'Customers', 'Client', 'Clients', 'Team', 'All', 'Everyone', 'Everybody',
  'Colleague', 'Colleagues', 'Friend', 'Friends', 'Member', 'Members', 'User', 'Users', 'Valued', 'Respected', 'Esteemed',
  'Hiring', 'Recruiter', 'Applicant', 'Candidate', 'Reader', 'Readers', 'Subscriber', 'Subscribers', 'Partner', 'Partners',
  'Supporter', 'Supporters', 'Shareholder', 'Shareholders', 'Parent', 'Parents', 'Guest', 'Guests', 'Student', 'Students',
  'Maintainer', 'Maintainers', 'Contributor', 'Contributors', 'Developer', 'Developers', 'Reviewer', 'Reviewers',
  'Editor', 'Editors', 'Manager', 'Admin', 'Administrator', 'Community', 'Support', 'Sender', 'Recipient', 'Fellow',
];

/** Titles before an English name, as written (case matters: "mr" in text is not a title). */
const TITLES = ['Mr', 'Mrs', 'Ms', 'Dr', 'Miss', 'Dear', 'Sir', 'Dame'];

/**
 * The TITLES of a knight or dame: followed by a given name and a surname ("Sir John Smith") they
 * name that person; alone ("Dear Sir,", "Dear Sir or Madam") they address no one.
 */
const HONORIFICS = ['Sir', 'Dame'];

/** Capitalised conjunctions that join "Sir" to another generic word ("Dear Sir Or Madam"). */
const CONJUNCTIONS = ['Or', 'And'];

// --- small helpers -------------------------------------------------------------------------------

/** Whether the len characters at s[i] are one of TITLES. */
function isTitle(s: string, i: number, len: number): boolean {
  return isOneOf(s, i, len, TITLES);
}

/** Whether the len characters at s[i] are exactly one of `words` (compared in place, no string made). */
function isOneOf(s: string, i: number, len: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.length !== len) continue;
    let q = 0;
    while (q < len && s.charCodeAt(i + q) === w.charCodeAt(q)) q++;
    if (q === len) return true;
  }
  return false;
}
// (plain indexed loops: a callback or a destructuring for-of allocates on every call in the
// hot path, and that garbage was a visible part of a scan's collection time)

/** Whether x is in one of the inclusive [lo, hi] ranges. */
function inRanges(ranges: readonly (readonly [number, number])[], x: number): boolean {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (x >= r[0] && x <= r[1]) return true;
  }
  return false;
}
/** The case bits (UPPER, LOWER) of the letters of s[a, b) when all are hex digits, else -1. */
function hexRun(s: string, a: number, b: number): number {
  let cases = 0;
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    const cl = c < 128 ? CLS[c]! : 0;
    if ((cl & HEX) === 0) return -1;
    cases |= cl;
  }
  return cases & (UPPER | LOWER);
}
/** Whether the 36-character UUID at s[i] is the nil UUID (all 32 hex digits 0). */
function isNilUuid(s: string, i: number): boolean {
  for (let k = i; k < i + 36; k++) {
    const c = s.charCodeAt(k);
    if (c !== 48 && c !== 45) return false;
  }
  return true;
}
/** The colons in s[a, b); 8 (as many as an address has) when two of them touch. */
function colonsIn(s: string, a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) {
    if (s.charCodeAt(k) !== 58) continue;
    if (k > a && s.charCodeAt(k - 1) === 58) return 8;
    n++;
  }
  return n;
}
/** Words that, right before a dotted quad, say it is a version (lower case). */
const VERSION_WORDS = ['version', 'versions', 'ver', 'release', 'build', 'firmware', 'fixed', 'introduced'];
/** Words before "in" that say what follows is a version: "fixed in 2.12.6.1". */
const VERSION_IN_WORDS = ['fixed', 'introduced', 'released', 'patched'];

/**
 * Whether a version word ends right before s[a] (after at most four of space, tab, : = " ' > ,
 * as in `version: `, `"version": "`, `<version>`), or "fixed in" / "introduced in" does.
 */
function versionWordBefore(s: string, from: number, a: number): boolean {
  const p = skipVersionPunct(s, from, a);
  const w = wordBefore(s, from, p);
  if (w < 0) return false;
  if (isOneOfLower(s, w, p - w, VERSION_WORDS)) return true;
  if (p - w === 2 && (s.charCodeAt(w) | 32) === 105 && (s.charCodeAt(w + 1) | 32) === 110) {
    const q = skipVersionPunct(s, from, w);
    if (q === w) return false;
    const v = wordBefore(s, from, q);
    return v >= 0 && isOneOfLower(s, v, q - v, VERSION_IN_WORDS);
  }
  return false;
}
function skipVersionPunct(s: string, from: number, a: number): number {
  let p = a;
  while (p > from && a - p < 4) {
    const c = s.charCodeAt(p - 1);
    if (c === 32 || c === 9 || c === 58 || c === 61 || c === 34 || c === 39 || c === 62) p--;
    else break;
  }
  return p;
}
/** The start of the run of ASCII letters that ends at p, or -1 when none does or it is longer than 12. */
function wordBefore(s: string, from: number, p: number): number {
  let w = p;
  while (w > from && p - w <= 12) {
    const c = s.charCodeAt(w - 1) | 32;
    if (c >= 97 && c <= 122) w--;
    else break;
  }
  return w === p || p - w > 12 ? -1 : w;
}
/** Whether the len characters at s[i], ASCII letters lowered, are one of the lower-case `words`. */
function isOneOfLower(s: string, i: number, len: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.length !== len) continue;
    let q = 0;
    while (q < len && (s.charCodeAt(i + q) | 32) === w.charCodeAt(q)) q++;
    if (q === len) return true;
  }
  return false;
}
/** How many dot-separated labels at the start of the domain s[a, b) are all digits (stops at the first that is not). */
function digitLabels(s: string, a: number, b: number): number {
  let n = 0;
  let p = a;
  while (p < b) {
    const q = p;
    while (p < b && isDigit(s.charCodeAt(p))) p++;
    if (p === q || (p < b && s.charCodeAt(p) !== 46)) return n;
    n++;
    p++;
  }
  return n;
}
/** Whether the first n values of d are all 0. */
function allZero(d: Int8Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (d[k] !== 0) return false;
  return true;
}
function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}
function len(g: number): number {
  return gE[g]! - gS[g]!;
}
/** ( or the full-width （ */
function isOpenParen(c: number): boolean {
  return c === 40 || c === 0xff08;
}
/** ) or the full-width ） */
function isCloseParen(c: number): boolean {
  return c === 41 || c === 0xff09;
}
function isLowerC(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpperC(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLetterC(c: number): boolean {
  return isLowerC(c) || isUpperC(c);
}
function num(s: string, from: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) v = v * 10 + (s.charCodeAt(from + k) - 48);
  return v;
}
/** USCC positions 3–8 are a GB/T 2260 division code: a province, or 10 for national registrations. */
function usccRegionOk(s: string, at: number): boolean {
  const c1 = s.charCodeAt(at + 2);
  const c2 = s.charCodeAt(at + 3);
  if (c1 < 48 || c1 > 57 || c2 < 48 || c2 > 57) return false;
  return (c1 === 49 && c2 === 48) || validProvince(s, at + 2);
}
function num2(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}
function validCal(y: number, m: number, d: number): boolean {
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}
/** Digits in s[a, b) into `dig` (separators skipped); returns how many (≤ 32). */
function loadDigits(s: string, a: number, b: number): number {
  let n = 0;
  for (let p = a; p < b && n < 32; p++) {
    const d = s.charCodeAt(p) - 48;
    if (d >= 0 && d <= 9) dig[n++] = d;
  }
  return n;
}

/** Issuer (IIN) ranges and lengths: Visa, Mastercard, Amex, Discover, JCB, UnionPay, Diners, Maestro. */
/** Whether the n card digits in d are a published test number (TEST_CARD_NUMBERS). */
function isTestPan(d: Int8Array, n: number): boolean {
  const m = n < 15 ? n : 15;
  let key = 0;
  for (let k = 0; k < m; k++) key = key * 10 + d[k]!;
  const list = TEST_PANS.get(key);
  if (!list) return false;
  for (let i = 0; i < list.length; i++) {
    const pan = list[i]!;
    if (pan.length !== n) continue;
    let k = m;
    while (k < n && pan.charCodeAt(k) - 48 === d[k]) k++;
    if (k === n) return true;
  }
  return false;
}

function cardIssuer(d: Int8Array, L: number): boolean {
  const d0 = d[0]!;
  const two = d0 * 10 + d[1]!;
  const four = two * 100 + d[2]! * 10 + d[3]!;
  if (d0 === 4) return L === 13 || L === 16 || L === 19;
  if (two >= 51 && two <= 55) return L === 16;
  if (four >= 2221 && four <= 2720) return L === 16;
  if (two === 34 || two === 37) return L === 15;
  if (two === 62 || two === 81) return L >= 16 && L <= 19; // UnionPay
  if (four === 6011 || two === 65 || (four >= 6440 && four <= 6499)) return L >= 16 && L <= 19;
  if (four >= 3528 && four <= 3589) return L >= 16 && L <= 19; // JCB
  if (two === 36 || two === 38 || two === 39 || (four >= 3000 && four <= 3059)) return L >= 14 && L <= 19; // Diners
  if (two === 50 || (two >= 56 && two <= 69)) return L >= 12 && L <= 19; // Maestro
  return false;
}

/** Whether the IPv6 address s[a, b) is under 2001:db8::/32 (first group 2001, second 0xdb8). */
function ipv6Documentation(s: string, a: number, b: number): boolean {
  if (b - a < 9 || !s.startsWith('2001:', a)) return false;
  let p = a + 5;
  let v = 0;
  while (p < b && p - a < 9 && isHexC(s.charCodeAt(p))) {
    const c = s.charCodeAt(p++) | 32;
    v = v * 16 + (c <= 57 ? c - 48 : c - 87);
  }
  return v === 0xdb8 && p - a >= 8 && (p === b || s.charCodeAt(p) === 58);
}

/**
 * Whether the IPv4 address o1.o2.o3.o4 is every host's or no one's: loopback (127.0.0.0/8),
 * unspecified (0.0.0.0), broadcast (255.255.255.255), or reserved for documentation (RFC 5737:
 * 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
 */
function ipv4NoOnes(o1: number, o2: number, o3: number, o4: number): boolean {
  if (o1 === 127) return true;
  if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) return true;
  if (o1 === 255 && o2 === 255 && o3 === 255 && o4 === 255) return true;
  return (o1 === 192 && o2 === 0 && o3 === 2) || (o1 === 198 && o2 === 51 && o3 === 100) || (o1 === 203 && o2 === 0 && o3 === 113);
}

/** The eight 16-bit groups of an IPv6 address, filled by ipv4EmbeddedNoOnes. */
const v6Groups = new Int32Array(8);

/**
 * Whether the valid IPv6 address s[a, b) carries an IPv4 address that ipv4NoOnes accepts: in its
 * IPv4-mapped form (::ffff:0:0/96, RFC 4291 2.5.5.2) or the deprecated IPv4-compatible one
 * (::/96, RFC 4291 2.5.5.1), dotted (::ffff:127.0.0.1, ::127.0.0.1) or in hex (::ffff:7f00:1).
 */
function ipv4EmbeddedNoOnes(s: string, a: number, b: number): boolean {
  // groups before '::' from the front, the rest collected and then moved to the back
  let n = 0;
  let gap = -1;
  let p = a;
  while (p < b && n < 8) {
    if (s.charCodeAt(p) === 58) {
      if (p + 1 < b && s.charCodeAt(p + 1) === 58) {
        gap = n;
        p += 2;
      } else p++;
      continue;
    }
    let q = p;
    let v = 0;
    while (q < b && isHexC(s.charCodeAt(q))) {
      const c = s.charCodeAt(q++) | 32;
      v = v * 16 + (c <= 57 ? c - 48 : c - 87);
    }
    if (q < b && s.charCodeAt(q) === 46) {
      // the embedded IPv4 ends the address: four decimal octets, already checked by validIpv6
      if (n > 6) return false;
      let v4 = 0;
      let d = 0;
      for (let k = p; k <= b; k++) {
        if (k === b || s.charCodeAt(k) === 46) {
          v4 = v4 * 256 + d;
          d = 0;
        } else d = d * 10 + (s.charCodeAt(k) - 48);
      }
      v6Groups[n++] = Math.floor(v4 / 65536);
      v6Groups[n++] = v4 % 65536;
      break;
    }
    v6Groups[n++] = v;
    p = q;
  }
  // expand '::' to the zero groups it stands for
  if (gap >= 0) {
    const tail = n - gap;
    for (let k = tail - 1; k >= 0; k--) v6Groups[8 - tail + k] = v6Groups[gap + k]!;
    for (let k = gap; k < 8 - tail; k++) v6Groups[k] = 0;
  } else if (n !== 8) return false;
  for (let k = 0; k < 5; k++) if (v6Groups[k] !== 0) return false;
  if (v6Groups[5] !== 0xffff && v6Groups[5] !== 0) return false;
  const hi = v6Groups[6]!;
  const lo = v6Groups[7]!;
  // ::0.0.0.0 and ::0.0.0.1 are the unspecified and loopback addresses (:: and ::1) written dotted
  if (v6Groups[5] === 0 && hi === 0 && lo <= 1) return true;
  return ipv4NoOnes(hi >> 8, hi & 255, lo >> 8, lo & 255);
}

/** RFC 4291 text form: ≤ 8 groups of 1–4 hex, at most one '::', optional trailing IPv4. */
function validIpv6(s: string, a: number, b: number): boolean {
  if (b - a < 3) return false;
  let groups = 0;
  let dbl = false;
  let p = a;
  if (s.charCodeAt(p) === 58) {
    if (s.charCodeAt(p + 1) !== 58) return false;
    dbl = true;
    p += 2;
    if (p === b) return false; // "::" alone
  }
  while (p < b) {
    let q = p;
    while (q < b && isHexC(s.charCodeAt(q))) q++;
    if (q < b && s.charCodeAt(q) === 46) {
      // embedded IPv4 as the last 32 bits
      const parts = s.slice(p, b).split('.');
      if (parts.length !== 4 || !parts.every((x) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(x))) return false;
      groups += 2;
      p = b;
      break;
    }
    const gl = q - p;
    if (gl < 1 || gl > 4) return false;
    groups++;
    p = q;
    if (p === b) break;
    if (s.charCodeAt(p) !== 58) return false;
    p++;
    if (p < b && s.charCodeAt(p) === 58) {
      if (dbl) return false;
      dbl = true;
      p++;
      if (p === b) break;
    } else if (p === b) return false;
  }
  if (groups > 8) return false;
  if (dbl) return groups <= 7 && groups >= 2;
  return groups === 8;
}

/**
 * The engine's own tables and resolved parameters, for the WebAssembly port of this engine
 * (src/scan/wasm/wasm-engine.ts writes them into its memory, so the data has one source).
 */
export const ENGINE_TABLES = {
  GEO_DEC,
  GENOMIC_MIN,
  UNIONPAY_LOOSE,
  SSN_INVALID_AREAS: SSN.invalidAreas,
  SSN_PUBLIC: [...SSN_PUBLIC],
  SSN_PUBLIC_PREFIX,
  ITIN,
  TEST_PANS: [...TEST_PANS.values()].flat(),
  PASSPORT_SHAPES,
  ABA_FIRST,
  IBAN_LEN,
  STREET_ABBREVIATIONS: [...STREET_ABBREVIATIONS],
  STREET_SUFFIXES: [...STREET_SUFFIXES],
  NAME_PREFIXES,
  PERSON_NAME_OWNERS,
  GENERIC_ADDRESSEES,
  TITLES,
  HONORIFICS,
  CONJUNCTIONS,
  VERSION_WORDS,
  VERSION_IN_WORDS,
} as const;

/**
 * The detector engine compiled to WebAssembly (native/scan-engine/*.c, built into
 * wasm/scan-engine.wasm by scripts/build-wasm.mjs): the same detections as the TypeScript
 * engine (src/scan/detectors/engine.ts, the reference; parity.test.ts holds the two to the
 * same hits), in less CPU. The same module reads UTF-8 CSV and JSON lines (csv.c, jsonl.c,
 * driven by src/scan/readers/csv-module.ts and jsonl-module.ts) and books hits once a scan keeps
 * no more findings (book.c); with those, a whole scan takes about 2–3× less CPU than with the
 * TypeScript engine and readers (docs/BENCHMARKS.md).
 *
 * The module is loaded once per process. Its tables and parameters are written into its
 * memory from the TypeScript modules that define them, so the data has one source. A scanner
 * done with its source releases its instance, and the next scanner starts it over from a copy
 * of its memory after start-up instead of making a new one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldContext } from '../detectors/field-context.js';
import * as cnModule from '../detectors/cn.js';
import * as engineModule from '../detectors/engine.js';
import * as keywordsModule from '../detectors/keywords.js';
import * as phoneModule from '../detectors/phone.js';
import * as subjectKeyModule from '../core/subject-key.js';
import * as typesModule from '../core/types.js';
import * as valueLevelModule from '../detectors/value-level.js';

const { DETECTION_TYPES, TYPE_INFO } = typesModule;
const { ENGINE_TABLES } = engineModule;
const { KEYWORDS, NEGATIVE_KEYWORDS } = keywordsModule;
const { CN_CLOCK, HAN } = cnModule;
const { intlValid, nanpCountry } = phoneModule;

/** Table numbers: the TB_* enum of native/scan-engine/dc.h, in its order. */
export const TB = {
  HAN: 0,
  IBAN_LEN: 1,
  CN_PREFIX: 2,
  CN_PREFIX5: 3,
  CA_NPA: 4,
  OTHER_NANP: 5,
  SSN_PUBLIC: 6,
  SSN_PREFIX: 7,
  SSN_INVALID_AREAS: 8,
  ITIN_GROUPS: 9,
  TEST_PANS: 10,
  PASSPORT_SHAPES: 11,
  ABA_FIRST: 12,
  COMPOUND_SURNAMES: 13,
  NAME_KEYWORDS: 14,
  NOT_NAME_WORDS: 15,
  PROVINCE_CODES: 16,
  STREET_SUFFIXES: 17,
  STREET_ABBREVIATIONS: 18,
  NAME_PREFIXES: 19,
  HONORIFICS: 20,
  TITLES: 21,
  PERSON_NAME_OWNERS: 22,
  NOT_A_NAME: 23,
  EXTRA: 24,
} as const;

/** dc.h: FieldContext flags beside the hints. */
const CTX_NEGATIVE = 1;
const CTX_VERSION = 2;
const CTX_LATITUDE = 4;
const CTX_BARE_NAME = 8;
const JUR_DEFAULT = 0xffff;

interface Exports {
  readonly memory: WebAssembly.Memory;
  dc_type_names(): number;
  dc_table(id: number, bytes: number): number;
  dc_words(count: number, units: number): number;
  dc_words_off(w: number): number;
  dc_words_len(w: number): number;
  dc_words_units(w: number): number;
  dc_set_words(id: number, w: number): void;
  dc_set_keywords(type: number, w: number): void;
  dc_params(geoDec: number, genomicMin: number, unionpayLoose: number, today: number, thisYear: number): void;
  dc_init(): void;
  dc_reserve(n: number): number;
  dc_scan(n: number, hints: number, flags: number, minConf: number): number;
  dc_hits_addr(): number;
  dc_engine_addr(): number;
  dc_batch_reserve(values: number, units: number): number;
  dc_batch_gap(): number;
  dc_scan_batch(count: number, minConf: number): number;
  dc_batch_addr(): number;
  dc_csv_setup(delim: number, header: number, maxField: number, maxRecord: number): number;
  dc_csv_columns(ncols: number): number;
  dc_csv_input(n: number): number;
  dc_csv_next(added: number, final: number, minConf: number): number;
  dc_jsonl_setup(maxEntries: number, maxLine: number): number;
  dc_jsonl_input(n: number): number;
  dc_jsonl_next(added: number, final: number, minConf: number): number;
  dc_book_type(ti: number, prio: number, kind: number, jur: number): void;
  dc_book_prefix(ti: number, k: number, unit: number): void;
  dc_book_reserve(ncols: number, values: number): number;
  dc_book_on(on: number, subjects: number): void;
  dc_book_sip(k0l: number, k0h: number, k1l: number, k1h: number): void;
}

/**
 * Where the module is: wasm/ at the package root (from src/scan/wasm/ or dist/scan/wasm/), or
 * DATACUSTOMS_SCAN_WASM (a module built elsewhere, for development).
 */
export const WASM_PATH = process.env['DATACUSTOMS_SCAN_WASM'] || join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'wasm', 'scan-engine.wasm');

const packRegion = (r: string | undefined): number => (r && r.length === 2 ? (r.charCodeAt(0) << 8) | r.charCodeAt(1) : 0);
const unpackRegion = (j: number): string => String.fromCharCode(j >> 8, j & 0xff);
/**
 * Region codes by packed code, made on first use and shared by every engine of the process: an
 * array of every index (a sparse one would be a dictionary, slow to read).
 */
const JUR_CACHE: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);

/** Writes tables into a fresh instance's memory. */
class TableWriter {
  constructor(private readonly x: Exports) {}
  private view(): DataView {
    return new DataView(this.x.memory.buffer);
  }
  bytes(id: number, data: ArrayLike<number>): void {
    const p = this.x.dc_table(id, data.length);
    new Uint8Array(this.x.memory.buffer, p, data.length).set(data);
  }
  i32(id: number, data: readonly number[]): void {
    const p = this.x.dc_table(id, data.length * 4);
    const v = this.view();
    data.forEach((n, k) => v.setInt32(p + k * 4, n, true));
  }
  f64(id: number, data: readonly number[]): void {
    const p = this.x.dc_table(id, data.length * 8);
    const v = this.view();
    data.forEach((n, k) => v.setFloat64(p + k * 8, n, true));
  }
  /** A word list (UTF-16 units); returns its address. */
  wordList(words: readonly string[]): number {
    const units = words.reduce((n, w) => n + w.length, 0);
    const w = this.x.dc_words(words.length, units);
    const off = this.x.dc_words_off(w);
    const len = this.x.dc_words_len(w);
    const u = this.x.dc_words_units(w);
    const v = this.view();
    let at = 0;
    words.forEach((word, k) => {
      v.setInt32(off + k * 4, at, true);
      v.setInt32(len + k * 4, word.length, true);
      for (let q = 0; q < word.length; q++) v.setUint16(u + (at + q) * 2, word.charCodeAt(q), true);
      at += word.length;
    });
    return w;
  }
  words(id: number, words: readonly string[]): void {
    this.x.dc_set_words(id, this.wordList(words));
  }
}

/**
 * What each C file needs from TypeScript, written at start-up. Each part of the port adds
 * its tables here (next to the table numbers in dc.h).
 */
function writeTables(t: TableWriter, x: Exports): void {
  const E = ENGINE_TABLES;
  t.bytes(TB.HAN, HAN);
  t.bytes(TB.IBAN_LEN, E.IBAN_LEN);
  t.bytes(TB.ABA_FIRST, E.ABA_FIRST);
  t.f64(TB.SSN_PUBLIC, [...E.SSN_PUBLIC].sort((a, b) => a - b));
  t.f64(TB.SSN_PREFIX, E.SSN_PUBLIC_PREFIX.flatMap(([v, p]) => [v, p]));
  t.i32(TB.SSN_INVALID_AREAS, E.SSN_INVALID_AREAS.flat());
  t.i32(TB.ITIN_GROUPS, E.ITIN.flat());
  t.words(TB.TEST_PANS, E.TEST_PANS);
  t.words(TB.PASSPORT_SHAPES, E.PASSPORT_SHAPES);
  t.words(TB.STREET_SUFFIXES, E.STREET_SUFFIXES);
  t.words(TB.STREET_ABBREVIATIONS, E.STREET_ABBREVIATIONS);
  t.words(TB.NAME_PREFIXES, E.NAME_PREFIXES);
  t.words(TB.HONORIFICS, E.HONORIFICS);
  t.words(TB.TITLES, E.TITLES);
  t.words(TB.PERSON_NAME_OWNERS, E.PERSON_NAME_OWNERS);
  t.words(TB.EXTRA + 0, E.GENERIC_ADDRESSEES); // text.c
  t.words(TB.EXTRA + 1, E.CONJUNCTIONS); // text.c
  t.bytes(TB.CN_PREFIX, phoneModule.PHONE_TABLES.CN_PREFIX); // phone.c
  t.i32(TB.CN_PREFIX5, phoneModule.PHONE_TABLES.CN_PREFIX5); // phone.c
  t.i32(TB.CA_NPA, phoneModule.PHONE_TABLES.CA_NPA); // phone.c
  t.i32(TB.OTHER_NANP, phoneModule.PHONE_TABLES.OTHER_NANP); // phone.c
  t.words(TB.EXTRA + 3, E.VERSION_WORDS); // digits.c
  t.words(TB.EXTRA + 4, E.VERSION_IN_WORDS); // digits.c
  // cn.c: cn.ts tables
  t.i32(TB.PROVINCE_CODES, [...cnModule.PROVINCES]);
  t.words(TB.COMPOUND_SURNAMES, cnModule.COMPOUND_SURNAMES);
  t.words(TB.NAME_KEYWORDS, cnModule.NAME_KEYWORDS);
  t.words(TB.NOT_NAME_WORDS, cnModule.NOT_NAME_WORDS);
  t.words(TB.EXTRA + 2, cnModule.PROVINCE_NAMES);
  t.words(TB.NOT_A_NAME, valueLevelModule.VALUE_LEVEL_TABLES.NOT_A_NAME);
  DETECTION_TYPES.forEach((type, k) => {
    const set = KEYWORDS[type];
    if (set) x.dc_set_keywords(k, t.wordList(set.words));
  });
  x.dc_set_keywords(DETECTION_TYPES.length, t.wordList(NEGATIVE_KEYWORDS.words));
  x.dc_params(E.GEO_DEC, E.GENOMIC_MIN, E.UNIONPAY_LOOSE ? 1 : 0, CN_CLOCK.TODAY, CN_CLOCK.THIS_YEAR);
  // book.c: subject-key priorities, kinds, the types' own jurisdictions and key prefixes
  const { SUBJECT_PRIORITY, KEY_KIND, SUBJECT_PREFIX } = subjectKeyModule;
  DETECTION_TYPES.forEach((type, k) => {
    const jur = TYPE_INFO[type].jurisdiction;
    if (jur !== undefined && !/^[A-Z]{2}$/.test(jur)) throw new Error(`scan engine: the jurisdiction of ${type} is not a region code`);
    x.dc_book_type(k, SUBJECT_PRIORITY[k]!, KEY_KIND[k]!, packRegion(jur));
    const prefix = SUBJECT_PREFIX[k]!;
    if (prefix.length > 31) throw new Error(`scan engine: the subject-key prefix of ${type} is too long`);
    for (let q = 0; q < prefix.length; q++) x.dc_book_prefix(k, q, prefix.charCodeAt(q));
  });
}

/** The hits of the last value, as the TypeScript engine's `Hits` holds them. */
export interface WasmHits {
  n: number;
  readonly ti: number[];
  readonly start: number[];
  readonly end: number[];
  readonly conf: number[];
  readonly jur: (string | undefined)[];
}

/** The WebAssembly engine, with the TypeScript engine's `scan` interface. */
export class WasmEngine {
  readonly hits: WasmHits = { n: 0, ti: [], start: [], end: [], conf: [], jur: [] };
  /** As engine.ts: the text the detectors read (narrowed from full-width forms when `narrowedValue`). */
  s = '';
  offset = 0;
  narrowedValue = false;
  private x: Exports;
  private prepared: Prepared | undefined;
  private readonly jurOf: (string | undefined)[] = DETECTION_TYPES.map((t) => TYPE_INFO[t].jurisdiction);

  constructor(prepared: Prepared) {
    this.prepared = prepared;
    this.x = prepared.x;
    this.gap = prepared.gap;
  }

  /**
   * Hands the module instance back for a later engine to reuse (`createWasmEngine`), its memory
   * put back as it was after start-up when it is taken again. This engine must not be used after
   * (it then throws); `scan()` has each scanner call it when its source is done (Scanner.release).
   */
  release(): void {
    const p = this.prepared;
    if (p === undefined) return;
    this.prepared = undefined;
    this.x = RELEASED;
    this.u8 = new Uint8Array(0);
    this.u16 = new Uint16Array(0);
    this.i32 = new Int32Array(0);
    this.f64 = new Float64Array(0);
    if (IDLE.length < MAX_IDLE && p.x.memory.buffer.byteLength <= MAX_IDLE_BYTES) IDLE.push(p);
  }

  /** The module's raw exports, for tests of single C functions (the `dc_test_*` exports). */
  testExports(): Readonly<Record<string, unknown>> & { readonly memory: WebAssembly.Memory } {
    return this.x as unknown as Readonly<Record<string, unknown>> & { readonly memory: WebAssembly.Memory };
  }

  // views of the module's memory (made again when it grows) and where the input is
  u8 = new Uint8Array(0);
  u16 = new Uint16Array(0);
  i32 = new Int32Array(0);
  f64 = new Float64Array(0);
  private inPtr = 0;
  private inCap = 0;
  private hitsAddr = 0;
  private engineAddr = 0;

  /** The views again when the memory grew (its old buffer is then detached: length 0). */
  private views(): void {
    if (this.u8.length !== 0) return;
    const b = this.x.memory.buffer;
    this.u8 = new Uint8Array(b);
    this.u16 = new Uint16Array(b);
    this.i32 = new Int32Array(b);
    this.f64 = new Float64Array(b);
  }

  /** engine.ts `scan`: detect in s[from, to) with the field's context; results in `hits`. */
  scan(s: string, from: number, to: number, ctx: FieldContext, minConf: number): void {
    const x = this.x;
    const n = to > from ? to - from : 0;
    if (n > this.inCap) {
      this.inPtr = x.dc_reserve(n);
      this.inCap = Math.max(n, 4096);
      this.hitsAddr = x.dc_hits_addr();
      this.engineAddr = x.dc_engine_addr();
    }
    this.views();
    let u = this.u16;
    const at = this.inPtr >> 1;
    for (let k = 0; k < n; k++) u[at + k] = s.charCodeAt(from + k);
    const count = x.dc_scan(n, ctx.hints >>> 0, contextFlags(ctx), minConf);
    this.views();
    u = this.u16;
    const i32 = this.i32;
    const h = this.hits;
    h.n = count;
    if (count > 0) {
      const H = this.hitsAddr >> 2;
      const ti = i32[H + 2]!;
      const st = i32[H + 3]! >> 2;
      const en = i32[H + 4]! >> 2;
      const cf = i32[H + 5]! >> 3;
      const jr = i32[H + 6]! >> 1;
      const u8 = this.u8;
      const f64 = this.f64;
      for (let k = 0; k < count; k++) {
        const t = u8[ti + k]!;
        h.ti[k] = t;
        h.start[k] = i32[st + k]! + from;
        h.end[k] = i32[en + k]! + from;
        h.conf[k] = f64[cf + k]!;
        const j = u[jr + k]!;
        h.jur[k] = j === JUR_DEFAULT ? this.jurOf[t] : j === 0 ? undefined : unpackRegion(j);
      }
    }
    const E = this.engineAddr >> 2;
    this.narrowedValue = i32[E + 11] !== 0;
    if (this.narrowedValue) {
      // as engine.ts: `s` is the value read through its ASCII twins, starting at `offset`
      this.offset = i32[E + 10]! + from;
      const p = i32[E]! >> 1;
      this.s = Buffer.from(this.u8.buffer, p * 2, n * 2).toString('utf16le');
    } else {
      this.offset = 0;
      this.s = s;
    }
  }
  // --- batches: the values of a record in one call ------------------------------------------
  private batchAddr = 0;
  private bCapValues = 0;
  private bCapUnits = 0;
  private bCount = 0;
  private bPos = 0;
  private gap = 0;
  // element indices of the batch's arrays in the memory views (fixed until dc_batch_reserve)
  private bOff = 0;
  private bLen = 0;
  private bHints = 0;
  private bFlags = 0;
  private bUnits = 0;
  /** Per value of the batch: where it started in the caller's string (hits are given from there). */
  private readonly bFrom: number[] = [];

  /**
   * Batch results, after `batchRun`: the hits of every value, value by value, as element
   * indices into the memory views (`mem`): hit k's value is `mem.i32[value + k]`, its type
   * `mem.u8[ti + k]`, and so on; `narrowed` indexes `mem.i32` per value.
   */
  readonly batch = { n: 0, value: 0, ti: 0, start: 0, end: 0, conf: 0, jur: 0, narrowed: 0 };

  /** The module's memory as typed arrays (valid until the next call into the module). */
  get mem(): { readonly u8: Uint8Array; readonly u16: Uint16Array; readonly i32: Int32Array; readonly f64: Float64Array } {
    this.views();
    return this;
  }

  /**
   * Adds s[from, to) to the batch, or returns false when it does not fit (run the batch first;
   * an empty batch always takes the value).
   */
  batchAdd(s: string, from: number, to: number, ctx: FieldContext): boolean {
    const n = to - from;
    if (this.bCount + 1 > this.bCapValues || this.bPos + n + this.gap > this.bCapUnits) {
      if (this.bCount > 0) return false;
      this.reserveBatch(n);
    }
    this.views();
    const v = this.bCount++;
    const u = this.u16;
    const at = this.bUnits + this.bPos;
    for (let k = 0; k < n; k++) u[at + k] = s.charCodeAt(from + k);
    const i32 = this.i32;
    i32[this.bOff + v] = this.bPos;
    i32[this.bLen + v] = n;
    i32[this.bHints + v] = ctx.hints;
    i32[this.bFlags + v] = contextFlags(ctx);
    this.bFrom[v] = from;
    this.bPos += n + this.gap;
    return true;
  }

  private reserveBatch(n: number): void {
    this.batchAddr = this.x.dc_batch_reserve(Math.max(this.bCapValues, 256), Math.max(n + this.gap, 1 << 16));
    this.u8 = new Uint8Array(0);
    this.views();
    const B = this.batchAddr >> 2;
    const i32 = this.i32;
    this.bCapValues = i32[B]!;
    this.bCapUnits = i32[B + 1]!;
    this.bOff = i32[B + 2]! >> 2;
    this.bLen = i32[B + 3]! >> 2;
    this.bHints = i32[B + 4]! >> 2;
    this.bFlags = i32[B + 5]! >> 2;
    this.bUnits = i32[B + 6]! >> 1;
  }

  /** Scans the batch; its hits are in `batch` until the next run. Empties the batch. */
  batchRun(minConf: number): number {
    const count = this.bCount;
    this.bCount = 0;
    this.bPos = 0;
    return this.batchResults(this.x.dc_scan_batch(count, minConf));
  }

  /** Reads where the last scan of values put its hits into `batch`; returns their number. */
  private batchResults(n: number): number {
    this.views();
    const i32 = this.i32;
    const B = this.x.dc_batch_addr() >> 2;
    const r = this.batch;
    r.n = n;
    r.value = i32[B + 8]! >> 2;
    r.ti = i32[B + 9]!;
    r.start = i32[B + 10]! >> 2;
    r.end = i32[B + 11]! >> 2;
    r.conf = i32[B + 12]! >> 3;
    r.jur = i32[B + 13]! >> 1;
    r.narrowed = i32[B + 14]! >> 2;
    return n;
  }

  /**
   * The module's bookkeeping of the CSV reader's records (book.c): `ncols` columns' counts and
   * sums as word indexes into `mem.i32` / `mem.f64` (column c, type t at c * NT + t), zeroed.
   */
  bookReserve(ncols: number, values: number): { readonly counts: number; readonly sums: number } {
    const K = this.x.dc_book_reserve(ncols, values) >> 2;
    this.bookAddr = K;
    this.u8 = new Uint8Array(0);
    this.views();
    return { counts: this.i32[K + 8]! >> 2, sums: this.i32[K + 9]! >> 3 };
  }

  bookOn(on: boolean, subjects: boolean): void {
    this.x.dc_book_on(on ? 1 : 0, subjects ? 1 : 0);
  }

  /** From now on book.c hashes each subject key with this SipHash key and gives only the hash (`bookKeys().hi / lo`). */
  bookSip(key: readonly [number, number, number, number]): void {
    this.x.dc_book_sip(key[0] >>> 0, key[1] >>> 0, key[2] >>> 0, key[3] >>> 0);
    this.bookHashing = true;
  }

  bookHashing = false;

  /**
   * The subject keys of the last call (book.c): `n` keys, key k of `len` units at `u16[units +
   * off]` in jurisdiction `jur` (packed), as word indexes into `mem.i32`.
   */
  bookKeys(): { readonly n: number; readonly off: number; readonly len: number; readonly jur: number; readonly units: number; readonly hi: number; readonly lo: number } {
    this.views();
    const i32 = this.i32;
    const K = this.bookAddr;
    return { n: i32[K + 3]!, off: i32[K + 10]! >> 2, len: i32[K + 11]! >> 2, jur: i32[K + 12]! >> 2, units: i32[K + 14]! >> 1, hi: i32[K + 16]! >> 2, lo: i32[K + 17]! >> 2 };
  }

  /** A packed jurisdiction as its code (book.c's keys: never JUR_DEFAULT or 0). */
  region(packed: number): string {
    let j = JUR_CACHE[packed];
    if (j === undefined) j = JUR_CACHE[packed] = unpackRegion(packed);
    return j;
  }

  private bookAddr = 0;

  /** The CSV reader of csv.c (csv-module.ts drives it). */
  csvSetup(delim: number, header: boolean, maxField: number, maxRecord: number): void {
    this.csvAddr = this.x.dc_csv_setup(delim, header ? 1 : 0, maxField, maxRecord) >> 2;
  }

  /** Sets up `ctxs.length` columns with their contexts. */
  csvColumns(ctxs: readonly FieldContext[]): void {
    this.x.dc_csv_columns(ctxs.length);
    this.u8 = new Uint8Array(0);
    this.views();
    const C = this.csvAddr;
    const hints = this.i32[C + 21]! >> 2;
    const flags = this.i32[C + 22]! >> 2;
    ctxs.forEach((ctx, k) => {
      this.i32[hints + k] = ctx.hints;
      this.i32[flags + k] = contextFlags(ctx);
    });
  }

  /** Hands `bytes` to the CSV reader and reads the whole records it now holds (`csvMore` for the rest). */
  csvWrite(bytes: Uint8Array, final: boolean, minConf: number): number {
    this.copyIn(this.x.dc_csv_input(bytes.length), bytes);
    return this.csvNext(bytes.length, final, minConf);
  }

  /** Reads on after ST_FULL (no new bytes). */
  csvMore(final: boolean, minConf: number): number {
    return this.csvNext(0, final, minConf);
  }

  private csvNext(added: number, final: boolean, minConf: number): number {
    return this.readerResults(this.x.dc_csv_next(added, final ? 1 : 0, minConf));
  }

  /** Bytes into the module's memory at `at` (an address a reader's *_input gave: the memory may have grown). */
  private copyIn(at: number, bytes: Uint8Array): void {
    this.u8 = new Uint8Array(0);
    this.views();
    this.u8.set(bytes, at);
  }

  /** After a reader's call: where the batch's hits are; returns the call's status. */
  private readerResults(status: number): number {
    this.views();
    this.batchResults(this.i32[(this.x.dc_batch_addr() >> 2) + 7]!);
    return status;
  }

  /** The JSON-lines reader of jsonl.c, set up for a new file (jsonl-module.ts drives it). */
  jsonlSetup(maxEntries: number, maxLine: number): void {
    this.jsonlAddr = this.x.dc_jsonl_setup(maxEntries, maxLine) >> 2;
    this.u8 = new Uint8Array(0);
    this.views();
  }

  /** Hands `bytes` to the JSON-lines reader and reads the whole lines it now holds (`jsonlMore` for the rest). */
  jsonlWrite(bytes: Uint8Array, final: boolean, minConf: number): number {
    this.copyIn(this.x.dc_jsonl_input(bytes.length), bytes);
    return this.jsonlNext(bytes.length, final, minConf);
  }

  /** Names key-table entry `e`: the context of its name, and whether it is the id key. */
  jsonlName(e: number, ctx: FieldContext, isId: boolean): void {
    this.views();
    const J = this.jsonlAddr;
    const i32 = this.i32;
    i32[(i32[J + 34]! >> 2) + e] = 1;
    i32[(i32[J + 35]! >> 2) + e] = ctx.hints;
    i32[(i32[J + 36]! >> 2) + e] = contextFlags(ctx);
    i32[(i32[J + 37]! >> 2) + e] = isId ? 1 : 0;
  }

  /** Reads on after ST_FULL or ST_LINE (no new bytes). */
  jsonlMore(final: boolean, minConf: number): number {
    return this.jsonlNext(0, final, minConf);
  }

  private jsonlNext(added: number, final: boolean, minConf: number): number {
    return this.readerResults(this.x.dc_jsonl_next(added, final ? 1 : 0, minConf));
  }

  /**
   * The JSON-lines reader's state and results as word indexes into `mem.i32` (the Jsonl struct
   * of jsonl.c): `jsonl + k` is its k-th member; arrays are addresses there.
   */
  get jsonl(): number {
    return this.jsonlAddr;
  }

  private jsonlAddr = 0;

  /**
   * The CSV reader's state and results as word indexes into `mem.i32` (the Csv struct of
   * csv.c): `csv + k` is its k-th member; arrays are addresses there.
   */
  get csv(): number {
    return this.csvAddr;
  }

  private csvAddr = 0;

  /** Where value v of the last batch started in its caller's string. */
  batchFrom(v: number): number {
    return this.bFrom[v]!;
  }

  /** A hit's jurisdiction from its packed code (the type's own for JUR_DEFAULT). */
  jurisdiction(ti: number, packed: number): string | undefined {
    if (packed === JUR_DEFAULT) return this.jurOf[ti];
    if (packed === 0) return undefined;
    return this.region(packed);
  }

  /** The narrowed text of value v of the last batch (n units at its address). */
  narrowedText(v: number, n: number): string {
    const p = this.i32[this.batch.narrowed + v]!;
    return Buffer.from(this.u8.buffer, p, n * 2).toString('utf16le');
  }
}

/** A field context's flags as csv.c and core.c read them (dc.h CTX_*). */
function contextFlags(ctx: FieldContext): number {
  return (ctx.negative ? CTX_NEGATIVE : 0) | (ctx.version ? CTX_VERSION : 0) | (ctx.latitude ? CTX_LATITUDE : 0) | (ctx.bareName ? CTX_BARE_NAME : 0);
}

function readCString(x: Exports, p: number): string {
  const m = new Uint8Array(x.memory.buffer);
  let e = p;
  while (m[e] !== 0) e++;
  return Buffer.from(m.subarray(p, e)).toString('latin1');
}

let compiled: WebAssembly.Module | undefined;

/**
 * A module instance with its tables written, and a copy of its memory as it was then: a
 * released instance is started over by writing that copy back and zeroing the rest of the
 * memory, which puts every C global (they live in the memory), the allocator and the tables
 * exactly as after start-up. That takes ≈ 0.1 ms; a new instance ≈ 1–1.5 ms (compiling aside),
 * which a directory of thousands of small files paid once per file.
 */
interface Prepared {
  readonly x: Exports;
  readonly image: Uint8Array;
  readonly gap: number;
}

/** Released instances, waiting to be reused (a few: sources are scanned one after another). */
const IDLE: Prepared[] = [];
const MAX_IDLE = 4;
/**
 * An instance whose memory grew past this is dropped rather than kept: starting it over zeroes
 * its memory (≈ 11 MiB after a file read in 1 MiB chunks, well under a millisecond).
 */
const MAX_IDLE_BYTES = 32 << 20;

/** What a released engine has instead of the module: any call into it is a bug, said so. */
const RELEASED = new Proxy({} as Exports, {
  get(): never {
    throw new Error('scan engine: used after it was released (WasmEngine.release)');
  },
});

function prepare(module: WebAssembly.Module): Prepared {
  let x: Exports | undefined;
  const memU8 = () => new Uint8Array(x!.memory.buffer);
  const imports = {
    env: {
      intl_valid(ptr: number, n: number): number {
        const m = memU8();
        let digits = '';
        for (let k = 0; k < n; k++) digits += String.fromCharCode(m[ptr + k]!);
        const r = intlValid(digits);
        return r ? packRegion(r.country) || 1 : 0;
      },
      nanp_country_other(ptr: number): number {
        const d = new Int8Array(x!.memory.buffer, ptr, 10);
        return packRegion(nanpCountry(d, 0));
      },
    },
  };
  x = new WebAssembly.Instance(module, imports).exports as unknown as Exports;
  const names = readCString(x, x.dc_type_names()).split(',');
  if (names.join(',') !== DETECTION_TYPES.join(',')) throw new Error(`scan engine: the WebAssembly module's types (${names.join(', ')}) are not DETECTION_TYPES`);
  writeTables(new TableWriter(x), x);
  x.dc_init();
  return { x, image: new Uint8Array(x.memory.buffer).slice(), gap: x.dc_batch_gap() };
}

/**
 * A released instance's memory as after start-up: the copy written back, the rest zeroed as in
 * a new instance (the allocator zeroes what it hands out, so no reader is known to need the
 * zeroes; they make the memory the same bytes as a new instance's of that size).
 */
function restart(p: Prepared): Prepared {
  const m = new Uint8Array(p.x.memory.buffer);
  m.set(p.image);
  m.fill(0, p.image.length);
  return p;
}

/**
 * A WebAssembly engine: a released instance started over, or a new one (the module is compiled
 * once per process).
 */
export function createWasmEngine(): WasmEngine {
  const idle = IDLE.pop();
  if (idle !== undefined) return new WasmEngine(restart(idle));
  compiled ??= new WebAssembly.Module(readFileSync(WASM_PATH));
  return new WasmEngine(prepare(compiled));
}

/**
 * The per-source accumulator: records in, `fields` / `findings` / subject keys out.
 *
 * Counts are exact; stored findings are capped (`maxFindings`, first N in input order).
 * Each finding keeps a masked sample only. Subject keys (normalized identifiers) go to
 * `onSubject` once per record and jurisdiction and are not kept here.
 */
import type { CategoryId } from '../../inventory/taxonomy.js';
import * as scanEngineModule from './scan-engine.js';
import type { ScanEngine } from './scan-engine.js';
import type { WasmEngine } from '../wasm/wasm-engine.js';
import * as wasmEngineModule from '../wasm/wasm-engine.js';
import type { FieldContext } from '../detectors/field-context.js';
import * as fieldContextModule from '../detectors/field-context.js';
import * as maskModule from '../detectors/mask.js';
import * as paramsModule from '../detectors/params.js';
import * as subjectKeyModule from './subject-key.js';
import type { DetectionType, FieldSummary, FieldTypeCount, Finding, SourceScanResult, SourceScanner, SourceScannerOptions, SubjectSink } from './types.js';
import * as typesModule from './types.js';

// Imports are read into locals once: under test transforms every access to an imported
// binding is a getter call, which the hot loops cannot afford.
const { createScanEngine } = scanEngineModule;
const { WasmEngine: WasmEngineClass } = wasmEngineModule;
const { fieldContext } = fieldContextModule;
const { maskMatch } = maskModule;
const { MIN_CONFIDENCE, current } = paramsModule;
const { KeyUnits, SUBJECT_PREFIX, normalizeKeyIn, SUBJECT_PRIORITY: PRIO } = subjectKeyModule;
const { DETECTION_TYPES, TYPE_INFO } = typesModule;

const NT = DETECTION_TYPES.length;
export const DEFAULT_MAX_FINDINGS = 1000;


/**
 * Windows of a long value overlap by this many units: longer than any value the detectors
 * find whole (an e-mail address is at most 254), plus WINDOW_MARGIN of context before it.
 */
const WINDOW_OVERLAP = 1024;
const WINDOW_MARGIN = 256;

/** Detected values of a record compared with its id (see idWithoutHits), and their shortest length. */
const MAX_ID_HITS = 64;
const MIN_ID_HIT = 8;


interface Slot {
  readonly name: string;
  readonly ctx: FieldContext;
  /** Per type: hits and their confidence sum — allocated at the field's first hit (NO_COUNTS until then). */
  counts: Int32Array;
  sums: Float64Array;
  any: boolean;
  /** While the module books: the module's column whose count and sum this field's hits go to (-1: none). */
  col: number;
}

/**
 * The counts of a field without hits, shared and never written: a file with a million distinct
 * keys (a JSON map keyed by user id) holds a million slots, and two typed arrays each would
 * take about 1 KB per slot.
 */
const NO_COUNTS = new Int32Array(NT);
const NO_SUMS = new Float64Array(NT);

interface Pending {
  field: string;
  type: DetectionType;
  start: number;
  end: number;
  confidence: number;
  masked: string;
}

/** The scanner plus the fast path the readers use (a field slot per column, ranges not copies). */
export interface FastSourceScanner extends SourceScanner {
  slot(field: string): number;
  scanSlot(slot: number, s: string, from: number, to: number, base?: number, more?: boolean): void;
  /**
   * The WebAssembly engine this scanner runs on, if it does: a reader may then parse and scan
   * in the module (readers/csv-module.ts) and book what it found with `bookModuleRecords`.
   */
  readonly wasm?: WasmEngine | undefined;
  bookModuleRecords?(records: ModuleRecords): void;
  /**
   * Before a reader's call into the module: once the scan keeps no more findings, the module
   * books the hits itself (book.c; counts, sums and subject keys are all a hit still needs),
   * in one count and one sum per column and type, which every later hit of that column's field
   * goes to, also those the scanner books (one accumulator, so the sums are the same numbers).
   * `names`: the field name of each of the reader's columns (undefined: not named yet; the
   * array is the module's column count long). When two columns share a name the module does
   * not book (the two would be summed apart).
   */
  beforeModuleCall?(names: readonly (string | undefined)[]): void;
  /** Column `col`, unnamed before, is now field `name` (before the module reads a value of it). */
  moduleColumnNamed?(col: number, name: string): void;
  /** The reader is done with the module (or hands over to a JavaScript reader): its counts come back. */
  endModuleCalls?(): void;
  /** Detections below this confidence are dropped (what the scanner was made with). */
  readonly minConfidence?: number;
  /**
   * After `result()`, when nothing will use this scanner again: its WebAssembly engine goes back
   * for the next scanner to reuse (a directory of small files then makes one module instance,
   * not one per file). Using the scanner after this throws.
   */
  release?(): void;
}

/** A scanner on the WebAssembly engine (`wasm` set): readers/csv-module.ts reads for it. */
export type ModuleScanner = FastSourceScanner & {
  readonly wasm: WasmEngine;
  readonly minConfidence: number;
  bookModuleRecords(records: ModuleRecords): void;
  beforeModuleCall(names: readonly (string | undefined)[]): void;
  moduleColumnNamed(col: number, name: string): void;
  endModuleCalls(): void;
};

/**
 * Records a reader parsed and scanned in the module (csv.c), as its last call left them: the
 * values (`mem.i32` word indexes of their offsets in the text at `units` (a byte address), their
 * lengths, columns and record numbers), and the batch's hits.
 */
export interface ModuleRecords {
  /** Records in this call (numbered from 0). */
  readonly count: number;
  readonly values: number;
  readonly off: number;
  readonly len: number;
  /** Per value: its column (a field of the reader's; `slotOf` maps it to the scanner's slot). */
  readonly col: number;
  /** Per value: its record. */
  readonly rec: number;
  readonly units: number;
  /** The scanner's slot of each column. */
  readonly slotOf: readonly number[];
  /** The id of record r (asked only for records with hits, once each, in order). */
  recordId(r: number): string | number;
}

/** Whether a scanner runs on the WebAssembly engine with everything a module reader needs. */
export function isModuleScanner(s: FastSourceScanner): s is ModuleScanner {
  return (
    s.wasm !== undefined &&
    s.minConfidence !== undefined &&
    s.bookModuleRecords !== undefined &&
    s.beforeModuleCall !== undefined &&
    s.moduleColumnNamed !== undefined &&
    s.endModuleCalls !== undefined
  );
}

/** A new accumulator for one source. Its methods are bound (safe to wrap or pass around). */
export function createSourceScanner(options: SourceScannerOptions = {}): FastSourceScanner {
  const sc = new Scanner(options);
  return {
    slot: (f) => sc.slot(f),
    scanSlot: (k, s, a, b, base, more) => sc.scanSlot(k, s, a, b, base, more),
    beginRecord: (r) => sc.beginRecord(r),
    setRecordId: (r) => sc.setRecordId(r),
    scanField: (f, v) => sc.scanField(f, v),
    endRecord: () => sc.endRecord(),
    scanRecord: (r, fields) => sc.scanRecord(r, fields),
    result: () => sc.result(),
    wasm: sc.wasm,
    minConfidence: sc.minConf,
    bookModuleRecords: (r) => sc.bookModuleRecords(r),
    beforeModuleCall: (names) => sc.beforeModuleCall(names),
    moduleColumnNamed: (col, name) => sc.moduleColumnNamed(col, name),
    endModuleCalls: () => sc.endModuleCalls(),
    release: () => sc.release(),
  };
}

/** The fast path of any SourceScanner: native when it has one, else through `scanField`. */
export function fastPath(scanner: SourceScanner): FastSourceScanner {
  if (scanner.slot && scanner.scanSlot) return scanner as FastSourceScanner;
  const names: string[] = [];
  const index = new Map<string, number>();
  return {
    ...bindAll(scanner),
    slot(field) {
      let k = index.get(field);
      if (k === undefined) {
        k = names.length;
        names.push(field);
        index.set(field, k);
      }
      return k;
    },
    scanSlot(k, s, a, b) {
      scanner.scanField(names[k]!, s.slice(a, b));
    },
  };
}

function bindAll(s: SourceScanner): SourceScanner {
  return {
    beginRecord: (r) => s.beginRecord(r),
    setRecordId: (r) => s.setRecordId(r),
    scanField: (f, v) => s.scanField(f, v),
    endRecord: () => s.endRecord(),
    scanRecord: (r, fields) => s.scanRecord(r, fields),
    result: () => s.result(),
  };
}

class Scanner implements FastSourceScanner {
  private readonly engine: ScanEngine = createScanEngine().engine;
  /**
   * The WebAssembly engine takes a record's values in one call: they wait here (the value and
   * where it was) until the record ends, a windowed value comes, or the batch is full; their
   * hits then go through the same bookkeeping, value by value, in the order they came.
   */
  readonly wasm: WasmEngine | undefined = this.engine instanceof WasmEngineClass ? this.engine : undefined;
  private qN = 0;
  private readonly qSlot: number[] = [];
  private readonly qS: string[] = [];
  private readonly qFrom: number[] = [];
  private readonly qTo: number[] = [];
  private readonly qBase: number[] = [];
  private readonly maxFindings: number;
  readonly minConf: number;
  private readonly onSubject: ((jurisdiction: string, key: string) => void) | undefined;
  private readonly sink: SubjectSink | undefined;
  /** Subject keys are wanted (a hook or a sink). */
  private readonly subjects: boolean;
  private readonly keyUnits = new KeyUnits();

  private readonly slots: Slot[] = [];
  private readonly bySlotName = new Map<string, number>();
  private records = 0;
  private readonly findings: Finding[] = [];

  private open = false;
  private recordId: string | number = 0;
  private readonly pending: Pending[] = [];
  // best subject identifier per jurisdiction for the open record: its code units (a copy,
  // wiped once hashed) and its type code; normalized once, when the record ends (a record
  // often offers several per jurisdiction, each stronger than the last). `subN` entries are
  // live: the arrays are reused, not truncated (setting an array's length is a runtime call).
  private subN = 0;
  private readonly subJur: string[] = [];
  private readonly subPrio: number[] = [];
  private readonly subTi: number[] = [];
  private readonly subU: Uint16Array[] = [];
  private readonly subLen: number[] = [];

  /** The values detected in the open record (at most MAX_ID_HITS), to keep them out of its id. */
  private readonly rawS: string[] = [];
  private readonly rawA: number[] = [];
  private readonly rawB: number[] = [];
  private readonly rawType: number[] = [];
  private nRaw = 0;
  /** The open record's id is too short to hold a detected value (set for module records; see idWithoutHits). */
  private idShort = false;
  /** The end of the last window of a value with more to come (see scanSlot). */
  private tail = '';
  private tailSlot = -1;
  /** Offsets in the value: where the tail ends, and up to where hit starts were counted. */
  private tailEnd = 0;
  private acceptedTo = 0;

  constructor(o: SourceScannerOptions) {
    this.maxFindings = o.maxFindings ?? DEFAULT_MAX_FINDINGS;
    this.minConf = o.minConfidence ?? current(MIN_CONFIDENCE);
    this.onSubject = o.onSubject;
    this.sink = o.subjectSink;
    this.subjects = o.onSubject !== undefined || o.subjectSink !== undefined;
  }

  slot(field: string): number {
    let k = this.bySlotName.get(field);
    if (k === undefined) {
      k = this.slots.length;
      this.slots.push({ name: field, ctx: fieldContext(field), counts: NO_COUNTS, sums: NO_SUMS, any: false, col: this.books?.colOfName.get(field) ?? -1 });
      this.bySlotName.set(field, k);
    }
    return k;
  }

  beginRecord(record: string | number): void {
    if (this.qN) this.flush();
    if (this.open) this.endRecord();
    this.open = true;
    this.records++;
    this.recordId = record;
  }

  setRecordId(record: string | number): void {
    this.recordId = record;
  }

  scanField(field: string, value: string): void {
    if (value.length === 0) return;
    this.scanSlot(this.slot(field), value, 0, value.length, 0);
  }

  scanRecord(record: string | number, fields: Iterable<readonly [field: string, value: string]>): void {
    this.beginRecord(record);
    for (const [f, v] of fields) this.scanField(f, v);
    this.endRecord();
  }

  scanSlot(slotNo: number, s: string, from: number, to: number, base = 0, more = false): void {
    const w = this.wasm;
    if (w !== undefined && !more && !(this.tailSlot === slotNo && base > 0 && base === this.tailEnd && this.tail.length > 0)) {
      // a whole value: into the batch (what the window logic below does for it: no tail, no bounds)
      this.tail = '';
      this.tailSlot = -1;
      if (to <= from) return;
      const ctx = this.slots[slotNo]!.ctx;
      if (!w.batchAdd(s, from, to, ctx)) {
        this.flush();
        w.batchAdd(s, from, to, ctx);
      }
      const q = this.qN++;
      this.qSlot[q] = slotNo;
      this.qS[q] = s;
      this.qFrom[q] = from;
      this.qTo[q] = to;
      this.qBase[q] = base;
      return;
    }
    if (this.qN) this.flush();
    // windows of a value longer than a reader holds: each is scanned with the end of the one
    // before it, and a hit counts in the window where its start is at least WINDOW_OVERLAP
    // units from the end (or in the last window), so a value cut by a window edge is found
    // whole, once; WINDOW_MARGIN more units keep the context before the first counted start
    let lo = from;
    if (this.tailSlot === slotNo && base > 0 && base === this.tailEnd && this.tail.length > 0) {
      const t = this.tail;
      s = t + s.slice(from, to);
      base -= t.length;
      from = 0;
      to = s.length;
      lo = Math.max(0, this.acceptedTo - base);
    }
    this.tail = '';
    this.tailSlot = -1;
    let hi = to;
    if (more) {
      hi = Math.max(lo, to - WINDOW_OVERLAP);
      const keep = Math.max(from, to - WINDOW_OVERLAP - WINDOW_MARGIN);
      this.tail = s.slice(keep, to);
      this.tailSlot = slotNo;
      this.tailEnd = base + (to - from);
      this.acceptedTo = base + (hi - from);
    }
    if (to <= from) return;
    const slot = this.slots[slotNo]!;
    const e = this.engine;
    e.scan(s, from, to, slot.ctx, this.minConf);
    const h = e.hits;
    const n = h.n;
    if (n === 0) return;
    // the text as the detectors read it (full-width forms narrowed to ASCII, at `e.offset`)
    const off = e.offset;
    if (e.narrowedValue) s = e.s;
    const windowed = lo > from || hi < to;
    for (let k = 0; k < n; k++) {
      if (windowed && (h.start[k]! < lo || h.start[k]! >= hi)) continue;
      this.hit(slot, s, off, from, base, h.ti[k]!, h.start[k]!, h.end[k]!, h.conf[k]!, h.jur[k]);
    }
  }

  /** Runs the batch of waiting values and books their hits, value by value. */
  private flush(): void {
    const w = this.wasm!;
    const count = this.qN;
    this.qN = 0;
    const n = w.batchRun(this.minConf);
    const r = w.batch;
    const { u8, u16, i32, f64 } = w.mem;
    let k = 0;
    for (let v = 0; v < count && k < n; v++) {
      if (i32[r.value + k] !== v) continue;
      const slot = this.slots[this.qSlot[v]!]!;
      const from = this.qFrom[v]!;
      const base = this.qBase[v]!;
      // the text as the detectors read it (full-width forms narrowed to ASCII, from `from` on)
      const narrowed = i32[r.narrowed + v] !== 0;
      const s = narrowed ? w.narrowedText(v, this.qTo[v]! - from) : this.qS[v]!;
      const off = narrowed ? from : 0;
      for (; k < n && i32[r.value + k] === v; k++) {
        const ti = u8[r.ti + k]!;
        this.hit(slot, s, off, from, base, ti, i32[r.start + k]! + from, i32[r.end + k]! + from, f64[r.conf + k]!, w.jurisdiction(ti, u16[r.jur + k]!));
      }
    }
    for (let v = 0; v < count; v++) this.qS[v] = '';
  }

  /**
   * Books the records of a module call: counts them all, and opens and ends those with hits,
   * whose hits go through `hit` as a batch's do, their text read in the module's memory.
   */
  bookModuleRecords(m: ModuleRecords): void {
    if (this.qN) this.flush();
    if (this.open) this.endRecord();
    const w = this.wasm!;
    const r = w.batch;
    const nh = r.n;
    this.records += m.count;
    if (this.books !== undefined) this.moduleKeys(w);
    if (nh === 0) return;
    const { u8, u16, i32, f64 } = w.mem;
    // value v's text is u16[base + off[v], base + off[v] + len[v])
    const base = m.units >> 1;
    let k = 0;
    while (k < nh) {
      const recNo = i32[m.rec + i32[r.value + k]!]!;
      this.open = true;
      const id = (this.recordId = m.recordId(recNo));
      this.idShort = typeof id === 'number' ? Math.abs(id) < 10 ** (MIN_ID_HIT - 1) : id.length < MIN_ID_HIT;
      while (k < nh) {
        const v = i32[r.value + k]!;
        if (i32[m.rec + v] !== recNo) break;
        const slot = this.slots[m.slotOf[i32[m.col + v]!]!]!;
        const from = i32[m.off + v]!;
        // the text as the detectors read it (full-width forms narrowed to ASCII, from `from` on)
        const narrowed = i32[r.narrowed + v] !== 0;
        const s = narrowed ? w.narrowedText(v, i32[m.len + v]!) : '';
        const off = narrowed ? from : -base;
        const mu = narrowed ? undefined : u16;
        for (; k < nh && i32[r.value + k] === v; k++) {
          const ti = u8[r.ti + k]!;
          this.hit(slot, s, off, from, 0, ti, i32[r.start + k]! + from, i32[r.end + k]! + from, f64[r.conf + k]!, w.jurisdiction(ti, u16[r.jur + k]!), mu);
        }
      }
      this.endRecord();
    }
  }

  /** Where the module books (see beforeModuleCall): its counts and sums (word indexes), and its columns by field name. */
  private books: { counts: number; sums: number; colOfName: Map<string, number> } | undefined;
  private booksNever = false;

  beforeModuleCall(names: readonly (string | undefined)[]): void {
    if (this.books !== undefined || this.booksNever || this.findings.length < this.maxFindings || this.pending.length > 0) return;
    const seen = new Set<string>();
    for (const name of names) {
      if (name === undefined) continue;
      if (seen.has(name)) {
        // two columns of one field (two keys that decode to one name): the scanner books
        this.booksNever = true;
        return;
      }
      seen.add(name);
    }
    const w = this.wasm!;
    const { counts, sums } = w.bookReserve(names.length, 1 << 14);
    this.books = { counts, sums, colOfName: new Map() };
    names.forEach((name, c) => {
      if (name !== undefined) this.bookColumn(c, name);
    });
    const sink = this.sink;
    if (sink?.sipKey !== undefined && sink.addHash !== undefined && !w.bookHashing) w.bookSip(sink.sipKey);
    w.bookOn(true, this.subjects);
  }

  moduleColumnNamed(col: number, name: string): void {
    const b = this.books;
    if (b === undefined) return;
    if (b.colOfName.has(name)) {
      // a second column of one field: the module's counts come back, and it books no more
      this.endModuleCalls();
      this.booksNever = true;
      return;
    }
    this.bookColumn(col, name);
  }

  /** Column c is field `name`: its slot (if made) hands its count and sum so far to the column and books there from now on. */
  private bookColumn(c: number, name: string): void {
    const b = this.books!;
    b.colOfName.set(name, c);
    const k = this.bySlotName.get(name);
    if (k === undefined) return;
    const slot = this.slots[k]!;
    const { i32, f64 } = this.wasm!.mem;
    for (let t = 0; t < NT; t++) {
      i32[b.counts + c * NT + t] = slot.counts[t]!;
      f64[b.sums + c * NT + t] = slot.sums[t]!;
    }
    slot.col = c;
  }

  endModuleCalls(): void {
    const b = this.books;
    if (b === undefined) return;
    this.books = undefined;
    const w = this.wasm!;
    w.bookOn(false, false);
    const { i32, f64 } = w.mem;
    for (const slot of this.slots) {
      const c = slot.col;
      if (c < 0) continue;
      slot.col = -1;
      let any = false;
      for (let t = 0; t < NT && !any; t++) any = i32[b.counts + c * NT + t] !== 0;
      if (!any) continue;
      if (!slot.any) {
        slot.any = true;
        slot.counts = new Int32Array(NT);
        slot.sums = new Float64Array(NT);
      }
      for (let t = 0; t < NT; t++) {
        slot.counts[t] = i32[b.counts + c * NT + t]!;
        slot.sums[t] = f64[b.sums + c * NT + t]!;
      }
    }
  }

  /** The subject keys the module wrote for the last call's records: hashed (or handed to onSubject), then wiped. */
  private moduleKeys(w: WasmEngine): void {
    const keys = w.bookKeys();
    const { i32, u16 } = w.mem;
    const ku = this.keyUnits;
    if (w.bookHashing) {
      // hashed in the module with the sink's key: only the hashes are here
      const sink = this.sink!;
      for (let k = 0; k < keys.n; k++) sink.addHash!(w.region(i32[keys.jur + k]!), i32[keys.hi + k]! >>> 0, i32[keys.lo + k]! >>> 0);
      return;
    }
    for (let k = 0; k < keys.n; k++) {
      const jur = w.region(i32[keys.jur + k]!);
      const at = keys.units + i32[keys.off + k]!;
      const len = i32[keys.len + k]!;
      if (this.sink !== undefined) {
        if (ku.buf.length < len) ku.buf = new Uint16Array(len * 2);
        const buf = ku.buf;
        for (let q = 0; q < len; q++) buf[q] = u16[at + q]!;
        this.sink.addUnits(jur, buf, len);
        ku.clear(len);
      } else this.onSubject?.(jur, unitsText(u16, at, at + len));
      u16.fill(0, at, at + len);
    }
  }

  /**
   * One hit at s[a - off, b - off) of a value that starts at `from` (at `base` in the whole
   * value): the slot's count and confidence sum (totals per type and category are summed from
   * these in result()), a finding while there is room, a subject key offer.
   */
  private hit(slot: Slot, s: string, off: number, from: number, base: number, ti: number, a: number, b: number, conf: number, jur: string | undefined, mu?: Uint16Array): void {
    if (mu !== undefined) {
      // the text is in the module's memory at mu[a - off, b - off): a string only where one is kept
      if (this.nRaw < MAX_ID_HITS && !this.idShort) {
        this.rawS[this.nRaw] = unitsText(mu, a - off, b - off);
        this.rawA[this.nRaw] = 0;
        this.rawB[this.nRaw] = b - a;
        this.rawType[this.nRaw++] = ti;
      }
      s = '';
    } else if (this.nRaw < MAX_ID_HITS) {
      // where the value is; cut out only if the record's id is long enough to hold it
      this.rawS[this.nRaw] = s;
      this.rawA[this.nRaw] = a - off;
      this.rawB[this.nRaw] = b - off;
      this.rawType[this.nRaw++] = ti;
    }
    const bk = this.books;
    if (bk !== undefined && slot.col >= 0) {
      // the module books this field: its count and sum are there (one accumulator, in order)
      const { i32, f64 } = this.wasm!.mem;
      const cell = slot.col * NT + ti;
      i32[bk.counts + cell]!++;
      f64[bk.sums + cell] = f64[bk.sums + cell]! + conf;
    } else {
      if (!slot.any) {
        slot.any = true;
        slot.counts = new Int32Array(NT);
        slot.sums = new Float64Array(NT);
      }
      const counts = slot.counts;
      const sums = slot.sums;
      counts[ti]!++;
      sums[ti] = sums[ti]! + conf;
    }
    if (this.findings.length + this.pending.length < this.maxFindings) {
      const type = DETECTION_TYPES[ti]!;
      const text = mu !== undefined ? unitsText(mu, a - off, b - off) : s.slice(a - off, b - off);
      this.pending.push({ field: slot.name, type, start: a - from + base, end: b - from + base, confidence: conf, masked: maskMatch(text, type) });
    }
    if (this.subjects) {
      const prio = PRIO[ti]!;
      if (prio >= 0 && jur !== undefined) this.offerSubject(jur, prio, ti, mu ?? s, a - off, b - off);
    }
  }

  /**
   * The record id with the values detected in its record masked: an id the masker let through
   * (a bare 9-digit SSN is only an SSN in a field that says so) shown beside the finding that
   * masks the same value — `{"id": "536224187", "ssn": "536224187"}`, a table keyed by its
   * `ssn` column — would give it away.
   */
  private idWithoutHits(id: string | number): string | number {
    if (typeof id === 'number' ? Math.abs(id) < 10 ** (MIN_ID_HIT - 1) : id.length < MIN_ID_HIT) return id;
    let out = String(id);
    const alnum = (t: string) => t.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    let changed = false;
    for (let i = 0; i < this.nRaw; i++) {
      const raw = this.rawS[i]!.slice(this.rawA[i]!, this.rawB[i]!);
      const type = DETECTION_TYPES[this.rawType[i]!]!;
      if (raw.length >= MIN_ID_HIT && out.includes(raw)) {
        out = out.split(raw).join(maskMatch(raw, type));
        changed = true;
        continue;
      }
      const r = alnum(raw);
      if (r.length < MIN_ID_HIT) continue;
      const o = alnum(out);
      if (o === r) out = maskMatch(out, type);
      // the value inside a longer id, written another way: all but its last four characters
      else if (o.includes(r)) out = out.replace(/[A-Za-z0-9](?=(?:[^A-Za-z0-9]*[A-Za-z0-9]){4})/g, '*');
      else continue;
      changed = true;
    }
    return changed ? out : id;
  }

  /** The identifier s[a, b) (of a string or of the module's memory) as the record's subject in `jur`, unless a stronger one is. */
  private offerSubject(jur: string, prio: number, ti: number, s: string | Uint16Array, a: number, b: number): void {
    const n = this.subN;
    let i = 0;
    while (i < n && this.subJur[i] !== jur) i++;
    if (i < n && this.subPrio[i]! <= prio) return;
    if (i === n) {
      this.subJur[i] = jur;
      this.subN = n + 1;
    }
    this.subPrio[i] = prio;
    this.subTi[i] = ti;
    let u = this.subU[i];
    if (u === undefined || u.length < b - a) u = this.subU[i] = new Uint16Array(Math.max(32, (b - a) * 2));
    if (typeof s === 'string') for (let k = a; k < b; k++) u[k - a] = s.charCodeAt(k);
    else for (let k = a; k < b; k++) u[k - a] = s[k]!;
    this.subLen[i] = b - a;
  }

  endRecord(): void {
    if (this.qN) this.flush();
    if (!this.open) return;
    this.open = false;
    if (this.nRaw) {
      this.recordId = this.idWithoutHits(this.recordId);
      this.nRaw = 0;
      this.rawS.length = 0; // the values are not kept past their record
    }
    if (this.pending.length) {
      for (const p of this.pending) this.findings.push({ record: this.recordId, ...p });
      this.pending.length = 0;
    }
    const n = this.subN;
    if (n) {
      for (let i = 0; i < n; i++) {
        const jur = this.subJur[i]!;
        const ti = this.subTi[i]!;
        const u = this.subU[i]!;
        const len = this.subLen[i]!;
        if (this.sink !== undefined) {
          const n = this.keyUnits.write(ti, u, 0, len, jur);
          this.sink.addUnits(jur, this.keyUnits.buf, n);
          this.keyUnits.clear(n);
        } else this.onSubject?.(jur, SUBJECT_PREFIX[ti]! + normalizeKeyIn(DETECTION_TYPES[ti]!, unitsText(u, 0, len), 0, len, jur));
        // the raw identifier (and any longer one offered before it) is not kept past its record
        u.fill(0);
      }
      this.subN = 0;
    }
  }

  /** See FastSourceScanner.release. */
  release(): void {
    this.wasm?.release();
  }

  result(): SourceScanResult {
    this.endModuleCalls();
    if (this.qN) this.flush();
    if (this.open) this.endRecord();
    const fields: FieldSummary[] = [];
    for (const slot of this.slots) {
      if (!slot.any) continue;
      const types: FieldTypeCount[] = [];
      for (let t = 0; t < NT; t++) {
        const c = slot.counts[t]!;
        if (c > 0) types.push({ type: DETECTION_TYPES[t]!, count: c, confidence: Math.round((slot.sums[t]! / c) * 100) / 100 });
      }
      types.sort((x, y) => y.count - x.count || (x.type < y.type ? -1 : 1));
      fields.push({ field: slot.name, types });
    }
    const byType = new Float64Array(NT);
    let total = 0;
    for (const slot of this.slots) {
      if (!slot.any) continue;
      for (let t = 0; t < NT; t++) {
        byType[t] = byType[t]! + slot.counts[t]!;
        total += slot.counts[t]!;
      }
    }
    const categories: Partial<Record<CategoryId, number>> = {};
    for (let t = 0; t < NT; t++) {
      const c = byType[t]!;
      if (c > 0) {
        const cat = TYPE_INFO[DETECTION_TYPES[t]!].category;
        categories[cat] = (categories[cat] ?? 0) + c;
      }
    }
    return {
      records: this.records,
      fields,
      findings: this.findings.slice(),
      findingsTotal: total,
      findingsTruncated: total > this.findings.length,
      categories,
    };
  }
}

/** The string of units u[a, b). */
export function unitsText(u: Uint16Array, a: number, b: number): string {
  return b - a <= 64 ? String.fromCharCode.apply(null, u.subarray(a, b) as unknown as number[]) : Buffer.from(u.buffer, u.byteOffset + a * 2, (b - a) * 2).toString('utf16le');
}

export { normalizeKey } from './subject-key.js';

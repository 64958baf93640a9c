/**
 * JSON lines: one JSON value per line. Each line's string fields (and numbers) are scanned
 * under their key; nested values are flattened to paths as in JSON documents (`user.phone`,
 * `phones[]`); `record` is the line's top-level `idKey` field (default `id`) when it is a
 * string or number, else the line number. Blank lines are skipped; a line that is not JSON
 * is an InputError naming file, line and column, and so is nesting deeper than MAX_NESTING
 * levels; a line that is JSON but not an object is scanned as field `value` (`value[]` for
 * the elements of an array).
 *
 * Flat objects (nearly every line of an export) are read in place by json-line.ts, string
 * values handed to the detectors as ranges of the chunk; any other line goes through
 * JSON.parse, with the same result. Bytes on the WebAssembly engine are read inside the module
 * (jsonl-module.ts, native/scan-engine/jsonl.c), which hands back to this reader every line it
 * does not take, and the rest of a file past its limits.
 */
import { InputError } from '../../common/errors.js';
import type { FastSourceScanner } from '../core/scanner.js';
import { fastPath, isModuleScanner } from '../core/scanner.js';
import type { JsonLinesOptions, ReadStats, SourceScanner, TextInput } from '../core/types.js';
import { type ByteView, chunkViews, inputChunks } from './bytes.js';
import { ESCAPED, FlatLine, KeyTable, NUMBER, PLAIN } from './json-line.js';
import type { Handoff, JsonLineReader, JsonlModuleLimits } from './jsonl-module.js';
import { JsonlModuleReader } from './jsonl-module.js';
import { eachLine } from './lines.js';
import { KeyFolder } from '../core/field-paths.js';

/** Longest JSON line accepted (input units); a longer one cannot be parsed in flat memory. */
export const MAX_JSON_LINE_UNITS = 64 << 20;

/** Deepest nesting read inside a line (as for JSON documents). */
export const MAX_NESTING = 512;

export async function readJsonLines(input: TextInput, opts: JsonLinesOptions, target: SourceScanner, limits?: JsonlModuleLimits): Promise<ReadStats> {
  const scanner = fastPath(target);
  const reader = new JsonLines(scanner, opts);
  const chunks = inputChunks(input)[Symbol.asyncIterator]();
  const more: AsyncIterable<Buffer | string> = { [Symbol.asyncIterator]: () => chunks };
  const first = await chunks.next();
  if (first.done) return { records: 0, units: 0 };
  if (typeof first.value === 'string' || !isModuleScanner(scanner)) {
    // text, or the TypeScript engine: jsonl.ts reads it all
    const units = await reader.readLines(views([first.value], more), 0, 0);
    return { records: reader.records, units };
  }
  // bytes on the WebAssembly engine: the module reads them, and jsonl.ts the lines it hands back
  const m = new JsonlModuleReader(scanner, reader, limits);
  let units = first.value.length;
  let handoff: Handoff | undefined;
  try {
    handoff = m.write(first.value, false);
    opts.onProgress?.(units);
    while (handoff === undefined) {
      const c = await chunks.next();
      if (c.done) {
        handoff = m.write(new Uint8Array(0), true);
        break;
      }
      units += c.value.length;
      handoff = m.write(c.value as Buffer, false);
      opts.onProgress?.(units);
    }
  } catch (e) {
    // a line that is not JSON: the input is closed, as a for-await loop would close it
    await chunks.return?.(undefined);
    throw e;
  }
  if (handoff !== undefined) {
    // jsonl.ts reads on from the line start where the module stopped
    const held = handoff.pieces.reduce((n, p) => n + p.length, 0);
    units = await reader.readLines(views(handoff.pieces, more), handoff.line - 1, units - held);
  }
  return { records: reader.records, units };
}

/**
 * Byte or text views of the chunks, cut to VIEW_BYTES as viewChunks (bytes.ts) cuts them; `head`
 * first (a handoff's pieces, cut already where the whole chunk's views would be).
 */
async function* views(head: readonly (Buffer | string)[], rest: AsyncIterable<Buffer | string>): AsyncGenerator<ByteView> {
  for (const c of head) yield* chunkViews(c);
  for await (const c of rest) yield* chunkViews(c);
}

/**
 * The reading state of one JSON-lines source and the reading of a line (json-line.ts's
 * FlatLine, else JSON.parse). The module's reader (jsonl-module.ts) hands it the lines it
 * does not take, in order, and takes the names of its keys from it.
 */
class JsonLines implements JsonLineReader {
  records = 0;
  private readonly idKey: string;
  private readonly source: string;
  private readonly slots = new Map<string, number>();
  // keys of maps keyed by ids fold into `*` past a bound (core/field-paths.ts)
  private readonly folder = new KeyFolder();
  private readonly keys = new KeyTable();
  private readonly flat = new FlatLine(this.keys);
  // per key-table entry: its key name (decoded), whether it is the id key, its scanner slot
  // (made when a value is first scanned under it, as the JSON.parse path does)
  private readonly entryName: string[] = [];
  private readonly entryIsId: boolean[] = [];
  private readonly entrySlot: number[] = [];

  constructor(
    private readonly scanner: FastSourceScanner,
    private readonly opts: JsonLinesOptions,
  ) {
    this.idKey = opts.idKey ?? 'id';
    this.source = opts.source ?? '<jsonl>';
  }

  slotOf(k: string): number {
    let sl = this.slots.get(k);
    if (sl === undefined) {
      sl = this.scanner.slot(k);
      this.slots.set(k, sl);
    }
    return sl;
  }

  /**
   * Reads the lines of `chunks`, numbered from `lineBase` + 1, after `unitsBase` units of the
   * input; returns the input's units read in all.
   */
  async readLines(chunks: AsyncIterable<ByteView>, lineBase: number, unitsBase: number): Promise<number> {
    const progress = this.opts.onProgress;
    const r = await eachLine(chunks, MAX_JSON_LINE_UNITS, {
      line: (v, a, b, lineNo) => {
        this.line(v, a, b, lineBase + lineNo);
      },
      long: (_piece, lineNo) => {
        throw new InputError({ file: this.source, line: lineBase + lineNo, message: `line longer than ${MAX_JSON_LINE_UNITS} characters; JSON lines this long cannot be scanned in flat memory` });
      },
      ...(progress ? { progress: (u: number) => progress(unitsBase + u) } : {}),
    });
    return unitsBase + r.units;
  }

  /** Line lineNo, v.s[a, b): read and scanned; returns FlatLine.read's answer (1: read flat, 0: blank, -1: by JSON.parse). */
  line(v: ByteView, a: number, b: number, lineNo: number): number {
    const got = this.flat.read(v.s, a, b);
    if (got === 0) return 0;
    if (got < 0) {
      this.parsedLine(this.scanner, v.text(a, b), lineNo);
      return -1;
    }
    this.records++;
    this.scanFlat(this.scanner, v, lineNo);
    return 1;
  }

  fieldKey(k: number): { readonly name: string; readonly isId: boolean } | undefined {
    if (k >= this.flat.n) return undefined;
    const e = this.flat.entry[k]!;
    return { name: this.entryName[e]!, isId: this.entryIsId[e]! };
  }

  get fields(): number {
    return this.flat.n;
  }

  unnamedKeys(): boolean {
    return this.entryName.length < this.keys.raw.length;
  }

  /** An id number token: as written when a JavaScript number would round it, else its number. */
  numberId(t: string): string | number | undefined {
    const x = Number(t);
    // an integer past 2^53 as written: rounded, an ID number would keep most of its digits
    return Number.isFinite(x) ? (isLongInteger(t) ? t : x) : undefined;
  }

  /** Names the key-table entries added since the last line (entries are numbered in order). */
  private nameNew(v: ByteView): void {
    const { entryName, keys, folder } = this;
    for (let e = entryName.length; e < keys.raw.length; e++) {
      const raw = keys.raw[e]!;
      // keys of one input are all byte-view or all text-view strings (the first chunk decides)
      const name = v.bytes ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
      entryName.push(folder.key(undefined, name));
      this.entryIsId.push(name === this.idKey);
    }
  }

  private slotOfEntry(e: number): number {
    return this.entrySlot[e] ?? (this.entrySlot[e] = this.slotOf(this.entryName[e]!));
  }

  private scanFlat(sc: FastSourceScanner, v: ByteView, lineNo: number): void {
    const { flat, entryIsId } = this;
    const s = v.s;
    const n = flat.n;
    let id: string | number = lineNo;
    if (this.entryName.length < this.keys.raw.length) this.nameNew(v);
    // the id first (it may come after other keys; the record id is set before scanning)
    for (let k = 0; k < n; k++) {
      if (!entryIsId[flat.entry[k]!]) continue;
      const kind = flat.kind[k]!;
      if (kind === PLAIN) id = flat.high[k] ? v.decode(flat.start[k]!, flat.end[k]!) : s.slice(flat.start[k]!, flat.end[k]!);
      else if (kind === ESCAPED) id = JSON.parse(v.decode(flat.start[k]!, flat.end[k]!)) as string;
      else if (kind === NUMBER) id = this.numberId(s.slice(flat.start[k]!, flat.end[k]!)) ?? id;
    }
    sc.beginRecord(id);
    for (let k = 0; k < n; k++) {
      const e = flat.entry[k]!;
      const a = flat.start[k]!;
      const b = flat.end[k]!;
      const kind = flat.kind[k]!;
      if (kind === PLAIN) {
        if (b <= a) continue;
        if (flat.high[k] === 0 || !v.bytes) sc.scanSlot(this.slotOfEntry(e), s, a, b, 0);
        else {
          const t = v.decode(a, b);
          sc.scanSlot(this.slotOfEntry(e), t, 0, t.length, 0);
        }
      } else if (kind === ESCAPED) {
        const t = JSON.parse(v.decode(a, b)) as string;
        if (t.length) sc.scanSlot(this.slotOfEntry(e), t, 0, t.length, 0);
      } else if (kind === NUMBER && !entryIsId[e]) {
        const raw = s.slice(a, b);
        const x = Number(raw);
        if (Number.isFinite(x)) {
          const t = isLongInteger(raw) ? raw : String(x);
          sc.scanSlot(this.slotOfEntry(e), t, 0, t.length, 0);
        }
      }
    }
    sc.endRecord();
  }

  /** Any line the fast path does not take: JSON.parse, as the reader always did. */
  private parsedLine(sc: FastSourceScanner, text: string, lineNo: number): void {
    const { idKey, folder } = this;
    let p = 0;
    while (p < text.length && isWs(text.charCodeAt(p))) p++;
    if (p === text.length) return;
    let value: unknown;
    try {
      value = JSON.parse(quoteLongIntegers(text));
    } catch {
      // the place from the text as written; V8's message quotes the input, which could hold a
      // raw value, so only the place is kept
      let err: unknown;
      try {
        JSON.parse(text);
      } catch (e) {
        err = e;
      }
      throw new InputError({ file: this.source, line: lineNo, ...columnOf(err, text), message: 'not valid JSON' });
    }
    this.records++;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      sc.beginRecord(lineNo);
      this.nested(sc, value, 'value', lineNo, 0);
      sc.endRecord();
      return;
    }
    const obj = value as Record<string, unknown>;
    const id = obj[idKey];
    sc.beginRecord(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : lineNo);
    for (const key in obj) {
      const v = obj[key];
      if (typeof v === 'string') {
        if (v.length) sc.scanSlot(this.slotOf(folder.key(undefined, key)), v, 0, v.length, 0);
      } else if (typeof v === 'number' && Number.isFinite(v) && key !== idKey) {
        const t = String(v);
        sc.scanSlot(this.slotOf(folder.key(undefined, key)), t, 0, t.length, 0);
      } else if (v !== null && typeof v === 'object') this.nested(sc, v, folder.key(undefined, key), lineNo, 1);
    }
    sc.endRecord();
  }

  /** A value inside a line, under its path: strings and finite numbers scanned, objects and arrays walked. */
  private nested(sc: FastSourceScanner, v: unknown, path: string, lineNo: number, depth: number): void {
    if (typeof v === 'string') {
      if (v.length) sc.scanSlot(this.slotOf(path), v, 0, v.length, 0);
    } else if (typeof v === 'number') {
      if (Number.isFinite(v)) {
        const t = String(v);
        sc.scanSlot(this.slotOf(path), t, 0, t.length, 0);
      }
    } else if (v !== null && typeof v === 'object') {
      // the path is not quoted: keys can be values too
      if (depth >= MAX_NESTING) throw new InputError({ file: this.source, line: lineNo, message: `nesting deeper than ${MAX_NESTING} levels` });
      if (Array.isArray(v)) {
        const p = `${path}[]`;
        for (const x of v) this.nested(sc, x, p, lineNo, depth + 1);
      } else for (const k in v) this.nested(sc, (v as Record<string, unknown>)[k], this.folder.path(path, k), lineNo, depth + 1);
    }
  }
}

/** An integer token that a JavaScript number would round (more than 15 digits). */
function isLongInteger(t: string): boolean {
  return t.length > 15 && /^-?\d{16,}$/.test(t);
}

/**
 * The line with every integer token of more than 15 digits written as a string: JSON.parse
 * would round it (an 18-digit ID number stored as a JSON number loses its last digits, and
 * a rounded ID shown as a record id gives most of it away). Text inside strings is left alone.
 */
export function quoteLongIntegers(text: string): string {
  if (!/\d{16}/.test(text)) return text;
  const n = text.length;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: to its closing quote
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = c === 45 ? i + 1 : i;
      const from = j;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const next = j < n ? text.charCodeAt(j) : 0;
      if (next === 46 || next === 101 || next === 69) {
        // a fraction or an exponent: not an integer token, skip the rest of it
        j++;
        while (j < n && /[0-9eE+.-]/.test(text[j]!)) j++;
      } else if (j - from > 15) {
        out += text.slice(last, i) + '"' + text.slice(i, j) + '"';
        last = j;
      }
      i = Math.max(j, i + 1);
    } else i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xfeff;
}

/** V8 says "... at position N" (or "line L column C"); turn it into a 1-based column. */
function columnOf(err: unknown, text: string): { column?: number } {
  const m = /position (\d+)/.exec((err as Error).message ?? '');
  if (m) return { column: Math.min(Number(m[1]), text.length) + 1 };
  const lc = /column (\d+)/.exec((err as Error).message ?? '');
  return lc ? { column: Number(lc[1]) } : {};
}

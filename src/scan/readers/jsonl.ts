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
 * JSON.parse, with the same result.
 */
import { InputError } from '../../common/errors.js';
import type { FastSourceScanner } from '../core/scanner.js';
import { fastPath } from '../core/scanner.js';
import type { JsonLinesOptions, ReadStats, SourceScanner, TextInput } from '../core/types.js';
import { viewChunks, type ByteView } from './bytes.js';
import { ESCAPED, FlatLine, KeyTable, NUMBER, PLAIN } from './json-line.js';
import { eachLine } from './lines.js';
import { KeyFolder } from '../core/field-paths.js';

/** Longest JSON line accepted (input units); a longer one cannot be parsed in flat memory. */
export const MAX_JSON_LINE_UNITS = 64 << 20;

/** Deepest nesting read inside a line (as for JSON documents). */
export const MAX_NESTING = 512;

export async function readJsonLines(input: TextInput, opts: JsonLinesOptions, target: SourceScanner): Promise<ReadStats> {
  const scanner = fastPath(target);
  const idKey = opts.idKey ?? 'id';
  const source = opts.source ?? '<jsonl>';
  let records = 0;
  const slots = new Map<string, number>();
  const slotOf = (k: string): number => {
    let sl = slots.get(k);
    if (sl === undefined) {
      sl = scanner.slot(k);
      slots.set(k, sl);
    }
    return sl;
  };
  // keys of maps keyed by ids fold into `*` past a bound (core/field-paths.ts)
  const folder = new KeyFolder();
  const keys = new KeyTable();
  const flat = new FlatLine(keys);
  // per key-table entry: its key name (decoded), whether it is the id key, its scanner slot
  // (made when a value is first scanned under it, as the JSON.parse path does)
  const entryName: string[] = [];
  const entryIsId: boolean[] = [];
  const entrySlot: number[] = [];
  /** Names the key-table entries added since the last line (entries are numbered in order). */
  const nameNew = (v: ByteView): void => {
    for (let e = entryName.length; e < keys.raw.length; e++) {
      const raw = keys.raw[e]!;
      // keys of one input are all byte-view or all text-view strings (the first chunk decides)
      const name = v.bytes ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
      entryName.push(folder.key(undefined, name));
      entryIsId.push(name === idKey);
    }
  };
  const slotOfEntry = (e: number): number => entrySlot[e] ?? (entrySlot[e] = slotOf(entryName[e]!));
  const r = await eachLine(viewChunks(input), MAX_JSON_LINE_UNITS, {
    line(v, a, b, lineNo) {
      const got = flat.read(v.s, a, b);
      if (got === 0) return;
      if (got < 0) {
        parsedLine(scanner, v.text(a, b), lineNo);
        return;
      }
      records++;
      scanFlat(scanner, v, lineNo);
    },
    long(_piece, lineNo) {
      throw new InputError({ file: source, line: lineNo, message: `line longer than ${MAX_JSON_LINE_UNITS} characters; JSON lines this long cannot be scanned in flat memory` });
    },
    ...(opts.onProgress ? { progress: opts.onProgress } : {}),
  });
  return { records, units: r.units };

  function scanFlat(sc: FastSourceScanner, v: ByteView, lineNo: number): void {
    const s = v.s;
    const n = flat.n;
    let id: string | number = lineNo;
    if (entryName.length < keys.raw.length) nameNew(v);
    // the id first (it may come after other keys; the record id is set before scanning)
    for (let k = 0; k < n; k++) {
      if (!entryIsId[flat.entry[k]!]) continue;
      const kind = flat.kind[k]!;
      if (kind === PLAIN) id = flat.high[k] ? v.decode(flat.start[k]!, flat.end[k]!) : s.slice(flat.start[k]!, flat.end[k]!);
      else if (kind === ESCAPED) id = JSON.parse(v.decode(flat.start[k]!, flat.end[k]!)) as string;
      else if (kind === NUMBER) {
        const t = s.slice(flat.start[k]!, flat.end[k]!);
        const x = Number(t);
        // an integer past 2^53 as written: rounded, an ID number would keep most of its digits
        if (Number.isFinite(x)) id = isLongInteger(t) ? t : x;
      }
    }
    sc.beginRecord(id);
    for (let k = 0; k < n; k++) {
      const e = flat.entry[k]!;
      const a = flat.start[k]!;
      const b = flat.end[k]!;
      const kind = flat.kind[k]!;
      if (kind === PLAIN) {
        if (b <= a) continue;
        if (flat.high[k] === 0 || !v.bytes) sc.scanSlot(slotOfEntry(e), s, a, b, 0);
        else {
          const t = v.decode(a, b);
          sc.scanSlot(slotOfEntry(e), t, 0, t.length, 0);
        }
      } else if (kind === ESCAPED) {
        const t = JSON.parse(v.decode(a, b)) as string;
        if (t.length) sc.scanSlot(slotOfEntry(e), t, 0, t.length, 0);
      } else if (kind === NUMBER && !entryIsId[e]) {
        const raw = s.slice(a, b);
        const x = Number(raw);
        if (Number.isFinite(x)) {
          const t = isLongInteger(raw) ? raw : String(x);
          sc.scanSlot(slotOfEntry(e), t, 0, t.length, 0);
        }
      }
    }
    sc.endRecord();
  }

  /** Any line the fast path does not take: JSON.parse, as the reader always did. */
  function parsedLine(sc: FastSourceScanner, text: string, lineNo: number): void {
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
      throw new InputError({ file: source, line: lineNo, ...columnOf(err, text), message: 'not valid JSON' });
    }
    records++;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      sc.beginRecord(lineNo);
      nested(sc, value, 'value', lineNo, 0);
      sc.endRecord();
      return;
    }
    const obj = value as Record<string, unknown>;
    const id = obj[idKey];
    sc.beginRecord(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : lineNo);
    for (const key in obj) {
      const v = obj[key];
      if (typeof v === 'string') {
        if (v.length) sc.scanSlot(slotOf(folder.key(undefined, key)), v, 0, v.length, 0);
      } else if (typeof v === 'number' && Number.isFinite(v) && key !== idKey) {
        const t = String(v);
        sc.scanSlot(slotOf(folder.key(undefined, key)), t, 0, t.length, 0);
      } else if (v !== null && typeof v === 'object') nested(sc, v, folder.key(undefined, key), lineNo, 1);
    }
    sc.endRecord();
  }

  /** A value inside a line, under its path: strings and finite numbers scanned, objects and arrays walked. */
  function nested(sc: FastSourceScanner, v: unknown, path: string, lineNo: number, depth: number): void {
    if (typeof v === 'string') {
      if (v.length) sc.scanSlot(slotOf(path), v, 0, v.length, 0);
    } else if (typeof v === 'number') {
      if (Number.isFinite(v)) {
        const t = String(v);
        sc.scanSlot(slotOf(path), t, 0, t.length, 0);
      }
    } else if (v !== null && typeof v === 'object') {
      // the path is not quoted: keys can be values too
      if (depth >= MAX_NESTING) throw new InputError({ file: source, line: lineNo, message: `nesting deeper than ${MAX_NESTING} levels` });
      if (Array.isArray(v)) {
        const p = `${path}[]`;
        for (const x of v) nested(sc, x, p, lineNo, depth + 1);
      } else for (const k in v) nested(sc, (v as Record<string, unknown>)[k], folder.path(path, k), lineNo, depth + 1);
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

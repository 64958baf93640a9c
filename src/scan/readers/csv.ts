/**
 * Streaming CSV / TSV reader (RFC 4180 quoting, any one-character delimiter, sniffed when
 * not given; UTF-8 BOM; LF, CRLF or CR line ends).
 *
 * Byte input is parsed through its latin1 view and decoded only per non-ASCII field (see
 * bytes.ts). Each character is looked at once: unquoted fields are found with a charCode
 * loop, quoted ones with indexOf('"'). A field that lies inside one chunk is handed to the
 * scanner as a range of that chunk (no copy); only a field that spans chunks or holds
 * doubled quotes is joined. Memory is one chunk plus the current field (capped at
 * WINDOW_UNITS: longer fields are scanned in windows), whatever the file size.
 *
 * Lenient where readers usually are (text after a closing quote is kept: `"ab"cd` → `abcd`;
 * rows may have more or fewer cells than the header), strict where data would be lost: an
 * unterminated quote at the end of input is an InputError naming the line it opened on.
 */
import * as errorsModule from '../../common/errors.js';
import type { FastSourceScanner } from '../core/scanner.js';
import * as scannerModule from '../core/scanner.js';
import type { CsvOptions, ReadStats, SourceScanner, TextInput } from '../core/types.js';
import { ByteView, VIEW_BYTES, WindowText, chunkViews, inputChunks } from './bytes.js';
import type { CsvModuleLimits, Handoff } from './csv-module.js';
import { CsvModuleReader } from './csv-module.js';
import { columnName, headerNames, keyColumnOf } from './csv-columns.js';
import * as inputModule from './input.js';

// Imports are read into locals once: under test transforms every access to an imported
// binding is a getter call, which the hot loops cannot afford.
const { InputError } = errorsModule;
const { fastPath, isModuleScanner } = scannerModule;
const { WINDOW_UNITS } = inputModule;

const CANDIDATES = [44, 9, 59, 124]; // , \t ; |

/**
 * The delimiter that splits the first lines most consistently (outside quotes): the
 * candidate with the highest minimum count over the sampled lines, then the highest total.
 */
export function sniffDelimiter(sample: string): string {
  const lines: number[][] = [];
  let counts = CANDIDATES.map(() => 0);
  let inQ = false;
  for (let i = 0; i < sample.length && lines.length < 20; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) inQ = !inQ;
    else if (!inQ && (c === 10 || c === 13)) {
      if (c === 13 && sample.charCodeAt(i + 1) === 10) i++;
      lines.push(counts);
      counts = CANDIDATES.map(() => 0);
    } else if (!inQ) {
      const k = CANDIDATES.indexOf(c);
      if (k >= 0) counts[k]!++;
    }
  }
  if (counts.some((x) => x > 0)) lines.push(counts);
  let best = 0;
  let bestMin = -1;
  let bestSum = -1;
  for (let k = 0; k < CANDIDATES.length; k++) {
    let min = lines.length ? Infinity : 0;
    let sum = 0;
    for (const l of lines) {
      min = Math.min(min, l[k]!);
      sum += l[k]!;
    }
    if (min > bestMin || (min === bestMin && sum > bestSum)) {
      best = k;
      bestMin = min;
      bestSum = sum;
    }
  }
  return String.fromCharCode(CANDIDATES[best]!);
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;
const QUOTE_PENDING = 4; // a '"' ended a chunk inside a quoted field: escaped or closing?

export async function readCsv(input: TextInput, opts: CsvOptions, target: SourceScanner, limits?: CsvModuleLimits): Promise<ReadStats> {
  const source = opts.source ?? '<csv>';
  if (opts.delimiter !== undefined && opts.delimiter.length !== 1) {
    throw new InputError({ file: source, path: 'delimiter', message: `the delimiter must be one character, got ${JSON.stringify(opts.delimiter)}` });
  }
  const scanner = fastPath(target);
  const p = new CsvParser(scanner, opts, source);
  // a delimiter outside ASCII cannot be found in bytes: decode everything then
  const forceText = p.delim >= 128;
  let units = 0;
  let sample = '';
  let sink: ChunkSink | undefined;
  const held: (Buffer | string)[] = [];
  for await (const chunk of inputChunks(input, forceText)) {
    units += chunk.length;
    if (sink !== undefined) sink.write(chunk);
    else {
      held.push(chunk);
      if (p.delim < 0) {
        // the sample csv.ts has always sniffed: views of at most VIEW_BYTES until 64 KiB or 20 lines
        if (typeof chunk === 'string') sample += chunk;
        else for (let o = 0; o < chunk.length && sample.length < 1 << 16 && countNewlines(sample) < 20; o += VIEW_BYTES) sample += chunk.toString('latin1', o, Math.min(chunk.length, o + VIEW_BYTES));
        if (sample.length < 1 << 16 && countNewlines(sample) < 20) continue;
        p.delim = sniffDelimiter(sample).charCodeAt(0);
      }
      sink = chunkSink(p, scanner, chunk, opts, source, limits);
      for (const h of held) sink.write(h);
      held.length = 0;
    }
    opts.onProgress?.(units);
  }
  if (sink === undefined) {
    if (p.delim < 0) p.delim = sniffDelimiter(sample).charCodeAt(0);
    sink = chunkSink(p, scanner, held[0], opts, source, limits);
    for (const h of held) sink.write(h);
  }
  sink.finish();
  opts.onProgress?.(units);
  return { records: sink.rows(), units };
}

/** Where the input's chunks go once the delimiter is known: csv.ts's parser, or the module's. */
interface ChunkSink {
  write(chunk: Buffer | string): void;
  finish(): void;
  rows(): number;
}

/**
 * The module's reader for bytes when the scanner runs on the WebAssembly engine (and it can
 * take the delimiter), else csv.ts's parser, which also reads on where the module hands over.
 */
function chunkSink(p: CsvParser, scanner: FastSourceScanner, first: Buffer | string | undefined, opts: CsvOptions, source: string, limits: CsvModuleLimits | undefined): ChunkSink {
  const parser: ChunkSink = {
    write(chunk) {
      for (const v of chunkViews(chunk)) p.consume(v);
    },
    finish: () => p.finish(),
    rows: () => p.rows,
  };
  if (typeof first === 'string' || first === undefined || !isModuleScanner(scanner) || p.delim >= 128) return parser;
  const m = new CsvModuleReader(scanner, p.delim, opts, source, limits);
  let handedOver = false;
  const handOver = (h: Handoff | undefined) => {
    if (h === undefined) return;
    handedOver = true;
    if (h.names !== undefined) p.resume(h.names, h.rows, h.line);
    parser.write(h.rest);
  };
  return {
    write(chunk) {
      if (handedOver) parser.write(chunk);
      else handOver(m.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, false));
    },
    finish() {
      if (!handedOver) handOver(m.write(new Uint8Array(0), true));
      if (handedOver) p.finish();
    },
    rows: () => (handedOver ? p.rows : m.rows),
  };
}

class CsvParser {
  delim: number;
  rows = 0;
  private names: string[] | undefined;
  private readonly headerCells: string[] = [];
  private slots: number[] = [];
  private keyIndex = -1;
  private state = FIELD_START;
  private fieldIndex = 0;
  private recordOpen = false;
  private pieces: string[] = [];
  private piecesLen = 0;
  /** The chunk being consumed (pieces are parts of such views, joined into one of the same kind). */
  private view: ByteView = new ByteView('', false);
  /** Units of the current field already scanned in earlier windows. */
  private windowBase = 0;
  /** Decoder of a field cut into windows (a window may end inside a character). */
  private readonly windows = new WindowText();
  private skipLF = false;
  // next delimiter / LF / CR in the current chunk (see fieldEnd)
  private delimChar = ',';
  private nextDelim = -1;
  private nextLF = -1;
  private nextCR = -1;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;

  constructor(
    private readonly scanner: FastSourceScanner,
    private readonly opts: CsvOptions,
    private readonly source: string,
  ) {
    this.delim = opts.delimiter === undefined ? -1 : opts.delimiter.charCodeAt(0);
    this.names = (opts.header ?? true) ? undefined : [];
  }

  private slotFor(k: number): number {
    let sl = this.slots[k];
    if (sl === undefined) {
      // a cell past the header's end: its column number, unless a header names a column so
      sl = this.scanner.slot(columnName(this.names ?? [], k));
      this.slots[k] = sl;
    }
    return sl;
  }

  /** A complete field value v.s[a, b) (or the last window of a long one). */
  private field(v: ByteView, a: number, b: number): void {
    if (this.names === undefined) {
      this.headerCells.push(v.text(a, b));
      this.fieldIndex++;
      return;
    }
    if (!this.recordOpen) this.open();
    const k = this.fieldIndex;
    if (this.windowBase > 0) {
      // the last window of a long field: through the window decoder (even when empty: the
      // scanner still holds the end of the window before, not yet counted)
      const t = this.windows.end(v, a, b);
      this.scanner.scanSlot(this.slots[k] ?? this.slotFor(k), t, 0, t.length, this.windowBase);
    } else if (b > a) {
      if (k === this.keyIndex) this.scanner.setRecordId(v.text(a, b));
      const sl = this.slots[k] ?? this.slotFor(k);
      if (v.ascii(a, b)) this.scanner.scanSlot(sl, v.s, a, b, 0);
      else {
        const t = v.text(a, b);
        this.scanner.scanSlot(sl, t, 0, t.length, 0);
      }
    }
    this.windowBase = 0;
    this.fieldIndex++;
  }

  private open(): void {
    this.recordOpen = true;
    this.rows++;
    this.scanner.beginRecord(this.rows);
  }

  private flushPieces(): void {
    const v = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    this.piecesLen = 0;
    this.field(this.view.like(v), 0, v.length);
  }

  private addPiece(s: string): void {
    this.pieces.push(s);
    this.piecesLen += s.length;
    if (this.piecesLen >= WINDOW_UNITS && this.names !== undefined) {
      // scan a too-long field's collected part now and keep going (memory stays flat)
      const v = this.pieces.join('');
      if (!this.recordOpen) this.open();
      const t = this.windows.write(this.view.like(v), 0, v.length);
      if (t.length) this.scanner.scanSlot(this.slotFor(this.fieldIndex), t, 0, t.length, this.windowBase, true);
      this.windowBase += t.length;
      this.pieces = [];
      this.piecesLen = 0;
    }
  }

  private endRecord(): void {
    if (this.names === undefined) {
      this.setNames(headerNames(this.headerCells));
    } else if (this.recordOpen) {
      this.scanner.endRecord();
      this.recordOpen = false;
    }
    this.fieldIndex = 0;
  }

  /** The columns' names (from the header, or none); the record key's column among them. */
  setNames(names: string[]): void {
    this.names = names;
    this.slots = [];
    this.keyIndex = keyColumnOf(names, this.opts, this.source);
  }

  /**
   * Reads on from a record's start in the middle of a file that another reader began (the
   * module's, csv-module.ts): the columns' names, the records so far, the line it is on.
   */
  resume(names: string[], rows: number, line: number): void {
    this.setNames(names);
    this.rows = rows;
    this.line = this.recordLine = line;
  }

  /** At c[p]: a delimiter (next field) or a line end (end of record). Returns the next position. */
  private terminator(c: string, p: number, n: number): number {
    const ch = c.charCodeAt(p);
    if (ch === this.delim) return p + 1;
    this.endRecord();
    this.line++;
    this.recordLine = this.line;
    if (ch === 13) {
      if (p + 1 < n) return c.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
      this.skipLF = true;
    }
    return p + 1;
  }

  private countLines(c: string, a: number, b: number): void {
    for (let k = c.indexOf('\n', a); k >= 0 && k < b; k = c.indexOf('\n', k + 1)) this.line++;
  }

  /**
   * The first delimiter, LF or CR at or after p (n if none). Each is found with indexOf
   * (memchr-fast) and remembered until p passes it, so every search starts past the last
   * answer: linear in the chunk, and no per-character loop in JavaScript.
   */
  private fieldEnd(c: string, p: number, n: number): number {
    if (this.nextDelim < p) this.nextDelim = at(c.indexOf(this.delimChar, p), n);
    if (this.nextLF < p) this.nextLF = at(c.indexOf('\n', p), n);
    if (this.nextCR < p) this.nextCR = at(c.indexOf('\r', p), n);
    return Math.min(this.nextDelim, this.nextLF, this.nextCR);
  }

  consume(v: ByteView): void {
    this.view = v;
    const c = v.s;
    const delim = this.delim;
    this.delimChar = String.fromCharCode(delim);
    this.nextDelim = this.nextLF = this.nextCR = -1;
    const n = c.length;
    let p = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (n > 0 && c.charCodeAt(0) === 10) p = 1;
    }
    if (this.state === QUOTE_PENDING) {
      if (n > 0 && c.charCodeAt(0) === 34) {
        this.addPiece('"');
        p++;
        this.state = QUOTED;
      } else this.state = AFTER_QUOTE;
    }
    while (p < n) {
      const state = this.state;
      if (state === FIELD_START) {
        const c0 = c.charCodeAt(p);
        if (c0 === delim && this.recordOpen && this.windowBase === 0) {
          // an empty field inside an open record (half the cells of a wide export): what
          // field() and terminator() would do, without searching for the field's end
          this.fieldIndex++;
          p++;
          continue;
        }
        if (c0 === 34) {
          this.state = QUOTED;
          this.quoteLine = this.line;
          p++;
          continue;
        }
        // fast path: the whole field inside this chunk
        const q = this.fieldEnd(c, p, n);
        const ch = q < n ? c.charCodeAt(q) : 0;
        if (q === n) {
          this.state = UNQUOTED;
          this.addPiece(c.slice(p, n));
          return;
        }
        // an empty line is not a record
        if (!(q === p && ch !== delim && this.fieldIndex === 0 && !this.recordOpen && this.names !== undefined)) this.field(v, p, q);
        p = this.terminator(c, q, n);
        continue;
      }
      if (state === UNQUOTED || state === AFTER_QUOTE) {
        // continuing a field that started in an earlier chunk, or text after a closing quote
        const q = this.fieldEnd(c, p, n);
        if (q > p) this.addPiece(c.slice(p, q));
        if (q === n) return;
        this.flushPieces();
        this.state = FIELD_START;
        p = this.terminator(c, q, n);
        continue;
      }
      // QUOTED
      const q = c.indexOf('"', p);
      if (q < 0) {
        this.countLines(c, p, n);
        this.addPiece(c.slice(p));
        return;
      }
      this.countLines(c, p, q);
      if (q + 1 === n) {
        if (q > p) this.addPiece(c.slice(p, q));
        this.state = QUOTE_PENDING;
        return;
      }
      if (c.charCodeAt(q + 1) === 34) {
        this.addPiece(c.slice(p, q + 1)); // keeps one '"'
        p = q + 2;
        continue;
      }
      // closing quote
      const after = c.charCodeAt(q + 1);
      const ends = after === delim || after === 10 || after === 13;
      if (this.pieces.length === 0 && ends) {
        // the whole quoted field in this chunk, no escapes: hand over the range
        this.field(v, p, q);
        this.state = FIELD_START;
        p = this.terminator(c, q + 1, n);
        continue;
      }
      if (q > p) this.addPiece(c.slice(p, q));
      if (ends) {
        this.flushPieces();
        this.state = FIELD_START;
        p = this.terminator(c, q + 1, n);
      } else {
        this.state = AFTER_QUOTE;
        p = q + 1;
      }
    }
  }

  finish(): void {
    if (this.state === QUOTED) {
      throw new InputError({ file: this.source, line: this.quoteLine, message: `unterminated quoted field (record starting on line ${this.recordLine})` });
    }
    if (this.state !== FIELD_START || this.pieces.length || this.windowBase > 0) {
      this.flushPieces();
      this.endRecord();
    } else if (this.fieldIndex > 0 || this.recordOpen) this.endRecord();
    if (this.names === undefined && this.headerCells.length) this.endRecord();
  }
}

function at(i: number, n: number): number {
  return i < 0 ? n : i;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

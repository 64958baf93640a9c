/**
 * CSV as the list publishers write it: RFC 4180 quoting ("" inside quotes), fields that span
 * lines, `\r\n` / `\n` / `\r` line ends, an optional UTF-8 byte-order mark, and the `\x1a`
 * (DOS end-of-file) byte that OFAC and the trade.gov CSL put after the last row.
 *
 * The parser is a single pass over the text with no backtracking, so its cost is linear in
 * the input whatever the input holds. Problems are reported as {@link InputError}s that name
 * the file, the line and column, never as a crash.
 */
import { InputError } from '../../common/errors.js';

export interface CsvOptions {
  /** File name used in error messages. */
  readonly file: string;
  /** Field separator; `,` by default. */
  readonly delimiter?: string;
  /** Longest field accepted; longer ones are an error (a stray quote swallowing the file). */
  readonly maxFieldLength?: number;
}

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** Where each field starts: line and column of field i at [2i] and [2i + 1] (1-based). */
  readonly starts: number[];
}

/** The line and column (1-based) where field `index` of a record starts; the record's start for a missing field. */
export function fieldStart(rec: CsvRecord, index: number): { line: number; column: number } {
  const line = rec.starts[2 * index];
  return line === undefined ? { line: rec.line, column: 1 } : { line, column: rec.starts[2 * index + 1]! };
}

/** 1 MiB: far above any real list field (OFAC remarks stop at about 1,000 characters). */
export const DEFAULT_MAX_FIELD_LENGTH = 1 << 20;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SUB = 0x1a;
const BOM = 0xfeff;

/** Parses CSV text into records. Blank lines and a trailing `\x1a` row are dropped. */
export function parseCsv(text: string, options: CsvOptions): CsvRecord[] {
  const out: CsvRecord[] = [];
  for (const r of iterateCsv(text, options)) out.push(r);
  return out;
}

/** Like {@link parseCsv}, one record at a time (stop early to read only a header). */
export function* iterateCsv(text: string, options: CsvOptions): Generator<CsvRecord> {
  const delim = (options.delimiter ?? ',').charCodeAt(0);
  const maxField = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  const file = options.file;
  const n = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;
  let lineStart = i;

  const tooLong = (startLine: number, startCol: number, fieldIndex: number): InputError =>
    new InputError({
      file,
      line: startLine,
      column: startCol,
      path: `field ${fieldIndex + 1}`,
      message: `field longer than ${maxField} characters (a stray or unclosed quote?)`,
    });

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    const starts: number[] = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      const fieldLine = line;
      const fieldCol = i - lineStart + 1;
      starts.push(fieldLine, fieldCol);
      let value: string;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the next lone quote; "" is a literal quote.
        i++;
        let buf = '';
        let chunkStart = i;
        for (;;) {
          if (i >= n) {
            throw new InputError({
              file,
              line: fieldLine,
              column: fieldCol,
              path: `field ${fields.length + 1}`,
              message: 'quoted field is never closed (the file may be truncated)',
            });
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
              buf += text.slice(chunkStart, i + 1);
              i += 2;
              chunkStart = i;
              continue;
            }
            buf += text.slice(chunkStart, i);
            i++;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
            line++;
            lineStart = i + 1;
          }
          i++;
          if (i - chunkStart + buf.length > maxField) throw tooLong(fieldLine, fieldCol, fields.length);
        }
        // After the closing quote: optional blanks, then a delimiter or the end of the record.
        while (i < n && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) && text.charCodeAt(i) !== delim) i++;
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== delim && c !== LF && c !== CR && !(c === SUB && isOnlyTrailer(text, i))) {
            throw new InputError({
              file,
              line,
              column: i - lineStart + 1,
              path: `field ${fields.length + 1}`,
              message: `unexpected ${describeChar(text, i)} after a closing quote (expected "${String.fromCharCode(delim)}" or a line end)`,
            });
          }
        }
        value = buf;
      } else {
        // Unquoted field: runs to the delimiter or line end; quotes inside are literal.
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          if (c === SUB && isOnlyTrailer(text, i)) break;
          i++;
        }
        if (i - start > maxField) throw tooLong(fieldLine, fieldCol, fields.length);
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      // Record end: a line break, or the end of input.
      if (i < n) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else if (text.charCodeAt(i) === SUB) i = n;
        else i++;
        line++;
        lineStart = i;
      }
      atRecordEnd = true;
    }
    if (isBlankRecord(fields)) continue;
    yield { fields, line: recordLine, starts };
  }
}

/** A record that holds nothing but blanks or the DOS end-of-file byte. */
function isBlankRecord(fields: readonly string[]): boolean {
  if (fields.length !== 1) return false;
  const f = fields[0]!;
  for (let k = 0; k < f.length; k++) {
    const c = f.charCodeAt(k);
    if (c !== SUB && c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** True when only `\x1a` and line ends remain from `i` on. */
function isOnlyTrailer(text: string, i: number): boolean {
  for (let k = i; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== SUB && c !== CR && c !== LF) return false;
  }
  return true;
}

function describeChar(text: string, i: number): string {
  const c = text.codePointAt(i) ?? 0;
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCodePoint(c)}"`;
}

/**
 * Picks the field separator of a header line: the most frequent of `,` `;` and tab outside
 * quotes (`,` on a tie).
 */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = counts.get(',') ?? 0;
  for (const [d, c] of counts) {
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** Writes one CSV record (used by tests to round-trip, and by exporters). */
export function formatCsvRecord(fields: readonly string[], delimiter = ','): string {
  return fields
    .map((f) => (/[",;\t\r\n\x1a]/.test(f) || f.includes(delimiter) || /^[\s\ufeff]|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f))
    .join(delimiter);
}

/**
 * CSV read inside the WebAssembly module (native/scan-engine/csv.c): the file's bytes go to
 * the module as they come, and it parses whole records, decodes their values from UTF-8 and
 * scans them in one call; the scanner books what it found (`bookModuleRecords`). No
 * JavaScript string is made per value, and the bytes are copied once.
 *
 * csv.ts is the reference and reads everything else: text input, a scanner on the TypeScript
 * engine, a delimiter outside ASCII. The module hands a file back to it at a record boundary
 * when a record is beyond what it takes (a field of WINDOW_UNITS bytes or more, which csv.ts
 * reads in windows; a record longer than MAX_RECORD; more cells than the columns set up):
 * `write` then returns the {@link Handoff}, and csv.ts reads on from there.
 * src/scan/wasm/csv-parity.test.ts holds the two readers to the same result.
 */
import * as errorsModule from '../../common/errors.js';
import * as fieldContextModule from '../detectors/field-context.js';
import type { ModuleScanner } from '../core/scanner.js';
import * as scannerModule from '../core/scanner.js';
import type { CsvOptions } from '../core/types.js';
import { columnName, headerNames, keyColumnOf } from './csv-columns.js';
import * as inputModule from './input.js';

const { InputError } = errorsModule;
const { fieldContext } = fieldContextModule;
const { unitsText } = scannerModule;

/** Limits of the module's reader (the tests lower them to reach the handoffs). */
export interface CsvModuleLimits {
  /** A field of this many bytes or more is left to csv.ts (which scans it in windows). */
  readonly maxField: number;
  /** A record not yet ended after this many bytes is left to csv.ts. */
  readonly maxRecord: number;
  /** Columns a header may have (a wider one is left to csv.ts). */
  readonly headerColumns: number;
  /** Columns set up past the header's (a record with more cells is left to csv.ts). */
  readonly extraColumns: number;
}

export const CSV_MODULE_LIMITS: CsvModuleLimits = {
  maxField: inputModule.WINDOW_UNITS,
  maxRecord: 4 * inputModule.WINDOW_UNITS,
  headerColumns: 4096,
  extraColumns: 256,
};

/** csv.c's dc_csv_next status. */
const ST_NEED_INPUT = 0;
const ST_FULL = 1;
const ST_FALLBACK = 2;
const ST_UNTERMINATED = 3;
const ST_HEADER = 4;

/** Word indexes of the Csv struct's members (csv.c). */
const N_RECORDS = 1;
const N_VALUES = 2;
const N_NEW = 3;
const LINE = 4;
const QUOTE_LINE = 5;
const RECORD_LINE = 6;
const POS = 7;
const IN_LEN = 8;
const IN = 20;
const OFF = 23;
const LEN = 24;
const UNITS = 27;
const COL = 28;
const REC = 29;
const NEW_COLS = 30;

/** Where csv.ts reads on: the bytes from a record's start, and the reading so far. */
export interface Handoff {
  readonly rest: Buffer;
  /** The columns' names (undefined when the header is not read yet). */
  readonly names: string[] | undefined;
  readonly rows: number;
  readonly line: number;
}

export class CsvModuleReader {
  /** Records read (the header excluded). */
  rows = 0;
  private names: string[] | undefined;
  private readonly slotOf: number[] = [];
  private keyColumn = -1;

  constructor(
    private readonly scanner: ModuleScanner,
    delim: number,
    private readonly opts: CsvOptions,
    private readonly source: string,
    private readonly limits: CsvModuleLimits = CSV_MODULE_LIMITS,
  ) {
    const w = scanner.wasm;
    const header = opts.header ?? true;
    w.csvSetup(delim, header, limits.maxField, limits.maxRecord);
    if (header) {
      // the header's cells are read, not scanned: any context will do
      const none = fieldContext('');
      w.csvColumns(Array.from({ length: limits.headerColumns }, () => none));
    } else this.setNames([]);
  }

  /** The names of the columns set up in the module. */
  private columnNames: string[] = [];

  private setNames(names: string[]): void {
    this.names = names;
    this.keyColumn = keyColumnOf(names, this.opts, this.source);
    const n = names.length + this.limits.extraColumns;
    const all: string[] = [];
    for (let k = 0; k < n; k++) all.push(columnName(names, k));
    this.scanner.wasm.csvColumns(all.map((name) => fieldContext(name)));
    this.columnNames = all;
  }

  /** Reads `bytes` (the last of the input when `final`); a Handoff when csv.ts must read on. */
  write(bytes: Uint8Array, final: boolean): Handoff | undefined {
    const w = this.scanner.wasm;
    if (this.names !== undefined) this.scanner.beforeModuleCall(this.columnNames);
    let st = w.csvWrite(bytes, final, this.scanner.minConfidence);
    for (;;) {
      const i32 = w.mem.i32;
      const C = w.csv;
      if (st === ST_HEADER) {
        const cells: string[] = [];
        const n = i32[C + N_VALUES]!;
        const off = i32[C + OFF]! >> 2;
        const len = i32[C + LEN]! >> 2;
        const units = i32[C + UNITS]!;
        const u8 = w.mem.u8;
        for (let v = 0; v < n; v++) cells.push(Buffer.from(u8.buffer, units + i32[off + v]! * 2, i32[len + v]! * 2).toString('utf16le'));
        this.setNames(headerNames(cells));
        st = w.csvMore(final, this.scanner.minConfidence);
        continue;
      }
      this.book();
      if (st === ST_FULL) {
        this.scanner.beforeModuleCall(this.columnNames);
        st = w.csvMore(final, this.scanner.minConfidence);
        continue;
      }
      if (st === ST_NEED_INPUT) {
        if (final) this.scanner.endModuleCalls();
        return undefined;
      }
      this.scanner.endModuleCalls();
      const m = w.mem;
      if (st === ST_UNTERMINATED) {
        throw new InputError({ file: this.source, line: m.i32[C + QUOTE_LINE]!, message: `unterminated quoted field (record starting on line ${m.i32[C + RECORD_LINE]!})` });
      }
      if (st !== ST_FALLBACK) throw new Error(`csv.c: unknown status ${st}`);
      const at = m.i32[C + IN]! + m.i32[C + POS]!;
      const rest = Buffer.from(m.u8.subarray(at, m.i32[C + IN]! + m.i32[C + IN_LEN]!));
      return { rest, names: this.names, rows: this.rows, line: m.i32[C + LINE]! };
    }
  }

  /** The records of the last call into the scanner. */
  private book(): void {
    const w = this.scanner.wasm;
    const i32 = w.mem.i32;
    const C = w.csv;
    const count = i32[C + N_RECORDS]!;
    if (count === 0) return;
    const names = this.names!;
    const nNew = i32[C + N_NEW]!;
    const nc = i32[C + NEW_COLS]! >> 2;
    for (let k = 0; k < nNew; k++) {
      // slots in the order csv.ts makes them: at each column's first value
      const col = i32[nc + k]!;
      this.slotOf[col] = this.scanner.slot(columnName(names, col));
    }
    const values = i32[C + N_VALUES]!;
    const off = i32[C + OFF]! >> 2;
    const len = i32[C + LEN]! >> 2;
    const col = i32[C + COL]! >> 2;
    const rec = i32[C + REC]! >> 2;
    const units = i32[C + UNITS]!;
    const firstRow = this.rows + 1;
    const keyColumn = this.keyColumn;
    let from = 0; // values of records before the one asked for are behind
    this.scanner.bookModuleRecords({
      count,
      values,
      off,
      len,
      col,
      rec,
      units,
      slotOf: this.slotOf,
      recordId(r) {
        if (keyColumn < 0) return firstRow + r;
        // the key column's value, when the record has one (values of a record are together)
        const m = w.mem;
        while (from < values && m.i32[rec + from]! < r) from++;
        for (let v = from; v < values && m.i32[rec + v] === r; v++) {
          if (m.i32[col + v] !== keyColumn) continue;
          const at = (units >> 1) + m.i32[off + v]!;
          return unitsText(m.u16, at, at + m.i32[len + v]!);
        }
        return firstRow + r;
      },
    });
    this.rows += count;
  }
}

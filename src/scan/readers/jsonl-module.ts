/**
 * JSON lines read inside the WebAssembly module (native/scan-engine/jsonl.c): the file's bytes
 * go to the module as they come, and it reads whole lines, decodes their values from UTF-8 and
 * scans them in one call; the scanner books what it found (`bookModuleRecords`).
 *
 * jsonl.ts is the reference and reads everything the module does not take. The module takes a
 * line only when it is a flat object of strings, integers, decimals JavaScript writes back as
 * written but for trailing fraction zeros (12.50 as 12.5), true, false and null whose keys are
 * named already; any other line it hands back alone (ST_LINE) and jsonl.ts reads it as it
 * always does, in its place. Keys are named by jsonl.ts on the lines where it would have named
 * them itself, so its KeyFolder sees the same keys in the same order: a line with a key not
 * named yet goes to jsonl.ts, which then names it for the module. Past `maxKeys` keys or on a
 * line longer than `maxLine` bytes, the module hands the rest of the input to jsonl.ts (the
 * {@link Handoff}). src/scan/wasm/jsonl-parity.test.ts holds the two readers to the same result.
 */
import * as fieldContextModule from '../detectors/field-context.js';
import type { ModuleScanner } from '../core/scanner.js';
import * as scannerModule from '../core/scanner.js';
import * as bytesModule from './bytes.js';
import type { ByteView } from './bytes.js';
import * as inputModule from './input.js';

const { fieldContext } = fieldContextModule;
const { unitsText } = scannerModule;
const { ByteView: ByteViewClass, VIEW_BYTES } = bytesModule;

/** Limits of the module's reader (the tests lower them to reach the handoffs). */
export interface JsonlModuleLimits {
  /** Distinct top-level keys the module keeps; past them jsonl.ts reads the rest of the input. */
  readonly maxKeys: number;
  /** A line of more bytes (or one not ended after as many) hands the rest to jsonl.ts. */
  readonly maxLine: number;
}

export const JSONL_MODULE_LIMITS: JsonlModuleLimits = {
  maxKeys: 900,
  maxLine: 4 * inputModule.WINDOW_UNITS,
};

/** What the module's reader needs of jsonl.ts: the reading of a line, and its key names. */
export interface JsonLineReader {
  /** Records read so far. */
  records: number;
  /** Reads and scans line lineNo, v.s[a, b); 1 when FlatLine read it (its fields in `fieldKey`), 0 blank, -1 through JSON.parse. */
  line(v: ByteView, a: number, b: number, lineNo: number): number;
  /** Fields of the last line FlatLine read. */
  readonly fields: number;
  /** The name (folded) of the k-th key of the last line FlatLine read, and whether it is the id key. */
  fieldKey(k: number): { readonly name: string; readonly isId: boolean } | undefined;
  /** Keys FlatLine has listed that are not named yet (jsonl.ts names them on its next flat line). */
  unnamedKeys(): boolean;
  /** The record id of an id number token (undefined: not finite). */
  numberId(t: string): string | number | undefined;
  /** The scanner slot of a field name. */
  slotOf(name: string): number;
}

/** Where jsonl.ts reads on: the bytes from a line's start (cut where its views of the input would be), and that line's number. */
export interface Handoff {
  readonly pieces: readonly Buffer[];
  readonly line: number;
}

/** jsonl.c's dc_jsonl_next status. */
const ST_NEED_INPUT = 0;
const ST_FULL = 1;
const ST_FALLBACK = 2;
const ST_LINE = 3;

/** Record id kinds (jsonl.c ID_*). */
const ID_STRING = 1;
const ID_NUMBER = 2;

/** Word indexes of the Jsonl struct's members (jsonl.c). */
const N_RECORDS = 1;
const N_VALUES = 2;
const N_NEW = 3;
const LINE = 4;
const POS = 5;
const IN_LEN = 6;
const LINE_A = 8;
const LINE_B = 9;
const LINE_NO = 10;
const N_KEYS = 11;
const WANT_NAMES = 15;
const CHUNK_AT = 19;
const IN = 20;
const OFF = 21;
const LEN = 22;
const UNITS = 25;
const COL = 26;
const REC = 27;
const NEW_ENTRIES = 28;
const REC_LINE = 29;
const ID_KIND = 30;
const ID_OFF = 31;
const ID_LEN = 32;
const KEY_ENTRY = 33;

export class JsonlModuleReader {
  /** Per entry of the module's key table (as many as it keeps): its name (undefined until named) and its scanner slot. */
  private readonly names: (string | undefined)[];
  private readonly slotOf: number[] = [];

  constructor(
    private readonly scanner: ModuleScanner,
    private readonly lines: JsonLineReader,
    limits: JsonlModuleLimits = JSONL_MODULE_LIMITS,
  ) {
    scanner.wasm.jsonlSetup(limits.maxKeys, limits.maxLine);
    this.names = new Array<string | undefined>(limits.maxKeys).fill(undefined);
  }

  /** Reads `bytes` (the last of the input when `final`); a Handoff when jsonl.ts must read on. */
  write(bytes: Uint8Array, final: boolean): Handoff | undefined {
    const w = this.scanner.wasm;
    const minConf = this.scanner.minConfidence;
    this.scanner.beforeModuleCall(this.names);
    let st = w.jsonlWrite(bytes, final, minConf);
    for (;;) {
      this.book();
      if (st === ST_NEED_INPUT) {
        if (final) this.scanner.endModuleCalls();
        return undefined;
      }
      if (st === ST_FULL) {
        this.scanner.beforeModuleCall(this.names);
        st = w.jsonlMore(final, minConf);
        continue;
      }
      const J = w.jsonl;
      if (st === ST_LINE) {
        this.handLine();
        w.mem.i32[J + WANT_NAMES] = this.lines.unnamedKeys() ? 1 : 0;
        this.scanner.beforeModuleCall(this.names);
        st = w.jsonlMore(final, minConf);
        continue;
      }
      this.scanner.endModuleCalls();
      if (st !== ST_FALLBACK) throw new Error(`jsonl.c: unknown status ${st}`);
      const { u8, i32 } = w.mem;
      const inAt = i32[J + IN]!;
      const pos = i32[J + POS]!;
      const inLen = i32[J + IN_LEN]!;
      const chunkAt = i32[J + CHUNK_AT]!;
      // the bytes held before the last chunk are less than one line (the module read every
      // whole line before them); the last chunk's are cut where jsonl.ts's views of it are,
      // so it finds a line too long for it where it would have alone
      const pieces: Buffer[] = [];
      if (pos < chunkAt) pieces.push(Buffer.from(u8.subarray(inAt + pos, inAt + chunkAt)));
      for (let p = Math.max(pos, chunkAt); p < inLen; ) {
        const end = Math.min(inLen, chunkAt + (Math.floor((p - chunkAt) / VIEW_BYTES) + 1) * VIEW_BYTES);
        pieces.push(Buffer.from(u8.subarray(inAt + p, inAt + end)));
        p = end;
      }
      return { pieces, line: i32[J + LINE]! };
    }
  }

  /** The line the module handed back: jsonl.ts reads it, then names its keys for the module. */
  private handLine(): void {
    const w = this.scanner.wasm;
    const { u8, i32 } = w.mem;
    const J = w.jsonl;
    const inAt = i32[J + IN]!;
    const line = Buffer.from(u8.subarray(inAt + i32[J + LINE_A]!, inAt + i32[J + LINE_B]!));
    const nKeys = i32[J + N_KEYS]!;
    const ke = i32[J + KEY_ENTRY]! >> 2;
    const entries = Array.from(i32.subarray(ke, ke + nKeys));
    const got = this.lines.line(ByteViewClass.ofBytes(line), 0, line.length, i32[J + LINE_NO]!);
    // listed keys: the line is a flat object the module would have read, but for names it lacks
    if (nKeys === 0 || got !== 1) return;
    if (this.lines.fields !== nKeys) throw new Error(`jsonl.c listed ${nKeys} keys where json-line.ts read ${this.lines.fields}`);
    entries.forEach((e, k) => {
      if (this.names[e] !== undefined) return;
      const f = this.lines.fieldKey(k)!;
      this.names[e] = f.name;
      w.jsonlName(e, fieldContext(f.name), f.isId);
      this.scanner.moduleColumnNamed(e, f.name);
    });
  }

  /** The records of the last call into the scanner. */
  private book(): void {
    const w = this.scanner.wasm;
    const i32 = w.mem.i32;
    const J = w.jsonl;
    const count = i32[J + N_RECORDS]!;
    if (count === 0) return;
    const nNew = i32[J + N_NEW]!;
    const ne = i32[J + NEW_ENTRIES]! >> 2;
    for (let k = 0; k < nNew; k++) {
      // slots in the order jsonl.ts makes them: at the first value under each name
      const e = i32[ne + k]!;
      this.slotOf[e] = this.lines.slotOf(this.names[e]!);
    }
    const units = i32[J + UNITS]!;
    const inAt = i32[J + IN]!;
    const recLine = i32[J + REC_LINE]! >> 2;
    const idKind = i32[J + ID_KIND]! >> 2;
    const idOff = i32[J + ID_OFF]! >> 2;
    const idLen = i32[J + ID_LEN]! >> 2;
    const lines = this.lines;
    this.scanner.bookModuleRecords({
      count,
      values: i32[J + N_VALUES]!,
      off: i32[J + OFF]! >> 2,
      len: i32[J + LEN]! >> 2,
      col: i32[J + COL]! >> 2,
      rec: i32[J + REC]! >> 2,
      units,
      slotOf: this.slotOf,
      recordId(r) {
        const m = w.mem;
        const kind = m.i32[idKind + r];
        const line = m.i32[recLine + r]!;
        if (kind === ID_STRING) {
          const at = (units >> 1) + m.i32[idOff + r]!;
          return unitsText(m.u16, at, at + m.i32[idLen + r]!);
        }
        if (kind === ID_NUMBER) {
          const at = inAt + m.i32[idOff + r]!;
          return lines.numberId(Buffer.from(m.u8.buffer, at, m.i32[idLen + r]!).toString('latin1')) ?? line;
        }
        return line;
      },
    });
    lines.records += count;
  }
}

/**
 * Reading list files without the store: `parseListFile(path)` detects the format, parses it
 * and dates it; `parseListDir(dir)` does every file under a folder; `parseListPaths` mixes
 * both (the `lists import` command).
 *
 * The list date comes from, in order: the `listDate` option (`--list-date`), a date the file
 * states about itself, the date a SOURCES.md beside the file documents, the latest listing
 * date among the entries, and last the file's modification time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { refuseDevice } from '../../common/input-kind.js';
import { readWhole } from '../../common/read-whole.js';
import { unreachablePath } from '../../common/fs-errors.js';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../common/errors.js';
import { isCivilDate } from '../../time/civil-date.js';
import type { ListEntry } from '../types.js';
import { isUtf8 } from 'node:buffer';
import { decodeHead, decodeText, firstNul, sniffBytes, type TextEncoding } from './decode.js';
import { detectFormat, ofacListOf } from './detect.js';
import { parseBisMieu } from './formats/bis-mieu.js';
import { parseCnCountersanctions } from './formats/cn-countersanctions.js';
import { parseDod1260h } from './formats/dod-1260h.js';
import { parseFccEntities, parseFccTable } from './formats/fcc-covered.js';
import { parseFtm } from './formats/ftm.js';
import { ofacCompanionNames, ofacShape, parseOfacLegacy, type OfacFileKind, type OfacInputFile } from './formats/ofac-legacy.js';
import { looksLikeCslJson, parseCslCsv, parseCslJson } from './formats/trade-csl.js';
import { iterateCsv } from './csv.js';
import { sourcesMdDate } from './sources-md.js';
import type { FormatResult, ListDateSource, ListFormat, ParsedList, ParseOutcome, SkippedFile } from './types.js';
import { pushAll } from '../../common/arrays.js';

export interface ParseOptions {
  /** The list date to record (`--list-date`), overriding any other source. */
  readonly listDate?: string;
  /** The file's text encoding when it is not UTF-8/UTF-16 (`--encoding`). */
  readonly encoding?: TextEncoding;
  /** Look for a SOURCES.md beside the file for its date (default true). */
  readonly sourcesMd?: boolean;
}

/** Largest file read (the full CSL JSON is tens of MB; OpenSanctions exports are bigger: split them). */
export const MAX_LIST_FILE_BYTES = 512 * 1024 * 1024;

function readBytes(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError({ file: path, message: 'no such file or folder' });
  }
  if (st.isDirectory()) throw new InputError({ file: path, message: 'is a folder (read folders with parseListDir / `lists import <folder>`)' });
  refuseDevice(path, st);
  if (st.size > MAX_LIST_FILE_BYTES) {
    throw new InputError({ file: path, message: `file is ${st.size} bytes; the largest list file read is ${MAX_LIST_FILE_BYTES}` });
  }
  try {
    return readWhole(path, 'a list file', MAX_LIST_FILE_BYTES);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file: path, message: `cannot read the file (${e instanceof Error ? e.message : String(e)})` });
  }
}

function hashFiles(parts: readonly { kind: string; bytes: Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(`${p.kind}:${p.bytes.length}:`);
    h.update(p.bytes);
  }
  return h.digest('hex');
}

function skipped(file: string, reason: string, companionOf?: string): SkippedFile {
  return { file, skipped: reason, ...(companionOf ? { companionOf } : {}) };
}

/** Reads one list file (for OFAC, the primary file and the companions beside it). */
export function parseListFile(path: string, options: ParseOptions = {}): ParseOutcome {
  if (options.listDate !== undefined && !isCivilDate(options.listDate)) {
    throw new InputError({ file: '<argv>', path: '--list-date', message: `expected a date YYYY-MM-DD, got "${options.listDate}"` });
  }
  const bytes = readBytes(path);
  if (bytes.length === 0) return skipped(path, 'empty file');
  const binary = !options.encoding && sniffBytes(bytes) === 'binary';
  // UTF-8 text with NUL bytes in it: binary to the sniffer, but a list damaged if it is one.
  if (binary && !isUtf8(bytes)) return skipped(path, 'binary file, not a list');
  let detection = detectFormat(path, decodeHead(bytes, 65_536, options.encoding));
  if (binary) {
    const nul = firstNul(bytes);
    if (detection.kind === 'unrecognized' || nul === undefined) return skipped(path, 'binary file, not a list');
    throw new InputError({ file: path, ...nul, message: 'a NUL byte (0x00) in the text: the file is damaged (a list file holds none); remove it, or download the list again' });
  }
  // A first row longer than the head (a huge quoted remark): look again with a longer head.
  if (detection.kind === 'unrecognized' && bytes.length > 65_536) detection = detectFormat(path, decodeHead(bytes, 4 * 1024 * 1024, options.encoding));
  if (detection.kind === 'unrecognized') return skipped(path, detection.reason);
  if (detection.kind === 'ofac' && detection.part !== 'primary') {
    return skipped(path, `OFAC ${describePart(detection.part)} file: it is read with its main list file (sdn.csv or cons_prim.csv), not alone`);
  }
  const text = decodeText(bytes, path, options.encoding);
  const hashParts = [{ kind: 'main', bytes }];
  const files = [path];
  const notes: string[] = [];
  let format: ListFormat;
  let result: FormatResult;
  switch (detection.kind) {
    case 'csv':
      format = detection.format;
      result = parseCsvFormat(detection.format, text, path, detection.delimiter);
      break;
    case 'json':
      format = detection.format;
      result = detection.format === 'ftm-jsonl' ? parseFtm(text, path) : parseCslJsonText(text, path);
      break;
    case 'ofac': {
      format = 'ofac-legacy-csv';
      const companions = findOfacCompanions(path, options.encoding, notes);
      for (const c of companions) {
        hashParts.push({ kind: c.part, bytes: c.bytes });
        files.push(c.file);
      }
      const by = (k: OfacFileKind) => companions.find((c) => c.part === k);
      const input: { -readonly [K in 'alt' | 'add' | 'comments']?: OfacInputFile } = {};
      for (const k of ['alt', 'add', 'comments'] as const) {
        const c = by(k);
        if (c) input[k] = { file: c.file, text: c.text };
      }
      result = parseOfacLegacy({ list: ofacListOf(path), primary: { file: path, text }, ...input });
      break;
    }
  }
  // A recognised list with no party in it is a cut-short download (a CSV header alone, `"results":
  // []`), not an edition: imported as complete, it would delist every entry of the list.
  if (result.entries.length === 0 && (result.categories?.length ?? 0) === 0) {
    const where = detection.kind === 'csv' ? { line: 2 } : detection.kind === 'json' && detection.format === 'csl-json' ? { path: 'results' } : {};
    throw new InputError({
      file: path,
      ...where,
      message: `a ${format} file with no list entries (${result.rows} row${result.rows === 1 ? '' : 's'} read): the file may be truncated; importing it would delist every ${result.list} entry, so nothing is imported`,
    });
  }
  notes.push(...result.notes);
  const { listDate, listDateSource } = chooseListDate(path, result, options);
  const entries: ListEntry[] = result.entries.map((e) => ({ ...e, source: { ...e.source, listDate } }));
  const parsed: ParsedList = {
    file: path,
    files,
    format,
    list: result.list,
    listDate,
    listDateSource,
    entries,
    rows: result.rows,
    contentHash: hashFiles(hashParts),
    notes,
    ...(result.categories ? { categories: result.categories } : {}),
  };
  return parsed;
}

function describePart(part: OfacFileKind): string {
  return part === 'alt' ? 'alternate-names' : part === 'add' ? 'addresses' : part === 'comments' ? 'remarks-continuation' : 'list';
}

function parseCsvFormat(format: Exclude<ListFormat, 'ofac-legacy-csv' | 'csl-json' | 'ftm-jsonl'>, text: string, file: string, delimiter: string): FormatResult {
  switch (format) {
    case 'dod-1260h-csv':
      return parseDod1260h(text, file, delimiter);
    case 'fcc-covered-csv':
      return parseFccTable(text, file, delimiter);
    case 'fcc-entities-csv':
      return parseFccEntities(text, file, delimiter);
    case 'cn-countersanctions-csv':
      return parseCnCountersanctions(text, file, delimiter);
    case 'bis-mieu-csv':
      return parseBisMieu(text, file, delimiter);
    case 'csl-csv':
      return parseCslCsv(text, file, delimiter);
  }
}

function parseCslJsonText(text: string, file: string): FormatResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const loc = pos ? lineColumn(text, Number(pos[1])) : {};
    throw new InputError({ file, ...loc, message: `not valid JSON (${msg.slice(0, 120)}); the file may be truncated` });
  }
  if (!looksLikeCslJson(value)) {
    throw new InputError({ file, path: 'results', message: 'expected the trade.gov CSL shape: {"results": [{"source", "name", …}]}' });
  }
  return parseCslJson(value, file);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

interface Companion {
  readonly part: Exclude<OfacFileKind, 'primary'>;
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

function findOfacCompanions(primary: string, encoding: TextEncoding | undefined, notes: string[]): Companion[] {
  const dir = dirname(primary);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const wanted = ofacCompanionNames(basename(primary));
  const out: Companion[] = [];
  for (const part of ['alt', 'add', 'comments'] as const) {
    const name = wanted[part].map((n) => byLower.get(n)).find((n) => n !== undefined);
    if (!name) {
      notes.push(`no ${wanted[part][0]} beside ${basename(primary)}: ${part === 'alt' ? 'aliases' : part === 'add' ? 'address countries' : 'remark continuations'} not read`);
      continue;
    }
    const file = join(dir, name);
    const bytes = readBytes(file);
    const text = decodeText(bytes, file, encoding);
    let shape: OfacFileKind | undefined;
    for (const rec of iterateCsv(text, { file })) {
      shape = ofacShape(rec.fields);
      break;
    }
    if (shape !== undefined && shape !== part) {
      notes.push(`${name} does not have the OFAC ${describePart(part)} layout; not read`);
      continue;
    }
    out.push({ part, file, bytes, text });
  }
  return out;
}

function chooseListDate(path: string, result: FormatResult, options: ParseOptions): { listDate: string; listDateSource: ListDateSource } {
  if (options.listDate) return { listDate: options.listDate, listDateSource: 'flag' };
  if (result.fileDate) return { listDate: result.fileDate, listDateSource: 'file' };
  if (options.sourcesMd !== false) {
    const documented = sourcesMdDate(path);
    if (documented) return { listDate: documented, listDateSource: 'sources-md' };
  }
  if (result.latestEntryDate) return { listDate: result.latestEntryDate, listDateSource: 'entries' };
  return { listDate: statSync(path).mtime.toISOString().slice(0, 10), listDateSource: 'file-mtime' };
}

/** Every file under `dir` (recursively, hidden entries skipped), in path order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string) => {
    // Each real folder once: a symbolic-link loop cannot recurse forever.
    const real = realpathSync(d);
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      throw new InputError({ file: d, message: `cannot read the folder (${e instanceof Error ? e.message : String(e)})` });
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const p = join(d, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Parses every file under a folder. OFAC companion files are reported as read with their main file. */
export function parseListDir(dir: string, options: ParseOptions = {}): ParseOutcome[] {
  return parseListPaths([dir], options);
}

/** Parses files and folders given on a command line, in order, each file once. */
export function parseListPaths(paths: readonly string[], options: ParseOptions = {}, onFile?: (file: string, index: number, total: number) => void): ParseOutcome[] {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new InputError({ file: p, message: unreachablePath(e, 'folder') });
    }
    if (st.isDirectory()) pushAll(files, listFiles(p));
    else files.push(p);
  }
  const unique = [...new Set(files)];
  const outcomes: ParseOutcome[] = [];
  const readWith = new Map<string, string>();
  unique.forEach((f, i) => {
    onFile?.(f, i, unique.length);
    const o = parseListFile(f, options);
    if (!('skipped' in o)) for (const c of o.files.slice(1)) readWith.set(c, f);
    outcomes.push(o);
  });
  // A companion read with a main file given in the same run is not "skipped" on its own.
  return outcomes.map((o) => {
    if (!('skipped' in o)) return o;
    const main = readWith.get(o.file);
    return main ? skipped(o.file, `read with ${basename(main)}`, main) : o;
  });
}

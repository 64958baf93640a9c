/**
 * Files and directories: walk directories (sorted, recursively, hidden entries skipped), then
 * per file decide the format by magic number first and extension second, undo gzip, detect
 * the text encoding, and hand text to the right reader. Parquet and SQLite files become
 * their own units (see parquet.ts, sqlite.ts).
 */
import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { InputError } from '../../common/errors.js';
import type { DetectFn, SourceScanner } from '../core/types.js';
import { sniffDelimiter } from '../readers/csv.js';
import { counted, decode, detectEncoding, encodingExists, gunzip, hasUtf8Bom, magic, peek, skipBytes, type Encoding } from './decode.js';
import { readJsonDocument } from './json-document.js';
import { safeRecordId } from './record-id.js';
import type { ProgressFn, Skipped, SourceContext, SourceGroup, SourceUnit, UnitOutcome } from './types.js';
import { pushAll } from '../../common/arrays.js';

export type TextFormat = 'csv' | 'tsv' | 'psv' | 'jsonl' | 'json' | 'text';

const EXTENSIONS: Readonly<Record<string, TextFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.psv': 'psv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
  '.json': 'json',
  '.txt': 'text',
  '.log': 'text',
  '.text': 'text',
  '.md': 'text',
  '.vcf': 'text',
  '.fasta': 'text',
  '.fa': 'text',
  '.sam': 'text',
};

/** Text format from a file name (`.gz` stripped), undefined when the extension says nothing. */
export function formatFromName(name: string): TextFormat | undefined {
  let n = name.toLowerCase();
  if (n.endsWith('.gz')) n = n.slice(0, -3);
  return EXTENSIONS[extname(n)];
}

/**
 * Tells JSON lines from a JSON document by content: a document starting with `[` is a
 * document; one whose first line is a complete JSON value followed by another line is JSON
 * lines; anything else starting with `{` is a document. Non-JSON text returns undefined.
 */
export function sniffJson(head: string): 'json' | 'jsonl' | undefined {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('[')) return 'json';
  if (!t.startsWith('{')) return undefined;
  const nl = t.indexOf('\n');
  if (nl < 0) return 'json';
  try {
    JSON.parse(t.slice(0, nl));
  } catch {
    return 'json';
  }
  return t.slice(nl + 1).trimStart().startsWith('{') ? 'jsonl' : 'json';
}

/** Expands a path into files (directories recursively, in name order). */
export function walk(path: string): string[] {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (path.trim() === '') throw new InputError({ file: '<argv>', message: `an empty path ("${path}"): give a file, a directory or a database URL` });
    if (path === '-') throw new InputError({ file: path, message: 'reading standard input is not supported: give a file, a directory or a database URL' });
    if (code === undefined || code === 'ENOENT' || code === 'ENOTDIR') throw new InputError({ file: path, message: 'no such file, directory or database URL' });
    throw new InputError({ file: path, message: `cannot read: ${code === 'ELOOP' ? 'ELOOP (a loop of symbolic links)' : code}` });
  }
  // a FIFO, socket or device would block the read or never end
  if (!st.isDirectory() && !st.isFile()) throw new InputError({ file: path, message: 'not a regular file or directory (a pipe, socket or device); give a file' });
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError({ file: dir, message: `cannot read directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.isFile()) out.push(full);
      else if (e.isSymbolicLink()) {
        // follow links to files, never to directories (no loops)
        try {
          if (statSync(full).isFile()) out.push(full);
        } catch {
          // dangling link
        }
      }
    }
  };
  visit(path);
  return out;
}

/** Opens a file or directory as a group of units. */
export async function openFiles(path: string, ctx: SourceContext): Promise<SourceGroup> {
  if (ctx.encoding !== undefined && !encodingExists(ctx.encoding)) {
    throw new InputError({ file: '<argv>', path: '--encoding', message: `unknown encoding "${ctx.encoding}" (try utf-8, gb18030, gbk, utf-16le, big5)` });
  }
  const files = walk(path);
  const units: SourceUnit[] = [];
  const skipped: Skipped[] = [];
  const closers: (() => Promise<void>)[] = [];
  for (const file of files) {
    const kind = await fileKind(file, ctx.encoding);
    if (kind === 'parquet') units.push((await import('./parquet.js')).parquetUnit(file, ctx));
    else if (kind === 'sqlite') {
      const g = (await import('./sqlite.js')).openSqlite(file, ctx);
      pushAll(units, g.units);
      pushAll(skipped, g.skipped);
      closers.push(() => g.close());
    } else if (kind === 'text' || kind === 'gzip') units.push(textUnit(file, ctx));
    else skipped.push({ source: file, reason: kind });
  }
  return {
    units,
    skipped,
    close: async () => {
      for (const c of closers) await c();
    },
  };
}

/**
 * Whether text in this (forced) encoding holds NUL bytes: UTF-16 and UTF-32 text does, so a
 * file given with `--encoding utf-16le` is not taken for binary because of them.
 */
export function nulIsText(encoding: string | undefined): boolean {
  return encoding !== undefined && /^(utf-?|ucs-?)(16|32|2|4)/i.test(encoding.trim());
}

/** What a file is, from its first bytes (and the forced encoding, if any). */
async function fileKind(file: string, encoding?: string): Promise<'parquet' | 'sqlite' | 'gzip' | 'text' | string> {
  let head: Buffer;
  try {
    const { head: h, stream } = await peek(createReadStream(file, { start: 0, end: 4095 }), 4096);
    head = h;
    for await (const _ of stream) void _; // drain
  } catch (e) {
    throw new InputError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  const m = magic(head);
  if (m === 'gzip') return gzipKind(file, encoding);
  if (m === 'parquet' || m === 'sqlite') return m;
  if (m !== 'none') return `binary file (${m}); not a supported format`;
  if (detectEncoding(head) === undefined && !nulIsText(encoding)) return 'binary file; not a supported format';
  return 'text';
}

/**
 * What a gzip file holds, from its first decompressed bytes: text to read, or a reason to
 * skip it (a `.tar.gz` among the files of a directory is skipped like any binary file, not
 * an error that stops the whole scan). Corrupt data is left to the read, which names it.
 */
async function gzipKind(file: string, encoding?: string): Promise<'gzip' | string> {
  const raw = createReadStream(file, { highWaterMark: 16 * 1024 });
  const z = createGunzip();
  raw.on('error', (e) => z.destroy(e));
  raw.pipe(z);
  const parts: Buffer[] = [];
  let have = 0;
  try {
    for await (const b of z as AsyncIterable<Buffer>) {
      parts.push(b);
      have += b.length;
      if (have >= 4096) break;
    }
  } catch {
    return 'gzip';
  } finally {
    raw.destroy();
    z.destroy();
  }
  const inner = Buffer.concat(parts).subarray(0, 4096);
  const m = magic(inner);
  if (m === 'parquet' || m === 'sqlite') return `gzip-compressed ${m === 'parquet' ? 'Parquet' : 'SQLite'} file; decompress it first (random access is needed)`;
  if (m !== 'none') return `binary file inside gzip (${m}); not a supported format`;
  if (detectEncoding(inner) === undefined && !nulIsText(encoding)) return 'binary file inside gzip; not a supported format';
  return 'gzip';
}

function textUnit(file: string, ctx: SourceContext): SourceUnit {
  let size: number | undefined;
  try {
    size = statSync(file).size;
  } catch {
    size = undefined;
  }
  return {
    name: file,
    size,
    unit: 'bytes',
    run: (scanner, progress) => scanTextFile(file, ctx, scanner, progress),
  };
}

async function scanTextFile(file: string, ctx: SourceContext, scanner: SourceScanner, progress: ProgressFn): Promise<UnitOutcome> {
  try {
    return await readTextFile(file, ctx, scanner, progress);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_ZLIB_INFLATE') {
      throw new InputError({ file, message: `corrupt gzip data: ${(e as Error).message}` });
    }
    if (code !== undefined && /^E[A-Z]+$/.test(code)) throw new InputError({ file, message: `cannot read: ${code}` });
    throw e;
  }
}

async function readTextFile(file: string, ctx: SourceContext, scanner: SourceScanner, progress: ProgressFn): Promise<UnitOutcome> {
  const raw = counted(createReadStream(file, { highWaterMark: 1024 * 1024 }), progress);
  let { head, stream } = await peek(raw);
  let compressed = false;
  if (magic(head) === 'gzip') {
    compressed = true;
    ({ head, stream } = await peek(gunzip(stream)));
    const inner = magic(head);
    if (inner === 'parquet' || inner === 'sqlite') {
      throw new InputError({ file, message: `a gzip-compressed ${inner === 'parquet' ? 'Parquet' : 'SQLite'} file: decompress it first (random access is needed)` });
    }
  }
  const encoding: Encoding | undefined = ctx.encoding ?? detectEncoding(head);
  if (encoding === undefined) throw new InputError({ file, message: `binary content${compressed ? ' inside gzip' : ''}; not a supported format` });
  if (hasUtf8Bom(head) && encoding.replace(/[-_]/g, '').toLowerCase() !== 'utf8') {
    // a UTF-8 BOM before text in another encoding: its bytes are not text of that encoding
    head = head.subarray(3);
    stream = skipBytes(stream, 3);
  }
  const headText = decodeHead(head, encoding);
  let format = formatFromName(basename(file)) ?? (sniffJson(headText) === undefined ? 'text' : 'json');
  if (format === 'json') format = sniffJson(headText) ?? 'json';
  const text = decode(stream, encoding);
  // UTF-8 CSV and JSON lines go to the readers as bytes: they decode only the fields that
  // are not ASCII (readers/bytes.ts), which is most of the saving on mixed-language data
  const bytes = encoding === 'utf-8' ? stream : text;
  const source = file;
  const csv = (delimiter?: string) => {
    const d = delimiter ?? sniffDelimiter(headText);
    const header = firstRowIsHeader(headText, d, ctx.detect);
    return ctx.readers.readCsv(bytes, { source, ...(delimiter !== undefined ? { delimiter } : {}), ...(header ? {} : { header: false }) }, scanner);
  };
  {
    switch (format) {
      case 'csv':
        await csv();
        break;
      case 'tsv':
        await csv('\t');
        break;
      case 'psv':
        await csv('|');
        break;
      case 'jsonl':
        await ctx.readers.readJsonLines(bytes, { source }, scanner);
        break;
      case 'json':
        await readJsonDocument(text, { source, recordId: (id) => safeRecordId(id, ctx.detect, ctx.mask) }, scanner);
        break;
      default:
        await ctx.readers.readText(text, { source }, scanner);
    }
  }
  return { encoding, format: compressed ? `${format}+gzip` : format };
}

/**
 * Whether the first row of a delimited file is a header: not when any of its cells holds a
 * value the detectors recognise (an ID, a phone number, an e-mail address: data, not a
 * column name). A data row taken for a header would be printed as field names and never
 * scanned.
 */
export function firstRowIsHeader(head: string, delimiter: string, detect: DetectFn): boolean {
  const t = head.replace(/^\uFEFF/, '');
  let end = t.search(/[\r\n]/);
  if (end < 0) end = t.length;
  const first = t.slice(0, Math.min(end, 64 * 1024));
  for (const raw of first.split(delimiter)) {
    const cell = raw.trim().replace(/^"(.*)"$/s, '$1');
    if (cell.length > 0 && detect(cell).length > 0) return false;
  }
  return true;
}

function decodeHead(head: Buffer, encoding: Encoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(head, { stream: true });
  return iconv.decode(head, encoding);
}

/**
 * Bytes to text: peek at the head of a stream, recognise gzip and binary formats by their
 * magic numbers, detect the text encoding (BOM; valid UTF-8; else GB18030, the superset of
 * GBK and GB2312), then decode as a stream. Memory stays flat: only the head is buffered.
 */
import { createGunzip } from 'node:zlib';
import { Readable, pipeline } from 'node:stream';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

/** How much of a stream is looked at to decide format and encoding. */
export const HEAD_BYTES = 64 * 1024;

export interface Peeked {
  /** The first bytes (up to HEAD_BYTES, less only when the stream is shorter). */
  readonly head: Buffer;
  /** The whole stream again, head included. */
  readonly stream: AsyncIterable<Buffer>;
}

/** Reads the head of a byte stream without losing it. */
export async function peek(source: AsyncIterable<Buffer | Uint8Array | string>, bytes = HEAD_BYTES): Promise<Peeked> {
  const it = source[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let have = 0;
  let done = false;
  while (have < bytes) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = toBuffer(r.value);
    first.push(b);
    have += b.length;
  }
  const head = Buffer.concat(first);
  async function* again(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield toBuffer(r.value);
    }
  }
  return { head: head.subarray(0, bytes), stream: again() };
}

function toBuffer(v: Buffer | Uint8Array | string): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export type Magic = 'gzip' | 'parquet' | 'sqlite' | 'zip' | 'pdf' | 'image' | 'none';

export function magic(head: Buffer): Magic {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'PAR1') return 'parquet';
  if (head.length >= 16 && head.toString('latin1', 0, 16) === 'SQLite format 3\0') return 'sqlite';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4) return 'zip';
  if (head.length >= 5 && head.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (head.length >= 4 && ((head[0] === 0x89 && head[1] === 0x50) || (head[0] === 0xff && head[1] === 0xd8) || head.toString('latin1', 0, 4) === 'GIF8')) return 'image';
  return 'none';
}

/** Decompresses a gzip stream (multi-member files included). */
export function gunzip(stream: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const z = createGunzip({ chunkSize: 256 * 1024 });
  pipeline(Readable.from(stream), z, () => {
    // errors surface through iteration of `z`
  });
  return z;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | (string & {});

/** True when the text is UTF-8 (a sequence cut at the end of the head is allowed). */
export function isUtf8(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes start with the UTF-8 byte-order mark. */
export function hasUtf8Bom(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/**
 * Detects the encoding of a text head: a BOM decides; else UTF-8 when the bytes are valid
 * UTF-8; else GB18030 (which decodes GBK and GB2312 text the same way). A UTF-8 BOM followed
 * by bytes that are not UTF-8 (a tool that put a BOM before GBK text) is GB18030 too: read as
 * UTF-8, every Chinese character would become U+FFFD and go unscanned. (The caller drops the
 * BOM's bytes then.) Returns undefined for binary data (NUL bytes outside UTF-16).
 */
export function detectEncoding(head: Buffer): Encoding | undefined {
  if (hasUtf8Bom(head)) return isUtf8(head.subarray(3)) ? 'utf-8' : 'gb18030';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.includes(0)) return undefined;
  if (isUtf8(head)) return 'utf-8';
  return 'gb18030';
}

/** True when iconv-lite can decode the named encoding. */
export function encodingExists(name: string): boolean {
  return iconv.encodingExists(name);
}

/**
 * A native (ICU) decoder for the encoding when this Node build has one: measured 4× faster
 * than iconv-lite on GB18030 (300 MB: 0.75 s against 2.8 s of CPU). Else undefined.
 */
function nativeDecoder(encoding: string): TextDecoder | undefined {
  try {
    return new TextDecoder(encoding);
  } catch {
    return undefined;
  }
}

/** Decodes a byte stream to strings (BOM dropped), without buffering more than a chunk. */
export async function* decode(stream: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  const native = nativeDecoder(encoding);
  if (native !== undefined) {
    for await (const b of stream) {
      const s = native.decode(b, { stream: true });
      if (s.length > 0) yield s;
    }
    const tail = native.decode();
    if (tail.length > 0) yield tail;
    return;
  }
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  for await (const b of stream) {
    const s = d.write(b);
    if (s.length > 0) yield s;
  }
  const tail = d.end();
  if (tail !== undefined && tail.length > 0) yield tail;
}

/** The stream without its first `n` bytes. */
export async function* skipBytes(stream: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  let left = n;
  for await (const b of stream) {
    if (left >= b.length) {
      left -= b.length;
      continue;
    }
    yield left > 0 ? b.subarray(left) : b;
    left = 0;
  }
}

/** Counts bytes as they pass (for progress on the raw, possibly compressed, file). */
export async function* counted(stream: AsyncIterable<Buffer>, onBytes: (total: number) => void): AsyncGenerator<Buffer> {
  let n = 0;
  for await (const b of stream) {
    n += b.length;
    onBytes(n);
    yield b;
  }
}

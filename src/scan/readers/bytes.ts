/**
 * UTF-8 input as bytes, decoded only where it has to be.
 *
 * Decoding UTF-8 to JavaScript strings is the most expensive single step of a scan of mixed
 * English / Chinese data (Node 20: ~125 MB/s for text with 12 % non-ASCII bytes, against
 * ~550 MB/s for a latin1 "decode", which copies one byte to one character). So the CSV and
 * JSON-lines readers parse a chunk's bytes through its latin1 view: every structural
 * character (quote, delimiter, brace, newline) is ASCII, and no byte of a multi-byte UTF-8
 * character is below 0x80, so the latin1 view splits exactly as the decoded text would. A
 * field whose bytes are all ASCII is handed to the detectors as a range of that view (it is
 * its decoded text); only a field holding a byte ≥ 0x80 is decoded, alone.
 *
 * Input that arrives as strings (tests, other charsets decoded upstream) is not re-encoded:
 * its views are the text itself.
 */
import { StringDecoder } from 'node:string_decoder';
import type { TextInput } from '../core/types.js';

/** Longest byte view made (input chunks are cut to this size). */
export const VIEW_BYTES = 1 << 16;

/** A byte ≥ 0x80 in a latin1 view: part of a multi-byte UTF-8 character. */
const HIGH = /[\u0080-\u00ff]/g;

/**
 * One chunk of input as a string `s` the readers parse by index:
 * - byte view: `s` is the latin1 view of UTF-8 bytes (`s.charCodeAt(i) === byte i`);
 * - text view: `s` is decoded text.
 * `ascii(a, b)` says whether s[a, b) is already the text of that range; `text(a, b)` gives it.
 */
export class ByteView {
  private buf: Buffer | undefined;
  /** Index of the first byte ≥ 0x80 at or after `searched` (s.length if none). */
  private nextHigh: number;
  private searched = 0;

  /** The view's bytes four at a time, from byte `wordsAt` (the first 4-aligned one) on. */
  private words: Uint32Array | undefined;
  private wordsAt = 0;

  constructor(
    readonly s: string,
    readonly bytes: boolean,
    buf?: Buffer,
  ) {
    this.buf = buf;
    this.nextHigh = bytes ? -1 : Infinity;
    if (buf !== undefined && bytes) {
      this.wordsAt = (4 - (buf.byteOffset & 3)) & 3;
      const n = buf.length > this.wordsAt ? (buf.length - this.wordsAt) >>> 2 : 0;
      // no words when the view is shorter than its alignment (its aligned start may then lie
      // past the end of its ArrayBuffer, which a typed array refuses even at length 0)
      this.words = n > 0 ? new Uint32Array(buf.buffer, buf.byteOffset + this.wordsAt, n) : new Uint32Array(0);
    }
  }

  /**
   * The index of the first byte ≥ 0x80 at or after `from` (s.length if none): four bytes
   * per step, one mask test each, over the aligned middle (this search passes over nearly
   * every byte of a CSV input once; a regular expression over the view tested each one).
   */
  private firstHigh(from: number): number {
    const buf = this.buf!;
    const w = this.words!;
    const n = this.s.length;
    let p = from;
    while (p < n && (p < this.wordsAt || ((p - this.wordsAt) & 3) !== 0)) {
      if (buf[p]! >= 0x80) return p;
      p++;
    }
    let k = (p - this.wordsAt) >>> 2;
    while (k < w.length && (w[k]! & 0x80808080) === 0) k++;
    p = p < n ? this.wordsAt + (k << 2) : p;
    for (; p < n; p++) if (buf[p]! >= 0x80) return p;
    return n;
  }

  static ofBytes(buf: Buffer): ByteView {
    return new ByteView(buf.toString('latin1'), true, buf);
  }

  /** True when s[a, b) is the text of that range (always for a text view; ASCII bytes for a byte view). */
  ascii(a: number, b: number): boolean {
    if (this.nextHigh < a || a < this.searched) {
      // readers ask in increasing order, so a search starts past the previous answer and
      // the view is scanned about once
      this.searched = a;
      if (this.words !== undefined) this.nextHigh = this.firstHigh(a);
      else {
        HIGH.lastIndex = a;
        this.nextHigh = HIGH.test(this.s) ? HIGH.lastIndex - 1 : this.s.length;
      }
    }
    return this.nextHigh >= b;
  }

  /** The text of s[a, b) (invalid UTF-8 becomes U+FFFD, as with TextDecoder). */
  text(a: number, b: number): string {
    return this.ascii(a, b) ? this.s.slice(a, b) : this.decode(a, b);
  }

  /** The text of s[a, b) known to hold a byte ≥ 0x80 (a byte view) or any text (a text view). */
  decode(a: number, b: number): string {
    if (!this.bytes) return this.s.slice(a, b);
    this.buf ??= Buffer.from(this.s, 'latin1');
    return this.buf.toString('utf8', a, b);
  }

  /** The raw bytes of s[a, b) of a byte view. */
  raw(a: number, b: number): Buffer {
    this.buf ??= Buffer.from(this.s, 'latin1');
    return this.buf.subarray(a, b);
  }

  /** A view of the same kind over `s` (pieces of this kind of view, joined). */
  like(s: string): ByteView {
    return new ByteView(s, this.bytes);
  }
}

/**
 * Streaming decoder for a value cut into windows (a field longer than WINDOW_UNITS): a byte
 * view's window may end inside a character, which the decoder holds for the next one.
 */
export class WindowText {
  private decoder: StringDecoder | undefined;

  write(v: ByteView, a: number, b: number): string {
    if (!v.bytes) return v.s.slice(a, b);
    this.decoder ??= new StringDecoder('utf8');
    return this.decoder.write(v.raw(a, b));
  }

  end(v: ByteView, a: number, b: number): string {
    if (!v.bytes || this.decoder === undefined) return v.text(a, b);
    const t = this.decoder.write(v.raw(a, b)) + this.decoder.end();
    this.decoder = undefined;
    return t;
  }
}

/**
 * Views over any input (see {@link inputChunks}), cut to at most VIEW_BYTES: a string that
 * size is a young-generation object, which dies cheaply; a 1 MiB one would go to
 * large-object space and cost a full collection later.
 */
export async function* viewChunks(input: TextInput, forceText = false): AsyncGenerator<ByteView> {
  for await (const c of inputChunks(input, forceText)) yield* chunkViews(c);
}

/** The views of one chunk of {@link inputChunks}: text whole, bytes cut to VIEW_BYTES. */
export function* chunkViews(c: Buffer | string): Generator<ByteView> {
  if (typeof c === 'string') yield new ByteView(c, false);
  else for (let o = 0; o < c.length; o += VIEW_BYTES) yield ByteView.ofBytes(o === 0 && c.length <= VIEW_BYTES ? c : c.subarray(o, Math.min(c.length, o + VIEW_BYTES)));
}

/**
 * The chunks of any input, non-empty, as bytes or as text. The first non-empty chunk decides
 * the kind: Buffer / Uint8Array → bytes (later string chunks are encoded), string → text
 * (later byte chunks are decoded). A leading byte-order mark is dropped, even when the
 * chunking cuts it; a surrogate pair or UTF-8 character cut by the chunking is kept whole in
 * text. `forceText` makes text from bytes too (a delimiter that is not ASCII cannot be found
 * in bytes).
 */
export async function* inputChunks(input: TextInput, forceText = false): AsyncGenerator<Buffer | string> {
  let mode: 'bytes' | 'text' | undefined;
  let head: Buffer | undefined = Buffer.alloc(0); // held until the BOM question is settled
  let carry = ''; // a high surrogate cut from the end of a string chunk
  let decoder: StringDecoder | undefined;
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    if (mode === undefined) {
      if (typeof chunk === 'string' ? chunk.length === 0 : chunk.byteLength === 0) continue;
      mode = typeof chunk === 'string' || forceText ? 'text' : 'bytes';
    }
    if (mode === 'text') {
      let t: string;
      if (typeof chunk === 'string') t = chunk;
      else {
        decoder ??= new StringDecoder('utf8');
        t = decoder.write(toBuffer(chunk));
      }
      if (head !== undefined) {
        // first text: drop a BOM
        if (t.length === 0) continue;
        if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
        head = undefined;
      }
      if (t.length) yield t;
      continue;
    }
    let b: Buffer;
    if (typeof chunk === 'string') {
      let t = carry + chunk;
      carry = '';
      const last = t.charCodeAt(t.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        carry = t.slice(-1);
        t = t.slice(0, -1);
      }
      b = Buffer.from(t, 'utf8');
    } else {
      b = toBuffer(chunk);
      if (carry.length) {
        b = Buffer.concat([Buffer.from(carry, 'utf8'), b]);
        carry = '';
      }
    }
    if (head !== undefined) {
      if (head.length) b = Buffer.concat([head, b]);
      if (b.length < 3 && (b.length === 0 || b[0] === 0xef) && (b.length < 2 || b[1] === 0xbb)) {
        head = b; // may still be a BOM
        continue;
      }
      head = undefined;
      if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    }
    if (b.length) yield b;
  }
  if (mode === 'text') {
    const rest = decoder?.end() ?? '';
    if (rest.length) yield rest;
    return;
  }
  let rest = head ?? Buffer.alloc(0);
  if (carry.length) rest = Buffer.concat([rest, Buffer.from(carry, 'utf8')]);
  if (rest.length > 0) yield rest;
}

function toBuffer(c: Uint8Array): Buffer {
  return Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

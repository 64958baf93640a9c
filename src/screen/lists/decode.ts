/**
 * Bytes → text for list files. Lists are published as UTF-8 (some with a byte-order mark);
 * UTF-16 is recognised by its byte-order mark or its zero bytes (all on one side of the pairs). Anything else must be named
 * with an explicit encoding: invalid UTF-8 is an error that points at the first bad byte,
 * never silently replaced.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { InputError } from '../../common/errors.js';

/** Encodings a user may name with `--encoding`. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1', 'gb18030', 'big5', 'shift_jis'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export function isTextEncoding(s: string): s is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(s);
}

/** What the first bytes say about a file. */
export type ByteSniff = 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';

export function sniffBytes(bytes: Uint8Array): ByteSniff {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096);
  let zeros = 0;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      zeros++;
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  if (zeros === 0) return 'utf-8';
  // Text in UTF-16 without a byte-order mark: one zero byte in every pair, on one side.
  const pairs = Math.floor(n / 2);
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  // Text mostly in a script beyond Latin-1 (Chinese) has few zero bytes in UTF-16, but they all
  // fall on one side of the pairs (the ASCII separators, digits and line breaks), and the text
  // reads as UTF-16 without stray control characters, which binary data does not.
  if (oddZeros >= 8 && evenZeros * 50 <= oddZeros && readsAsUtf16(bytes.subarray(0, n - (n % 2)), 'utf-16le')) return 'utf-16le';
  if (evenZeros >= 8 && oddZeros * 50 <= evenZeros && readsAsUtf16(bytes.subarray(0, n - (n % 2)), 'utf-16be')) return 'utf-16be';
  return 'binary';
}

/** True when the bytes decode as UTF-16 text: no unpaired surrogate (but one cut at the end), under 1% control characters. */
function readsAsUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, bytes.length - 2));
  } catch {
    return false;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) control++;
  }
  return text.length > 0 && control * 100 <= text.length;
}

/** Line and column (1-based, in characters) of the first NUL byte of UTF-8 text, if it has one. */
export function firstNul(bytes: Uint8Array): { line: number; column: number } | undefined {
  const at = bytes.indexOf(0);
  return at < 0 ? undefined : lineColumnOfByte(bytes, at);
}

/**
 * Decodes a whole file. With no `encoding`, UTF-8 (BOM optional) or BOM/zero-byte detected
 * UTF-16; invalid UTF-8 throws an {@link InputError} at the line and column of the first bad byte.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: TextEncoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const enc = encoding ?? autoEncoding(bytes);
  if (enc === 'utf-8') {
    if (!isUtf8(buf)) {
      const at = firstInvalidUtf8(bytes);
      const { line, column } = lineColumnOfByte(bytes, at);
      throw new InputError({
        file,
        line,
        column,
        message:
          `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${at}); ` +
          `re-save the file as UTF-8 or name its encoding with --encoding (${TEXT_ENCODINGS.join(', ')})`,
      });
    }
    const text = buf.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  const text = iconv.decode(buf, enc);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes the start of a file for format detection; bad bytes become U+FFFD. */
export function decodeHead(bytes: Uint8Array, maxBytes = 65_536, encoding?: TextEncoding): string {
  const head = bytes.subarray(0, Math.min(bytes.length, maxBytes));
  const enc = encoding ?? autoEncoding(head);
  const buf = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const text = enc === 'utf-8' ? buf.toString('utf8') : iconv.decode(buf, enc);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function autoEncoding(bytes: Uint8Array): TextEncoding {
  const s = sniffBytes(bytes);
  return s === 'utf-16le' || s === 'utf-16be' ? s : 'utf-8';
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Column in characters: count UTF-8 lead bytes from the line start.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  return { line, column };
}

/**
 * Bytes read as UTF-8 text, refusing bytes that are not UTF-8 instead of reading them as U+FFFD
 * (a Latin-1 "é" inside a JSON string would otherwise pass unnoticed, changed). Shared by every
 * reader of user files: inventories, SBOMs, advisories.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from './errors.js';

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * Offset of the first byte of the first sequence that is not UTF-8, or -1. Validation is Node's
 * (`isUtf8`); only on failure is the text decoded (each bad sequence becomes U+FFFD) and encoded
 * again: the first byte that differs lies in the U+FFFD that stands for the bad sequence.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  const buf = asBuffer(bytes);
  const again = Buffer.from(buf.toString('utf8'), 'utf8');
  let at = 0;
  while (at < buf.length && buf[at] === again[at]) at++;
  // `again` is UTF-8: step back over continuation bytes to the start of that U+FFFD.
  while (at > 0 && (again[at]! & 0xc0) === 0x80) at--;
  return at;
}

/**
 * The bytes as UTF-8 text (a byte order mark kept). A UTF-16 byte order mark, a NUL byte (with
 * `refuseNul`: a binary file) or bytes that are not UTF-8 are an InputError naming the file and
 * the line and offset of the first one; `expected` says what the file should be ("an OSV
 * advisory is JSON text in UTF-8").
 */
export function decodeUtf8(bytes: Uint8Array, file: string, expected: string, options: { readonly refuseNul?: boolean } = {}): string {
  const buf = asBuffer(bytes);
  const lineAt = (offset: number): number => {
    let line = 1;
    for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
    return line;
  };
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new InputError({ file, message: `not UTF-8 text: the file is UTF-16 (${expected}; save it as UTF-8)` });
  }
  if (options.refuseNul) {
    const nul = buf.indexOf(0);
    if (nul >= 0) throw new InputError({ file, line: lineAt(nul), message: `not a text file: it holds NUL bytes (${expected})` });
  }
  const bad = invalidUtf8Offset(buf);
  if (bad < 0) return buf.toString('utf8');
  const hex = buf[bad]!.toString(16).toUpperCase().padStart(2, '0');
  throw new InputError({ file, line: lineAt(bad), message: `not UTF-8 text: byte 0x${hex} (offset ${bad}) is not valid UTF-8 (${expected})` });
}

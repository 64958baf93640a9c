/**
 * Text chunks from any input: strings pass through; Uint8Array/Buffer chunks are decoded as
 * UTF-8 with a streaming decoder (a character split across chunks is kept whole).
 */
import { StringDecoder } from 'node:string_decoder';
import type { TextInput } from '../core/types.js';

export async function* textChunks(input: TextInput): AsyncGenerator<string> {
  let decoder: StringDecoder | undefined;
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') {
      if (chunk.length) yield chunk;
    } else {
      decoder ??= new StringDecoder('utf8');
      const s = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (s.length) yield s;
    }
  }
  if (decoder) {
    const rest = decoder.end();
    if (rest.length) yield rest;
  }
}

/**
 * Longest stretch of one field or line held before it is scanned in windows (UTF-16 units).
 * A match that straddles two windows of the same giant value may be missed; values this
 * long are logs and blobs, not table cells.
 */
export const WINDOW_UNITS = 1 << 20;

/**
 * Whole JSON documents. A top-level array (the common export shape) is streamed element by
 * element: a small state machine finds where each element ends, and only that element is
 * held and parsed, so memory is bounded by the largest element, not the file. Any other
 * document is parsed whole, up to {@link MAX_WHOLE_DOCUMENT} code units, and is one record.
 *
 * Records: each array element; its id is its `id` field when it has a scalar one, else its
 * 1-based position. Fields are the element's values flattened to paths (`a.b`, `c[]`).
 */
import { InputError } from '../../common/errors.js';
import type { SourceScanner } from '../core/types.js';
import { flatten, idOf } from './flatten.js';

/** Documents that are not a top-level array are read whole up to this size (UTF-16 units). */
export const MAX_WHOLE_DOCUMENT = 256 * 1024 * 1024;
/** Nesting deeper than this is refused (it would overflow JSON.parse's stack). */
export const MAX_NESTING = 512;

export interface JsonDocumentOptions {
  readonly source: string;
  readonly recordId: (id: string | number) => string | number;
  readonly onProgress?: (unitsRead: number) => void;
}

/** Reads one JSON document from text chunks into the scanner; returns the records seen. */
export async function readJsonDocument(input: AsyncIterable<string>, opts: JsonDocumentOptions, scanner: SourceScanner): Promise<number> {
  const fields: [string, string][] = [];
  let records = 0;
  const emit = (text: string, line: number, column: number) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new InputError({ file: opts.source, line, column, message: `invalid JSON: ${(e as Error).message}` });
    }
    records++;
    fields.length = 0;
    flatten(value, '', fields);
    scanner.scanRecord(opts.recordId(idOf(value) ?? records), fields);
  };

  // Scanner state
  let line = 1;
  let col = 0;
  let depth = 0;
  let inString = false;
  let escape = false;
  let top: 'array' | 'other' | undefined;
  let pieces: string[] = []; // the current element (array mode) or the whole document
  let piecesLength = 0;
  let elemStart = -1; // index in the current chunk where the element started, or -1
  let elemLine = 1;
  let elemCol = 1;
  let inElement = false;
  let scalarElement = false;
  let afterArray = false;
  let consumed = 0;

  const fail = (message: string): never => {
    throw new InputError({ file: opts.source, line, column: col, message });
  };

  for await (const chunk of input) {
    const n = chunk.length;
    elemStart = inElement ? 0 : -1;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        line++;
        col = 0;
      } else col++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (top === undefined) {
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
        if (c === 91 /* [ */) {
          top = 'array';
          depth = 1;
          continue;
        }
        top = 'other';
        elemStart = i;
        inElement = true;
        elemLine = line;
        elemCol = col;
      }
      if (top === 'array') {
        if (afterArray) {
          if (c === 32 || c === 9 || c === 10 || c === 13) continue;
          fail('unexpected data after the top-level array');
        }
        if (!inElement) {
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 /* , */) continue;
          if (c === 93 /* ] */) {
            depth = 0;
            afterArray = true;
            continue;
          }
          inElement = true;
          elemStart = i;
          elemLine = line;
          elemCol = col;
          scalarElement = c !== 123 && c !== 91;
          if (c === 34) inString = true;
          else if (!scalarElement) depth++;
          continue;
        }
        // inside an element
        if (c === 34) {
          inString = true;
          continue;
        }
        if (c === 123 || c === 91) {
          if (++depth > MAX_NESTING) fail(`nesting deeper than ${MAX_NESTING} levels`);
          continue;
        }
        if (c === 125 || c === 93) {
          if (scalarElement && depth === 1) {
            // `]` ends a scalar element and the array
            if (c === 125) fail('unexpected }');
            finishElement(chunk, i);
            depth = 0;
            afterArray = true;
            continue;
          }
          depth--;
          if (depth === 1) finishElement(chunk, i + 1);
          continue;
        }
        if (c === 44 && scalarElement && depth === 1) {
          finishElement(chunk, i);
          continue;
        }
      } else {
        // whole document: track nesting only to refuse what JSON.parse could not take
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) {
          if (++depth > MAX_NESTING) fail(`nesting deeper than ${MAX_NESTING} levels`);
        } else if (c === 125 || c === 93) depth--;
      }
    }
    if (inElement && elemStart >= 0) {
      pieces.push(elemStart === 0 ? chunk : chunk.slice(elemStart));
      piecesLength += n - elemStart;
      if (top === 'other' && piecesLength > MAX_WHOLE_DOCUMENT) {
        fail(`JSON document larger than ${MAX_WHOLE_DOCUMENT / 1024 / 1024} MB that is not a top-level array; convert it to JSON lines`);
      }
    }
    consumed += n;
    opts.onProgress?.(consumed);
  }

  function finishElement(chunk: string, end: number): void {
    const part = chunk.slice(elemStart < 0 ? 0 : elemStart, end);
    const text = pieces.length === 0 ? part : pieces.join('') + part;
    pieces = [];
    piecesLength = 0;
    inElement = false;
    scalarElement = false;
    elemStart = -1;
    emit(text, elemLine, elemCol);
  }

  if (top === undefined) return 0; // empty document
  if (top === 'array') {
    if (inString || depth !== 0 || !afterArray) fail('unexpected end of the JSON document (unclosed array)');
    return records;
  }
  const text = pieces.join('');
  emit(text, elemLine, elemCol);
  return records;
}

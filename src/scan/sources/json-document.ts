/**
 * Whole JSON documents, read by a streaming tokenizer: no document is ever held in memory,
 * only the token being read (a string or number cut by a chunk boundary is carried over).
 *
 * Records: when the document is a top-level array, each element is a record, its id the
 * element's scalar `id` member (else its 1-based position); any other document is one
 * record. Fields are the scalar values flattened to paths — `address.city`, `phones[]` (the
 * elements of an array share one path, so the field's counts add up); a scalar element is
 * the field `value`. Numbers keep their text exactly as written (an 18-digit ID stored as a
 * number keeps every digit); booleans and nulls carry nothing worth scanning.
 *
 * Strings are found with indexOf, not character by character; nesting deeper than
 * {@link MAX_NESTING} is refused.
 */
import { InputError } from '../../common/errors.js';
import type { SourceScanner } from '../core/types.js';
import { KeyFolder } from '../core/field-paths.js';

/** Nesting deeper than this is refused (it only happens in hostile or broken input). */
export const MAX_NESTING = 512;
/** A single string or number longer than this (UTF-16 units) is refused. */
export const MAX_TOKEN = 16 * 1024 * 1024;

export interface JsonDocumentOptions {
  readonly source: string;
  /** Makes a record id safe to keep (masks it when it holds a value). */
  readonly recordId: (id: string | number) => string | number;
  readonly onProgress?: (unitsRead: number) => void;
}

const enum S {
  Value, // a value is expected
  ArrayFirst, // after '[': a value or ']'
  ArrayNext, // after an element: ',' or ']'
  ObjectFirst, // after '{': a key or '}'
  ObjectKey, // after ',': a key
  Colon, // after a key
  ObjectNext, // after a member: ',' or '}'
  Done, // the top-level value is complete
}

interface Frame {
  readonly array: boolean;
  /** Path of this container ('' for a record root). */
  readonly path: string;
  /** This container is the root object of a record (its `id` member is the record id). */
  readonly recordRoot: boolean;
  /** This container is the top-level array whose elements are records. */
  readonly recordList: boolean;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Reads one JSON document from text chunks into the scanner; returns the records seen. */
export async function readJsonDocument(input: AsyncIterable<string>, opts: JsonDocumentOptions, scanner: SourceScanner): Promise<number> {
  const stack: Frame[] = [];
  let state: S = S.Value;
  let key = ''; // the member name waiting for its value
  let records = 0;
  let recordOpen = false;
  let topArray = false;

  let line = 1; // line of buf[0]
  let lineStart = 0; // offset in buf of the start of the current line (may be negative)
  let consumed = 0;
  let buf = '';
  // when a string or number was cut by a chunk boundary: how much of it was searched
  let searched = 0;

  const fail = (at: number, message: string): never => {
    let l = line;
    let ls = lineStart;
    for (let k = buf.indexOf('\n'); k >= 0 && k < at; k = buf.indexOf('\n', k + 1)) {
      l++;
      ls = k + 1;
    }
    throw new InputError({ file: opts.source, line: l, column: at - ls + 1, message: `invalid JSON: ${message}` });
  };

  const beginRecord = () => {
    records++;
    recordOpen = true;
    scanner.beginRecord(records);
  };
  const endRecord = () => {
    recordOpen = false;
    scanner.endRecord();
  };

  // keys of maps keyed by ids fold into `*` past a bound (core/field-paths.ts)
  const folder = new KeyFolder();

  /** Path of a value about to be read in the current context. */
  const valuePath = (): string => {
    const top = stack[stack.length - 1];
    if (top === undefined || top.recordList) return 'value';
    if (top.array) return `${top.path}[]`;
    return top.path ? folder.path(top.path, key) : folder.key(undefined, key);
  };

  /** After a complete value: the state of the enclosing container. */
  const afterValue = () => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      state = S.Done;
      if (recordOpen) endRecord();
      return;
    }
    if (top.recordList && recordOpen) endRecord();
    state = top.array ? S.ArrayNext : S.ObjectNext;
  };

  const scalar = (text: string, isNumber: boolean) => {
    const top = stack[stack.length - 1];
    if (top?.recordList) beginRecord();
    else if (top === undefined && !recordOpen) beginRecord();
    if (text.length > 0) scanner.scanField(valuePath(), text);
    if (top !== undefined && top.recordRoot && !top.array && key === 'id') {
      const n = isNumber ? Number(text) : NaN;
      scanner.setRecordId(opts.recordId(isNumber && Number.isSafeInteger(n) ? n : text));
    }
    afterValue();
  };

  const open = (array: boolean) => {
    if (stack.length >= MAX_NESTING) return false;
    const top = stack[stack.length - 1];
    let recordRoot = false;
    let recordList = false;
    let path: string;
    if (top === undefined) {
      if (array) {
        topArray = true;
        recordList = true;
      } else {
        beginRecord();
        recordRoot = true;
      }
      path = '';
    } else if (top.recordList) {
      beginRecord();
      recordRoot = true;
      path = array ? 'value' : '';
    } else path = top.array ? `${top.path}[]` : top.path ? folder.path(top.path, key) : folder.key(undefined, key);
    stack.push({ array, path, recordRoot, recordList });
    state = array ? S.ArrayFirst : S.ObjectFirst;
    return true;
  };

  const close = () => {
    stack.pop();
    afterValue();
  };

  const process = (final: boolean): number => {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) {
        i++;
        continue;
      }
      switch (state) {
        case S.Done:
          fail(i, 'unexpected data after the end of the document');
          break;
        case S.Colon:
          if (c !== 58) fail(i, 'expected ":"');
          state = S.Value;
          i++;
          continue;
        case S.ArrayNext:
          if (c === 44) state = S.Value;
          else if (c === 93) close();
          else fail(i, 'expected "," or "]"');
          i++;
          continue;
        case S.ObjectNext:
          if (c === 44) state = S.ObjectKey;
          else if (c === 125) close();
          else fail(i, 'expected "," or "}"');
          i++;
          continue;
        case S.ObjectFirst:
        case S.ObjectKey: {
          if (c === 125 && state === S.ObjectFirst) {
            close();
            i++;
            continue;
          }
          if (c !== 34) fail(i, 'expected a member name in double quotes');
          const end = stringEnd(buf, i, searched);
          searched = 0;
          if (end < 0) return carry(i, final, 'a member name', true);
          key = unescape(buf, i, end, fail);
          state = S.Colon;
          i = end + 1;
          continue;
        }
        case S.ArrayFirst:
          if (c === 93) {
            close();
            i++;
            continue;
          }
        // fall through: a value
        case S.Value: {
          if (c === 34) {
            const end = stringEnd(buf, i, searched);
            searched = 0;
            if (end < 0) return carry(i, final, 'a string', true);
            scalar(unescape(buf, i, end, fail), false);
            i = end + 1;
            continue;
          }
          if (c === 123 || c === 91) {
            if (!open(c === 91)) fail(i, `nesting deeper than ${MAX_NESTING} levels`);
            i++;
            continue;
          }
          if (c === 45 || (c >= 48 && c <= 57)) {
            if (!final) {
              // a number that runs to the end of the chunk may go on in the next one
              let j = i + Math.max(1, searched);
              searched = 0;
              while (j < n && isNumberChar(buf.charCodeAt(j))) j++;
              if (j === n) return carry(i, final, 'a number', true);
            }
            searched = 0;
            NUMBER.lastIndex = i;
            const m = NUMBER.exec(buf);
            if (m === null) fail(i, 'malformed number');
            const end = i + m![0].length;
            scalar(m![0], true);
            i = end;
            continue;
          }
          const lit = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : '';
          if (lit === '') fail(i, `unexpected character "${String.fromCharCode(c)}"`);
          if (n - i < lit.length && !final && lit.startsWith(buf.slice(i))) return carry(i, final, 'a literal');
          if (!buf.startsWith(lit, i)) fail(i, 'unexpected token');
          const top = stack[stack.length - 1];
          if (top?.recordList) beginRecord();
          else if (top === undefined && !recordOpen) beginRecord();
          afterValue();
          i += lit.length;
          continue;
        }
      }
    }
    return n;
  };

  /** Keep buf[from..] for the next chunk (a token cut by the chunk boundary). */
  const carry = (from: number, final: boolean, what: string, resumable = false): number => {
    if (final) fail(from, `unexpected end of the document inside ${what}`);
    if (buf.length - from > MAX_TOKEN) fail(from, `${what} longer than ${MAX_TOKEN} characters`);
    // resume the search for the token's end where it stopped (no quadratic rescans)
    if (resumable) searched = buf.length - from;
    return from;
  };

  const advance = (used: number) => {
    // line bookkeeping for the part of buf that is done
    for (let k = buf.indexOf('\n'); k >= 0 && k < used; k = buf.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    lineStart -= used;
    buf = used === buf.length ? '' : buf.slice(used);
  };

  for await (const chunk of input) {
    consumed += chunk.length;
    buf = buf.length === 0 ? chunk : buf + chunk;
    advance(process(false));
    opts.onProgress?.(consumed);
  }
  if (buf.length > 0) advance(process(true));
  const end = state as S; // (changed by the closures above; TypeScript cannot see it)
  if (end !== S.Done) {
    if (end === S.Value && stack.length === 0 && records === 0) return 0; // empty document
    fail(buf.length, topArray && stack.length > 0 ? 'unexpected end of the document (unclosed array)' : 'unexpected end of the document');
  }
  return records;
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/**
 * Index of the closing quote of the string starting at `start`, or -1 when not in buf.
 * `searched` units after `start` are known to hold no closing quote.
 */
function stringEnd(buf: string, start: number, searched: number): number {
  let k = start + Math.max(1, searched);
  for (;;) {
    const q = buf.indexOf('"', k);
    if (q < 0) return -1;
    // an escaped quote has an odd number of backslashes before it
    let b = q - 1;
    while (b > start && buf.charCodeAt(b) === 92) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    k = q + 1;
  }
}

function unescape(buf: string, start: number, end: number, fail: (at: number, message: string) => never): string {
  const raw = buf.slice(start + 1, end);
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(buf.slice(start, end + 1)) as string;
  } catch {
    return fail(start, 'malformed escape in a string');
  }
}

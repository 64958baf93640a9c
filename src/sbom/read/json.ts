/** JSON parsing that reports where a syntax error is (file:line:column). */
import { InputError } from '../../common/errors.js';
import { keysInText, keysInValue } from '../../common/json-keys.js';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** Control characters (C0, DEL, C1), line/paragraph separators and bidirectional controls. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function parseJson(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) throw new InputError({ file, message: `JSON nested too deeply (${msg})` });
    // A NUL is never valid JSON (not even inside a string): the file is not text.
    const nul = body.indexOf('\u0000');
    if (nul >= 0) throw new InputError({ file, ...lineColumn(body, nul), message: 'not valid JSON: the file is not text (it holds NUL bytes, U+0000)' });
    const pos = /at position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : syntaxErrorOffset(body);
    if (body[offset] === '\uFFFD') {
      throw new InputError({ file, ...lineColumn(body, offset), message: 'not valid JSON: the file is not UTF-8 text (U+FFFD stands for bytes that are not UTF-8)' });
    }
    // V8 quotes the offending character raw ("Unexpected token '\u001b'"): escape what a terminal would act on.
    const reason = msg
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, ".*is not valid JSON$/s, '')
      .replace(UNPRINTABLE, (ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    throw new InputError({ file, ...lineColumn(body, offset), message: `not valid JSON: ${reason}` });
  }
  // JSON.parse keeps the last of a repeated key and drops the rest silently (a second
  // "components" would hide every component of the first): a repeat is bad input, as in inventories.
  if (keysInText(body) !== keysInValue(value)) {
    const dup = repeatedKey(body);
    if (dup) throw new InputError({ file, ...lineColumn(body, dup.offset), message: `key ${JSON.stringify(dup.key)} is repeated in one object` });
  }
  return value;
}

/** Is the quote at `j` escaped (preceded by an odd run of backslashes)? */
function escapedAt(s: string, j: number): boolean {
  let n = 0;
  for (let k = j - 1; k >= 0 && s.charCodeAt(k) === 0x5c; k--) n++;
  return (n & 1) === 1;
}

/** End (index after the closing quote) of the JSON string opening at `i`. */
function stringEnd(s: string, i: number): number {
  let j = s.indexOf('"', i + 1);
  while (j > 0 && escapedAt(s, j)) j = s.indexOf('"', j + 1);
  return j < 0 ? s.length : j + 1;
}

/**
 * The first key repeated within one object of valid JSON text, with the offset of its second
 * occurrence. Runs only when the key counts disagree; linear, no recursion.
 */
export function repeatedKey(s: string): { key: string; offset: number } | undefined {
  const open: (Set<string> | undefined)[] = []; // one entry per open container: a key set for objects
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(s, i);
      let k = end;
      while (k < s.length && WS.has(s.charCodeAt(k))) k++;
      const keys = open[open.length - 1];
      if (s.charCodeAt(k) === 0x3a && keys !== undefined) {
        const key = JSON.parse(s.slice(i, end)) as string;
        if (keys.has(key)) return { key, offset: i };
        keys.add(key);
      }
      i = end - 1;
    } else if (c === 0x7b) open.push(new Set());
    else if (c === 0x5b) open.push(undefined);
    else if (c === 0x7d || c === 0x5d) open.pop();
  }
  return undefined;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Offset of the first JSON syntax error, for messages that do not carry one. Only runs after
 * JSON.parse has failed; an iterative scanner (no recursion), linear in the input.
 */
export function syntaxErrorOffset(s: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++;
  };
  const str = (): boolean => {
    i++; // opening quote
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const n = s[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
    if (!m || m[0].length === 0) return false;
    i += m[0].length;
    return true;
  };
  // stack of containers: '{' or '['; state after a value decides what may follow
  const stack: string[] = [];
  ws();
  for (;;) {
    // expect a value
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (c === '{') {
        if (s[i] === '}') {
          stack.pop();
          i++;
        } else {
          if (s[i] !== '"' || !str()) return i;
          ws();
          if (s[i] !== ':') return i;
          i++;
          continue;
        }
      } else if (s[i] === ']') {
        stack.pop();
        i++;
      } else continue;
    } else if (c === '"') {
      if (!str()) return i;
    } else if (!scalar()) return i;
    // after a value: close containers or take the next member/element
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < s.length ? i : s.length;
      if (s[i] === ',') {
        i++;
        ws();
        if (top === '{') {
          if (s[i] !== '"' || !str()) return i;
          ws();
          if (s[i] !== ':') return i;
          i++;
        }
        break;
      }
      if ((top === '{' && s[i] === '}') || (top === '[' && s[i] === ']')) {
        stack.pop();
        i++;
        continue;
      }
      return i;
    }
  }
}

/** `components[12].purl` → `['components', 12, 'purl']`; undefined for a path that is not in that shape. */
export function splitJsonPath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\./gy;
  let expectKey = true;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < path.length && (m = re.exec(path)) !== null) {
    at = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectKey) return undefined;
      out.push(m[1]);
      expectKey = false;
    } else if (m[2] !== undefined) {
      out.push(Number(m[2]));
      expectKey = false;
    } else {
      if (expectKey) return undefined;
      expectKey = true;
    }
  }
  return at === path.length && !expectKey ? out : undefined;
}

/**
 * Offset in valid JSON text of the value a field path names (`components[12].purl`), for error
 * messages: the deepest value of the path that exists (the object itself when its key is
 * missing). Only runs when there is an error to report; iterative, linear in the text.
 */
export function jsonPathOffset(s: string, path: readonly (string | number)[]): number {
  let i = 0;
  const ws = (): void => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++;
  };
  /** Skips one value starting at i (after blanks). */
  const skip = (): void => {
    let depth = 0;
    do {
      ws();
      const c = s.charCodeAt(i);
      if (c === 0x22) i = stringEnd(s, i);
      else if (c === 0x7b || c === 0x5b) {
        depth++;
        i++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        i++;
      } else if (c === 0x2c || c === 0x3a) i++;
      else {
        while (i < s.length && !/[\s,:\]}[{"]/.test(s[i]!)) i++;
      }
    } while (depth > 0 && i < s.length);
  };
  ws();
  if (s.charCodeAt(0) === 0xfeff) i = 1;
  for (const seg of path) {
    ws();
    const start = i;
    const c = s.charCodeAt(i);
    if (typeof seg === 'number' && c === 0x5b) {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (s.charCodeAt(i) === 0x5d || i >= s.length) return start;
        if (n === seg) break;
        skip();
        ws();
        if (s.charCodeAt(i) === 0x2c) i++;
      }
    } else if (typeof seg === 'string' && c === 0x7b) {
      i++;
      for (;;) {
        ws();
        if (s.charCodeAt(i) !== 0x22) return start;
        const end = stringEnd(s, i);
        const key = JSON.parse(s.slice(i, end)) as string;
        i = end;
        ws();
        i++; // the colon
        ws();
        if (key === seg) break;
        skip();
        ws();
        if (s.charCodeAt(i) === 0x2c) i++;
      }
    } else return start;
  }
  ws();
  return i;
}

/**
 * The error with a line and column added to each problem of this file that names a field but no
 * line: where that field's value is in the JSON text.
 */
export function locateInJson(e: InputError, text: string, file: string): InputError {
  let changed = false;
  const problems = e.problems.map((p) => {
    if (p.file !== file || p.line !== undefined || p.path === undefined) return p;
    const path = splitJsonPath(p.path);
    if (path === undefined) return p;
    changed = true;
    return { ...p, ...lineColumn(text, jsonPathOffset(text, path)) };
  });
  return changed ? new InputError(problems) : e;
}

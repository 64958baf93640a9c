/** JSON parsing that reports where a syntax error is (file:line:column). */
import { InputError } from '../../common/errors.js';

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

export function parseJson(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) throw new InputError({ file, message: `JSON nested too deeply (${msg})` });
    const pos = /at position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : syntaxErrorOffset(body);
    const reason = msg.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*is not valid JSON$/s, '');
    throw new InputError({ file, ...lineColumn(body, offset), message: `not valid JSON: ${reason}` });
  }
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

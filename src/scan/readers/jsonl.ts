/**
 * JSON lines: one JSON value per line. Each line's top-level string fields (and numbers, as
 * written) are scanned under their key; `record` is the line's `idKey` field (default `id`)
 * when it is a string or number, else the line number. Blank lines are skipped; a line that
 * is not JSON is an InputError naming file, line and column; a line that is JSON but not an
 * object (an array, a string) is scanned as field `value` when it is a string, else ignored.
 */
import { InputError } from '../../common/errors.js';
import { fastPath } from '../core/scanner.js';
import type { JsonLinesOptions, ReadStats, SourceScanner, TextInput } from '../core/types.js';
import { eachLine } from './lines.js';

/** Longest JSON line accepted (UTF-16 units); a longer one cannot be parsed in flat memory. */
export const MAX_JSON_LINE_UNITS = 64 << 20;

export async function readJsonLines(input: TextInput, opts: JsonLinesOptions, target: SourceScanner): Promise<ReadStats> {
  const scanner = fastPath(target);
  const idKey = opts.idKey ?? 'id';
  const source = opts.source ?? '<jsonl>';
  let records = 0;
  const slots = new Map<string, number>();
  const slotOf = (k: string): number => {
    let sl = slots.get(k);
    if (sl === undefined) {
      sl = scanner.slot(k);
      slots.set(k, sl);
    }
    return sl;
  };
  const r = await eachLine(input, MAX_JSON_LINE_UNITS, {
    line(s, a, b, lineNo) {
      let p = a;
      while (p < b && isWs(s.charCodeAt(p))) p++;
      if (p === b) return;
      const text = a === 0 && b === s.length ? s : s.slice(a, b);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        // V8's message quotes the input; it could hold a raw value, so only the place is kept
        throw new InputError({ file: source, line: lineNo, ...columnOf(err, text), message: 'not valid JSON' });
      }
      records++;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        scanner.beginRecord(lineNo);
        if (typeof value === 'string') scanner.scanSlot(slotOf('value'), value, 0, value.length, 0);
        scanner.endRecord();
        return;
      }
      const obj = value as Record<string, unknown>;
      const id = obj[idKey];
      scanner.beginRecord(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : lineNo);
      for (const key in obj) {
        const v = obj[key];
        if (typeof v === 'string') {
          if (v.length) scanner.scanSlot(slotOf(key), v, 0, v.length, 0);
        } else if (typeof v === 'number' && Number.isFinite(v) && key !== idKey) {
          const t = String(v);
          scanner.scanSlot(slotOf(key), t, 0, t.length, 0);
        }
      }
      scanner.endRecord();
    },
    long(_piece, lineNo) {
      throw new InputError({ file: source, line: lineNo, message: `line longer than ${MAX_JSON_LINE_UNITS} characters; JSON lines this long cannot be scanned in flat memory` });
    },
    ...(opts.onProgress ? { progress: opts.onProgress } : {}),
  });
  return { records, units: r.units };
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xfeff;
}

/** V8 says "... at position N" (or "line L column C"); turn it into a 1-based column. */
function columnOf(err: unknown, text: string): { column?: number } {
  const m = /position (\d+)/.exec((err as Error).message ?? '');
  if (m) return { column: Math.min(Number(m[1]), text.length) + 1 };
  const lc = /column (\d+)/.exec((err as Error).message ?? '');
  return lc ? { column: Number(lc[1]) } : {};
}

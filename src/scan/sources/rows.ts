/**
 * Shared by the database sources: turning a row of column values into scanner input, the
 * sampling plan, and quoting of identifiers.
 */
import type { SourceScanner } from '../core/types.js';
import { bytesText, dateText, flatten } from './flatten.js';
import type { KeyFolder } from '../core/field-paths.js';
import { quoteLongIntegers } from '../readers/jsonl.js';
import { maskedIn, safeRecordId } from './record-id.js';
import type { SourceContext } from './types.js';

/** Tables up to this many rows (or up to 10× the sample) are sampled by sorting at random. */
export const SMALL_TABLE_ROWS = 100_000;
/** Above this row count the database's own row estimate is used instead of COUNT(*). */
export const ESTIMATE_ROWS_ABOVE = 1_000_000;

/** Text of one column value (undefined = nothing to scan). */
export function cellText(v: unknown): string | undefined {
  const t = cellRaw(v);
  return t === undefined || typeof v === 'number' || typeof v === 'bigint' ? t : jsonUnescaped(t);
}

/** The column value as text, as the database gave it (undefined = nothing to scan). */
function cellRaw(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dateText(v);
  if (v instanceof Uint8Array) return bytesText(v);
  return JSON.stringify(v);
}

/**
 * A JSON object or array written with `\uXXXX` escapes (Python's json.dumps writes every
 * non-ASCII character so; PostgreSQL `json`, MariaDB `JSON` and text columns keep them as
 * written) as the text it stands for: `"\u5f20\u4f1f"` is the name 张伟, which the detectors
 * do not see in the escapes. Re-written compactly by JSON.stringify, which escapes only quotes,
 * backslashes and control characters; anything that does not parse is left as it is.
 */
function jsonUnescaped(s: string): string {
  const c = s.charCodeAt(0);
  if ((c !== 0x7b && c !== 0x5b) || !s.includes('\\u')) return s; // { [
  try {
    return JSON.stringify(JSON.parse(s));
  } catch {
    return s;
  }
}

/**
 * Scans one row given as an array of values in `columns` order. A value holding a JSON object
 * or array (a json/jsonb/JSON column, or text written as JSON) is scanned by its paths under
 * the column, as JSON documents are (`profile.name`, `profile.phones[]`): its keys give the
 * detectors their field context, which the JSON text as one field did not. `folder` (one per
 * table) reads the keys of maps keyed by ids as `*` past its bound.
 */
export function scanRow(
  scanner: SourceScanner,
  ctx: SourceContext,
  columns: readonly string[],
  pk: readonly number[],
  row: readonly unknown[],
  rowNo: number | string,
  pairs: [string, string][],
  folder?: KeyFolder,
): void {
  pairs.length = 0;
  for (let i = 0; i < columns.length; i++) {
    const v = row[i];
    const raw = cellRaw(v);
    if (raw === undefined) continue;
    if (folder !== undefined) {
      const json = jsonContainer(raw);
      if (json !== undefined) {
        flatten(json, columns[i]!, pairs, 0, folder);
        continue;
      }
    }
    pairs.push([columns[i]!, typeof v === 'number' || typeof v === 'bigint' ? raw : jsonUnescaped(raw)]);
  }
  scanner.scanRecord(recordIdOf(ctx, columns, pk, row, rowNo), pairs);
}

/** The object or array a value holds as JSON text (long integers kept as written), else undefined. */
function jsonContainer(t: string): object | undefined {
  const c = t.charCodeAt(0);
  if (c !== 0x7b && c !== 0x5b) return undefined; // { [
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0x7d && last !== 0x5d) return undefined; // } ]
  try {
    const v: unknown = JSON.parse(quoteLongIntegers(t));
    return v !== null && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The primary key's values (joined with `,`), each masked where it holds a value detected as
 * a value of its own column, then as an id; no key, or a NULL one: the row number.
 */
function recordIdOf(ctx: SourceContext, columns: readonly string[], pk: readonly number[], row: readonly unknown[], rowNo: number | string): string | number {
  if (pk.length === 0) return rowNo;
  const part = (i: number) => {
    const t = cellText(row[i]);
    return t === undefined ? undefined : maskedIn(t, columns[i]!, ctx.detect, ctx.mask);
  };
  if (pk.length === 1) {
    const v = row[pk[0]!];
    const t = part(pk[0]!);
    if (t === undefined) return rowNo;
    if (typeof v === 'number' && Number.isSafeInteger(v) && t === String(v)) return safeRecordId(v, ctx.detect, ctx.mask);
    return safeRecordId(t, ctx.detect, ctx.mask);
  }
  return safeRecordId(pk.map((i) => part(i) ?? '').join(','), ctx.detect, ctx.mask);
}

/** How to read a table: everything, or n random rows of N. */
export type Plan = { readonly kind: 'full' } | { readonly kind: 'sample'; readonly rows: number; readonly method: 'sort' | 'bernoulli'; readonly percent: number };

export function plan(sample: number | undefined, tableRows: number): Plan {
  if (sample === undefined || sample >= tableRows) return { kind: 'full' };
  if (tableRows <= SMALL_TABLE_ROWS || tableRows <= 10 * sample) return { kind: 'sample', rows: sample, method: 'sort', percent: 100 };
  // Bernoulli pre-filter with headroom (2× plus 3 standard deviations), then a random sort
  const want = 2 * sample + 3 * Math.sqrt(sample);
  return { kind: 'sample', rows: sample, method: 'bernoulli', percent: Math.min(100, (100 * want) / tableRows) };
}

export function quotePg(id: string): string {
  return `"${id.replaceAll('"', '""')}"`;
}

/**
 * A PostgreSQL name as a label shows it: bare, or double-quoted like SQL when it holds what
 * would make `schema.table` ambiguous or cut a label or a `?table=` list: `.`, `"`, `#`, `,`,
 * white space (or is empty). `"a.x".t` and `a."x.t"` were both `a.x.t`, and the scan, which
 * reads a label once, dropped the second table unread.
 */
export function shownPg(id: string): string {
  return id.length > 0 && !/[."#,\s]/.test(id) ? id : quotePg(id);
}

export function quoteMy(id: string): string {
  return `\`${id.replaceAll('`', '``')}\``;
}

export function quoteSqlite(id: string): string {
  return `"${id.replaceAll('"', '""')}"`;
}

/** A small deterministic PRNG (mulberry32) for sampling where the database has no seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

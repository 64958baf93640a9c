/**
 * Nested values (JSON documents, Parquet nested columns) to (field path, text) pairs:
 * `address.city`, `phones[]` (array elements share one path so a field's counts add up).
 * Strings as they are; numbers as written by JavaScript; booleans and nulls carry nothing
 * worth scanning and are skipped.
 */

import type { KeyFolder } from '../core/field-paths.js';

/** Deeper nesting than this is cut off (it only happens in hostile or broken input). */
export const MAX_DEPTH = 64;

/**
 * `folder`, when given, reads the keys of objects used as maps (keyed by ids) as `*` past its
 * bounds (core/field-paths.ts); give one per source so a key keeps one name through it.
 */
export function flatten(value: unknown, path: string, out: [string, string][], depth = 0, folder?: KeyFolder): void {
  if (value === null || value === undefined) return;
  switch (typeof value) {
    case 'string':
      if (value.length > 0) out.push([path || 'value', value]);
      return;
    case 'number':
      if (Number.isFinite(value)) out.push([path || 'value', String(value)]);
      return;
    case 'bigint':
      out.push([path || 'value', value.toString()]);
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (depth >= MAX_DEPTH) return;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) out.push([path || 'value', dateText(value)]);
    return;
  }
  if (value instanceof Uint8Array) {
    const s = bytesText(value);
    if (s !== undefined && s.length > 0) out.push([path || 'value', s]);
    return;
  }
  if (Array.isArray(value)) {
    const p = `${path}[]`;
    for (const v of value) flatten(v, p, out, depth + 1, folder);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, folder ? (path ? folder.path(path, k) : folder.key(undefined, k)) : path ? `${path}.${k}` : k, out, depth + 1, folder);
}

/** A date as YYYY-MM-DD when it is a whole UTC day, else full ISO 8601. */
export function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes as text when they are valid UTF-8 without control characters, else undefined (also
 * when empty). NUL bytes at the end are not part of the text: a fixed-width BINARY(n) column
 * pads with them, and C strings end with one.
 */
export function bytesText(b: Uint8Array): string | undefined {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  if (end === 0) return undefined;
  let s: string;
  try {
    s = strictUtf8.decode(end === b.length ? b : b.subarray(0, end));
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f]/.test(s) ? undefined : s;
}

/** The record id a JSON object or row carries in its `id` field, when it is a scalar. */
export function idOf(value: unknown, key = 'id'): string | number | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>)[key];
  if (typeof id === 'string' && id.length > 0) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  if (typeof id === 'bigint') return id.toString();
  return undefined;
}

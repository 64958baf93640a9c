/**
 * The field names of CSV columns, shared by the two CSV readers (csv.ts, and csv-module.ts
 * which reads in the WebAssembly module).
 */
import * as errorsModule from '../../common/errors.js';
import type { CsvOptions } from '../core/types.js';

const { InputError } = errorsModule;

/**
 * The names of the header's cells: an empty name is the column number; a name met again (or
 * a column number that is also a name) gets its column, so two columns are never reported as
 * one field.
 */
export function headerNames(cells: readonly string[]): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  cells.forEach((h, k) => {
    let name = h.trim() || String(k + 1);
    if (used.has(name)) name = `${name} (column ${k + 1})`;
    for (let i = 2; used.has(name); i++) name = `${h.trim() || String(k + 1)} (column ${k + 1}, ${i})`;
    used.add(name);
    names.push(name);
  });
  return names;
}

/**
 * The field name of column k (0-based): its header name, or for a cell past the header's end
 * (or with no header) its column number, unless a header names a column so.
 */
export function columnName(names: readonly string[], k: number): string {
  return names[k] ?? (names.includes(String(k + 1)) ? `column ${k + 1}` : String(k + 1));
}

/** The column of `opts.recordKey` among `names` (-1 without one); an InputError when no column has its name. */
export function keyColumnOf(names: readonly string[], opts: CsvOptions, source: string): number {
  if (opts.recordKey === undefined) return -1;
  const k = names.indexOf(opts.recordKey);
  if (k < 0) throw new InputError({ file: source, line: 1, path: 'recordKey', message: `no column named ${JSON.stringify(opts.recordKey)} in the header` });
  return k;
}

/**
 * A CSV file with a header row, read by column name (case and surrounding blanks ignored),
 * every row checked to have as many fields as the header so a truncated file is caught.
 */
import { InputError } from '../../common/errors.js';
import { fieldStart, parseCsv } from './csv.js';

export interface TableRow {
  readonly line: number;
  /** The raw value of a column ('' when the column is absent from this file). */
  get(column: string): string;
  /** Where the column's field starts on this row (the row's start when the column is absent). */
  at(column: string): { line: number; column: number };
}

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
}

export const headerKey = (s: string): string => s.replace(/^\ufeff/, '').trim().toLowerCase();

export function readTable(text: string, file: string, delimiter = ','): Table {
  const records = parseCsv(text, { file, delimiter });
  const first = records[0];
  if (!first) throw new InputError({ file, line: 1, message: 'the file is empty' });
  const header = first.fields.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (!index.has(k)) index.set(k, i);
  });
  const rows: TableRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.fields.length !== header.length) {
      throw new InputError({
        file,
        line: rec.line,
        column: 1,
        message: `row has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'} where the header has ${header.length} (the file may be truncated or mis-quoted)`,
      });
    }
    const fields = rec.fields;
    rows.push({
      line: rec.line,
      get: (column) => {
        const i = index.get(headerKey(column));
        return i === undefined ? '' : (fields[i] ?? '');
      },
      at: (column) => {
        const i = index.get(headerKey(column));
        return i === undefined ? { line: rec.line, column: 1 } : fieldStart(rec, i);
      },
    });
  }
  return { header, rows };
}

/**
 * A listing that would end before it starts (dates swapped or mistyped): never in force, so the
 * party would silently never alert. `undefined` when the dates are in order or one is missing.
 */
export function endBeforeStart(file: string, where: TableRow | number | undefined, field: string, from: string | undefined, until: string | undefined, fromField: string): InputError | undefined {
  if (from === undefined || until === undefined || until >= from) return undefined;
  return new InputError({ file, ...position(where, field), path: field, message: `${until} is before the listing starts (${fromField} ${from})` });
}

/** Line and column of a field: from the row when it is a table row, else the line alone. */
function position(where: TableRow | number | undefined, field: string): { line?: number; column?: number } {
  if (where === undefined) return {};
  return typeof where === 'number' ? { line: where } : where.at(field);
}

/** An error about one field of one row, at the line and column where the field starts. */
export function fieldError(file: string, where: TableRow | number, field: string, message: string): InputError {
  return new InputError({ file, ...position(where, field), path: field, message });
}

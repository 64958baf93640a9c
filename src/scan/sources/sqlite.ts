/**
 * SQLite files (better-sqlite3, read-only): every table and column; views and virtual tables
 * are listed as skipped (shadow tables, which hold a virtual table's rows, are read). Integers come back as
 * BigInt when they exceed 2^53 so an 18-digit ID stored as INTEGER keeps its digits. Record
 * id: the primary key, else the rowid. `--sample N` sorts by a
 * seeded random function, so the same seed reads the same rows.
 */
import Database from 'better-sqlite3';
import { InputError } from '../../common/errors.js';
import type { Sample } from '../subjects/extrapolate.js';
import { plan, quoteSqlite, scanRow, seededRandom } from './rows.js';
import type { Skipped, SourceContext, SourceGroup, SourceUnit } from './types.js';
import { KeyFolder } from '../core/field-paths.js';

interface ColumnInfo {
  name: string;
  pk: number;
}

export function openSqlite(file: string, ctx: SourceContext, only?: readonly string[]): SourceGroup {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
  } catch (e) {
    throw new InputError({ file, message: `cannot open as SQLite: ${(e as Error).message}` });
  }
  let listed: { name: string; type: string; virtual: number }[];
  try {
    listed = db
      .prepare(
        `SELECT name, type, sql LIKE 'CREATE VIRTUAL TABLE%' AS virtual FROM sqlite_master
          WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
      )
      .all() as { name: string; type: string; virtual: number }[];
  } catch (e) {
    db.close();
    throw new InputError({ file, message: `cannot read the schema: ${(e as Error).message}` });
  }
  if (only !== undefined) {
    const missing = only.filter((t) => !listed.some((l) => l.name === t));
    if (missing.length > 0) {
      db.close();
      throw new InputError({ file, path: 'table', message: `no table named ${missing.map((m) => `"${m}"`).join(', ')}` });
    }
    listed = listed.filter((l) => only.includes(l.name));
  }
  // Views show rows of tables that are read; a virtual table's rows are either in ordinary
  // (shadow) tables read on their own — FTS text was read twice — or outside the file, and
  // one whose module this build lacks could not even be counted: the scan stopped there.
  const tables = listed.filter((l) => l.type === 'table' && !l.virtual).map((l) => l.name);
  const skipped: Skipped[] = listed
    .filter((l) => l.type !== 'table' || l.virtual)
    .map((l) => ({
      source: `${file}#${l.name}`,
      reason: l.type === 'view' ? 'view: not read (the tables it selects from are)' : 'virtual table: not read (its rows are kept in ordinary tables, read on their own, or outside the file)',
    }));
  let rand = seededRandom(ctx.seed);
  db.function('dc_random', { deterministic: false }, () => rand());
  const units: SourceUnit[] = tables.map((table) => {
    const q = quoteSqlite(table);
    let count: number;
    try {
      count = Number((db.prepare(`SELECT count(*) AS n FROM ${q}`).get() as { n: number }).n);
    } catch (e) {
      db.close();
      throw readError(`${file}#${table}`, e);
    }
    const p = plan(ctx.sample, count);
    return {
      name: `${file}#${table}`,
      size: p.kind === 'full' ? count : p.rows,
      unit: 'rows' as const,
      async run(scanner, progress) {
        const cols = (db.prepare(`PRAGMA table_info(${q})`).all() as ColumnInfo[]);
        const columns = cols.map((c) => c.name);
        const pk = cols
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => columns.indexOf(c.name));
        rand = seededRandom(ctx.seed);
        // without a primary key the record is the rowid (it names the row, in a sample too,
        // where a row number would be the place in the sample), under a name no column has
        const rowid = pk.length === 0 ? ['rowid', '_rowid_', 'oid'].find((r) => !columns.some((c) => c.toLowerCase() === r)) : undefined;
        const what = rowid === undefined ? '*' : `${rowid}, *`;
        const sql = p.kind === 'full' ? `SELECT ${what} FROM ${q}` : `SELECT ${what} FROM ${q} ORDER BY dc_random() LIMIT ${p.rows}`;
        const stmt = db.prepare(sql).raw(true).safeIntegers(true);
        const pairs: [string, string][] = [];
        const folder = new KeyFolder();
        let n = 0;
        try {
          for (const raw of stmt.iterate() as IterableIterator<unknown[]>) {
            n++;
            const row = raw.map(unbig);
            if (rowid === undefined) scanRow(scanner, ctx, columns, pk, row, n, pairs, folder);
            else {
              const id = row.shift();
              scanRow(scanner, ctx, columns, pk, row, typeof id === 'number' ? id : String(id), pairs, folder);
            }
            if ((n & 1023) === 0) {
              progress(n);
              await new Promise((r) => setImmediate(r));
            }
          }
        } catch (e) {
          throw readError(`${file}#${table}`, e);
        }
        progress(n);
        const sample: Sample | undefined = p.kind === 'sample' ? { rows: n, of: count } : undefined;
        return sample ? { sample, format: 'sqlite' } : { format: 'sqlite' };
      },
    };
  });
  return { units, skipped, close: async () => void db.close() };
}

/** SQLite's own errors (a corrupt page, a locked file) are bad input; anything else is rethrown. */
function readError(name: string, e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new InputError({ file: name, message: `cannot read: ${(e as Error).message}` });
  return e;
}

/** BigInts that fit a double exactly become numbers again (record ids stay plain). */
function unbig(v: unknown): unknown {
  if (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
  return v;
}

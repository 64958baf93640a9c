/**
 * The embedded store: a SQLite file (better-sqlite3) behind Kysely, under `.datacustoms/` in
 * the working folder unless `--store` or `DATACUSTOMS_STORE` names another path. All access
 * goes through Kysely so a PostgreSQL dialect can serve the same queries later.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { InputError } from '../common/errors.js';
import type { Database } from './database.js';
import { migrateStore } from './migrations.js';
import { makeDirs } from '../common/make-dirs.js';

export const STORE_DIR = '.datacustoms';
export const STORE_FILE = 'datacustoms.sqlite';
export const STORE_ENV = 'DATACUSTOMS_STORE';

export interface Store {
  readonly db: Kysely<Database>;
  /** The file path (or `:memory:`). */
  readonly path: string;
  close(): Promise<void>;
}

export interface StoreLocation {
  /** `--store` flag value. */
  readonly store?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/** `--store`, else `$DATACUSTOMS_STORE`, else `.datacustoms/datacustoms.sqlite` in the working folder. */
export function resolveStorePath(loc: StoreLocation = {}): string {
  const cwd = loc.cwd ?? process.cwd();
  const given = loc.store ?? (loc.env ?? process.env)[STORE_ENV];
  if (given === ':memory:') return given;
  if (given !== undefined && given !== '') return resolve(cwd, given);
  return join(cwd, STORE_DIR, STORE_FILE);
}

export function storeExists(path: string): boolean {
  return path === ':memory:' || existsSync(path);
}

/**
 * Opens (creating when asked) the store and brings its schema up to date.
 * A path that cannot be opened as a database is an {@link InputError}.
 */
export async function openStore(path: string, options: { create?: boolean } = {}): Promise<Store> {
  if (path !== ':memory:') {
    if (!existsSync(path)) {
      if (!options.create) throw new InputError({ file: path, path: '--store', message: 'no store here yet (run `datacustoms lists import` first)' });
      makeDirs(dirname(path));
    }
  }
  let sqlite: BetterSqlite3.Database;
  let tables: string[];
  try {
    sqlite = new BetterSqlite3(path);
    tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a database|file is encrypted/i.test(msg)) throw new InputError({ file: path, path: '--store', message: 'not a datacustoms store (not a SQLite database)' });
    throw new InputError({ file: path, path: '--store', message: `cannot open the store: ${msg}` });
  }
  // Checked before anything is written: another program's database is not turned into a store,
  // and a command that only reads does not make an empty file into one.
  if (path !== ':memory:' && !tables.includes('store_migration') && (tables.length > 0 || !options.create)) {
    sqlite.close();
    const message = tables.length > 0 ? `not a datacustoms store: a SQLite database of another program (tables ${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}); name another file` : 'no store here yet, the file is empty (run `datacustoms lists import` first)';
    throw new InputError({ file: path, path: '--store', message });
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    throw new InputError({ file: path, path: '--store', message: `cannot open the store: ${e instanceof Error ? e.message : String(e)}` });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateStore(db as unknown as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a database|file is (encrypted|not a database)/i.test(msg)) throw new InputError({ file: path, path: '--store', message: 'not a datacustoms store (not a SQLite database)' });
    throw e;
  }
  return { db, path, close: () => db.destroy() };
}

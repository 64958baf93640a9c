/**
 * The store, behind Kysely: by default an embedded SQLite file (better-sqlite3) under
 * `.datacustoms/` in the working folder; `--store` or `DATACUSTOMS_STORE` names another file,
 * or a PostgreSQL database for a team (`postgres://user@host:5432/db`, postgres.ts). Both run
 * the same migrations and the same queries; what differs (the write lock, error meanings) is
 * behind {@link Store}.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Driver } from 'kysely';
import { InputError } from '../common/errors.js';
import type { Database } from './database.js';
import { MIGRATIONS, migrateStore, type StoreDialect } from './migrations.js';
import { makeDirs } from '../common/make-dirs.js';
import { asStoreError, storeProblem } from './store-errors.js';
import { isServerStore, openPostgresStore, parseStoreUrl } from './postgres.js';
import { redactUrl } from '../scan/sources/url.js';
import { mapDriverErrors } from './driver-errors.js';
import { storeBusy, WRITE_BUSY_TIMEOUT_MS, type Store, type WriteOptions } from './handle.js';

export { isServerStore } from './postgres.js';
export { redactUrl };
export type { StoreDialect };
export { storeBusy, WRITE_BUSY_TIMEOUT_MS, type Store, type WriteOptions };

export const STORE_DIR = '.datacustoms';
export const STORE_FILE = 'datacustoms.sqlite';
export const STORE_ENV = 'DATACUSTOMS_STORE';

export interface StoreLocation {
  /** `--store` flag value. */
  readonly store?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/**
 * Where the store is: `--store`, else `$DATACUSTOMS_STORE`, else
 * `.datacustoms/datacustoms.sqlite` in the working folder. A file path comes back absolute; a
 * `postgres://` or `postgresql://` URL comes back as given (it holds the password to connect
 * with: print {@link storeLabel} of it, never the location itself). Another URL is refused.
 */
export function resolveStorePath(loc: StoreLocation = {}): string {
  const cwd = loc.cwd ?? process.cwd();
  const given = loc.store ?? (loc.env ?? process.env)[STORE_ENV];
  if (given === ':memory:') return given;
  const where = loc.store !== undefined ? '--store' : STORE_ENV;
  // A URL is not a file name: read as one, postgres://u:pw@host/db made a folder "postgres:" in
  // the working folder and printed the password as part of the store's path.
  const scheme = given === undefined ? null : /^([a-z][a-z0-9+.-]*):\/\//i.exec(given);
  if (given !== undefined && scheme) {
    if (isServerStore(given)) {
      parseStoreUrl(given, where);
      return given;
    }
    throw new InputError({
      file: redactUrl(given),
      path: where,
      message: `a ${scheme[1]!.toLowerCase()} URL: the store is a SQLite file or a PostgreSQL database (postgres://user@host:5432/database); name one of those`,
    });
  }
  if (given !== undefined && given !== '') return resolve(cwd, given);
  return join(cwd, STORE_DIR, STORE_FILE);
}

/** A store location as it may be printed: a server URL with its password shown as ***. */
export function storeLabel(location: string): string {
  return isServerStore(location) ? redactUrl(location) : location;
}

/** Whether a SQLite store file is there; a server store is taken to be there until it is opened. */
export function storeExists(path: string): boolean {
  return path === ':memory:' || isServerStore(path) || existsSync(path);
}

/**
 * The store at `location` when there is one, else undefined (no file; on a server, no store
 * in the database or schema), for commands that only read. Other problems are InputErrors.
 */
export async function openExistingStore(location: string): Promise<Store | undefined> {
  if (isServerStore(location)) return openPostgresStore(location, { create: false, missing: 'undefined' });
  return storeExists(location) ? openStore(location) : undefined;
}

/**
 * Opens (creating when asked) the store at a location from {@link resolveStorePath} and brings
 * its schema up to date. A location that cannot be opened as a store is an {@link InputError}.
 */
export async function openStore(path: string, options: { create?: boolean } = {}): Promise<Store> {
  if (isServerStore(path)) return (await openPostgresStore(path, { create: options.create ?? false, missing: 'error' }))!;
  if (path !== ':memory:') {
    const problem = (message: string) => new InputError({ file: path, path: '--store', message });
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // missing, or not reachable: told below
    }
    if (isDir) throw problem(`a folder, not a store file: name a file, e.g. ${join(path, STORE_FILE)}`);
    if (!existsSync(path)) {
      if (!options.create) throw problem('no store here yet (run `datacustoms lists import` first)');
      try {
        makeDirs(dirname(path));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        const why = code === 'ENOTDIR' ? 'a file is in the way' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'not allowed there' : (e as Error).message;
        throw problem(`cannot make the store's folder ${dirname(path)} (${why}); name another path with --store or $${STORE_ENV}`);
      }
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
    if (path !== ':memory:' && !writable(dirname(path))) {
      throw new InputError({
        file: path,
        path: '--store',
        message: `cannot open the store: its folder ${dirname(path)} is not writable (SQLite keeps ${basename(path)}-wal and ${basename(path)}-shm beside the store); make it writable, or copy the store to a folder that is`,
      });
    }
    throw storeProblem(path, e) ?? new InputError({ file: path, path: '--store', message: `cannot open the store: ${msg}` });
  }
  // Checked before anything is written: another program's database is not turned into a store,
  // and a command that only reads does not make an empty file into one.
  if (path !== ':memory:' && !tables.includes('store_migration') && (tables.length > 0 || !options.create)) {
    sqlite.close();
    const message = tables.length > 0 ? `not a datacustoms store: a SQLite database of another program (tables ${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}); name another file` : 'no store here yet, the file is empty (run `datacustoms lists import` first)';
    throw new InputError({ file: path, path: '--store', message });
  }
  const db = new Kysely<Database>({ dialect: new SqliteStoreDialect(path, sqlite) });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    await migrate(sqlite, db, tables.includes('store_migration'));
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    await db.destroy();
    throw storeProblem(path, e) ?? new InputError({ file: path, path: '--store', message: `cannot open the store: ${e instanceof Error ? e.message : String(e)}` });
  }
  return { db, path, dialect: 'sqlite', writeTransaction: (work, o) => sqliteWrite(db, path, work, o), close: () => db.destroy() };
}

/**
 * `begin immediate`: the write lock is taken before anything is read, so a second writer waits
 * for the first (busy timeout) instead of reading a snapshot that the first then changes:
 * SQLite refuses such a transaction's first write at once with "database is locked", whatever
 * the busy timeout (Kysely's own transactions begin deferred).
 */
function sqliteWrite<T>(store: Kysely<Database>, path: string, work: (db: Kysely<Database>) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const timeout = options.busyTimeoutMs ?? WRITE_BUSY_TIMEOUT_MS;
  return store.connection().execute(async (db) => {
    await sql`pragma busy_timeout = ${sql.raw(String(Math.max(0, Math.floor(timeout))))}`.execute(db);
    try {
      await sql`begin immediate`.execute(db);
    } catch (e) {
      if (!/^SQLITE_BUSY/.test(String((e as { code?: unknown }).code ?? ''))) throw e;
      throw storeBusy(path, timeout, options.busyNote);
    }
    try {
      const result = await work(db);
      await sql`commit`.execute(db);
      return result;
    } catch (e) {
      await sql`rollback`.execute(db);
      throw e;
    }
  });
}

/** How long opening a store waits for another process writing to it, when its schema needs a migration. */
export const MIGRATION_BUSY_TIMEOUT_MS = 120_000;

/**
 * Runs the pending migrations, all in one write transaction (`begin immediate`): on SQLite,
 * Kysely's migrator runs them without one, so a migration that failed midway left half a schema
 * that the next run could not migrate, and two processes creating a store at once both ran the
 * first migration. A store whose schema is up to date is only read; one that holds migrations
 * this version does not know was written by a newer version, and is refused before anything.
 */
async function migrate(sqlite: BetterSqlite3.Database, db: Kysely<Database>, hasMigrations: boolean): Promise<void> {
  const known = new Set(MIGRATIONS.map((m) => m.id));
  const applied = hasMigrations ? (sqlite.prepare('select name from store_migration').pluck().all() as string[]) : [];
  const unknown = applied.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`written by a newer version of datacustoms (its schema has migration ${unknown.sort().join(', ')}, unknown to this version); upgrade datacustoms, or name another store`);
  }
  if (applied.length === known.size) return;
  // Waits by polling, not in SQLite's busy handler, which would block this process's event loop
  // (and with it another connection of the same process that holds the lock).
  const deadline = Date.now() + MIGRATION_BUSY_TIMEOUT_MS;
  sqlite.pragma('busy_timeout = 0');
  for (;;) {
    try {
      sqlite.exec('begin immediate');
      break;
    } catch (e) {
      if (!/^SQLITE_BUSY/.test(String((e as { code?: unknown }).code ?? ''))) throw e;
      if (Date.now() >= deadline) {
        throw new Error(`the store is busy: another process has been writing to it for more than ${Math.round(MIGRATION_BUSY_TIMEOUT_MS / 1000)} s (try again)`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  try {
    await migrateStore(db as unknown as Kysely<unknown>);
    sqlite.exec('commit');
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    const p = storeProblem('', e);
    if (p) throw e;
    throw new Error(`${e instanceof Error ? e.message : String(e)}; the store is left as it was`);
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Kysely's SQLite dialect whose query errors about the store file are {@link InputError}s naming it. */
class SqliteStoreDialect extends SqliteDialect {
  readonly #path: string;
  constructor(path: string, database: BetterSqlite3.Database) {
    super({ database });
    this.#path = path;
  }

  override createDriver(): Driver {
    const path = this.#path;
    return mapDriverErrors(super.createDriver(), (e) => asStoreError(path, e));
  }
}

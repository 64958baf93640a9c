/**
 * The store on a PostgreSQL server, for a team: `--store postgres://user@host:5432/db` (or
 * `postgresql://`, or `$DATACUSTOMS_STORE`), through Kysely's PostgresDialect over `pg`. The
 * tables, migrations and queries are the SQLite store's (store.ts). `?schema=NAME` keeps the
 * store in a schema of its own (made by `lists import` when missing); without it the store is
 * in the connection's current schema (`public`, unless the server's search_path says otherwise).
 *
 * Errors are the SQLite store's in kind: one line naming the store by its URL with the password
 * shown as ***, exit 2 (store-errors.ts). Writers take a transaction-scoped advisory lock of the
 * store's schema ({@link Store.writeTransaction}); migrations run in one transaction under
 * Kysely's migration lock.
 */
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, sql, type Driver } from 'kysely';
import { InputError } from '../common/errors.js';
import { redactUrl } from '../scan/sources/url.js';
import type { Database } from './database.js';
import { mapDriverErrors } from './driver-errors.js';
import { MIGRATIONS, migrateStore } from './migrations.js';
import { pgStoreProblem } from './store-errors.js';
import { storeBusy, WRITE_BUSY_TIMEOUT_MS, type Store, type WriteOptions } from './handle.js';

/** Whether a store location is a PostgreSQL URL. */
export function isServerStore(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface StoreUrl {
  /** What to connect with (password kept; never printed). */
  readonly connect: string;
  /** The URL as it may be printed. */
  readonly label: string;
  /** `?schema=`: the schema that holds the store. */
  readonly schema?: string;
}

/**
 * Reads a store URL; a malformed one is an InputError naming `where` (`--store`,
 * `DATACUSTOMS_STORE`), the password masked. What is connected with is the URL as given less
 * `?schema=` (pg reads it; `postgres://user@/db?host=/var/run/postgresql`, a socket without a
 * host name, is pg's and valid too).
 */
export function parseStoreUrl(location: string, where = '--store'): StoreUrl {
  const label = redactUrl(location);
  try {
    // a socket URL has no host name: checked as if it had one
    new URL(location.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[/?#]|$)/i, '$1localhost'));
  } catch {
    throw new InputError({
      file: label,
      path: where,
      message: 'malformed PostgreSQL URL (percent-encode "@", "/", "?", "#", ":" and "%" in a user name or password: %40, %2F, %3F, %23, %3A, %25)',
    });
  }
  const q = location.indexOf('?');
  const params = q < 0 ? [] : location.slice(q + 1).split('&');
  const isSchema = (p: string) => p === 'schema' || p.startsWith('schema=');
  const schemas = params.filter(isSchema).map((p) => new URLSearchParams(p).get('schema') ?? '');
  if (schemas.length > 1 || (schemas.length === 1 && schemas[0]!.trim() === '')) {
    throw new InputError({ file: label, path: where, message: '?schema= names one schema to hold the store (or leave it out for the current schema)' });
  }
  const kept = params.filter((p) => !isSchema(p));
  const connect = (q < 0 ? location : location.slice(0, q)) + (kept.length > 0 ? `?${kept.join('&')}` : '');
  const schema = schemas[0]?.trim();
  return { connect, label, ...(schema !== undefined ? { schema } : {}) };
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The first key of the writers' advisory lock (the second is the store's schema). */
const WRITE_LOCK_CLASS = 0x64637374; // "dcst"

/**
 * Opens the store in the database (and schema) the URL names, making its tables when
 * `create`. `missing: 'undefined'`: a database or schema without a store gives undefined
 * instead of an error (commands that only read).
 */
export async function openPostgresStore(location: string, options: { create: boolean; missing: 'error' | 'undefined' }): Promise<Store | undefined> {
  const { connect, label, schema } = parseStoreUrl(location);
  const problem = (message: string) => new InputError({ file: label, path: '--store', message });
  const pool = new pg.Pool({ connectionString: connect, max: 4, connectionTimeoutMillis: 10_000, application_name: 'datacustoms' });
  pool.on('error', () => {
    // an idle connection that the server closed: the next query says so
  });
  const db = new Kysely<Database>({ dialect: new PgStoreDialect(label, pool, schema) });
  /** No store in the database or schema: undefined, or the error saying how to make one. */
  const missing = async () => {
    if (options.missing === 'error') throw problem('no store here yet (run `datacustoms lists import` first)');
    await db.destroy();
    return undefined;
  };
  try {
    const raw = db as unknown as Kysely<unknown>;
    if (schema !== undefined) {
      const there = await sql<{ n: number }>`select 1 as n from pg_namespace where nspname = ${schema}`.execute(raw);
      if (there.rows.length === 0) {
        if (!options.create) return await missing();
        try {
          await sql`create schema if not exists ${sql.id(schema)}`.execute(raw);
        } catch (e) {
          // another process made it at the same moment ("if not exists" does not cover that race)
          if ((await sql`select 1 as n from pg_namespace where nspname = ${schema}`.execute(raw)).rows.length === 0) throw e;
        }
      }
    }
    const current = (await sql<{ s: string | null }>`select current_schema() as s`.execute(raw)).rows[0]?.s ?? null;
    if (current === null) throw problem('no schema to hold the store (the search_path names none that exists): name one with ?schema=NAME');
    const tables = (
      await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = ${current} order by table_name`.execute(raw)
    ).rows.map((r) => r.t);
    if (!tables.includes('store_migration')) {
      if (tables.length > 0) {
        throw problem(
          `not a datacustoms store: schema ${current} holds tables of another program (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}); name an empty database, or a schema of the store's own with ?schema=NAME`,
        );
      }
      if (!options.create) return await missing();
    } else {
      const applied = (await sql<{ name: string }>`select name from ${sql.id(current, 'store_migration')}`.execute(raw)).rows.map((r) => r.name);
      const known = new Set(MIGRATIONS.map((m) => m.id));
      const unknown = applied.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw problem(
          `cannot open the store: written by a newer version of datacustoms (its schema has migration ${unknown.sort().join(', ')}, unknown to this version); upgrade datacustoms, or name another store`,
        );
      }
      if (applied.length === known.size) return pgStore(db, label);
    }
    try {
      await migrateStore(raw, MIGRATIONS, { dialect: 'postgres', schema: current });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw problem(`cannot open the store: ${e instanceof Error ? e.message : String(e)}; the store is left as it was`);
    }
    return pgStore(db, label);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw pgStoreProblem(label, e) ?? problem(`cannot open the store: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function pgStore(db: Kysely<Database>, label: string): Store {
  return { db, path: label, dialect: 'postgres', writeTransaction: (work, o) => pgWrite(db, label, work, o), close: () => db.destroy() };
}

/**
 * One transaction that first takes the store's write lock: a transaction-scoped advisory lock
 * keyed by the store's schema, waited for up to the busy timeout (`lock_timeout`, which then
 * goes back to the session's value for the work itself). Read committed: every statement after
 * the lock sees what the writer before committed, so two imports never allocate the same ids.
 */
async function pgWrite<T>(store: Kysely<Database>, label: string, work: (db: Kysely<Database>) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const timeout = Math.max(1, Math.floor(options.busyTimeoutMs ?? WRITE_BUSY_TIMEOUT_MS));
  return store.transaction().execute(async (trx) => {
    const before = await sql<{ old: string }>`select current_setting('lock_timeout') as old, set_config('lock_timeout', ${`${timeout}ms`}, true)`.execute(trx);
    try {
      await sql`select pg_advisory_xact_lock(${sql.lit(WRITE_LOCK_CLASS)}, hashtext(current_schema()))`.execute(trx);
    } catch (e) {
      if ((e as { code?: unknown }).code === '55P03') throw storeBusy(label, timeout, options.busyNote);
      throw e;
    }
    await sql`select set_config('lock_timeout', ${before.rows[0]?.old ?? '0'}, true)`.execute(trx);
    return work(trx);
  });
}

/** Kysely's PostgreSQL dialect: on the given schema, with errors about the server or the connection as {@link InputError}s naming the store. */
class PgStoreDialect extends PostgresDialect {
  readonly #label: string;
  constructor(label: string, pool: pg.Pool, schema: string | undefined) {
    super({
      pool,
      ...(schema !== undefined
        ? {
            onCreateConnection: async (c) => {
              await c.executeQuery(CompiledQuery.raw(`set search_path to ${quoteIdent(schema)}`));
            },
          }
        : {}),
    });
    this.#label = label;
  }

  override createDriver(): Driver {
    const label = this.#label;
    return mapDriverErrors(super.createDriver(), (e) => pgStoreProblem(label, e) ?? e);
  }
}

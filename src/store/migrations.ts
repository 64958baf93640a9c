/**
 * A small migration system over Kysely's Migrator. Each feature keeps its own migrations in
 * `migrations/<feature>.ts`, with ids `<feature>/<NNNN>-<what>`, and adds them to
 * {@link MIGRATIONS}. Features grow independently, so migrations may run out of name order
 * (`allowUnorderedMigrations`); within a feature the numbers keep them in order.
 */
import { Migrator, PostgresAdapter, type Kysely, type Migration } from 'kysely';
import { InputError } from '../common/errors.js';
import { listsMigrations } from './migrations/lists.js';

/** The database a store lives in. */
export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreMigration {
  /** `<feature>/<NNNN>-<what>`, never renamed once released. */
  readonly id: string;
  /**
   * Applies the migration. One id is one migration on every dialect: where the DDL must differ
   * (a collation, a type), `dialect` says which to write.
   */
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

export interface MigrateOptions {
  /** Default: PostgreSQL when `db` runs on Kysely's PostgreSQL adapter, else SQLite. */
  readonly dialect?: StoreDialect;
  /**
   * PostgreSQL: the schema that holds the store (its `current_schema()`), so that the migration
   * tables are looked for there and not in any schema of the database.
   */
  readonly schema?: string;
}

/** The dialect `db` runs on. */
export function dialectOf(db: Kysely<unknown>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Every migration of every feature. Add a feature's list here. */
export const MIGRATIONS: readonly StoreMigration[] = [...listsMigrations];

/**
 * Brings the store's schema up to date. Throws when a migration fails. On PostgreSQL, Kysely
 * runs the pending migrations in one transaction under an advisory lock (nothing half-applied
 * is left, and concurrent openings migrate once); on SQLite, openStore wraps the call in one
 * write transaction for the same reasons.
 */
export async function migrateStore(db: Kysely<unknown>, migrations: readonly StoreMigration[] = MIGRATIONS, options: MigrateOptions = {}): Promise<string[]> {
  const dialect = options.dialect ?? dialectOf(db);
  const ids = new Set<string>();
  for (const m of migrations) {
    if (!/^[a-z][a-z0-9-]*\/\d{4}-[a-z0-9-]+$/.test(m.id)) throw new Error(`bad migration id "${m.id}" (expected <feature>/<NNNN>-<what>)`);
    if (ids.has(m.id)) throw new Error(`duplicate migration id "${m.id}"`);
    ids.add(m.id);
  }
  const migrator = new Migrator({
    db,
    allowUnorderedMigrations: true,
    migrationTableName: 'store_migration',
    migrationLockTableName: 'store_migration_lock',
    ...(options.schema !== undefined ? { migrationTableSchema: options.schema } : {}),
    provider: {
      getMigrations: async () => {
        const out: Record<string, Migration> = {};
        for (const m of migrations) out[m.id] = { up: (d) => m.up(d, dialect) };
        return out;
      },
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // the store's own problems (an unreachable server, a read-only file) are told as they are
    if (error instanceof InputError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const msg = error instanceof Error ? error.message : String(error);
    throw new Error(`store migration ${failed ?? ''} failed: ${msg}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * A small migration system over Kysely's Migrator. Each feature keeps its own migrations in
 * `migrations/<feature>.ts`, with ids `<feature>/<NNNN>-<what>`, and adds them to
 * {@link MIGRATIONS}. Features grow independently, so migrations may run out of name order
 * (`allowUnorderedMigrations`); within a feature the numbers keep them in order.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';
import { listsMigrations } from './migrations/lists.js';

export interface StoreMigration {
  /** `<feature>/<NNNN>-<what>`, never renamed once released. */
  readonly id: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Every migration of every feature. Add a feature's list here. */
export const MIGRATIONS: readonly StoreMigration[] = [...listsMigrations];

/** Brings the store's schema up to date. Throws when a migration fails (nothing half-applied is left on PostgreSQL). */
export async function migrateStore(db: Kysely<unknown>, migrations: readonly StoreMigration[] = MIGRATIONS): Promise<string[]> {
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
    provider: {
      getMigrations: async () => {
        const out: Record<string, Migration> = {};
        for (const m of migrations) out[m.id] = { up: (d) => m.up(d) };
        return out;
      },
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const msg = error instanceof Error ? error.message : String(error);
    throw new Error(`store migration ${failed ?? ''} failed: ${msg}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * What an open store is, whichever database holds it (store.ts: SQLite, postgres.ts:
 * PostgreSQL), and the error both give when another writer holds it too long.
 */
import type { Kysely } from 'kysely';
import { InputError } from '../common/errors.js';
import type { Database } from './database.js';
import type { StoreDialect } from './migrations.js';

export interface WriteOptions {
  /** How long to wait for another writer (default {@link WRITE_BUSY_TIMEOUT_MS}). */
  readonly busyTimeoutMs?: number;
  /** What the "store is busy" error says was not done (default "nothing was written"). */
  readonly busyNote?: string;
}

export interface Store {
  readonly db: Kysely<Database>;
  /** Where the store is, printable: the file path (or `:memory:`), or the server URL with its password shown as ***. */
  readonly path: string;
  readonly dialect: StoreDialect;
  /**
   * Runs `work` in one transaction that holds the store's write lock from its start, so two
   * writers (processes, or connections of one) run one after the other and neither reads what
   * the other is about to change: `begin immediate` on SQLite, a transaction-scoped advisory
   * lock on PostgreSQL. A writer still busy after `busyTimeoutMs` is an {@link InputError}
   * ("the store is busy"), and nothing is written. `work` must use the `db` it is given.
   */
  writeTransaction<T>(work: (db: Kysely<Database>) => Promise<T>, options?: WriteOptions): Promise<T>;
  close(): Promise<void>;
}

/** How long a write waits for another process's write to the store to end. */
export const WRITE_BUSY_TIMEOUT_MS = 120_000;

/** The "store is busy" error of {@link Store.writeTransaction}. */
export function storeBusy(path: string, timeoutMs: number, note = 'nothing was written'): InputError {
  return new InputError({
    file: path,
    path: '--store',
    message: `the store is busy: another process has been writing to it for more than ${Math.round(timeoutMs / 1000)} s; ${note} (try again)`,
  });
}


/**
 * The store's tables, one interface per feature (each beside its migrations), joined here so
 * one `Kysely<Database>` serves them all.
 */
import type { ListTables } from './migrations/lists.js';

export type Database = ListTables;

/**
 * Store tables of the list-import feature (src/screen/lists/):
 *
 * - `list_import`: one row per file set imported (list, format, files, content hash, list date
 *   and where it came from, counts). (list, content_hash) is unique: re-importing the same
 *   content is a no-op.
 * - `list_entry`: one row per listed party (entity id), with the entry as of the latest
 *   import that contains it, and its current listing window.
 * - `list_observation`: which entries each import contained — the evidence for history.
 * - `list_period`: listing periods derived from the observations (from / until, by list date).
 *
 * Types are portable (text, integer), so SQLite and PostgreSQL run the same migrations through
 * Kysely; ids are assigned by the application, not by an autoincrement. One difference: on
 * PostgreSQL the entity ids are `collate "C"`, so that `order by entity_id` is byte order as on
 * SQLite (a database's default collation, e.g. en_US, orders "-", "_", "." and case otherwise,
 * and the entries would load in another order).
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect, StoreMigration } from '../migrations.js';

/** The type of an entity id column: byte-ordered text on either dialect. */
const entityId = (dialect: StoreDialect) => (dialect === 'postgres' ? sql`text collate "C"` : 'text');

export interface ListImportTable {
  id: number;
  list: string;
  format: string;
  file: string;
  files_json: string;
  content_hash: string;
  list_date: string;
  list_date_source: string;
  imported_at: string;
  partial: number;
  rows: number;
  entries: number;
  notes_json: string;
  programs_json: string;
  categories_json: string;
}

export interface ListEntryTable {
  entity_id: string;
  list: string;
  data_json: string;
  /** List date of the import the data comes from. */
  data_list_date: string;
  /** The import the data comes from (its file is the entry's `source.file`); 0 before migration 0002. */
  data_import: number;
  /** Listing dates as the list itself gives them (null when it gives none). */
  source_from: string | null;
  source_until: string | null;
  /** The current window: the list's own dates, else what the imports observed. */
  listed_from: string | null;
  listed_until: string | null;
  active: number;
  first_import: number;
  last_import: number;
}

export interface ListObservationTable {
  import_id: number;
  entity_id: string;
}

export interface ListPeriodTable {
  entity_id: string;
  seq: number;
  from_date: string;
  until_date: string | null;
  from_import: number;
  until_import: number | null;
}

export interface ListTables {
  list_import: ListImportTable;
  list_entry: ListEntryTable;
  list_observation: ListObservationTable;
  list_period: ListPeriodTable;
}

export const listsMigrations: readonly StoreMigration[] = [
  {
    id: 'lists/0001-imports-entries-history',
    async up(db: Kysely<unknown>, dialect: StoreDialect) {
      await db.schema
        .createTable('list_import')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('files_json', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('list_date', 'text', (c) => c.notNull())
        .addColumn('list_date_source', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('partial', 'integer', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('entries', 'integer', (c) => c.notNull())
        .addColumn('notes_json', 'text', (c) => c.notNull())
        .addColumn('programs_json', 'text', (c) => c.notNull())
        .addColumn('categories_json', 'text', (c) => c.notNull())
        .addUniqueConstraint('list_import_content', ['list', 'content_hash'])
        .execute();
      await db.schema
        .createTable('list_entry')
        .addColumn('entity_id', entityId(dialect), (c) => c.primaryKey())
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('data_list_date', 'text', (c) => c.notNull())
        .addColumn('source_from', 'text')
        .addColumn('source_until', 'text')
        .addColumn('listed_from', 'text')
        .addColumn('listed_until', 'text')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('first_import', 'integer', (c) => c.notNull())
        .addColumn('last_import', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('list_entry_list').on('list_entry').column('list').execute();
      await db.schema
        .createTable('list_observation')
        .addColumn('import_id', 'integer', (c) => c.notNull())
        .addColumn('entity_id', entityId(dialect), (c) => c.notNull())
        .addPrimaryKeyConstraint('list_observation_pk', ['import_id', 'entity_id'])
        .execute();
      await db.schema.createIndex('list_observation_entity').on('list_observation').column('entity_id').execute();
      await db.schema
        .createTable('list_period')
        .addColumn('entity_id', entityId(dialect), (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('until_date', 'text')
        .addColumn('from_import', 'integer', (c) => c.notNull())
        .addColumn('until_import', 'integer')
        .addPrimaryKeyConstraint('list_period_pk', ['entity_id', 'seq'])
        .execute();
    },
  },
  {
    // Entry data is stored without its `source` (file and list date), which the import row
    // holds: smaller rows, and one shared source object per import when loading.
    id: 'lists/0002-entry-data-import',
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('list_entry').addColumn('data_import', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
];

/**
 * Lists in the store: import parsed files (idempotently, in one transaction), keep the
 * listing history, and load the entries back for the matcher.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import type { Store } from '../../store/store.js';
import type { ListEntry } from '../types.js';
import { listingPeriods, orderImports, type ImportPoint, type ListingPeriod } from './history.js';
import { endDateReading, endedBy, IMPORT_DERIVED_END } from './end-dates.js';
import { addDays, type CivilDate } from '../../time/civil-date.js';
import type { ListCategory, ListDateSource, ListFormat, ParsedList } from './types.js';

export interface ImportOptions {
  /** The files are excerpts: entries missing from them are not taken as delisted. */
  readonly partial?: boolean;
  /** Clock for `imported_at` (tests). */
  readonly now?: Date;
  /** How long to wait for another process writing to the store (default {@link IMPORT_BUSY_TIMEOUT_MS}). */
  readonly busyTimeoutMs?: number;
}

export interface ImportResult {
  readonly file: string;
  readonly files: readonly string[];
  readonly status: 'imported' | 'unchanged';
  readonly list: string;
  readonly format: ListFormat;
  readonly listDate: string;
  readonly listDateSource: ListDateSource;
  /** Entries in the file. */
  readonly entries: number;
  /** Entries new to the store. */
  readonly added: number;
  /** Entries that were current before and are delisted after this import. */
  readonly delisted: number;
  /** Entries listed again after having been delisted. */
  readonly relisted: number;
  /** For `unchanged`: the import that already holds this content. */
  readonly sameAs?: { readonly file: string; readonly listDate: string; readonly importedAt: string };
  readonly notes: readonly string[];
}

const BATCH = 400;

/**
 * Imports parsed lists into the store, all or nothing. A file whose content (same list, same
 * bytes) is already in the store is `unchanged` and writes nothing.
 */
export async function importParsedLists(store: Store, parsed: readonly ParsedList[], options: ImportOptions = {}): Promise<ImportResult[]> {
  const now = (options.now ?? new Date()).toISOString();
  // The store's write lock is taken before anything is read (Store.writeTransaction), so a
  // second import into the same store waits for the first instead of reading what the first
  // then changes (and allocating the same import id).
  return store.writeTransaction(
    async (db) => {
      const results: ImportResult[] = [];
      for (const p of parsed) results.push(await importOne(db, p, options.partial ?? false, now));
      return results;
    },
    { busyTimeoutMs: options.busyTimeoutMs ?? IMPORT_BUSY_TIMEOUT_MS, busyNote: 'nothing was imported' },
  );
}

/** How long an import waits for another process's write to the store to end. */
export const IMPORT_BUSY_TIMEOUT_MS = 120_000;

async function importOne(trx: Kysely<Database>, p: ParsedList, partial: boolean, now: string): Promise<ImportResult> {
  const base = {
    file: p.file,
    files: p.files,
    list: p.list,
    format: p.format,
    listDate: p.listDate,
    listDateSource: p.listDateSource,
    entries: p.entries.length,
    notes: p.notes,
  };
  const existing = await trx
    .selectFrom('list_import')
    .select(['file', 'list_date', 'imported_at'])
    .where('list', '=', p.list)
    .where('content_hash', '=', p.contentHash)
    .executeTakeFirst();
  if (existing) {
    return {
      ...base,
      status: 'unchanged',
      added: 0,
      delisted: 0,
      relisted: 0,
      sameAs: { file: existing.file, listDate: existing.list_date, importedAt: existing.imported_at },
    };
  }
  const before = await activeFlags(trx, p.list);
  const maxId = await trx.selectFrom('list_import').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  const importId = Number(maxId?.max ?? 0) + 1;
  const programs: Record<string, number> = {};
  for (const e of p.entries) for (const prog of e.programs) programs[prog] = (programs[prog] ?? 0) + 1;
  await trx
    .insertInto('list_import')
    .values({
      id: importId,
      list: p.list,
      format: p.format,
      file: p.file,
      files_json: JSON.stringify(p.files),
      content_hash: p.contentHash,
      list_date: p.listDate,
      list_date_source: p.listDateSource,
      imported_at: now,
      partial: partial ? 1 : 0,
      rows: p.rows,
      entries: p.entries.length,
      notes_json: JSON.stringify(p.notes),
      programs_json: JSON.stringify(programs),
      categories_json: JSON.stringify(p.categories ?? ([] as ListCategory[])),
    })
    .execute();
  for (let i = 0; i < p.entries.length; i += BATCH * 2) {
    await trx
      .insertInto('list_observation')
      .values(p.entries.slice(i, i + BATCH * 2).map((e) => ({ import_id: importId, entity_id: e.entityId })))
      .execute();
  }

  // Entry data: new entries are added; known ones take this file's data when it is at least as
  // recent as the data they hold.
  const known = new Map<string, string>();
  for (const r of await trx.selectFrom('list_entry').select(['entity_id', 'data_list_date']).where('list', '=', p.list).execute()) {
    known.set(r.entity_id, r.data_list_date);
  }
  const data = new Map<string, EntryData>();
  let added = 0;
  for (const e of p.entries) {
    const had = known.get(e.entityId);
    if (had === undefined) added++;
    if (had === undefined || had <= p.listDate) {
      data.set(e.entityId, {
        data_json: storedJson(e),
        data_list_date: p.listDate,
        data_import: importId,
        source_from: e.listedFrom ?? null,
        source_until: e.listedUntil ?? null,
      });
    }
  }
  await recomputeHistory(trx, p.list, data);
  const after = await activeFlags(trx, p.list);
  let delisted = 0;
  let relisted = 0;
  for (const [id, active] of after) {
    const was = before.get(id);
    if (was === 1 && active === 0) delisted++;
    if (was === 0 && active === 1) relisted++;
  }
  return { ...base, status: 'imported', added, delisted, relisted };
}

async function activeFlags(trx: Kysely<Database>, list: string): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('list_entry').select(['entity_id', 'active']).where('list', '=', list).execute();
  return new Map(rows.map((r) => [r.entity_id, r.active]));
}

type EntryRow = Database['list_entry'];
type EntryData = Pick<EntryRow, 'data_json' | 'data_list_date' | 'data_import' | 'source_from' | 'source_until'>;

/** An entry as stored: without `source` (the import row has the file and list date) except its URL. */
function storedJson(e: ListEntry): string {
  const { source, ...rest } = e;
  return JSON.stringify(source.url ? { ...rest, source: { url: source.url } } : rest);
}

/**
 * Recomputes periods, current window and `active` for every entry of one list, taking in new
 * entry data; rows that change are rewritten in batches (delete + insert, portable SQL).
 */
async function recomputeHistory(trx: Kysely<Database>, list: string, data: ReadonlyMap<string, EntryData>): Promise<void> {
  const imports = orderImports(
    (await trx.selectFrom('list_import').select(['id', 'list_date', 'partial']).where('list', '=', list).execute()).map(
      (r): ImportPoint => ({ id: r.id, listDate: r.list_date, partial: r.partial === 1 }),
    ),
  );
  const latestDate = imports.at(-1)?.listDate ?? '';
  const presence = new Map<string, Set<number>>();
  const obs = await trx
    .selectFrom('list_observation')
    .innerJoin('list_import', 'list_import.id', 'list_observation.import_id')
    .select(['list_observation.entity_id as entity_id', 'list_observation.import_id as import_id'])
    .where('list_import.list', '=', list)
    .execute();
  for (const o of obs) {
    let s = presence.get(o.entity_id);
    if (!s) presence.set(o.entity_id, (s = new Set()));
    s.add(o.import_id);
  }
  const current = new Map<string, EntryRow>();
  for (const r of await trx.selectFrom('list_entry').selectAll().where('list', '=', list).execute()) current.set(r.entity_id, r);
  const ids = new Set<string>([...current.keys(), ...data.keys()]);
  const periodRows: Database['list_period'][] = [];
  const changed: EntryRow[] = [];
  for (const id of [...ids].sort()) {
    const old = current.get(id);
    const fresh = data.get(id);
    const seen = presence.get(id) ?? new Set<number>();
    const periods = listingPeriods(imports, (i) => seen.has(i));
    periods.forEach((p, seq) =>
      periodRows.push({
        entity_id: id,
        seq,
        from_date: p.from,
        until_date: p.until ?? null,
        from_import: p.fromImport,
        until_import: p.untilImport ?? null,
      }),
    );
    const base = fresh ?? old!;
    const last = periods.at(-1);
    const listedFrom = base.source_from ?? last?.from ?? null;
    const listedUntil = base.source_until ?? last?.until ?? null;
    // Current = listed on the list's latest list date, by the rule screen uses (listedOn): the
    // list's own end date read as end-dates.ts says for the list, an import-derived end as the
    // list date of the first edition without the entry.
    const untilExclusive = (base.source_until !== null ? endDateReading(list) : IMPORT_DERIVED_END) === 'removal-date';
    const inOrder = imports.filter((i) => seen.has(i.id));
    const row: EntryRow = {
      entity_id: id,
      list,
      data_json: base.data_json,
      data_list_date: base.data_list_date,
      data_import: base.data_import,
      source_from: base.source_from,
      source_until: base.source_until,
      listed_from: listedFrom,
      listed_until: listedUntil,
      active: listedUntil === null || !endedBy(listedUntil, untilExclusive, latestDate) ? 1 : 0,
      first_import: inOrder[0]?.id ?? old?.first_import ?? 0,
      last_import: inOrder.at(-1)?.id ?? old?.last_import ?? 0,
    };
    if (!old || (Object.keys(row) as (keyof EntryRow)[]).some((k) => row[k] !== old[k])) changed.push(row);
  }
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH);
    await trx
      .deleteFrom('list_entry')
      .where(
        'entity_id',
        'in',
        batch.map((r) => r.entity_id),
      )
      .execute();
    await trx.insertInto('list_entry').values(batch).execute();
  }
  await trx.deleteFrom('list_period').where('entity_id', 'in', trx.selectFrom('list_entry').select('entity_id').where('list', '=', list)).execute();
  for (let i = 0; i < periodRows.length; i += BATCH) await trx.insertInto('list_period').values(periodRows.slice(i, i + BATCH)).execute();
}

export interface LoadOptions {
  /** Only entries current as of their list's latest import. */
  readonly activeOnly?: boolean;
  /** Only these lists. */
  readonly lists?: readonly string[];
}

/**
 * Every entry in the store, ordered by entity id, with its listing window
 * (`listedFrom`: the list's own date, else the list date of the first import that held it;
 * `listedUntil`: the list's own end date, else the list date of the first complete import
 * without it; for an entry without the list's own dates that the imports saw leave and return,
 * `periods` holds every observed period). The matcher builds its index from this.
 */
export async function loadListEntries(store: Store | Kysely<Database>, options: LoadOptions = {}): Promise<ListEntry[]> {
  const db = 'db' in store ? store.db : store;
  let q = db.selectFrom('list_entry').select(['entity_id', 'list', 'data_json', 'data_import', 'source_from', 'source_until', 'listed_from', 'listed_until']);
  if (options.activeOnly) q = q.where('active', '=', 1);
  if (options.lists && options.lists.length > 0) q = q.where('list', 'in', [...options.lists]);
  const rows = await q.orderBy('entity_id').execute();
  const sources = new Map<number, ListEntry['source']>();
  for (const i of await db.selectFrom('list_import').select(['id', 'file', 'list_date']).execute()) {
    sources.set(i.id, Object.freeze({ file: i.file, listDate: i.list_date }));
  }
  // Entries the imports saw leave and come back: every observed period, so that screening as of
  // a date in an earlier one finds the listing (only the current period is in listed_from).
  const gapped = new Map<string, { from: string; until?: string }[]>();
  const multi = db.selectFrom('list_period').select('entity_id').where('seq', '>', 0);
  for (const p of await db
    .selectFrom('list_period')
    .select(['entity_id', 'from_date', 'until_date'])
    .where('entity_id', 'in', multi)
    .orderBy('entity_id')
    .orderBy('seq')
    .execute()) {
    let list = gapped.get(p.entity_id);
    if (!list) gapped.set(p.entity_id, (list = []));
    list.push(p.until_date === null ? { from: p.from_date } : { from: p.from_date, until: p.until_date });
  }
  const out: ListEntry[] = new Array<ListEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const e = JSON.parse(r.data_json) as { -readonly [K in keyof ListEntry]: ListEntry[K] } & { source?: { url?: string } };
    const shared = sources.get(r.data_import) ?? { file: '' };
    const url = e.source?.url;
    e.source = url === undefined ? shared : { ...shared, url };
    // The stored window always covers the list's own dates, so only assignments are needed.
    if (r.listed_from !== null) e.listedFrom = r.listed_from;
    if (r.listed_until !== null) e.listedUntil = r.listed_until;
    // A list that gives no dates of its own: the window is what the imports observed, and
    // when they saw the entry leave and return it spans every period (ListEntry.periods).
    const periods = r.source_from === null && r.source_until === null && e.periods === undefined ? gapped.get(r.entity_id) : undefined;
    const observed = periods !== undefined && periods.length > 1;
    if (observed) {
      e.periods = periods;
      e.listedFrom = periods[0]!.from;
    }
    markEnds(e, r.list, observed || (r.source_until === null && r.listed_until !== null), !observed);
    out[i] = e;
  }
  return out;
}

type MutableEntry = { -readonly [K in keyof ListEntry]: ListEntry[K] };

/**
 * Sets `untilExclusive` from where the entry's ends come from (not from the stored JSON, so
 * entries imported before the flag existed read the same): ends the imports observed are removal
 * dates (IMPORT_DERIVED_END); the list's own ends read as end-dates.ts says for the list. An
 * entry with both (its own periods, then dropped by a later edition) gets one reading: its own
 * last-day ends move to the day after, so every end is a removal date.
 */
function markEnds(e: MutableEntry, list: string, endsFromImports: boolean, ownPeriods: boolean): void {
  const own = endDateReading(list) === 'removal-date';
  const exclusive = endsFromImports ? IMPORT_DERIVED_END === 'removal-date' : own;
  const ends = e.listedUntil !== undefined || (e.periods?.some((p) => p.until !== undefined) ?? false);
  if (endsFromImports && exclusive && !own && ownPeriods && e.periods !== undefined && e.periods.some((p) => p.until !== undefined)) {
    e.periods = e.periods.map((p) => (p.until === undefined ? p : { from: p.from, until: addDays(p.until as CivilDate, 1) }));
  }
  if (exclusive && ends) e.untilExclusive = true;
  else delete e.untilExclusive;
}

export interface ListSummary {
  readonly list: string;
  readonly entries: number;
  readonly active: number;
  readonly delisted: number;
  readonly imports: number;
  /** The import with the latest list date. */
  readonly latest: {
    readonly file: string;
    readonly format: string;
    readonly listDate: string;
    readonly listDateSource: string;
    readonly importedAt: string;
    readonly partial: boolean;
  };
  /** Programs of the latest import, by entry count (most first). */
  readonly programs: readonly { readonly program: string; readonly entries: number }[];
}

/** What is loaded, per list (ordered by list id). */
export async function listSummaries(store: Store): Promise<ListSummary[]> {
  const counts = await store.db
    .selectFrom('list_entry')
    .select((eb) => ['list', eb.fn.countAll<number>().as('entries'), eb.fn.sum<number>('active').as('active')])
    .groupBy('list')
    .execute();
  const imports = await store.db.selectFrom('list_import').selectAll().execute();
  const out: ListSummary[] = [];
  for (const c of [...counts].sort((a, b) => (a.list < b.list ? -1 : 1))) {
    const mine = imports
      .filter((i) => i.list === c.list)
      .sort((a, b) => (a.list_date < b.list_date ? -1 : a.list_date > b.list_date ? 1 : a.id - b.id));
    const latest = mine.at(-1);
    if (!latest) continue;
    const programs = Object.entries(JSON.parse(latest.programs_json) as Record<string, number>)
      .map(([program, entries]) => ({ program, entries }))
      .sort((a, b) => b.entries - a.entries || (a.program < b.program ? -1 : 1));
    const entries = Number(c.entries);
    const active = Number(c.active);
    out.push({
      list: c.list,
      entries,
      active,
      delisted: entries - active,
      imports: mine.length,
      latest: {
        file: latest.file,
        format: latest.format,
        listDate: latest.list_date,
        listDateSource: latest.list_date_source,
        importedAt: latest.imported_at,
        partial: latest.partial === 1,
      },
      programs,
    });
  }
  return out;
}

/** The listing periods of one entry, oldest first. */
export async function listingHistory(store: Store, entityId: string): Promise<ListingPeriod[]> {
  const rows = await store.db.selectFrom('list_period').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => ({
    from: r.from_date,
    ...(r.until_date !== null ? { until: r.until_date } : {}),
    fromImport: r.from_import,
    ...(r.until_import !== null ? { untilImport: r.until_import } : {}),
  }));
}

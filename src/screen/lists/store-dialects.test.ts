/**
 * The list store on SQLite and on PostgreSQL runs the same scenarios and gives the same
 * answers: every list in ../shared/data/lists imported, re-imported as unchanged, loaded back
 * and screened; listing history across editions; a run that fails writes nothing. Then what
 * only a server has: imports into one store from several connections at once, and a writer
 * that holds the store's lock past the wait. Each PostgreSQL store is a fresh database, dropped
 * afterwards (src/store/pg-testing.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { openStore, type Store } from '../../store/store.js';
import { dropPgDatabases, freshPgDatabase } from '../../store/pg-testing.js';
import { sharedPath } from '../../testing/shared.js';
import type { CivilDate } from '../../time/civil-date.js';
import { screen } from '../screen.js';
import { parseListDir, parseListFile } from './parse.js';
import { importParsedLists, listingHistory, listSummaries, loadListEntries } from './store.js';
import { isSkipped, type ParsedList, type ParseOutcome } from './types.js';

const only = (outcomes: readonly ParseOutcome[]): ParsedList[] => outcomes.filter((o): o is ParsedList => !isSkipped(o));
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-lists-dialects-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await dropPgDatabases();
});

type Dialect = 'sqlite' | 'postgres';
/** A new, empty store of the dialect (PostgreSQL: a fresh database, with `icuLocale` as its collation when given). */
async function newStore(dialect: Dialect, icuLocale?: string): Promise<Store> {
  if (dialect === 'sqlite') return openStore(join(tmp(), 'store.sqlite'), { create: true });
  return openStore(await freshPgDatabase(icuLocale ? { icuLocale } : {}), { create: true });
}

const NAMES = ['Huawei Technologies Co., Ltd.', 'PROVEN GLORY CAPITAL LIMITED', 'Beijing Megvii Technology', 'BNC', 'China Mobile', 'Hikvision', 'Acme Widgets LLC', 'Bravo Co'];

interface Outcome {
  first: unknown;
  again: unknown;
  entries: unknown;
  active: unknown;
  summaries: unknown;
  screened: unknown;
  history: unknown;
}

/** Everything the list store answers after importing every list twice, on one dialect. */
async function everyList(dialect: Dialect): Promise<Outcome> {
  // en-US orders "-", "_", "." and case unlike bytes: the entries must load in SQLite's order anyway
  const store = await newStore(dialect, 'en-US');
  try {
    const parsed = only(parseListDir(sharedPath('data', 'lists')));
    const first = await importParsedLists(store, parsed, { now: new Date('2026-09-01T00:00:00Z') });
    const again = await importParsedLists(store, only(parseListDir(sharedPath('data', 'lists'))), { now: new Date('2026-09-02T00:00:00Z') });
    const entries = await loadListEntries(store);
    const asOf = '2026-09-01' as CivilDate;
    return {
      first,
      again,
      entries,
      active: (await loadListEntries(store, { activeOnly: true, lists: ['dod.1260h', 'trade.csl'] })).map((e) => e.entityId),
      summaries: await listSummaries(store),
      screened: screen(NAMES, entries, { asOf }),
      history: await listingHistory(store, 'dod.1260h:beijing-megvii-technology-co-ltd'),
    };
  } finally {
    await store.close();
  }
}

const HEADER = 'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n';
const row = (name: string) => `${name},${name},,,,,,,\n`;

function editions(): Record<'v1' | 'v2' | 'v3', string> {
  const d = tmp();
  const write = (f: string, names: string[]) => {
    writeFileSync(join(d, f), HEADER + names.map(row).join(''));
    return join(d, f);
  };
  return {
    v1: write('sanctions-v1.csv', ['Alpha Co', 'Bravo Co', 'Charlie Co']),
    v2: write('sanctions-v2.csv', ['Alpha Co', 'Charlie Co']),
    v3: write('sanctions-v3.csv', ['Alpha Co', 'Bravo Co', 'Charlie Co', 'Delta Co']),
  };
}
const parse = (file: string, listDate: string) => only([parseListFile(file, { listDate })]);

/** Three editions, one dropping an entry and the next bringing it back; then a run that fails. */
async function history(dialect: Dialect, { v1, v2, v3 }: ReturnType<typeof editions>): Promise<unknown[]> {
  const store = await newStore(dialect);
  try {
    const out: unknown[] = [];
    for (const [f, d] of [[v3, '2026-01-01'], [v1, '2024-01-01'], [v2, '2025-01-01']] as const) out.push(await importParsedLists(store, parse(f, d), { now: new Date('2026-09-01T00:00:00Z') }));
    const entries = await loadListEntries(store);
    const bravo = entries.find((e) => e.name === 'Bravo Co')!;
    out.push(entries, await listingHistory(store, bravo.entityId), await listSummaries(store));
    out.push(['2023-06-01', '2024-06-01', '2025-06-01', '2026-06-01'].map((d) => screen(['Bravo Co'], entries, { asOf: d as CivilDate })));
    const good = parse(v1, '2027-01-01');
    const broken: ParsedList = { ...good[0]!, contentHash: 'other', entries: [good[0]!.entries[0]!, good[0]!.entries[0]!] };
    const failed = await importParsedLists(store, [...parse(v2, '2027-02-01'), broken]).then(
      () => 'imported',
      () => 'failed',
    );
    out.push(failed, await loadListEntries(store), await listSummaries(store));
    return out;
  } finally {
    await store.close();
  }
}

describe('the same scenario on SQLite and PostgreSQL', () => {
  it('every list imported, re-imported unchanged, loaded and screened: the same answers', async () => {
    const sqlite = await everyList('sqlite');
    const postgres = await everyList('postgres');
    expect((sqlite.first as { status: string }[]).every((r) => r.status === 'imported')).toBe(true);
    expect((sqlite.again as { status: string }[]).every((r) => r.status === 'unchanged')).toBe(true);
    expect((sqlite.entries as unknown[]).length).toBeGreaterThan(10_000);
    expect(postgres.first).toEqual(sqlite.first);
    expect(postgres.again).toEqual(sqlite.again);
    expect(postgres.summaries).toEqual(sqlite.summaries);
    expect(postgres.active).toEqual(sqlite.active);
    expect(postgres.history).toEqual(sqlite.history);
    // in the same order, not only the same set
    const ids = (o: Outcome) => (o.entries as { entityId: string }[]).map((e) => e.entityId);
    expect(ids(postgres)).toEqual(ids(sqlite));
    expect(postgres.entries).toEqual(sqlite.entries);
    expect(postgres.screened).toEqual(sqlite.screened);
  }, 120_000);

  it('listing history across editions imported out of order, and a failing run: the same answers', async () => {
    const files = editions();
    const sqlite = await history('sqlite', files);
    expect(sqlite[0]).toMatchObject([{ status: 'imported', added: 4 }]);
    expect(sqlite.at(-3)).toBe('failed');
    expect(await history('postgres', files)).toEqual(sqlite);
  }, 60_000);
});

describe('imports into one PostgreSQL store at the same time', () => {
  afterEach(async () => {
    await dropPgDatabases();
  });

  const lists = () => ({
    mieu: only([parseListFile(sharedPath('data', 'lists', 'bis_mieu', 'mieu.csv'), { listDate: '2026-07-27' })]),
    dod: only([parseListFile(sharedPath('data', 'lists', 'dod_1260h', 'sanctions.csv'), { listDate: '2026-06-08' })]),
    fcc: only(parseListDir(sharedPath('data', 'lists', 'fcc_covered_list'))),
  });

  it('from separate connections: each import gets its own ids, none is lost, the same content is imported once', async () => {
    const url = await freshPgDatabase();
    const stores = await Promise.all([openStore(url, { create: true }), openStore(url, { create: true }), openStore(url, { create: true })]);
    try {
      const { mieu, dod, fcc } = lists();
      const results = await Promise.all([importParsedLists(stores[0]!, mieu), importParsedLists(stores[1]!, dod), importParsedLists(stores[2]!, fcc)]);
      expect(results.flat().map((r) => r.status)).toEqual([...mieu, ...dod, ...fcc].map(() => 'imported'));
      const ids = (await stores[0]!.db.selectFrom('list_import').select('id').orderBy('id').execute()).map((r) => r.id);
      expect(ids).toEqual(Array.from({ length: mieu.length + dod.length + fcc.length }, (_, i) => i + 1));
      expect((await listSummaries(stores[1]!)).map((s) => s.list)).toEqual(['bis.mieu', 'dod.1260h', 'fcc.covered']);
      // the same files from three connections at once: one imports, the others find it there
      const fresh = await freshPgDatabase();
      const again = await Promise.all([openStore(fresh, { create: true }), openStore(fresh, { create: true }), openStore(fresh, { create: true })]);
      try {
        const statuses = (await Promise.all(again.map((s) => importParsedLists(s, lists().dod)))).map((r) => r[0]!.status).sort();
        expect(statuses).toEqual(['imported', 'unchanged', 'unchanged']);
        expect(await loadListEntries(again[0]!)).toEqual(await loadListEntries(stores[0]!, { lists: ['dod.1260h'] }));
      } finally {
        for (const s of again) await s.close();
      }
    } finally {
      for (const s of stores) await s.close();
    }
  }, 60_000);

  it('a writer that holds the store past the wait: "the store is busy", nothing imported; after it, the import goes through', async () => {
    const url = await freshPgDatabase();
    const store = await openStore(url, { create: true });
    const { mieu, dod } = lists();
    await importParsedLists(store, mieu);
    const before = await loadListEntries(store);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      // another datacustoms writer, mid-import: the store's lock (src/store/postgres.ts)
      await other.query('begin');
      await other.query(`select pg_advisory_xact_lock(${0x64637374}, hashtext('public'))`);
      const error = await importParsedLists(store, dod, { busyTimeoutMs: 300 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`${url}: --store: the store is busy: another process has been writing to it for more than 0 s; nothing was imported (try again)`);
      expect(await loadListEntries(store)).toEqual(before);
      const waiting = importParsedLists(store, dod, { busyTimeoutMs: 10_000 });
      await new Promise((r) => setTimeout(r, 300));
      await other.query('commit');
      expect((await waiting).map((r) => r.status)).toEqual(['imported']);
      expect((await listSummaries(store)).map((s) => s.list)).toEqual(['bis.mieu', 'dod.1260h']);
    } finally {
      await other.end();
      await store.close();
    }
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/store.js';
import { sharedPath } from '../../testing/shared.js';
import { parseListDir, parseListFile } from './parse.js';
import { importParsedLists, listingHistory, listSummaries, loadListEntries } from './store.js';
import { isSkipped, type ParsedList, type ParseOutcome } from './types.js';
import { isAlert, screen } from '../screen.js';
import type { CivilDate } from '../../time/civil-date.js';

const only = (outcomes: readonly ParseOutcome[]): ParsedList[] => outcomes.filter((o): o is ParsedList => !isSkipped(o));
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-lists-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('importing every list in ../shared/data/lists', () => {
  let store: Store;
  let parsed: ParsedList[];
  beforeAll(async () => {
    store = await openStore(join(tmp(), 'store.sqlite'), { create: true });
    parsed = only(parseListDir(sharedPath('data', 'lists')));
  });
  afterAll(async () => store.close());

  it('imports each file, then re-imports as unchanged without writing', async () => {
    const first = await importParsedLists(store, parsed, { now: new Date('2026-09-01T00:00:00Z') });
    expect(first.map((r) => r.status)).toEqual(parsed.map(() => 'imported'));
    const entries = await loadListEntries(store);
    const distinct = new Set(parsed.flatMap((p) => p.entries.map((e) => e.entityId)));
    expect(entries).toHaveLength(distinct.size);
    const again = await importParsedLists(store, only(parseListDir(sharedPath('data', 'lists'))));
    expect(again.map((r) => r.status)).toEqual(parsed.map(() => 'unchanged'));
    expect(again[0]?.sameAs?.importedAt).toBe('2026-09-01T00:00:00.000Z');
    expect(await loadListEntries(store)).toEqual(entries);
  });

  it('loads entries back as parsed, with a listing window for each', async () => {
    const entries = await loadListEntries(store);
    const byId = new Map(entries.map((e) => [e.entityId, e]));
    const pg = [...byId.values()].find((e) => e.name === 'PROVEN GLORY CAPITAL LIMITED');
    expect(pg).toMatchObject({ list: 'ofac.cons', listedFrom: '2021-06-03', parents: ['HUAWEI INVESTMENT & HOLDING CO., LTD.'] });
    // OFAC's legacy files carry no listing dates: the first import's list date stands in.
    expect(byId.get('ofac.sdn:306')).toMatchObject({ listedFrom: '2021-07-07', weakAliases: ['BNC'] });
    expect(byId.get('dod.1260h:beijing-megvii-technology-co-ltd')).toMatchObject({ listedFrom: '2024-01-31', listedUntil: '2025-01-07' });
    for (const e of entries) expect(e.listedFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(entries.map((e) => e.entityId)).toEqual([...entries.map((e) => e.entityId)].sort());
    const active = await loadListEntries(store, { activeOnly: true, lists: ['dod.1260h'] });
    expect(active.every((e) => e.list === 'dod.1260h' && e.listedUntil === undefined)).toBe(true);
    expect(active.length).toBeLessThan(entries.filter((e) => e.list === 'dod.1260h').length);
  });

  it('an older edition of a list does not delist what a newer one holds (CSL 2019 vs 2025 samples)', async () => {
    const byId = new Map((await loadListEntries(store)).map((e) => [e.entityId, e]));
    // In the 2019 excerpt, not in the (complete-looking) 2025 one: closed at the 2025 list date.
    const guian = [...byId.values()].find((e) => e.name.startsWith('Gui’an New District Huawei'));
    expect(guian?.listedUntil).toBe('2025-06-25');
  });

  it('summarises each list: counts, latest list date and programs', async () => {
    const s = await listSummaries(store);
    expect(s.map((x) => x.list)).toEqual(['bis.mieu', 'cn.countersanctions', 'dod.1260h', 'fcc.covered', 'ofac.cons', 'ofac.sdn', 'opensanctions', 'trade.csl']);
    const fcc = s.find((x) => x.list === 'fcc.covered')!;
    expect(fcc).toMatchObject({ entries: 13, imports: 2, latest: { listDate: '2026-08-20', format: 'fcc-covered-csv' } });
    const sdn = s.find((x) => x.list === 'ofac.sdn')!;
    expect(sdn).toMatchObject({ entries: 8976, active: 8976, delisted: 0, latest: { listDate: '2021-07-07', listDateSource: 'sources-md' } });
    expect(sdn.programs[0]).toEqual({ program: 'SDNTK', entries: 1770 });
    expect(sdn.programs.reduce((n, p) => n + p.entries, 0)).toBeGreaterThanOrEqual(8976);
  });
});

const HEADER = 'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n';
const row = (name: string) => `${name},${name},,,,,,,\n`;

describe('listing history across imports', () => {
  function editions() {
    const d = tmp();
    const write = (f: string, names: string[]) => {
      writeFileSync(join(d, f), HEADER + names.map(row).join(''));
      return join(d, f);
    };
    return {
      v1: write('v1.csv', ['Alpha Co', 'Bravo Co', 'Charlie Co']),
      v2: write('v2.csv', ['Alpha Co', 'Charlie Co']),
      v3: write('v3.csv', ['Alpha Co', 'Bravo Co', 'Charlie Co', 'Delta Co']),
    };
  }
  const parse = (file: string, listDate: string) => only([parseListFile(file, { listDate })]);

  it('closes a listing when a later edition drops the entry, and opens a new one when it returns', async () => {
    const { v1, v2, v3 } = editions();
    const store = await openStore(':memory:');
    const [r1] = await importParsedLists(store, parse(v1, '2024-01-01'));
    expect(r1).toMatchObject({ status: 'imported', added: 3, delisted: 0 });
    const [r2] = await importParsedLists(store, parse(v2, '2025-01-01'));
    expect(r2).toMatchObject({ status: 'imported', added: 0, delisted: 1 });
    let bravo = (await loadListEntries(store)).find((e) => e.name === 'Bravo Co');
    expect(bravo).toMatchObject({ listedFrom: '2024-01-01', listedUntil: '2025-01-01' });
    expect((await listSummaries(store))[0]).toMatchObject({ entries: 3, active: 2, delisted: 1 });
    const [r3] = await importParsedLists(store, parse(v3, '2026-01-01'));
    expect(r3).toMatchObject({ added: 1, delisted: 0, relisted: 1 });
    bravo = (await loadListEntries(store)).find((e) => e.name === 'Bravo Co');
    // the window spans both periods, and the periods keep the gap
    expect(bravo?.listedFrom).toBe('2024-01-01');
    expect(bravo?.listedUntil).toBeUndefined();
    expect(bravo?.periods).toEqual([{ from: '2024-01-01', until: '2025-01-01' }, { from: '2026-01-01' }]);
    expect(await listingHistory(store, bravo!.entityId)).toEqual([
      { from: '2024-01-01', until: '2025-01-01', fromImport: 1, untilImport: 2 },
      { from: '2026-01-01', fromImport: 3 },
    ]);
    await store.close();
  });

  it('screening as of a date in an earlier period finds the listing; in the gap it is not in force', async () => {
    // was: only the current period was loaded (listedFrom 2026-01-01), so as of 2024-06-01 Bravo
    // Co — listed by the 2024 edition — was "not in force"
    const { v1, v2, v3 } = editions();
    const store = await openStore(':memory:');
    for (const [f, d] of [[v1, '2024-01-01'], [v2, '2025-01-01'], [v3, '2026-01-01']] as const) await importParsedLists(store, parse(f, d));
    const entries = await loadListEntries(store);
    const alerts = (asOf: string) =>
      screen(['Bravo Co'], entries, { asOf: asOf as CivilDate })[0]!.matches.filter(isAlert).map((m) => m.name);
    expect([alerts('2023-06-01'), alerts('2024-06-01'), alerts('2025-06-01'), alerts('2026-06-01')]).toEqual([[], ['Bravo Co'], [], ['Bravo Co']]);
    // an entry seen in one unbroken period carries no periods
    expect(entries.find((e) => e.name === 'Alpha Co')).toMatchObject({ listedFrom: '2024-01-01' });
    expect(entries.find((e) => e.name === 'Alpha Co')?.periods).toBeUndefined();
    await store.close();
  });

  it('gives the same history whatever order the editions are imported in', async () => {
    const { v1, v2, v3 } = editions();
    const a = await openStore(':memory:');
    for (const [f, d] of [[v1, '2024-01-01'], [v2, '2025-01-01'], [v3, '2026-01-01']] as const) await importParsedLists(a, parse(f, d));
    const b = await openStore(':memory:');
    for (const [f, d] of [[v3, '2026-01-01'], [v1, '2024-01-01'], [v2, '2025-01-01']] as const) await importParsedLists(b, parse(f, d));
    const strip = (es: Awaited<ReturnType<typeof loadListEntries>>) => es.map((e) => [e.entityId, e.listedFrom, e.listedUntil, e.name]);
    expect(strip(await loadListEntries(b))).toEqual(strip(await loadListEntries(a)));
    await a.close();
    await b.close();
  });

  it('a partial import (an excerpt) delists nothing', async () => {
    const { v1, v2 } = editions();
    const store = await openStore(':memory:');
    await importParsedLists(store, parse(v1, '2024-01-01'));
    const [r] = await importParsedLists(store, parse(v2, '2025-01-01'), { partial: true });
    expect(r?.delisted).toBe(0);
    expect((await loadListEntries(store)).every((e) => e.listedUntil === undefined)).toBe(true);
    await store.close();
  });

  it('writes nothing when one file of a run fails', async () => {
    const { v1 } = editions();
    const store = await openStore(':memory:');
    const good = parse(v1, '2024-01-01');
    const broken: ParsedList = { ...good[0]!, contentHash: 'other', entries: [good[0]!.entries[0]!, good[0]!.entries[0]!] };
    await expect(importParsedLists(store, [...good, broken])).rejects.toThrow();
    expect(await loadListEntries(store)).toEqual([]);
    expect(await listSummaries(store)).toEqual([]);
    await store.close();
  });
});

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
import { listedOn } from './entry.js';
import type { CivilDate } from '../../time/civil-date.js';

const only = (outcomes: readonly ParseOutcome[]): ParsedList[] => outcomes.filter((o): o is ParsedList => !isSkipped(o));
const parse = (file: string, listDate: string) => only([parseListFile(file, { listDate })]);
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-lists-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `active` (lists) is the same as listedOn (screen) on each list's latest list date, for every entry. */
async function agree(store: Store): Promise<void> {
  const latest = new Map((await listSummaries(store)).map((s) => [s.list, s.latest.listDate]));
  const active = new Set((await loadListEntries(store, { activeOnly: true })).map((e) => e.entityId));
  for (const e of await loadListEntries(store)) expect([e.entityId, active.has(e.entityId)]).toEqual([e.entityId, listedOn(e, latest.get(e.list)!)]);
}

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

  it('counts as current exactly the entries screen finds in force on their list\'s latest list date', async () => {
    await agree(store);
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

describe('end dates: screen and lists give the same answer for the same entry and date', () => {
  const CSL_HEADER =
    'source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n';
  const cslRow = (n: number, name: string, from: string, until = '') =>
    `Denied Persons List (DPL) - Bureau of Industry and Security,${n},Entity,,${name},,,,${from},${until},,,,,,,,,,,,,,,,,,\n`;
  const write = (file: string, text: string) => {
    const path = join(tmp(), file);
    writeFileSync(path, text);
    return path;
  };
  const alertsOn = (entries: Awaited<ReturnType<typeof loadListEntries>>, name: string, days: readonly string[]) =>
    days.map((d) => screen([name], entries, { asOf: d as CivilDate })[0]!.matches.some((m) => isAlert(m) && m.name === name));

  it('an end the imports observe (the first complete edition without the entry) is a removal date, even on a list whose own end dates are last days', async () => {
    // was: the window ended on the list date of the edition that dropped the entry, and screen
    // read it as the last day listed: lists counted Bravo delisted as of 2025-01-01, screen alerted on it
    const store = await openStore(':memory:');
    await importParsedLists(store, parse(write('csl-2024.csv', CSL_HEADER + cslRow(1, 'Alpha Trading LLC', '2020-01-01') + cslRow(2, 'Bravo Trading LLC', '2020-01-01')), '2024-01-01'));
    const [r] = await importParsedLists(store, parse(write('csl-2025.csv', CSL_HEADER + cslRow(1, 'Alpha Trading LLC', '2020-01-01')), '2025-01-01'));
    expect(r).toMatchObject({ delisted: 1 });
    const entries = await loadListEntries(store);
    expect(entries.find((e) => e.name === 'Bravo Trading LLC')).toMatchObject({ listedUntil: '2025-01-01', untilExclusive: true });
    expect(alertsOn(entries, 'Bravo Trading LLC', ['2024-12-31', '2025-01-01', '2025-01-02'])).toEqual([true, false, false]);
    await agree(store);
    await store.close();
  });

  it('a list\'s own last-day end on the latest list date is current (CSL end_date), and is delisted by the next edition', async () => {
    // was: active only while the end date was later than the list date, so the import of the
    // 2025-03-10 edition reported Delta delisted and `lists` counted it so, while screen --as-of
    // 2025-03-10 alerted on it
    const store = await openStore(':memory:');
    const rows = CSL_HEADER + cslRow(3, 'Delta Trading LLC', '2024-01-10', '2025-03-10') + cslRow(4, 'Echo Trading LLC', '2024-01-10');
    const [a] = await importParsedLists(store, parse(write('csl-a.csv', rows), '2025-01-01'));
    expect(a).toMatchObject({ delisted: 0 });
    const [b] = await importParsedLists(store, parse(write('csl-b.csv', rows + cslRow(5, 'Foxtrot Trading LLC', '2025-03-01')), '2025-03-10'));
    expect(b).toMatchObject({ delisted: 0, relisted: 0 });
    expect((await listSummaries(store))[0]).toMatchObject({ entries: 3, active: 3, delisted: 0 });
    expect(alertsOn(await loadListEntries(store), 'Delta Trading LLC', ['2025-03-09', '2025-03-10', '2025-03-11'])).toEqual([true, true, false]);
    await agree(store);
    const [c] = await importParsedLists(store, parse(write('csl-c.csv', rows + cslRow(5, 'Foxtrot Trading LLC', '2025-03-01') + cslRow(6, 'Golf Trading LLC', '2025-03-11')), '2025-03-11'));
    expect(c).toMatchObject({ delisted: 1 });
    expect((await listSummaries(store))[0]).toMatchObject({ entries: 4, active: 3, delisted: 1 });
    await agree(store);
    await store.close();
  });

  it('a 1260H End date on the latest list date is a removal: not current, and no alert that day', async () => {
    const store = await openStore(':memory:');
    const text = HEADER + 'Hotel Co,Hotel Co,,,,,2024-01-31,2025-03-10,\nIndia Co,India Co,,,,,2024-01-31,,\n';
    const [r] = await importParsedLists(store, parse(write('sanctions.csv', text), '2025-03-10'));
    expect(r).toMatchObject({ entries: 2 });
    expect((await listSummaries(store))[0]).toMatchObject({ entries: 2, active: 1, delisted: 1 });
    expect(alertsOn(await loadListEntries(store), 'Hotel Co', ['2025-03-09', '2025-03-10', '2025-03-11'])).toEqual([true, false, false]);
    await agree(store);
    await store.close();
  });

  it('an entry with its own last-day periods that a later edition drops reads every end one way', async () => {
    const store = await openStore(':memory:');
    const x = cslRow(7, 'Juliett Trading LLC', '2023-01-01', '2023-06-30') + cslRow(7, 'Juliett Trading LLC', '2024-01-01');
    await importParsedLists(store, parse(write('csl-x1.csv', CSL_HEADER + x + cslRow(8, 'Kilo Trading LLC', '2020-01-01')), '2024-06-01'));
    await importParsedLists(store, parse(write('csl-x2.csv', CSL_HEADER + cslRow(8, 'Kilo Trading LLC', '2020-01-01')), '2025-01-01'));
    const entries = await loadListEntries(store);
    expect(entries.find((e) => e.name === 'Juliett Trading LLC')).toMatchObject({ listedUntil: '2025-01-01', untilExclusive: true });
    // the list's own end 2023-06-30 is still its last day listed; the import-derived end 2025-01-01 is the removal
    expect(alertsOn(entries, 'Juliett Trading LLC', ['2023-06-30', '2023-07-01', '2024-12-31', '2025-01-01'])).toEqual([true, false, true, false]);
    await agree(store);
    await store.close();
  });
});

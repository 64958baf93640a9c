import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { END_DATE_READING, IMPORT_DERIVED_END, endedBy, lastDayListed } from './end-dates.js';
import { listedOn } from './entry.js';
import { parseListFile } from './parse.js';
import { isSkipped, LIST_IDS } from './types.js';
import { designationsFrom, isAlert, screen } from '../screen.js';
import { ParentGraph } from '../propagate.js';
import type { ListEntry } from '../types.js';
import type { CivilDate } from '../../time/civil-date.js';

const root = mkdtempSync(join(tmpdir(), 'dc-end-dates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file lists one party from 2024-01-10 to the end date 2025-03-10. */
const END = '2025-03-10';
const FILES: Readonly<Record<string, { file: string; text: string; name: string }>> = {
  'dod.1260h': {
    file: 'sanctions.csv',
    name: 'Example Removal Microsystems Co., Ltd.',
    text: `Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n"Example Removal Microsystems Co., Ltd.","Example Removal Microsystems Co., Ltd.",,,,,2024-01-10,${END},\n`,
  },
  'trade.csl': {
    file: 'csl.csv',
    name: 'Example Denial Trading LLC',
    text:
      'source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n' +
      `Denied Persons List (DPL) - Bureau of Industry and Security,,Entity,,Example Denial Trading LLC,,,,2024-01-10,${END},,,,,,,,,,TDO RENEWAL,,,,,,,,\n`,
  },
  'cn.countersanctions': {
    file: 'sanctions.csv',
    name: 'Example Countermeasure Bank AB',
    text: 'Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address\nCompany,,Example Countermeasure Bank AB,,,LT,sanction.counter,,,MOFCOM,List of Targets of Countermeasures,10.01.2024,10.03.2025,,\n',
  },
  'bis.mieu': {
    file: 'mieu.csv',
    name: 'Example Intelligence Directorate',
    text: `Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\nOrganization,Example Intelligence Directorate,,CU,export.control,US-BIS-MIEU,2024-01-10,${END},\n`,
  },
  opensanctions: {
    file: 'entities.ftm.json',
    name: 'Example Sanctioned Shipping Ltd',
    text:
      JSON.stringify({ id: 'ex-co', schema: 'Company', caption: 'Example Sanctioned Shipping Ltd', properties: { name: ['Example Sanctioned Shipping Ltd'] }, datasets: ['x'], target: true }) +
      '\n' +
      JSON.stringify({ id: 'ex-san', schema: 'Sanction', properties: { entity: ['ex-co'], program: ['EX'], startDate: ['2024-01-10'], endDate: [END] }, datasets: ['x'] }) +
      '\n',
  },
};

function parsed(list: string): ListEntry[] {
  const { file, text } = FILES[list]!;
  const dir = mkdtempSync(join(root, `${list}-`));
  const path = join(dir, file);
  writeFileSync(path, text);
  const p = parseListFile(path, { sourcesMd: false });
  if (isSkipped(p)) throw new Error(`${list}: ${p.skipped}`);
  expect(p.list).toBe(list);
  return [...p.entries];
}

/** The alert state of the party as of the day before, the end date and the day after. */
function aroundEnd(list: string): boolean[] {
  const entries = parsed(list);
  return ['2025-03-09', END, '2025-03-11'].map((d) => screen([FILES[list]!.name], entries, { asOf: d as CivilDate, all: true })[0]!.matches.some(isAlert));
}

describe('end dates, per source (the day before, the end date, the day after)', () => {
  it('1260H End date is the date of the edition or notice that removed the entry: not listed on it (COLUMNS.md)', () => {
    expect(aroundEnd('dod.1260h')).toEqual([true, false, false]);
    const [e] = parsed('dod.1260h');
    expect(e).toMatchObject({ listedUntil: END, untilExclusive: true });
    // the start is the date of the edition that added it: listed from that day
    expect([listedOn(e!, '2024-01-09'), listedOn(e!, '2024-01-10')]).toEqual([false, true]);
  });

  it.each([['trade.csl'], ['cn.countersanctions'], ['bis.mieu'], ['opensanctions']])(
    '%s: no note settles the end date, so the party still alerts on it (conservative reading)',
    (list) => {
      expect(aroundEnd(list)).toEqual([true, true, false]);
      expect(parsed(list)[0]!.untilExclusive).toBeUndefined();
    },
  );

  it('the --all mark and the written designation say the same: a removal date is written as the last day listed', () => {
    const entries = parsed('dod.1260h');
    const name = FILES['dod.1260h']!.name;
    const on = screen([name], entries, { asOf: END as CivilDate, all: true })[0]!.matches[0]!;
    expect(on).toMatchObject({ notInForce: true, listedUntil: END, untilExclusive: true });
    // the inventory reads listedUntil as the last day listed (src/facts/designations.ts): the day before the removal
    expect(designationsFrom(screen([name], entries, { asOf: '2025-03-09' as CivilDate }))).toMatchObject([{ list: 'dod.1260h', listedUntil: '2025-03-09' }]);
    const csl = parsed('trade.csl');
    expect(designationsFrom(screen([FILES['trade.csl']!.name], csl, { asOf: END as CivilDate }))).toMatchObject([{ list: 'trade.csl', listedUntil: END }]);
  });

  it('periods of a party taken off and listed again read the same way as the window', () => {
    const base = { list: 'test', programs: [], type: 'company' as const, aliases: [], countries: [], source: { file: 't' } };
    const periods = [{ from: '2024-01-10', until: END }, { from: '2025-06-01' }];
    const removal: ListEntry = { ...base, entityId: 'test:r', name: 'R', listedFrom: '2024-01-10', periods, untilExclusive: true };
    const lastDay: ListEntry = { ...base, entityId: 'test:l', name: 'L', listedFrom: '2024-01-10', periods };
    const days = ['2025-03-09', END, '2025-03-11', '2025-05-31', '2025-06-01'];
    expect(days.map((d) => listedOn(removal, d))).toEqual([true, false, false, false, true]);
    expect(days.map((d) => listedOn(lastDay, d))).toEqual([true, true, false, false, true]);
  });
});

describe('inherited parent listings end on the same day as the parent\'s own alert', () => {
  const entry = (over: Partial<ListEntry> & Pick<ListEntry, 'entityId' | 'name'>): ListEntry => ({
    list: 'fcc.covered',
    programs: [],
    type: 'company',
    aliases: [],
    countries: [],
    source: { file: 't.csv' },
    ...over,
  });
  const inherited = (parent: Partial<ListEntry>) => {
    const g = new ParentGraph([
      entry({ entityId: 'fcc.covered:s', name: 'Sub One LLC', parents: ['Parent One Corp'] }),
      entry({ entityId: 'fcc.covered:p', name: 'Parent One Corp', listedFrom: '2022-01-01', listedUntil: '2024-01-01', ...parent }),
    ]);
    return ['2023-12-31', '2024-01-01', '2024-01-02'].map((d) => g.explain('fcc.covered:s', d as CivilDate).inherited.length);
  };

  it('a removal date passes nothing on that day; a last day listed still does', () => {
    expect(inherited({ untilExclusive: true })).toEqual([1, 0, 0]);
    expect(inherited({})).toEqual([1, 1, 0]);
  });
});

describe('the parameters', () => {
  it('name a reading for every list, and say which are settled by a note', () => {
    expect(Object.keys(END_DATE_READING).sort()).toEqual([...LIST_IDS].sort());
    expect(Object.entries(END_DATE_READING).filter(([, r]) => r.reading === 'removal-date').map(([l]) => l)).toEqual(['dod.1260h']);
    // an unsettled reading is always the conservative one (alert on the boundary day)
    for (const r of Object.values(END_DATE_READING)) if (!r.settled) expect(r.reading).toBe('last-day-listed');
    expect(IMPORT_DERIVED_END).toBe('removal-date');
  });

  it('endedBy and lastDayListed agree: the last day listed is the last day not ended', () => {
    for (const ex of [true, false]) {
      const last = lastDayListed(END, ex);
      expect(endedBy(END, ex, last)).toBe(false);
      expect(endedBy(END, ex, last === END ? '2025-03-11' : END)).toBe(true);
    }
    expect(lastDayListed('2025-03-01', true)).toBe('2025-02-28');
  });
});

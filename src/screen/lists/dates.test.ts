/**
 * Dates written with slashes (03/04/2021): read month-first only in the list whose publisher
 * writes them so (the trade.gov CSL); in every other list, read only when one order alone gives
 * a real day, and refused at its file, line and field when both orders do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../common/errors.js';
import { sharedPath } from '../../testing/shared.js';
import { listDateProblem, parseListDate } from './dates.js';
import { parseListFile } from './parse.js';
import type { ParsedList } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'dc-list-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function write(name: string, text: string): string {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, text);
  return path;
}

function parsed(name: string, text: string): ParsedList {
  const o = parseListFile(write(name, text), { sourcesMd: false });
  if ('skipped' in o) throw new Error(`skipped: ${o.skipped}`);
  return o;
}

function problem(name: string, text: string): InputProblem {
  const path = write(name, text);
  try {
    parseListFile(path, { sourcesMd: false });
  } catch (e) {
    if (e instanceof InputError) return { ...e.problems[0]!, file: e.problems[0]!.file === path ? name : e.problems[0]!.file };
    throw e;
  }
  throw new Error('expected an InputError');
}

const AMBIGUOUS = /^"03\/04\/2021" could be 3 April 2021 or 4 March 2021: .* write it as YYYY-MM-DD$/;

describe('dates with slashes, by list', () => {
  it('month-first where the publisher writes them so; else read only when one order alone is a real day', () => {
    expect(parseListDate('03/04/2021', 'month-first')).toBe('2021-03-04');
    expect(parseListDate('10/20/2017', 'month-first')).toBe('2017-10-20');
    expect(parseListDate('20/10/2017', 'month-first')).toBeUndefined();
    expect(parseListDate('03/04/2021', 'undocumented')).toBeUndefined();
    expect(parseListDate('16/03/2021', 'undocumented')).toBe('2021-03-16');
    expect(parseListDate('03/16/2021', 'undocumented')).toBe('2021-03-16');
    expect(parseListDate('04/04/2021', 'undocumented')).toBe('2021-04-04');
    expect(parseListDate('31/02/2021', 'undocumented')).toBeUndefined();
    // the other spellings do not depend on it
    for (const slashes of ['month-first', 'undocumented'] as const) {
      expect(['2021-06-03', '02.12.2019', 'March 12, 2021', '03 Jun 2021'].map((d) => parseListDate(d, slashes))).toEqual(['2021-06-03', '2019-12-02', '2021-03-12', '2021-06-03']);
    }
  });

  it('says why a date is refused: ambiguous, or not a date', () => {
    expect(listDateProblem('03/04/2021', 'undocumented')).toMatch(AMBIGUOUS);
    expect(listDateProblem('31/02/2021', 'undocumented')).toBe('not a date: "31/02/2021"');
    expect(listDateProblem('20/10/2017', 'month-first')).toBe('not a date: "20/10/2017" (this list writes dates with slashes month first: MM/DD/YYYY)');
    expect(listDateProblem('yesterday', 'undocumented')).toBe('not a date: "yesterday"');
  });

  const MIEU = 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n';
  const CN = 'Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address\n';
  const DOD = 'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n';
  const FCC = 'covered_equipment_or_services,date_of_inclusion_on_covered_list\n';
  const CSL =
    'source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url\n';

  it('an ambiguous slash date in a list that does not document their order is refused at file, line:column and field', () => {
    expect(problem('mieu.csv', `${MIEU}Organization,Acme Org,,CN,,US-BIS-MIEU,03/04/2021,,\n`)).toMatchObject({ file: 'mieu.csv', line: 2, column: 40, path: 'Date', message: expect.stringMatching(AMBIGUOUS) });
    expect(problem('cn.csv', `${CN}Company,,Acme,,,US,,,,,UEL,03/04/2021,,,\n`)).toMatchObject({ file: 'cn.csv', line: 2, column: 28, path: 'Date', message: expect.stringMatching(AMBIGUOUS) });
    expect(problem('dod.csv', `${DOD}Acme Co,Acme Co,,,,,2021-01-01,03/04/2021,\n`)).toMatchObject({ file: 'dod.csv', line: 2, path: 'End date', message: expect.stringMatching(AMBIGUOUS) });
    expect(problem('fcc.csv', `${FCC}"Equipment produced by Acme Company",03/04/2021\n`)).toMatchObject({ file: 'fcc.csv', line: 2, path: 'date_of_inclusion_on_covered_list', message: expect.stringMatching(AMBIGUOUS) });
  });

  it('one that only one order makes a day is read; the CSL reads month first', () => {
    expect(parsed('mieu.csv', `${MIEU}Organization,Acme Org,,CN,,US-BIS-MIEU,16/03/2021,,\n`).entries[0]?.listedFrom).toBe('2021-03-16');
    expect(parsed('csl.csv', `${CSL}Entity List (EL) - Bureau of Industry and Security,,Entity,,Acme Co,,,,03/04/2021,,,,,,,,,,,,,,,,,,\n`).entries[0]?.listedFrom).toBe('2021-03-04');
    const json = JSON.stringify({ results: [{ source: 'Entity List (EL) - Bureau of Industry and Security', name: 'Acme Co', start_date: '03/04/2021' }] });
    expect(parsed('csl.json', json).entries[0]?.listedFrom).toBe('2021-03-04');
  });

  it('the real list files read as before', () => {
    const cn = parsed('cn.csv', readFileSync(sharedPath('data', 'lists', 'cn_countersanctions', 'sanctions.csv'), 'utf8'));
    expect(cn.entries.length).toBeGreaterThan(400);
  });
});

describe('FollowTheMoney dates', () => {
  const party = '{"id":"p1","schema":"Company","properties":{"name":["Acme"]}}';
  const sanction = (props: string) => `{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],${props}}}`;

  it('are ISO 8601 (FtM\'s own format): a slash date or other text is refused at its line and property', () => {
    expect(problem('a.ftm.json', `${party}\n${sanction('"startDate":["03/04/2021"]')}\n`)).toMatchObject({ file: 'a.ftm.json', line: 2, path: 'properties.startDate[0]', message: expect.stringMatching(/^not an ISO 8601 date .*: "03\/04\/2021"$/) });
    expect(problem('b.ftm.json', `${party}\n${sanction('"startDate":["2021-03-04"],"endDate":["2021-04-01","31/12/2021"]')}\n`)).toMatchObject({ line: 2, path: 'properties.endDate[1]' });
    expect(problem('c.ftm.json', `${party}\n${sanction('"endDate":["soon"]')}\n`)).toMatchObject({ line: 2, path: 'properties.endDate[0]' });
    expect(problem('d.ftm.json', `{"id":"p1","schema":"Company","properties":{"name":["Acme"],"createdAt":["2021-02-30"]}}\n`)).toMatchObject({ line: 1, path: 'properties.createdAt[0]' });
    expect(problem('e.ftm.json', `${party}\n{"id":"p2","schema":"Person","properties":{"name":["Bo"]},"last_seen":"06/01/2024"}\n`)).toMatchObject({ line: 2, path: 'last_seen' });
  });

  it('a date-time, and a year or a month alone (no day to date the listing from), are taken', () => {
    const ok = parsed('ok.ftm.json', `${party}\n${sanction('"startDate":["2021","2021-03-04T10:00:00"],"endDate":["2022-05"]')}\n`);
    expect(ok.entries[0]).toMatchObject({ listedFrom: '2021-03-04' });
  });
});

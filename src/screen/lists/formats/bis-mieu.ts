/**
 * BIS military-intelligence end users (15 CFR 744.22) in the OpenSanctions curated CSV shape:
 * `Type, Name, Alias, Country, Topics, Program, Date, End date, Source URL`.
 */
import { maxDate } from '../dates.js';
import { toCountryCode } from '../countries.js';
import { EntryCollector, type EntryType } from '../entry.js';
import { cleanText, isShortAcronym, nonEmpty, slug, splitCell } from '../names.js';
import { endBeforeStart, fieldError, readTable } from '../table.js';
import type { FormatResult } from '../types.js';
import { dateField } from './dod-1260h.js';

export const BIS_MIEU_COLUMNS = ['type', 'name', 'alias', 'country', 'program', 'date'] as const;

export function partyType(raw: string): EntryType {
  const t = raw.trim().toLowerCase();
  if (t === 'person' || t === 'individual') return 'person';
  if (t === 'company' || t === 'organization' || t === 'organisation' || t === 'entity' || t === 'legalentity' || t === 'publicbody') return 'company';
  if (t === 'vessel') return 'vessel';
  if (t === 'aircraft' || t === 'airplane') return 'aircraft';
  return 'unknown';
}

export function parseBisMieu(text: string, file: string, delimiter = ','): FormatResult {
  const table = readTable(text, file, delimiter);
  const out = new EntryCollector('bis.mieu', file);
  const dates: string[] = [];
  for (const row of table.rows) {
    const name = nonEmpty(row.get('Name'));
    if (!name) throw fieldError(file, row, 'Name', 'the row has no name');
    const from = dateField(file, row, 'Date', false);
    const until = dateField(file, row, 'End date', false);
    const swapped = endBeforeStart(file, row, 'End date', from, until, 'Date');
    if (swapped) throw swapped;
    if (from) dates.push(from);
    if (until) dates.push(until);
    const alias = splitCell(row.get('Alias'), /;/);
    out.add({
      id: slug(name),
      type: partyType(row.get('Type')),
      name,
      aliases: alias.filter((a) => !isShortAcronym(a)),
      weakAliases: alias.filter(isShortAcronym),
      programs: splitCell(row.get('Program'), /;/),
      countries: splitCell(row.get('Country'), /;/).map(toCountryCode),
      ...(from ? { listedFrom: from } : {}),
      ...(until ? { listedUntil: until } : {}),
      ...(nonEmpty(row.get('Source URL')) ? { url: cleanText(row.get('Source URL')) } : {}),
    });
  }
  const latest = maxDate(dates);
  return { list: 'bis.mieu', entries: out.entries(), rows: table.rows.length, ...(latest ? { latestEntryDate: latest } : {}), notes: [] };
}

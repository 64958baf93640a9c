/**
 * DoD 1260H list as transcribed by OpenSanctions (`Name, Clean Name, Alias, Previous Name,
 * Parent Name, Note, Start date, End date, Source Url`): one row per listing period, so a
 * company listed in several editions has several rows, merged here into one entry keyed on
 * `Clean Name`. `Alias` cells may hold several values separated by commas; a short
 * all-capitals alias (CATL, SMIC) is a weak alias, as the transcription's COLUMNS.md says.
 */
import { listDateProblem, parseListDate, maxDate } from '../dates.js';
import { EntryCollector } from '../entry.js';
import { cleanText, isShortAcronym, nonEmpty, slug, splitCell } from '../names.js';
import { endBeforeStart, fieldError, readTable, type TableRow } from '../table.js';
import type { FormatResult } from '../types.js';

export const DOD_1260H_COLUMNS = ['name', 'clean name', 'alias', 'previous name', 'parent name', 'start date'] as const;

/** The program name used for every 1260H entry. */
export const PROGRAM_1260H = '1260H';

export function dateField(file: string, row: TableRow, column: string, required: boolean): string | undefined {
  const raw = row.get(column).trim();
  if (raw === '') {
    if (required) throw fieldError(file, row, column, 'a date is required');
    return undefined;
  }
  // OpenSanctions' CSVs write ISO dates (1260H, BIS), or dotted day first (PRC lists): the
  // order of a date with slashes is not documented for any of them.
  const d = parseListDate(raw, 'undocumented');
  if (!d) throw fieldError(file, row, column, listDateProblem(raw, 'undocumented'));
  return d;
}

export function parseDod1260h(text: string, file: string, delimiter = ','): FormatResult {
  const table = readTable(text, file, delimiter);
  const out = new EntryCollector('dod.1260h', file);
  const dates: string[] = [];
  for (const row of table.rows) {
    const name = nonEmpty(row.get('Clean Name')) ?? nonEmpty(row.get('Name')?.replace(/\s*\([^)]*\)\s*\*?$/, ''));
    if (!name) throw fieldError(file, row, 'Clean Name', 'the row has no name');
    const from = dateField(file, row, 'Start date', false);
    const until = dateField(file, row, 'End date', false);
    const swapped = endBeforeStart(file, row, 'End date', from, until, 'Start date');
    if (swapped) throw swapped;
    if (from) dates.push(from);
    if (until) dates.push(until);
    const alias = [...splitCell(row.get('Alias'), /;|,(?=\S)/), ...splitCell(row.get('Previous Name'), /;/)];
    out.add({
      id: slug(name),
      type: 'company',
      name,
      aliases: alias.filter((a) => !isShortAcronym(a)),
      weakAliases: alias.filter(isShortAcronym),
      programs: [PROGRAM_1260H],
      parents: [nonEmpty(row.get('Parent Name'))],
      ...(from ? { listedFrom: from } : {}),
      ...(until ? { listedUntil: until } : {}),
      ...(nonEmpty(row.get('Source Url')) ? { url: cleanText(row.get('Source Url')) } : {}),
      ...(nonEmpty(row.get('Note')) ? { note: cleanText(row.get('Note')) } : {}),
    });
  }
  const latest = maxDate(dates);
  return { list: 'dod.1260h', entries: out.entries(), rows: table.rows.length, ...(latest ? { latestEntryDate: latest } : {}), notes: [] };
}

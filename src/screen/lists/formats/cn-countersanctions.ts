/**
 * PRC counter-sanctions, unreliable-entity and export-control lists as transcribed by
 * OpenSanctions: `Type, QID, Name, Alias, Chinese name, Country, Topics, Summary, Chinese
 * summary, Body, List, Date, End date, Source URL, Address`. Dates are `DD.MM.YYYY` or
 * `DD.MM.YY`. The Chinese name is kept as an alias: it is the name the PRC announcement
 * prints. A party on several announcements (rows) becomes one entry keyed on its Wikidata
 * QID, or on its name when it has none.
 */
import { maxDate } from '../dates.js';
import { toCountryCode } from '../countries.js';
import { EntryCollector } from '../entry.js';
import { cleanText, isShortAcronym, nonEmpty, slug, splitCell } from '../names.js';
import { endBeforeStart, fieldError, readTable } from '../table.js';
import type { FormatResult } from '../types.js';
import { dateField } from './dod-1260h.js';
import { partyType } from './bis-mieu.js';

export const CN_COUNTERSANCTIONS_COLUMNS = ['name', 'chinese name', 'body', 'list', 'date'] as const;

export function parseCnCountersanctions(text: string, file: string, delimiter = ','): FormatResult {
  const table = readTable(text, file, delimiter);
  const out = new EntryCollector('cn.countersanctions', file);
  const dates: string[] = [];
  for (const row of table.rows) {
    const chinese = splitCell(row.get('Chinese name'), /;/);
    const name = nonEmpty(row.get('Name')) ?? chinese[0];
    if (!name) throw fieldError(file, row, 'Name', 'the row has neither a name nor a Chinese name');
    const from = dateField(file, row, 'Date', false);
    const until = dateField(file, row, 'End date', false);
    const swapped = endBeforeStart(file, row, 'End date', from, until, 'Date');
    if (swapped) throw swapped;
    if (from) dates.push(from);
    if (until) dates.push(until);
    const qid = nonEmpty(row.get('QID'));
    const alias = splitCell(row.get('Alias'), /;/);
    out.add({
      id: qid && /^Q\d+$/.test(qid) ? qid : slug(name),
      type: partyType(row.get('Type')),
      name,
      aliases: [...chinese, ...alias.filter((a) => !isShortAcronym(a))],
      weakAliases: alias.filter(isShortAcronym),
      programs: [nonEmpty(row.get('List')) ?? nonEmpty(row.get('Body')) ?? nonEmpty(row.get('Topics'))],
      countries: splitCell(row.get('Country'), /;/).map(toCountryCode),
      ...(from ? { listedFrom: from } : {}),
      ...(until ? { listedUntil: until } : {}),
      ...(nonEmpty(row.get('Source URL')) ? { url: cleanText(row.get('Source URL')) } : {}),
    });
  }
  const latest = maxDate(dates);
  return {
    list: 'cn.countersanctions',
    entries: out.entries(),
    rows: table.rows.length,
    ...(latest ? { latestEntryDate: latest } : {}),
    notes: [],
  };
}

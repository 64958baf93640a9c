/**
 * FCC Covered List, two transcriptions:
 *
 * - the page table (`covered_equipment_or_services, date_of_inclusion_on_covered_list`):
 *   entity names sit inside the covered-equipment sentence ("… produced by Huawei Technologies
 *   Company, including …"); rows that name a category instead ("Routers produced in a foreign
 *   country") are returned as categories, not entries. The date cell may carry later
 *   "Updated:" dates run together ("December 22, 2025Updated:January 7, 2026").
 * - the 2022 entity table (`;`-separated, with `Entity Name` and `Subsidiary Names`).
 *
 * A subsidiary the list names becomes its own entry with the named entity as its parent: the
 * list covers it by name.
 */
import { listDateProblem, maxDate, parseListDate } from '../dates.js';
import { EntryCollector } from '../entry.js';
import { cleanText, nonEmpty, slug, splitCell } from '../names.js';
import { fccNamedEntities } from '../parents.js';
import { fieldError, readTable, type TableRow } from '../table.js';
import type { FormatResult, ListCategory } from '../types.js';

export const FCC_TABLE_COLUMNS = ['covered_equipment_or_services', 'date_of_inclusion_on_covered_list'] as const;
export const FCC_ENTITIES_COLUMNS = ['covered equipment or services', 'date of inclusion on covered list', 'entity name'] as const;

export const PROGRAM_FCC = 'Covered List';

function inclusionDates(file: string, row: TableRow, column: string): { from: string; updated: string[] } {
  const raw = cleanText(row.get(column));
  if (raw === '') throw fieldError(file, row, column, 'a date of inclusion is required');
  const parts = raw.split(/\s*Updated:\s*/i).filter((p) => p !== '');
  // The FCC page spells its dates out (March 12, 2021); no order is documented for slashes.
  const dates = parts.map((p) => parseListDate(p, 'undocumented'));
  const bad = dates.findIndex((d) => d === undefined);
  if (bad >= 0 || dates.length === 0) throw fieldError(file, row, column, listDateProblem(parts[bad] ?? raw, 'undocumented'));
  const [from, ...updated] = dates as string[];
  return { from: from!, updated };
}

export function parseFccTable(text: string, file: string, delimiter = ','): FormatResult {
  const table = readTable(text, file, delimiter);
  const out = new EntryCollector('fcc.covered', file);
  const categories: ListCategory[] = [];
  const dates: string[] = [];
  for (const row of table.rows) {
    const scope = cleanText(row.get('covered_equipment_or_services'));
    if (scope === '') throw fieldError(file, row, 'covered_equipment_or_services', 'the row is empty');
    const { from, updated } = inclusionDates(file, row, 'date_of_inclusion_on_covered_list');
    dates.push(from, ...updated);
    const named = fccNamedEntities(scope);
    if (!named) {
      categories.push({ list: 'fcc.covered', text: scope, listedFrom: from, ...(updated.length ? { updated } : {}) });
      continue;
    }
    addWithSubsidiaries(out, named.name, named.subsidiaries, from, scope);
  }
  const latest = maxDate(dates);
  return {
    list: 'fcc.covered',
    entries: out.entries(),
    rows: table.rows.length,
    ...(latest ? { latestEntryDate: latest } : {}),
    notes: categories.length ? [`${categories.length} row(s) name product categories, not parties (kept as categories)`] : [],
    categories,
  };
}

export function parseFccEntities(text: string, file: string, delimiter: string): FormatResult {
  const table = readTable(text, file, delimiter);
  const out = new EntryCollector('fcc.covered', file);
  const dates: string[] = [];
  for (const row of table.rows) {
    const name = nonEmpty(row.get('Entity Name'));
    if (!name) throw fieldError(file, row, 'Entity Name', 'the row has no entity name');
    const { from, updated } = inclusionDates(file, row, 'Date of Inclusion on Covered List');
    dates.push(from, ...updated);
    addWithSubsidiaries(out, name, splitCell(row.get('Subsidiary Names'), /\s*[;|]\s*/), from, cleanText(row.get('Covered Equipment or Services')));
  }
  const latest = maxDate(dates);
  return { list: 'fcc.covered', entries: out.entries(), rows: table.rows.length, ...(latest ? { latestEntryDate: latest } : {}), notes: [] };
}

function addWithSubsidiaries(out: EntryCollector, name: string, subsidiaries: readonly string[], from: string, scope: string): void {
  const note = scope || undefined;
  out.add({ id: slug(name), type: 'company', name, programs: [PROGRAM_FCC], listedFrom: from, ...(note ? { note } : {}) });
  for (const s of subsidiaries) {
    out.add({ id: slug(s), type: 'company', name: s, programs: [PROGRAM_FCC], parents: [name], listedFrom: from, ...(note ? { note } : {}) });
  }
}

/**
 * trade.gov Consolidated Screening List, CSV and JSON (us-rules.md §4.6).
 *
 * CSV: read by header name (`_id` first in the 2025 format; some versions reorder columns).
 * Multi-valued cells are separated by `;`. JSON: the API / bulk-file shape
 * `{ results: [...], sources_used: [...], search_performed_at }` (or a bare array of results),
 * where `addresses`, `ids`, `alt_names`, `nationalities`, `citizenships` and `programs` are
 * arrays.
 *
 * Ids: `<source abbreviation>-<entity_number>` when the row has an entity number (OFAC
 * sources), else `<source abbreviation>-<slug of the name>` — the same in both formats and
 * across editions, so re-imports and history line up. Names lose the ISN boilerplate
 * "; and any successor, sub-unit, or subsidiary thereof".
 */
import { InputError } from '../../../common/errors.js';
import { listDateProblem, maxDate, parseListDate, type SlashDates } from '../dates.js';
import { toCountryCode } from '../countries.js';
import { EntryCollector, type EntryType } from '../entry.js';
import { cleanText, nonEmpty, slug, splitCell } from '../names.js';
import { linkedToNames } from '../parents.js';
import { endBeforeStart, fieldError, readTable, type TableRow } from '../table.js';
import type { FormatResult } from '../types.js';

export const CSL_COLUMNS = ['source', 'entity_number', 'name', 'alt_names', 'programs'] as const;

const TYPE_MAP: Readonly<Record<string, EntryType>> = {
  entity: 'company',
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** "Entity List (EL) - Bureau of Industry and Security" → { abbr: "el", program: "Entity List (EL)" }. */
export function cslSource(source: string): { abbr: string; program: string } {
  const s = cleanText(source);
  const program = s.replace(/\s+-\s+[^-]*$/, '').trim() || s;
  const m = /\(([A-Za-z0-9-]{2,12})\)/.exec(s);
  const abbr = (m?.[1] ?? slug(program)).toLowerCase();
  return { abbr, program };
}

/** "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof" → the name alone. */
export function stripBoilerplate(name: string): string {
  return name.replace(/[;,]?\s*and any successors?,?\s*sub-units?,?\s*or subsidiar(?:y|ies) thereof\.?\s*$/i, '').trim();
}

interface CslRow {
  readonly source: string;
  readonly entityNumber: string;
  readonly type: string;
  readonly name: string;
  readonly programs: readonly string[];
  readonly altNames: readonly string[];
  readonly countries: readonly (string | undefined)[];
  readonly startDate?: string;
  readonly endDate?: string;
  readonly remarks: string;
  readonly url?: string;
}

/** Treasury (OFAC) sources of the CSL, by abbreviation → the OFAC list that holds the same entry. */
const OFAC_SOURCES: Readonly<Record<string, string>> = {
  sdn: 'ofac.sdn',
  fse: 'ofac.cons',
  ssi: 'ofac.cons',
  plc: 'ofac.cons',
  cap: 'ofac.cons',
  mbs: 'ofac.cons',
  'ns-mbs': 'ofac.cons',
  cmic: 'ofac.cons',
};

function addRow(out: EntryCollector, row: CslRow): void {
  const { abbr, program } = cslSource(row.source);
  const name = stripBoilerplate(row.name);
  const ofac = OFAC_SOURCES[abbr];
  out.add({
    ...(ofac && /^\d+$/.test(row.entityNumber) ? { sameAs: [`${ofac}:${row.entityNumber}`] } : {}),
    id: row.entityNumber ? `${abbr}-${row.entityNumber}` : `${abbr}-${slug(name)}`,
    type: TYPE_MAP[row.type.trim().toLowerCase()] ?? 'unknown',
    name,
    aliases: row.altNames.map((a) => stripBoilerplate(a)),
    programs: [program, ...row.programs],
    countries: row.countries,
    parents: linkedToNames(row.remarks),
    ...(row.startDate ? { listedFrom: row.startDate } : {}),
    ...(row.endDate ? { listedUntil: row.endDate } : {}),
    ...(row.url ? { url: row.url } : {}),
  });
}

/** The country code at the end of a CSL address ("…, Xian, China, CN"). */
function addressCountry(address: string): string | undefined {
  const last = address.split(',').pop()?.trim() ?? '';
  return toCountryCode(last);
}

/**
 * How the CSL writes a date with slashes: month first, as US federal publications do (the
 * samples we hold write ISO dates; the CSL's documentation we hold does not state the order, so
 * this is the US convention, not a documented one: see docs/lists.md "Dates").
 */
export const CSL_SLASHES: SlashDates = 'month-first';

export function parseCslCsv(text: string, file: string, delimiter = ','): FormatResult {
  const table = readTable(text, file, delimiter);
  const out = new EntryCollector('trade.csl', file);
  const dates: string[] = [];
  const date = (row: TableRow, column: string, raw: string): string | undefined => {
    const v = raw.trim();
    if (v === '') return undefined;
    const d = parseListDate(v, CSL_SLASHES);
    if (!d) throw fieldError(file, row, column, listDateProblem(v, CSL_SLASHES));
    return d;
  };
  for (const row of table.rows) {
    const name = nonEmpty(row.get('name'));
    if (!name) throw fieldError(file, row, 'name', 'the row has no name');
    const source = nonEmpty(row.get('source'));
    if (!source) throw fieldError(file, row, 'source', 'the row names no source list');
    const startDate = date(row, 'start_date', row.get('start_date'));
    const endDate = date(row, 'end_date', row.get('end_date'));
    const swapped = endBeforeStart(file, row, 'end_date', startDate, endDate, 'start_date');
    if (swapped) throw swapped;
    if (startDate) dates.push(startDate);
    addRow(out, {
      source,
      entityNumber: nonEmpty(row.get('entity_number')) ?? '',
      type: row.get('type'),
      name,
      programs: splitCell(row.get('programs'), /;/),
      altNames: splitCell(row.get('alt_names'), /;/),
      countries: [
        ...splitCell(row.get('addresses'), /;/).map(addressCountry),
        ...splitCell(row.get('nationalities'), /[;,]/).map(toCountryCode),
        ...splitCell(row.get('citizenships'), /[;,]/).map(toCountryCode),
        toCountryCode(nonEmpty(row.get('vessel_flag'))),
      ],
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
      remarks: row.get('remarks'),
      ...(nonEmpty(row.get('source_information_url') || row.get('source_list_url'))
        ? { url: cleanText(row.get('source_information_url') || row.get('source_list_url')) }
        : {}),
    });
  }
  const latest = maxDate(dates);
  return { list: 'trade.csl', entries: out.entries(), rows: table.rows.length, ...(latest ? { latestEntryDate: latest } : {}), notes: [] };
}

/** Top-level JSON shapes this parser accepts. */
export function looksLikeCslJson(value: unknown): boolean {
  const results = Array.isArray(value) ? value : isObject(value) && Array.isArray(value['results']) ? value['results'] : undefined;
  if (!results) return false;
  if (results.length === 0) return isObject(value) && ('sources_used' in value || 'search_performed_at' in value);
  const first: unknown = results[0];
  return isObject(first) && 'source' in first && 'name' in first;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseCslJson(value: unknown, file: string): FormatResult {
  const results: unknown = Array.isArray(value) ? value : isObject(value) ? value['results'] : undefined;
  if (!Array.isArray(results)) throw new InputError({ file, path: 'results', message: 'expected an array of results' });
  const out = new EntryCollector('trade.csl', file);
  const dates: string[] = [];
  const str = (i: number, o: Record<string, unknown>, k: string): string => {
    const v = o[k];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    throw new InputError({ file, path: `results[${i}].${k}`, message: `expected a string, got ${Array.isArray(v) ? 'an array' : typeof v}` });
  };
  const strings = (i: number, o: Record<string, unknown>, k: string): string[] => {
    const v = o[k];
    if (v === undefined || v === null || v === '') return [];
    if (typeof v === 'string') return splitCell(v, /;/);
    if (!Array.isArray(v)) throw new InputError({ file, path: `results[${i}].${k}`, message: 'expected an array of strings' });
    return v.map((x, j) => {
      if (typeof x !== 'string') throw new InputError({ file, path: `results[${i}].${k}[${j}]`, message: 'expected a string' });
      return cleanText(x);
    });
  };
  const dateOf = (i: number, o: Record<string, unknown>, k: string): string | undefined => {
    const raw = str(i, o, k).trim();
    if (raw === '') return undefined;
    const d = parseListDate(raw, CSL_SLASHES);
    if (!d) throw new InputError({ file, path: `results[${i}].${k}`, message: listDateProblem(raw, CSL_SLASHES) });
    return d;
  };
  results.forEach((r: unknown, i: number) => {
    if (!isObject(r)) throw new InputError({ file, path: `results[${i}]`, message: 'expected an object' });
    const name = nonEmpty(str(i, r, 'name'));
    if (!name) throw new InputError({ file, path: `results[${i}].name`, message: 'the result has no name' });
    const source = nonEmpty(str(i, r, 'source'));
    if (!source) throw new InputError({ file, path: `results[${i}].source`, message: 'the result names no source list' });
    const addresses = r['addresses'];
    const countries: (string | undefined)[] = [];
    if (Array.isArray(addresses)) {
      addresses.forEach((a: unknown) => {
        if (isObject(a) && typeof a['country'] === 'string') countries.push(toCountryCode(a['country']));
        else if (typeof a === 'string') countries.push(addressCountry(a));
      });
    } else if (typeof addresses === 'string') countries.push(...splitCell(addresses, /;/).map(addressCountry));
    countries.push(...strings(i, r, 'nationalities').map(toCountryCode), ...strings(i, r, 'citizenships').map(toCountryCode));
    countries.push(toCountryCode(nonEmpty(str(i, r, 'vessel_flag'))));
    const startDate = dateOf(i, r, 'start_date');
    const endDate = dateOf(i, r, 'end_date');
    const swapped = endBeforeStart(file, undefined, `results[${i}].end_date`, startDate, endDate, 'start_date');
    if (swapped) throw swapped;
    if (startDate) dates.push(startDate);
    const url = nonEmpty(str(i, r, 'source_information_url')) ?? nonEmpty(str(i, r, 'source_list_url'));
    addRow(out, {
      source,
      entityNumber: nonEmpty(str(i, r, 'entity_number')) ?? '',
      type: str(i, r, 'type'),
      name,
      programs: strings(i, r, 'programs'),
      altNames: strings(i, r, 'alt_names'),
      countries,
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
      remarks: str(i, r, 'remarks'),
      ...(url ? { url } : {}),
    });
  });
  const latest = maxDate(dates);
  const fileDate = isObject(value) ? cslJsonDate(value) : undefined;
  return {
    list: 'trade.csl',
    entries: out.entries(),
    rows: results.length,
    ...(fileDate ? { fileDate } : {}),
    ...(latest ? { latestEntryDate: latest } : {}),
    notes: [],
  };
}

/** The latest `sources_used[].source_last_updated` / `last_imported`, else `search_performed_at`. */
function cslJsonDate(value: Record<string, unknown>): string | undefined {
  const dates: (string | undefined)[] = [];
  const used = value['sources_used'];
  if (Array.isArray(used)) {
    for (const u of used) {
      if (!isObject(u)) continue;
      for (const k of ['source_last_updated', 'last_imported']) {
        const v = u[k];
        if (typeof v === 'string') dates.push(parseListDate(v.slice(0, 10), CSL_SLASHES));
      }
    }
  }
  const best = maxDate(dates);
  if (best) return best;
  const performed = value['search_performed_at'];
  return typeof performed === 'string' ? parseListDate(performed.slice(0, 10), CSL_SLASHES) : undefined;
}

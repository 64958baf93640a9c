/**
 * OFAC's legacy CSV files (no header; `-0-` means empty; a `\x1a` byte ends each file):
 *
 * - primary (`sdn.csv`, `cons_prim.csv`): ent_num, SDN_Name, SDN_Type, Program, Title,
 *   Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
 * - alternate names (`alt.csv`, `cons_alt.csv`): ent_num, alt_num, alt_type (aka/fka/nka), alt_name, remarks;
 * - addresses (`add.csv`, `cons_add.csv`): ent_num, add_num, address, city/state/postal, country, remarks;
 * - comments (`sdn_comments.csv`, `cons_comments.csv`): ent_num, the rest of a remark longer
 *   than the primary file's 1,000 characters.
 *
 * From the remarks: weak a.k.a.s (`a.k.a. 'BNC'` — OFAC prints weak aliases in the remarks),
 * "Linked To:" parents, "Listing Date (…)" and nationality / citizenship.
 */
import { InputError } from '../../../common/errors.js';
import { fieldStart, parseCsv, type CsvRecord } from '../csv.js';
import { parseListDate, maxDate, minDate } from '../dates.js';
import { toCountryCode } from '../countries.js';
import { EntryCollector, type EntryType } from '../entry.js';
import { nonEmpty, pushUnique } from '../names.js';
import { linkedToNames } from '../parents.js';
import type { FormatResult, ListId } from '../types.js';

export type OfacFileKind = 'primary' | 'alt' | 'add' | 'comments';

const FIELD_COUNT: Readonly<Record<OfacFileKind, number>> = { primary: 12, alt: 5, add: 6, comments: 2 };
const PRIMARY_TYPES = new Set(['-0-', 'individual', 'vessel', 'aircraft']);

/** What kind of OFAC legacy file a first record looks like, if any. */
export function ofacShape(fields: readonly string[]): OfacFileKind | undefined {
  const isInt = (s: string | undefined) => s !== undefined && /^\s*\d+\s*$/.test(s);
  if (!isInt(fields[0])) return undefined;
  if (fields.length === 12 && PRIMARY_TYPES.has((fields[2] ?? '').trim().toLowerCase())) return 'primary';
  if (fields.length === 5 && isInt(fields[1]) && /^(aka|fka|nka)$/i.test((fields[2] ?? '').trim())) return 'alt';
  if (fields.length === 6 && isInt(fields[1])) return 'add';
  if (fields.length === 2) return 'comments';
  return undefined;
}

/** The companion file names OFAC publishes beside a primary file. */
export function ofacCompanionNames(primaryBaseName: string): Record<Exclude<OfacFileKind, 'primary'>, string[]> {
  const lower = primaryBaseName.toLowerCase();
  if (lower.startsWith('cons')) {
    return { alt: ['cons_alt.csv'], add: ['cons_add.csv'], comments: ['cons_comments.csv'] };
  }
  return { alt: ['alt.csv'], add: ['add.csv'], comments: ['sdn_comments.csv', 'comments.csv'] };
}

export interface OfacInputFile {
  readonly file: string;
  readonly text: string;
}

export interface OfacInput {
  readonly list: Extract<ListId, 'ofac.sdn' | 'ofac.cons'>;
  readonly primary: OfacInputFile;
  readonly alt?: OfacInputFile;
  readonly add?: OfacInputFile;
  readonly comments?: OfacInputFile;
}

const TYPE_MAP: Readonly<Record<string, EntryType>> = {
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

function records(f: OfacInputFile, kind: OfacFileKind): CsvRecord[] {
  const recs = parseCsv(f.text, { file: f.file });
  const want = FIELD_COUNT[kind];
  for (const r of recs) {
    if (r.fields.length !== want) {
      throw new InputError({
        file: f.file,
        line: r.line,
        column: 1,
        message: `row has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}; an OFAC ${kind === 'primary' ? 'list' : kind} row has ${want} (the file may be truncated)`,
      });
    }
    if (!/^\s*\d+\s*$/.test(r.fields[0]!)) {
      throw new InputError({ file: f.file, ...fieldStart(r, 0), path: 'ent_num', message: `expected an entity number, got "${r.fields[0]!.slice(0, 40)}"` });
    }
  }
  return recs;
}

/** Longest remark text mined for aliases and links (OFAC's own cap is 1,000 + comments). */
const MAX_REMARK = 20_000;

export function parseOfacLegacy(input: OfacInput): FormatResult {
  const notes: string[] = [];
  const primary = records(input.primary, 'primary');
  const extra = new Map<string, string>();
  if (input.comments) {
    for (const r of records(input.comments, 'comments')) {
      const id = r.fields[0]!.trim();
      extra.set(id, (extra.get(id) ?? '') + r.fields[1]!);
    }
  }
  const aliases = new Map<string, string[]>();
  if (input.alt) {
    for (const r of records(input.alt, 'alt')) {
      const id = r.fields[0]!.trim();
      const name = nonEmpty(r.fields[3]);
      if (!name) continue;
      const list = aliases.get(id) ?? [];
      pushUnique(list, name);
      aliases.set(id, list);
    }
  }
  const countries = new Map<string, string[]>();
  if (input.add) {
    for (const r of records(input.add, 'add')) {
      const id = r.fields[0]!.trim();
      const code = toCountryCode(nonEmpty(r.fields[4]));
      if (!code) continue;
      const list = countries.get(id) ?? [];
      pushUnique(list, code);
      countries.set(id, list);
    }
  }

  const out = new EntryCollector(input.list, input.primary.file);
  /** Entity number → the line that holds it: OFAC gives each entry one row. */
  const seen = new Map<string, number>();
  const dates: string[] = [];
  for (const r of primary) {
    const f = r.fields;
    const id = f[0]!.trim();
    const name = nonEmpty(f[1]);
    if (!name) throw new InputError({ file: input.primary.file, ...fieldStart(r, 1), path: 'SDN_Name', message: 'the entry has no name' });
    const before = seen.get(id);
    if (before !== undefined) {
      // Two rows under one number would be merged into one party (the second name an alias of the first).
      throw new InputError({
        file: input.primary.file,
        ...fieldStart(r, 0),
        path: 'ent_num',
        message: `entity number ${id} is already used on line ${before}; an OFAC list gives each entry one row (files joined or edited?)`,
      });
    }
    seen.set(id, r.line);
    const typeRaw = (f[2] ?? '').trim().toLowerCase();
    if (!PRIMARY_TYPES.has(typeRaw)) {
      throw new InputError({
        file: input.primary.file,
        ...fieldStart(r, 2),
        path: 'SDN_Type',
        message: `expected -0-, individual, vessel or aircraft, got "${typeRaw.slice(0, 40)}"`,
      });
    }
    const remarkFull = (nonEmpty(f[11]) ?? '') + (extra.get(id) ?? '');
    const remarks = remarkFull.length > MAX_REMARK ? remarkFull.slice(0, MAX_REMARK) : remarkFull;
    const listed = listingDates(remarks);
    const from = minDate(listed);
    if (from) dates.push(from);
    out.add({
      id,
      type: TYPE_MAP[typeRaw] ?? 'company',
      name,
      aliases: aliases.get(id) ?? [],
      weakAliases: weakAkas(remarks),
      programs: programsOf(f[3]),
      countries: [...(countries.get(id) ?? []), ...remarkCountries(remarks), toCountryCode(nonEmpty(f[9]))],
      parents: linkedToNames(remarks),
      ...(from ? { listedFrom: from } : {}),
    });
  }
  const orphan = (m: Map<string, unknown>) => [...m.keys()].filter((k) => !seen.has(k)).length;
  const orphans = orphan(aliases) + orphan(countries) + orphan(extra);
  if (orphans > 0) notes.push(`${orphans} alias/address/comment row group(s) refer to entity numbers not in ${input.primary.file}`);
  const latest = maxDate(dates);
  return {
    list: input.list,
    entries: out.entries(),
    rows: primary.length,
    ...(latest ? { latestEntryDate: latest } : {}),
    notes,
  };
}

/** "SDGT] [IFSR" → ["SDGT", "IFSR"]. */
export function programsOf(cell: string | undefined): string[] {
  const v = nonEmpty(cell);
  if (!v) return [];
  return v
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter((p) => p !== '');
}

/**
 * Weak aliases OFAC prints in remarks: `a.k.a. 'BNC'`. The quoted name may itself hold
 * apostrophes (`'AL-QA'QA'`, `'LLC 'DSD''`): it ends at the quote that closes the remark
 * (followed by `;`, a final `.` or the end).
 */
export function weakAkas(remarks: string): string[] {
  const out: string[] = [];
  const re = /\b[afn]\.k\.a\.,?\s+'([^;]{1,200}?)'(?=\.?\s*(?:;|$))/g;
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) {
    const v = nonEmpty(m[1]);
    if (v) pushUnique(out, v);
  }
  return out;
}

/** "Listing Date (CMIC) 03 Jun 2021", "Listing Date (EO 14024 Directive 3): 24 Feb 2022". */
export function listingDates(remarks: string): string[] {
  const out: string[] = [];
  const re = /Listing Date \([^)]{0,80}\):?\s*(\d{1,2} [A-Za-z]{3,9} \d{4})/g;
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) {
    const d = parseListDate(m[1], 'undocumented'); // day and month name: no slashes
    if (d) out.push(d);
  }
  return out;
}

/** "nationality Iran", "citizen Korea, North" → country codes. */
export function remarkCountries(remarks: string): string[] {
  const out: string[] = [];
  const re = /\b(?:[Nn]ationality|[Cc]itizen)\s+([^;]{1,60})/g;
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) {
    const code = toCountryCode(m[1]!.replace(/\.$/, '').trim());
    if (code) pushUnique(out, code);
  }
  return out;
}

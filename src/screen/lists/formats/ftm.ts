/**
 * FollowTheMoney entities, one JSON object per line (OpenSanctions bulk exports):
 * `{"id","caption","schema","properties":{prop:[values]},"datasets","first_seen","last_seen","target"}`.
 *
 * Parties (Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane) with
 * `target` not false become entries. Other schemas feed them: `Address` gives countries through
 * `addressEntity`; `Sanction` gives programs and dates; `Ownership` (owner → asset) and
 * `UnknownLink` (subject → object) give parents. The file's date is its latest `last_seen`.
 *
 * Dates are ISO 8601, as FtM writes them (a day, a date-time, or a month or a year alone); a
 * year or a month alone dates nothing here (no day to list from), and any other text is refused
 * at its line and property, a date with slashes too (its order is not FtM's to say).
 */
import { InputError } from '../../../common/errors.js';
import { maxDate, minDate, parseListDate } from '../dates.js';
import type { CivilDate } from '../../../time/civil-date.js';
import { toCountryCode } from '../countries.js';
import { EntryCollector, type EntryType } from '../entry.js';
import { cleanText, pushUnique } from '../names.js';
import { endBeforeStart } from '../table.js';
import type { FormatResult } from '../types.js';

const PARTY_TYPES: Readonly<Record<string, EntryType>> = {
  Person: 'person',
  Organization: 'company',
  Company: 'company',
  LegalEntity: 'company',
  PublicBody: 'company',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly caption?: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly datasets: readonly string[];
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly target?: boolean;
  readonly line: number;
}

/** True when a parsed JSON value has the shape of an FtM entity. */
export function looksLikeFtmEntity(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['schema'] === 'string' && typeof (v as Record<string, unknown>)['properties'] === 'object';
}

/** Properties that hold dates (FtM type `date`) read here. */
const DATE_PROPERTIES: ReadonlySet<string> = new Set(['startDate', 'endDate', 'createdAt']);

/**
 * An FtM date: the day of a date or date-time; undefined for a year or a month alone. Anything
 * else (03/04/2021, 2021-02-30, "soon") is an error at the entity's line and the property.
 */
function ftmDate(text: string, file: string, line: number, path: string): CivilDate | undefined {
  const s = text.trim();
  if (/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(s)) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}(T|$)/.test(s) ? parseListDate(s.slice(0, 10), 'undocumented') : undefined;
  if (d === undefined) {
    const shown = JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s);
    throw new InputError({ file, line, path, message: `not an ISO 8601 date (FollowTheMoney dates are YYYY-MM-DD, a date-time, YYYY-MM or YYYY): ${shown}` });
  }
  return d;
}

function readEntity(value: unknown, file: string, line: number): FtmEntity {
  const fail = (path: string, message: string) => new InputError({ file, line, path, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('', 'expected a JSON object (one entity per line)');
  const o = value as Record<string, unknown>;
  if (typeof o['id'] !== 'string' || o['id'] === '') throw fail('id', 'expected a non-empty string');
  if (typeof o['schema'] !== 'string') throw fail('schema', 'expected a string');
  const props = o['properties'];
  if (typeof props !== 'object' || props === null || Array.isArray(props)) throw fail('properties', 'expected an object');
  const properties: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
    if (!Array.isArray(v)) throw fail(`properties.${k}`, 'expected an array of strings');
    properties[k] = v.map((x, i) => {
      if (typeof x !== 'string') throw fail(`properties.${k}[${i}]`, 'expected a string');
      return x;
    });
    // checked here, where the line is known; read again (by the same rule) where used
    if (DATE_PROPERTIES.has(k)) properties[k]!.forEach((x, i) => ftmDate(x, file, line, `properties.${k}[${i}]`));
  }
  const datasets = Array.isArray(o['datasets']) ? (o['datasets'] as unknown[]).filter((d): d is string => typeof d === 'string') : [];
  const date = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? ftmDate(o[k] as string, file, line, k) : undefined);
  const firstSeen = date('first_seen');
  const lastSeen = date('last_seen');
  return {
    id: o['id'],
    schema: o['schema'],
    ...(typeof o['caption'] === 'string' ? { caption: o['caption'] } : {}),
    properties,
    datasets,
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    ...(typeof o['target'] === 'boolean' ? { target: o['target'] } : {}),
    line,
  };
}

/**
 * A line JSON.parse refused, in JSON's words ("expected ',' or '}' after property value"), at the
 * column V8 gives ("in JSON at position 86"; a message without one, "Unexpected token", gives the
 * line alone). Only a last line with no line break after it may be a file cut short.
 */
function jsonLineProblem(file: string, line: number, indent: number, message: string, last: boolean): InputError {
  const at = /\s+(in|after) JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  let words = at ? message.slice(0, at.index) : message.replace(/, (?:"|\.\.\.).* is not valid JSON$/s, '');
  if (at?.[1] === 'after') words = 'more text after the entity';
  words = `${words.charAt(0).toLowerCase()}${words.slice(1)}`.slice(0, 120);
  const column = at ? { column: indent + Number(at[2]) + 1 } : {};
  return new InputError({ file, line, ...column, message: `not valid JSON: ${words}${last ? '; the file may be truncated' : ' (one entity per line)'}` });
}

export function parseFtm(text: string, file: string): FormatResult {
  const entities: FtmEntity[] = [];
  const byId = new Map<string, FtmEntity>();
  let lineNo = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const whole = text.slice(start, end);
    const raw = whole.trim();
    const indent = whole.length - whole.trimStart().length;
    start = end + 1;
    if (raw === '' || raw === '\x1a') {
      if (end >= text.length) break;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw jsonLineProblem(file, lineNo, indent, e instanceof Error ? e.message : String(e), end >= text.length);
    }
    const ent = readEntity(value, file, lineNo);
    entities.push(ent);
    byId.set(ent.id, ent);
    if (end >= text.length) break;
  }

  const first = (e: FtmEntity | undefined, prop: string) => e?.properties[prop]?.[0];
  const nameOf = (e: FtmEntity | undefined) => (e ? (e.caption ?? first(e, 'name') ?? e.id) : undefined);
  const programs = new Map<string, string[]>();
  const froms = new Map<string, (string | undefined)[]>();
  const untils = new Map<string, { open: boolean; ends: string[] }>();
  const parents = new Map<string, string[]>();
  const addTo = (m: Map<string, string[]>, id: string, v: string | undefined) => {
    if (!v) return;
    const l = m.get(id) ?? [];
    pushUnique(l, cleanText(v));
    m.set(id, l);
  };
  for (const e of entities) {
    if (e.schema === 'Sanction') {
      for (const target of e.properties['entity'] ?? []) {
        for (const p of e.properties['program'] ?? e.properties['authority'] ?? []) addTo(programs, target, p);
        const f = froms.get(target) ?? [];
        const starts = (e.properties['startDate'] ?? []).map((d, i) => ftmDate(d, file, e.line, `properties.startDate[${i}]`));
        f.push(...starts);
        froms.set(target, f);
        const u = untils.get(target) ?? { open: false, ends: [] };
        const ends = (e.properties['endDate'] ?? []).map((d, i) => ftmDate(d, file, e.line, `properties.endDate[${i}]`)).filter((d): d is string => d !== undefined);
        const swapped = endBeforeStart(file, e.line, 'properties.endDate', minDate(starts), maxDate(ends), 'startDate');
        if (swapped) throw swapped;
        if (ends.length === 0) u.open = true;
        else u.ends.push(...ends);
        untils.set(target, u);
      }
    } else if (e.schema === 'Ownership') {
      for (const asset of e.properties['asset'] ?? []) for (const owner of e.properties['owner'] ?? []) addTo(parents, asset, nameOf(byId.get(owner)) ?? owner);
    } else if (e.schema === 'UnknownLink') {
      for (const subject of e.properties['subject'] ?? []) for (const object of e.properties['object'] ?? []) addTo(parents, subject, nameOf(byId.get(object)) ?? object);
    }
  }

  const out = new EntryCollector('opensanctions', file);
  let related = 0;
  for (const e of entities) {
    const type = PARTY_TYPES[e.schema];
    if (type === undefined) continue;
    if (e.target === false) {
      related++;
      continue;
    }
    const names = (e.properties['name'] ?? []).map(cleanText).filter((n) => n !== '');
    const primary = e.caption ? cleanText(e.caption) : names[0];
    if (!primary) throw new InputError({ file, line: e.line, path: 'properties.name', message: 'the entity has no name' });
    const countries: (string | undefined)[] = [];
    for (const k of ['country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry', 'flag']) {
      for (const c of e.properties[k] ?? []) countries.push(toCountryCode(c));
    }
    for (const a of e.properties['addressEntity'] ?? []) for (const c of byId.get(a)?.properties['country'] ?? []) countries.push(toCountryCode(c));
    const sanctionFrom = minDate(froms.get(e.id) ?? []);
    const created = minDate((e.properties['createdAt'] ?? []).map((d, i) => ftmDate(d, file, e.line, `properties.createdAt[${i}]`)));
    const listedFrom = sanctionFrom ?? created ?? e.firstSeen;
    const u = untils.get(e.id);
    const listedUntil = u && !u.open ? maxDate(u.ends) : undefined;
    out.add({
      id: e.id,
      type,
      name: primary,
      aliases: [...names, ...(e.properties['alias'] ?? []), ...(e.properties['previousName'] ?? [])].map(cleanText),
      weakAliases: (e.properties['weakAlias'] ?? []).map(cleanText),
      programs: programs.get(e.id) ?? [...e.datasets],
      countries,
      parents: parents.get(e.id) ?? [],
      ...(listedFrom ? { listedFrom } : {}),
      ...(listedUntil ? { listedUntil } : {}),
    });
  }
  const fileDate = maxDate(entities.map((e) => e.lastSeen));
  return {
    list: 'opensanctions',
    entries: out.entries(),
    rows: entities.length,
    ...(fileDate ? { fileDate } : {}),
    notes: related > 0 ? [`${related} related (non-target) part${related === 1 ? 'y' : 'ies'} not listed as entries`] : [],
  };
}

/**
 * Builds `ListEntry` values. Lists repeat a party on several rows (one per listing period or
 * per program); a {@link EntryCollector} merges rows that share an entity id: names, aliases,
 * programs and countries are unioned, `listedFrom` is the earliest start, and `listedUntil`
 * is set only when every row has ended (the latest end). When the rows' periods leave a gap
 * (delisted, then listed again), the joined periods are kept as `periods`.
 */
import type { ListEntry, ListingPeriod } from '../types.js';
import type { ListId } from './types.js';
import { maxDate, minDate } from './dates.js';
import { endDateReading, endedBy } from './end-dates.js';
import { pushUnique } from './names.js';

export type EntryType = ListEntry['type'];

/** One row's view of a party. */
export interface EntryRow {
  readonly id: string;
  readonly type: EntryType;
  readonly name: string;
  readonly aliases?: readonly (string | undefined)[];
  readonly weakAliases?: readonly (string | undefined)[];
  readonly programs?: readonly (string | undefined)[];
  readonly countries?: readonly (string | undefined)[];
  readonly parents?: readonly (string | undefined)[];
  readonly listedFrom?: string;
  /** End of this row's listing; undefined when the row is current. */
  readonly listedUntil?: string;
  readonly url?: string;
  readonly note?: string;
  readonly sameAs?: readonly string[];
}

interface Draft {
  entityId: string;
  type: EntryType;
  name: string;
  names: string[];
  weak: string[];
  programs: string[];
  countries: string[];
  parents: string[];
  sameAs: string[];
  froms: (string | undefined)[];
  untils: string[];
  /** Each row's period, in row order. */
  spans: { from: string | undefined; until: string | undefined }[];
  open: boolean;
  url?: string;
  note?: string;
}

export class EntryCollector {
  private readonly drafts = new Map<string, Draft>();

  constructor(
    readonly list: ListId,
    readonly file: string,
  ) {}

  get size(): number {
    return this.drafts.size;
  }

  add(row: EntryRow): void {
    const entityId = `${this.list}:${row.id}`;
    let d = this.drafts.get(entityId);
    if (!d) {
      d = {
        entityId,
        type: row.type,
        name: row.name,
        names: [],
        weak: [],
        programs: [],
        countries: [],
        parents: [],
        sameAs: [],
        froms: [],
        untils: [],
        spans: [],
        open: false,
      };
      this.drafts.set(entityId, d);
    } else {
      // A later row of the same party: keep the first name, remember this one as an alias.
      pushUnique(d.names, row.name, d.name);
      if (d.type === 'unknown') d.type = row.type;
    }
    for (const a of row.aliases ?? []) pushUnique(d.names, a, d.name);
    for (const a of row.weakAliases ?? []) pushUnique(d.weak, a, d.name);
    for (const p of row.programs ?? []) pushUnique(d.programs, p);
    for (const c of row.countries ?? []) pushUnique(d.countries, c);
    for (const p of row.parents ?? []) pushUnique(d.parents, p);
    for (const p of row.sameAs ?? []) pushUnique(d.sameAs, p);
    d.froms.push(row.listedFrom);
    d.spans.push({ from: row.listedFrom, until: row.listedUntil });
    if (row.listedUntil === undefined) d.open = true;
    else d.untils.push(row.listedUntil);
    // Provenance of the latest row wins (the current edition's URL and note).
    if (row.url) d.url = row.url;
    if (row.note) d.note = row.note;
  }

  /** The merged entries, in the order their first row appeared. */
  entries(): ListEntry[] {
    const out: ListEntry[] = [];
    // How this list's own end dates read (src/screen/lists/end-dates.ts): removal dates are marked on the entry.
    const removal = endDateReading(this.list) === 'removal-date';
    for (const d of this.drafts.values()) {
      const weak = d.weak.filter((w) => !d.names.includes(w));
      const listedFrom = minDate(d.froms);
      const listedUntil = d.open ? undefined : maxDate(d.untils);
      const periods = joinPeriods(d.spans);
      const entry: ListEntry = {
        entityId: d.entityId,
        list: this.list,
        programs: d.programs,
        type: d.type,
        name: d.name,
        aliases: d.names,
        ...(weak.length > 0 ? { weakAliases: weak } : {}),
        countries: d.countries,
        ...(listedFrom !== undefined ? { listedFrom } : {}),
        ...(listedUntil !== undefined ? { listedUntil } : {}),
        ...(periods.length > 1 ? { periods } : {}),
        ...(removal && d.untils.length > 0 ? { untilExclusive: true as const } : {}),
        ...(d.parents.length > 0 ? { parents: d.parents } : {}),
        ...(d.sameAs.length > 0 ? { sameAs: d.sameAs } : {}),
        ...(d.note !== undefined ? { note: d.note } : {}),
        source: { file: this.file, ...(d.url ? { url: d.url } : {}) },
      };
      out.push(entry);
    }
    return out;
  }
}

/**
 * Row periods joined where they overlap or touch, earliest first. Empty when a row has no
 * start date (the listing window is then only `listedFrom` / `listedUntil`).
 */
function joinPeriods(spans: readonly { from: string | undefined; until: string | undefined }[]): ListingPeriod[] {
  if (spans.length < 2 || spans.some((p) => p.from === undefined)) return [];
  const sorted = [...spans].sort((a, b) => (a.from! < b.from! ? -1 : a.from! > b.from! ? 1 : 0));
  const out: { from: string; until: string | undefined }[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.until === undefined || p.from! <= last.until)) {
      if (last.until !== undefined) last.until = p.until === undefined || p.until > last.until ? p.until : last.until;
      continue;
    }
    out.push({ from: p.from!, until: p.until });
  }
  return out.map((p) => (p.until === undefined ? { from: p.from } : { from: p.from, until: p.until }));
}

/**
 * True when the entry is listed on `date`: inside its window and, when it has several periods,
 * inside one of them. Starts are included; an end is included when it is the last day listed
 * and excluded when it is a removal date (`untilExclusive`, src/screen/lists/end-dates.ts).
 * `screen` (alerts, not-in-force marks, inherited parent listings) and the store's `active`
 * flag both decide with this rule.
 */
export function listedOn(e: ListEntry, date: string): boolean {
  if (e.listedFrom !== undefined && e.listedFrom > date) return false;
  const exclusive = e.untilExclusive;
  if (e.listedUntil !== undefined && endedBy(e.listedUntil, exclusive, date)) return false;
  if (e.periods === undefined) return true;
  for (const p of e.periods) if (p.from <= date && (p.until === undefined || !endedBy(p.until, exclusive, date))) return true;
  return false;
}

/**
 * `screen()`: names in, list matches out — one result per query, in input order, matches best
 * first. The JSON shape (docs/screen.md) is the stable contract of `datacustoms screen`.
 *
 * A match at or above the alert threshold (`screen.alertThreshold`, 0.80 by default) is a hit.
 * With `all`, candidates down to `screen.candidateFloor` are added and marked `belowThreshold`,
 * and listings not in force on `asOf` are added and marked `notInForce`; without it they are left
 * out. Without `asOf`, listing dates are not checked.
 *
 * Each match also carries the parent chain the lists state for the entry (`parents`) and, for
 * alerts screened with `asOf`, the designations it inherits from listed parents under each
 * list's ownership rule (`inherited`, src/screen/propagate.ts).
 */
import type { ListEntry, ListingPeriod } from './types.js';
import { Matcher, type EntryMatch, type MatcherOptions } from './match/matcher.js';
import { PARAMS, matchSettings } from './match/params.js';
import { listedOn } from './lists/entry.js';
import { lastDayListed } from './lists/end-dates.js';
import { at } from '../engine/params.js';
import type { CivilDate } from '../time/civil-date.js';
import { LIST_PARENT_VIA, parentGraph, type InheritedDesignation, type ParentFindings, type ParentGraph, type ParentStep } from './propagate.js';
import { byCodeUnit } from './code-unit-order.js';

export { Matcher } from './match/matcher.js';
export type { InheritedDesignation, ParentStep } from './propagate.js';

export interface ScreenQuery {
  readonly name: string;
  /** ISO 3166-1 alpha-2 country of the screened party. */
  readonly country?: string;
  readonly type?: 'company' | 'person';
}

export interface ScreenOptions {
  /** Alert threshold in (0, 1]; default `screen.alertThreshold`. */
  readonly threshold?: number;
  /** Add candidates below the threshold and listings not in force, marked. */
  readonly all?: boolean;
  /** Listings that ended before (or start after) this date are not alerts. */
  readonly asOf?: CivilDate;
  /** Applies to queries given as plain strings. */
  readonly country?: string;
  readonly type?: 'company' | 'person';
  /** Most matches reported per query (default 20). */
  readonly limit?: number;
}

export interface ScreenMatch {
  readonly entityId: string;
  /** The entry's primary name. */
  readonly name: string;
  /** The listed name or alias that matched (a registered Chinese name from the shipped table when it did). */
  readonly matchedName: string;
  readonly list: string;
  /** The entry's programs, joined with "; " (the list id when the list names none). */
  readonly program: string;
  readonly score: number;
  /** First listing date, or null when the list does not say. */
  readonly listedFrom: string | null;
  /** The end date as the list (or the store's imports) gives it. */
  readonly listedUntil?: string;
  /** `listedUntil` is a removal date: the listing is not in force on that day (src/screen/lists/end-dates.ts). */
  readonly untilExclusive?: true;
  /**
   * The listing periods, when the list gives several with a gap between them (a party taken off
   * and listed again; `untilExclusive` applies to their ends too): `listedFrom` / `listedUntil`
   * span them all. Absent when the listing is one unbroken period.
   */
  readonly periods?: readonly ListingPeriod[];
  /** What the listing covers, when the list limits it (the FCC Covered List's equipment and services text). */
  readonly scope?: string;
  readonly explanation: string;
  /** Only with `all`: the score is below the alert threshold. */
  readonly belowThreshold?: true;
  /** Only with `all`: the listing is not in force on `asOf`. */
  readonly notInForce?: true;
  /** Parent links the lists state above the entry, nearest first (absent when none). */
  readonly parents?: readonly ParentStep[];
  /** Alerts screened with `asOf`: designations inherited from listed parents (absent when none). */
  readonly inherited?: readonly InheritedDesignation[];
}

export interface ScreenResult {
  readonly query: string;
  readonly matches: readonly ScreenMatch[];
}

/** The default alert threshold in force (see src/screen/match/params.ts). */
export const DEFAULT_ALERT_THRESHOLD: number = at(PARAMS.alertThreshold, '2026-01-01' as CivilDate);

/** Builds the matcher once for many `screen()` calls. */
export function buildMatcher(entries: readonly ListEntry[], options: MatcherOptions = {}): Matcher {
  return new Matcher(entries, options);
}

function inForce(entry: ListEntry, asOf: CivilDate | undefined): boolean {
  return asOf === undefined || listedOn(entry, asOf);
}

const NO_PARENTS: ParentFindings = { parents: [], inherited: [] };

function toMatch(m: EntryMatch, marks: { belowThreshold?: boolean; notInForce?: boolean }, graph: ParentGraph, asOf: CivilDate | undefined): ScreenMatch {
  const e = m.entry;
  const alert = !marks.belowThreshold && !marks.notInForce;
  const { parents, inherited } = e.parents?.length ? graph.explain(e.entityId, alert ? asOf : undefined) : NO_PARENTS;
  return {
    entityId: e.entityId,
    name: e.name,
    matchedName: m.matchedName,
    list: e.list,
    program: e.programs.length > 0 ? e.programs.join('; ') : e.list,
    score: m.score,
    listedFrom: e.listedFrom ?? null,
    ...(e.listedUntil ? { listedUntil: e.listedUntil } : {}),
    ...(e.untilExclusive && (e.listedUntil || e.periods?.some((x) => x.until !== undefined)) ? { untilExclusive: true as const } : {}),
    ...(e.periods && e.periods.length > 1 ? { periods: e.periods } : {}),
    ...(e.list === 'fcc.covered' && e.note ? { scope: e.note } : {}),
    explanation: m.explanation,
    ...(marks.belowThreshold ? { belowThreshold: true as const } : {}),
    ...(marks.notInForce ? { notInForce: true as const } : {}),
    ...(parents.length > 0 ? { parents } : {}),
    ...(inherited.length > 0 ? { inherited } : {}),
  };
}

/** Screens each query against the lists. */
export function screen(queries: readonly (string | ScreenQuery)[], lists: Matcher | readonly ListEntry[], options: ScreenOptions = {}): ScreenResult[] {
  const matcher = lists instanceof Matcher ? lists : new Matcher(lists, { settings: matchSettings() });
  const threshold = options.threshold ?? matcher.settings.alertThreshold;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`alert threshold must be in (0, 1], got ${threshold}`);
  const limit = options.limit ?? 20;
  const floor = options.all ? Math.min(threshold, matcher.settings.candidateFloor) : threshold;
  const graph = parentGraph(matcher.entries);
  return queries.map((q) => {
    const query: ScreenQuery = typeof q === 'string' ? { name: q, ...(options.country ? { country: options.country } : {}), ...(options.type ? { type: options.type } : {}) } : q;
    const found = matcher.match(query, floor, Math.max(50, limit * 3));
    const alerts: ScreenMatch[] = [];
    const others: ScreenMatch[] = [];
    for (const m of found) {
      const live = inForce(m.entry, options.asOf);
      if (m.score >= threshold && live) alerts.push(toMatch(m, {}, graph, options.asOf));
      else if (options.all) others.push(toMatch(m, { belowThreshold: m.score < threshold, notInForce: !live }, graph, options.asOf));
    }
    return { query: query.name, matches: [...alerts, ...others].slice(0, limit) };
  });
}

/** True when a match is an alert (not a marked --all candidate). */
export function isAlert(m: ScreenMatch): boolean {
  return !m.belowThreshold && !m.notInForce;
}

/** A designation as the inventory schema stores it (src/inventory/schema.ts `Designation`). */
export interface ScreenDesignation {
  readonly list: string;
  readonly program?: string;
  readonly scope?: string;
  readonly listedFrom?: string;
  /** The last day the listing is in force (the inventory reads it so): a removal date is written as the day before. */
  readonly listedUntil?: string;
  /** The list entry id (`<list>:<source id>`). */
  readonly source: string;
  /** The name that matched (for an inherited designation: the matched subsidiary's). */
  readonly matchedName: string;
  /** The match score (for an inherited designation: the score of the subsidiary's match). */
  readonly score: number;
  /** Inherited from a listed parent: the path (src/screen/propagate.ts). */
  readonly via?: string;
}

/**
 * Designations for one inventory entity from the results of screening its names: one per
 * list entry that alerted (one per listing period, in order, when the list took the party off
 * and listed it again, so the gap is not read as in force), best score kept, ordered by list
 * then entry id; then one per listed
 * parent designation inherited (not already matched directly), best score kept (then the
 * shortest path), ordered by list then parent entry id.
 */
export function designationsFrom(results: readonly ScreenResult[]): ScreenDesignation[] {
  const best = new Map<string, ScreenMatch>();
  for (const r of results) {
    for (const m of r.matches) {
      if (!isAlert(m)) continue;
      const prior = best.get(m.entityId);
      if (!prior || m.score > prior.score) best.set(m.entityId, m);
    }
  }
  const direct: ScreenDesignation[] = [...best.values()]
    .sort((a, b) => byCodeUnit(a.list, b.list) || byCodeUnit(a.entityId, b.entityId))
    .flatMap((m) =>
      spans(m).map((s) => ({
        list: m.list,
        program: m.program,
        ...(s.from ? { listedFrom: s.from } : {}),
        ...(s.until ? { listedUntil: lastDayListed(s.until, m.untilExclusive) } : {}),
        ...(m.scope ? { scope: m.scope } : {}),
        source: m.entityId,
        matchedName: m.matchedName,
        score: m.score,
      })),
    );
  const inherited = new Map<string, { readonly h: InheritedDesignation; readonly matchedName: string; readonly score: number; readonly via: string }>();
  for (const m of best.values()) {
    for (const h of m.inherited ?? []) {
      if (best.has(h.source)) continue;
      const prior = inherited.get(h.source);
      if (prior && !better(m.score, h.via, prior.score, prior.via)) continue;
      inherited.set(h.source, { h, matchedName: m.matchedName, score: m.score, via: h.via });
    }
  }
  const fromParents = [...inherited.values()]
    .sort((a, b) => byCodeUnit(a.h.list, b.h.list) || byCodeUnit(a.h.source, b.h.source))
    .flatMap(({ h, matchedName, score }) =>
      spans(h).map((s) => ({
        list: h.list,
        program: h.program,
        ...(s.from ? { listedFrom: s.from } : {}),
        ...(s.until ? { listedUntil: lastDayListed(s.until, h.untilExclusive) } : {}),
        ...(h.scope ? { scope: h.scope } : {}),
        source: h.source,
        matchedName,
        score,
        via: h.via,
      })),
    );
  return [...direct, ...fromParents];
}

/** The listing's periods (its one span, from `listedFrom` to `listedUntil`, when it has no gap). */
function spans(m: { readonly listedFrom?: string | null; readonly listedUntil?: string; readonly periods?: readonly ListingPeriod[] }): readonly { readonly from?: string | undefined; readonly until?: string | undefined }[] {
  if (m.periods && m.periods.length > 1) return m.periods;
  return [{ from: m.listedFrom ?? undefined, until: m.listedUntil }];
}

/** Higher score first, then the shorter path, then the path in code-point order: deterministic. */
function better(score: number, via: string, priorScore: number, priorVia: string): boolean {
  if (score !== priorScore) return score > priorScore;
  if (via.length !== priorVia.length) return via.length < priorVia.length;
  return via < priorVia;
}

/**
 * True for a designation an earlier `screen` wrote: a direct hit (a `score`, no `via`) or one
 * inherited through a list-side parent link (a `score`, a `source` and a `via` in the form
 * screening writes, "subsidiary of <P> per <list> (…"). Everything else — no score, or a `via`
 * of another form (declared by hand) — is declared.
 */
export function isScreenWritten(d: { score?: number | undefined; via?: string | undefined; source?: string | undefined }): boolean {
  if (d.score === undefined) return false;
  if (d.via === undefined) return true;
  return d.source !== undefined && LIST_PARENT_VIA.test(d.via);
}

/**
 * Merges fresh screening designations into an entity's existing ones: what an earlier `screen`
 * wrote ({@link isScreenWritten}) is replaced; declared ones are kept as they are, first. A
 * rerun on the same lists, names and date gives the same designations.
 */
export function mergeDesignations<T extends { score?: number | undefined; via?: string | undefined; source?: string | undefined }>(existing: readonly T[], fresh: readonly ScreenDesignation[]): (T | ScreenDesignation)[] {
  const kept = existing.filter((d) => !isScreenWritten(d));
  return [...kept, ...fresh];
}

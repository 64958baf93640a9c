/**
 * Parent links named by the lists themselves (1260H "Parent Name", OFAC "Linked To", FCC
 * "X and its wholly-owned subsidiary Y", FollowTheMoney links), walked up from a matched entry:
 *
 * - every link found is reported as a step of the parent chain (`ScreenMatch.parents`);
 * - when the list says the matched entry is a subsidiary of (or owned by) a listed party P —
 *   kinds `parent`, `subsidiary-of`, `owner`, never `linked`, whose direction OFAC does not
 *   state — each of P's listings in force whose list has an ownership rule in force on the
 *   as-of date (`PROPAGATION` / `governingList`, src/facts/designations.ts) is inherited, with
 *   the path in `via`. The lists rarely give a share: a listed subsidiary link is taken to meet
 *   the rule's threshold, an FCC "wholly-owned subsidiary" is 100 %, and `via` says which.
 *
 * "P's listings" are the entries the parent name resolves to ({@link resolveParents}) and the
 * entries naming the same party on other lists (the same folded primary name with a compatible
 * type and countries, or a `sameAs` id): a 1260H parent is often also on the OFAC NS-CMIC list.
 * Aliases do not join parties: OFAC lists HUAWEI TECHNOLOGIES CO., LTD. with the a.k.a. of its
 * parent, HUAWEI INVESTMENT & HOLDING CO LTD.
 *
 * Chains are walked up to {@link MAX_PARENT_DEPTH} links; a party already visited is not
 * walked again, so cycles end. Inheritance passes only through non-`linked` links.
 */
import type { ListEntry, ListingPeriod } from './types.js';
import { listedOn } from './lists/entry.js';
import { nameKey, resolveParents, type ParentKind, type ParentLink } from './lists/parents.js';
import { PROPAGATION, governingList, type PropagationRule } from '../facts/designations.js';
import { valueAt } from '../engine/params.js';
import type { CivilDate } from '../time/civil-date.js';
import { byCodeUnit } from './code-unit-order.js';

/** Most parent links walked up from a matched entry. */
export const MAX_PARENT_DEPTH = 6;

/** One parent link of the chain above a matched entry. */
export interface ParentStep {
  /** The parent's name as the list writes it. */
  readonly name: string;
  /** The list that states the link. */
  readonly list: string;
  /** `parent` (1260H), `subsidiary-of` (FCC), `owner` (ownership record), `linked` (OFAC "Linked To": direction not stated). */
  readonly kind: ParentKind;
  /** The name of the entry the link is stated for (the matched entry, or a parent further down). */
  readonly of: string;
  /** 1 for the matched entry's own parents, 2 for theirs, … */
  readonly depth: number;
  /** Listed entries the name refers to, on any list (empty when the parent is not listed). */
  readonly entityIds: readonly string[];
}

/** A designation a matched entry inherits from a listed parent. */
export interface InheritedDesignation {
  readonly list: string;
  readonly program: string;
  readonly listedFrom?: string;
  /** The parent's end date as its list gives it. */
  readonly listedUntil?: string;
  /** `listedUntil` is a removal date: the parent's listing is not in force on that day (src/screen/lists/end-dates.ts). */
  readonly untilExclusive?: true;
  /** The parent's listing periods, when its list took it off and listed it again (see ListEntry.periods). */
  readonly periods?: readonly ListingPeriod[];
  /** What the parent's entry covers (an FCC Covered List entry's equipment and services), as for a direct match. */
  readonly scope?: string;
  /** The parent's list entry id. */
  readonly source: string;
  /** "subsidiary of <P> per <list of the link> (<kind>; <share>)[, itself subsidiary of …]; <rule citation>" */
  readonly via: string;
}

export interface ParentFindings {
  readonly parents: readonly ParentStep[];
  /** Empty without an as-of date: the ownership rules are dated. */
  readonly inherited: readonly InheritedDesignation[];
}

/** `via` of a designation inherited through a list-side parent link (as {@link ParentGraph} writes it). */
export const LIST_PARENT_VIA = /^subsidiary of .+ per \S+ \(/;

/**
 * The kind of a link: the one `resolveParents` gives when it gives one, else the kind the
 * child's list states. FollowTheMoney exports (`opensanctions`) merge Ownership and
 * UnknownLink parents into one field, so their links count as `linked` (shown, not inherited).
 */
export function linkKind(link: ParentLink, child: ListEntry): ParentKind {
  const given = (link as ParentLink & { readonly kind?: ParentKind }).kind;
  if (given) return given;
  switch (child.list) {
    case 'dod.1260h':
      return 'parent';
    case 'fcc.covered':
      return 'subsidiary-of';
    default:
      return 'linked';
  }
}

/** The ownership rule in force for a list on a date, or null when the list has none. */
export function propagationRule(list: string, date: CivilDate): PropagationRule | null {
  if (!(list in PROPAGATION)) return null;
  return valueAt(PROPAGATION[list as keyof typeof PROPAGATION], date)?.value ?? null;
}

function inForce(e: ListEntry, date: CivilDate): boolean {
  return listedOn(e, date);
}

/** One non-`linked` link on the way up, for `via`. */
interface PathLink {
  readonly name: string;
  readonly list: string;
  readonly kind: ParentKind;
  /** The list calls the child a wholly-owned subsidiary. */
  readonly wholly: boolean;
}

const WHOLLY_OWNED = /\bwholly[- ]owned subsidiar/i;

function share(l: PathLink, percent: number): string {
  return l.wholly ? `wholly-owned: 100 % ≥ ${percent} %` : `no share given: treated as meeting the ${percent} % threshold`;
}

function viaOf(path: readonly PathLink[], rule: PropagationRule): string {
  const steps = path.map((l, i) => `${i === 0 ? 'subsidiary of' : 'itself subsidiary of'} ${l.name} per ${l.list} (${l.kind}; ${share(l, rule.percent)})`);
  return `${steps.join(', ')}; ${rule.citation}`;
}

/** The parent links of a set of list entries, resolved once (on first use), walked per match. */
export class ParentGraph {
  private readonly byId = new Map<string, ListEntry>();
  private readonly links = new Map<string, ParentLink[]>();
  /** Entries by folded primary name. */
  private readonly byKey = new Map<string, ListEntry[]>();
  private readonly sameAs = new Map<string, string[]>();
  private readonly identities = new Map<string, readonly string[]>();
  private built = false;

  constructor(private readonly entries: readonly ListEntry[]) {}

  /** Indexes names and resolves every parent link (~0.1 s for all shared lists): done once, when first needed. */
  private build(): void {
    if (this.built) return;
    this.built = true;
    const entries = this.entries;
    for (const e of entries) {
      if (!this.byId.has(e.entityId)) this.byId.set(e.entityId, e);
      const k = nameKey(e.name);
      const l = this.byKey.get(k);
      if (!l) this.byKey.set(k, [e]);
      else if (!l.includes(e)) l.push(e);
      for (const s of e.sameAs ?? []) {
        this.addSameAs(e.entityId, s);
        this.addSameAs(s, e.entityId);
      }
    }
    for (const link of resolveParents(entries)) {
      const l = this.links.get(link.child);
      if (l) l.push(link);
      else this.links.set(link.child, [link]);
    }
  }

  private addSameAs(a: string, b: string): void {
    const l = this.sameAs.get(a);
    if (!l) this.sameAs.set(a, [b]);
    else if (!l.includes(b)) l.push(b);
  }

  /** The entry and the entries naming the same party on other lists. */
  identity(entityId: string): readonly string[] {
    this.build();
    const cached = this.identities.get(entityId);
    if (cached) return cached;
    const e = this.byId.get(entityId);
    const out = [entityId];
    if (e) {
      const k = nameKey(e.name);
      for (const x of k ? (this.byKey.get(k) ?? []) : []) {
        if (x.list === e.list || out.includes(x.entityId)) continue;
        const typeOk = x.type === e.type || x.type === 'unknown' || e.type === 'unknown';
        const countriesOk = x.countries.length === 0 || e.countries.length === 0 || x.countries.some((c) => e.countries.includes(c));
        if (typeOk && countriesOk) out.push(x.entityId);
      }
      for (const s of this.sameAs.get(entityId) ?? []) if (this.byId.has(s) && !out.includes(s)) out.push(s);
    }
    this.identities.set(entityId, out);
    return out;
  }

  /**
   * The parent chain above a matched entry and, with an as-of date, the designations it
   * inherits. Steps are in walk order (nearest first); inherited designations by list, then
   * source.
   */
  explain(entityId: string, asOf: CivilDate | undefined): ParentFindings {
    this.build();
    const start = this.byId.get(entityId);
    if (!start || !this.links.has(entityId)) return { parents: [], inherited: [] };
    const parents: ParentStep[] = [];
    const inherited = new Map<string, InheritedDesignation>();
    const visited = new Set<string>(this.identity(entityId));
    const stepKeys = new Set<string>();
    // Each node: the entries of one party, and the path of non-`linked` links up to it (`linked` links are not walked).
    let frontier: { ids: readonly string[]; path: readonly PathLink[] }[] = [{ ids: [entityId], path: [] }];
    for (let depth = 1; depth <= MAX_PARENT_DEPTH && frontier.length > 0; depth++) {
      const next: { ids: readonly string[]; path: readonly PathLink[] }[] = [];
      for (const node of frontier) {
        for (const childId of node.ids) {
          const child = this.byId.get(childId);
          if (!child) continue;
          for (const link of this.links.get(childId) ?? []) {
            const kind = linkKind(link, child);
            const ids: string[] = [];
            for (const p of link.parentEntityIds) for (const x of this.identity(p)) if (!ids.includes(x)) ids.push(x);
            // A link back to a party already on the chain (a cycle, or a second spelling of a parent) adds nothing.
            if (ids.length > 0 && ids.every((x) => visited.has(x))) continue;
            const key = `${child.entityId}|${kind}|${ids.length > 0 ? [...ids].sort().join(',') : `name:${nameKey(link.parentName)}`}`;
            if (stepKeys.has(key)) continue;
            stepKeys.add(key);
            parents.push({ name: link.parentName, list: link.list, kind, of: child.name, depth, entityIds: ids });
            if (kind === 'linked') continue;
            const fresh = ids.filter((x) => !visited.has(x));
            if (fresh.length === 0) continue;
            for (const x of fresh) visited.add(x);
            const path = [...node.path, { name: link.parentName, list: link.list, kind, wholly: kind === 'subsidiary-of' && WHOLLY_OWNED.test(child.note ?? '') }];
            if (asOf) {
              for (const pid of fresh) {
                const p = this.byId.get(pid)!;
                if (!inForce(p, asOf)) continue;
                const program = p.programs.length > 0 ? p.programs.join('; ') : p.list;
                const rule = propagationRule(governingList({ list: p.list, program }), asOf);
                if (!rule || inherited.has(pid)) continue;
                inherited.set(pid, {
                  list: p.list,
                  program,
                  ...(p.listedFrom ? { listedFrom: p.listedFrom } : {}),
                  ...(p.listedUntil ? { listedUntil: p.listedUntil } : {}),
                  ...(p.untilExclusive && (p.listedUntil || p.periods?.some((x) => x.until !== undefined)) ? { untilExclusive: true as const } : {}),
                  ...(p.periods && p.periods.length > 1 ? { periods: p.periods } : {}),
                  ...(p.list === 'fcc.covered' && p.note ? { scope: p.note } : {}),
                  source: pid,
                  via: viaOf(path, rule),
                });
              }
            }
            next.push({ ids: fresh, path });
          }
        }
      }
      frontier = next;
    }
    return {
      parents,
      inherited: [...inherited.values()].sort((a, b) => byCodeUnit(a.list, b.list) || byCodeUnit(a.source, b.source)),
    };
  }
}

const graphs = new WeakMap<readonly ListEntry[], ParentGraph>();

/** The parent graph of an entry set, built once per set. */
export function parentGraph(entries: readonly ListEntry[]): ParentGraph {
  let g = graphs.get(entries);
  if (!g) {
    g = new ParentGraph(entries);
    graphs.set(entries, g);
  }
  return g;
}

/**
 * Designations in force for every party, including those a party inherits by ownership under
 * each program's own rule — explained as a path. Declared or screened designations come from
 * `entities[].designations` (written by `datacustoms screen`); inheritance runs over the
 * inventory's ownership edges.
 */
import { LegalPersons } from './branches.js';
import type { Designation, Inventory } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import { param, valueAt } from '../engine/params.js';
import { ownedIndex, taintByOwnership, type OwnerEdge, type OwnershipInput } from './ownership.js';
import { heldOn, ownerSpanOn } from '../inventory/held.js';

export interface PropagationRule {
  /** Owned at least this much (aggregate, direct or indirect) by listed parties → treated as listed. */
  readonly percent: number;
  readonly citation: string;
}

/**
 * How each list's designations reach owned entities. `null` = no ownership rule: only entities
 * named on the list are listed.
 */
export const PROPAGATION = {
  'ofac.sdn': param<PropagationRule | null>('lists.propagation.ofac.sdn', 'OFAC 50 % rule: entities owned 50 % or more, in the aggregate, by blocked persons are blocked.', [
    { from: '2014-08-13', value: { percent: 50, citation: 'OFAC Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked (13 Aug 2014)' }, citation: 'OFAC 50 % guidance', confidence: 'secondary' },
  ]),
  'ofac.cons': param<PropagationRule | null>('lists.propagation.ofac.cons', 'Non-SDN lists (e.g. NS-CMIC): the 50 % rule does not apply; subsidiaries are covered only if listed themselves.', [
    { from: '2021-08-02', value: null, citation: 'OFAC FAQ 857 (E.O. 14032)', confidence: 'verified' },
  ]),
  'bis.entity': param<PropagationRule | null>('lists.propagation.bis.entity', 'BIS affiliates rule: foreign entities 50 % or more owned by Entity List or MEU parties are restricted; suspended 10 Nov 2025 – 9 Nov 2026.', [
    { from: '2025-09-29', until: '2025-11-09', value: { percent: 50, citation: '15 CFR 744.11 as amended (affiliates rule, FR doc. 2025-19001)' }, citation: 'FR doc. 2025-19001', confidence: 'secondary' },
    { from: '2025-11-10', until: '2026-11-09', value: null, citation: 'one-year suspension (U.S.–China arrangement of 1 Nov 2025)', confidence: 'secondary' },
    { from: '2026-11-10', value: { percent: 50, citation: '15 CFR 744.11 affiliates rule, reimposed 10 Nov 2026' }, citation: 'scheduled reimposition', confidence: 'secondary', note: 'Reimposition as scheduled [S]; re-check before relying on it.' },
  ]),
  'fcc.covered': param<PropagationRule | null>('lists.propagation.fcc.covered', 'FCC Covered List entries extend to the named entities\' subsidiaries and affiliates; majority ownership is used as the test.', [
    { from: '2021-03-12', value: { percent: 50, citation: '47 CFR 1.50002; Covered List entries ("subsidiaries and affiliates")' }, citation: '47 CFR 1.50002', confidence: 'memory', note: 'The list text says "subsidiaries and affiliates" [S]; the 50 % test for "affiliate" is a conservative stand-in [M].' },
  ]),
  'dod.1260h': param<PropagationRule | null>('lists.propagation.dod.1260h', 'DoD 1260H list: entities and the subsidiaries it names are listed; no ownership rule is applied.', [
    { from: '2021-01-01', value: null, citation: 'FY2021 NDAA §1260H', confidence: 'secondary' },
  ]),
  'cn.countersanctions': param<PropagationRule | null>('lists.propagation.cn.countersanctions', 'PRC countermeasure lists name the parties they bind; no general ownership rule is published.', [
    { from: '2021-06-10', value: null, citation: 'Anti-Foreign Sanctions Law Art. 6', confidence: 'memory' },
  ]),
} as const;

/**
 * The list whose propagation rule governs a designation (CSL entries by their program: an
 * Entity List or MEU row follows the BIS affiliates rule, an SDN row the OFAC 50 % rule).
 */
export function governingList(d: Designation): string {
  if (d.list === 'trade.csl' || d.list === 'bis.mieu') {
    const p = (d.program ?? '').toLowerCase();
    if (d.list === 'bis.mieu' || p.includes('entity list') || p.includes('military end user')) return 'bis.entity';
    if (p.includes('specially designated nationals') || p.includes('(sdn)')) return 'ofac.sdn';
  }
  return d.list;
}

export interface EffectiveDesignation extends Designation {
  /** True when the party is not named but owned by named parties (under the list's rule). */
  readonly inherited: boolean;
}

function active(d: Designation, date: CivilDate): boolean {
  return (d.listedFrom === undefined || d.listedFrom <= date) && (d.listedUntil === undefined || date <= d.listedUntil);
}

export function deriveDesignations(inv: Inventory, date: CivilDate, persons: LegalPersons = new LegalPersons(inv.entities)): ReadonlyMap<string, readonly EffectiveDesignation[]> {
  const out = new Map<string, EffectiveDesignation[]>();
  const graph = new EntityGraph(inv, date);

  const byList = new Map<string, Map<string, Designation>>();
  for (const e of inv.entities) {
    for (const d of e.designations) {
      if (!active(d, date)) continue;
      // A designation written with its path (`via`: inherited through a parent the lists name, see
      // src/screen/propagate.ts, or declared so) is inherited: the packs show the path.
      push(out, e.id, { ...d, inherited: d.via !== undefined });
      const list = governingList(d);
      const seeds = byList.get(list) ?? new Map<string, Designation>();
      if (!seeds.has(e.id)) seeds.set(e.id, d);
      byList.set(list, seeds);
    }
  }
  for (const [list, seeds] of byList) {
    const rule = list in PROPAGATION ? valueAt(PROPAGATION[list as keyof typeof PROPAGATION], date)?.value ?? null : null;
    if (!rule) continue;
    const taint = taintByOwnership(graph.question(new Set(seeds.keys()), rule.percent));
    for (const [id, why] of taint) {
      if (why.kind === 'seed') continue;
      const path = (why.owners ?? []).map((o) => `${graph.name(o.owner)} ${o.percent === undefined ? '(share unknown)' : `${o.percent}%`}${graph.span(id, o.owner)}`).join(' + ');
      const from = (why.owners ?? []).map((o) => seeds.get(o.owner)).find((d) => d !== undefined);
      push(out, id, {
        list: from?.list ?? list,
        program: from?.program,
        listedFrom: from?.listedFrom,
        // the parent's listing as it is: what it covers (an FCC entry's equipment and services)
        // and until when (the subsidiary is owned into it only while it lasts)
        ...(from?.scope !== undefined ? { scope: from.scope } : {}),
        ...(from?.listedUntil !== undefined ? { listedUntil: from.listedUntil } : {}),
        source: from?.source,
        via: `owned ${why.total}%${why.viaUnknownShare ? ' (with undeclared shares assumed to reach the threshold)' : ''} by listed parties: ${path} — ${rule.citation}`,
        inherited: true,
      });
    }
  }
  // A branch is not a separate legal person: the designations of the entity it belongs to,
  // named or inherited, are its own, under every list.
  for (const e of inv.entities) {
    if (e.branchOf === undefined) continue;
    const legal = persons.of(e.branchOf);
    const of = out.get(legal);
    if (!of) continue;
    for (const d of of) {
      push(out, e.id, { ...d, via: `a branch of ${graph.name(legal)} (not a separate legal person)${d.via ? `, which is listed through ${d.via}` : ''}`, inherited: true });
    }
  }
  return out;
}

function push(out: Map<string, EffectiveDesignation[]>, id: string, d: EffectiveDesignation): void {
  out.set(id, [...(out.get(id) ?? []), d]);
}

/**
 * The inventory's ownership graph on a date, as the lists' ownership rules read it: companies
 * (and the organization) can be owned into a listing, through the edges held on that date. A
 * class, so that the ownership search calls the same functions from one run to the next.
 */
class EntityGraph {
  private readonly entities: Map<string, Inventory['entities'][number]>;
  private readonly edges = new Map<string, readonly OwnerEdge[]>();
  /** Per owner, the positions of the parties it owns: the same for every list, made once. */
  private index: ReadonlyMap<string, readonly number[]> | undefined;
  readonly parties: string[];

  constructor(
    private readonly inv: Inventory,
    private readonly date: CivilDate,
  ) {
    this.entities = new Map(inv.entities.map((e) => [e.id, e]));
    this.parties = [inv.organization.id, ...inv.entities.map((e) => e.id)];
  }

  name(id: string): string {
    return id === this.inv.organization.id ? this.inv.organization.name : this.entities.get(id)?.name ?? id;
  }

  /** A party's owner edges held on the date, made once per derivation (every list's ownership search reads them). */
  owners(id: string): readonly OwnerEdge[] {
    let edges = this.edges.get(id);
    if (!edges) {
      const made: OwnerEdge[] = [];
      for (const o of this.declared(id)) if (heldOn(o, this.date)) made.push({ owner: o.entity, percent: o.percent });
      this.edges.set(id, (edges = made));
    }
    return edges;
  }

  /** " (held from …)" when the party's edge from `owner` held on the date has a holding period. */
  span(id: string, owner: string): string {
    return ownerSpanOn(this.declared(id), owner, this.date);
  }

  private declared(id: string): Inventory['organization']['owners'] {
    return id === this.inv.organization.id ? this.inv.organization.owners : this.entities.get(id)?.owners ?? [];
  }

  eligible(id: string): boolean {
    return this.entities.get(id)?.kind === 'company' || id === this.inv.organization.id;
  }

  /** Who is owned into a list seeded by `seeds`, at `percent` (unknown shares assumed to reach it). */
  question(seeds: ReadonlySet<string>, percent: number): OwnershipInput {
    this.index ??= ownedIndex(this.parties, this);
    return new ListQuestion(this, seeds, percent, this.index);
  }
}

class ListQuestion implements OwnershipInput {
  readonly parties: string[];
  readonly unknownShare = 'assume_threshold' as const;
  constructor(
    private readonly graph: EntityGraph,
    readonly seeds: ReadonlySet<string>,
    readonly thresholdPercent: number,
    readonly ownedIndex: ReadonlyMap<string, readonly number[]>,
  ) {
    this.parties = graph.parties;
  }
  owners(id: string): readonly OwnerEdge[] {
    return this.graph.owners(id);
  }
  eligible(id: string): boolean {
    return this.graph.eligible(id);
  }
}

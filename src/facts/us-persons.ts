/**
 * Who is a U.S. person (28 CFR 202.256) and who is a covered person (28 CFR 202.211), for every
 * party in the inventory, with the reasons — including ownership paths — that explain it.
 */
import type { Entity, Inventory } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import { at } from '../engine/params.js';
import { DOJ_COUNTRIES_OF_CONCERN, dojDate } from './country-sets.js';
import { findCycles, taintByOwnership, type OwnerEdge, type TaintReason } from './ownership.js';
import { param } from '../engine/params.js';

/** 202.211(a)(1)–(2): "50 percent or more … individually or in the aggregate". */
export const COVERED_OWNERSHIP_THRESHOLD = param<number>('us.doj.dsp.covered_ownership_percent', 'Aggregate ownership by countries of concern or covered persons that makes a foreign entity a covered person (inclusive).', [
  { from: '2025-04-08', value: 50, citation: '28 CFR 202.211(a)(1)-(2)', confidence: 'verified' },
]);

/**
 * How an ownership edge whose share is not declared counts. Conservative default: the unknown
 * share is assumed to reach the threshold, and the explanation says so.
 */
export const UNKNOWN_SHARE_POLICY = param<'ignore' | 'assume_threshold'>('facts.unknown_share_policy', 'Treatment of ownership edges without a declared percentage.', [
  { from: '2000-01-01', value: 'assume_threshold', citation: 'datacustoms policy (conservative default)', confidence: 'unconfirmed' },
]);

/** Lists whose entries are covered persons designated by the Attorney General (202.211(a)(5)). */
export const DOJ_DESIGNATION_LISTS = ['doj.covered_persons'];

const US_STATUSES = new Set(['citizen', 'national', 'permanent_resident', 'refugee', 'asylee']);

export interface PartyFacts {
  readonly id: string;
  readonly name: string;
  readonly kind: 'company' | 'individual' | 'government' | 'organization';
  readonly usPerson: boolean;
  readonly usPersonReason: string;
  /** The government of a country of concern (202.209). */
  readonly countryOfConcern: boolean;
  readonly coveredPerson: boolean;
  /** Why: each line cites the paragraph of 202.211 it rests on. */
  readonly coveredReasons: readonly string[];
  /** Designations active on the evaluation date. */
  readonly activeDesignations: readonly Entity['designations'][number][];
  /** Countries the party is tied to (organization, principal place, residence, location). */
  readonly countries: readonly string[];
}

export interface PersonFacts {
  readonly parties: ReadonlyMap<string, PartyFacts>;
  /** Ownership cycles found, each as a list of party ids. */
  readonly cycles: readonly string[][];
  /** Aggregate percent of the organization owned by countries of concern or covered persons. */
  readonly orgCoveredOwnershipPercent: number;
}

function isActive(d: Entity['designations'][number], date: CivilDate): boolean {
  return (d.listedFrom === undefined || d.listedFrom <= date) && (d.listedUntil === undefined || date <= d.listedUntil);
}

export function derivePersons(inv: Inventory, asOf: CivilDate): PersonFacts {
  const date = dojDate(asOf);
  const coc = new Set(at(DOJ_COUNTRIES_OF_CONCERN, date));
  const org = inv.organization;
  const entities = new Map(inv.entities.map((e) => [e.id, e]));

  // --- U.S. person (202.256) --------------------------------------------------------------
  const usCache = new Map<string, { us: boolean; reason: string }>();
  const usStatus = (id: string, depth = 0): { us: boolean; reason: string } => {
    const cached = usCache.get(id);
    if (cached) return cached;
    let r: { us: boolean; reason: string };
    if (id === org.id) {
      const solely = org.organizedSolelyInUS ?? org.organizedIn === 'US';
      r = solely
        ? { us: true, reason: 'organized solely under U.S. law (202.256(a)), including its foreign branches' }
        : { us: false, reason: `organized under the laws of ${org.organizedIn} (202.256)` };
    } else {
      const e = entities.get(id);
      if (!e) r = { us: false, reason: 'unknown party' };
      else if (e.branchOf && depth < 16) {
        const parent = usStatus(e.branchOf, depth + 1);
        r = { us: parent.us, reason: `a branch of ${e.branchOf}, which is ${parent.us ? 'a U.S. person' : 'a foreign person'} (202.256(b)(7): a branch is not a separate person)` };
      } else if (e.kind === 'individual') {
        if (e.usStatus && US_STATUSES.has(e.usStatus)) r = { us: true, reason: `U.S. ${e.usStatus.replace('_', ' ')} (202.256(a)), wherever located` };
        else if (e.location === 'US') r = { us: true, reason: 'a person in the United States (202.256(a)), whatever the citizenship' };
        else r = { us: false, reason: 'an individual who is not a U.S. citizen, national, permanent resident, refugee or asylee and is outside the United States (202.256(b)(4))' };
      } else if (e.kind === 'government') {
        r = e.government === 'US' ? { us: true, reason: 'the U.S. Government' } : { us: false, reason: `the government of ${e.government ?? 'a foreign country'}` };
      } else if (e.organizedIn === 'US') {
        r = { us: true, reason: 'an entity organized under U.S. law (202.256(a)), whatever its owners (202.256(b)(8))' };
      } else {
        r = { us: false, reason: e.organizedIn ? `an entity organized under the laws of ${e.organizedIn} (202.256(b)(6))` : 'an entity not shown to be organized under U.S. law (202.256)' };
      }
    }
    usCache.set(id, r);
    return r;
  };

  // --- seeds of 202.211 ---------------------------------------------------------------------
  const partyIds = [org.id, ...inv.entities.map((e) => e.id)];
  const seedReasons = new Map<string, string[]>();
  const addSeed = (id: string, reason: string) => {
    const list = seedReasons.get(id) ?? [];
    list.push(reason);
    seedReasons.set(id, list);
  };
  const cocGovernments = new Set<string>();
  const ppb = (e: Entity) => e.principalPlaceOfBusiness ?? e.headquarters;
  for (const e of inv.entities) {
    const foreign = !usStatus(e.id).us;
    const designated = e.designations.filter((d) => DOJ_DESIGNATION_LISTS.includes(d.list) && isActive(d, date));
    if (designated.length) addSeed(e.id, `designated by the Attorney General as a covered person (202.211(a)(5)${designated[0]?.source ? `; ${designated[0].source}` : ''}), wherever located`);
    if (e.kind === 'government' && e.government && coc.has(e.government)) {
      cocGovernments.add(e.id);
      addSeed(e.id, `the government of ${e.government}, a country of concern (202.209, 202.601)`);
    }
    if (!foreign) continue;
    const base = e.branchOf ? entities.get(e.branchOf) : e;
    if (e.kind === 'company' && base) {
      if (base.organizedIn && coc.has(base.organizedIn)) addSeed(e.id, `a foreign entity organized under the laws of ${base.organizedIn}, a country of concern (202.211(a)(1))`);
      const place = ppb(base);
      if (place && coc.has(place)) addSeed(e.id, `a foreign entity with its principal place of business in ${place}, a country of concern (202.211(a)(1))`);
    }
    if (e.kind === 'individual' && e.primaryResidence && coc.has(e.primaryResidence)) {
      addSeed(e.id, `a foreign individual primarily resident in ${e.primaryResidence}, a country of concern (202.211(a)(4))`);
    }
  }
  if (!usStatus(org.id).us) {
    if (coc.has(org.organizedIn)) addSeed(org.id, `organized under the laws of ${org.organizedIn}, a country of concern (202.211(a)(1))`);
    if (org.principalPlaceOfBusiness && coc.has(org.principalPlaceOfBusiness)) addSeed(org.id, `principal place of business in ${org.principalPlaceOfBusiness} (202.211(a)(1))`);
  }

  // Owner edges per party, made once: the fixed point and the cycle search read them many times.
  const NO_OWNERS: readonly OwnerEdge[] = [];
  const ownerEdges = new Map<string, readonly OwnerEdge[]>();
  const ownersOf = (id: string): readonly OwnerEdge[] => {
    let edges = ownerEdges.get(id);
    if (edges) return edges;
    if (id === org.id) edges = org.owners.map((o) => ({ owner: o.entity, percent: o.percent }));
    else {
      const e = entities.get(id);
      if (!e) edges = NO_OWNERS;
      // A branch has the owners of the entity it belongs to (a placeholder first: branch cycles end).
      else if (e.branchOf && e.owners.length === 0) {
        ownerEdges.set(id, NO_OWNERS);
        edges = ownersOf(e.branchOf);
      }
      else edges = e.owners.length === 0 ? NO_OWNERS : e.owners.map((o) => ({ owner: o.entity, percent: o.percent }));
    }
    ownerEdges.set(id, edges);
    return edges;
  };
  const employmentTaint = (id: string, tainted: ReadonlySet<string>): TaintReason | undefined => {
    const e = entities.get(id);
    if (!e || e.kind !== 'individual' || usStatus(id).us) return undefined;
    const job = e.employment.find((j) => tainted.has(j.entity) && (cocGovernments.has(j.entity) || entities.get(j.entity)?.kind !== 'individual'));
    return job ? { kind: 'ownership', owners: [{ owner: job.entity, percent: undefined }], total: 0 } : undefined;
  };

  const taint = taintByOwnership({
    parties: partyIds,
    owners: ownersOf,
    seeds: new Set(seedReasons.keys()),
    eligible: (id) => {
      if (usStatus(id).us) return false;
      const e = entities.get(id);
      return id === org.id || (e !== undefined && e.kind === 'company');
    },
    thresholdPercent: at(COVERED_OWNERSHIP_THRESHOLD, date),
    unknownShare: at(UNKNOWN_SHARE_POLICY, date),
    alsoTainted: employmentTaint,
  });

  const nameOf = (id: string) => (id === org.id ? org.name : entities.get(id)?.name ?? id);
  const explain = (id: string, seen: Set<string> = new Set()): string[] => {
    const t = taint.get(id);
    if (!t) return [];
    if (t.kind === 'seed') return seedReasons.get(id) ?? [];
    const e = entities.get(id);
    if (e?.kind === 'individual') {
      const job = e.employment.find((j) => taint.has(j.entity));
      return [`a foreign individual who is ${job?.relation === 'contractor' ? 'a contractor' : 'an employee'} of ${nameOf(job?.entity ?? '')}, itself a country of concern or covered entity (202.211(a)(3))`];
    }
    const parts = (t.owners ?? []).map((o) => `${nameOf(o.owner)} ${o.percent === undefined ? '(share unknown)' : `${o.percent}%`}`);
    const base = t.viaUnknownShare
      ? `owned by countries of concern or covered persons (${parts.join(' + ')}), known shares total ${t.total}% and an undeclared share could reach 50% — treated as covered under the conservative unknown-share policy (202.211(a)(2)); declare the percentage to decide`
      : `a foreign entity ${t.total}% owned, directly or indirectly and in the aggregate, by countries of concern or covered persons: ${parts.join(' + ')} (202.211(a)(1)-(2))`;
    const chain: string[] = [base];
    for (const o of t.owners ?? []) {
      if (seen.has(o.owner)) continue;
      seen.add(o.owner);
      for (const r of explain(o.owner, seen)) chain.push(`  ↳ ${nameOf(o.owner)}: ${r}`);
    }
    return chain;
  };

  const parties = new Map<string, PartyFacts>();
  for (const id of partyIds) {
    const e = entities.get(id);
    const us = usStatus(id);
    const countries = new Set<string>();
    if (id === org.id) {
      countries.add(org.organizedIn);
      if (org.principalPlaceOfBusiness) countries.add(org.principalPlaceOfBusiness);
    } else if (e) {
      for (const c of [e.organizedIn, e.principalPlaceOfBusiness, e.headquarters, e.primaryResidence, e.location, e.government, ...e.citizenships]) if (c) countries.add(c);
    }
    parties.set(id, {
      id,
      name: nameOf(id),
      kind: id === org.id ? 'organization' : e!.kind,
      usPerson: us.us,
      usPersonReason: us.reason,
      countryOfConcern: cocGovernments.has(id),
      coveredPerson: taint.has(id) && !cocGovernments.has(id),
      coveredReasons: explain(id),
      activeDesignations: e ? e.designations.filter((d) => isActive(d, asOf)) : [],
      countries: [...countries].sort(),
    });
  }

  const orgCovered = org.owners.reduce((s, o) => s + (taint.has(o.entity) ? o.percent ?? 0 : 0), 0);
  return { parties, cycles: findCycles(partyIds, ownersOf), orgCoveredOwnershipPercent: orgCovered };
}

/**
 * Who is a U.S. person (28 CFR 202.256) and who is a covered person (28 CFR 202.211), for every
 * party in the inventory, with the reasons — including ownership paths — that explain it.
 */
import type { Entity, Inventory } from '../inventory/schema.js';
import { addDays, type CivilDate } from '../time/civil-date.js';
import { at } from '../engine/params.js';
import { DOJ_COUNTRIES_OF_CONCERN, dojDate } from './country-sets.js';
import { countryInSentence } from '../common/country-name.js';
import { findCycles, roundShare, taintByOwnership, type OwnerEdge, type OwnershipInput, type TaintReason } from './ownership.js';
import { param } from '../engine/params.js';
import { heldOn, heldSpan, isDated, ownerSpanOn, type HeldLink } from '../inventory/held.js';

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
  /** When the party is on an ownership cycle (A owns B owns A): a line that names it and says how it is counted. */
  readonly ownershipCycle: string | undefined;
  /**
   * Set on facts derived for another date than the as-of date (PersonFacts.on), because
   * something dated they rest on differs: that date.
   */
  readonly on?: CivilDate;
}

export interface CoveredEquity {
  readonly percent: number;
  /** Some share on a path from a country of concern or covered person to the party is undeclared. */
  readonly undeclared: boolean;
  /** "X holds 30% and is itself 100% owned … : 30% of Y", per owner that is not covered itself. */
  readonly via: readonly string[];
}

export interface PersonFacts {
  readonly parties: ReadonlyMap<string, PartyFacts>;
  /** Ownership cycles found, each as a list of party ids. */
  readonly cycles: readonly string[][];
  /**
   * Aggregate percent of the organization's equity owned, directly or indirectly, by countries of
   * concern or covered persons (202.1103(a)): a covered owner's share counts in full; a share held
   * through an owner that is not covered (a U.S. holding company, a foreign one under 50 % covered)
   * counts as far as that owner is itself so owned (shares multiplied up the chain).
   */
  readonly orgCoveredOwnershipPercent: number;
  /**
   * The same for any party (202.1103(a) asks it of the U.S. person engaged in the transaction,
   * which may be a U.S. subsidiary the inventory lists): its covered percent, whether a share on
   * the way is undeclared, and the owners that hold a covered share of it without being covered
   * themselves, each with that share.
   */
  coveredEquity(id: string): CoveredEquity;
  /**
   * The party's facts on `date` rather than on the as-of date: the same object as
   * `parties.get(id)` unless something dated that its status rests on differs between the two
   * dates — a 202.211(a)(5) designation (\`listedFrom\`, \`listedUntil\`) of the party, of the
   * entity it is a branch of, or of an owner or employer up its chains; an ownership edge or
   * employment link up those chains held only part of the time (\`from\`, \`until\`); or a dated parameter
   * (countries of concern, the 50 % threshold, the unknown-share policy). Then it is derived for
   * that date over the party and those above it (taint flows down only, so they decide it alone).
   */
  on(id: string, date: CivilDate): PartyFacts | undefined;
  /**
   * The party's facts over a period that has ended (`from` to `to`, both included): its facts on
   * `to` when it was a covered person or a country of concern then; else its facts on the first
   * day of the period on which it was (a designation, stake or employment in force for part of
   * the period only); else its facts on `to`. Days before 28 CFR 202 took effect are not looked at.
   */
  during(id: string, from: CivilDate, to: CivilDate): PartyFacts | undefined;
  /**
   * `coveredEquity` on `date` rather than on the as-of date: with the ownership edges,
   * employment links and 202.211(a)(5) designations held on that date, and the dated
   * parameters' values then. The as-of answer itself when nothing dated above the party differs.
   */
  coveredEquityOn(id: string, date: CivilDate): CoveredEquity;
  /**
   * The days from `from` to `to` (both included, not before 28 CFR 202 took effect) on which the
   * party's facts or covered equity can differ from the day before: the first day, and each day
   * something dated above the party starts or stops being in force or a dated parameter changes
   * value. Sorted; empty when the period is empty. Between two of them, every day is as the
   * earlier one.
   */
  changeDays(id: string, from: CivilDate, to: CivilDate): readonly CivilDate[];
}

function isActive(d: Entity['designations'][number], date: CivilDate): boolean {
  return (d.listedFrom === undefined || d.listedFrom <= date) && (d.listedUntil === undefined || date <= d.listedUntil);
}

export function derivePersons(inv: Inventory, asOf: CivilDate): PersonFacts {
  return new PersonDeriver(inv, asOf).derive();
}

/**
 * Party facts on other dates than the as-of date (PersonFacts.on). Per party, the dated things
 * above it are gathered once: 202.211(a)(5) designations, ownership edges and employment links
 * with a holding period. A date on which each of them is in or out of force as on the as-of date
 * gives the as-of facts; any other is derived over the party's ancestors, once per party and
 * pattern of things in force.
 */
class DatedParties {
  /** Per party: the dated DOJ designations (as their periods) and dated links of it and of every party above it. */
  private readonly dated = new Map<string, readonly HeldLink[]>();
  private readonly derived = new Map<string, PartyFacts>();
  private readonly onDate = new Map<string, PartyFacts>();
  /** Covered equity per derivation key (see `keyOn`). */
  private readonly equity = new Map<string, CoveredEquity>();
  /** Position of each party id: the organization, then the entities in inventory order (made on first need). */
  private order: ReadonlyMap<string, number> | undefined;
  /** Per date: the dated parameters have their as-of values. */
  private readonly paramsSame = new Map<CivilDate, boolean>();
  /** The parties a dated designation can reach (see `belowDated`), made on first need. */
  private reached: ReadonlySet<string> | undefined;

  constructor(
    private readonly inv: Inventory,
    private readonly asOf: CivilDate,
    private readonly parties: ReadonlyMap<string, PartyFacts>,
    private readonly entities: ReadonlyMap<string, Entity>,
    /** The as-of covered equity of a party (PersonFacts.coveredEquity). */
    private readonly equityNow: (id: string) => CoveredEquity,
  ) {}

  on(id: string, date: CivilDate): PartyFacts | undefined {
    const now = this.parties.get(id);
    if (now === undefined) return now;
    const key = this.keyOn(id, date);
    if (key === undefined) return now;
    // Derived once per party and pattern of designations in force (or per date, when a parameter
    // differs); the same status for the same reasons is the as-of facts themselves.
    let derived = this.derived.get(key);
    if (derived === undefined) {
      const made = this.deriverOn(id, date).deriveOne(id)!;
      this.derived.set(key, (derived = sameStatus(made, now) ? now : made));
    }
    if (derived === now) return now;
    return this.namedOn(id, date, derived);
  }

  coveredEquityOn(id: string, date: CivilDate): CoveredEquity {
    const key = this.parties.has(id) ? this.keyOn(id, date) : undefined;
    if (key === undefined) return this.equityNow(id);
    let equity = this.equity.get(key);
    if (equity === undefined) this.equity.set(key, (equity = this.deriverOn(id, date).equityOne(id)));
    return equity;
  }

  /**
   * Undefined when the party's facts on `date` are its as-of facts (nothing dated above it is in
   * or out of force differently, and the dated parameters have their as-of values); else the key
   * its derivation for `date` is kept under: the party and the pattern of dated things in force,
   * or the date itself when a parameter differs.
   */
  private keyOn(id: string, date: CivilDate): string | undefined {
    if (date === this.asOf) return undefined;
    let paramsSame = this.paramsSame.get(date);
    if (paramsSame === undefined) this.paramsSame.set(date, (paramsSame = sameParams(date, this.asOf)));
    if (paramsSame && !(this.reached ??= this.belowDated()).has(id)) return undefined;
    const dated = this.datedAbove(id);
    if (paramsSame && dated.length === 0) return undefined;
    let pattern = '';
    let differs = !paramsSame;
    // on the dates the derivation reads them on (202.211 applies from its effective date)
    const then = dojDate(date);
    const now0 = dojDate(this.asOf);
    for (const d of dated) {
      const held = heldOn(d, then);
      if (held !== heldOn(d, now0)) differs = true;
      pattern += held ? '1' : '0';
    }
    if (!differs) return undefined;
    return `${id}\u0000${paramsSame ? pattern : date}`;
  }

  /** A derivation for `date` over the party and those above it, in inventory order (the organization first), as a full derivation meets them. */
  private deriverOn(id: string, date: CivilDate): PersonDeriver {
    const order = (this.order ??= new Map([this.inv.organization.id, ...this.inv.entities.map((e) => e.id)].map((x, i) => [x, i])));
    const only = [...this.above(id)].sort((a, b) => order.get(a)! - order.get(b)!);
    return new PersonDeriver(this.inv, date, { parties: only, entities: this.entities });
  }

  /** The facts as of `date`, named with it (PartyFacts.on): one object per party and date. */
  private namedOn(id: string, date: CivilDate, facts: PartyFacts): PartyFacts {
    const onKey = `${id}\u0000${date}`;
    let out = this.onDate.get(onKey);
    if (out === undefined) this.onDate.set(onKey, (out = { ...facts, on: date }));
    return out;
  }

  during(id: string, from: CivilDate, to: CivilDate): PartyFacts | undefined {
    const last = this.on(id, to);
    const start = dojDate(from);
    if (last === undefined || last.coveredPerson || last.countryOfConcern || start >= to) return last;
    // The status can change only where something dated above the party starts or stops being
    // in force, or a dated parameter changes value: look at the first day and at each such day.
    // nothing dated above the party, and the parameters the same all through: the same status
    if (!(this.reached ??= this.belowDated()).has(id) && !paramChangeIn(start, to)) return last;
    const days = this.changeDays(id, start, to);
    if (days.length === 1) return last;
    for (const d of days) {
      const then = this.on(id, d)!;
      if (!then.coveredPerson && !then.countryOfConcern) continue;
      // named with its day, also when it is the as-of facts (the status then is today's again)
      return then.on === d ? then : this.namedOn(id, d, then);
    }
    return last;
  }

  changeDays(id: string, from: CivilDate, to: CivilDate): readonly CivilDate[] {
    const start = dojDate(from);
    if (to < start) return NO_DAYS;
    const days = new Set<CivilDate>([start]);
    for (const d of PARAM_DAYS) if (start < d && d <= to) days.add(d);
    if (this.parties.has(id) && (this.reached ??= this.belowDated()).has(id)) {
      for (const l of this.datedAbove(id)) {
        if (l.from !== undefined && start < l.from && l.from <= to) days.add(l.from);
        if (l.until !== undefined) {
          const after = addDays(l.until, 1);
          if (start < after && after <= to) days.add(after);
        }
      }
    }
    return days.size === 1 ? [start] : [...days].sort();
  }

  /** The party and every party its status may rest on: owners (a branch's are its entity's), employers, the entity it is a branch of, and theirs. */
  private above(id: string): Set<string> {
    const seen = new Set<string>();
    const stack = [id];
    const org = this.inv.organization;
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      if (x === org.id) {
        for (const o of org.owners) stack.push(o.entity);
        continue;
      }
      const e = this.entities.get(x);
      if (!e) continue;
      for (const o of e.owners) stack.push(o.entity);
      for (const j of e.employment) stack.push(j.entity);
      if (e.branchOf !== undefined) stack.push(e.branchOf);
    }
    return seen;
  }

  /**
   * The parties with a dated 202.211(a)(5) designation or a dated owner or employer link, and
   * every party below them (what they own, employ or have as a branch, and so on down): only
   * these can have another status on another date while the parameters stay the same. One walk
   * down for the whole run.
   */
  private belowDated(): Set<string> {
    const below = new Map<string, string[]>();
    const link = (up: string, down: string): void => {
      const list = below.get(up);
      if (list) list.push(down);
      else below.set(up, [down]);
    };
    const org = this.inv.organization;
    for (const o of org.owners) link(o.entity, org.id);
    const stack: string[] = [];
    if (org.owners.some(isDated)) stack.push(org.id);
    for (const e of this.inv.entities) {
      for (const o of e.owners) link(o.entity, e.id);
      for (const j of e.employment) link(j.entity, e.id);
      if (e.branchOf !== undefined) link(e.branchOf, e.id);
      if (e.designations.some((d) => DOJ_DESIGNATION_LISTS.includes(d.list) && (d.listedFrom !== undefined || d.listedUntil !== undefined)) || e.owners.some(isDated) || e.employment.some(isDated)) stack.push(e.id);
    }
    const reached = new Set<string>();
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (reached.has(x)) continue;
      reached.add(x);
      for (const y of below.get(x) ?? NO_PARTIES) if (!reached.has(y)) stack.push(y);
    }
    return reached;
  }

  private datedAbove(id: string): readonly HeldLink[] {
    let list = this.dated.get(id);
    if (list === undefined) {
      const found: HeldLink[] = [];
      const org = this.inv.organization;
      for (const x of this.above(id)) {
        if (x === org.id) {
          for (const o of org.owners) if (isDated(o)) found.push(o);
          continue;
        }
        const e = this.entities.get(x);
        if (!e) continue;
        for (const d of e.designations) if (DOJ_DESIGNATION_LISTS.includes(d.list) && (d.listedFrom !== undefined || d.listedUntil !== undefined)) found.push({ from: d.listedFrom, until: d.listedUntil });
        for (const o of e.owners) if (isDated(o)) found.push(o);
        for (const j of e.employment) if (isDated(j)) found.push(j);
      }
      this.dated.set(id, (list = found.length === 0 ? NO_LINKS : found));
    }
    return list;
  }
}
const NO_LINKS: readonly HeldLink[] = Object.freeze([]);
const NO_DAYS: readonly CivilDate[] = Object.freeze([]);

/** The days a dated parameter of the derivation starts or stops having a value. */
const PARAM_DAYS: readonly CivilDate[] = [
  ...new Set(
    [DOJ_COUNTRIES_OF_CONCERN, COVERED_OWNERSHIP_THRESHOLD, UNKNOWN_SHARE_POLICY].flatMap((p: { readonly values: readonly { readonly from: CivilDate; readonly until?: CivilDate | undefined }[] }) =>
      p.values.flatMap((v) => (v.until === undefined ? [v.from] : [v.from, addDays(v.until, 1)])),
    ),
  ),
].sort();

/** A dated parameter of the derivation changes value after `from`, up to `to`. */
function paramChangeIn(from: CivilDate, to: CivilDate): boolean {
  for (const d of PARAM_DAYS) if (from < d && d <= to) return true;
  return false;
}

/** The same covered status, for the same reasons. */
function sameStatus(a: PartyFacts, b: PartyFacts): boolean {
  if (a.coveredPerson !== b.coveredPerson || a.countryOfConcern !== b.countryOfConcern || a.ownershipCycle !== b.ownershipCycle) return false;
  const x = a.coveredReasons;
  const y = b.coveredReasons;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The dated parameters the derivation reads have the same values on both dates. */
function sameParams(a: CivilDate, b: CivilDate): boolean {
  const x = dojDate(a);
  const y = dojDate(b);
  return at(DOJ_COUNTRIES_OF_CONCERN, x) === at(DOJ_COUNTRIES_OF_CONCERN, y) && at(COVERED_OWNERSHIP_THRESHOLD, x) === at(COVERED_OWNERSHIP_THRESHOLD, y) && at(UNKNOWN_SHARE_POLICY, x) === at(UNKNOWN_SHARE_POLICY, y);
}

const NO_OWNERS: readonly OwnerEdge[] = [];

/** How many links up an explanation follows, and about how many lines it writes (see `explain`). */
const EXPLAIN_DEPTH = 8;
const EXPLAIN_LINES = 64;
/** The fraction of a party owned, directly or indirectly, by countries of concern or covered persons. */
interface CoveredShare {
  readonly fraction: number;
  /** A share on the way is undeclared. */
  readonly undeclared: boolean;
}
const FULLY_COVERED: CoveredShare = { fraction: 1, undeclared: false };
const NOT_COVERED: CoveredShare = { fraction: 0, undeclared: false };
/** One explanation's walk: the parties already explained in it and the lines written so far. */
interface ExplainWalk {
  readonly seen: Set<string>;
  lines: number;
}
const NO_PARTIES: readonly string[] = [];

const ppb = (e: Entity) => e.principalPlaceOfBusiness ?? e.headquarters;

/**
 * One derivation of person facts. Its steps are methods rather than closures made per call, so
 * an inventory checked again and again (a service, the benchmark) runs the same optimized code
 * each time: the ownership search calls `owners`, `eligible` and `alsoTainted` on this object.
 */
class PersonDeriver implements OwnershipInput {
  private readonly date: CivilDate;
  private readonly coc: ReadonlySet<string>;
  private readonly org: Inventory['organization'];
  private readonly entities: ReadonlyMap<string, Entity>;
  private readonly usCache = new Map<string, { us: boolean; reason: string }>();
  private readonly seedReasons = new Map<string, string[]>();
  private readonly cocGovernments = new Set<string>();
  /** Owner edges per party, made once: the fixed point and the cycle search read them many times. */
  private readonly ownerEdges = new Map<string, readonly OwnerEdge[]>();
  private taint: Map<string, TaintReason> = new Map();
  /** Per party, the fraction of it owned directly or indirectly by covered parties (coveredShares). */
  private readonly shares = new Map<string, CoveredShare>();
  // OwnershipInput
  readonly parties: string[];
  readonly seeds: Set<string> = new Set();
  readonly thresholdPercent: number;
  readonly unknownShare: 'ignore' | 'assume_threshold';

  constructor(
    private readonly inv: Inventory,
    private readonly asOf: CivilDate,
    /**
     * Derive for these parties only, in inventory order (a party and every party above it, see
     * DatedParties), with the inventory's entities by id: the others' facts are not made, and
     * their seeds are not looked for.
     */
    scope?: { readonly parties: readonly string[]; readonly entities: ReadonlyMap<string, Entity> },
  ) {
    this.date = dojDate(asOf);
    this.coc = new Set(at(DOJ_COUNTRIES_OF_CONCERN, this.date));
    this.org = inv.organization;
    this.entities = scope ? scope.entities : new Map(inv.entities.map((e) => [e.id, e]));
    this.parties = scope ? scope.parties.slice() : [this.org.id, ...inv.entities.map((e) => e.id)];
    this.thresholdPercent = at(COVERED_OWNERSHIP_THRESHOLD, this.date);
    this.unknownShare = at(UNKNOWN_SHARE_POLICY, this.date);
  }

  derive(): PersonFacts {
    const cycleLines = this.settle();
    const parties = new Map<string, PartyFacts>();
    for (const id of this.parties) parties.set(id, this.partyFacts(id, cycleLines));
    const orgShare = this.coveredShares(this.inv.organization.id);
    const dated = new DatedParties(this.inv, this.asOf, parties, this.entities, (id) => this.coveredEquity(id));
    return {
      parties,
      cycles: this.cycles,
      orgCoveredOwnershipPercent: roundShare(orgShare.fraction * 100),
      coveredEquity: (id) => this.coveredEquity(id),
      on: (id, date) => dated.on(id, date),
      during: (id, from, to) => dated.during(id, from, to),
      coveredEquityOn: (id, date) => dated.coveredEquityOn(id, date),
      changeDays: (id, from, to) => dated.changeDays(id, from, to),
    };
  }

  /** The covered equity of one party, derived over the parties given to the constructor (`scope`). */
  equityOne(id: string): CoveredEquity {
    this.settle();
    return this.coveredEquity(id);
  }

  /** The facts of one party, derived over the parties given to the constructor (`scope`). */
  deriveOne(id: string): PartyFacts | undefined {
    if (!this.parties.includes(id)) return undefined;
    return this.partyFacts(id, this.settle());
  }

  private cycles: string[][] = [];

  /** Seeds, the taint that flows from them, and the ownership cycles (with the line for each party on one). */
  private settle(): Map<string, string> {
    this.addSeeds();
    for (const id of this.seedReasons.keys()) this.seeds.add(id);
    this.taint = taintByOwnership(this);
    this.cycles = findCycles(this.parties, this);
    return this.cycleLines(this.cycles);
  }

  private partyFacts(id: string, cycleLines: ReadonlyMap<string, string>): PartyFacts {
    const { org, entities, asOf, taint } = this;
    const e = entities.get(id);
    const us = this.usStatus(id);
    const countries = new Set<string>();
    if (id === org.id) {
      countries.add(org.organizedIn);
      if (org.principalPlaceOfBusiness) countries.add(org.principalPlaceOfBusiness);
    } else if (e) {
      for (const c of [e.organizedIn, e.principalPlaceOfBusiness, e.headquarters, e.primaryResidence, e.location, e.government, ...e.citizenships]) if (c) countries.add(c);
    }
    return {
      id,
      name: this.nameOf(id),
      kind: id === org.id ? 'organization' : e!.kind,
      usPerson: us.us,
      usPersonReason: us.reason,
      countryOfConcern: this.cocGovernments.has(id),
      coveredPerson: taint.has(id) && !this.cocGovernments.has(id),
      coveredReasons: this.explain(id, { seen: new Set(), lines: 0 }),
      activeDesignations: e ? e.designations.filter((d) => isActive(d, asOf)) : [],
      countries: [...countries].sort(),
      ownershipCycle: cycleLines.get(id),
    };
  }

  /** Per party on an ownership cycle, the line that explains the first cycle found through it. */
  private cycleLines(cycles: readonly string[][]): Map<string, string> {
    const lines = new Map<string, string>();
    for (const cycle of cycles) {
      // the cycle as a list closed on its first member: A → B → A
      const ring = cycle.slice(0, -1);
      for (let k = 0; k < ring.length; k++) {
        const id = ring[k]!;
        if (lines.has(id)) continue;
        // read from the party itself, so the line does not depend on where the search entered the cycle
        const path = [...ring.slice(k), ...ring.slice(0, k), id].map((x) => this.nameOf(x)).join(' → ');
        lines.set(
          id,
          `${this.nameOf(id)} is on an ownership cycle (${path}): each share on it counts once toward the ${this.thresholdPercent} % of 202.211(a), and ownership is traced around it once, so the cycle adds no share of its own`,
        );
      }
    }
    return lines;
  }

  /** A party's covered equity, with the owners through which it is held (PersonFacts.coveredEquity). */
  coveredEquity(id: string): CoveredEquity {
    let made = this.equities.get(id);
    if (made === undefined) this.equities.set(id, (made = this.equityOf(id)));
    return made;
  }

  /** One object per party (asked once per flow): the same answer is the same object. */
  private readonly equities = new Map<string, CoveredEquity>();

  private equityOf(id: string): CoveredEquity {
    const share = this.coveredShares(id);
    const via: string[] = [];
    for (const o of this.owners(id)) {
      const up = this.shares.get(o.owner) ?? this.walkShares.get(o.owner);
      if (this.taint.has(o.owner) || !up || o.percent === undefined || up.fraction === 0) continue;
      via.push(`${this.nameOf(o.owner)} holds ${o.percent}% and is itself ${roundShare(up.fraction * 100)}% owned, directly or indirectly, by countries of concern or covered persons: ${roundShare(o.percent * up.fraction)}% of ${this.nameOf(id)}`);
    }
    return { percent: roundShare(share.fraction * 100), undeclared: share.undeclared, via };
  }

  /**
   * The fractions of the last walk of `coveredShares` that rest on where it entered an ownership
   * cycle (an owner on the walk's path counted as nothing): right for that walk's party only,
   * so not kept in `shares` for other parties' walks.
   */
  private readonly walkShares = new Map<string, CoveredShare>();

  /**
   * The fraction of a party's equity owned, directly or indirectly, by countries of concern or
   * covered persons: per owner edge, its share times 1 for a tainted owner, or times the owner's
   * own fraction (look-through). A depth-first walk up the owners with an explicit stack (owner
   * chains may be thousands of links long); an owner already on the walk's path (a cycle) adds
   * nothing more. Each fraction is capped at 1 (shares declared over 100 % in total).
   *
   * A fraction that rests on such a cut (directly or through an owner's) depends on the party the
   * walk started from, so it is kept for this walk alone (`walkShares`); only fractions that do
   * not are kept for later walks. The answer for a party is then the same whatever was asked
   * before it.
   */
  private coveredShares(root: string): CoveredShare {
    const { shares, taint } = this;
    const walk = this.walkShares;
    walk.clear();
    const path = new Set<string>();
    const stack: { id: string; expanded: boolean }[] = [{ id: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (shares.has(top.id) || walk.has(top.id)) continue;
      const edges = this.owners(top.id);
      if (!top.expanded) {
        if (path.has(top.id)) continue;
        path.add(top.id);
        stack.push({ id: top.id, expanded: true });
        for (const e of edges) if (!taint.has(e.owner) && !shares.has(e.owner) && !walk.has(e.owner) && !path.has(e.owner)) stack.push({ id: e.owner, expanded: false });
        continue;
      }
      let fraction = 0;
      let undeclared = false;
      let cut = false;
      for (const e of edges) {
        let up: CoveredShare;
        if (taint.has(e.owner)) up = FULLY_COVERED;
        else {
          const known = shares.get(e.owner);
          if (known !== undefined) up = known;
          else {
            const here = walk.get(e.owner);
            // an owner still on the path is a cycle cut here; one kept for this walk rests on one
            cut ||= here !== undefined || path.has(e.owner);
            up = here ?? NOT_COVERED;
          }
        }
        if (e.percent === undefined) undeclared ||= up.fraction > 0 || up.undeclared;
        else {
          fraction += (e.percent / 100) * up.fraction;
          undeclared ||= e.percent > 0 && up.undeclared;
        }
      }
      (cut ? walk : shares).set(top.id, { fraction: Math.min(1, fraction), undeclared });
      path.delete(top.id);
    }
    return shares.get(root) ?? walk.get(root) ?? NOT_COVERED;
  }

  // --- U.S. person (202.256) --------------------------------------------------------------
  private usStatus(id: string, depth = 0): { us: boolean; reason: string } {
    const cached = this.usCache.get(id);
    if (cached) return cached;
    const org = this.org;
    let r: { us: boolean; reason: string };
    if (id === org.id) {
      const solely = org.organizedSolelyInUS ?? org.organizedIn === 'US';
      r = solely
        ? { us: true, reason: 'organized solely under U.S. law (202.256(a)), including its foreign branches' }
        : { us: false, reason: `organized under the laws of ${countryInSentence(org.organizedIn)} (202.256)` };
    } else {
      const e = this.entities.get(id);
      if (!e) r = { us: false, reason: 'unknown party' };
      else if (e.branchOf && depth < 16) {
        const parent = this.usStatus(e.branchOf, depth + 1);
        r = { us: parent.us, reason: `a branch of ${e.branchOf}, which is ${parent.us ? 'a U.S. person' : 'a foreign person'} (202.256(b)(7): a branch is not a separate person)` };
      } else if (e.kind === 'individual') {
        if (e.usStatus && US_STATUSES.has(e.usStatus)) r = { us: true, reason: `U.S. ${e.usStatus.replace('_', ' ')} (202.256(a)), wherever located` };
        else if (e.location === 'US') r = { us: true, reason: 'a person in the United States (202.256(a)), whatever the citizenship' };
        else r = { us: false, reason: 'an individual who is not a U.S. citizen, national, permanent resident, refugee or asylee and is outside the United States (202.256(b)(4))' };
      } else if (e.kind === 'government') {
        r = e.government === 'US' ? { us: true, reason: 'the U.S. Government' } : { us: false, reason: `the government of ${e.government ? countryInSentence(e.government) : 'a foreign country'}` };
      } else if (e.organizedIn === 'US') {
        r = { us: true, reason: 'an entity organized under U.S. law (202.256(a)), whatever its owners (202.256(b)(8))' };
      } else {
        r = { us: false, reason: e.organizedIn ? `an entity organized under the laws of ${countryInSentence(e.organizedIn)} (202.256(b)(6))` : 'an entity not shown to be organized under U.S. law (202.256)' };
      }
    }
    this.usCache.set(id, r);
    return r;
  }

  // --- seeds of 202.211 ---------------------------------------------------------------------
  private addSeed(id: string, reason: string): void {
    const list = this.seedReasons.get(id) ?? [];
    list.push(reason);
    this.seedReasons.set(id, list);
  }

  private addSeeds(): void {
    const { org, entities, coc, date } = this;
    for (const id of this.parties) {
      const e = entities.get(id);
      if (!e) continue;
      const foreign = !this.usStatus(e.id).us;
      const designated = e.designations.filter((d) => DOJ_DESIGNATION_LISTS.includes(d.list) && isActive(d, date));
      if (designated.length) this.addSeed(e.id, `designated by the Attorney General as a covered person (202.211(a)(5)${designated[0]?.source ? `; ${designated[0].source}` : ''}), wherever located`);
      // A branch is not a separate person: the designation of the entity it belongs to is its own.
      const of = e.branchOf ? entities.get(e.branchOf) : undefined;
      const designatedOf = of ? of.designations.filter((d) => DOJ_DESIGNATION_LISTS.includes(d.list) && isActive(d, date)) : [];
      if (designatedOf.length && of) this.addSeed(e.id, `a branch of ${of.name} (not a separate person), which is designated by the Attorney General as a covered person (202.211(a)(5)${designatedOf[0]?.source ? `; ${designatedOf[0].source}` : ''}), wherever located`);
      if (e.kind === 'government' && e.government && coc.has(e.government)) {
        this.cocGovernments.add(e.id);
        this.addSeed(e.id, `the government of ${countryInSentence(e.government)}, a country of concern (202.209, 202.601)`);
      }
      if (!foreign) continue;
      const base = e.branchOf ? entities.get(e.branchOf) : e;
      if (e.kind === 'company' && base) {
        if (base.organizedIn && coc.has(base.organizedIn)) this.addSeed(e.id, `a foreign entity organized under the laws of ${countryInSentence(base.organizedIn)}, a country of concern (202.211(a)(1))`);
        const place = ppb(base);
        if (place && coc.has(place)) this.addSeed(e.id, `a foreign entity with its principal place of business in ${countryInSentence(place)}, a country of concern (202.211(a)(1))`);
      }
      if (e.kind === 'individual' && e.primaryResidence && coc.has(e.primaryResidence)) {
        this.addSeed(e.id, `a foreign individual primarily resident in ${countryInSentence(e.primaryResidence)}, a country of concern (202.211(a)(4))`);
      }
    }
    if (this.parties.includes(org.id) && !this.usStatus(org.id).us) {
      if (coc.has(org.organizedIn)) this.addSeed(org.id, `organized under the laws of ${countryInSentence(org.organizedIn)}, a country of concern (202.211(a)(1))`);
      if (org.principalPlaceOfBusiness && coc.has(org.principalPlaceOfBusiness)) this.addSeed(org.id, `principal place of business in ${countryInSentence(org.principalPlaceOfBusiness)} (202.211(a)(1))`);
    }
  }

  // --- the ownership graph (OwnershipInput) -------------------------------------------------
  owners(id: string): readonly OwnerEdge[] {
    let edges = this.ownerEdges.get(id);
    if (edges) return edges;
    if (id === this.org.id) edges = this.heldEdges(this.org.owners);
    else {
      const e = this.entities.get(id);
      if (!e) edges = NO_OWNERS;
      // A branch has the owners of the entity it belongs to (a placeholder first: branch cycles end).
      else if (e.branchOf && e.owners.length === 0) {
        this.ownerEdges.set(id, NO_OWNERS);
        edges = this.owners(e.branchOf);
      }
      else edges = this.heldEdges(e.owners);
    }
    this.ownerEdges.set(id, edges);
    return edges;
  }

  /** The edges held on the derivation's date (an edge without dates always is). */
  private heldEdges(owners: readonly { readonly entity: string; readonly percent?: number | undefined; readonly from?: CivilDate | undefined; readonly until?: CivilDate | undefined }[]): readonly OwnerEdge[] {
    if (owners.length === 0) return NO_OWNERS;
    const edges: OwnerEdge[] = [];
    for (const o of owners) if (heldOn(o, this.date)) edges.push({ owner: o.entity, percent: o.percent });
    return edges.length === 0 ? NO_OWNERS : edges;
  }

  /** " (held from …)" for the party's dated edge from `owner` held on the derivation's date; "" otherwise. */
  private edgeSpan(id: string, owner: string): string {
    return ownerSpanOn(id === this.org.id ? this.org.owners : this.entities.get(id)?.owners, owner, this.date);
  }

  eligible(id: string): boolean {
    if (this.usStatus(id).us) return false;
    const e = this.entities.get(id);
    return id === this.org.id || (e !== undefined && e.kind === 'company');
  }

  /** 202.211(a)(3): a foreign individual employed by or contracting for a covered entity. */
  alsoTainted(id: string, tainted: ReadonlySet<string>): TaintReason | undefined {
    const e = this.entities.get(id);
    if (!e || e.kind !== 'individual' || this.usStatus(id).us) return undefined;
    const job = e.employment.find((j) => heldOn(j, this.date) && tainted.has(j.entity) && (this.cocGovernments.has(j.entity) || this.entities.get(j.entity)?.kind !== 'individual'));
    return job ? { kind: 'ownership', owners: [{ owner: job.entity, percent: undefined }], total: 0 } : undefined;
  }

  /** What `alsoTainted` reads of a party: the taint of its employers. */
  alsoReads(id: string): readonly string[] {
    const e = this.entities.get(id);
    return e && e.kind === 'individual' && e.employment.length > 0 ? e.employment.filter((j) => heldOn(j, this.date)).map((j) => j.entity) : NO_PARTIES;
  }

  // --- explanations -------------------------------------------------------------------------
  private nameOf(id: string): string {
    return id === this.org.id ? this.org.name : this.entities.get(id)?.name ?? id;
  }

  /**
   * Why a party is covered, with the path that makes it so. The path is followed at most
   * EXPLAIN_DEPTH links up and written in at most EXPLAIN_LINES lines: a chain of thousands of
   * owners would otherwise give every party on it the whole chain (quadratic lines, each line
   * carrying the names above it) and recurse as deep as the chain.
   */
  private explain(id: string, walk: ExplainWalk, depth = 0): string[] {
    const taint = this.taint;
    const t = taint.get(id);
    if (!t) return [];
    if (t.kind === 'seed') {
      const own = this.seedReasons.get(id) ?? [];
      walk.lines += own.length;
      return own;
    }
    walk.lines++;
    const e = this.entities.get(id);
    if (e?.kind === 'individual') {
      // The employer `alsoTainted` found (a covered entity or a country of concern), and its path.
      const employer = t.owners?.[0]?.owner ?? '';
      const job = e.employment.find((j) => j.entity === employer && heldOn(j, this.date));
      const chain = [`a foreign individual who is ${job?.relation === 'contractor' ? 'a contractor' : 'an employee'} of ${this.nameOf(employer)}${job ? heldSpan(job, '') : ''}, itself a country of concern or covered entity (202.211(a)(3))`];
      this.explainUp(employer, walk, depth, chain);
      return chain;
    }
    const parts = (t.owners ?? []).map((o) => `${this.nameOf(o.owner)} ${o.percent === undefined ? '(share unknown)' : `${o.percent}%`}${this.edgeSpan(id, o.owner)}`);
    const base = t.viaUnknownShare
      ? `owned by countries of concern or covered persons (${parts.join(' + ')}), known shares total ${t.total}% and an undeclared share could reach 50% — treated as covered under the conservative unknown-share policy (202.211(a)(2)); declare the percentage to decide`
      : `a foreign entity ${t.total}% owned, directly or indirectly and in the aggregate, by countries of concern or covered persons: ${parts.join(' + ')} (202.211(a)(1)-(2))`;
    const chain: string[] = [base];
    for (const o of t.owners ?? []) if (!this.explainUp(o.owner, walk, depth, chain)) break;
    return chain;
  }

  /** Adds the lines explaining `up` (an owner or employer) under `chain`; false once the lines are spent. */
  private explainUp(up: string, walk: ExplainWalk, depth: number, chain: string[]): boolean {
    if (walk.seen.has(up)) return true;
    walk.seen.add(up);
    const name = this.nameOf(up);
    if (walk.lines >= EXPLAIN_LINES) {
      chain.push(`  ↳ … (further owners not shown: see the explanation of ${name})`);
      return false;
    }
    if (depth + 1 >= EXPLAIN_DEPTH) {
      walk.lines++;
      chain.push(`  ↳ ${name}: a country of concern or covered person (the path goes on beyond ${EXPLAIN_DEPTH} links: see the explanation of ${name})`);
      return true;
    }
    for (const r of this.explain(up, walk, depth + 1)) chain.push(`  ↳ ${name}: ${r}`);
    return true;
  }
}

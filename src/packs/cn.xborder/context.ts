/**
 * What the `cn.xborder` rules read about one flow (or about the organization), derived once
 * from the shared facts: where the data sits and goes (is it an export?), what kind of data it
 * is under PIPL/DSL, the exporter's roles, and the cumulative export counts since 1 January.
 */
import { countryInSentence } from '../../common/country-name.js';
import { CN_MAINLAND } from '../../facts/country-sets.js';
import { cnWindows, type CnWindows, type WindowBase } from '../../facts/cn-windows.js';
import type { Facts } from '../../facts/index.js';
import type { Dataset, Flow, Organization } from '../../inventory/schema.js';
import { categoryInfo } from '../../inventory/taxonomy.js';
import { addYears, startOfYear, type CivilDate } from '../../time/civil-date.js';
import { PartyTextsByName, type PartyTexts } from '../../engine/text.js';
import { IMPORTANT_DATA_NEEDS_NOTIFICATION, paramOn, policyAt, type AuthorityKind, type Policy, type PolicyOverrides } from './params.js';

/**
 * Where a flow stands against "data export" (数据出境; CAC Guide, cn-eu-rules.md §4.5).
 * - `export`: data in mainland China transmitted abroad, or accessed from abroad.
 * - `foreign_authority`: data stored in China going to a foreign judicial or enforcement body.
 * - `stays_in_china`: the destination is in mainland China.
 * - `accessed_in_china`: people accessing while physically in China (Q&A Oct 2025).
 * - `onward_abroad`: the data is already abroad and the flow that exported it is declared.
 * - `held_abroad_undeclared`: collected in China, held abroad, no declared flow exported it.
 * - `art3_2`: PI of people in China held abroad (PIPL Art. 3(2) may reach it).
 * - `source_unknown`: PI of people in China, and the inventory does not say where it sits.
 * - `no_nexus`: nothing ties the data to China.
 */
export type Scope =
  | 'export'
  | 'foreign_authority'
  | 'stays_in_china'
  | 'accessed_in_china'
  | 'onward_abroad'
  | 'held_abroad_undeclared'
  | 'art3_2'
  | 'source_unknown'
  | 'no_nexus';

/** Every scope, in the order above. */
export const SCOPES: readonly Scope[] = ['export', 'foreign_authority', 'stays_in_china', 'accessed_in_china', 'onward_abroad', 'held_abroad_undeclared', 'art3_2', 'source_unknown', 'no_nexus'];

/** Distinct people whose PI an exporter sent abroad in a counting window. */
export interface Counts {
  /** People counted toward the non-sensitive thresholds (see `sensitiveCountsAsNonSensitive`). */
  readonly nonSensitive: number;
  /** People whose sensitive PI was exported. */
  readonly sensitive: number;
  /** People whose PI of any kind was exported (Order 11's measure). */
  readonly all: number;
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
}

/** The counted flows of one exporter in one window: people per dataset (largest count). */
type Base = WindowBase;

export interface ForeignAuthority {
  readonly kind: AuthorityKind;
  readonly country: string;
}

const AUTHORITY_NAME: Readonly<Record<AuthorityKind, string>> = {
  court: 'a court',
  law_enforcement: 'a law-enforcement authority',
  regulator: 'a regulator',
  other: 'an authority',
};

/** The asking body as a reason names it: "a court of the United States", "a law-enforcement authority of Germany". */
export function authorityName(a: ForeignAuthority): string {
  return `${AUTHORITY_NAME[a.kind]} of ${countryInSentence(a.country)}`;
}

export interface FlowCtx {
  readonly flow: Flow;
  readonly dataset: Dataset | undefined;
  readonly org: Organization;
  readonly facts: Facts;
  /** The date the flow is judged on (the as-of date, or its end when it ended earlier). */
  readonly date: CivilDate;
  readonly asOf: CivilDate;
  readonly policy: Policy;
  /**
   * The processor that provides the data abroad: the flow's sender (`from`, else the
   * organization), or the entity it is a branch of (`branchOf`: a branch is not a separate
   * legal person, so its exports are that processor's).
   */
  readonly exporter: string;
  /** The organization's China roles apply (the exporter is the organization itself, or a branch of it). */
  readonly ciio: boolean;
  readonly stateOrgan: boolean;
  /** Where the data sits before the flow (ISO code), when known. */
  readonly source: string | undefined;
  readonly scope: Scope;
  /** The flow is treated as an export only through PIPL Art. 3(2) (policy `export`). */
  readonly viaArt32: boolean;
  readonly authority: ForeignAuthority | undefined;
  /** Personal information (PIPL Art. 4): personal categories, not properly anonymised. */
  readonly personal: boolean;
  /** Sensitive PI (PIPL Art. 28). */
  readonly sensitive: boolean;
  /** Declared as important data (notified or not). */
  readonly importantDeclared: boolean;
  /** Important data for the export rules on this date (Order 16 Art. 2: only once notified, from the notification date). */
  readonly important: boolean;
  readonly core: boolean;
  /** Cumulative counts since 1 January of the current year (Order 16). */
  counts(): Counts;
  /** Cumulative counts since 1 January of the previous year (Order 11). */
  legacyCounts(): Counts;
  /** People whose PI the exporter processes (Order 11 Art. 4(2)). */
  processing(): number;
  /**
   * A fact several rules read, derived from this context on first use and kept with it (e.g. the
   * safeguards in effect on the judged date): `make` runs once per context and slot (it must not
   * return undefined, which reads as not yet made).
   */
  remember<T>(slot: FlowSlot<T>, make: (ctx: FlowCtx) => T): T;
}

/** The key of a fact kept with each flow context (`FlowCtx.remember`); make one per fact, once. */
export interface FlowSlot<T> {
  readonly index: number;
  /** Carries the type only. */
  readonly type?: T;
}

let slotCount = 0;
export function flowSlot<T>(): FlowSlot<T> {
  return Object.freeze({ index: slotCount++ });
}

/** One stock listing of the organization, planned or done. */
export type Listing = Organization['listings'][number];

export interface OrgCtx {
  readonly org: Organization;
  readonly facts: Facts;
  readonly date: CivilDate;
  readonly asOf: CivilDate;
  readonly policy: Policy;
  readonly listing?: Listing;
}

// --- data classification ------------------------------------------------------------------

export function isPersonal(ds: Dataset | undefined): boolean {
  return ds !== undefined && !ds.anonymized && ds.categories.some((c) => categoryInfo(c).personal);
}

export function isSensitive(ds: Dataset | undefined): boolean {
  return isPersonal(ds) && ds!.categories.some((c) => categoryInfo(c).cn?.sensitive !== undefined);
}

const mainlandOn = new Map<CivilDate, ReadonlySet<string>>();

/** The country is in mainland China for the export rules on `date` (HK, MO, TW are not). */
export function inMainland(country: string | undefined, date: CivilDate): boolean {
  if (country === undefined) return false;
  let set = mainlandOn.get(date);
  if (!set) {
    set = new Set(paramOn(CN_MAINLAND, date));
    mainlandOn.set(date, set);
  }
  return set.has(country);
}

// --- one evaluation run -----------------------------------------------------------------------

/** Everything the rules of one `check` run share: memoised contexts and counts. */
export interface Run {
  readonly facts: Facts;
  readonly asOf: CivilDate;
  ctxOf(flow: Flow): FlowCtx;
  /**
   * Counted toward the thresholds of its own judged date: a PI export, not exempt by nature
   * unless the policy counts those.
   */
  counted(flow: Flow): boolean;
}

/** What a run knows per judged date: the policy and the dated parameters every flow reads. */
interface OnDate {
  readonly date: CivilDate;
  readonly policy: Policy;
  readonly needsNotice: boolean;
  /** Mainland China on that date (CN_MAINLAND). */
  readonly mainland: ReadonlySet<string>;
}

/** How a dataset counts under PIPL: not PI, PI, or sensitive PI (Arts. 4, 28). */
const NOT_PI = -1;
const PLAIN = 0;
const SENSITIVE = 1;

/** What the flow contexts of one run share, and read lazily from it. */
interface Shared {
  readonly org: Organization;
  readonly facts: Facts;
  readonly asOf: CivilDate;
  counts(ctx: FlowContext): Counts;
  legacyCounts(ctx: FlowContext): Counts;
  processing(ctx: FlowContext): number;
  authority(ctx: FlowContext): ForeignAuthority | undefined;
  exporterOf(flow: Flow): string;
}

/** Marks a field not computed yet. */
const UNSET = Symbol('unset');

/** The yes/no facts of a flow context, as bits. */
const CIIO = 1;
const STATE_ORGAN = 2;
const VIA_ART32 = 4;
const PERSONAL = 8;
const SENSITIVE_PI = 16;
const IMPORTANT_DECLARED = 32;
const IMPORTANT = 64;
const CORE = 128;
/** Counted toward the thresholds (set when the run groups the counted flows). */
const COUNTED = 256;
/** The data sits in mainland China on the judged date (the foreign authority is then known when the context is built). */
const HELD = 512;

/** What a flow's context is built from (`CnRun.settle`). */
interface Settled {
  exporter: string;
  source: string | undefined;
  scope: Scope;
  flags: number;
  /** The foreign authority, worked out only for data held in mainland China (the HELD bit). */
  authority: ForeignAuthority | undefined;
}

/**
 * One flow's context. A class rather than an object literal: one shape for every flow, the lazy
 * parts are methods on the prototype rather than closures made per flow, and what few flows
 * need (the counts, the foreign authority of a flow that is not an export) is computed on first
 * use. Small, as a run keeps one per flow: what the flows of a run or of a judged date share is
 * read through `shared`, the yes/no facts are bits.
 */
class FlowContext implements FlowCtx {
  private current: Counts | undefined;
  private legacy: Counts | undefined;
  private foreignAuthority: ForeignAuthority | undefined | typeof UNSET;
  /** Facts kept by `remember`, by slot index (made on first use: most flows need none). */
  private kept: unknown[] | undefined;
  readonly date: CivilDate;
  readonly policy: Policy;
  constructor(
    private readonly shared: Shared,
    on: OnDate,
    readonly flow: Flow,
    readonly exporter: string,
    readonly dataset: Dataset | undefined,
    readonly source: string | undefined,
    readonly scope: Scope,
    private flags: number,
    authority: ForeignAuthority | undefined | typeof UNSET,
  ) {
    this.current = undefined;
    this.legacy = undefined;
    this.foreignAuthority = authority;
    this.kept = undefined;
    this.date = on.date;
    this.policy = on.policy;
  }
  get org(): Organization {
    return this.shared.org;
  }
  remember<T>(slot: FlowSlot<T>, make: (ctx: FlowCtx) => T): T {
    const kept = (this.kept ??= []);
    while (kept.length <= slot.index) kept.push(undefined);
    let v = kept[slot.index] as T | undefined;
    if (v === undefined) kept[slot.index] = v = make(this);
    return v;
  }
  get facts(): Facts {
    return this.shared.facts;
  }
  get asOf(): CivilDate {
    return this.shared.asOf;
  }
  get ciio(): boolean {
    return (this.flags & CIIO) !== 0;
  }
  get stateOrgan(): boolean {
    return (this.flags & STATE_ORGAN) !== 0;
  }
  get viaArt32(): boolean {
    return (this.flags & VIA_ART32) !== 0;
  }
  get personal(): boolean {
    return (this.flags & PERSONAL) !== 0;
  }
  get sensitive(): boolean {
    return (this.flags & SENSITIVE_PI) !== 0;
  }
  get importantDeclared(): boolean {
    return (this.flags & IMPORTANT_DECLARED) !== 0;
  }
  get important(): boolean {
    return (this.flags & IMPORTANT) !== 0;
  }
  get core(): boolean {
    return (this.flags & CORE) !== 0;
  }
  get authority(): ForeignAuthority | undefined {
    if (this.foreignAuthority === UNSET) this.foreignAuthority = this.shared.authority(this);
    return this.foreignAuthority;
  }
  counts(): Counts {
    return (this.current ??= this.shared.counts(this));
  }
  legacyCounts(): Counts {
    return (this.legacy ??= this.shared.legacyCounts(this));
  }
  processing(): number {
    return this.shared.processing(this);
  }
  /**
   * Counted in the windows of its own judged date (so in each window of that date it has begun
   * in): a PI export with no nature exemption on that date, or the policy counts those.
   */
  get counted(): boolean {
    return (this.flags & COUNTED) !== 0;
  }
}

/** Every flow counts: windows on dates before any nature exemption of the run was in force. */
const ALL = (): boolean => true;

/** What the flow contexts read of a dataset, once per dataset id (of an unknown dataset: nothing). */
interface DatasetInfo {
  readonly ds: Dataset | undefined;
  /** NOT_PI, PLAIN or SENSITIVE. */
  readonly cls: number;
  /** Where the data sits when the flow does not say (`fromCountry`): the system, else where collected. */
  readonly source: string | undefined;
  /** Declared flows that move it out of mainland China (as of the as-of date): how many, and the first. */
  exports: number;
  firstExport: string | undefined;
  /** Collected in mainland China, for the mainland set last asked about. */
  mainland: ReadonlySet<string> | undefined;
  collectedInChina: boolean;
}

/**
 * One exporter's window as of one date, and its counts once summed: one base per jurisdiction
 * counted (policy `count_subjects`), `countries[i]` for `bases[i]`.
 */
interface Windowed {
  readonly countries: readonly string[];
  readonly bases: readonly Base[];
  counts: Counts | undefined;
}

/** Policy `count_subjects` = `cn`: the people listed under CN alone. */
const CN_ONLY: readonly string[] = Object.freeze(['CN']);

/**
 * The people of jurisdiction `k` the flow carries beyond its dataset's largest count in the
 * window (the flow's own count, else its dataset's; 0 when not more).
 */
function beyond(w: Windowed, flow: Flow, ds: Dataset | undefined, k: string): number {
  const i = w.countries.indexOf(k);
  const more = (flow.subjects?.[k] ?? ds?.subjects[k] ?? 0) - (i < 0 ? 0 : (w.bases[i]!.largest(flow.dataset) ?? 0));
  return more > 0 ? more : 0;
}

function inMainlandOn(country: string | undefined, on: OnDate): boolean {
  return country !== undefined && on.mainland.has(country);
}

function sourceOf(flow: Flow, info: DatasetInfo): string | undefined {
  return flow.fromCountry || info.source;
}

/**
 * A run builds the contexts of all the inventory's flows in one pass, in inventory order, on
 * first use (every flow is decided); `runCheck` then asks for them in the same order, so the
 * next context is found without a lookup.
 */
/**
 * `natureExemptFrom`: when the flow is exempt by nature on its judged date (Order 16 Arts. 4,
 * 5(1)–(3), 6; NDSMR Art. 35), the first date the exemption that covers it was in force;
 * otherwise undefined.
 */
export function createRun(facts: Facts, overrides: PolicyOverrides, natureExempt: (ctx: FlowCtx) => CivilDate | undefined): Run {
  return new CnRun(facts, overrides, natureExempt);
}

/**
 * The state of one run. A class rather than closures made per run: the flow contexts call back
 * into it (`shared`), and a service that checks again and again keeps the optimized code that
 * inlined these methods.
 */
class CnRun implements Run, Shared {
  readonly asOf: CivilDate;
  readonly org: Organization;
  private readonly inv: Facts['inventory'];
  private readonly processingMemo = new Map<string, number>();
  private byProcessor: Map<string, Set<string>> | undefined;
  /** Mainland China as a set, once per value of the parameter (shared by the dates it covers). */
  private readonly mainlandSets = new Map<readonly string[], ReadonlySet<string>>();
  private readonly dateMemo = new Map<CivilDate, OnDate>();
  private readonly onAsOf: OnDate;
  private readonly infoMemo = new Map<string, DatasetInfo>();
  private exportsCounted = false;
  /**
   * An index, not logic: the entities with an authority's role. A flow without a request, not a
   * government request and to none of them has no foreign authority, and is spared looking its
   * recipient up among all entities.
   */
  private authorities: ReadonlySet<string> | undefined;
  /**
   * What the contexts of the inventory's flows are built from, per flow position (one pass, on
   * first use): the dataset's facts, the scope (index in SCOPES) and the yes/no facts as bits.
   * A context is built from these when its flow is decided and let go with the decision: kept for
   * the whole run, 100,000 contexts would outlive young-generation collections and be copied
   * and promoted for nothing.
   */
  private columns:
    | {
        readonly infos: DatasetInfo[];
        readonly ons: OnDate[];
        readonly exporters: string[];
        readonly scopes: Uint8Array;
        readonly flags: Int32Array;
        readonly authorities: (ForeignAuthority | undefined)[];
      }
    | undefined;
  private next = 0;
  private positions: Map<Flow, number> | undefined;
  private readonly others = new Map<Flow, FlowContext>();
  /**
   * The PI exports of the inventory by exporter, in inventory order (one pass, on first use),
   * and of those exempt by nature on their judged date, the date their exemption took effect.
   * A flow is counted in a window unless its exemption was in force on the window's date: the
   * windows of a date before 2024-03-22 (Order 11) count every PI export, as do the windows of
   * 2024 for an NDSMR Art. 35(6) route that took effect on 2025-01-01.
   */
  private countedByExporter: Map<string, Flow[]> | undefined;
  private readonly exemptFrom = new Map<Flow, CivilDate>();
  /**
   * The jurisdictions the PI exports list people of (flow or dataset `subjects`), CN first, then
   * in code order: whose people the windows count under policy `count_subjects` = `all`.
   */
  private exportedCountries: readonly string[] = CN_ONLY;
  /** The distinct dates of `exemptFrom`, ascending. */
  private exemptDates: CivilDate[] = [];
  /** Per date key (the latest of `exemptDates` on or before a window's date, '' for none): whom its windows count. */
  private readonly includes = new Map<CivilDate, (f: Flow) => boolean>();
  /**
   * The Order 16 window (since 1 January) and the Order 11 window (since 1 January of the
   * previous year): the exporter's counted flows, per dataset at the largest count, built once per
   * exporter and window in one sweep (`facts/cn-windows.ts`); per judged date a binary search.
   */
  private windows: CnWindows | undefined;
  private readonly bases = { current: new Map<string, Map<CivilDate, Windowed>>(), legacy: new Map<string, Map<CivilDate, Windowed>>() };
  /** The PIPL class of a dataset id, as the window totals group datasets (bound once per run). */
  private readonly classOf: (dataset: string) => number;

  constructor(
    readonly facts: Facts,
    private readonly overrides: PolicyOverrides,
    private readonly natureExempt: (ctx: FlowCtx) => CivilDate | undefined,
  ) {
    this.asOf = facts.asOf;
    this.inv = facts.inventory;
    this.org = this.inv.organization;
    this.onAsOf = this.onDate(this.asOf);
    this.classOf = (dataset) => this.infoOf(dataset).cls;
  }

  /**
   * The processor behind a flow: its sender, or up the `branchOf` chain the legal person the
   * sender is a branch of. The CAC counts and the CIIO role are the processor's (数据处理者), and
   * a branch is not a separate legal person.
   */
  exporterOf(flow: Flow): string {
    return this.facts.legalPersons.of(flow.from ?? this.org.id);
  }

  private onDate(date: CivilDate): OnDate {
    let d = this.dateMemo.get(date);
    if (!d) {
      const countries = paramOn(CN_MAINLAND, date);
      let mainland = this.mainlandSets.get(countries);
      if (!mainland) this.mainlandSets.set(countries, (mainland = new Set(countries)));
      d = { date, policy: policyAt(date, this.overrides), needsNotice: paramOn(IMPORTANT_DATA_NEEDS_NOTIFICATION, date), mainland };
      this.dateMemo.set(date, d);
    }
    return d;
  }

  private infoOf(dataset: string): DatasetInfo {
    let info = this.infoMemo.get(dataset);
    if (!info) {
      const facts = this.facts;
      const ds = facts.datasets.get(dataset);
      const sys = ds?.system ? facts.systems.get(ds.system) : undefined;
      let source: string | undefined;
      if (sys) source = sys.location;
      else if (ds?.foreignOriginOnly || ds?.mixedDomesticUnverified) source = 'CN';
      else {
        const collected = ds?.collectedIn ?? [];
        source = collected.find((c) => inMainlandOn(c, this.onAsOf)) ?? collected[0];
      }
      info = { ds, cls: !isPersonal(ds) ? NOT_PI : isSensitive(ds) ? SENSITIVE : PLAIN, source, exports: 0, firstExport: undefined, mainland: undefined, collectedInChina: false };
      this.infoMemo.set(dataset, info);
    }
    return info;
  }

  private collectedInChina(info: DatasetInfo, on: OnDate): boolean {
    if (info.mainland !== on.mainland) {
      info.mainland = on.mainland;
      info.collectedInChina = (info.ds?.collectedIn ?? []).some((c) => on.mainland.has(c));
    }
    return info.collectedInChina;
  }

  /** Counts, per dataset, the declared flows that move it out of mainland China (one pass, before any scope). */
  private countExports(infos?: readonly DatasetInfo[]): void {
    if (this.exportsCounted) return;
    this.exportsCounted = true;
    const flows = this.inv.flows;
    for (let i = 0; i < flows.length; i++) {
      const f = flows[i]!;
      const info = infos?.[i] ?? this.infoOf(f.dataset);
      if (!inMainlandOn(sourceOf(f, info), this.onAsOf) || inMainlandOn(f.destination, this.onAsOf)) continue;
      if (info.exports++ === 0) info.firstExport = f.id;
    }
  }

  /** Some other declared flow moves this dataset out of mainland China. */
  private exportedElsewhere(flow: Flow, info: DatasetInfo): boolean {
    this.countExports();
    return info.exports > 1 || (info.exports === 1 && info.firstExport !== flow.id);
  }

  private mayBeAuthority(flow: Flow): boolean {
    if (flow.request || flow.kind === 'government_request') return true;
    if (!this.authorities) {
      const ids = new Set<string>();
      for (const [id, e] of this.facts.entities) if (e.roles.includes('court') || e.roles.includes('law_enforcement') || e.roles.includes('regulator')) ids.add(id);
      this.authorities = ids;
    }
    return this.authorities.size > 0 && this.authorities.has(flow.recipient);
  }

  private authorityOf(flow: Flow, on: OnDate): ForeignAuthority | undefined {
    if (!this.mayBeAuthority(flow)) return undefined;
    let found: ForeignAuthority | undefined;
    if (flow.request) found = { kind: flow.request.authority, country: flow.request.country };
    else {
      const r = this.facts.entities.get(flow.recipient);
      const country = r?.government ?? r?.organizedIn ?? r?.headquarters;
      if (r && country) {
        if (r.roles.includes('court')) found = { kind: 'court', country };
        else if (r.roles.includes('law_enforcement')) found = { kind: 'law_enforcement', country };
        else if (r.roles.includes('regulator')) found = { kind: 'regulator', country };
        else if (flow.kind === 'government_request') found = { kind: 'other', country };
      }
    }
    if (!found || inMainlandOn(found.country, on) || !on.policy.foreignAuthorityKinds.includes(found.kind)) return undefined;
    return found;
  }

  /**
   * Where the flow stands against "data export" (see {@link Scope}); `authority` is needed only
   * for data held in mainland China. An `export` of data held abroad is the PIPL Art. 3(2) route
   * (`viaArt32`).
   */
  private scopeOf(flow: Flow, info: DatasetInfo, source: string | undefined, authority: ForeignAuthority | undefined, on: OnDate): Scope {
    if (source !== undefined && inMainlandOn(source, on)) {
      if (authority) return 'foreign_authority';
      if (flow.kind === 'remote_access' && (flow.physicallyInCountry === true || inMainlandOn(flow.destination, on))) return 'accessed_in_china';
      if (inMainlandOn(flow.destination, on)) return 'stays_in_china';
      return 'export';
    }
    const personal = info.cls !== NOT_PI;
    const inChina = this.collectedInChina(info, on);
    const nexus = (flow.subjects?.['CN'] ?? info.ds?.subjects['CN'] ?? 0) > 0 || inChina;
    if (source === undefined) return nexus ? 'source_unknown' : 'no_nexus';
    if (!nexus) return 'no_nexus';
    if (inMainlandOn(flow.destination, on)) return 'stays_in_china';
    if (inChina) return this.exportedElsewhere(flow, info) ? 'onward_abroad' : 'held_abroad_undeclared';
    if (personal && on.policy.art32 === 'export') return 'export';
    return personal ? 'art3_2' : 'no_nexus';
  }

  /** The facts of the flow's judged date: the as-of date, or the flow's end when it ended earlier (judgedOn). */
  private onOf(flow: Flow): OnDate {
    return flow.end !== undefined && flow.end < this.asOf ? this.onDate(flow.end) : this.onAsOf;
  }

  private build(flow: Flow, info: DatasetInfo, on: OnDate = this.onOf(flow)): FlowContext {
    const s = this.settle(flow, info, on);
    return new FlowContext(this, on, flow, s.exporter, info.ds, s.source, s.scope, s.flags, (s.flags & HELD) !== 0 ? s.authority : UNSET);
  }

  /** What a flow's context is made of, worked out into `settled` (reused: read it before the next call). */
  private readonly settled: Settled = { exporter: '', source: undefined, scope: 'no_nexus', flags: 0, authority: undefined };
  private settle(flow: Flow, info: DatasetInfo, on: OnDate): Settled {
    const ds = info.ds;
    const org = this.org;
    const exporter = this.exporterOf(flow);
    const own = exporter === org.id;
    const source = sourceOf(flow, info);
    const held = inMainlandOn(source, on);
    const authority = held ? this.authorityOf(flow, on) : undefined;
    const scope = this.scopeOf(flow, info, source, authority, on);
    const importantDeclared = ds?.importantData !== undefined;
    // From Order 16 on, data is important for the export rules once notified or published
    // (Art. 2): from its notification date, when one is declared.
    const notice = ds?.importantData;
    const important = on.needsNotice ? notice?.notified === true && (notice.date === undefined || notice.date <= on.date) : importantDeclared;
    const flags =
      (own && org.cn.ciio ? CIIO : 0) |
      (own && org.cn.stateOrgan ? STATE_ORGAN : 0) |
      // An export of data not held in mainland China can only be the Art. 3(2) route.
      (scope === 'export' && !held ? VIA_ART32 : 0) |
      (info.cls !== NOT_PI ? PERSONAL : 0) |
      (info.cls === SENSITIVE ? SENSITIVE_PI : 0) |
      (importantDeclared ? IMPORTANT_DECLARED : 0) |
      (important ? IMPORTANT : 0) |
      (ds?.coreData === true ? CORE : 0) |
      (held ? HELD : 0);
    const out = this.settled;
    out.exporter = exporter;
    out.source = source;
    out.scope = scope;
    out.flags = flags;
    out.authority = authority;
    return out;
  }

  /** The columns of the inventory's flows (see `columns`). */
  private allColumns(): NonNullable<CnRun['columns']> {
    if (!this.columns) {
      const flows = this.inv.flows;
      const n = flows.length;
      const infos = new Array<DatasetInfo>(n);
      for (let i = 0; i < n; i++) infos[i] = this.infoOf(flows[i]!.dataset);
      this.countExports(infos);
      const ons = new Array<OnDate>(n);
      const exporters = new Array<string>(n);
      const scopes = new Uint8Array(n);
      const flags = new Int32Array(n);
      const authorities = new Array<ForeignAuthority | undefined>(n);
      for (let i = 0; i < n; i++) {
        const on = (ons[i] = this.onOf(flows[i]!));
        const c = this.settle(flows[i]!, infos[i]!, on);
        exporters[i] = c.exporter;
        scopes[i] = SCOPES.indexOf(c.scope);
        flags[i] = c.flags;
        authorities[i] = c.authority;
      }
      this.columns = { infos, ons, exporters, scopes, flags, authorities };
      // Which flows count is settled before any context is handed out: a context carries it.
      this.countedFlows();
    }
    return this.columns;
  }

  /** The context of the flow at position i of the inventory, from the columns. */
  private contextAt(i: number): FlowContext {
    const { infos, ons, exporters, scopes, flags, authorities } = this.allColumns();
    const flow = this.inv.flows[i]!;
    const info = infos[i]!;
    const bits = flags[i]!;
    return new FlowContext(this, ons[i]!, flow, exporters[i]!, info.ds, sourceOf(flow, info), SCOPES[scopes[i]!]!, bits, (bits & HELD) !== 0 ? authorities[i] : UNSET);
  }

  ctxOf(flow: Flow): FlowContext {
    const flows = this.inv.flows;
    this.allColumns();
    const next = this.next;
    if (next < flows.length && flows[next] === flow) {
      this.next = next + 1;
      return this.contextAt(next);
    }
    if (flows.length > 0 && flows[0] === flow) {
      this.next = 1;
      return this.contextAt(0);
    }
    if (!this.positions) {
      const positions = new Map<Flow, number>();
      for (let i = 0; i < flows.length; i++) positions.set(flows[i]!, i);
      this.positions = positions;
    }
    const i = this.positions.get(flow);
    if (i !== undefined) {
      this.next = i + 1;
      return this.contextAt(i);
    }
    let ctx = this.others.get(flow);
    if (!ctx) this.others.set(flow, (ctx = this.build(flow, this.infoOf(flow.dataset))));
    return ctx;
  }

  /** When a PI export's nature exemption took effect, unless the policy counts exempt transfers. */
  private exemptSince(c: FlowContext): CivilDate | undefined {
    return c.policy.exemptTransfersCount ? undefined : this.natureExempt(c);
  }

  private isCounted(c: FlowContext): boolean {
    return c.scope === 'export' && c.personal && this.exemptSince(c) === undefined;
  }

  counted(flow: Flow): boolean {
    return this.isCounted(this.ctxOf(flow));
  }

  private countedFlows(): ReadonlyMap<string, readonly Flow[]> {
    if (!this.countedByExporter) {
      const byExporter = new Map<string, Flow[]>();
      const countries = new Set<string>();
      const { scopes, flags } = this.allColumns();
      const exportAt = SCOPES.indexOf('export');
      for (let i = 0; i < scopes.length; i++) {
        if (scopes[i] !== exportAt || (flags[i]! & PERSONAL) === 0) continue;
        const c = this.contextAt(i);
        const since = this.exemptSince(c);
        if (since === undefined) flags[i] = flags[i]! | COUNTED;
        else this.exemptFrom.set(c.flow, since);
        let list = byExporter.get(c.exporter);
        if (!list) byExporter.set(c.exporter, (list = []));
        list.push(c.flow);
        if (c.flow.subjects) for (const k in c.flow.subjects) countries.add(k);
        if (c.dataset) for (const k in c.dataset.subjects) countries.add(k);
      }
      countries.delete('CN');
      this.exportedCountries = countries.size === 0 ? CN_ONLY : Object.freeze(['CN', ...[...countries].sort()]);
      this.exemptDates = [...new Set(this.exemptFrom.values())].sort();
      this.countedByExporter = byExporter;
    }
    return this.countedByExporter;
  }

  /** Whom the windows of `date` count: every PI export but those whose exemption was in force on it. */
  private includeOn(date: CivilDate): (f: Flow) => boolean {
    let key = '';
    for (const d of this.exemptDates) if (d <= date) key = d;
    if (key === '') return ALL;
    let include = this.includes.get(key);
    if (!include) {
      const exemptFrom = this.exemptFrom;
      include = (f) => {
        const since = exemptFrom.get(f);
        return since === undefined || since > key;
      };
      this.includes.set(key, include);
    }
    return include;
  }

  private baseOf(kind: 'current' | 'legacy', exporter: string, date: CivilDate): Windowed {
    let byDate = this.bases[kind].get(exporter);
    if (!byDate) this.bases[kind].set(exporter, (byDate = new Map()));
    let w = byDate.get(date);
    if (!w) {
      const windows = (this.windows ??= cnWindows(this.countedFlows(), this.facts.datasets));
      const from = kind === 'current' ? startOfYear(date) : startOfYear(addYears(date, -1));
      const include = this.includeOn(date);
      const countries = this.onDate(date).policy.countSubjects === 'cn' ? CN_ONLY : this.exportedCountries;
      const bases = countries.length === 1 ? [windows.windowBase(exporter, from, date, countries[0]!, include)] : countries.map((k) => windows.windowBase(exporter, from, date, k, include));
      w = { countries, bases, counts: undefined };
      byDate.set(date, w);
    }
    return w;
  }

  /**
   * The window's counts: people per PIPL class of dataset, summed once per window and date (the
   * policy is the judged date's, so one per window).
   */
  private countsOf(w: Windowed, policy: Policy): Counts {
    let c = w.counts;
    if (!c) {
      const bases = w.bases;
      let plain = 0;
      let sensitive = 0;
      for (let i = 0; i < bases.length; i++) {
        const t = bases[i]!.totals(this.classOf, 2);
        plain += t[PLAIN]!;
        sensitive += t[SENSITIVE]!;
      }
      w.counts = c = { nonSensitive: plain + (policy.sensitiveCountsAsNonSensitive ? sensitive : 0), sensitive, all: plain + sensitive, window: bases[0]!.window };
    }
    return c;
  }

  /**
   * The base plus the flow itself (its dataset counted at the larger of the two counts). A counted
   * flow is in its exporter's base once begun: it ends on or after the day it is judged on, which
   * is in the window.
   */
  private withFlow(w: Windowed, ctx: FlowContext): Counts {
    const { flow, policy } = ctx;
    const c = this.countsOf(w, policy);
    if (ctx.counted && (flow.start === undefined || flow.start <= c.window.to)) return c;
    // The flow's subjects and the PIPL class of its dataset, from its context (no lookup by id).
    if (!ctx.personal) return c;
    const ds = ctx.dataset;
    let extra = 0;
    if (policy.countSubjects === 'cn') extra = beyond(w, flow, ds, 'CN');
    else {
      // Every jurisdiction the flow or its dataset lists, each once.
      if (flow.subjects) for (const k in flow.subjects) extra += beyond(w, flow, ds, k);
      if (ds) for (const k in ds.subjects) if (flow.subjects?.[k] === undefined) extra += beyond(w, flow, ds, k);
    }
    if (extra <= 0) return c;
    if (ctx.sensitive) return { nonSensitive: c.nonSensitive + (policy.sensitiveCountsAsNonSensitive ? extra : 0), sensitive: c.sensitive + extra, all: c.all + extra, window: c.window };
    return { nonSensitive: c.nonSensitive + extra, sensitive: c.sensitive, all: c.all + extra, window: c.window };
  }

  // --- Shared: what the flow contexts read lazily ---
  counts(ctx: FlowContext): Counts {
    return this.withFlow(this.baseOf('current', ctx.exporter, ctx.date), ctx);
  }

  legacyCounts(ctx: FlowContext): Counts {
    return this.withFlow(this.baseOf('legacy', ctx.exporter, ctx.date), ctx);
  }

  authority(ctx: FlowContext): ForeignAuthority | undefined {
    return this.authorityOf(ctx.flow, this.onDate(ctx.date));
  }

  /** The datasets of each processor's flows, its branches' included (one pass, on first need). */
  private datasetsByProcessor(): ReadonlyMap<string, ReadonlySet<string>> {
    if (!this.byProcessor) {
      const flows = this.inv.flows;
      const { exporters } = this.allColumns();
      const byProcessor = new Map<string, Set<string>>();
      for (let i = 0; i < flows.length; i++) {
        let set = byProcessor.get(exporters[i]!);
        if (!set) byProcessor.set(exporters[i]!, (set = new Set()));
        set.add(flows[i]!.dataset);
      }
      this.byProcessor = byProcessor;
    }
    return this.byProcessor;
  }

  processing(ctx: FlowContext): number {
    const exporter = ctx.exporter;
    let n = this.processingMemo.get(exporter);
    if (n === undefined) {
      const { org, inv, facts } = this;
      const own = exporter === org.id;
      let ids: readonly string[];
      if (own) ids = inv.datasets.map((d) => d.id);
      else if (!this.facts.legalPersons.any) ids = [...new Set(facts.volumes.flowsOf(exporter).map((f) => f.dataset))];
      // The exporter's flows and its branches' (facts.volumes groups by the declared sender).
      else ids = [...(this.datasetsByProcessor().get(exporter) ?? [])];
      let sum = 0;
      for (const id of ids) {
        const d = facts.datasets.get(id);
        if (isPersonal(d)) sum += d!.subjects['CN'] ?? 0;
      }
      n = Math.max(sum, own ? (org.cn.networkPlatformOperator?.users ?? 0) : 0);
      this.processingMemo.set(exporter, n);
    }
    return n;
  }
}

export function orgContext(facts: Facts, overrides: PolicyOverrides, listing?: Listing): OrgCtx {
  const date = facts.asOf;
  return { org: facts.inventory.organization, facts, date, asOf: date, policy: policyAt(date, overrides), ...(listing ? { listing } : {}) };
}

// --- predicates the rules share -----------------------------------------------------------

/**
 * The flow's recipient as a duty names it: the entity's name, the organization's own name when it
 * receives (a subsidiary sending to its parent), else the id.
 */
export function recipientName(ctx: FlowCtx): string {
  return recipientOf(ctx).name;
}

/** Duty words that name the recipient, per name (engine/text.ts), shared from run to run. */
const RECIPIENTS = new PartyTextsByName();
const RECIPIENT = flowSlot<PartyTexts>();

/** The flow's recipient as duties name it (`recipientName`), with the duty words made for it: found once per flow. */
export function recipientOf(ctx: FlowCtx): PartyTexts {
  return ctx.remember(RECIPIENT, findRecipient);
}

function findRecipient(ctx: FlowCtx): PartyTexts {
  const id = ctx.flow.recipient;
  return RECIPIENTS.of(ctx.facts.entities.get(id)?.name ?? (id === ctx.org.id && ctx.org.name ? ctx.org.name : id));
}

/** The flow is an export (数据出境) of any data. */
export function isExport(ctx: FlowCtx): boolean {
  return ctx.scope === 'export';
}

/** The flow exports personal information. */
export function isPiExport(ctx: FlowCtx): boolean {
  return ctx.scope === 'export' && ctx.personal;
}

/**
 * The Order 16 Arts. 3–6 exemptions (and NDSMR Art. 35(4)–(7)) are open to this exporter: never
 * with important or core data (Art. 5 last para.), and for a state organ only when the policy
 * `stateOrganExemptions` allows it.
 */
export function exemptionsAvailable(ctx: FlowCtx): boolean {
  return !ctx.important && !ctx.core && (!ctx.stateOrgan || ctx.policy.stateOrganExemptions);
}

/** The recipient is another party: not the provider itself, nor a branch of it (`branchOf`: not a separate legal person). */
export function toAnotherParty(ctx: FlowCtx): boolean {
  return ctx.facts.legalPersons.of(ctx.flow.recipient) !== ctx.exporter;
}

/**
 * Data held in mainland China goes to another party there: the flow stays in the mainland (or is
 * accessed by people physically there) and the recipient is not the provider itself, nor a
 * branch of it. Read by the duties that attach to providing data, not only to exporting it
 * (NDSMR Arts. 12, 31; PIPL Art. 55(3)).
 */
export function providedInChina(ctx: FlowCtx): boolean {
  if (ctx.scope === 'stays_in_china') {
    if (!inMainland(ctx.source, ctx.date)) return false;
  } else if (ctx.scope !== 'accessed_in_china') return false;
  return toAnotherParty(ctx);
}

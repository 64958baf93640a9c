/**
 * Subpart B — Definitions. What data is "sensitive personal data", when it is "bulk", what is
 * "government-related data", and which of the four classes a transaction falls in. These are
 * classifications the rules in subparts C–E read; each carries its citation in its reasons.
 */
import type { Dataset, Flow } from '../../inventory/schema.js';
import { CATEGORIES, categoryInfo, type DojCategory, type CategoryId } from '../../inventory/taxonomy.js';
import { activeIn, usDevicesOf, usSubjectsOf, type Aggregate, type Facts, type PartyFacts } from '../../facts/index.js';
import type { Decision } from '../../engine/types.js';
import { at } from '../../engine/params.js';
import { flat } from '../../engine/text.js';
import { datasetEntry, memoOf, type DatasetEntry, type DojMemo, type NotCoveredVariants } from './memo.js';
import type { CivilDate } from '../../time/civil-date.js';
import { BULK_THRESHOLDS, PASSIVE_INVESTMENT_MAX_PERCENT } from './params.js';

const NUMBER = new Intl.NumberFormat('en-US');
/** Counts as people read them (1,000,000); whole numbers without Intl's per-call cost. */
export function fmt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return NUMBER.format(n);
  if (n < 1000) return String(n);
  const s = String(n);
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += ',' + s.slice(i, i + 3);
  return out;
}

const CATEGORY_LABEL: Record<DojCategory | 'genomic' | 'biospecimen', string> = {
  covered_personal_identifiers: 'covered personal identifiers',
  precise_geolocation: 'precise geolocation data',
  biometric_identifiers: 'biometric identifiers',
  human_omic: "human 'omic data",
  personal_health: 'personal health data',
  personal_financial: 'personal financial data',
  genomic: 'human genomic data',
  biospecimen: 'human biospecimens',
};

const THRESHOLD_CITE: Record<DojCategory | 'genomic' | 'biospecimen', string> = {
  genomic: '202.205(a)',
  human_omic: '202.205(a)',
  biometric_identifiers: '202.205(b)',
  precise_geolocation: '202.205(c)',
  personal_health: '202.205(d)',
  personal_financial: '202.205(e)',
  covered_personal_identifiers: '202.205(f)',
  biospecimen: '202.205(a); 202.303',
};

export interface DatasetClass {
  /** The 202.249 categories the dataset holds (after 202.212 linkage rules). */
  readonly categories: ReadonlySet<DojCategory>;
  readonly genomic: boolean;
  readonly biospecimen: boolean;
  /** More than one category, or a listed identifier linked to another category (202.205(g)). */
  readonly combined: boolean;
  /** When the data is not sensitive personal data at all (202.249(b)), why. */
  readonly excluded?: string;
  readonly notes: readonly string[];
  /** The categories the bulk thresholds are tested on: `categories`, then genomic and biospecimen when held. */
  readonly bulkCategories: readonly BulkCategory[];
}

type BulkCategory = DojCategory | 'genomic' | 'biospecimen';

function bulkCategoriesOf(categories: ReadonlySet<DojCategory>, genomic: boolean, biospecimen: boolean): BulkCategory[] {
  const out: BulkCategory[] = [...categories];
  if (genomic) out.push('genomic');
  if (biospecimen) out.push('biospecimen');
  return out;
}
const NO_CATEGORIES: readonly BulkCategory[] = Object.freeze([]);

/**
 * 202.212 covered personal identifiers; 202.234 listed identifiers; 202.249 sensitive personal
 * data and its exclusions.
 */
export function classifyDataset(ds: Dataset, flow?: Flow): DatasetClass {
  const notes: string[] = [];
  const empty = (excluded: string): DatasetClass => ({ categories: new Set(), genomic: false, biospecimen: false, combined: false, excluded, notes, bulkCategories: NO_CATEGORIES });
  if (ds.publiclyAvailable) return empty('lawfully available to the public from government records or widely distributed media (202.249(b)(2))');
  if (ds.informationalMaterials) return empty('information or informational materials and their ordinary metadata (202.249(b)(4); 202.226)');
  if (flow?.purpose === 'personal_communication') return empty('personal communications (202.249(b)(3))');
  const cats = ds.categories.map((c) => ({ id: c, info: categoryInfo(c) }));
  const personal = cats.filter((c) => c.info.personal);
  if (personal.length === 0) {
    return empty('data that does not relate to an individual (202.249(b)(1))');
  }
  const categories = new Set<DojCategory>();
  let genomic = false;
  let biospecimen = false;
  for (const c of personal) {
    const us = c.info.us;
    if (!us) continue;
    if (us.category) categories.add(us.category);
    if (us.genomic) genomic = true;
    if (us.biospecimen) biospecimen = true;
  }
  // 202.212: a listed identifier combined with another listed identifier, or with other
  // sensitive data, when linked or linkable — but not demographic/contact data linked only to
  // demographic/contact data (202.212(b)(1)), nor network IDs, account-authentication and call
  // details linked only to each other as needed for a telecommunications service (202.212(b)(2)).
  const identifiers = personal.filter((c) => c.info.us?.listedIdentifier);
  const classes = new Set(identifiers.map((c) => c.info.us!.listedIdentifier!));
  const otherSensitive = [...categories].length > 0;
  if (identifiers.length > 0 && ds.linked) {
    const onlyDemographic = [...classes].every((k) => k === 'demographic_contact');
    const telecomOnly =
      flow?.purpose === 'telecommunications' && [...classes].every((k) => k === 'network_id' || k === 'account_authentication' || k === 'call_detail');
    const anyIdentifierIsSensitiveItself = identifiers.some((c) => c.info.us?.category);
    // Sensitive data beside the identifiers (a financial account number's own category is not "other").
    const sensitiveBesideIdentifiers = personal.some((c) => !c.info.us?.listedIdentifier && c.info.us?.category);
    if (identifiers.length >= 2 && !onlyDemographic && !telecomOnly) {
      categories.add('covered_personal_identifiers');
      notes.push(`listed identifiers linked to each other (${identifiers.map((c) => c.id).join(' + ')}) are covered personal identifiers (202.212(a)(1); 202.234)`);
    } else if (otherSensitive && (identifiers.length >= 2 || !anyIdentifierIsSensitiveItself || sensitiveBesideIdentifiers)) {
      categories.add('covered_personal_identifiers');
      notes.push(`a listed identifier linked to other sensitive personal data is a covered personal identifier (202.212(a)(2))`);
    } else if (onlyDemographic && identifiers.length >= 2) {
      notes.push('demographic or contact data linked only to other demographic or contact data is not a covered personal identifier (202.212(b)(1))');
    } else if (telecomOnly) {
      notes.push('network identifiers, account-authentication data or call-detail data linked only to each other for a telecommunications service are excluded (202.212(b)(2))');
    } else if (identifiers.length === 1 && !otherSensitive) {
      notes.push(`a single listed identifier (${identifiers[0]!.id}) not linked to another is not a covered personal identifier (202.212(a))`);
    }
  } else if (identifiers.length > 0 && !ds.linked) {
    notes.push('the identifiers are declared not linked or linkable (202.232, 202.233), so they are not covered personal identifiers');
  }
  if (categories.size === 0 && !genomic && !biospecimen) {
    return { categories, genomic, biospecimen, combined: false, excluded: notes.length ? notes.join('; ') : 'no category of sensitive personal data (202.249)', notes, bulkCategories: NO_CATEGORIES };
  }
  const combined = categories.size > 1;
  return { categories, genomic, biospecimen, combined, notes, bulkCategories: bulkCategoriesOf(categories, genomic, biospecimen) };
}

export interface BulkFinding {
  readonly category: BulkCategory;
  readonly count: number;
  readonly threshold: number;
  readonly unit: 'U.S. persons' | 'U.S. devices';
  readonly combined?: boolean;
}

const NO_BULK: readonly BulkFinding[] = Object.freeze([]);

export interface DataFacts {
  readonly own: DatasetClass;
  readonly sensitive: boolean;
  readonly governmentRelated?: string;
  readonly bulk: readonly BulkFinding[];
  readonly bulkOmic: boolean;
  readonly bulkBiospecimen: boolean;
  readonly aggregate: Aggregate;
  readonly reasons: readonly string[];
  /**
   * Not-covered decisions built on these facts (index.ts), for the recipient they were first
   * made for: data facts belong to one aggregate, so to one pair, so nearly always to one
   * recipient. Per run, as the facts are.
   */
  notCoveredFor: { readonly recipient: PartyFacts | null; readonly variants: NotCoveredVariants } | undefined;
}

/**
 * 202.205 (bulk, over the 12-month aggregate) and 202.222 (government-related data). The answer
 * depends only on the dataset (and the purpose, through `classifyDataset`) and the aggregate
 * (which fixes the judged date), so flows of the same pair judged on the same date share it.
 */
export function dataFacts(flow: Flow, facts: Facts, date: CivilDate, index?: number): DataFacts {
  const memo = memoOf(facts);
  const entry = datasetEntry(memo, facts, flow.dataset);
  const ds = entry.ds!;
  const own = classOf(entry, flow);
  const window = facts.volumes.usWindow12(flow, index);
  // A rejected offer (202.1104) is in no window: it is aggregated on its own, like a flow not begun.
  if (flow.offerRejected === undefined && activeIn(flow, window.window.from, window.window.to)) return dataFacts0(memo, window, own, ds, flow, facts, date);
  // A flow not begun by the judged date (or a rejected offer) is aggregated with its window's flows. When it raises no
  // count of the window (its dataset is there with as many people and devices), the counts —
  // and, short of bulk, every reason — are the window's own: its data facts serve, and the flow
  // need not be aggregated at all.
  if (!raises(window, flow, ds)) {
    const shared = dataFacts0(memo, window, own, ds, flow, facts, date);
    if (shared.bulk.length === 0) return shared;
  }
  return dataFacts0(memo, facts.volumes.usRolling12(flow, index), own, ds, flow, facts, date);
}

/** Does the flow raise the largest count of its dataset in the aggregate? */
function raises(agg: Aggregate, flow: Flow, ds: Dataset): boolean {
  const v = agg.datasets.find((x) => x.dataset === flow.dataset);
  if (!v) return true;
  return usSubjectsOf(flow, ds) > v.subjects || usDevicesOf(flow, ds) > v.devices || (flow.usDevices === undefined && ds.usDevices === undefined && !v.devicesFromPersons);
}

function dataFacts0(memo: DojMemo, aggregate: Aggregate, own: DatasetClass, ds: Dataset, flow: Flow, facts: Facts, date: CivilDate): DataFacts {
  // Per aggregate, its data facts (usually one classification), or a list when there are several.
  const hit = memo.byAggregate.get(aggregate);
  if (hit === undefined) {
    const made = dataFactsUncached(ds, own, aggregate, flow, facts, date);
    memo.byAggregate.set(aggregate, made);
    return made;
  }
  if (!Array.isArray(hit)) {
    if (hit.own === own) return hit;
    const made = dataFactsUncached(ds, own, aggregate, flow, facts, date);
    memo.byAggregate.set(aggregate, [hit, made]);
    return made;
  }
  for (const d of hit) if (d.own === own) return d;
  const made = dataFactsUncached(ds, own, aggregate, flow, facts, date);
  hit.push(made);
  return made;
}

/**
 * The dataset's classification for this flow's purpose, from the run's table: only the purpose
 * can change the answer for a dataset, and only these two purposes do.
 */
function classOf(entry: DatasetEntry, flow: Flow): DatasetClass {
  const p = flow.purpose === 'personal_communication' ? 1 : flow.purpose === 'telecommunications' ? 2 : 0;
  return (entry.classes[p] ??= classifyDataset(entry.ds!, flow));
}

function dataFactsUncached(ds: Dataset, own: DatasetClass, aggregate: Aggregate, flow: Flow, facts: Facts, date: CivilDate): DataFacts {
  const memo = memoOf(facts);
  const thresholds = at(BULK_THRESHOLDS, date);
  if (own.excluded) {
    const reasons = own.notes.slice();
    reasons.push(`not sensitive personal data: ${own.excluded}`);
    return { own, sensitive: false, governmentRelated: undefined, bulk: NO_BULK, bulkOmic: false, bulkBiospecimen: false, aggregate, reasons, notCoveredFor: undefined };
  }

  // Counts of the flow's own categories across the aggregated datasets (same U.S. person, same
  // counterparty): geolocation in devices, the rest in persons.
  const mine = own.bulkCategories;
  const counts: number[] = new Array<number>(mine.length).fill(0);
  const datasets = aggregate.datasets;
  /** Geolocation datasets counted in persons for want of a device count (202.205(c)). */
  let devicesFromPersons: string[] | undefined;
  for (let k = 0; k < datasets.length; k++) {
    const v = datasets[k]!;
    const entry = datasetEntry(memo, facts, v.dataset);
    if (!entry.ds) continue;
    const cls = v.dataset === ds.id ? own : classOf(entry, flow);
    if (cls.excluded) continue;
    for (let j = 0; j < mine.length; j++) {
      const c = mine[j]!;
      const held = c === 'genomic' ? cls.genomic : c === 'biospecimen' ? cls.biospecimen : cls.categories.has(c);
      if (!held) continue;
      if (c === 'precise_geolocation') {
        counts[j]! += v.devices;
        if (v.devicesFromPersons) (devicesFromPersons ??= []).push(v.dataset);
      } else counts[j]! += v.subjects;
    }
  }
  let lowest = Infinity;
  for (const c of mine) if (thresholds[c] < lowest) lowest = thresholds[c];
  const bulk: BulkFinding[] = [];
  for (let j = 0; j < mine.length; j++) {
    const c = mine[j]!;
    const count = counts[j]!;
    const unit = c === 'precise_geolocation' ? 'U.S. devices' : 'U.S. persons';
    if (count > thresholds[c]) bulk.push({ category: c, count, threshold: thresholds[c], unit });
    else if (own.combined && count > lowest) bulk.push({ category: c, count, threshold: lowest, unit, combined: true });
  }

  // 202.222 government-related data: any volume.
  let governmentRelated: string | undefined;
  const gr = ds.governmentRelated;
  if (gr?.locations && own.categories.has('precise_geolocation')) {
    governmentRelated = 'precise geolocation data for a location on the Government-Related Location Data List, regardless of volume (202.222(a)(1))';
  } else if (gr?.marketedAsGovernmentPersonnel) {
    governmentRelated = 'sensitive personal data marketed as linked to U.S. Government employees or contractors, regardless of volume (202.222(a)(2))';
  }
  return new CountedDataFacts(own, governmentRelated, bulk, aggregate, counts, thresholds, lowest, devicesFromPersons);
}

/**
 * Data facts of sensitive personal data, counted over an aggregate. Their reasons are written
 * when first read: the rules read them only when they fire on the flow, and a not-covered
 * decision only short of covered data, so most bulk findings never need theirs.
 */
class CountedDataFacts implements DataFacts {
  readonly sensitive: boolean;
  readonly bulkOmic: boolean;
  readonly bulkBiospecimen: boolean;
  notCoveredFor: DataFacts['notCoveredFor'];
  private written: readonly string[] | undefined;

  constructor(
    readonly own: DatasetClass,
    readonly governmentRelated: string | undefined,
    readonly bulk: readonly BulkFinding[],
    readonly aggregate: Aggregate,
    /** Per category of `own.bulkCategories`, its count over the aggregate. */
    private readonly counts: readonly number[],
    private readonly thresholds: Readonly<Record<BulkCategory, number>>,
    /** The lowest threshold among those categories (the combined-data rule, 202.205(g)). */
    private readonly lowest: number,
    /** Geolocation datasets that declare no U.S. device count: their U.S. persons were counted. */
    private readonly devicesFromPersons: readonly string[] | undefined,
  ) {
    this.sensitive = true;
    this.bulkOmic = bulk.some((b) => b.category === 'human_omic' || b.category === 'genomic');
    this.bulkBiospecimen = bulk.some((b) => b.category === 'biospecimen');
    this.notCoveredFor = undefined;
    this.written = undefined;
  }

  get reasons(): readonly string[] {
    return (this.written ??= this.write());
  }

  private write(): string[] {
    const { own, bulk, aggregate, counts, thresholds, lowest } = this;
    const reasons: string[] = own.notes.slice();
    const window = `${aggregate.window.from} to ${aggregate.window.to}`;
    const flowsNote = bulk.length > 0 && aggregate.flows.length > 1 ? ` across ${aggregate.flows.length} transactions with this counterparty (${aggregate.flows.join(', ')})` : '';
    for (const b of bulk) {
      reasons.push(
        flat(b.combined
          ? `bulk: ${CATEGORY_LABEL[b.category]} on ${fmt(b.count)} ${b.unit}${flowsNote} in ${window}, in a combined dataset whose lowest threshold is more than ${fmt(b.threshold)} (202.205(g))`
          : `bulk: ${CATEGORY_LABEL[b.category]} on ${fmt(b.count)} ${b.unit}${flowsNote} in ${window} — more than ${fmt(b.threshold)} (${THRESHOLD_CITE[b.category]})`),
      );
    }
    if (bulk.length === 0) {
      const mine = own.bulkCategories;
      for (let j = 0; j < mine.length; j++) {
        const c = mine[j]!;
        reasons.push(flat(`not bulk: ${CATEGORY_LABEL[c]} on ${fmt(counts[j]!)} ${c === 'precise_geolocation' ? 'U.S. devices' : 'U.S. persons'} in ${window}, not more than ${fmt(own.combined ? lowest : thresholds[c])} (${THRESHOLD_CITE[c]})`));
      }
    }
    const proxied = this.devicesFromPersons;
    if (proxied) {
      reasons.push(
        flat(`no U.S. device count is declared for ${proxied.length === 1 ? 'dataset' : 'datasets'} ${proxied.join(', ')} (\`usDevices\`): ${proxied.length === 1 ? 'its' : 'their'} U.S. persons are counted as devices, one each, where 202.205(c) counts devices; declare \`usDevices\` to count them`),
      );
    }
    if (this.governmentRelated) reasons.push(`government-related data: ${this.governmentRelated}`);
    return reasons;
  }
}

export type TransactionClass = 'data_brokerage' | 'vendor_agreement' | 'employment_agreement' | 'investment_agreement';

/**
 * 202.210(a): the four classes — data brokerage (202.214), vendor agreement (202.258),
 * employment agreement (202.217), investment agreement (202.228) with the passive-investment
 * exclusion of 202.228(b).
 */
export function transactionClasses(flow: Flow, date: CivilDate): { classes: ReadonlySet<TransactionClass>; notes: readonly string[] } {
  // Without declared classes or investment terms the answer depends on the kind alone: shared.
  if (flow.classes.length === 0 && !flow.investment) {
    let hit = byKind.get(flow.kind);
    if (!hit) byKind.set(flow.kind, (hit = classesOf(flow, date)));
    return hit;
  }
  return classesOf(flow, date);
}
const byKind = new Map<string, { classes: ReadonlySet<TransactionClass>; notes: readonly string[] }>();

function classesOf(flow: Flow, date: CivilDate): { classes: Set<TransactionClass>; notes: string[] } {
  const classes = new Set<TransactionClass>(flow.classes);
  const notes: string[] = [];
  if (flow.kind === 'data_brokerage' || flow.kind === 'vendor_agreement' || flow.kind === 'employment_agreement' || flow.kind === 'investment_agreement') {
    classes.add(flow.kind);
  }
  if (classes.has('investment_agreement') && flow.investment) {
    const inv = flow.investment;
    const passiveVehicle = inv.publiclyTraded || inv.registeredFund || inv.limitedPartnerOnly;
    const below = inv.votingEquityPercent !== undefined && inv.votingEquityPercent < at(PASSIVE_INVESTMENT_MAX_PERCENT, date);
    if (passiveVehicle && below && !inv.rightsBeyondMinorityProtections) {
      classes.delete('investment_agreement');
      notes.push(`a passive investment (${inv.publiclyTraded ? 'publicly traded securities' : inv.registeredFund ? 'registered fund' : 'limited-partner interest'}, ${inv.votingEquityPercent}% < 10% of voting and equity, no rights beyond minority protections) is excluded from investment agreements (202.228(b))`);
    }
  }
  return { classes, notes };
}

export const CLASS_LABEL: Record<TransactionClass, string> = {
  data_brokerage: 'data brokerage (202.214)',
  vendor_agreement: 'a vendor agreement (202.258)',
  employment_agreement: 'an employment agreement (202.217)',
  investment_agreement: 'an investment agreement (202.228)',
};

export const isCategory = (c: string): c is CategoryId => c in CATEGORIES;

/**
 * A seeded, deterministic generator of a realistic inventory for the `check` benchmark:
 *
 * - ~8,000 entities: governments (of countries of concern and others), companies in ~25
 *   countries (about a fifth in countries of concern), individuals with citizenships,
 *   residences, U.S. status and employment; an ownership graph with corporate groups (chains up
 *   to 8 levels deep), minority stakes that only reach 50 % in the aggregate, state-owned
 *   enterprises, cross-holdings forming cycles, undeclared shares, branches; designations.
 * - ~3,000 datasets built from category profiles of the taxonomy, with U.S. subject counts drawn
 *   around the bulk threshold of their main category (so aggregation decides), CN counts for a
 *   share of them, geolocation device counts, government-related and excluded data.
 * - 100,000 flows of every kind over 2024–2026, drawn from ~15,000 (exporter, recipient) pairs
 *   with a skewed distribution (many flows per pair, a few datasets per pair), some with
 *   safeguards, investment terms, rejected offers, U.S. persons directing foreign exporters.
 *
 * Same seed and sizes, same inventory (a small PRNG, no Math.random, no clock).
 */
import type { DatasetInput, EntityInput, FlowInput, InventoryInput } from '../../src/inventory/schema.js';
import type { CategoryId } from '../../src/inventory/taxonomy.js';

export interface GenerateOptions {
  readonly seed: number;
  readonly entities: number;
  readonly datasets: number;
  readonly flows: number;
  readonly pairs: number;
}

export const DEFAULTS: GenerateOptions = { seed: 20250408, entities: 8_000, datasets: 3_000, flows: 100_000, pairs: 15_000 };

/** sfc32: a small, fast, seedable PRNG (public domain). */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1]![0];
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Index in [0, n) skewed toward 0 (density ∝ x^(1/k − 1)). */
  skewed(n: number, k: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), k)));
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

// Day numbers 2024-01-01 … 2026-12-31, as civil dates.
const DAY0 = Date.UTC(2024, 0, 1) / 86_400_000;
const DAYS = (Date.UTC(2026, 11, 31) - Date.UTC(2024, 0, 1)) / 86_400_000 + 1;
const civil = (day: number) => new Date((DAY0 + day) * 86_400_000).toISOString().slice(0, 10);

/** Countries of concern under 202.601 (with HK, MO) and others, weighted for companies. */
const COMPANY_COUNTRIES: readonly (readonly [string, number])[] = [
  ['US', 24], ['GB', 6], ['DE', 6], ['SG', 6], ['JP', 5], ['IN', 5], ['NL', 3], ['IE', 3], ['FR', 3], ['KR', 3],
  ['CA', 3], ['AE', 2], ['MY', 2], ['BR', 2], ['AU', 2], ['CH', 2], ['VN', 1], ['MX', 1],
  ['CN', 11], ['HK', 5], ['MO', 0.5], ['RU', 3], ['IR', 1], ['VE', 0.7], ['CU', 0.3], ['KP', 0.2],
];
const OF_CONCERN = new Set(['CN', 'HK', 'MO', 'RU', 'IR', 'VE', 'CU', 'KP']);
const GOVERNMENTS = ['CN', 'RU', 'IR', 'KP', 'CU', 'VE', 'US', 'DE', 'GB', 'SG', 'JP', 'IN'];

/** Category profiles: the categories a dataset holds and the bulk threshold its count is drawn around. */
interface Profile {
  readonly name: string;
  readonly categories: readonly CategoryId[];
  /** Center of the U.S. subject count (≈ the 202.205 threshold of its main category). */
  readonly around: number;
  readonly devices?: boolean;
  readonly weight: number;
}
const PROFILES: readonly Profile[] = [
  { name: 'customers', categories: ['name', 'contact', 'government_id', 'financial_account'], around: 100_000, weight: 10 },
  { name: 'contacts', categories: ['name', 'contact', 'demographic'], around: 200_000, weight: 6 },
  { name: 'health', categories: ['name', 'health'], around: 10_000, weight: 8 },
  { name: 'claims', categories: ['name', 'government_id', 'health', 'financial'], around: 10_000, weight: 4 },
  { name: 'genomic', categories: ['genomic'], around: 100, weight: 3 },
  { name: 'genomic-linked', categories: ['name', 'genomic', 'health'], around: 100, weight: 2 },
  { name: 'omic', categories: ['omic_other'], around: 1_000, weight: 2 },
  { name: 'biospecimen', categories: ['biospecimen'], around: 100, weight: 1 },
  { name: 'biometric', categories: ['name', 'biometric'], around: 1_000, weight: 5 },
  { name: 'geolocation', categories: ['device_id', 'precise_geolocation'], around: 1_000, devices: true, weight: 6 },
  { name: 'payments', categories: ['name', 'financial_account', 'financial'], around: 10_000, weight: 7 },
  { name: 'adtech', categories: ['advertising_id', 'network_id', 'device_id', 'online_activity'], around: 100_000, weight: 8 },
  { name: 'telecom', categories: ['call_detail', 'network_id', 'account_credentials'], around: 100_000, weight: 3 },
  { name: 'hr', categories: ['name', 'contact', 'employment', 'government_id'], around: 100_000, weight: 5 },
  { name: 'accounts', categories: ['name', 'contact', 'account_credentials'], around: 100_000, weight: 4 },
  { name: 'activity', categories: ['online_activity', 'personal_other'], around: 100_000, weight: 3 },
  { name: 'business', categories: ['business', 'technical'], around: 0, weight: 6 },
  { name: 'statistics', categories: ['anonymized_statistics'], around: 0, weight: 3 },
  { name: 'maps', categories: ['geospatial', 'trade_secret'], around: 0, weight: 1 },
  { name: 'cn-users', categories: ['name', 'contact', 'precise_geolocation', 'minor_under_14'], around: 1_000, devices: true, weight: 3 },
];

const PURPOSES: readonly (readonly [NonNullable<FlowInput['purpose']>, number])[] = [
  ['other', 20], ['analytics', 14], ['storage', 10], ['marketing', 8], ['customer_support', 6], ['research', 6],
  ['contract_with_individual', 4], ['hr_management', 4], ['international_trade', 3], ['corporate_group_administration', 3],
  ['financial_services', 3], ['telecommunications', 2], ['us_government_business', 1], ['regulatory_approval', 1],
  ['clinical_investigation', 1], ['travel', 1], ['personal_communication', 0.5], ['required_by_federal_law', 0.5],
  ['cross_border_transport', 1], ['academic_cooperation', 1], ['transnational_manufacturing', 1], ['emergency', 0.3], ['statutory_duty', 0.3],
];

const KINDS: readonly (readonly [FlowInput['kind'], number])[] = [
  ['transfer', 30], ['remote_access', 15], ['vendor_agreement', 20], ['data_brokerage', 12],
  ['employment_agreement', 8], ['investment_agreement', 7], ['government_request', 8],
];

export interface Generated {
  readonly input: InventoryInput;
  readonly asOf: string;
  readonly stats: Readonly<Record<string, number>>;
}

export function generate(options: GenerateOptions = DEFAULTS): Generated {
  const r = new Rng(prng(options.seed));
  const asOf = '2026-06-30';

  // --- entities -----------------------------------------------------------------------------
  const entities: EntityInput[] = [];
  const companies: EntityInput[] = [];
  const byCountry = new Map<string, EntityInput[]>();
  const ownerEdges = (e: EntityInput) => (e.owners ??= []);
  let edgeCount = 0;
  let unknownShares = 0;
  let cycles = 0;
  // Declared shares add up to 100 % at most (the loader refuses more): a stake that would pass
  // it is cut to what is left, and dropped when nothing is.
  const addOwner = (e: EntityInput, owner: string, percent: number | undefined) => {
    if (owner === e.id || ownerEdges(e).some((o) => o.entity === owner)) return;
    if (percent !== undefined) {
      const declared = ownerEdges(e).reduce((sum, o) => sum + (o.percent ?? 0), 0);
      percent = Math.min(percent, 100 - declared);
      if (percent <= 0) return;
    }
    if (percent === undefined) unknownShares++;
    ownerEdges(e).push(percent === undefined ? { entity: owner } : { entity: owner, percent });
    edgeCount++;
  };

  for (const g of GOVERNMENTS) {
    entities.push({ id: `gov-${g.toLowerCase()}`, name: `Government of ${g}`, kind: 'government', government: g, roles: g === 'CN' ? ['regulator'] : [] });
  }
  const nIndividuals = Math.round(options.entities * 0.27);
  const nCompanies = options.entities - GOVERNMENTS.length - nIndividuals;

  // The organization's own subsidiaries first (corporate-group transactions, 202.506).
  const nSubs = 40;
  for (let i = 0; i < nCompanies; i++) {
    const id = i < nSubs ? `sub${pad(i, 3)}` : `c${pad(i, 5)}`;
    const country = i < nSubs ? r.pick(['US', 'US', 'US', 'GB', 'DE', 'SG', 'IN', 'CN', 'CN', 'HK', 'RU', 'JP']) : r.weighted(COMPANY_COUNTRIES);
    const e: EntityInput = { id, name: `${i < nSubs ? 'Acme' : 'Company'} ${country} ${i}`, kind: 'company', organizedIn: country, owners: [] };
    if (i < nSubs) e.owners = [{ entity: 'acme', percent: r.pick([100, 100, 100, 75, 51]) }];
    // Principal place of business elsewhere (e.g. organized in SG, run from Shenzhen).
    if (r.chance(0.06)) e.principalPlaceOfBusiness = r.chance(0.5) ? 'CN' : r.weighted(COMPANY_COUNTRIES);
    if (r.chance(0.05)) e.headquarters = r.weighted(COMPANY_COUNTRIES);
    const roles: NonNullable<EntityInput['roles']> = [];
    if (r.chance(0.15)) roles.push(r.pick(['cloud_provider', 'vendor', 'data_broker', 'carrier', 'app_publisher', 'sdk_provider'] as const));
    if (roles.length) e.roles = roles;
    companies.push(e);
    entities.push(e);
    (byCountry.get(country) ?? byCountry.set(country, []).get(country)!).push(e);
  }

  // Corporate groups: each company (after the subsidiaries) may be owned by earlier companies —
  // a majority parent (chains form), or several minority holders that reach 50 % only together.
  const chainDepth = new Map<string, number>();
  for (let i = nSubs; i < companies.length; i++) {
    const e = companies[i]!;
    const roll = r.float();
    const earlier = () => companies[r.int(nSubs, Math.max(nSubs, i - 1))]!;
    if (i === nSubs) continue;
    if (roll < 0.35) {
      // A majority parent, preferring a parent in the same country (groups), sometimes the previous company (long chains).
      const parent = r.chance(0.3) ? companies[i - 1]! : r.chance(0.5) ? r.pick(byCountry.get(e.organizedIn!)!.filter((c) => c.id < e.id && c.id.startsWith('c')).slice(-50).concat([earlier()])) : earlier();
      const depth = (chainDepth.get(parent.id) ?? 0) + 1;
      if (depth <= 8) {
        addOwner(e, parent.id, r.chance(0.03) ? undefined : r.pick([100, 100, 75, 60, 51, 50]));
        chainDepth.set(e.id, depth);
      }
    } else if (roll < 0.5) {
      // Aggregates: two or three minority holders (e.g. 30 % + 25 %).
      const n = r.int(2, 3);
      for (let k = 0; k < n; k++) addOwner(e, earlier().id, r.chance(0.04) ? undefined : r.int(10, 35));
    } else if (roll < 0.58) {
      // A single minority stake.
      addOwner(e, earlier().id, r.chance(0.04) ? undefined : r.int(5, 49));
    }
    // State-owned enterprises: a government of the company's country (or a country of concern abroad).
    if (r.chance(0.04)) {
      const home = OF_CONCERN.has(e.organizedIn!) && r.chance(0.8) ? e.organizedIn! : r.pick(GOVERNMENTS);
      const g = home === 'HK' || home === 'MO' ? 'CN' : home;
      if (GOVERNMENTS.includes(g)) addOwner(e, `gov-${g.toLowerCase()}`, r.pick([20, 30, 50, 51, 100]));
    }
  }
  // Cross-holdings (cycles): A holds part of B and B holds part of A; a few triangles.
  for (let k = 0; k < 40; k++) {
    const a = companies[r.int(nSubs, companies.length - 1)]!;
    const b = companies[r.int(nSubs, companies.length - 1)]!;
    if (a === b) continue;
    addOwner(a, b.id, r.int(10, 60));
    addOwner(b, a.id, r.int(10, 60));
    cycles++;
    if (k % 4 === 0) {
      const c = companies[r.int(nSubs, companies.length - 1)]!;
      if (c !== a && c !== b) {
        addOwner(c, b.id, r.int(20, 60));
        addOwner(a, c.id, r.int(20, 60));
      }
    }
  }
  // Branches (not separate legal persons).
  for (let k = 0; k < 60; k++) {
    const e = companies[r.int(nSubs, companies.length - 1)]!;
    const parent = companies[r.int(nSubs, companies.length - 1)]!;
    if (e !== parent && !e.owners?.length && parent.branchOf === undefined) {
      e.branchOf = parent.id;
      e.organizedIn = parent.organizedIn;
    }
  }

  // Individuals: employees and contractors, some U.S. persons, some resident in countries of concern.
  const individuals: EntityInput[] = [];
  for (let i = 0; i < nIndividuals; i++) {
    const citizenship = r.weighted(COMPANY_COUNTRIES);
    const e: EntityInput = {
      id: `p${pad(i, 5)}`,
      name: `Person ${i}`,
      kind: 'individual',
      citizenships: r.chance(0.1) ? [citizenship, r.weighted(COMPANY_COUNTRIES)] : [citizenship],
      primaryResidence: r.chance(0.8) ? citizenship : r.weighted(COMPANY_COUNTRIES),
    };
    if (citizenship === 'US' && r.chance(0.9)) e.usStatus = 'citizen';
    else if (r.chance(0.05)) e.usStatus = r.pick(['permanent_resident', 'refugee', 'asylee', 'national'] as const);
    if (r.chance(0.3)) e.location = r.chance(0.3) ? 'US' : e.primaryResidence!;
    if (r.chance(0.7)) {
      const jobs = r.int(1, 2);
      e.employment = [];
      for (let k = 0; k < jobs; k++) e.employment.push({ entity: r.pick(companies).id, relation: r.chance(0.3) ? 'contractor' : 'employee' });
    }
    individuals.push(e);
    entities.push(e);
  }
  // Individuals who hold companies (an individual covered person's holding taints the company).
  for (let k = 0; k < 200; k++) addOwner(companies[r.int(nSubs, companies.length - 1)]!, r.pick(individuals).id, r.pick([20, 30, 50, 60, 100]));

  // Designations (filled by `screen`): AG-designated covered persons, OFAC SDN, FCC covered list.
  let designated = 0;
  for (let k = 0; k < 300; k++) {
    const e = r.chance(0.85) ? r.pick(companies) : r.pick(individuals);
    const list = r.weighted([['doj.covered_persons', 3], ['ofac.sdn', 4], ['fcc.covered', 1], ['dod.1260h', 2]] as const);
    const from = civil(r.int(0, DAYS - 1));
    (e.designations ??= []).push({ list, listedFrom: from, ...(r.chance(0.1) ? { listedUntil: civil(Math.min(DAYS - 1, r.int(0, DAYS - 1))) } : {}), source: `${list} (generated)` });
    designated++;
  }

  // --- systems and datasets -----------------------------------------------------------------
  const systems = [] as NonNullable<InventoryInput['systems']>;
  const sysLocations = ['US', 'US', 'US', 'US', 'IE', 'DE', 'SG', 'JP', 'CN', 'CN', 'HK', 'IN'];
  for (let i = 0; i < 48; i++) {
    const loc = sysLocations[i % sysLocations.length]!;
    systems.push({ id: `sys${pad(i, 2)}`, name: `System ${i}`, location: loc, kind: r.pick(['cloud', 'datacenter', 'saas', 'on_premises'] as const), provider: r.pick(companies).id });
  }
  const datasets: DatasetInput[] = [];
  const profileTable = PROFILES.map((p) => [p, p.weight] as const);
  for (let i = 0; i < options.datasets; i++) {
    const p = r.weighted(profileTable);
    const cats = [...p.categories];
    if (r.chance(0.15)) {
      const extra = r.pick(['contact', 'device_id', 'network_id', 'health', 'financial', 'biometric', 'racial_ethnic_origin', 'religious_belief', 'criminal_record'] as const);
      if (!cats.includes(extra)) cats.push(extra);
    }
    const sys = r.pick(systems);
    const cnData = sys.location === 'CN' || p.name === 'cn-users' || r.chance(0.1);
    const us = p.around === 0 ? r.int(0, 5_000_000) : Math.max(1, Math.round(p.around * Math.exp(r.normal() * 0.8 - 0.35)));
    const subjects: Record<string, number> = { US: us };
    if (cnData) subjects.CN = Math.round(Math.exp(8 + r.float() * 7)); // ~3,000 … ~3.3 M
    if (r.chance(0.2)) subjects.DE = r.int(100, 100_000);
    const d: DatasetInput = { id: `ds${pad(i, 4)}`, name: `${p.name} ${i}`, categories: cats, subjects, system: sys.id };
    if (p.devices) d.usDevices = Math.max(1, Math.round(us * (0.7 + r.float() * 0.8)));
    if (r.chance(0.05)) d.linked = false;
    if (r.chance(0.02)) d.publiclyAvailable = true;
    if (r.chance(0.01)) d.informationalMaterials = true;
    if (r.chance(0.03)) d.governmentRelated = { locations: cats.includes('precise_geolocation'), marketedAsGovernmentPersonnel: r.chance(0.5) };
    if (cnData) d.collectedIn = ['CN'];
    if (cnData && r.chance(0.05)) d.importantData = { notified: r.chance(0.5) };
    if (r.chance(0.02)) d.anonymized = true;
    datasets.push(d);
  }

  // --- flows --------------------------------------------------------------------------------
  // Pairs (exporter, recipient), each with a few datasets; flows pick pairs with a skew so that
  // aggregation over the same (U.S. person, foreign person) matters.
  const usIndividuals = individuals.filter((p) => p.usStatus === 'citizen');
  const usSubs = companies.slice(0, nSubs).filter((c) => c.organizedIn === 'US');
  const foreignSubs = companies.slice(0, nSubs).filter((c) => c.organizedIn !== 'US');
  const recipients = [...companies.slice(nSubs), ...individuals.filter((p) => p.employment?.length), ...entities.filter((e) => e.kind === 'government')];
  // Recipients in countries of concern are over-represented (the rule's audience).
  const ofConcernRecipients = recipients.filter((e) => OF_CONCERN.has(e.organizedIn ?? e.government ?? e.primaryResidence ?? ''));
  interface Pair { from?: string; directedBy?: string; recipient: EntityInput; datasets: string[] }
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  while (pairs.length < options.pairs) {
    const roll = r.float();
    const from = roll < 0.84 ? undefined : roll < 0.9 ? r.pick(usSubs).id : roll < 0.96 ? r.pick(foreignSubs).id : r.pick(companies.slice(nSubs)).id;
    const recipient = r.chance(0.3) ? r.pick(ofConcernRecipients) : r.chance(0.05) ? r.pick(foreignSubs) : r.pick(recipients);
    const key = `${from ?? 'acme'}>${recipient.id}`;
    if (seen.has(key) || recipient.id === from) continue;
    seen.add(key);
    const n = r.weighted([[1, 40], [2, 30], [3, 15], [4, 10], [6, 5]] as const);
    const ds: string[] = [];
    for (let k = 0; k < n; k++) ds.push(datasets[r.int(0, datasets.length - 1)]!.id);
    const directedBy = from && roll >= 0.96 && r.chance(0.5) ? (r.chance(0.5) ? 'acme' : r.pick(usIndividuals).id) : undefined;
    pairs.push({ ...(from ? { from } : {}), ...(directedBy ? { directedBy } : {}), recipient, datasets: ds });
  }
  const pairFlows = new Array<number>(pairs.length).fill(0);
  const flows: FlowInput[] = [];
  let withSafeguards = 0;
  for (let i = 0; i < options.flows; i++) {
    const pi = r.skewed(pairs.length, 1.6);
    pairFlows[pi]!++;
    const pair = pairs[pi]!;
    const kind = r.weighted(KINDS);
    const dsId = r.pick(pair.datasets);
    const ds = datasets[Number(dsId.slice(2))]!;
    const rc = pair.recipient;
    const destination = rc.organizedIn ?? rc.government ?? rc.location ?? rc.primaryResidence ?? 'US';
    const startDay = r.int(0, DAYS - 1);
    const f: FlowInput = { id: `f${pad(i, 6)}`, dataset: dsId, recipient: rc.id, destination, kind };
    if (pair.from) f.from = pair.from;
    if (pair.directedBy) f.directedByUsPerson = pair.directedBy;
    if (r.chance(0.95)) f.start = civil(startDay);
    if (r.chance(0.3)) f.end = civil(Math.min(DAYS - 1, startDay + r.int(30, 540)));
    f.purpose = r.weighted(PURPOSES);
    if ((kind === 'transfer' || kind === 'remote_access') && r.chance(0.4)) {
      f.classes = [r.weighted([['vendor_agreement', 5], ['data_brokerage', 2], ['employment_agreement', 2], ['investment_agreement', 1]] as const)];
    }
    if (r.chance(0.25)) {
      const us = ds.subjects?.US ?? 0;
      f.subjects = { US: Math.max(0, Math.round(us * (0.2 + r.float() * 0.8))) };
    }
    if (ds.usDevices !== undefined && r.chance(0.2)) f.usDevices = Math.round(ds.usDevices * (0.3 + r.float() * 0.7));
    if (r.chance(0.03)) f.access = false;
    if (kind === 'vendor_agreement' && r.chance(0.2)) f.cloudComputing = true;
    if (r.chance(0.15)) f.fromCountry = 'CN';
    else if (ds.collectedIn?.includes('CN') && r.chance(0.5)) f.fromCountry = 'CN';
    if (kind === 'government_request') {
      f.request = { authority: r.pick(['court', 'law_enforcement', 'regulator', 'other'] as const), country: destination, ...(f.start ? { received: f.start } : {}) };
    }
    if (kind === 'remote_access' && r.chance(0.1)) {
      const inCountry = r.chance(0.5);
      // people accessing from the data's own country cannot be declared not in it (the loader refuses that)
      const dataCountry = f.fromCountry ?? systems.find((x) => x.id === ds.system)?.location;
      if (inCountry || destination !== dataCountry) f.physicallyInCountry = inCountry;
    }
    const isInvestment = kind === 'investment_agreement' || f.classes?.includes('investment_agreement');
    if (isInvestment && r.chance(0.5)) {
      f.investment = {
        publiclyTraded: r.chance(0.4),
        registeredFund: r.chance(0.2),
        limitedPartnerOnly: r.chance(0.2),
        votingEquityPercent: r.pick([2, 5, 9.9, 10, 15, 30]),
        rightsBeyondMinorityProtections: r.chance(0.2),
      };
    }
    // Safeguards: CISA security requirements on restricted classes (sometimes not yet in force,
    // or expired), onward-transfer clauses on brokerage, CFIUS mitigation, China's instruments.
    const safeguards: NonNullable<FlowInput['safeguards']> = [];
    const restrictedClass = kind === 'vendor_agreement' || kind === 'employment_agreement' || isInvestment || f.classes?.some((c) => c !== 'data_brokerage');
    if (restrictedClass && r.chance(0.4)) {
      safeguards.push({ type: 'cisa_security_requirements', date: civil(Math.max(0, startDay - r.int(-120, 200))), ...(r.chance(0.1) ? { expires: civil(Math.min(DAYS - 1, startDay + r.int(30, 400))) } : {}) });
    }
    if ((kind === 'data_brokerage' || f.classes?.includes('data_brokerage')) && r.chance(0.5)) safeguards.push({ type: 'onward_transfer_clause', ...(r.chance(0.7) ? { date: civil(startDay) } : {}) });
    if (isInvestment && r.chance(0.2)) safeguards.push({ type: 'cfius_mitigation', date: civil(startDay) });
    if (f.fromCountry === 'CN' && r.chance(0.4)) {
      safeguards.push({ type: r.pick(['cac_security_assessment', 'cac_standard_contract', 'cac_standard_contract_filed', 'pi_protection_certification'] as const), date: civil(Math.max(0, startDay - r.int(0, 300))), ...(r.chance(0.5) ? { expires: civil(Math.min(DAYS - 1, startDay + 1095)) } : {}) });
      if (r.chance(0.5)) safeguards.push({ type: 'pipia', date: civil(Math.max(0, startDay - 30)) });
      if (r.chance(0.5)) safeguards.push({ type: 'separate_consent' });
    }
    if (destination === 'DE' && r.chance(0.5)) safeguards.push({ type: 'eu_scc' });
    if (safeguards.length) {
      f.safeguards = safeguards;
      withSafeguards++;
    }
    if (r.chance(0.002)) f.designedToEvade = true;
    if ((kind === 'data_brokerage' || f.classes?.includes('data_brokerage')) && r.chance(0.03)) {
      const d = r.int(450, DAYS - 1);
      f.offerRejected = civil(d);
      if (r.chance(0.5)) f.filed = [{ report: 'us.doj.dsp/202.1104', date: civil(Math.min(DAYS - 1, d + r.int(1, 20))) }];
    }
    if (r.chance(0.004)) f.violationKnown = civil(r.int(450, DAYS - 1));
    if (r.chance(0.01)) f.recipientChanged = true;
    flows.push(f);
  }

  const organization: InventoryInput['organization'] = {
    id: 'acme',
    name: 'Acme Data Inc.',
    organizedIn: 'US',
    branchesIn: ['GB', 'SG', 'CN'],
    // 30 % held by a covered fund: the 202.1103 annual report applies to cloud-computing restricted transactions.
    owners: [{ entity: ofConcernRecipients.find((e) => e.kind === 'company')!.id, percent: 30 }, { entity: companies[nSubs + 1]!.id, percent: 20 }],
    cn: { personalInformationProcessor: true, networkOperator: true, ciio: false, stateOrgan: false, networkProductProvider: false, importantDataProcessor: false },
  };

  const maxPerPair = pairFlows.reduce((m, n) => Math.max(m, n), 0);
  const usedPairs = pairFlows.filter((n) => n > 0).length;
  return {
    input: { version: 1, organization, entities, systems, datasets, flows },
    asOf,
    stats: {
      entities: entities.length,
      companies: companies.length,
      individuals: individuals.length,
      governments: GOVERNMENTS.length,
      ownershipEdges: edgeCount,
      unknownShares,
      crossHoldings: cycles,
      designations: designated,
      datasets: datasets.length,
      flows: flows.length,
      pairs: usedPairs,
      maxFlowsPerPair: maxPerPair,
      flowsWithSafeguards: withSafeguards,
    },
  };
}

/**
 * The inventory: the declared facts about an organization's data, counterparties and flows.
 * These zod validators are the single source of truth: the TypeScript types, the JSON Schema
 * (`datacustoms schema`) and the validation errors all come from them.
 */
import { z } from 'zod';
import { CATEGORY_IDS, type CategoryId } from './taxonomy.js';
import { addDays, isCivilDate, weekday } from '../time/civil-date.js';
import { spanEnds } from '../time/cn-holidays.js';
import { Event, TimeZoneName } from './events.js';
import { countryCodeStatus } from '../common/country-code.js';

export { Event };

// --- primitives -------------------------------------------------------------------------------

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'an id: letters, digits and . _ : - (not starting with punctuation)')
  .describe('Identifier, unique within its section across every file of the inventory (an entity may not take the organization\'s id).');

/** A two-capital code that is a country or territory code in use (`EU` too, where `withEU`). */
function countryCode(withEU: boolean) {
  return z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE')
    .superRefine((code, ctx) => {
      if (!/^[A-Z]{2}$/.test(code) || (withEU && code === 'EU')) return;
      const status = countryCodeStatus(code);
      if (status.kind === 'alias') ctx.addIssue({ code: 'custom', message: `an ISO 3166-1 alpha-2 code in use (${code} is an old or informal one: write ${status.current})` });
      else if (status.kind === 'unknown') ctx.addIssue({ code: 'custom', message: `an ISO 3166-1 alpha-2 code of a country or territory${withEU ? ', or EU' : ''} (e.g. US, CN, HK, SG, DE)` });
    });
}

export const Country = countryCode(false).describe('ISO 3166-1 alpha-2 country code (HK and MO are separate codes; the packs know which regimes include them).');

/** Where data subjects belong: a country or territory code, or EU for people counted as the EU's. */
export const SubjectJurisdiction = countryCode(true).describe('ISO 3166-1 alpha-2 country code, or EU.');

export const DateStr = z
  .string()
  .refine(isCivilDate, 'a calendar date as YYYY-MM-DD')
  .describe('Calendar date, YYYY-MM-DD.');

export const Category = z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]]).describe('A category from the datacustoms taxonomy.');

export const Percent = z.number().min(0).max(100).describe('Percentage, 0 to 100.');

/** Counts of data subjects by the jurisdiction they belong to (country code → count). */
export const SubjectCounts = z
  .record(SubjectJurisdiction, z.number().int().nonnegative())
  .describe('Number of distinct data subjects by country (US = U.S. persons; CN = individuals in China; EU may be used for people counted as the EU\'s).');

// --- organization -----------------------------------------------------------------------------

export const Listing = z
  .object({
    exchange: z.string().describe('Exchange or market, e.g. NYSE, Nasdaq, HKEX.'),
    country: Country.describe('Country (or region) of the exchange.'),
    status: z.enum(['planned', 'filed', 'listed']).default('planned'),
    date: DateStr.optional(),
  })
  .strict();

export const Approval = z
  .object({
    type: z
      .enum(['cybersecurity_review_cleared', 'cac_security_assessment', 'prc_authority_approval', 'doj_license', 'other'])
      .describe('What was approved or cleared.'),
    date: DateStr.describe('Date issued.'),
    expires: DateStr.optional(),
    extension: z.boolean().optional().describe("For a cac_security_assessment: this is the CAC's approval extending the previous result (Order 16 Art. 9): valid until that result's last day plus 3 years; `date` is the approval date."),
    reference: z.string().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((a) => a.extension === undefined || a.type === 'cac_security_assessment', { path: ['extension'], message: '`extension` marks the extension of a CAC security-assessment result (Order 16 Art. 9): only for type cac_security_assessment' });

/** `from` / `until` of a link: when given both, `until` may not come before `from`. */
const heldInOrder = (l: { from?: string | undefined; until?: string | undefined }): boolean => l.from === undefined || l.until === undefined || l.from <= l.until;
const HELD_ORDER = { path: ['until'], message: '`until` is before `from`: the link would never have been held' };

export const OwnershipEdge = z
  .object({
    entity: Id.describe('The owner.'),
    percent: Percent.optional().describe('Equity (or voting) share held directly; omit when unknown.'),
    from: DateStr.optional().describe('First day the share was held (inclusive); omit when held since before anything the inventory judges.'),
    until: DateStr.optional().describe('Last day the share was held (inclusive); omit while it is still held.'),
    note: z.string().optional(),
  })
  .strict()
  .refine(heldInOrder, HELD_ORDER);

export const Organization = z
  .object({
    id: Id,
    name: z.string().min(1),
    organizedIn: Country.describe('Country under whose laws the organization is organized.'),
    organizedSolelyInUS: z
      .boolean()
      .optional()
      .describe('28 CFR 202.256: an entity organized solely under US law (and its foreign branches) is a U.S. person. Defaults to organizedIn == US.'),
    principalPlaceOfBusiness: Country.optional(),
    branchesIn: z.array(Country).default([]).describe('Countries where the organization operates branches (not separate legal persons).'),
    owners: z
      .array(OwnershipEdge)
      .default([])
      .describe('Who owns the organization (edges to entities), with equity percentages and, when they changed, the dates each share was held.'),
    cn: z
      .object({
        ciio: z.boolean().default(false).describe('Critical information infrastructure operator (CSL Art. 37; PIPL Art. 40).'),
        personalInformationProcessor: z.boolean().default(false).describe('Processes personal information in China (PIPL Art. 73).'),
        stateOrgan: z.boolean().default(false).describe('A state organ (PIPL Art. 36).'),
        networkPlatformOperator: z
          .object({ users: z.number().int().nonnegative().describe('Users whose personal information it holds.') })
          .strict()
          .optional()
          .describe('Network platform operator (Cybersecurity Review Measures Art. 7).'),
        networkProductProvider: z.boolean().default(false).describe('Provides network products in China (vulnerability regulations Art. 2).'),
        networkOperator: z
          .boolean()
          .default(false)
          .describe('Builds or operates networks, or provides services over networks, in the PRC (CSL Art. 76; CAC incident-reporting measures 2025 Art. 2). CIIOs and state organs are treated as operators too.'),
        freeTradeZone: z
          .object({
            zone: z.string(),
            negativeList: z.array(Category).describe('Categories on the zone\'s CAC-filed negative list (Order 16 Art. 6).'),
          })
          .strict()
          .optional(),
        importantDataProcessor: z.boolean().default(false),
      })
      .strict()
      .default({ ciio: false, personalInformationProcessor: false, stateOrgan: false, networkProductProvider: false, networkOperator: false, importantDataProcessor: false }),
    eu: z
      .object({
        manufacturer: z.boolean().default(false).describe('Manufacturer of products with digital elements (CRA).'),
        nis2: z.enum(['essential', 'important']).optional().describe('NIS2 entity class.'),
        doraFinancialEntity: z.boolean().default(false),
        gdprController: z.boolean().default(false),
        gdprProcessor: z.boolean().default(false).describe('Processes personal data on behalf of a controller (GDPR Art. 33(2): tell the controller without undue delay).'),
        trustServiceProvider: z.boolean().default(false),
        mainEstablishment: Country.optional(),
      })
      .strict()
      .default({ manufacturer: false, doraFinancialEntity: false, gdprController: false, gdprProcessor: false, trustServiceProvider: false }),
    us: z
      .object({
        secRegistrant: z.boolean().default(false),
        smallerReportingCompany: z.boolean().default(false),
        foreignPrivateIssuer: z.boolean().default(false),
        circiaCoveredEntity: z.boolean().default(false),
        federalContractor: z.boolean().default(false).describe('Holds U.S. federal contracts (Section 889; FAR 52.204-25).'),
        dodContractor: z.boolean().default(false).describe('Contracts with the Department of Defense (FY2024 NDAA §805; DoD 1260H list).'),
        usfRecipient: z.boolean().default(false).describe('Receives Universal Service Fund support (47 CFR 54.9).'),
        appStoreOrHostingProvider: z.boolean().default(false).describe('Distributes or hosts mobile applications (PAFACA).'),
      })
      .strict()
      .default({ secRegistrant: false, smallerReportingCompany: false, foreignPrivateIssuer: false, circiaCoveredEntity: false, federalContractor: false, dodContractor: false, usfRecipient: false, appStoreOrHostingProvider: false }),
    listings: z.array(Listing).default([]).describe('Stock listings, planned or done.'),
    approvals: z.array(Approval).default([]).describe('Organization-level approvals, e.g. a cleared cybersecurity review.'),
    // Checked here, at load, for every command (an abbreviation such as CST is China or US Central).
    timeZone: TimeZoneName.default('UTC').describe('IANA time zone of the organization (Area/Location, or UTC), for clocks: event times without an offset are read in it.'),
  })
  .strict();

// --- entities ---------------------------------------------------------------------------------

export const Designation = z
  .object({
    list: z.string().describe('List id, e.g. ofac.sdn, fcc.covered, dod.1260h, doj.covered_persons, cn.countersanctions.'),
    program: z.string().optional(),
    scope: z.string().optional().describe('What the listing covers, when the list limits it (e.g. an FCC Covered List entry\'s equipment and services).'),
    listedFrom: DateStr.optional(),
    listedUntil: DateStr.optional(),
    source: z.string().optional(),
    matchedName: z.string().optional(),
    score: z.number().min(0).max(1).optional(),
    via: z.string().optional().describe('When inherited through ownership: the path that explains it.'),
  })
  .strict();

export const Employment = z
  .object({
    entity: Id.describe('Employer or principal.'),
    relation: z.enum(['employee', 'contractor']).default('employee'),
    from: DateStr.optional().describe('First day of the employment or contract (inclusive).'),
    until: DateStr.optional().describe('Last day of the employment or contract (inclusive); omit while it lasts.'),
  })
  .strict()
  .refine(heldInOrder, HELD_ORDER);

export const Entity = z
  .object({
    id: Id,
    name: z.string().min(1),
    kind: z.enum(['company', 'individual', 'government']),
    aliases: z.array(z.string().min(1)).default([]).describe('Other names, in any script.'),
    // companies
    organizedIn: Country.optional().describe('Country of organization (companies).'),
    principalPlaceOfBusiness: Country.optional(),
    headquarters: Country.optional(),
    branchOf: Id.optional().describe('This is a branch (not a separate legal person) of the given entity.'),
    owners: z.array(OwnershipEdge).default([]),
    // individuals
    citizenships: z.array(Country).default([]),
    usStatus: z
      .enum(['citizen', 'national', 'permanent_resident', 'refugee', 'asylee'])
      .optional()
      .describe('28 CFR 202.256(a): US status of an individual.'),
    primaryResidence: Country.optional(),
    location: Country.optional().describe('Where the person is physically (any person in the United States is a U.S. person).'),
    employment: z.array(Employment).default([]),
    // governments
    government: Country.optional().describe('For kind=government: the country whose government (or agency) this is.'),
    designations: z.array(Designation).default([]),
    roles: z
      .array(z.enum(['carrier', 'cloud_provider', 'app_publisher', 'sdk_provider', 'equipment_vendor', 'video_surveillance_vendor', 'cable_operator', 'data_broker', 'vendor', 'subsidiary', 'court', 'law_enforcement', 'regulator']))
      .default([]),
    note: z.string().optional(),
  })
  .strict();

// --- systems and datasets -----------------------------------------------------------------------

export const System = z
  .object({
    id: Id,
    name: z.string().optional(),
    location: Country.describe('Where the system stores or processes data.'),
    provider: Id.optional().describe('Entity hosting or operating it.'),
    kind: z.enum(['cloud', 'datacenter', 'saas', 'on_premises', 'device', 'network', 'other']).default('other'),
  })
  .strict();

export const Dataset = z
  .object({
    id: Id,
    name: z.string().optional(),
    categories: z.array(Category).min(1),
    linked: z
      .boolean()
      .default(true)
      .describe('28 CFR 202.232: the categories are linked or linkable to each other for the same person.'),
    subjects: SubjectCounts.default({}),
    usDevices: z.number().int().nonnegative().optional().describe('US devices, for precise geolocation (202.205(c)); when undeclared, the US subjects count as devices, one each.'),
    system: Id.optional().describe('Where the dataset lives.'),
    collectedIn: z.array(Country).default([]).describe('Where the data was collected or generated.'),
    collectedFromIndividuals: z
      .boolean()
      .default(true)
      .describe('We collected it directly from the individuals (relevant to data brokerage, 202.214).'),
    anonymized: z.boolean().default(false).describe('Properly anonymised: no individual can be identified or re-identified (PIPL Art. 4).'),
    publiclyAvailable: z.boolean().default(false).describe('Lawfully available to the public from government records or widely distributed media (202.249(b)(2)).'),
    governmentRelated: z
      .object({
        locations: z.boolean().default(false).describe('Precise geolocation within an area on the Government-Related Location Data List (202.222(a)(1)).'),
        marketedAsGovernmentPersonnel: z.boolean().default(false).describe('Marketed as linked to US Government employees or contractors (202.222(a)(2)).'),
      })
      .strict()
      .optional(),
    importantData: z
      .object({
        notified: z.boolean().describe('Notified by the relevant department or region, or publicly released, as important data (Order 16 Art. 2; NDSMR Art. 37).'),
        by: z.string().optional(),
        date: DateStr.optional().describe('Date of the notification or publication: from Order 16 on, the data counts as important from this date.'),
      })
      .strict()
      .optional(),
    coreData: z.boolean().default(false).describe('National core data (DSL Art. 21).'),
    foreignOriginOnly: z
      .boolean()
      .default(false)
      .describe('PI collected and generated abroad, processed in China, with no domestic PI or important data added (Order 16 Art. 4).'),
    mixedDomesticUnverified: z
      .boolean()
      .default(false)
      .describe('Foreign-origin data into which some domestic PI was merged, scope not yet verified (Order 16 Art. 4 boundary).'),
    informationalMaterials: z.boolean().default(false).describe('Expressive material fully created before the transaction (202.226, 202.502).'),
    scan: z
      .object({ source: z.string(), at: z.string().optional(), error: z.record(SubjectJurisdiction, z.number()).optional() })
      .strict()
      .optional()
      .describe('Filled by `datacustoms scan --write-inventory`.'),
  })
  .strict();

// --- flows ------------------------------------------------------------------------------------

export const FlowKind = z.enum([
  'transfer',
  'remote_access',
  'data_brokerage',
  'vendor_agreement',
  'employment_agreement',
  'investment_agreement',
  'government_request',
]);

export const Purpose = z.enum([
  'contract_with_individual', // Order 16 Art. 5(1); NDSMR 35(4)
  'hr_management', // Order 16 Art. 5(2); NDSMR 35(5)
  'emergency', // Order 16 Art. 5(3); NDSMR 35(7)
  'statutory_duty', // NDSMR 35(6)
  'international_trade', // Order 16 Art. 3 activities
  'cross_border_transport',
  'academic_cooperation',
  'transnational_manufacturing',
  'corporate_group_administration', // 202.506
  'financial_services', // 202.505
  'us_government_business', // 202.504
  'regulatory_approval', // 202.510
  'clinical_investigation', // 202.511
  'telecommunications', // 202.509
  'travel', // 202.503
  'personal_communication', // 202.501
  'required_by_federal_law', // 202.507
  'research',
  'analytics',
  'marketing',
  'customer_support',
  'storage',
  'other',
]);

export const Safeguard = z
  .object({
    type: z.enum([
      'cisa_security_requirements', // 28 CFR 202.248
      'onward_transfer_clause', // 202.302(a)(1)
      'cac_security_assessment', // Order 16 Art. 7; Order 11
      'cac_standard_contract', // Order 13; Order 16 Art. 8
      'cac_standard_contract_filed', // Order 13 Art. 7
      'pi_protection_certification', // PIPL Art. 38(2)
      'pipia', // PIPL Art. 55
      'important_data_risk_assessment', // NDSMR Art. 31
      'recipient_protection_measures', // PIPL Art. 38 para. 3
      'treaty_conditions', // PIPL Art. 38 para. 2; NDSMR Art. 36
      'legal_conditions', // PIPL Art. 38(1)(4); NDSMR Art. 35(8)
      'provision_records', // NDSMR Art. 12
      'notice', // PIPL Art. 39
      'separate_consent', // PIPL Art. 39
      'prc_authority_approval', // PIPL Art. 41; DSL Art. 36
      'cfius_mitigation', // 202.508
      'doj_license', // subpart H
      'eu_scc',
      'other',
    ]),
    date: DateStr.optional().describe('Date it took effect, was issued or filed.'),
    expires: DateStr.optional(),
    extension: z.boolean().optional().describe("For a cac_security_assessment: this is the CAC's approval extending the previous result (Order 16 Art. 9): valid until that result's last day plus 3 years; `date` is the approval date."),
    reference: z.string().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((a) => a.extension === undefined || a.type === 'cac_security_assessment', { path: ['extension'], message: '`extension` marks the extension of a CAC security-assessment result (Order 16 Art. 9): only for type cac_security_assessment' });

type SafeguardFields = z.output<typeof Safeguard>;

function safeguardOfOneShape(g: SafeguardFields): AllKeys<SafeguardFields> {
  return { type: g.type, date: g.date, expires: g.expires, extension: g.extension, reference: g.reference, note: g.note };
}

const FlowFields = z
  .object({
    id: Id,
    description: z.string().optional(),
    dataset: Id.describe('The dataset the flow carries or exposes.'),
    from: Id.optional().describe('The party sending or granting access; defaults to the organization.'),
    fromCountry: Country.optional().describe('Where the data sits before the flow; defaults to the dataset\'s system location.'),
    recipient: Id.describe('The entity receiving the data or access.'),
    destination: Country.describe('Where the data goes, or where it is accessed from.'),
    kind: FlowKind,
    classes: z
      .array(z.enum(['data_brokerage', 'vendor_agreement', 'employment_agreement', 'investment_agreement']))
      .default([])
      .describe('28 CFR 202.210 transaction classes, when more than the kind (e.g. a transfer made under a vendor agreement).'),
    purpose: Purpose.default('other'),
    purposeNote: z.string().optional(),
    subjects: SubjectCounts.optional().describe('Subjects involved, when fewer than the whole dataset.'),
    usDevices: z.number().int().nonnegative().optional(),
    start: DateStr.optional(),
    end: DateStr.optional(),
    access: z.boolean().default(true).describe('The recipient gets access to the data (202.201). False for e.g. end-to-end encrypted relay without keys.'),
    cloudComputing: z.boolean().default(false).describe('A vendor agreement for cloud-computing services (202.258; 202.1103).'),
    investment: z
      .object({
        publiclyTraded: z.boolean().default(false),
        registeredFund: z.boolean().default(false),
        limitedPartnerOnly: z.boolean().default(false),
        votingEquityPercent: Percent.optional(),
        rightsBeyondMinorityProtections: z.boolean().default(false),
      })
      .strict()
      .optional()
      .describe('Terms of an investment agreement (202.228(b) passive-investment exclusion).'),
    request: z
      .object({
        authority: z.enum(['court', 'law_enforcement', 'regulator', 'other']),
        country: Country,
        received: DateStr.optional(),
      })
      .strict()
      .optional()
      .describe('For government_request: who asks.'),
    physicallyInCountry: z
      .boolean()
      .optional()
      .describe('For remote_access: the people accessing are physically in the data\'s country (no export, CAC Q&A Oct 2025).'),
    viaFreeTradeZone: z.boolean().default(false),
    designedToEvade: z.boolean().default(false).describe('Structured to evade Part 202 (202.304).'),
    directedByUsPerson: Id.optional().describe('A U.S. person directing this transaction on a foreign party\'s behalf (202.305).'),
    offerRejected: DateStr.optional().describe('Date an offer of this transaction was affirmatively rejected (202.1104).'),
    violationKnown: DateStr.optional().describe('Date we became aware of a known or suspected onward-transfer violation (202.302(b)).'),
    recipientChanged: z.boolean().default(false).describe('Recipient, purpose, scope or retention changed since the assessment (Order 11 Art. 14).'),
    consentBased: z.boolean().default(true).describe('The transfer relies on the individuals\' consent (PIPL Art. 13(1)).'),
    safeguards: z.array(Safeguard).default([]),
    filed: z
      .array(z.object({ report: z.string().describe('Obligation id, e.g. us.doj.dsp/202.1104.'), date: DateStr }).strict())
      .default([])
      .describe('Reports already made for this flow; they turn the matching obligation to done.'),
  })
  .strict();

type FlowFields = z.output<typeof FlowFields>;

/**
 * Parsed flows, entities, datasets and safeguards are rebuilt with every field of their schema
 * as an own key, in the schema's order (an absent optional field holds undefined), whatever the
 * order and the subset of keys they were written with. Not a question of meaning — JSON and
 * every reader treat an undefined field as absent — but of speed: V8 gives objects built with
 * different keys or key orders different hidden classes, and an inventory's flows arrive in
 * hundreds of them (the bench inventory's in 398, its entities in 12), so every read of one of
 * their fields in the rules went through the slow path for properties of many shapes (all packs
 * on 100,000 flows: about 15 % of the CPU of a `check`). Each `…OfOneShape` function's return
 * type lists every key as required: a field added to the schema and not there fails to compile
 * instead of being dropped.
 */
type AllKeys<T> = { [K in keyof Required<T>]: T[K] };

/** A section's list (empty when absent), each item rebuilt by `reshape` (one of the `…OfOneShape` functions). */
function listOfOneShape<T extends z.ZodType>(item: T, reshape: (x: z.output<T>) => z.output<T>) {
  return z
    .array(item)
    .default([])
    .transform((xs) => xs.map((x) => reshape(x)));
}

function flowOfOneShape(f: FlowFields): AllKeys<FlowFields> {
  return {
    id: f.id,
    description: f.description,
    dataset: f.dataset,
    from: f.from,
    fromCountry: f.fromCountry,
    recipient: f.recipient,
    destination: f.destination,
    kind: f.kind,
    classes: f.classes,
    purpose: f.purpose,
    purposeNote: f.purposeNote,
    subjects: f.subjects,
    usDevices: f.usDevices,
    start: f.start,
    end: f.end,
    access: f.access,
    cloudComputing: f.cloudComputing,
    investment: f.investment,
    request: f.request,
    physicallyInCountry: f.physicallyInCountry,
    viaFreeTradeZone: f.viaFreeTradeZone,
    designedToEvade: f.designedToEvade,
    directedByUsPerson: f.directedByUsPerson,
    offerRejected: f.offerRejected,
    violationKnown: f.violationKnown,
    recipientChanged: f.recipientChanged,
    consentBased: f.consentBased,
    safeguards: f.safeguards.map(safeguardOfOneShape),
    filed: f.filed,
  };
}

export const Flow = FlowFields;

/** The flows of an inventory (or of one file of it), each of one shape (see `AllKeys`). */
const Flows = listOfOneShape(Flow, flowOfOneShape);

// --- events: see ./events.ts (owned by the clocks feature) -------------------------------

// --- assets: technology we run or ship -------------------------------------------------------

export const AssetKind = z.enum([
  'telecom_equipment',
  'video_surveillance_equipment',
  'carrier_service',
  'cloud_service',
  'mobile_app',
  'sdk',
  'submarine_cable',
  'security_software',
  'drone',
  'other',
]);

export const Asset = z
  .object({
    id: Id,
    name: z.string().optional(),
    kind: AssetKind,
    vendor: Id.describe('The entity that makes, provides, publishes or operates it.'),
    uses: z
      .array(z.enum(['public_safety', 'government_facility_security', 'critical_infrastructure_surveillance', 'national_security', 'federal_contract', 'dod_contract', 'usf_funded', 'distributed_in_app_store', 'hosted']))
      .default([])
      .describe('What it is used for, where that matters (the FCC scope limits, Section 889, USF, PAFACA).'),
    inUseSince: DateStr.optional(),
    systems: z.array(Id).default([]).describe('Systems it is part of.'),
    note: z.string().optional(),
  })
  .strict()
  .describe('Technology the organization runs or ships: network and video equipment, carrier services, clouds, apps and SDKs, cables.');

// --- calendars --------------------------------------------------------------------------------

/**
 * Checks one supplied holiday year: every date in that year, ranges in order, no date twice,
 * make-up working days on a Saturday or Sunday and not also a day off. Issues name the item.
 */
function checkHolidayYear(y: { year: number; holidays: string[]; makeUpWorkingDays: string[] }, ctx: z.RefinementCtx): void {
  const inYear = (d: string) => Number(d.slice(0, 4)) === y.year;
  const off = new Map<string, number>();
  y.holidays.forEach((text, i) => {
    // zod runs this check even when an item failed its own (reported there): skip such items.
    const ends = spanEnds(text);
    if (!ends) return;
    const [from, to] = ends;
    const path = ['holidays', i];
    if (!inYear(from) || !inYear(to)) {
      ctx.addIssue({ code: 'custom', path, message: `"${text}" is not in ${y.year} (a year lists only its own dates)` });
      return;
    }
    if (to < from) {
      ctx.addIssue({ code: 'custom', path, message: `"${text}" ends before it starts` });
      return;
    }
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const first = off.get(d);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `${d} is already a day off (holidays[${first}])` });
        return;
      }
      off.set(d, i);
    }
  });
  const on = new Map<string, number>();
  y.makeUpWorkingDays.forEach((d, i) => {
    if (!isCivilDate(d)) return;
    const path = ['makeUpWorkingDays', i];
    const w = weekday(d);
    if (!inYear(d)) ctx.addIssue({ code: 'custom', path, message: `${d} is not in ${y.year} (a year lists only its own dates)` });
    else if (on.has(d)) ctx.addIssue({ code: 'custom', path, message: `${d} is listed twice (makeUpWorkingDays[${on.get(d)}])` });
    else if (off.has(d)) ctx.addIssue({ code: 'custom', path, message: `${d} is also a day off (holidays[${off.get(d)}])` });
    else if (w !== 0 && w !== 6) ctx.addIssue({ code: 'custom', path, message: `${d} is not a Saturday or Sunday: a make-up working day (调休) is a weekend day declared a working day` });
    on.set(d, i);
  });
}

export const HolidayYear = z
  .object({
    year: z.number().int().min(1949).max(9999).describe('The calendar year the notice covers.'),
    holidays: z
      .array(z.string().refine((s) => spanEnds(s) !== undefined, 'a date YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD'))
      .default([])
      .describe('Days off: statutory holidays and the weekend days folded into each break, as dates (YYYY-MM-DD) or ranges (YYYY-MM-DD/YYYY-MM-DD, both ends included).'),
    makeUpWorkingDays: z.array(DateStr).default([]).describe('Weekend days declared working days to make up for a break (调休).'),
    source: z.string().min(1).describe('Where the dates come from: the notice\'s title, number or URL.'),
  })
  .strict()
  .superRefine(checkHolidayYear)
  .describe("One year of public holidays and make-up working days, as the government's annual notice sets them.");

export const Calendars = z
  .object({
    CN: z
      .array(HolidayYear)
      .default([])
      .superRefine((years, ctx) => {
        const seen = new Map<number, number>();
        years.forEach((y, i) => {
          if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `${y.year} is declared twice (also CN[${seen.get(y.year)}])` });
          else seen.set(y.year, i);
        });
      })
      .describe(
        'Mainland China, by year, from the State Council General Office notice (国务院办公厅关于 YYYY 年部分节假日安排的通知). A year given here replaces the built-in table\'s year (from memory [M]; 2021–2026) or adds one it lacks, for this run: CN working-day counts (e.g. the security-assessment renewal and the standard-contract filing deadline) and rest-day notes use it.',
      ),
  })
  .strict()
  .describe('Holiday years for the working-day calendars, supplied where the built-in tables lack or get a year wrong.');

type EntityFields = z.output<typeof Entity>;

function entityOfOneShape(e: EntityFields): AllKeys<EntityFields> {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    organizedIn: e.organizedIn,
    principalPlaceOfBusiness: e.principalPlaceOfBusiness,
    headquarters: e.headquarters,
    branchOf: e.branchOf,
    owners: e.owners,
    citizenships: e.citizenships,
    usStatus: e.usStatus,
    primaryResidence: e.primaryResidence,
    location: e.location,
    employment: e.employment,
    government: e.government,
    designations: e.designations,
    roles: e.roles,
    note: e.note,
  };
}

/** The entities of an inventory (or of one file of it), each of one shape (see `AllKeys`). */
const Entities = listOfOneShape(Entity, entityOfOneShape);

type DatasetFields = z.output<typeof Dataset>;

function datasetOfOneShape(d: DatasetFields): AllKeys<DatasetFields> {
  return {
    id: d.id,
    name: d.name,
    categories: d.categories,
    linked: d.linked,
    subjects: d.subjects,
    usDevices: d.usDevices,
    system: d.system,
    collectedIn: d.collectedIn,
    collectedFromIndividuals: d.collectedFromIndividuals,
    anonymized: d.anonymized,
    publiclyAvailable: d.publiclyAvailable,
    governmentRelated: d.governmentRelated,
    importantData: d.importantData,
    coreData: d.coreData,
    foreignOriginOnly: d.foreignOriginOnly,
    mixedDomesticUnverified: d.mixedDomesticUnverified,
    informationalMaterials: d.informationalMaterials,
    scan: d.scan,
  };
}

/** The datasets of an inventory (or of one file of it), each of one shape (see `AllKeys`). */
const Datasets = listOfOneShape(Dataset, datasetOfOneShape);

// --- the inventory ------------------------------------------------------------------------------

export const Inventory = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1),
    organization: Organization,
    entities: Entities,
    systems: z.array(System).default([]),
    datasets: Datasets,
    flows: Flows,
    assets: z.array(Asset).default([]),
    events: z.array(Event).default([]),
    calendars: Calendars.optional(),
  })
  .strict();

/** A part of an inventory as found in one file: every section optional, merged later. */
export const InventoryPart = Inventory.partial().extend({ organization: Organization.optional() });

export type Organization = z.infer<typeof Organization>;
export type Entity = z.infer<typeof Entity>;
export type OwnershipEdge = z.infer<typeof OwnershipEdge>;
export type Designation = z.infer<typeof Designation>;
export type System = z.infer<typeof System>;
export type Dataset = z.infer<typeof Dataset>;
export type Flow = z.infer<typeof Flow>;
export type Asset = z.infer<typeof Asset>;
export type FlowKind = z.infer<typeof FlowKind>;
export type Purpose = z.infer<typeof Purpose>;
export type Safeguard = z.infer<typeof Safeguard>;
export type { InventoryEvent } from './events.js';
export type Inventory = z.infer<typeof Inventory>;
export type HolidayYear = z.infer<typeof HolidayYear>;
export type Calendars = z.infer<typeof Calendars>;
export type InventoryInput = z.input<typeof Inventory>;
export type FlowInput = z.input<typeof Flow>;
export type DatasetInput = z.input<typeof Dataset>;
export type EntityInput = z.input<typeof Entity>;
export type AssetInput = z.input<typeof Asset>;
export type OrganizationInput = z.input<typeof Organization>;
export type InventoryPart = z.infer<typeof InventoryPart>;

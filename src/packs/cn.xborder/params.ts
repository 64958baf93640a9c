/**
 * Dated parameters of the `cn.xborder` pack (OpenFisca style): every threshold, window and
 * time limit the rules read, with the legal reference and the dates each value was in force.
 *
 * Boundaries follow the Chinese text (cn-eu-rules.md §0.1): 以上 is `>=`, 不满 is `<`,
 * 超过 is `>`. The parameter says which word the text uses; the rule applies it.
 *
 * The second half holds the *policy* parameters: points the notes mark [U] (unconfirmed) or
 * [M] (from memory) that the rules must nonetheless decide. Each is a named parameter with the
 * default the notes ask for (usually the conservative one), documented in
 * docs/packs/cn.xborder.md, and can be overridden per run with `createCnXborder({ ... })`.
 */
import { at, param, type Param } from '../../engine/params.js';
import type { CivilDate } from '../../time/civil-date.js';

// --- when each instrument took effect ------------------------------------------------------

/** CSL, effective 2017-06-01 (Art. 79). */
export const CSL_FROM: CivilDate = '2017-06-01';
/** DSL, effective 2021-09-01 (Art. 55). */
export const DSL_FROM: CivilDate = '2021-09-01';
/** PIPL, effective 2021-11-01 (Art. 74). */
export const PIPL_FROM: CivilDate = '2021-11-01';
/** Cybersecurity Review Measures (2022), effective 2022-02-15. */
export const CSRM_FROM: CivilDate = '2022-02-15';
/** CAC Order No. 11 (Security Assessment Measures), effective 2022-09-01. */
export const ORDER11_FROM: CivilDate = '2022-09-01';
/** CAC Order No. 13 (Standard Contract Measures), effective 2023-06-01 [M]. */
export const ORDER13_FROM: CivilDate = '2023-06-01';
/** CAC Order No. 16 (Provisions on Promoting and Regulating Cross-Border Data Flows), 2024-03-22. */
export const ORDER16_FROM: CivilDate = '2024-03-22';
/** The last day the Order 11 / Order 13 thresholds governed alone. */
export const ORDER11_UNTIL: CivilDate = '2024-03-21';
/** Network Data Security Management Regulations (State Council Decree 790), 2025-01-01. */
export const NDSMR_FROM: CivilDate = '2025-01-01';

export const SOURCES = {
  order11: 'https://www.cac.gov.cn/2022-07/07/c_1658811536396503.htm',
  order16: 'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm',
  csrm: 'https://www.cac.gov.cn/2022-01/04/c_1642894602182845.htm',
  qaOct2025: 'https://www.cac.gov.cn/2025-10/31/c_1763633376984070.htm',
  qaApr2025: 'https://www.cac.gov.cn/2025-04/09/c_1745906286623776.htm',
} as const;

// --- volumes ---------------------------------------------------------------------------------

export type CountWindow = 'previous_year' | 'current_year';

/** From which 1 January exports are added up. */
export const COUNT_WINDOW: Param<CountWindow> = param('cn.xborder.count_window', 'Start of the cumulative export count: 1 January of the previous year (Order 11) or of the current year (Order 16).', [
  {
    from: ORDER11_FROM,
    until: ORDER11_UNTIL,
    value: 'previous_year',
    citation: 'CAC Order No. 11 Art. 4(3) (自上年1月1日起累计)',
    confidence: 'secondary',
  },
  {
    from: ORDER16_FROM,
    value: 'current_year',
    citation: 'CAC Order No. 16 Arts. 5(4), 7(2), 8 (自当年1月1日起累计)',
    confidence: 'verified',
  },
]);

/**
 * Security-assessment trigger on the number of people whose PI was exported (以上, `>=`).
 * Order 11 counted all PI (sensitive included); Order 16 counts PI "不含敏感个人信息".
 */
export const SA_PERSONS: Param<number> = param('cn.xborder.sa.persons', 'People whose PI was exported cumulatively, at or above which a security assessment is required (以上, inclusive).', [
  {
    from: ORDER11_FROM,
    until: ORDER11_UNTIL,
    value: 100_000,
    citation: 'CAC Order No. 11 Art. 4(3) (累计向境外提供10万人个人信息)',
    confidence: 'secondary',
    note: 'All PI, sensitive included; previous-year window.',
  },
  {
    from: ORDER16_FROM,
    value: 1_000_000,
    citation: 'CAC Order No. 16 Art. 7(2) (100万人以上个人信息（不含敏感个人信息）)',
    confidence: 'verified',
    note: 'Non-sensitive PI only; current-year window.',
  },
]);

/** Security-assessment trigger on sensitive PI (以上, `>=`). */
export const SA_SENSITIVE_PERSONS: Param<number> = param('cn.xborder.sa.sensitive_persons', 'People whose sensitive PI was exported cumulatively, at or above which a security assessment is required (以上, inclusive).', [
  { from: ORDER11_FROM, until: ORDER11_UNTIL, value: 10_000, citation: 'CAC Order No. 11 Art. 4(3) (1万人敏感个人信息)', confidence: 'secondary' },
  { from: ORDER16_FROM, value: 10_000, citation: 'CAC Order No. 16 Art. 7(2) (1万人以上敏感个人信息)', confidence: 'verified' },
]);

/**
 * Lower bound of the standard-contract band (以上, `>=`); below it a non-CIIO's non-sensitive
 * exports are exempt (Art. 5(4), 不满, `<`). Before Order 16 there was no lower bound.
 */
export const SC_PERSONS: Param<number> = param('cn.xborder.sc.persons', 'Non-sensitive PI exports at or above which the standard contract or certification is required; below it Art. 5(4) exempts.', [
  {
    from: ORDER16_FROM,
    value: 100_000,
    citation: 'CAC Order No. 16 Art. 8 (10万人以上、不满100万人); Art. 5(4) (不满10万人)',
    confidence: 'verified',
  },
]);

/** Order 11 Art. 4(2) / Order 13 Art. 4(1): processing PI of 1,000,000 people or more (以上). */
export const PROCESSING_PERSONS: Param<number> = param('cn.xborder.processing_persons', 'People whose PI the processor handles, at or above which Order 11 required a security assessment for any PI export.', [
  { from: ORDER11_FROM, value: 1_000_000, citation: 'CAC Order No. 11 Art. 4(2); Order No. 13 Art. 4(1) (处理100万人以上个人信息 / 不满100万人)', confidence: 'secondary' },
]);

// --- assessments and contracts -----------------------------------------------------------

/** Validity of a security-assessment result, in years from the date it was issued. */
export const SA_VALIDITY_YEARS: Param<number> = param('cn.xborder.sa.validity_years', 'Years a security-assessment result is valid, by the regime in force on the day it was issued.', [
  { from: ORDER11_FROM, until: ORDER11_UNTIL, value: 2, citation: 'CAC Order No. 11 Art. 14', confidence: 'secondary' },
  { from: ORDER16_FROM, value: 3, citation: 'CAC Order No. 16 Art. 9', confidence: 'verified' },
]);

/** Renewal / re-application window before a result expires, in CN working days. */
export const SA_RENEWAL_WORKING_DAYS: Param<number> = param('cn.xborder.sa.renewal_working_days', 'Working days before expiry within which continued export needs a renewal (Order 16) or re-application (Order 11).', [
  { from: ORDER11_FROM, until: ORDER11_UNTIL, value: 60, citation: 'CAC Order No. 11 Art. 14 (有效期届满60个工作日前重新申报)', confidence: 'memory' },
  { from: ORDER16_FROM, value: 60, citation: 'CAC Order No. 16 Art. 9 (在有效期届满前60个工作日内)', confidence: 'verified' },
]);

/** Filing of a signed standard contract with the provincial CAC, in CN working days. */
export const SC_FILING_WORKING_DAYS: Param<number> = param('cn.xborder.sc.filing_working_days', 'Working days after the standard contract takes effect within which it is filed with the provincial CAC.', [
  { from: ORDER13_FROM, value: 10, citation: 'CAC Order No. 13 Art. 7', confidence: 'secondary', note: '[S: A&O Shearman; M]' },
]);

// --- important data -----------------------------------------------------------------------

/**
 * Whether data counts as important data for export only once notified or published as such.
 * Under Order 11 the processor had to identify important data itself.
 */
export const IMPORTANT_DATA_NEEDS_NOTIFICATION: Param<boolean> = param('cn.xborder.important_data_needs_notification', 'Important data triggers the export rules only when notified by the department or region, or publicly released.', [
  { from: DSL_FROM, until: ORDER11_UNTIL, value: false, citation: 'DSL Art. 31; CAC Order No. 11 Arts. 4(1), 19', confidence: 'secondary', note: 'The processor identified important data itself.' },
  { from: ORDER16_FROM, value: true, citation: 'CAC Order No. 16 Art. 2; NDSMR Art. 37 (from 2025-01-01)', confidence: 'verified' },
]);

// --- records, assessments and large processors -------------------------------------------

/** PIPL Art. 56: the PIPIA report and the processing records are kept at least this many years. */
export const PIPIA_RETENTION_YEARS: Param<number> = param('cn.xborder.pipia.retention_years', 'Years the PI protection impact assessment report and the processing records are kept, at least.', [
  { from: PIPL_FROM, value: 3, citation: 'PIPL Art. 56', confidence: 'verified' },
]);

/** NDSMR Art. 12: records of providing PI or important data to others, or entrusting its processing, kept at least this many years. */
export const PROVISION_RECORDS_YEARS: Param<number> = param('cn.xborder.ndsmr.provision_records_years', 'Years the records of providing personal information or important data to another party, or entrusting its processing, are kept, at least.', [
  { from: NDSMR_FROM, value: 3, citation: 'NDSMR Art. 12', confidence: 'verified' },
]);

/**
 * NDSMR Art. 28: a network data processor handling the PI of this many people or more (the notes
 * give ≥ 10,000,000, [P]; 以上, inclusive) also follows Arts. 30 and 32, the provisions for
 * important-data processors.
 */
export const LARGE_PI_PERSONS: Param<number> = param('cn.xborder.ndsmr.large_pi_persons', 'People whose PI a processor handles, at or above which (inclusive) it also follows the important-data processor provisions of NDSMR Arts. 30 and 32.', [
  { from: NDSMR_FROM, value: 10_000_000, citation: 'NDSMR Art. 28', confidence: 'verified', note: 'cn-eu-rules.md §5: ≥ 10,000,000 people [P].' },
]);

// --- cybersecurity review -----------------------------------------------------------------

/** Art. 7: "掌握超过100万用户个人信息" — more than (超过, `>`) 1,000,000 users. */
export const CSRM_USERS: Param<number> = param('cn.xborder.csrm.users', 'Users whose PI a network platform operator holds, above which (超过, exclusive) a listing abroad must be filed for cybersecurity review.', [
  { from: CSRM_FROM, value: 1_000_000, citation: 'Cybersecurity Review Measures (2022) Art. 7', confidence: 'verified' },
]);

/**
 * Listing venues that are not "国外" (abroad) for Art. 7. [S] Hong Kong is reported not
 * covered; Macau is excluded by the same reading of 国外 (foreign country) against 境外
 * (outside the mainland) [U]; Taiwan is NOT excluded by default (no source; conservative).
 */
export const CSRM_VENUES_NOT_ABROAD: Param<readonly string[]> = param('cn.xborder.csrm.venues_not_abroad', 'Listing venues (ISO codes) that are not a listing "abroad" (国外) under Art. 7.', [
  {
    from: CSRM_FROM,
    value: ['CN', 'HK', 'MO'],
    citation: 'Cybersecurity Review Measures (2022) Art. 7 (赴国外上市)',
    confidence: 'secondary',
    note: 'HK per secondary commentary [S]; MO by the same reading [U]; TW not excluded (conservative).',
  },
]);

// --- policy parameters for [U] / [M] points ------------------------------------------------

/**
 * [U] Whether people exported under the Arts. 3–6 exemptions (and NDSMR Art. 35(6)) count
 * toward the Art. 7/8 thresholds. Default per the notes (§4.4 point 1): count only
 * non-exempt transfers. (Counting them would reach the thresholds sooner.)
 */
export const EXEMPT_TRANSFERS_COUNT: Param<boolean> = param('cn.xborder.policy.exempt_transfers_count', 'People exported under an Arts. 3–6 / NDSMR 35(6) exemption count toward the Art. 7/8 thresholds.', [
  { from: ORDER16_FROM, value: false, citation: 'CAC Order No. 16 Arts. 7, 8 last sentences (从其规定); cn-eu-rules.md §4.4(1), §14(2)', confidence: 'unconfirmed' },
]);

export type SubjectsCounted = 'all' | 'cn';

/**
 * Whose PI counts toward the export thresholds. Order 16 Arts. 5(4), 7(2), 8 (and Order 11
 * Art. 4(3)) count the people (人) whose PI was provided abroad, de-duplicated natural persons
 * (cn-eu-rules.md §4.4(1)), with no test of nationality or residence; PIPL Art. 3(1) covers the
 * processing in China of any natural person's PI. PI collected abroad and only processed in
 * China is Art. 4's case (`foreignOriginOnly`), an exemption, not a reason to leave it uncounted.
 * Default `all`: the people of every jurisdiction the exported dataset (or flow) lists, added
 * up (an upper bound when one person is listed under two). `cn` counts `subjects.CN` alone, for
 * inventories that list under CN everyone whose PI was collected in China.
 */
export const COUNT_SUBJECTS: Param<SubjectsCounted> = param('cn.xborder.policy.count_subjects', 'Whose PI counts toward the export thresholds: the people of every jurisdiction listed in the exported dataset or flow (all), or subjects.CN only (cn).', [
  {
    from: PIPL_FROM,
    value: 'all',
    citation: 'PIPL Art. 3(1); CAC Order No. 16 Arts. 4, 5(4), 7(2), 8; CAC Order No. 11 Art. 4(3); cn-eu-rules.md §4.4(1)',
    note: 'The thresholds count natural persons; conservative: every listed jurisdiction counts.',
  },
]);

/**
 * [U] Whether a person whose sensitive PI was exported also counts as a person whose
 * (non-sensitive) PI was exported. Conservative default: yes (the counts only grow).
 */
export const SENSITIVE_COUNTS_AS_NON_SENSITIVE: Param<boolean> = param('cn.xborder.policy.sensitive_counts_as_non_sensitive', 'A person in a dataset holding sensitive PI also counts toward the non-sensitive PI thresholds.', [
  { from: ORDER16_FROM, value: true, citation: 'CAC Order No. 16 Arts. 5(4), 7(2), 8 (不含敏感个人信息); cn-eu-rules.md §14(2)', confidence: 'unconfirmed' },
]);

/**
 * [U] Whether Order 11's "processing PI of 1,000,000 people or more" trigger survives Order 16.
 * In force with certainty until 2024-03-21; afterwards off, as most practitioners read Order 16
 * Art. 13 (cn-xb-032), with a switch for those who keep it.
 */
export const LEGACY_PROCESSING_TRIGGER: Param<boolean> = param('cn.xborder.policy.legacy_processing_trigger', 'A processor handling PI of 1,000,000 people or more needs a security assessment for any PI export (Order 11 Art. 4(2)).', [
  { from: ORDER11_FROM, until: ORDER11_UNTIL, value: true, citation: 'CAC Order No. 11 Art. 4(2)', confidence: 'secondary' },
  {
    from: ORDER16_FROM,
    value: false,
    citation: 'CAC Order No. 16 Art. 13; cn-eu-rules.md §4.4(5)',
    confidence: 'unconfirmed',
    note: 'Practitioners treat the trigger as superseded; no official statement found.',
  },
]);

/**
 * [U] Whether security-assessment results issued under Order 11 (2 years) get Order 16's 3
 * years. Conservative default: no, they keep 2 years.
 */
export const ORDER11_RESULTS_THREE_YEARS: Param<boolean> = param('cn.xborder.policy.order11_results_three_years', 'Results issued before 2024-03-22 are valid 3 years (Order 16 Art. 9) instead of 2 (Order 11 Art. 14).', [
  { from: ORDER11_FROM, value: false, citation: 'CAC Order No. 16 Art. 9; cn-eu-rules.md §4.4(6)', confidence: 'unconfirmed' },
]);

export type Art32Treatment = 'review' | 'export' | 'not_export';

/**
 * [M] PI of people in China processed abroad (PIPL Art. 3(2)) is listed as an export activity
 * in the CAC Guide (item 3), but whether Art. 3(2) reaches a given processing depends on its
 * purpose, which the inventory does not say. Default: flag for review.
 */
export const ART_3_2_TREATMENT: Param<Art32Treatment> = param('cn.xborder.policy.art3_2_treatment', 'How flows of PI of people in China that is held abroad (PIPL Art. 3(2)) are treated: review, decided as an export, or not an export.', [
  { from: PIPL_FROM, value: 'review', citation: 'PIPL Art. 3(2); CAC Guide to Applying for Data Export Security Assessment (2nd ed.) item 3', confidence: 'memory' },
]);

export type ConsentTreatment = 'required' | 'review' | 'not_required';

/**
 * [U] Whether Art. 39 separate consent is needed when the transfer rests on a non-consent
 * basis (PIPL Art. 13(2)–(7)). Per the notes: required where consent is the basis; the rest
 * flagged for review.
 */
export const SEPARATE_CONSENT_WITHOUT_CONSENT_BASIS: Param<ConsentTreatment> = param('cn.xborder.policy.separate_consent_without_consent_basis', 'Separate consent (PIPL Art. 39) for transfers on a non-consent legal basis.', [
  { from: PIPL_FROM, value: 'review', citation: 'PIPL Arts. 13, 39; CAC Order No. 16 Art. 10; cn-eu-rules.md §1.2', confidence: 'unconfirmed' },
]);

export type AuthorityKind = 'court' | 'law_enforcement' | 'regulator' | 'other';

/**
 * Which foreign requesters PIPL Art. 41 / DSL Art. 36 cover. The text says 司法或者执法机构
 * (judicial or law-enforcement bodies); in PRC usage 执法 includes administrative enforcement,
 * so the conservative default covers every foreign authority.
 */
export const FOREIGN_AUTHORITY_KINDS: Param<readonly AuthorityKind[]> = param('cn.xborder.policy.foreign_authority_kinds', 'Kinds of foreign authority whose requests need PRC approval (PIPL Art. 41; DSL Art. 36).', [
  { from: DSL_FROM, value: ['court', 'law_enforcement', 'regulator', 'other'], citation: 'PIPL Art. 41; DSL Art. 36', confidence: 'unconfirmed', note: 'Text: judicial or law-enforcement bodies; regulator/other included as administrative enforcement (conservative).' },
]);

/**
 * [U] Whether a state organ may rely on the Order 16 Arts. 3–6 exemptions for PI it holds.
 * PIPL Art. 36 requires an assessment and Order 16 does not mention state organs.
 * Conservative default: no.
 */
export const STATE_ORGAN_EXEMPTIONS: Param<boolean> = param('cn.xborder.policy.state_organ_exemptions', 'A state organ can use the Order 16 Arts. 3–6 exemptions against the PIPL Art. 36 assessment.', [
  { from: PIPL_FROM, value: false, citation: 'PIPL Art. 36; CAC Order No. 16', confidence: 'unconfirmed' },
]);

export type OtherRoutesTreatment = 'review' | 'accept';

/**
 * [U] What a declared treaty route (PIPL Art. 38 para. 2; NDSMR Art. 36 from 2025-01-01) or
 * route of "other conditions" set by laws, administrative regulations or the CAC (PIPL
 * Art. 38(1)(4); NDSMR Art. 35(8)) does for a PI export. The law admits both routes [P], but the
 * notes name no treaty or agreement that sets conditions, and no other condition beyond those
 * the pack already encodes (Order 16 Arts. 3–6, NDSMR Art. 35(4)–(7)), so the pack cannot tell
 * whether a declared one covers the transfer nor whether its conditions are met. Default
 * `review` (conservative): the flow stays `conditional` until confirmed; `accept` takes the
 * declared route in place of the standard contract or certification. Neither lifts a security
 * assessment: PIPL Art. 40 lifts it only where laws, administrative regulations or CAC
 * provisions say so.
 */
export const OTHER_ROUTES: Param<OtherRoutesTreatment> = param('cn.xborder.policy.other_routes', 'A declared treaty route (PIPL Art. 38 para. 2) or other-conditions route (PIPL Art. 38(1)(4)) stands in for the standard contract or certification (accept), or is flagged for confirmation (review).', [
  { from: PIPL_FROM, value: 'review', citation: 'PIPL Art. 38(1)(4), para. 2; NDSMR Arts. 35(8), 36; cn-eu-rules.md §1.2, §5', confidence: 'unconfirmed', note: 'No treaty or other condition is named in the notes.' },
]);

/** Lists whose entries are on the CAC's PIPL Art. 42 restricted/prohibited list. */
export const PIPL42_LISTS: Param<readonly string[]> = param('cn.xborder.pipl42_lists', 'Designation list ids that hold the CAC PIPL Art. 42 list of restricted or prohibited recipients.', [
  { from: PIPL_FROM, value: ['cn.pipl42'], citation: 'PIPL Art. 42', note: 'A datacustoms list id, not a legal value: no such list is in ../shared; `screen` would write designations under this id.' },
]);

// --- the resolved policy for one date -------------------------------------------------------

export interface Policy {
  readonly countSubjects: SubjectsCounted;
  readonly exemptTransfersCount: boolean;
  readonly sensitiveCountsAsNonSensitive: boolean;
  readonly legacyProcessingTrigger: boolean;
  readonly order11ResultsThreeYears: boolean;
  readonly art32: Art32Treatment;
  readonly separateConsentWithoutConsentBasis: ConsentTreatment;
  readonly foreignAuthorityKinds: readonly AuthorityKind[];
  readonly stateOrganExemptions: boolean;
  readonly venuesNotAbroad: readonly string[];
  readonly otherRoutes: OtherRoutesTreatment;
}

export type PolicyOverrides = Partial<Policy>;

/** The value of `p` on `date`, or its first value for dates before it took effect. */
export function paramOn<T>(p: Param<T>, date: CivilDate): T {
  const first = p.values[0];
  if (!first) throw new RangeError(`parameter ${p.id} has no values`);
  return date < first.from ? first.value : at(p, date);
}

/** The policy in force on `date`, with the run's overrides applied. */
export function policyAt(date: CivilDate, overrides: PolicyOverrides = {}): Policy {
  return {
    countSubjects: overrides.countSubjects ?? paramOn(COUNT_SUBJECTS, date),
    exemptTransfersCount: overrides.exemptTransfersCount ?? paramOn(EXEMPT_TRANSFERS_COUNT, date),
    sensitiveCountsAsNonSensitive: overrides.sensitiveCountsAsNonSensitive ?? paramOn(SENSITIVE_COUNTS_AS_NON_SENSITIVE, date),
    legacyProcessingTrigger: overrides.legacyProcessingTrigger ?? paramOn(LEGACY_PROCESSING_TRIGGER, date),
    order11ResultsThreeYears: overrides.order11ResultsThreeYears ?? paramOn(ORDER11_RESULTS_THREE_YEARS, date),
    art32: overrides.art32 ?? paramOn(ART_3_2_TREATMENT, date),
    separateConsentWithoutConsentBasis: overrides.separateConsentWithoutConsentBasis ?? paramOn(SEPARATE_CONSENT_WITHOUT_CONSENT_BASIS, date),
    foreignAuthorityKinds: overrides.foreignAuthorityKinds ?? paramOn(FOREIGN_AUTHORITY_KINDS, date),
    stateOrganExemptions: overrides.stateOrganExemptions ?? paramOn(STATE_ORGAN_EXEMPTIONS, date),
    venuesNotAbroad: overrides.venuesNotAbroad ?? paramOn(CSRM_VENUES_NOT_ABROAD, date),
    otherRoutes: overrides.otherRoutes ?? paramOn(OTHER_ROUTES, date),
  };
}

const formatted = new Map<number, string>();

/**
 * A count as the reasons print it (1,000,000); plain digit grouping, cheaper than Intl. The
 * same few counts (thresholds, an exporter's totals) recur on many flows: remembered (bounded).
 */
export function fmt(n: number): string {
  let s = formatted.get(n);
  if (s === undefined) {
    s = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    if (formatted.size < 50_000) formatted.set(n, s);
  }
  return s;
}

/** Every parameter of the pack (for docs and `--list-rules`). */
export const PARAMS: readonly Param<unknown>[] = [
  COUNT_WINDOW,
  SA_PERSONS,
  SA_SENSITIVE_PERSONS,
  SC_PERSONS,
  PROCESSING_PERSONS,
  SA_VALIDITY_YEARS,
  SA_RENEWAL_WORKING_DAYS,
  SC_FILING_WORKING_DAYS,
  IMPORTANT_DATA_NEEDS_NOTIFICATION,
  PIPIA_RETENTION_YEARS,
  PROVISION_RECORDS_YEARS,
  LARGE_PI_PERSONS,
  CSRM_USERS,
  CSRM_VENUES_NOT_ABROAD,
  COUNT_SUBJECTS,
  EXEMPT_TRANSFERS_COUNT,
  SENSITIVE_COUNTS_AS_NON_SENSITIVE,
  LEGACY_PROCESSING_TRIGGER,
  ORDER11_RESULTS_THREE_YEARS,
  ART_3_2_TREATMENT,
  SEPARATE_CONSENT_WITHOUT_CONSENT_BASIS,
  FOREIGN_AUTHORITY_KINDS,
  STATE_ORGAN_EXEMPTIONS,
  OTHER_ROUTES,
  PIPL42_LISTS,
];

/**
 * Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定,
 * CAC Order No. 16), adopted 2023-11-28, promulgated and effective 2024-03-22. 14 articles; where
 * Orders 11 or 13 are inconsistent, these Provisions prevail (Art. 13). cn-eu-rules.md §4.4.
 *
 * Counting (Arts. 5(4), 7(2), 8): cumulative since 1 January of the current year, distinct
 * natural persons, per processor. Boundaries: 以上 `>=`, 不满 `<`.
 *
 * Default logic: PIPL Art. 38 (a mechanism for every PI export) and the assessment triggers
 * (PIPL Arts. 36, 40, CSL Art. 37, Art. 7) are the base rules; Arts. 4, 5(1)–(3) and 6 (and
 * NDSMR Art. 35) are exceptions that defeat them, Art. 5(4) only the PIPL Art. 38 default.
 * Important data never rides an exemption: the exemptions do not fire on it, and the
 * important-data rules are not among the rules they defeat.
 */
import { defineRule, type Rule } from '../../engine/rule.js';
import type { Purpose } from '../../inventory/schema.js';
import { CSL_37 } from './csl.js';
import { exemptionsAvailable, isExport, isPiExport, type Counts, type FlowCtx } from './context.js';
import { fixedFor, type FixedFinding } from './finding.js';
import { ORDER11_4_2_PROCESSING } from './cac-orders-11-13.js';
import { ORDER16_FROM, SA_PERSONS, SA_SENSITIVE_PERSONS, SC_PERSONS, SOURCES, fmt, paramOn } from './params.js';
import { PIPL_36, PIPL_38, PIPL_40 } from './pipl.js';
import { contractStatus, renewalFinding } from './safeguards.js';

const SRC = SOURCES.order16;

export const ORDER16_7_1_ID = 'cn.xborder/order16.7.1';
export const ORDER16_7_2_VOLUME_ID = 'cn.xborder/order16.7.2.volume';
export const ORDER16_8_ID = 'cn.xborder/order16.8';

/**
 * The rules an exemption under Arts. 3–6 (or NDSMR Art. 35(4)–(7)) defeats: every mechanism
 * requirement that rests on the PI export as such. Art. 7 last para. and Art. 8 last para.:
 * cases under Arts. 3–6 follow those articles (从其规定).
 */
export const MECHANISM_RULE_IDS: readonly string[] = [PIPL_36.id, PIPL_38.id, PIPL_40.id, CSL_37.id, ORDER16_7_1_ID, ORDER16_7_2_VOLUME_ID, ORDER16_8_ID, ORDER11_4_2_PROCESSING.id];

/**
 * Art. 2: processors identify and declare important data; data not notified by the relevant
 * department or region, or publicly released, as important data need not be declared for
 * assessment as important data.
 */
export const ORDER16_2 = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.2',
  title: 'Data not notified or published as important data is not exported as important data',
  citation: 'CAC Order No. 16 Art. 2',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['dataset.importantData.notified', 'dataset.importantData.date'],
  evaluate(ctx) {
    if (!isExport(ctx) || !ctx.importantDeclared || ctx.important) return null;
    const notice = ctx.dataset?.importantData;
    if (notice?.notified && notice.date !== undefined && notice.date > ctx.date) {
      return {
        reasons: [
          `The dataset was notified or published as important data on ${notice.date}${notice.by ? ` (by ${notice.by})` : ''}, after ${ctx.date}, the date this flow is judged on: until then it need not be declared for assessment as important data (Order 16 Art. 2).`,
        ],
      };
    }
    return { reasons: ['The dataset is marked as possible important data but has not been notified or published as such: it need not be declared for assessment as important data (Order 16 Art. 2).'] };
  },
});

const ART3_ACTIVITIES: readonly Purpose[] = ['international_trade', 'cross_border_transport', 'academic_cooperation', 'transnational_manufacturing'];

/**
 * Art. 3: data collected and generated in international trade, cross-border transport,
 * academic cooperation, transnational production or manufacturing and marketing, exported
 * without PI or important data: exempt from all three mechanisms.
 */
export const ORDER16_3 = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.3',
  title: 'Trade, transport, academic and manufacturing data without PI or important data is exempt',
  citation: 'CAC Order No. 16 Art. 3',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['flow.purpose', 'dataset.categories', 'dataset.importantData'],
  evaluate(ctx) {
    if (!isExport(ctx) || ctx.personal || ctx.important || ctx.core || !ART3_ACTIVITIES.includes(ctx.flow.purpose)) return null;
    return { outcome: 'exempt', reasons: [`Data from ${ctx.flow.purpose.replace(/_/g, ' ')} without PI or important data: exempt from the security assessment, standard contract and certification (Order 16 Art. 3).`] };
  },
});

/**
 * Art. 4: PI collected and generated abroad, brought into China for processing and provided
 * abroad again, with no domestic PI or important data introduced: exempt.
 */
export const ORDER16_4 = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.4',
  title: 'Foreign PI processed in China and sent back, nothing domestic added, is exempt',
  citation: 'CAC Order No. 16 Art. 4',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['dataset.foreignOriginOnly', 'dataset.mixedDomesticUnverified', 'dataset.importantData'],
  exceptionTo: MECHANISM_RULE_IDS,
  evaluate(ctx) {
    const ds = ctx.dataset;
    if (!isPiExport(ctx) || !ds?.foreignOriginOnly || ds.mixedDomesticUnverified || !exemptionsAvailable(ctx)) return null;
    return { outcome: 'exempt', reasons: ['PI collected and generated abroad, processed in China and provided abroad again with no domestic PI or important data added: exempt (Order 16 Art. 4).'] };
  },
});

/**
 * Art. 4 boundary (cn-xb-018): once domestic PI is merged into the foreign-origin data, Art. 4
 * cannot cover the whole batch and the domestic part counts under Arts. 5(4), 7 and 8. While
 * its scope is unverified the facts do not decide.
 */
export const ORDER16_4_MIXED = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.4.mixed',
  title: 'Foreign-origin data with unverified domestic PI merged in needs review',
  citation: 'CAC Order No. 16 Arts. 4, 5(4), 7, 8',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['dataset.mixedDomesticUnverified'],
  evaluate(ctx) {
    if (!isPiExport(ctx) || !ctx.dataset?.mixedDomesticUnverified) return null;
    return {
      outcome: 'needs_review',
      reasons: ['Domestic PI was merged into foreign-origin data and its scope is not verified: Art. 4 cannot exempt the whole batch, and the domestic part must be counted under Arts. 5(4), 7 and 8. Declare the domestic subjects (separately if they can be separated) to decide.'],
    };
  },
});

function purposeExemption(id: string, purpose: Purpose, citation: string, what: string) {
  return defineRule<FlowCtx>({
    id,
    title: `PI export necessary for ${what} is exempt`,
    citation,
    sourceUrl: SRC,
    effective: { from: ORDER16_FROM },
    reads: ['flow.purpose', 'dataset.importantData'],
    exceptionTo: MECHANISM_RULE_IDS,
    evaluate(ctx) {
      if (!isPiExport(ctx) || ctx.flow.purpose !== purpose || !exemptionsAvailable(ctx)) return null;
      const ciio = ctx.ciio ? ' Open to CIIOs too: Art. 7 last para. lets cases under Arts. 3–6 follow those articles.' : '';
      return { outcome: 'exempt', reasons: [`Necessary for ${what}: exempt from the security assessment, standard contract and certification (${citation}); only the minimum necessary PI may be sent.${ciio}`] };
    },
  });
}

/**
 * Art. 5(1): necessary to conclude or perform a contract to which the individual is a party,
 * such as cross-border shopping, mail and express, remittance, payment, account opening, flight
 * and hotel booking, visa processing, exam services (等: not a closed list, Q&A Oct 2025).
 */
export const ORDER16_5_1 = purposeExemption('cn.xborder/order16.5.1', 'contract_with_individual', 'CAC Order No. 16 Art. 5(1)', 'a contract to which the individual is a party');

/** Art. 5(2): necessary for cross-border HR management under lawful labour rules and collective contracts. */
export const ORDER16_5_2 = purposeExemption('cn.xborder/order16.5.2', 'hr_management', 'CAC Order No. 16 Art. 5(2)', 'cross-border HR management under labour rules and collective contracts made according to law');

/** Art. 5(3): necessary in an emergency to protect a natural person's life, health and property. */
export const ORDER16_5_3 = purposeExemption('cn.xborder/order16.5.3', 'emergency', 'CAC Order No. 16 Art. 5(3)', 'protecting a natural person\'s life, health and property in an emergency');

/**
 * Art. 5(4): a non-CIIO that since 1 January of the current year has exported PI of fewer than
 * 100,000 people (不满, sensitive PI excluded) is exempt. Sensitive PI has no de minimis: any
 * sensitive PI exported puts the processor in Art. 8 (or 7).
 */
// The counts of a window end on the judged date: the thresholds are read on it. One finding per counts.
const belowContractVolume = fixedFor((c: Counts): FixedFinding | null => {
  const limit = paramOn(SC_PERSONS, c.window.to);
  if (c.nonSensitive >= limit || c.sensitive > 0) return null;
  return { outcome: 'exempt', reasons: [`Since ${c.window.from} the processor has exported PI of ${fmt(c.nonSensitive)} people (< ${fmt(limit)}, 不满) and no sensitive PI: exempt (Order 16 Art. 5(4)).`] };
});

export const ORDER16_5_4 = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.5.4',
  title: 'A non-CIIO below 100,000 people (non-sensitive PI) since 1 January is exempt',
  citation: 'CAC Order No. 16 Art. 5(4)',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['organization.cn.ciio', 'flows since 1 January', 'dataset.subjects.CN', 'dataset.categories'],
  exceptionTo: [PIPL_36.id, PIPL_38.id],
  evaluate(ctx) {
    if (ctx.ciio || !isPiExport(ctx) || !exemptionsAvailable(ctx)) return null;
    return belowContractVolume(ctx.counts());
  },
});

/**
 * Art. 6: FTZs may draw up negative lists of data subject to the three mechanisms; an FTZ
 * processor exporting data not on its zone's list is exempt. The list is data (the
 * organization's `cn.freeTradeZone.negativeList`), not code.
 */
export const ORDER16_6 = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.6',
  title: 'An FTZ processor exporting data off the zone\'s negative list is exempt',
  citation: 'CAC Order No. 16 Art. 6',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['organization.cn.freeTradeZone', 'flow.viaFreeTradeZone', 'dataset.categories'],
  exceptionTo: MECHANISM_RULE_IDS,
  evaluate(ctx) {
    const ftz = ctx.org.cn.freeTradeZone;
    if (!ftz || !isPiExport(ctx) || !exemptionsAvailable(ctx)) return null;
    // Sent by the organization itself (not by another party or a branch of it), or through the zone.
    if (!ctx.flow.viaFreeTradeZone && (ctx.flow.from ?? ctx.org.id) !== ctx.org.id) return null;
    const listed = (ctx.dataset?.categories ?? []).filter((c) => ftz.negativeList.includes(c));
    if (listed.length > 0) return null;
    return { outcome: 'exempt', reasons: [`The processor is in the ${ftz.zone} free trade zone and none of the dataset's categories is on the zone's negative list: exempt (Order 16 Art. 6).`] };
  },
});

/** Art. 7(1): a CIIO exporting PI or important data → security assessment. */
export const ORDER16_7_1 = defineRule<FlowCtx>({
  id: ORDER16_7_1_ID,
  title: 'A CIIO exporting PI or important data needs the security assessment',
  citation: 'CAC Order No. 16 Art. 7(1)',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['organization.cn.ciio', 'dataset.categories', 'dataset.importantData'],
  evaluate(ctx) {
    if (!ctx.ciio || !isExport(ctx) || !(ctx.personal || ctx.important)) return null;
    return { outcome: 'security_assessment', reasons: ['A CIIO exports PI or important data: security assessment through the provincial CAC (Order 16 Art. 7(1)); Art. 5(4) is not open to CIIOs.'] };
  },
});

/** Art. 7(2), first limb: a non-CIIO exporting (notified) important data → security assessment. */
export const ORDER16_7_2_IMPORTANT = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.7.2.important',
  title: 'Exporting notified important data needs the security assessment',
  citation: 'CAC Order No. 16 Arts. 2, 7(2)',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['dataset.importantData.notified'],
  evaluate(ctx) {
    if (ctx.ciio || !isExport(ctx) || !ctx.important) return null;
    return { outcome: 'security_assessment', reasons: ['Important data notified or published as such is exported: security assessment (Order 16 Art. 7(2)); Art. 5 expressly excludes important data from its exemptions.'] };
  },
});

/**
 * Art. 7(2), second limb: a non-CIIO that since 1 January of the current year exported PI of
 * 1,000,000 people or more (以上, sensitive PI excluded) or sensitive PI of 10,000 people or
 * more (以上) → security assessment. Volumes are watched over the calendar year: a processor on
 * the standard-contract route that crosses the threshold follows the assessment procedure from
 * then on (Q&A Oct 2025; cn-xb-025).
 */
const atAssessmentVolume = fixedFor((c: Counts): FixedFinding | null => {
  const persons = paramOn(SA_PERSONS, c.window.to);
  const sensitive = paramOn(SA_SENSITIVE_PERSONS, c.window.to);
  const hits: string[] = [];
  if (c.nonSensitive >= persons) hits.push(`PI of ${fmt(c.nonSensitive)} people (≥ ${fmt(persons)}, 以上)`);
  if (c.sensitive >= sensitive) hits.push(`sensitive PI of ${fmt(c.sensitive)} people (≥ ${fmt(sensitive)}, 以上)`);
  if (hits.length === 0) return null;
  return { outcome: 'security_assessment', reasons: [`Since ${c.window.from} the processor has exported ${hits.join(' and ')}: security assessment (Order 16 Art. 7(2)).`] };
});

export const ORDER16_7_2_VOLUME = defineRule<FlowCtx>({
  id: ORDER16_7_2_VOLUME_ID,
  title: 'Exports since 1 January at 1,000,000 people, or 10,000 with sensitive PI, need the assessment',
  citation: 'CAC Order No. 16 Art. 7(2)',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['organization.cn.ciio', 'flows since 1 January', 'dataset.subjects.CN', 'dataset.categories', 'flow.safeguards'],
  evaluate(ctx) {
    if (ctx.ciio || !isPiExport(ctx)) return null;
    const found = atAssessmentVolume(ctx.counts());
    if (!found) return null;
    const sc = contractStatus(ctx);
    if (!sc.contract && !sc.certification) return found;
    return {
      outcome: 'security_assessment',
      reasons: [
        ...found.reasons,
        `A standard contract or certification is declared${sc.contract?.date ? ` (effective ${sc.contract.date})` : ''}; once the cumulative count reaches the assessment threshold, the security assessment procedure applies from then on (CAC Q&A, Oct 2025).`,
      ],
    };
  },
});

/**
 * Art. 8: a non-CIIO that since 1 January of the current year exported PI of 100,000 people or
 * more but fewer than 1,000,000 (10万人以上、不满100万人, sensitive PI excluded), or sensitive
 * PI of fewer than 10,000 people (不满1万人), signs the CAC standard contract or obtains
 * certification.
 */
const atContractVolume = fixedFor((c: Counts): FixedFinding | null => {
  const lower = paramOn(SC_PERSONS, c.window.to);
  const upper = paramOn(SA_PERSONS, c.window.to);
  const sensitive = paramOn(SA_SENSITIVE_PERSONS, c.window.to);
  const hits: string[] = [];
  if (c.nonSensitive >= lower && c.nonSensitive < upper) hits.push(`PI of ${fmt(c.nonSensitive)} people (${fmt(lower)} or more, fewer than ${fmt(upper)})`);
  if (c.sensitive > 0 && c.sensitive < sensitive) hits.push(`sensitive PI of ${fmt(c.sensitive)} people (fewer than ${fmt(sensitive)}; sensitive PI has no de minimis)`);
  if (hits.length === 0) return null;
  return {
    outcome: 'standard_contract_or_certification',
    reasons: [`Since ${c.window.from} the processor has exported ${hits.join(' and ')}: the CAC standard contract (filed within 10 working days) or PI protection certification (Order 16 Art. 8).`],
  };
});

export const ORDER16_8 = defineRule<FlowCtx>({
  id: ORDER16_8_ID,
  title: 'Between 100,000 and 1,000,000 people, or any sensitive PI under 10,000: standard contract or certification',
  citation: 'CAC Order No. 16 Art. 8',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['organization.cn.ciio', 'flows since 1 January', 'dataset.subjects.CN', 'dataset.categories'],
  evaluate(ctx) {
    if (ctx.ciio || !isPiExport(ctx)) return null;
    return atContractVolume(ctx.counts());
  },
});

/**
 * Art. 9: an assessment result is valid 3 years from the date issued. To continue, the
 * processor may apply within 60 working days before expiry through the provincial CAC; on
 * approval validity is extended by 3 years. The duty is due at expiry, the close of that window.
 */
export const ORDER16_9 = defineRule<FlowCtx>({
  id: 'cn.xborder/order16.9',
  title: 'Assessment valid 3 years; apply to extend within 60 working days before expiry',
  citation: 'CAC Order No. 16 Art. 9',
  sourceUrl: SRC,
  effective: { from: ORDER16_FROM },
  reads: ['flow.safeguards', 'organization.approvals', 'flow.end'],
  evaluate: (ctx) => (isExport(ctx) ? renewalFinding(ctx, 'cn.xborder/order16.9', 'CAC Order No. 16 Art. 9', 'window') : null),
});

export const ORDER16_RULES: readonly Rule<FlowCtx>[] = [
  ORDER16_2,
  ORDER16_3,
  ORDER16_4,
  ORDER16_4_MIXED,
  ORDER16_5_1,
  ORDER16_5_2,
  ORDER16_5_3,
  ORDER16_5_4,
  ORDER16_6,
  ORDER16_7_1,
  ORDER16_7_2_IMPORTANT,
  ORDER16_7_2_VOLUME,
  ORDER16_8,
  ORDER16_9,
];

/** The exemptions that rest on what the export is, not on volume (Arts. 4, 5(1)–(3), 6). */
export const ORDER16_NATURE_EXEMPTIONS: readonly Rule<FlowCtx>[] = [ORDER16_4, ORDER16_5_1, ORDER16_5_2, ORDER16_5_3, ORDER16_6];

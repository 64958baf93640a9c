/**
 * What counts as a data export (数据出境), from the CAC Guide to Applying for Data Export
 * Security Assessment (1st ed. 2022; 2nd ed. 2024-03-22) [M] and the CAC Data Export Security
 * Management Policy Q&As (Apr., May, Oct. 2025) [S]. cn-eu-rules.md §4.5–4.6.
 *
 * Export activities: (1) transmitting data collected or generated in China abroad; (2) data
 * stored in China that overseas bodies, organisations or individuals can query, retrieve,
 * download or export; (3) processing abroad the PI of people in China under PIPL Art. 3(2).
 * Overseas staff accessing data while physically in China, with nothing transmitted abroad, is
 * generally not an export (Q&A Oct. 2025).
 */
import { countryInSentence, countryName } from '../../common/country-name.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import { isExport, type FlowCtx } from './context.js';
import { fixed, fixedBy } from './finding.js';
import { DSL_FROM, SOURCES } from './params.js';

const GUIDE = 'CAC Guide to Applying for Data Export Security Assessment (2nd ed.)';

const VIA_ART32 = fixed({ reasons: ['PI of people in China processed abroad is treated as an export activity (Guide item 3; policy art3_2_treatment = export).'] });
const accessedFrom = fixedBy((destination: string) => ({ reasons: [`Data stored in mainland China is accessed from ${countryInSentence(destination)}: access from abroad is an export (Guide item 2; Q&A Oct 2025).`] }));
const goesTo = fixedBy((destination: string) => ({ reasons: [`Data held in mainland China goes to ${countryInSentence(destination)}: an export (Guide item 1).`] }));

/** Items (1) and (2): the flow is an export; says which limb. */
export const GUIDE_EXPORT = defineRule<FlowCtx>({
  id: 'cn.xborder/guide.export',
  title: 'Transmission abroad, or access from abroad, is an export',
  citation: `${GUIDE} items 1–3; CAC Q&A (Oct 2025)`,
  sourceUrl: SOURCES.qaOct2025,
  effective: { from: DSL_FROM },
  reads: ['flow.kind', 'flow.destination', 'flow.fromCountry', 'system.location', 'flow.physicallyInCountry'],
  evaluate(ctx) {
    if (!isExport(ctx)) return null;
    if (ctx.viaArt32) return VIA_ART32;
    if (ctx.flow.kind === 'remote_access') return accessedFrom(ctx.flow.destination);
    return goesTo(ctx.flow.destination);
  },
});

const ACCESSED_IN_CHINA = fixed({
  outcome: 'not_export',
  reasons: ['The people accessing the data are physically in mainland China and nothing is transmitted or accessed from abroad: generally not an export (CAC Q&A, Oct 2025). The export mechanisms are not triggered; ordinary PIPL duties still apply.'],
});
const staysIn = fixedBy((destination: string) => ({ outcome: 'not_export', reasons: [`The destination (${countryName(destination)}) is in mainland China: not an export from China.`] }));

/** Data that stays in mainland China, or is accessed by people physically there, is not exported. */
export const GUIDE_IN_CHINA = defineRule<FlowCtx>({
  id: 'cn.xborder/guide.in-china',
  title: 'Data that stays in mainland China, or is accessed from within it, is not exported',
  citation: `${GUIDE}; CAC Q&A (Oct 2025)`,
  sourceUrl: SOURCES.qaOct2025,
  effective: { from: DSL_FROM },
  reads: ['flow.destination', 'flow.physicallyInCountry', 'flow.kind'],
  evaluate(ctx) {
    if (ctx.scope === 'accessed_in_china') return ACCESSED_IN_CHINA;
    if (ctx.scope === 'stays_in_china') return staysIn(ctx.flow.destination);
    return null;
  },
});

const onwardFrom = fixedBy((source: string | undefined) => ({
  outcome: 'not_export',
  reasons: [`The data already sits outside mainland China (${source === undefined ? 'place not declared' : countryName(source)}); its export is the declared flow that moved it there. Onward transfers follow the terms of that export's mechanism (e.g. the standard contract's onward-transfer clauses).`],
}));
const heldUndeclaredIn = fixedBy((source: string | undefined) => ({
  outcome: 'needs_review',
  reasons: [`The data was collected in mainland China but is held in ${source === undefined ? 'a place not declared' : countryInSentence(source)}, and no declared flow exported it. Collecting it straight into a system abroad is itself an export (Guide item 1): declare that flow so it can be decided.`],
}));

/**
 * Data already abroad: the export was the flow that took it there, and onward transfers follow
 * that flow's mechanism. Data collected in China but held abroad with no declared export flow
 * (e.g. collected straight into a foreign system) needs that export declared.
 */
export const GUIDE_HELD_ABROAD = defineRule<FlowCtx>({
  id: 'cn.xborder/guide.held-abroad',
  title: 'Data already held abroad is not exported again by an onward flow',
  citation: `${GUIDE} item 1`,
  effective: { from: DSL_FROM },
  reads: ['flow.fromCountry', 'system.location', 'dataset.collectedIn', 'flows of the same dataset'],
  evaluate(ctx) {
    if (ctx.scope === 'onward_abroad') return onwardFrom(ctx.source);
    if (ctx.scope === 'held_abroad_undeclared') return heldUndeclaredIn(ctx.source);
    return null;
  },
});

const SOURCE_UNKNOWN = fixed({
  outcome: 'needs_review',
  reasons: ['The dataset concerns people in China but neither the flow (fromCountry), the dataset\'s system nor collectedIn says where it sits: declare it to decide whether this is an export.'],
});

/** The inventory does not say where data about people in China sits. */
export const GUIDE_SOURCE_UNKNOWN = defineRule<FlowCtx>({
  id: 'cn.xborder/guide.source-unknown',
  title: 'Where the data sits must be known to tell an export',
  citation: GUIDE,
  effective: { from: DSL_FROM },
  reads: ['flow.fromCountry', 'dataset.system', 'dataset.collectedIn', 'dataset.subjects.CN'],
  evaluate(ctx) {
    if (ctx.scope !== 'source_unknown') return null;
    return SOURCE_UNKNOWN;
  },
});

const NO_NEXUS = fixed({
  outcome: 'not_applicable',
  reasons: ['The data was not collected or generated in mainland China, is not held there, and concerns no one in China (no PIPL Art. 3(2) reach): the China export rules do not apply.'],
});

/** Nothing ties the data to China: the regime does not apply. */
export const GUIDE_NO_NEXUS = defineRule<FlowCtx>({
  id: 'cn.xborder/guide.no-nexus',
  title: 'Data with no link to mainland China is outside the regime',
  citation: 'PIPL Arts. 3, 38; DSL Arts. 2, 31',
  effective: { from: DSL_FROM },
  reads: ['dataset.collectedIn', 'dataset.subjects.CN', 'flow.fromCountry', 'system.location'],
  evaluate(ctx) {
    if (ctx.scope !== 'no_nexus') return null;
    return NO_NEXUS;
  },
});

const generalData = (anonymised: string) =>
  fixed({
    outcome: 'exempt',
    reasons: [`Neither PI nor important data: general data flows freely (CAC Q&A Apr 2025, Q1).${anonymised} Large-scale aggregated or derived data may still be important data under GB/T 43697-2024 Annex G.`],
  });
const GENERAL_DATA = generalData('');
const GENERAL_DATA_ANONYMISED = generalData(' Properly anonymised information is not PI (PIPL Art. 4).');

/**
 * Q&A Apr. 2025 Q1: the regime covers only important data and PI; general data that is neither
 * flows freely. Anonymised information is not PI (PIPL Art. 4).
 */
export const QA_GENERAL_DATA = defineRule<FlowCtx>({
  id: 'cn.xborder/qa.2025-04.q1',
  title: 'Data that is neither PI nor important data flows freely',
  citation: 'PIPL Art. 4; DSL Art. 31; CAC Q&A (Apr 2025) Q1',
  sourceUrl: SOURCES.qaApr2025,
  effective: { from: DSL_FROM },
  reads: ['dataset.categories', 'dataset.anonymized', 'dataset.importantData', 'dataset.coreData'],
  evaluate(ctx) {
    if (!isExport(ctx) || ctx.personal || ctx.important || ctx.core) return null;
    return ctx.dataset?.anonymized ? GENERAL_DATA_ANONYMISED : GENERAL_DATA;
  },
});

export const GUIDE_RULES: readonly Rule<FlowCtx>[] = [GUIDE_EXPORT, GUIDE_IN_CHINA, GUIDE_HELD_ABROAD, GUIDE_SOURCE_UNKNOWN, GUIDE_NO_NEXUS, QA_GENERAL_DATA];

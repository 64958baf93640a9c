/**
 * Network Data Security Management Regulations (网络数据安全管理条例, State Council Decree
 * No. 790), promulgated 2024-09-24, effective 2025-01-01 (Art. 64). Arts. 13, 30, 33 and 35–38
 * as they bear on exports and important data. cn-eu-rules.md §5.
 */
import { NO_REASONS } from './finding.js';
import { obligation } from './obligations.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import type { Purpose } from '../../inventory/schema.js';
import { MECHANISM_RULE_IDS } from './cac-order-16.js';
import { exemptionsAvailable, inMainland, isExport, isPiExport, recipientName, type FlowCtx, type OrgCtx } from './context.js';
import { listingWithoutMandatoryFiling } from './cybersecurity-review.js';
import { DSL_30, importantDataProcessing, importantDataProcessorLead } from './dsl.js';
import { NDSMR_FROM } from './params.js';
import { assessmentStatus, safeguardOf } from './safeguards.js';
import type { CivilDate } from '../../time/civil-date.js';

const ART35_ROUTES: Partial<Record<Purpose, string>> = {
  contract_with_individual: 'Art. 35(4): necessary to conclude or perform a contract to which the individual is a party',
  hr_management: 'Art. 35(5): cross-border HR management under labour rules and collective contracts made according to law',
  emergency: 'Art. 35(7): necessary to protect a natural person\'s life, health and property in an emergency',
};

/**
 * Art. 35(4), (5), (7): PI may be exported where necessary for a contract with the individual,
 * for cross-border HR management, or in an emergency — the same routes as Order 16 Art. 5(1)–(3).
 */
export const NDSMR_35 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.35',
  title: 'PI export for a contract with the individual, HR management or an emergency is a lawful route',
  citation: 'NDSMR Art. 35(4), (5), (7)',
  effective: { from: NDSMR_FROM },
  reads: ['flow.purpose', 'dataset.importantData'],
  exceptionTo: MECHANISM_RULE_IDS,
  evaluate(ctx) {
    const route = ART35_ROUTES[ctx.flow.purpose];
    if (!route || !isPiExport(ctx) || !exemptionsAvailable(ctx)) return null;
    return { outcome: 'exempt', reasons: [`NDSMR ${route}: a lawful route for the export without assessment, contract or certification.`] };
  },
});

/**
 * Art. 35(6): PI may be exported where necessary to perform statutory duties or obligations
 * (为履行法定职责或者法定义务). Not in Order 16; accepted as a lawful route from 2025-01-01
 * (notes §14(5)). [U] How far it reaches: foreign-law obligations are probably not statutory
 * obligations, and foreign authorities' requests fall under PIPL Art. 41 / DSL Art. 36.
 */
export const NDSMR_35_6 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.35.6',
  title: 'PI export necessary to perform a PRC statutory duty or obligation is a lawful route',
  citation: 'NDSMR Art. 35(6)',
  effective: { from: NDSMR_FROM },
  reads: ['flow.purpose', 'flow.purposeNote', 'dataset.importantData'],
  exceptionTo: MECHANISM_RULE_IDS,
  evaluate(ctx) {
    if (ctx.flow.purpose !== 'statutory_duty' || !isPiExport(ctx) || !exemptionsAvailable(ctx)) return null;
    return {
      outcome: 'exempt',
      reasons: [
        'Necessary to perform a statutory duty or obligation: a lawful route for the export (NDSMR Art. 35(6)). The duty must arise under PRC law; obligations under foreign law are probably not covered [U].',
      ],
    };
  },
});

/**
 * Art. 37: important data collected or generated in China that truly needs to be exported must
 * pass the CAC security assessment; data not notified or published as important data need not
 * be declared as such.
 */
export const NDSMR_37 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.37',
  title: 'Important data goes abroad only after the security assessment',
  citation: 'NDSMR Art. 37',
  effective: { from: NDSMR_FROM },
  reads: ['dataset.importantData.notified'],
  evaluate(ctx) {
    if (!isExport(ctx) || !ctx.important) return null;
    return { outcome: 'security_assessment', reasons: ['Notified important data is exported: it must pass the CAC security assessment (NDSMR Art. 37).'] };
  },
});

/**
 * Art. 38: after an assessment, exports stay within the purpose, method, scope, types and scale
 * assessed.
 */
export const NDSMR_38 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.38',
  title: 'Assessed exports stay within the assessed purpose, method, scope, types and scale',
  citation: 'NDSMR Art. 38',
  effective: { from: NDSMR_FROM },
  reads: ['flow.recipientChanged', 'flow.safeguards'],
  evaluate(ctx) {
    if (!isExport(ctx) || assessmentStatus(ctx).state !== 'reapply') return null;
    return { reasons: ['The export has moved outside what was assessed (recipient, purpose, scope or retention), which NDSMR Art. 38 does not allow.'] };
  },
});

/**
 * Art. 31: before providing, entrusting or jointly processing important data, the processor
 * carries out a risk assessment (the article lists what it covers), except where it does so to
 * perform a statutory duty. The article is not limited to providing abroad, so it
 * is owed on two kinds of flow of important data held in mainland China:
 * - an export (whoever the recipient: the notes do not say whether moving data to one's own
 *   system abroad is "providing", and the export needs the assessment anyway — kept, the
 *   conservative reading);
 * - a flow that stays in mainland China (destination in the mainland, or access by people
 *   physically there) to another party: a recipient that is not the provider itself nor a
 *   branch of it (a transfer between one's own systems provides nothing to anyone).
 * Due before the data is provided: at the flow's start, not before 2025-01-01 nor before the
 * data was notified as important; done once a safeguard `important_data_risk_assessment` is
 * declared on the flow.
 */
export const NDSMR_31 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.31',
  title: 'Assess the risks before providing important data',
  citation: 'NDSMR Art. 31',
  effective: { from: NDSMR_FROM },
  reads: ['dataset.importantData.notified', 'flow.purpose', 'flow.recipient', 'flow.destination', 'entity.branchOf', 'flow.safeguards', 'flow.start'],
  evaluate(ctx) {
    if (!ctx.important || ctx.flow.purpose === 'statutory_duty') return null;
    const domestic = providedInChina(ctx);
    if (!domestic && !isExport(ctx)) return null;
    const done = safeguardOf(ctx, 'important_data_risk_assessment');
    const recipient = recipientName(ctx);
    // before the data is provided, but not before the regulations took effect nor before the data was notified as important
    let due: CivilDate | undefined = ctx.flow.start;
    for (const floor of [NDSMR_FROM, ctx.dataset?.importantData?.date]) if (due !== undefined && floor !== undefined && due < floor) due = floor;
    return {
      reasons: domestic ? [`Important data is provided to ${recipient} within mainland China: not an export, but NDSMR Art. 31 requires a risk assessment before providing it.`] : NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/ndsmr.31',
            what: `Carry out a risk assessment, covering what NDSMR Art. 31 lists, before providing the important data to ${recipient}${recipient.endsWith('.') ? '' : '.'}`,
            to: recipient,
            citation: 'NDSMR Art. 31',
            due,
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Data held in mainland China goes to another party there: the flow stays in the mainland (or is
 * accessed by people physically there) and the recipient is not the provider itself, nor a
 * branch of it (`branchOf`: not a separate legal person).
 */
function providedInChina(ctx: FlowCtx): boolean {
  if (ctx.scope === 'stays_in_china') {
    if (!inMainland(ctx.source, ctx.date)) return false;
  } else if (ctx.scope !== 'accessed_in_china') return false;
  return ctx.facts.legalPersons.of(ctx.flow.recipient) !== ctx.exporter;
}

export const NDSMR_FLOW_RULES: readonly Rule<FlowCtx>[] = [NDSMR_35, NDSMR_35_6, NDSMR_31, NDSMR_37, NDSMR_38];

/** Exemptions that rest on what the export is (for counting, see params `exempt_transfers_count`). */
export const NDSMR_NATURE_EXEMPTIONS: readonly Rule<FlowCtx>[] = [NDSMR_35, NDSMR_35_6];

// --- organization level -----------------------------------------------------------------

/**
 * Art. 13: processing that affects or may affect national security undergoes national security
 * review. The route by which a listing outside the mainland that Cybersecurity Review Measures
 * Art. 7 does not make subject to filing (a Hong Kong listing, cn-xb-039; an operator at or
 * below 1,000,000 users; a listing completed before 2022-02-15) can still be reviewed.
 */
export const NDSMR_13 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.13',
  title: 'Processing that may affect national security can be reviewed',
  citation: 'NDSMR Art. 13',
  effective: { from: NDSMR_FROM },
  reads: ['organization.listings', 'organization.cn.networkPlatformOperator', 'policy.venues_not_abroad'],
  evaluate(ctx) {
    if (!ctx.org.cn.networkPlatformOperator && !ctx.org.cn.personalInformationProcessor) return null;
    const why = listingWithoutMandatoryFiling(ctx);
    if (why === undefined) return null;
    return {
      outcome: 'national_security_review_possible',
      reasons: [`No mandatory cybersecurity review filing (${why}); national security review still applies if the processing affects or may affect national security (NDSMR Art. 13).`],
    };
  },
});

/** Art. 30: important-data processors appoint a network data security officer and body. */
export const NDSMR_30 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.30',
  title: 'Important-data processors appoint a network data security officer and body',
  citation: 'NDSMR Art. 30',
  effective: { from: NDSMR_FROM },
  reads: ['organization.cn.importantDataProcessor', 'dataset.importantData'],
  evaluate(ctx) {
    if (!importantDataProcessing(ctx)) return null;
    return {
      outcome: 'important_data_processor_duties',
      reasons: NO_REASONS,
      obligations: [
        obligation(
          { id: 'cn.xborder/ndsmr.30', what: 'Keep a network data security officer (a member of management) and a security body in place; background checks where the type or scale of important data requires.', citation: 'NDSMR Art. 30' },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 33: important-data processors assess their processing every year and submit the report
 * to the provincial-or-higher competent authority, outbound transfers included (item 6). The
 * text sets no date; the pack takes 31 December of each year as the due date (the latest date
 * that is still "every year"). Displaces DSL Art. 30's "regularly".
 */
export const NDSMR_33 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.33',
  title: 'Important-data processors submit a risk assessment report every year',
  citation: 'NDSMR Art. 33; DSL Art. 30',
  effective: { from: NDSMR_FROM },
  reads: ['organization.cn.importantDataProcessor', 'dataset.importantData'],
  exceptionTo: [DSL_30.id],
  evaluate(ctx) {
    const p = importantDataProcessing(ctx);
    if (!p) return null;
    const due = `${ctx.date.slice(0, 4)}-12-31`;
    return {
      outcome: 'important_data_processor_duties',
      reasons: [`${importantDataProcessorLead(p)}: it assesses its processing every year and reports to the provincial-or-higher competent authority (NDSMR Art. 33).`],
      obligations: [
        obligation(
          {
            id: 'cn.xborder/ndsmr.33',
            what: `Submit this year's important-data risk assessment report (basic information, important data held, measures, risks and incidents, provision and entrustment, outbound transfers) by ${due} (the regulation says "every year" without a date).`,
            to: 'provincial-or-higher competent authority',
            due,
            citation: 'NDSMR Art. 33',
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

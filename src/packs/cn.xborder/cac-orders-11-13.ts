/**
 * The CAC regime before Order 16 and what of it survives:
 * - Measures for Security Assessment of Outbound Data Transfers (数据出境安全评估办法, CAC
 *   Order No. 11), issued 2022-07-07, effective 2022-09-01. Its Art. 4 triggers governed until
 *   2024-03-21; from 2024-03-22 Order 16 prevails where inconsistent (Order 16 Art. 13).
 * - Measures on the Standard Contract for Outbound Transfer of PI (个人信息出境标准合同办法,
 *   CAC Order No. 13), effective 2023-06-01 [M]. Its Art. 4 eligibility governed until
 *   2024-03-21; its filing duty (Art. 7) continues.
 * cn-eu-rules.md §4.1–4.2. Counting window: since 1 January of the previous year.
 */
import { NO_REASONS } from './finding.js';
import { obligation } from '../../engine/obligation.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import { isExport, isPiExport, type FlowCtx } from './context.js';
import { ORDER11_FROM, ORDER11_UNTIL, ORDER13_FROM, ORDER16_FROM, PROCESSING_PERSONS, SA_PERSONS, SA_SENSITIVE_PERSONS, SOURCES, fmt, paramOn } from './params.js';
import { assessmentStatus, contractStatus, renewalFinding } from './safeguards.js';


/** Order 11 Art. 4(1): export of important data (identified by the processor) → assessment. */
export const ORDER11_4_1 = defineRule<FlowCtx>({
  id: 'cn.xborder/order11.4.1',
  title: 'Important data goes abroad only after the security assessment (Order 11)',
  citation: 'CAC Order No. 11 Art. 4(1)',
  sourceUrl: SOURCES.order11,
  effective: { from: ORDER11_FROM, until: ORDER11_UNTIL },
  reads: ['dataset.importantData'],
  evaluate(ctx) {
    if (!isExport(ctx) || !ctx.important) return null;
    return { outcome: 'security_assessment', reasons: ['Important data is exported: security assessment (Order 11 Art. 4(1)); before Order 16 the processor identified important data itself, notified or not.'] };
  },
});

/** Order 11 Art. 4(2), first limb: a CIIO exporting PI → assessment. */
export const ORDER11_4_2_CIIO = defineRule<FlowCtx>({
  id: 'cn.xborder/order11.4.2.ciio',
  title: 'A CIIO exporting PI needs the security assessment (Order 11)',
  citation: 'CAC Order No. 11 Art. 4(2)',
  sourceUrl: SOURCES.order11,
  effective: { from: ORDER11_FROM, until: ORDER11_UNTIL },
  reads: ['organization.cn.ciio'],
  evaluate(ctx) {
    if (!ctx.ciio || !isPiExport(ctx)) return null;
    return { outcome: 'security_assessment', reasons: ['A CIIO exports PI: security assessment (Order 11 Art. 4(2)).'] };
  },
});

/**
 * Order 11 Art. 4(2), second limb: a processor handling PI of 1,000,000 people or more (以上)
 * exporting PI → assessment. In force until 2024-03-21; afterwards only when the policy
 * `legacy_processing_trigger` keeps it ([U]: practitioners treat it as superseded).
 */
export const ORDER11_4_2_PROCESSING = defineRule<FlowCtx>({
  id: 'cn.xborder/order11.4.2.processing',
  title: 'A processor handling PI of 1,000,000 people or more needs the assessment for any PI export',
  citation: 'CAC Order No. 11 Art. 4(2)',
  sourceUrl: SOURCES.order11,
  effective: { from: ORDER11_FROM },
  reads: ['organization.cn.networkPlatformOperator.users', 'dataset.subjects.CN', 'policy.legacy_processing_trigger'],
  evaluate(ctx) {
    if (!ctx.policy.legacyProcessingTrigger || !isPiExport(ctx)) return null;
    const threshold = paramOn(PROCESSING_PERSONS, ctx.date);
    const n = ctx.processing();
    if (n < threshold) return null;
    const legacy = ctx.date >= ORDER16_FROM ? ' The trigger is kept after Order 16 by the policy legacy_processing_trigger; whether it survives Order 16 Art. 13 is unconfirmed.' : '';
    return { outcome: 'security_assessment', reasons: [`The processor handles PI of ${fmt(n)} people (≥ ${fmt(threshold)}, 以上): any PI export needs the security assessment (Order 11 Art. 4(2)).${legacy}`] };
  },
});

/**
 * Order 11 Art. 4(3): since 1 January of the previous year, cumulatively exported PI of 100,000
 * people or sensitive PI of 10,000 people → assessment.
 */
export const ORDER11_4_3 = defineRule<FlowCtx>({
  id: 'cn.xborder/order11.4.3',
  title: 'Exports since 1 January of the previous year at the Order 11 volumes need the assessment',
  citation: 'CAC Order No. 11 Art. 4(3)',
  sourceUrl: SOURCES.order11,
  effective: { from: ORDER11_FROM, until: ORDER11_UNTIL },
  reads: ['flows since 1 January of the previous year', 'dataset.subjects.CN', 'dataset.categories'],
  evaluate(ctx) {
    if (ctx.ciio || !isPiExport(ctx)) return null;
    const c = ctx.legacyCounts();
    const persons = paramOn(SA_PERSONS, ctx.date);
    const sensitive = paramOn(SA_SENSITIVE_PERSONS, ctx.date);
    const hits: string[] = [];
    if (c.all >= persons) hits.push(`PI of ${fmt(c.all)} people (≥ ${fmt(persons)})`);
    if (c.sensitive >= sensitive) hits.push(`sensitive PI of ${fmt(c.sensitive)} people (≥ ${fmt(sensitive)})`);
    if (hits.length === 0) return null;
    return { outcome: 'security_assessment', reasons: [`Since ${c.window.from} (1 January of the previous year) the processor has exported ${hits.join(' and ')}: security assessment (Order 11 Art. 4(3)).`] };
  },
});

/**
 * Order 11 Art. 14 [M]: results valid 2 years; re-apply 60 working days before expiry. The notes
 * recall Art. 14 from memory (and the 60 working days not at all): the citation says [M], the
 * number is the parameter `sa.renewal_working_days`, and the deadline reading is the stricter one.
 */
export const ORDER11_14_RENEWAL = defineRule<FlowCtx>({
  id: 'cn.xborder/order11.14.renewal',
  title: 'Re-apply 60 working days before a 2-year result expires (Order 11)',
  citation: 'CAC Order No. 11 Art. 14 [M]',
  sourceUrl: SOURCES.order11,
  effective: { from: ORDER11_FROM, until: ORDER11_UNTIL },
  reads: ['flow.safeguards', 'organization.approvals'],
  evaluate: (ctx) => (isExport(ctx) ? renewalFinding(ctx, 'cn.xborder/order11.14.renewal', 'CAC Order No. 11 Art. 14 [M]', 'deadline') : null),
});

/**
 * Order 11 Art. 14 [M]: within the validity period, re-apply when the purpose, method, scope or
 * type of data, the recipient or its use, or the overseas retention period change in a way that
 * affects security (cn-xb-035). Until then the result does not cover the changed export.
 */
export const ORDER11_14_REAPPLY = defineRule<FlowCtx>({
  id: 'cn.xborder/order11.14.reapply',
  title: 'Re-apply when the recipient, purpose, scope or retention changes',
  citation: 'CAC Order No. 11 Art. 14 [M]',
  sourceUrl: SOURCES.order11,
  effective: { from: ORDER11_FROM },
  reads: ['flow.recipientChanged', 'flow.safeguards'],
  evaluate(ctx) {
    if (!isExport(ctx)) return null;
    const sa = assessmentStatus(ctx);
    if (sa.state !== 'reapply') return null;
    return {
      reasons: [`The recipient, purpose, scope or retention changed after the assessment issued ${sa.issued}: the result no longer covers this export and a new application is needed within its validity (Order 11 Art. 14).`],
      obligations: [
        obligation(
          { id: 'cn.xborder/order11.14.reapply', what: 'Re-apply for the security assessment for the changed export before continuing it.', to: 'CAC (through the provincial CAC)', citation: 'CAC Order No. 11 Art. 14 [M]; NDSMR Art. 38' },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Order 13 Art. 4: a non-CIIO processing PI of fewer than 1,000,000 people that, since
 * 1 January of the previous year, exported PI of fewer than 100,000 people and sensitive PI of
 * fewer than 10,000 (不满) may use the standard contract (certification being the alternative
 * under PIPL Art. 38). Governed until 2024-03-21.
 */
export const ORDER13_4 = defineRule<FlowCtx>({
  id: 'cn.xborder/order13.4',
  title: 'Below the Order 11 thresholds, the standard contract or certification',
  citation: 'CAC Order No. 13 Art. 4 [M]',
  effective: { from: ORDER13_FROM, until: ORDER11_UNTIL },
  reads: ['organization.cn.ciio', 'flows since 1 January of the previous year', 'dataset.subjects.CN'],
  evaluate(ctx) {
    if (ctx.ciio || !isPiExport(ctx)) return null;
    const c = ctx.legacyCounts();
    const eligible = ctx.processing() < paramOn(PROCESSING_PERSONS, ctx.date) && c.all < paramOn(SA_PERSONS, ctx.date) && c.sensitive < paramOn(SA_SENSITIVE_PERSONS, ctx.date);
    if (!eligible) return null;
    return {
      outcome: 'standard_contract_or_certification',
      reasons: [`Since ${c.window.from} the processor has exported PI of ${fmt(c.all)} people (sensitive: ${fmt(c.sensitive)}), below the assessment thresholds: the CAC standard contract (Order 13 Art. 4) or certification; there was no de minimis exemption before 2024-03-22.`],
    };
  },
});

/**
 * Order 13 Art. 7: file the standard contract with the provincial CAC within 10 working days
 * after it takes effect [S; M] — the citation says [M]; the number is the parameter
 * `sc.filing_working_days`.
 */
export const ORDER13_7 = defineRule<FlowCtx>({
  id: 'cn.xborder/order13.7',
  title: 'File the standard contract within 10 working days after it takes effect',
  citation: 'CAC Order No. 13 Art. 7 [M]',
  effective: { from: ORDER13_FROM },
  reads: ['flow.safeguards'],
  evaluate(ctx) {
    if (!isPiExport(ctx)) return null;
    const sc = contractStatus(ctx);
    if (!sc.contract) return null;
    return {
      reasons: NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/order13.7',
            what: sc.fileBy
              ? `File the standard contract (effective ${sc.contract.date}) and the PIPIA report with the provincial CAC within 10 working days: by ${sc.fileBy}.${sc.fileNotice ? ` ${sc.fileNotice}` : ''}`
              : 'File the standard contract and the PIPIA report with the provincial CAC within 10 working days after it takes effect (declare its date to compute the deadline).',
            to: 'provincial CAC',
            citation: 'CAC Order No. 13 Art. 7 [M]',
            due: sc.fileBy,
            doneOn: sc.filed ? (sc.filed.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

export const ORDERS_11_13_RULES: readonly Rule<FlowCtx>[] = [
  ORDER11_4_1,
  ORDER11_4_2_CIIO,
  ORDER11_4_2_PROCESSING,
  ORDER11_4_3,
  ORDER11_14_RENEWAL,
  ORDER11_14_REAPPLY,
  ORDER13_4,
  ORDER13_7,
];

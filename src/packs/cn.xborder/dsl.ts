/**
 * Data Security Law (数据安全法, DSL), adopted 2021-06-10, effective 2021-09-01 (Art. 55).
 * Arts. 21 (core data), 30 (risk assessment), 31 (export of important data) and 36 (foreign
 * judicial and law-enforcement requests). cn-eu-rules.md §2.
 */
import { obligation } from '../../engine/obligation.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import { authorityName, isExport, type FlowCtx, type OrgCtx } from './context.js';
import { DSL_FROM, IMPORTANT_DATA_NEEDS_NOTIFICATION, paramOn } from './params.js';

/**
 * Art. 36: without approval of the PRC competent authority, organisations and individuals in
 * China must not provide data stored in China to foreign judicial or law-enforcement bodies.
 * Covers all data, not only PI.
 */
export const DSL_36 = defineRule<FlowCtx>({
  id: 'cn.xborder/dsl.36',
  title: 'No data stored in China to foreign judicial or law-enforcement bodies without PRC approval',
  citation: 'DSL Art. 36',
  effective: { from: DSL_FROM },
  reads: ['flow.request', 'flow.recipient', 'entity.roles', 'flow.fromCountry', 'policy.foreign_authority_kinds'],
  evaluate(ctx) {
    if (ctx.scope !== 'foreign_authority' || !ctx.authority) return null;
    return {
      outcome: 'prohibited_without_approval',
      reasons: [`Data stored in China requested by ${authorityName(ctx.authority)}: it may not be provided without approval of the PRC competent authority (DSL Art. 36; penalties DSL Art. 48 para. 2).`],
    };
  },
});

/**
 * Art. 31: export of important data collected or generated in China — by CIIOs under CSL
 * Art. 37, by other processors under the CAC's measures (Orders 11 and 16): a security
 * assessment.
 */
export const DSL_31 = defineRule<FlowCtx>({
  id: 'cn.xborder/dsl.31',
  title: 'Important data collected in China goes abroad only after the security assessment',
  citation: 'DSL Art. 31',
  effective: { from: DSL_FROM },
  reads: ['dataset.importantData', 'flow.destination'],
  evaluate(ctx) {
    if (!isExport(ctx) || !ctx.important) return null;
    return {
      outcome: 'security_assessment',
      reasons: [`The dataset is important data${ctx.dataset?.importantData?.by ? ` (notified by ${ctx.dataset.importantData.by})` : ''}: its export is governed by DSL Art. 31 and needs the CAC security assessment; no exemption applies to important data.`],
    };
  },
});

/**
 * Art. 21: national core data (国家核心数据) is under a more stringent management system. No
 * export route is set out in the notes; the pack treats core data at least as important data
 * (security assessment) and says the stricter regime applies.
 */
export const DSL_21_CORE = defineRule<FlowCtx>({
  id: 'cn.xborder/dsl.21.core',
  title: 'Core data is under a stricter regime than important data',
  citation: 'DSL Art. 21',
  effective: { from: DSL_FROM },
  reads: ['dataset.coreData'],
  evaluate(ctx) {
    if (!isExport(ctx) || !ctx.core) return null;
    return {
      outcome: 'security_assessment',
      reasons: ['The dataset is national core data (DSL Art. 21), under a management system stricter than important data: at least the CAC security assessment; confirm with the competent department before any export.'],
    };
  },
});

export const DSL_FLOW_RULES: readonly Rule<FlowCtx>[] = [DSL_36, DSL_31, DSL_21_CORE];

/**
 * Whether the organization processes important data on the judged date, and why: declared
 * (`organization.cn.importantDataProcessor`), or following from its datasets — one that is
 * important data on that date (from Order 16 on: notified, from its notification date; before,
 * declared important) makes it a processor of important data whether or not the flag is set.
 * Undefined when neither.
 */
export function importantDataProcessing(ctx: OrgCtx): { readonly declared: boolean; readonly datasets: readonly string[] } | undefined {
  const needsNotice = paramOn(IMPORTANT_DATA_NEEDS_NOTIFICATION, ctx.date);
  const datasets: string[] = [];
  for (const ds of ctx.facts.inventory.datasets) {
    const notice = ds.importantData;
    if (!notice) continue;
    if (needsNotice ? notice.notified && (notice.date === undefined || notice.date <= ctx.date) : true) datasets.push(ds.name ? `${ds.name} (${ds.id})` : ds.id);
  }
  if (ctx.org.cn.importantDataProcessor) return { declared: true, datasets };
  return datasets.length > 0 ? { declared: false, datasets } : undefined;
}

/** The reason's opening, saying where the status comes from when the flag was not set. */
export function importantDataProcessorLead(p: { readonly declared: boolean; readonly datasets: readonly string[] }): string {
  if (p.declared) return 'The organization processes important data';
  const shown = p.datasets.slice(0, 3).join(', ') + (p.datasets.length > 3 ? ` and ${p.datasets.length - 3} more` : '');
  return `The organization processes important data (${p.datasets.length === 1 ? 'dataset' : 'datasets'} ${shown}; \`organization.cn.importantDataProcessor\` is not set, but holding important data makes it one)`;
}

/**
 * Art. 30: processors of important data assess the risks of their processing regularly and
 * report to the competent authorities (categories and volumes, activities, risks and
 * measures). From 2025-01-01 NDSMR Art. 33 makes this yearly and displaces this rule.
 */
export const DSL_30 = defineRule<OrgCtx>({
  id: 'cn.xborder/dsl.30',
  title: 'Important-data processors assess risks regularly and report them',
  citation: 'DSL Art. 30',
  effective: { from: DSL_FROM },
  reads: ['organization.cn.importantDataProcessor', 'dataset.importantData'],
  evaluate(ctx) {
    const p = importantDataProcessing(ctx);
    if (!p) return null;
    return {
      outcome: 'important_data_processor_duties',
      reasons: [`${importantDataProcessorLead(p)}: it assesses the risks of its processing regularly and reports to the competent authorities (DSL Art. 30).`],
      obligations: [
        obligation(
          {
            id: 'cn.xborder/dsl.30',
            what: 'Carry out the regular risk assessment of important-data processing and report it (categories and volumes, activities, risks and countermeasures).',
            to: 'the competent authorities',
            citation: 'DSL Art. 30',
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

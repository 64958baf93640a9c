/**
 * Cybersecurity Law (网络安全法, CSL), 2016 text, effective 2017-06-01. Art. 37: data
 * localisation and export assessment for critical information infrastructure operators.
 * cn-eu-rules.md §3. (The 2025 amendment, effective 2026-01-01, changes penalties only as far
 * as the notes know [U].)
 */
import { defineRule, type Rule } from '../../engine/rule.js';
import { isExport, type FlowCtx } from './context.js';
import { CSL_FROM } from './params.js';

/**
 * Art. 37: CIIOs store PI and important data collected and generated in China inside China;
 * export for business needs requires a security assessment under the CAC's measures.
 */
export const CSL_37 = defineRule<FlowCtx>({
  id: 'cn.xborder/csl.37',
  title: 'A CIIO exporting PI or important data needs the security assessment',
  citation: 'CSL Art. 37',
  effective: { from: CSL_FROM },
  reads: ['organization.cn.ciio', 'dataset.categories', 'dataset.importantData'],
  evaluate(ctx) {
    if (!ctx.ciio || !isExport(ctx) || !(ctx.personal || ctx.important)) return null;
    return {
      outcome: 'security_assessment',
      reasons: ['The exporter is a critical information infrastructure operator exporting PI or important data collected in China: security assessment under the CAC measures (CSL Art. 37).'],
    };
  },
});

export const CSL_RULES: readonly Rule<FlowCtx>[] = [CSL_37];

/**
 * `cn.xborder` — China's rules for data leaving the mainland: PIPL Ch. III, DSL Arts. 31/36,
 * CSL Art. 37, CAC Order 16 (from 2024-03-22; Orders 11 and 13 before it), the NDSMR (from
 * 2025-01-01), and, at organization level, the Cybersecurity Review Measures (2022) Art. 7 and
 * the important-data processor duties (NDSMR Art. 28 extends them to processors of the PI of
 * 10,000,000 people). docs/packs/cn.xborder.md lists every rule.
 */
import type { Facts } from '../../facts/index.js';
import type { Pack } from '../../engine/pack.js';
import { runRules, type Rule } from '../../engine/rule.js';
import type { Decision } from '../../engine/types.js';
import { GUIDE_EXPORT, GUIDE_HELD_ABROAD, GUIDE_IN_CHINA, GUIDE_NO_NEXUS, GUIDE_RULES, GUIDE_SOURCE_UNKNOWN, QA_GENERAL_DATA } from './cac-guide.js';
import { ORDER16_NATURE_EXEMPTIONS, ORDER16_RULES } from './cac-order-16.js';
import { ORDERS_11_13_RULES } from './cac-orders-11-13.js';
import { createRun, orgContext, SCOPES, type FlowCtx, type OrgCtx, type Run, type Scope } from './context.js';
import { CSL_RULES } from './csl.js';
import { CSRM_RULES } from './cybersecurity-review.js';
import { decideFlowWith, decideOrganizationWith } from './decide.js';
import { DSL_21_CORE, DSL_30, DSL_31, DSL_36, DSL_FLOW_RULES } from './dsl.js';
import { NDSMR_12, NDSMR_13, NDSMR_28, NDSMR_30, NDSMR_31, NDSMR_32, NDSMR_33, NDSMR_FLOW_RULES, NDSMR_NATURE_EXEMPTIONS } from './ndsmr.js';
import type { PolicyOverrides } from './params.js';
import type { CivilDate } from '../../time/civil-date.js';
import { PIPL_3_2, PIPL_36, PIPL_38, PIPL_38_1_4, PIPL_38_2, PIPL_38_3, PIPL_39_CONSENT, PIPL_39_NOTICE, PIPL_40, PIPL_41, PIPL_42, PIPL_55, PIPL_55_3, PIPL_RULES } from './pipl.js';

export const CN_XBORDER_ID = 'cn.xborder';
export const CN_XBORDER_VERSION = '0.1.0';

/** Every flow rule, by instrument. */
export const FLOW_RULES: readonly Rule<FlowCtx>[] = [...GUIDE_RULES, ...PIPL_RULES, ...DSL_FLOW_RULES, ...CSL_RULES, ...ORDERS_11_13_RULES, ...ORDER16_RULES, ...NDSMR_FLOW_RULES];

/**
 * The scopes each flow rule can fire on, as the first test of its logic says: the regime's rules
 * judge exports (`isExport`, `isPiExport`); the CAC Guide's scope rules, PIPL Arts. 3(2) and 41
 * and DSL Art. 36 each judge a scope that is not an export; NDSMR Arts. 12 and 31 judge exports
 * and data provided within the mainland, PIPL Art. 55(3) PI provided within the mainland. An index, not logic: every rule keeps
 * its own test, and a flow is only spared the rules that cannot fire on its scope (index.test.ts
 * checks each rule against every scope). A rule left out is tried on every flow.
 */
const EXPORT: readonly Scope[] = ['export'];
export const FIRES_ON: ReadonlyMap<Rule<FlowCtx>, readonly Scope[]> = new Map<Rule<FlowCtx>, readonly Scope[]>([
  [GUIDE_EXPORT, EXPORT],
  [GUIDE_IN_CHINA, ['accessed_in_china', 'stays_in_china']],
  [GUIDE_HELD_ABROAD, ['onward_abroad', 'held_abroad_undeclared']],
  [GUIDE_SOURCE_UNKNOWN, ['source_unknown']],
  [GUIDE_NO_NEXUS, ['no_nexus']],
  [QA_GENERAL_DATA, EXPORT],
  [PIPL_3_2, ['art3_2']],
  [PIPL_41, ['foreign_authority']],
  [DSL_36, ['foreign_authority']],
  ...[PIPL_36, PIPL_38, PIPL_38_1_4, PIPL_38_2, PIPL_38_3, PIPL_39_NOTICE, PIPL_39_CONSENT, PIPL_40, PIPL_42, PIPL_55, DSL_31, DSL_21_CORE].map((r) => [r, EXPORT] as const),
  ...[...CSL_RULES, ...ORDERS_11_13_RULES, ...ORDER16_RULES, ...NDSMR_FLOW_RULES].map((r) => [r, EXPORT] as const),
  // after the export rules: a later entry for the same rule wins
  [NDSMR_31, ['export', 'stays_in_china', 'accessed_in_china']],
  [NDSMR_12, ['export', 'stays_in_china', 'accessed_in_china']],
  [PIPL_55_3, ['stays_in_china', 'accessed_in_china']],
]);

/** The flow rules that can fire on each scope, in rule order. */
const RULES_ON: ReadonlyMap<Scope, readonly Rule<FlowCtx>[]> = new Map(SCOPES.map((s) => [s, FLOW_RULES.filter((r) => FIRES_ON.get(r)?.includes(s) ?? true)]));

/** Rules about one listing of the organization. */
export const LISTING_RULES: readonly Rule<OrgCtx>[] = [...CSRM_RULES, NDSMR_13];

/** Standing duties of an important-data processor, and of a processor NDSMR Art. 28 holds to them. */
export const IMPORTANT_DATA_RULES: readonly Rule<OrgCtx>[] = [DSL_30, NDSMR_33, NDSMR_30, NDSMR_32, NDSMR_28];

/** Exemptions that rest on what the export is (Order 16 Arts. 4, 5(1)–(3), 6; NDSMR Art. 35). */
export const NATURE_EXEMPTIONS: readonly Rule<FlowCtx>[] = [...ORDER16_NATURE_EXEMPTIONS, ...NDSMR_NATURE_EXEMPTIONS];

/**
 * When the flow is exempt by nature on its judged date: the first date an exemption that covers
 * it was in force (the nature exemptions have no end date), so that windows of earlier dates
 * still count it.
 */
function natureExempt(ctx: FlowCtx): CivilDate | undefined {
  let from: CivilDate | undefined;
  for (const f of runRules(NATURE_EXEMPTIONS, ctx, ctx.date).fired) {
    if (f.finding.outcome !== 'exempt') continue;
    const d = f.rule.effective.from;
    if (from === undefined || d < from) from = d;
  }
  return from;
}

/** The pack, with the [U]/[M] policy parameters overridden where given (see params.ts). */
export function createCnXborder(overrides: PolicyOverrides = {}): Pack {
  const runs = new WeakMap<Facts, Run>();
  const runFor = (facts: Facts): Run => {
    let run = runs.get(facts);
    if (!run) {
      run = createRun(facts, overrides, natureExempt);
      runs.set(facts, run);
    }
    return run;
  };
  return {
    id: CN_XBORDER_ID,
    version: CN_XBORDER_VERSION,
    title: 'China: data export (PIPL, DSL, CSL, CAC Orders 11/13/16, NDSMR) and cybersecurity review',
    rules: [...FLOW_RULES, ...LISTING_RULES, ...IMPORTANT_DATA_RULES],
    decideFlow(flow, ctx) {
      const c = runFor(ctx.facts).ctxOf(flow);
      return decideFlowWith(RULES_ON.get(c.scope) ?? FLOW_RULES, c);
    },
    decideOrganization(ctx) {
      const out: Decision[] = [];
      for (const listing of ctx.facts.inventory.organization.listings) {
        const d = decideOrganizationWith(LISTING_RULES, orgContext(ctx.facts, overrides, listing));
        if (d) out.push(d);
      }
      const duties = decideOrganizationWith(IMPORTANT_DATA_RULES, orgContext(ctx.facts, overrides));
      if (duties) out.push(duties);
      return out;
    },
  };
}

export const cnXborder: Pack = createCnXborder();

export { PARAMS, policyAt, type Policy, type PolicyOverrides } from './params.js';

/**
 * Subpart D — Restricted transactions (28 CFR 202.401) and the security requirements (202.248).
 */
import { defineRule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { DspContext } from './context.js';
import { recipientReasons } from './context.js';
import { CLASS_LABEL } from './definitions.js';
import { PART_202_EFFECTIVE, SOURCE_URL } from './params.js';

/** The CISA security requirements declared in place on the judged date, if any. */
export function securityRequirements(ctx: DspContext) {
  return ctx.flow.safeguards.find((s) => s.type === 'cisa_security_requirements' && (s.date === undefined || s.date <= ctx.date) && (s.expires === undefined || s.expires >= ctx.date));
}

/** The first of the restricted classes (202.401) the flow is in, in this order: vendor, employment, investment agreement. */
function restrictedClass(ctx: DspContext): 'vendor_agreement' | 'employment_agreement' | 'investment_agreement' | undefined {
  const classes = ctx.classes;
  if (classes.size === 0) return undefined;
  if (classes.has('vendor_agreement')) return 'vendor_agreement';
  if (classes.has('employment_agreement')) return 'employment_agreement';
  if (classes.has('investment_agreement')) return 'investment_agreement';
  return undefined;
}

/** True when the flow had begun by the judged date (an undated flow is taken as not yet begun). */
export const begun = (ctx: DspContext) => ctx.flow.start !== undefined && ctx.flow.start <= ctx.date;

/**
 * § 202.401(a): no U.S. person may knowingly engage in a covered data transaction involving a
 * vendor agreement, employment agreement or investment agreement with a country of concern or
 * covered person unless it complies with the security requirements (§ 202.248) and all other
 * applicable requirements of this part.
 */
export const restricted = defineRule<DspContext>({
  id: 'us.doj.dsp/202.401',
  title: 'Vendor, employment and investment agreements with covered persons are restricted',
  citation: '28 CFR 202.401(a)',
  sourceUrl: `${SOURCE_URL}#p-202.401(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['usPerson', 'recipient.coveredPerson', 'classes', 'bulk', 'governmentRelated', 'safeguards'],
  evaluate: (ctx) => {
    if (!ctx.covered) return null;
    const cls = restrictedClass(ctx);
    if (!cls) return null;
    const cisa = securityRequirements(ctx);
    if (!cisa && begun(ctx)) return null; // decided by the rule below
    return {
      outcome: 'restricted',
      reasons: [
        `${CLASS_LABEL[cls]} giving a country of concern or covered person access to ${ctx.data.governmentRelated ? 'government-related data' : 'bulk U.S. sensitive personal data'} is a restricted transaction (202.401(a))`,
        ...recipientReasons(ctx),
        ...ctx.data.reasons,
        cisa ? `the CISA security requirements (202.248) are declared in place${cisa.date ? ` since ${cisa.date}` : ''}` : 'allowed only once the CISA security requirements (202.248) and the due-diligence, audit, record and report duties are in place; without them it is prohibited (202.401(a))',
      ],
      obligations: cisa
        ? []
        : [
            obligation(
              {
                id: 'us.doj.dsp/202.248',
                what: 'Implement the CISA Security Requirements for Restricted Transactions (organizational, system-level and data-level controls) before the transaction begins',
                citation: '28 CFR 202.248; 202.401(a)',
                due: ctx.flow.start,
              },
              ctx.asOf,
            ),
          ],
    };
  },
});

/**
 * § 202.401(a), read with 202.401(c)(2): a restricted transaction engaged in without the
 * security requirements is a prohibited transaction.
 */
export const restrictedWithoutSecurity = defineRule<DspContext>({
  id: 'us.doj.dsp/202.401(a):unmet',
  title: 'A restricted transaction without the security requirements is prohibited',
  citation: '28 CFR 202.401(a); 202.248',
  sourceUrl: `${SOURCE_URL}#p-202.401(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['classes', 'safeguards', 'start'],
  evaluate: (ctx) => {
    if (!ctx.covered) return null;
    const cls = restrictedClass(ctx);
    if (!cls || securityRequirements(ctx) || !begun(ctx)) return null;
    return {
      outcome: 'prohibited',
      reasons: [
        `${CLASS_LABEL[cls]} with a country of concern or covered person involving ${ctx.data.governmentRelated ? 'government-related data' : 'bulk U.S. sensitive personal data'}, under way since ${ctx.flow.start}, with no CISA security requirements declared: prohibited unless it complies with 202.248 (202.401(a))`,
        ...recipientReasons(ctx),
        ...ctx.data.reasons,
      ],
    };
  },
});

export const SUBPART_D = [restricted, restrictedWithoutSecurity];

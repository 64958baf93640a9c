/**
 * OFAC blocking: U.S. persons may not deal in property or interests in property of blocked
 * persons (the SDN list), nor of entities owned 50 % or more by them (OFAC 50 % guidance, 2014).
 */
import { defineRule } from '../../engine/rule.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';
import type { EffectiveDesignation } from '../../facts/index.js';

/**
 * A blocked-person designation: an entry on the SDN list, or a Consolidated Screening List row
 * whose source is the SDN list ("Specially Designated Nationals (SDN) - Treasury Department",
 * us-rules.md §4.6) — the same listing, read through the CSL.
 */
export function isSdnDesignation(d: EffectiveDesignation): boolean {
  return d.list === 'ofac.sdn' || (d.list === 'trade.csl' && /specially designated nationals|\(sdn\)/i.test(d.program ?? ''));
}

export const blockedVendor = defineRule<InfraContext>({
  id: 'us.infra/ofac-sdn',
  title: 'A vendor that is a blocked person (SDN, or owned 50 % or more by SDNs)',
  citation: '50 U.S.C. 1702 (IEEPA); 31 CFR Chapter V program regulations; OFAC 50 % guidance (2014)',
  effective: { from: '2014-08-13' },
  reads: ['vendor.designations[ofac.sdn]', 'vendor.designations[trade.csl, source SDN]'],
  evaluate: (ctx) => {
    const d = ctx.designations.find(isSdnDesignation);
    if (!d) return null;
    return {
      outcome: 'prohibited',
      reasons: [`${ctx.vendorName} is a blocked person (${describeDesignation(d)}): U.S. persons may not deal with it, including buying or maintaining its products and services, without an OFAC licence`],
    };
  },
});

export const OFAC_RULES = [blockedVendor];

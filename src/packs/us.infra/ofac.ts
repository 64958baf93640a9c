/**
 * OFAC blocking: U.S. persons may not deal in property or interests in property of blocked
 * persons (the SDN list), nor of entities owned 50 % or more by them (OFAC 50 % guidance, 2014).
 */
import { defineRule } from '../../engine/rule.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';

export const blockedVendor = defineRule<InfraContext>({
  id: 'us.infra/ofac-sdn',
  title: 'A vendor that is a blocked person (SDN, or owned 50 % or more by SDNs)',
  citation: '50 U.S.C. 1702 (IEEPA); 31 CFR Chapter V program regulations; OFAC 50 % guidance (2014)',
  effective: { from: '2014-08-13' },
  reads: ['vendor.designations[ofac.sdn]'],
  evaluate: (ctx) => {
    const d = ctx.designations.find((x) => x.list === 'ofac.sdn');
    if (!d) return null;
    return {
      outcome: 'prohibited',
      reasons: [`${ctx.vendorName} is a blocked person (${describeDesignation(d)}): U.S. persons may not deal with it, including buying or maintaining its products and services, without an OFAC licence`],
    };
  },
});

export const OFAC_RULES = [blockedVendor];

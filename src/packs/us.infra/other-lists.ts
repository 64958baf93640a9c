/**
 * Designations these rules do not turn into a prohibition on using a vendor's products are still
 * reported, with what each list does: the Non-SDN CMIC list restricts securities purchases
 * (31 CFR Part 586), the Entity List and MEU List restrict exports to the listed party (15 CFR
 * 744.11, 744.21), not purchases from it.
 */
import { defineRule } from '../../engine/rule.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';

const HANDLED = new Set(['fcc.covered', 'ofac.sdn', 'dod.1260h']);

export const otherDesignations = defineRule<InfraContext>({
  id: 'us.infra/other-designations',
  title: 'Vendor designations that do not bar using its products (noted)',
  citation: '31 CFR Part 586 (NS-CMIC); 15 CFR 744.11 (Entity List)',
  effective: { from: '2020-01-01' },
  reads: ['vendor.designations'],
  evaluate: (ctx) => {
    const others = ctx.designations.filter((d) => !HANDLED.has(d.list));
    if (others.length === 0) return null;
    return {
      outcome: 'listed_vendor',
      reasons: others.map((d) => `${ctx.vendorName}: ${describeDesignation(d)} — ${d.list === 'ofac.cons' ? 'restricts buying its publicly traded securities, not its products' : d.list.startsWith('cn.') ? "a PRC measure (see cn.lists)" : 'restricts exports of items subject to the EAR to it; buying its products is not barred by this list'}`),
    };
  },
});

export const OTHER_LIST_RULES = [otherDesignations];

/**
 * Designations these rules do not turn into a prohibition on using a vendor's products are still
 * reported, with what each list does: the Non-SDN CMIC list restricts purchases and sales of
 * publicly traded securities from 60 days after listing, holding being allowed (31 CFR Part 586;
 * us-rules.md §4.4 [V]), the Entity List and MEU List restrict exports to the listed party (15 CFR
 * 744.11, 744.21), not purchases from it.
 */
import { defineRule } from '../../engine/rule.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';
import { isSdnDesignation } from './ofac.js';
import type { EffectiveDesignation } from '../../facts/index.js';

const HANDLED = new Set(['fcc.covered', 'ofac.sdn', 'dod.1260h']);
const handled = (d: EffectiveDesignation) => HANDLED.has(d.list) || isSdnDesignation(d);

/** What a list does, in a clause; a list or program these rules do not know is only named. */
function effectOf(d: EffectiveDesignation): string {
  const program = d.program ?? '';
  if (d.list.startsWith('cn.')) return 'a PRC measure (see cn.lists)';
  const csl = d.list === 'trade.csl';
  if ((d.list === 'ofac.cons' && (program === '' || /cmic/i.test(program))) || (csl && /cmic|chinese military/i.test(program))) {
    return 'restricts buying or selling its publicly traded securities (from 60 days after listing; holding them is not prohibited), not its products';
  }
  if (d.list === 'ofac.cons' || (csl && /sectoral|evaders|palestinian|capta|menu-based|\((?:ssi|fse|plc|cap|ns-mbs|mbs)\)/i.test(program))) {
    return 'a non-SDN Treasury list: no blocking and no bar on buying its products; its program sets what is restricted';
  }
  if (d.list === 'bis.mieu' || d.list === 'bis.entity' || (csl && /entity list|military end user|unverified list|denied persons|\((?:el|meu|uvl|dpl)\)/i.test(program))) {
    return 'restricts exports of items subject to the EAR to it; buying its products is not barred by this list';
  }
  return 'not a list these rules turn into a bar on buying its products; check what the listing restricts';
}

export const otherDesignations = defineRule<InfraContext>({
  id: 'us.infra/other-designations',
  title: 'Vendor designations that do not bar using its products (noted)',
  citation: '31 CFR Part 586 (NS-CMIC); 15 CFR 744.11 (Entity List)',
  effective: { from: '2020-01-01' },
  reads: ['vendor.designations'],
  evaluate: (ctx) => {
    const others = ctx.designations.filter((d) => !handled(d));
    if (others.length === 0) return null;
    return {
      outcome: 'listed_vendor',
      reasons: others.map((d) => `${ctx.vendorName}: ${describeDesignation(d)} — ${effectOf(d)}`),
    };
  },
});

export const OTHER_LIST_RULES = [otherDesignations];

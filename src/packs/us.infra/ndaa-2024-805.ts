/**
 * FY2024 NDAA (Pub. L. 118-31) §805: the Department of Defense may not contract with entities
 * on the §1260H list of Chinese military companies (from 30 June 2026), nor procure goods or
 * services that include their items (from 30 June 2027) [S].
 */
import { valueAt } from '../../engine/params.js';
import { defineRule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';
import { NDAA_805_DATES } from './params.js';

export const dod1260h = defineRule<InfraContext>({
  id: 'us.infra/ndaa2024-805',
  title: 'DoD contractors and items of 1260H-listed Chinese military companies',
  citation: 'Pub. L. 118-31 §805; FY2021 NDAA §1260H',
  // The list is reported from the FY2021 NDAA (1 Jan 2021 [M]); §805 acts from its own parameter.
  effective: { from: '2021-01-01' },
  reads: ['vendor.designations[dod.1260h]', 'organization.us.dodContractor', 'asset.uses'],
  evaluate: (ctx) => {
    const d = ctx.designations.find((x) => x.list === 'dod.1260h');
    if (!d) return null;
    const dod = ctx.facts.inventory.organization.us.dodContractor || ctx.asset.uses.includes('dod_contract');
    const listed = `${ctx.vendorName} is on the DoD list of Chinese military companies (${describeDesignation(d)}); listing is not itself a sanction`;
    const dates = valueAt(NDAA_805_DATES, ctx.date)?.value;
    if (!dates) return { outcome: 'listed_vendor', reasons: [listed, `FY2024 NDAA §805, which bars DoD from contracting with listed entities, was not yet enacted on ${ctx.date}`] };
    if (!dod) return { outcome: 'listed_vendor', reasons: [listed, 'the organization is not declared a DoD contractor, so §805 does not reach this asset'] };
    const banned = ctx.date >= dates.indirect;
    return {
      outcome: banned ? 'prohibited' : 'dod_1260h_supplier',
      reasons: [
        listed,
        `DoD may not contract directly with listed entities from ${dates.direct}, nor buy end products or services containing their items from ${dates.indirect} (FY2024 NDAA §805)`,
      ],
      obligations: banned ? [] : [obligation({ id: 'us.infra/ndaa2024-805', what: `Remove ${ctx.asset.name ?? ctx.asset.id} (an item of a 1260H-listed company) from products and services supplied to DoD`, citation: 'Pub. L. 118-31 §805', due: dates.indirect }, ctx.facts.asOf)],
    };
  },
});

export const NDAA_805_RULES = [dod1260h];

/**
 * FCC Covered List — Secure and Trusted Communications Networks Act §2 (47 U.S.C. 1601);
 * 47 CFR 1.50002 (the list), 47 CFR 54.9 (no Universal Service Fund support for covered
 * equipment or services), Report and Order FCC 22-84 (no new equipment authorizations).
 */
import { defineRule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';

const SCOPE_LIMITED = /to the extent (it is )?used for/i;
const SCOPED_USES = new Set(['public_safety', 'government_facility_security', 'critical_infrastructure_surveillance', 'national_security']);

export function fccDesignation(ctx: InfraContext) {
  return ctx.designations.find((d) => d.list === 'fcc.covered');
}

/**
 * 47 CFR 1.50002: the Public Safety and Homeland Security Bureau publishes the list of covered
 * equipment and services; entries for Hytera, Hikvision and Dahua cover their equipment only "to
 * the extent it is used for the purpose of public safety, security of government facilities,
 * physical security surveillance of critical infrastructure, and other national security purposes".
 */
export const coveredEquipment = defineRule<InfraContext>({
  id: 'us.infra/47cfr1.50002',
  title: 'Equipment or services on the FCC Covered List',
  citation: '47 CFR 1.50002; 47 U.S.C. 1601',
  sourceUrl: 'https://www.fcc.gov/supplychain/coveredlist',
  effective: { from: '2021-03-12' },
  reads: ['vendor.designations[fcc.covered]', 'asset.kind', 'asset.uses', 'organization.us.usfRecipient'],
  evaluate: (ctx) => {
    const d = fccDesignation(ctx);
    if (!d || ctx.asset.kind === 'other') return null;
    const scoped = SCOPE_LIMITED.test(d.scope ?? d.program ?? '');
    const inScope = !scoped || ctx.asset.uses.some((u) => SCOPED_USES.has(u));
    if (!inScope) {
      return {
        outcome: 'outside_covered_scope',
        reasons: [`${ctx.vendorName} is on the FCC Covered List (${describeDesignation(d)}) only for equipment used for public safety, government-facility security, critical-infrastructure surveillance or national security; this asset declares none of those uses (47 CFR 1.50002)`],
      };
    }
    const usf = ctx.facts.inventory.organization.us.usfRecipient || ctx.asset.uses.includes('usf_funded');
    return {
      outcome: usf ? 'prohibited' : 'covered_list_equipment',
      reasons: [
        `${ctx.asset.name ?? ctx.asset.id} (${ctx.asset.kind.replace(/_/g, ' ')}) is covered equipment or services: ${ctx.vendorName} is on the FCC Covered List (${describeDesignation(d)})`,
        'covered equipment gets no new FCC equipment authorization (FCC 22-84) and no Universal Service Fund support may be used to buy or maintain it (47 CFR 54.9)',
        ...(usf ? ['the organization receives Universal Service Fund support for this asset: using it is prohibited (47 CFR 54.9)'] : []),
      ],
      obligations: usf
        ? [obligation({ id: 'us.infra/47cfr54.9', what: `Stop using Universal Service Fund support for ${ctx.asset.name ?? ctx.asset.id}; remove or replace it`, citation: '47 CFR 54.9' }, ctx.facts.asOf)]
        : [],
    };
  },
});

export const FCC_RULES = [coveredEquipment];

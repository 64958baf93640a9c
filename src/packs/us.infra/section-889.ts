/**
 * John S. McCain NDAA for FY2019, Pub. L. 115-232 §889; FAR 4.21 and 52.204-25 ("Prohibition on
 * Contracting for Certain Telecommunications and Video Surveillance Services or Equipment").
 */
import { at } from '../../engine/params.js';
import { defineRule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { InfraContext } from './context.js';
import { nameMatch } from './context.js';
import { SECTION_889_COMPANIES, SECTION_889_DATES } from './params.js';

const VIDEO_OR_TELECOM = new Set(['telecom_equipment', 'video_surveillance_equipment', 'carrier_service']);
const SCOPED_USES = new Set(['public_safety', 'government_facility_security', 'critical_infrastructure_surveillance', 'national_security']);

/**
 * §889(a)(1)(B) / FAR 52.204-25(b)(2): from 13 August 2020 an executive agency may not contract
 * with an entity that USES covered telecommunications equipment or services as a substantial or
 * essential component of any system — equipment of Huawei or ZTE, and video surveillance or
 * telecommunications equipment of Hytera, Hikvision or Dahua (for public safety, government
 * facility security, critical-infrastructure surveillance or national security), "or any
 * subsidiary or affiliate of such entities". FAR 52.204-25(d): a contractor that identifies such
 * equipment reports it within one business day, and mitigation within 10 business days [M].
 * The start date (13 Aug 2020) is a documented parameter [M] (params.ts).
 */
export const section889 = defineRule<InfraContext>({
  id: 'us.infra/889(a)(1)(B)',
  title: 'Federal contractors may not use covered telecommunications or video surveillance equipment',
  citation: 'Pub. L. 115-232 §889(a)(1)(B); FAR 52.204-25(b)(2)',
  sourceUrl: 'https://www.acquisition.gov/far/52.204-25',
  effective: { from: SECTION_889_DATES.use },
  reads: ['organization.us.federalContractor', 'asset.uses', 'asset.kind', 'vendor names and majority owners'],
  evaluate: (ctx) => {
    const contractor = ctx.facts.inventory.organization.us.federalContractor || ctx.asset.uses.includes('federal_contract');
    if (!contractor || !VIDEO_OR_TELECOM.has(ctx.asset.kind)) return null;
    const companies = at(SECTION_889_COMPANIES, ctx.date);
    for (const c of companies) {
      const hit = nameMatch(ctx.names, c.keys);
      if (!hit) continue;
      if (c.videoOnly && !ctx.asset.uses.some((u) => SCOPED_USES.has(u))) continue;
      const viaOwner = hit !== ctx.vendorName && !(ctx.vendor?.aliases ?? []).includes(hit);
      return {
        outcome: 'prohibited',
        reasons: [
          `${ctx.asset.name ?? ctx.asset.id}: covered telecommunications equipment or services of ${c.name}${viaOwner ? ` (through ${ctx.vendorName}, a subsidiary or affiliate of "${hit}")` : ''}; a federal contractor may not use it as a substantial or essential component of any system from ${SECTION_889_DATES.use} (§889(a)(1)(B); FAR 52.204-25(b)(2); start date [M])`,
        ],
        obligations: [
          obligation({ id: 'us.infra/52.204-25(d)', what: 'Report the covered equipment to the contracting officer (FAR 52.204-25(d)(2)(i): within one business day of identification [M]), with mitigation within 10 business days [M]', citation: 'FAR 52.204-25(d)', to: 'contracting officer' }, ctx.facts.asOf),
        ],
      };
    }
    return null;
  },
});

export const SECTION_889_RULES = [section889];

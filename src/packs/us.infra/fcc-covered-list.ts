/**
 * FCC Covered List — Secure and Trusted Communications Networks Act §2 (47 U.S.C. 1601);
 * 47 CFR 1.50002 (the list), 47 CFR 54.9 (no Universal Service Fund support for covered
 * equipment or services), Report and Order FCC 22-84 (no new equipment authorizations).
 */
import { defineRule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { InfraContext } from './context.js';
import { describeDesignation } from './context.js';

/**
 * What being on the list does (us-rules.md §4.1): no USF support (47 CFR 54.9) [M] — kept, with
 * `prohibited` for USF-funded assets, as the conservative reading; no new equipment
 * authorizations (FCC 22-84, Nov 2022) [S]; from the order of 28 Oct 2025, a process to
 * prohibit continued import or sale of previously authorized covered equipment [S].
 */
const CONTINUED_SALE_ORDER = '2025-10-28';

const SCOPE_LIMITED = /to the extent (it is )?used for/i;
const SCOPED_USES = new Set(['public_safety', 'government_facility_security', 'critical_infrastructure_surveillance', 'national_security']);

/**
 * Every Covered List entry names the kind of equipment or service it covers (us-rules.md §4.1;
 * the entry texts as the list prints them, shared/data/lists/fcc_covered_list/table.csv), and an
 * entry covers only that kind:
 *
 * - Huawei and ZTE: "Telecommunications equipment produced by …, including telecommunications or
 *   video surveillance services provided by such entity or using such equipment" [V];
 * - Hytera, Hikvision and Dahua: "Video surveillance and telecommunications equipment produced
 *   by …" (and the same services), for the listed purposes only (below) [V];
 * - China Mobile International USA, China Telecom (Americas), Pacific Networks / ComNet and
 *   China Unicom (Americas): "telecommunications services … subject to section 214 of the
 *   Communications Act of 1934" [S];
 * - Kaspersky: "information security products, solutions and services" and "cybersecurity and
 *   anti-virus software" [S];
 * - DJI and Autel: "All communications and video surveillance equipment and services listed in
 *   Section 1709(a)(1) of the FY25 NDAA" [S] — their drones among them.
 *
 * Telecommunications and video surveillance equipment and services are read as the asset kinds
 * `telecom_equipment`, `video_surveillance_equipment`, `carrier_service` and `submarine_cable`;
 * a cloud service, app, SDK, security software or drone of Huawei is none of them. An entry
 * text not recognised here (or none, as when a designation is declared without it) covers every
 * asset kind but `other`: the conservative reading.
 */
const TELECOM_OR_VIDEO = ['telecom_equipment', 'video_surveillance_equipment', 'carrier_service', 'submarine_cable'];
const KIND_LIMITED: readonly { readonly test: RegExp; readonly kinds: readonly string[]; readonly what: string }[] = [
  { test: /subject to section 214/i, kinds: ['carrier_service'], what: 'telecommunications services subject to section 214 of the Communications Act' },
  { test: /information security products|anti-virus software/i, kinds: ['security_software'], what: 'information security and anti-virus products and services' },
  { test: /^\s*(video surveillance and )?telecommunications equipment produced by/i, kinds: TELECOM_OR_VIDEO, what: 'telecommunications or video surveillance equipment and services' },
  { test: /section 1709\(a\)\(1\)/i, kinds: [...TELECOM_OR_VIDEO, 'drone'], what: 'communications and video surveillance equipment and services (FY2025 NDAA §1709(a)(1))' },
];

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
    if (!d) return null;
    if (ctx.asset.kind === 'other') {
      // The list names kinds of equipment and services; an asset of kind `other` is none this pack can match to an entry.
      return {
        outcome: 'listed_vendor',
        reasons: [`${ctx.vendorName} is on the FCC Covered List (${describeDesignation(d)}); this asset's kind is \`other\`, so whether the entry covers it is not known — check it against the entry (47 CFR 1.50002)`],
      };
    }
    const text = d.scope ?? d.program ?? '';
    const kindLimit = KIND_LIMITED.find((k) => k.test.test(text));
    if (kindLimit && !kindLimit.kinds.includes(ctx.asset.kind)) {
      return {
        outcome: 'outside_covered_scope',
        reasons: [`${ctx.vendorName} is on the FCC Covered List (${describeDesignation(d)}) only for ${kindLimit.what}; this asset is ${ctx.asset.kind.replace(/_/g, ' ')} (47 CFR 1.50002)`],
      };
    }
    const scoped = SCOPE_LIMITED.test(text);
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
        `${ctx.asset.name ?? ctx.asset.id} (${ctx.asset.kind.replace(/_/g, ' ')}): covered equipment or services — ${ctx.vendorName} is on the FCC Covered List (${describeDesignation(d)})`,
        'no Universal Service Fund support may be used to buy or maintain covered equipment or services (47 CFR 54.9 [M]), and covered equipment gets no new FCC equipment authorization (Report and Order FCC 22-84, November 2022 [S])',
        ...(ctx.date >= CONTINUED_SALE_ORDER ? ['an FCC order of 28 October 2025 sets up a process to prohibit the continued import or sale of covered equipment authorized before [S]'] : []),
        ...(usf ? ['the organization receives Universal Service Fund support for this asset: using it is prohibited (47 CFR 54.9 [M]; the conservative reading while the text is unchecked)'] : []),
      ],
      obligations: usf
        ? [obligation({ id: 'us.infra/47cfr54.9', what: `Stop using Universal Service Fund support for ${ctx.asset.name ?? ctx.asset.id}; remove or replace it`, citation: '47 CFR 54.9 [M]' }, ctx.facts.asOf)]
        : [],
    };
  },
});

export const FCC_RULES = [coveredEquipment];

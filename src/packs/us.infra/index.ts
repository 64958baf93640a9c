/**
 * `us.infra` — U.S. rules on the technology a company runs or ships: the FCC Covered List,
 * Section 889 / FAR 52.204-25, the DoD 1260H list (FY2024 NDAA §805), PAFACA, OFAC blocking, and
 * the 2020 Clean Network lines as historical policy. It judges inventory `assets`; flows are
 * not its subject.
 */
import { ref, runRules, type Rule } from '../../engine/rule.js';
import type { Pack, PackContext } from '../../engine/pack.js';
import type { Decision, Verdict } from '../../engine/types.js';
import type { Asset } from '../../inventory/schema.js';
import { infraContext, nameMatch, type InfraContext } from './context.js';
import { valueAt } from '../../engine/params.js';
import type { CivilDate } from '../../time/civil-date.js';
import { PAFACA, SECTION_889_COMPANIES } from './params.js';
import { FCC_RULES } from './fcc-covered-list.js';
import { SECTION_889_RULES } from './section-889.js';
import { NDAA_805_RULES } from './ndaa-2024-805.js';
import { PAFACA_RULES } from './pafaca.js';
import { OFAC_RULES } from './ofac.js';
import { CLEAN_NETWORK_RULES } from './clean-network-2020.js';
import { OTHER_LIST_RULES } from './other-lists.js';

export const REGIME = 'us.infra';
export const RULES: readonly Rule<InfraContext>[] = [...OFAC_RULES, ...SECTION_889_RULES, ...FCC_RULES, ...NDAA_805_RULES, ...PAFACA_RULES, ...OTHER_LIST_RULES, ...CLEAN_NETWORK_RULES];

const PRECEDENCE = ['prohibited', 'covered_list_equipment', 'dod_1260h_supplier', 'listed_vendor', 'outside_covered_scope', 'historical_policy'];
const VERDICT: Record<string, Verdict> = {
  prohibited: 'blocked',
  covered_list_equipment: 'conditional',
  dod_1260h_supplier: 'conditional',
  listed_vendor: 'permitted',
  outside_covered_scope: 'permitted',
  historical_policy: 'not_applicable',
  no_finding: 'not_applicable',
};

export function decideAsset(asset: Asset, { facts, asOf }: PackContext): Decision {
  const ctx = infraContext(asset, facts, asOf);
  const fired = [...runRules(RULES, ctx, asOf).fired].sort((a, b) => PRECEDENCE.indexOf(a.finding.outcome ?? '') - PRECEDENCE.indexOf(b.finding.outcome ?? ''));
  const outcome = fired[0]?.finding.outcome ?? 'no_finding';
  return {
    regime: REGIME,
    outcome,
    verdict: VERDICT[outcome] ?? 'conditional',
    rules: fired.length ? fired.map((f) => ref(f.rule)) : [{ id: `${REGIME}/screened`, citation: '47 CFR 1.50002; FAR 52.204-25; FY2024 NDAA §805' }],
    reasons: fired.length ? [...new Set(fired.flatMap((f) => f.finding.reasons))] : [noFindingReason(ctx, asOf)],
    obligations: fired.flatMap((f) => f.finding.obligations ?? []),
  };
}

/**
 * Why nothing fired: the vendor is on no list these rules read; when it is a company Section 889
 * or PAFACA names, that the rule does not reach this asset as declared (not a federal contractor
 * or app store, another kind of asset, another use, or before the rule's date) — not that it is
 * named nowhere.
 */
function noFindingReason(ctx: InfraContext, date: CivilDate): string {
  const named = [
    ...(valueAt(SECTION_889_COMPANIES, date)?.value ?? []).map((c) => ({ by: 'Section 889 (FAR 52.204-25)', keys: c.keys, scope: 'the telecommunications and video surveillance equipment federal contractors use' })),
    ...[valueAt(PAFACA, date)?.value].flatMap((p) => (p ? [{ by: 'PAFACA [M]', keys: p.keys, scope: 'apps that app stores and hosting services distribute' }] : [])),
  ];
  for (const n of named) {
    const hit = nameMatch(ctx.names, n.keys);
    if (hit) return `${ctx.vendorName} is on no list these rules read (FCC Covered List, OFAC SDN, DoD 1260H); it matches "${hit}", a company ${n.by} names, which reaches ${n.scope} — not this asset as declared`;
  }
  return `${ctx.vendorName} is not on a list these rules read (FCC Covered List, OFAC SDN, DoD 1260H) and matches no company they name`;
}

export const usInfra: Pack = {
  id: REGIME,
  version: '2026.11',
  title: 'U.S. infrastructure and supply-chain rules (FCC Covered List, Section 889, 1260H, PAFACA)',
  rules: RULES,
  decideAsset,
};

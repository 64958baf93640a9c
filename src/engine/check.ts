/**
 * `check`: inventory → facts → every pack on every flow → one deterministic result.
 * The functional core: no I/O here.
 */
import { deriveFacts } from '../facts/index.js';
import type { Inventory } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import type { Pack, PackContext } from './pack.js';
import type { AssetDecisions, CheckResult, CheckSummary, Decision, FlowDecisions, Verdict } from './types.js';

export interface CheckOptions {
  readonly asOf: CivilDate;
  readonly packs: readonly Pack[];
}

export function runCheck(inventory: Inventory, options: CheckOptions): CheckResult {
  const facts = deriveFacts(inventory, options.asOf);
  const ctx: PackContext = { facts, asOf: options.asOf };
  const organization: Decision[] = [];
  for (const pack of options.packs) if (pack.decideOrganization) organization.push(...pack.decideOrganization(ctx));
  const flowPacks = options.packs.filter((p) => p.decideFlow);
  const flows: FlowDecisions[] = inventory.flows.map((flow) => ({
    flow: flow.id,
    decisions: flowPacks.map((pack) => pack.decideFlow!(flow, ctx)),
  }));
  const assetPacks = options.packs.filter((p) => p.decideAsset);
  const assets: AssetDecisions[] = inventory.assets.map((asset) => ({
    asset: asset.id,
    decisions: assetPacks.map((pack) => pack.decideAsset!(asset, ctx)),
  }));
  return {
    asOf: options.asOf,
    packs: options.packs.map((p) => ({ id: p.id, version: p.version })),
    organization,
    flows,
    assets,
    summary: summarize(organization, flows, assets),
  };
}

export function summarize(organization: readonly Decision[], flows: readonly FlowDecisions[], assets: readonly AssetDecisions[] = []): CheckSummary {
  const verdicts: Record<Verdict, number> = { blocked: 0, conditional: 0, permitted: 0, not_applicable: 0 };
  let decisions = 0;
  let obligations = 0;
  let overdue = 0;
  const count = (d: Decision) => {
    decisions++;
    verdicts[d.verdict]++;
    obligations += d.obligations.length;
    overdue += d.obligations.filter((o) => o.status === 'overdue').length;
  };
  organization.forEach(count);
  for (const f of flows) f.decisions.forEach(count);
  for (const a of assets) a.decisions.forEach(count);
  return { flows: flows.length, assets: assets.length, decisions, verdicts, obligations, overdue, blocking: verdicts.blocked > 0 || overdue > 0 };
}

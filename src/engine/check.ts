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
  const deciders = options.packs.flatMap((p) => (p.decideFlow ? [p.decideFlow.bind(p)] : []));
  const flows: FlowDecisions[] = new Array<FlowDecisions>(inventory.flows.length);
  for (let i = 0; i < inventory.flows.length; i++) {
    const flow = inventory.flows[i]!;
    const decisions = new Array<Decision>(deciders.length);
    for (let k = 0; k < deciders.length; k++) decisions[k] = deciders[k]!(flow, ctx);
    flows[i] = { flow: flow.id, decisions };
  }
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
    for (const o of d.obligations) if (o.status === 'overdue') overdue++;
  };
  for (const d of organization) count(d);
  for (const f of flows) for (const d of f.decisions) count(d);
  for (const a of assets) for (const d of a.decisions) count(d);
  return { flows: flows.length, assets: assets.length, decisions, verdicts, obligations, overdue, blocking: verdicts.blocked > 0 || overdue > 0 };
}

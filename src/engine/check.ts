/**
 * `check`: inventory → facts → every pack on every flow → one deterministic result.
 * The functional core: no I/O here.
 */
import { deriveFacts } from '../facts/index.js';
import type { Inventory } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import type { DecisionTally, Pack, PackContext } from './pack.js';
import type { AssetDecisions, CheckResult, CheckSummary, Decision, FlowDecisions, Verdict } from './types.js';

export interface CheckOptions {
  readonly asOf: CivilDate;
  readonly packs: readonly Pack[];
}

export function runCheck(inventory: Inventory, options: CheckOptions): CheckResult {
  const facts = deriveFacts(inventory, options.asOf);
  const ctx: PackContext = { facts, asOf: options.asOf };
  const tally = new Tally();
  const organization: Decision[] = [];
  for (const pack of options.packs) if (pack.decideOrganization) organization.push(...pack.decideOrganization(ctx));
  for (const d of organization) tally.add(d);
  // Packs that decide all flows at once do so first; the others flow by flow, each decision
  // counted as it is made, while it is still in cache.
  const flowPacks = options.packs.filter((p) => p.decideFlow || p.decideFlows);
  const n = inventory.flows.length;
  // A pack that decides all flows at once may count its decisions as it makes them (`tally`):
  // then they are not read again here, long after they left the cache.
  const counts: boolean[] = [];
  const batches = flowPacks.map((p) => {
    if (!p.decideFlows) {
      counts.push(true);
      return undefined;
    }
    const before = tally.count;
    const b = p.decideFlows(ctx, tally);
    if (b.length !== n) throw new Error(`a pack decided ${b.length} of ${n} flows`);
    const added = tally.count - before;
    if (added !== 0 && added !== n) throw new Error(`pack ${p.id} counted ${added} of the ${n} decisions it made`);
    counts.push(added === 0);
    return b;
  });
  const flows: FlowDecisions[] = new Array<FlowDecisions>(n);
  for (let i = 0; i < n; i++) {
    const flow = inventory.flows[i]!;
    const decisions = new Array<Decision>(flowPacks.length);
    for (let k = 0; k < flowPacks.length; k++) {
      const d = (decisions[k] = batches[k]?.[i] ?? flowPacks[k]!.decideFlow!(flow, ctx, i));
      if (counts[k]) tally.add(d);
    }
    flows[i] = { flow: flow.id, decisions };
  }
  const assetPacks = options.packs.filter((p) => p.decideAsset);
  const assets: AssetDecisions[] = inventory.assets.map((asset) => ({
    asset: asset.id,
    decisions: assetPacks.map((pack) => pack.decideAsset!(asset, ctx)),
  }));
  for (const a of assets) for (const d of a.decisions) tally.add(d);
  return {
    asOf: options.asOf,
    packs: options.packs.map((p) => ({ id: p.id, version: p.version })),
    organization,
    flows,
    assets,
    summary: tally.summary(flows.length, assets.length),
  };
}

/** Counts of decisions, verdicts and obligations, added one decision at a time. */
class Tally implements DecisionTally {
  // One counter per verdict as a field of its own (a store under a computed key is a dictionary
  // lookup, and this runs once per decision).
  private blocked = 0;
  private conditional = 0;
  private permitted = 0;
  private notApplicable = 0;
  private decisions = 0;
  private obligations = 0;
  private overdue = 0;

  /** Decisions counted so far. */
  get count(): number {
    return this.decisions;
  }

  add(d: Decision): void {
    this.decisions++;
    switch (d.verdict) {
      case 'blocked':
        this.blocked++;
        break;
      case 'conditional':
        this.conditional++;
        break;
      case 'permitted':
        this.permitted++;
        break;
      case 'not_applicable':
        this.notApplicable++;
        break;
    }
    const obligations = d.obligations;
    this.obligations += obligations.length;
    for (let i = 0; i < obligations.length; i++) if (obligations[i]!.status === 'overdue') this.overdue++;
  }

  summary(flows: number, assets: number): CheckSummary {
    const verdicts: Record<Verdict, number> = { blocked: this.blocked, conditional: this.conditional, permitted: this.permitted, not_applicable: this.notApplicable };
    return { flows, assets, decisions: this.decisions, verdicts, obligations: this.obligations, overdue: this.overdue, blocking: verdicts.blocked > 0 || this.overdue > 0 };
  }
}

export function summarize(organization: readonly Decision[], flows: readonly FlowDecisions[], assets: readonly AssetDecisions[] = []): CheckSummary {
  const tally = new Tally();
  for (const d of organization) tally.add(d);
  for (const f of flows) for (const d of f.decisions) tally.add(d);
  for (const a of assets) for (const d of a.decisions) tally.add(d);
  return tally.summary(flows.length, assets.length);
}

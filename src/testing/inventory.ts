/** Test-only: build validated inventories from terse literals (defaults filled by the schema). */
import { Inventory, type InventoryInput } from '../inventory/schema.js';
import { runCheck } from '../engine/check.js';
import type { Pack } from '../engine/pack.js';
import type { Decision } from '../engine/types.js';
import type { CivilDate } from '../time/civil-date.js';

type Input = Omit<InventoryInput, 'organization'> & { organization?: Partial<InventoryInput['organization']> };

export function inventory(input: Input): Inventory {
  return Inventory.parse({
    ...input,
    organization: { id: 'us-co', name: 'US Co', organizedIn: 'US', ...(input.organization ?? {}) },
  });
}

/** Runs one pack and returns the decision for the named flow (default: the first). */
export function decide(pack: Pack, inv: Inventory, asOf: CivilDate, flowId?: string): Decision {
  const result = runCheck(inv, { asOf, packs: [pack] });
  const f = flowId ? result.flows.find((x) => x.flow === flowId) : result.flows[0];
  if (!f) throw new Error(`no flow ${flowId ?? '(first)'}`);
  return f.decisions[0]!;
}

/** Runs one pack and returns the decision for the named asset (default: the first). */
export function decideAsset(pack: Pack, inv: Inventory, asOf: CivilDate, assetId?: string): Decision {
  const result = runCheck(inv, { asOf, packs: [pack] });
  const a = assetId ? result.assets.find((x) => x.asset === assetId) : result.assets[0];
  if (!a) throw new Error(`no asset ${assetId ?? '(first)'}`);
  return a.decisions[0]!;
}

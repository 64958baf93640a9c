/**
 * datacustoms — the library API. `check` gives the same result as the CLI's JSON.
 */
export { check, type CheckInput } from './check.js';
export { runCheck, type CheckOptions } from './engine/check.js';
export type { AssetDecisions, CheckResult, CheckSummary, Decision, FlowDecisions, Obligation, ObligationStatus, PackInfo, RuleRef, Verdict } from './engine/types.js';
export type { Pack, PackContext } from './engine/pack.js';
export type { Rule, RuleMeta, Finding } from './engine/rule.js';
export { PACKS } from './packs/index.js';
export { loadInventory, parseInventoryText } from './inventory/load.js';
export { inventoryJsonSchema } from './inventory/json-schema.js';
export { Inventory as InventorySchema } from './inventory/schema.js';
export type { Inventory, Organization, Entity, System, Dataset, Flow, Asset, Safeguard } from './inventory/schema.js';
export { CATEGORIES, type CategoryId } from './inventory/taxonomy.js';
export { InputError, ExitCode } from './common/errors.js';
export { main as cli } from './cli/main.js';

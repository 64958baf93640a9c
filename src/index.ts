/**
 * datacustoms — the library API. `check` gives the same result as the CLI's JSON.
 */
export { check, type CheckInput } from './check.js';
export { runCheck, type CheckOptions } from './engine/check.js';
export type { AssetDecisions, CheckResult, CheckSummary, Decision, FlowDecisions, Obligation, ObligationStatus, PackInfo, RuleRef, Verdict } from './engine/types.js';
export type { DecisionTally, Pack, PackContext } from './engine/pack.js';
export type { Rule, RuleMeta, Finding } from './engine/rule.js';
export { PACKS } from './packs/index.js';
export { loadInventory, parseInventoryText } from './inventory/load.js';
export { inventoryJsonSchema } from './inventory/json-schema.js';
export { Inventory as InventorySchema } from './inventory/schema.js';
export type { Inventory, Organization, Entity, System, Dataset, Flow, Asset, Safeguard } from './inventory/schema.js';
export { CATEGORIES, type CategoryId } from './inventory/taxonomy.js';
export { InputError, ExitCode } from './common/errors.js';
export { main as cli } from './cli/main.js';

// --- scan: sensitive-data discovery in files and databases (docs/scan.md) -------------------
export { scan, inventoryUpdates, type ScanOptions, type ScanRun, type ScanReport, type SourceReport } from './scan/index.js';
export { writeInventory } from './scan/write-inventory.js';

// --- lists and screening (docs/lists.md, docs/screen.md) -------------------------------------
export { screen, buildMatcher, designationsFrom, DEFAULT_ALERT_THRESHOLD, type ScreenQuery, type ScreenOptions, type ScreenResult, type ScreenMatch } from './screen/screen.js';
export { parseListFile, parseListDir } from './screen/lists/index.js';
export type { ListEntry } from './screen/types.js';

// --- SBOM × OSV advisories (docs/sbom.md) -----------------------------------------------------
export { readSbomFile, parseSbom, matchSboms, type SbomReport } from './sbom/scan.js';
export { loadAdvisories } from './sbom/osv/load.js';

// --- reporting clocks (docs/clocks.md) --------------------------------------------------------
export { evaluateClocks, toIcs, csafAdvisory, openVex, CLOCK_PACKS, type ClocksResult, type ClockObligation } from './clocks/index.js';
/** The working-day calendars of a run with the inventory's `calendars` years: `evaluateClocks(org, events, { asOf, calendars: runCalendars(inventory.calendars) })`. */
export { runCalendars, type RunCalendars } from './time/working-days.js';

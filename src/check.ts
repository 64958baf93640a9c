/**
 * The library entry for `check`: the same result as `datacustoms check --format json`.
 */
import { runCheck } from './engine/check.js';
import type { CheckResult } from './engine/types.js';
import type { Pack } from './engine/pack.js';
import { InputError } from './common/errors.js';
import { loadInventory, parseInventoryText } from './inventory/load.js';
import type { Inventory } from './inventory/schema.js';
import { PACKS, findPack } from './packs/index.js';
import { isCivilDate, today, type CivilDate } from './time/civil-date.js';

export interface CheckInput {
  /** Inventory files or directories (YAML/JSON), merged. */
  readonly files?: readonly string[];
  /** Inventory text (YAML or JSON), instead of files. */
  readonly text?: string;
  /** An inventory already parsed. */
  readonly inventory?: Inventory;
  /** Evaluation date, YYYY-MM-DD (default: today in UTC). */
  readonly asOf?: string;
  /** Restrict to these pack ids (default: all). */
  readonly packs?: readonly string[];
}

export function resolvePacks(ids: readonly string[] | undefined): readonly Pack[] {
  if (!ids || ids.length === 0) return PACKS;
  // A pack named twice is run once (its decisions would otherwise be made and counted twice).
  return [...new Set(ids)].map((id) => {
    const p = findPack(id);
    if (!p) throw new InputError({ file: '<argv>', path: '--pack', message: `unknown pack "${id}" (available: ${PACKS.map((x) => x.id).join(', ')})` });
    return p;
  });
}

/** The latest evaluation date: its deadlines stay within four-digit years. */
export const LAST_AS_OF = '9899-12-31';

export function resolveAsOf(asOf: string | undefined): CivilDate {
  if (asOf === undefined) return today('UTC');
  if (!isCivilDate(asOf)) throw new InputError({ file: '<argv>', path: '--as-of', message: `expected a date as YYYY-MM-DD, got "${asOf}"` });
  // Deadlines fall months or years after the date judged, and dates compare as YYYY-MM-DD text:
  // one in year 10000 would sort before the date and read as overdue.
  if (asOf > LAST_AS_OF) throw new InputError({ file: '<argv>', path: '--as-of', message: `expected a date up to ${LAST_AS_OF}, got "${asOf}"` });
  return asOf;
}

/**
 * Loads the inventory and evaluates every selected pack on every flow. `stage`, when given, is
 * told what is about to happen ("reading …", "deciding N flow(s) …"), for progress on long runs.
 */
export function check(input: CheckInput, stage?: (text: string) => void): CheckResult {
  const asOf = resolveAsOf(input.asOf);
  const packs = resolvePacks(input.packs);
  let inventory = input.inventory;
  if (!inventory) {
    const files = input.files ?? [];
    stage?.(`reading ${input.text !== undefined ? 'the inventory' : files.length === 1 ? files[0] : `${files.length} inventory paths`}…`);
    inventory = input.text !== undefined ? parseInventoryText(input.text) : loadInventory(files);
  }
  stage?.(`deciding ${inventory.flows.length.toLocaleString('en-US')} flow(s) under ${packs.length} regime(s) as of ${asOf}…`);
  return runCheck(inventory, { asOf, packs });
}

/**
 * Looks up registered Chinese names for list entries: an entry gets the registered name of a
 * table row when one of its names equals one of the row's listed names once legal forms are set
 * aside ("Huawei Technologies Company" and "HUAWEI TECHNOLOGIES CO., LTD." are the same row).
 */
import { REGISTERED_NAMES, type RegisteredName } from './table.js';
import { analyzeName } from '../match/analyze.js';
import type { MatchSettings } from '../match/params.js';

export { REGISTERED_NAMES, type RegisteredName } from './table.js';

/** A name's words without its legal forms: the key rows are matched on. */
export function coreKey(name: string, s: MatchSettings): string {
  return analyzeName(name, s)
    .tokens.filter((t) => t.kind !== 'legal')
    .map((t) => t.text)
    .join(' ');
}

let byKey: Map<string, RegisteredName[]> | undefined;

function index(s: MatchSettings): Map<string, RegisteredName[]> {
  if (byKey) return byKey;
  const m = new Map<string, RegisteredName[]>();
  for (const row of REGISTERED_NAMES) {
    for (const n of [row.listedName, ...(row.otherListedNames ?? [])]) {
      const k = coreKey(n, s);
      if (!k) continue;
      const list = m.get(k) ?? [];
      if (!list.includes(row)) list.push(row);
      m.set(k, list);
    }
  }
  return (byKey = m);
}

/** The rows whose listed names match any of `names` (name and aliases of one entry). */
export function registeredNamesFor(names: readonly string[], s: MatchSettings): RegisteredName[] {
  const idx = index(s);
  const out: RegisteredName[] = [];
  for (const n of names) {
    for (const row of idx.get(coreKey(n, s)) ?? []) if (!out.includes(row)) out.push(row);
  }
  return out;
}

/** The rows for entries whose names have these core keys (see {@link coreKey}). */
export function registeredNamesForKeys(keys: readonly string[], s: MatchSettings): RegisteredName[] {
  const idx = index(s);
  const out: RegisteredName[] = [];
  for (const k of keys) for (const row of idx.get(k) ?? []) if (!out.includes(row)) out.push(row);
  return out;
}

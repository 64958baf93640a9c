import type { EffectiveDesignation, Facts } from '../../facts/index.js';
import type { Asset, Entity } from '../../inventory/schema.js';
import type { CivilDate } from '../../time/civil-date.js';
import { heldOn } from '../../inventory/held.js';

export interface InfraContext {
  readonly asset: Asset;
  readonly vendor: Entity | undefined;
  readonly vendorName: string;
  /** Names to match against named companies: the vendor's names and those of its owners up the chain. */
  readonly names: readonly string[];
  readonly designations: readonly EffectiveDesignation[];
  readonly facts: Facts;
  readonly date: CivilDate;
}

export function infraContext(asset: Asset, facts: Facts, date: CivilDate): InfraContext {
  const vendor = facts.entities.get(asset.vendor);
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string, depth: number) => {
    if (seen.has(id) || depth > 8) return;
    seen.add(id);
    const e = facts.entities.get(id);
    if (!e) return;
    names.push(e.name, ...e.aliases);
    // Subsidiaries and affiliates: majority owners' names count too (those owning it on the date).
    for (const o of e.owners) if ((o.percent ?? 50) >= 50 && heldOn(o, date)) walk(o.entity, depth + 1);
  };
  walk(asset.vendor, 0);
  return { asset, vendor, vendorName: vendor?.name ?? asset.vendor, names, designations: facts.designations.get(asset.vendor) ?? [], facts, date };
}

/**
 * Does any of the names contain any of the keys (case-insensitive)? Returns the matching name.
 * A key in Latin script must start a word ("ZTE Corporation", "ZTEsoft"), so that it is not
 * found inside another word ("Aztec"); a key in Han script has no word boundaries to respect.
 */
export function nameMatch(names: readonly string[], keys: readonly string[]): string | undefined {
  for (const n of names) {
    if (keys.some((k) => keyPattern(k).test(n))) return n;
  }
  return undefined;
}

const KEY_PATTERNS = new Map<string, RegExp>();
function keyPattern(key: string): RegExp {
  let re = KEY_PATTERNS.get(key);
  if (!re) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(/^[\p{Script=Latin}\p{N}]/u.test(key) ? `(?<![\\p{Script=Latin}\\p{N}])${escaped}` : escaped, 'iu');
    KEY_PATTERNS.set(key, re);
  }
  return re;
}

/**
 * A designation as reasons cite it: the list, the program or scope the list gives (in full: it
 * is the text that says what the listing covers), since when, and the name it was matched as.
 * "fcc.covered: International and interstate telecommunications services provided by China
 * Telecom (Americas) Corporation…, since 2022-03-25, as "China Telecom (Americas) Corp."".
 */
export function describeDesignation(d: EffectiveDesignation): string {
  const when = d.listedFrom ? `, since ${d.listedFrom}` : '';
  if (d.inherited) return `${d.list}${when}, inherited: ${d.via}`;
  return `${d.list}${d.program ? `: ${d.program}` : ''}${when}${d.matchedName ? `, as "${d.matchedName}"` : ''}`;
}

/**
 * The pack's obligations, shared: the same duty (same id, text, recipient, citation, dates and
 * as-of date) is built once by the engine's `obligation()`, frozen, and shared by every flow that
 * owes it. In a large inventory thousands of flows owe the same notice, consent and PIPIA duties
 * with the same dates; results are immutable, so sharing changes nothing in them.
 */
import { obligation as build } from '../../engine/obligation.js';
import type { Obligation } from '../../engine/types.js';
import type { CivilDate } from '../../time/civil-date.js';

export type DutyInput = Parameters<typeof build>[0];

// One map, keyed by the id and the dates (one lookup: the trie of maps this replaced cost a cache
// miss per level); at each key, the duties made so far, told apart by their text, recipient and
// citation (mostly the same string constants: compared by identity first).
let made = new Map<string, Obligation[]>();
let size = 0;
/** Past this many distinct duties the memo starts over (a long-lived process sees many inventories). */
const MAX = 200_000;

/** `obligation()` of the engine, once per distinct duty and as-of date. */
export function obligation(o: DutyInput, asOf: CivilDate): Obligation {
  const key = `${o.id}\u0000${o.due ?? '\u0001'}\u0000${o.doneOn ?? '\u0001'}\u0000${asOf}`;
  let list = made.get(key);
  if (list) for (const m of list) if (m.what === o.what && m.citation === o.citation && m.to === (o.to || undefined)) return m;
  if (size >= MAX) {
    made = new Map();
    size = 0;
    list = undefined;
  }
  if (!list) made.set(key, (list = []));
  const m = Object.freeze(build(o, asOf));
  list.push(m);
  size++;
  return m;
}

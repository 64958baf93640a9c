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

// A trie over the fields, in the order that narrows fastest for the duties of one run.
type Level = Map<string | undefined, Level | Obligation>;
let root: Level = new Map();
let size = 0;
/** Past this many distinct duties the memo starts over (a long-lived process sees many inventories). */
const MAX = 200_000;

function step(level: Level, key: string | undefined): Level {
  let next = level.get(key) as Level | undefined;
  if (!next) level.set(key, (next = new Map()));
  return next;
}

/** `obligation()` of the engine, once per distinct duty and as-of date. */
export function obligation(o: DutyInput, asOf: CivilDate): Obligation {
  const leaf = step(step(step(step(step(step(root, o.id), o.what), o.citation), o.to), o.due), o.doneOn);
  let made = leaf.get(asOf) as Obligation | undefined;
  if (!made) {
    if (size >= MAX) {
      root = new Map();
      size = 0;
      return obligation(o, asOf);
    }
    made = Object.freeze(build(o, asOf));
    leaf.set(asOf, made);
    size++;
  }
  return made;
}

/**
 * The pack's obligations, shared: the same duty (same id, text, recipient, citation, due date
 * and status) is built once by the engine's `obligation()`, frozen, and shared by every flow that
 * owes it. In a large inventory thousands of flows owe the same notice, consent and PIPIA duties
 * with the same dates; results are immutable, so sharing changes nothing in them.
 */
import { obligation as build, statusOn } from '../../engine/obligation.js';
import type { Obligation } from '../../engine/types.js';
import { dateOrdinal, type CivilDate } from '../../time/civil-date.js';

export type DutyInput = Parameters<typeof build>[0];

// Per as-of date and duty id (string constants of the run and the rule: hashed once), per due
// date as a number (no key string to build and hash on every call), the duties made so far,
// told apart by their status, text, recipient and citation (mostly the same constants: compared
// by identity first).
let made = new Map<CivilDate, Map<string, Map<number, Obligation[]>>>();
let size = 0;
/** Past this many distinct duties the memo starts over (a long-lived process sees many inventories). */
const MAX = 200_000;

/** `obligation()` of the engine, once per distinct duty and as-of date. */
export function obligation(o: DutyInput, asOf: CivilDate): Obligation {
  if (size >= MAX) {
    made = new Map();
    size = 0;
  }
  let byId = made.get(asOf);
  if (!byId) made.set(asOf, (byId = new Map()));
  let byDue = byId.get(o.id);
  if (!byDue) byId.set(o.id, (byDue = new Map()));
  const due = o.due ? dateOrdinal(o.due) : -1;
  let list = byDue.get(due);
  if (list) {
    const status = statusOn(o, asOf);
    const to = o.to || undefined;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m.status === status && m.what === o.what && m.citation === o.citation && m.to === to) return m;
    }
  } else byDue.set(due, (list = []));
  const m = Object.freeze(build(o, asOf));
  list.push(m);
  size++;
  return m;
}


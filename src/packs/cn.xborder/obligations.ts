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
// date as a number (no key string to build and hash on every call) and per text, the duties made
// so far, told apart by their status, recipient and citation (mostly the same constants: compared
// by identity first). The text is a key of its own: a duty that names its recipient or its flow
// (NDSMR Art. 12 records, Art. 31 assessments) has thousands of texts for one id and due date,
// and a list of them searched on every call made a run quadratic.
let made = new Map<CivilDate, Map<string, Map<number, Map<string, Obligation[]>>>>();
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
  let byWhat = byDue.get(due);
  if (!byWhat) byDue.set(due, (byWhat = new Map()));
  let list = byWhat.get(o.what);
  if (list) {
    const status = statusOn(o, asOf);
    const to = o.to || undefined;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m.status === status && m.citation === o.citation && m.to === to) return m;
    }
  } else byWhat.set(o.what, (list = []));
  const m = Object.freeze(build(o, asOf));
  list.push(m);
  size++;
  return m;
}


import type { CivilDate } from '../time/civil-date.js';
import type { Obligation, ObligationStatus } from './types.js';

/**
 * Builds an obligation with its status as of a date: `done` when fulfilled on or before that
 * date (late or not), `overdue` when the due date has passed, `due` when it has a date ahead
 * or is today, `ongoing` for standing duties. A duty fulfilled after the as-of date was not yet
 * fulfilled then (as a clock does not count a report made after its as-of instant).
 */
export function obligation(
  o: { id: string; what: string; citation: string; to?: string; due?: CivilDate; doneOn?: CivilDate },
  asOf: CivilDate,
): Obligation {
  const status = statusOn(o, asOf);
  // Built in place (no spreads: this runs once per duty of every flow); keys in the same order.
  const out: { -readonly [K in keyof Obligation]: Obligation[K] } = { id: o.id, what: o.what, citation: o.citation, status };
  if (o.to) out.to = o.to;
  if (o.due) out.due = o.due;
  return out;
}

/** The status `obligation()` gives a duty as of a date. */
export function statusOn(o: { due?: CivilDate; doneOn?: CivilDate }, asOf: CivilDate): ObligationStatus {
  if (o.doneOn !== undefined && o.doneOn <= asOf) return 'done';
  if (o.due === undefined) return 'ongoing';
  return o.due < asOf ? 'overdue' : 'due';
}

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
  // One literal per set of keys, keys always in the same order (no spreads: this runs once per
  // duty of every flow). A key added after the literal would not fit in the object: V8 would
  // give it a separate property store (40 bytes more per duty, kept as long as the result).
  const { id, what, citation, to, due } = o;
  if (to) return due ? { id, what, citation, status, to, due } : { id, what, citation, status, to };
  return due ? { id, what, citation, status, due } : { id, what, citation, status };
}

/** The status `obligation()` gives a duty as of a date. */
export function statusOn(o: { due?: CivilDate; doneOn?: CivilDate }, asOf: CivilDate): ObligationStatus {
  if (o.doneOn !== undefined && o.doneOn <= asOf) return 'done';
  if (o.due === undefined) return 'ongoing';
  return o.due < asOf ? 'overdue' : 'due';
}

import type { CivilDate } from '../time/civil-date.js';
import type { Obligation, ObligationStatus } from './types.js';

/**
 * Builds an obligation with its status as of a date: `done` when fulfilled, `overdue` when the
 * due date has passed, `due` when it has a date ahead, `ongoing` for standing duties.
 */
export function obligation(
  o: { id: string; what: string; citation: string; to?: string; due?: CivilDate; doneOn?: CivilDate },
  asOf: CivilDate,
): Obligation {
  let status: ObligationStatus;
  if (o.doneOn !== undefined) status = 'done';
  else if (o.due === undefined) status = 'ongoing';
  else status = o.due < asOf ? 'overdue' : 'due';
  const out: Obligation = { id: o.id, what: o.what, citation: o.citation, status };
  return { ...out, ...(o.to ? { to: o.to } : {}), ...(o.due ? { due: o.due } : {}) };
}

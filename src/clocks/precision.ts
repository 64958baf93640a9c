/**
 * How precise an event's times are. A date alone (`2021-12-10`) is read as 00:00 that day, the
 * earliest it can have been; the fact may have happened at any moment of that day in the zone
 * the event's times are read in. Comparing two times is then certain only when their spans do
 * not overlap.
 */
import { addDays } from '../time/civil-date.js';
import { dateIn, startOfDay, type Instant } from '../time/zoned.js';

/** The earliest and latest instant a resolved field of the event can stand for. */
export interface Span {
  readonly earliest: Instant;
  readonly latest: Instant;
}

/** The span of a field whose instant is `at`; `dateOnly` when only a date was given, read in `zone`. */
export function spanOf(at: Instant, dateOnly: boolean, zone: string): Span {
  if (!dateOnly) return { earliest: at, latest: at };
  return { earliest: at, latest: startOfDay(addDays(dateIn(at, zone), 1), zone) - 1 };
}

/** A field of the event by name (`learned`, `sharedWith[0].at`, …), or undefined when not given. */
export function fieldSpan(c: { readonly instants: ReadonlyMap<string, Instant>; readonly dateOnly: ReadonlySet<string>; readonly zone: string }, name: string): Span | undefined {
  const at = c.instants.get(name);
  return at === undefined ? undefined : spanOf(at, c.dateOnly.has(name), c.zone);
}

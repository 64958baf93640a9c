/**
 * The span of time clocks work in. Kept apart from evaluate.ts so that the event schema
 * (src/inventory/events.ts) can check times with it without importing the packs.
 */
import { parseInstant, type Instant } from '../time/zoned.js';

/**
 * The instants clocks can count from and write: a due date is up to a month and some days
 * after its anchor and is written in zones up to 14 h from UTC, which must stay within the
 * years 0000-9999 of ISO 8601's four-digit years. Instants outside years 0001-9998 (UTC) are
 * bad input.
 */
export const CLOCK_RANGE = { from: '0001-01-01T00:00:00Z', until: '9999-01-01T00:00:00Z', words: 'years 0001 to 9998 (UTC)' } as const;
const MIN_INSTANT = parseInstant(CLOCK_RANGE.from, 'UTC')!.instant;
const MAX_INSTANT = parseInstant(CLOCK_RANGE.until, 'UTC')!.instant;

/** True when clocks can count from `instant` (see CLOCK_RANGE). */
export function inClockRange(instant: Instant): boolean {
  return instant >= MIN_INSTANT && instant < MAX_INSTANT;
}

/**
 * Parses a time for the clocks: undefined when it is not a date or date-time, 'out-of-range'
 * when it lies outside CLOCK_RANGE (reading such a text in a zone can itself fall outside the
 * years the runtime formats).
 */
export function parseClockInstant(text: string, zone: string): ReturnType<typeof parseInstant> | 'out-of-range' {
  let p: ReturnType<typeof parseInstant>;
  try {
    p = parseInstant(text, zone);
  } catch (e) {
    if (e instanceof RangeError) return 'out-of-range';
    throw e;
  }
  if (p && !inClockRange(p.instant)) return 'out-of-range';
  return p;
}

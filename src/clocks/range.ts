/**
 * The span of time clocks work in. Kept apart from evaluate.ts so that the event schema
 * (src/inventory/events.ts) can check times with it without importing the packs.
 */
import { MS_PER_DAY, MS_PER_MINUTE, parseInstant, toLocal, zoneOffset, type Instant } from '../time/zoned.js';

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

const LOCAL_TIME = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*$/;

/**
 * When `text` is a date-time without an offset that the clocks of `zone` never showed (the hour
 * skipped when daylight saving time starts), why, in words; otherwise undefined. Such a time can
 * be read with the offset before or after the change, an hour apart, and an hour clock would
 * run from whichever was picked: it is bad input, to be written with its offset.
 */
export function skippedLocalTime(text: string, zone: string): string | undefined {
  const m = LOCAL_TIME.exec(text);
  if (!m) return undefined;
  const p = parseClockInstant(text, zone);
  if (p === undefined || p === 'out-of-range') return undefined;
  const local = toLocal(p.instant, zone);
  const same = local.date === m[1] && local.hour === Number(m[2]) && local.minute === Number(m[3]) && local.second === Number(m[4] ?? 0);
  if (same) return undefined;
  const before = zoneOffset(p.instant - MS_PER_DAY, zone);
  const after = zoneOffset(p.instant + MS_PER_DAY, zone);
  const whole = (ms: number) => ms % MS_PER_MINUTE === 0;
  const off = (ms: number) => {
    const min = Math.abs(ms) / MS_PER_MINUTE;
    return `${ms < 0 ? '-' : '+'}${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  };
  const change = whole(before) && whole(after) ? ` (UTC${off(before)} to UTC${off(after)})` : '';
  const example = whole(before) && whole(after) && before !== after ? `, e.g. "${text.trim()}${off(before)}" or "${text.trim()}${off(after)}"` : '';
  return `"${text}" never occurred in ${zone}: its clocks skipped that time when the offset changed${change}; write the time with its UTC offset${example}`;
}

/**
 * Instants and IANA time zones, using only the runtime's `Intl` (no time-zone database is
 * downloaded or bundled).
 *
 * An instant is a number of milliseconds since 1970-01-01T00:00:00Z. Reporting clocks are
 * computed on instants: "24 hours" means 24 elapsed hours, whatever a DST change does to the
 * wall clock in between. Day counts ("within 2 days", "4 business days") are counted on civil
 * dates in the regulator's zone and end at the last second of the last day there.
 */
import { isCivilDate, type CivilDate } from './civil-date.js';

/** Milliseconds since the Unix epoch. */
export type Instant = number;

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** A wall-clock reading in some zone. */
export interface LocalDateTime {
  readonly date: CivilDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows `timeZone` as an IANA zone name (or `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function toLocal(instant: Instant, timeZone: string): LocalDateTime {
  const f = fieldsIn(instant, timeZone);
  if (f.year < 0 || f.year > 9999) throw new RangeError(`instant outside years 0000-9999: ${instant}`);
  const date = `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}`;
  return { date, hour: f.hour, minute: f.minute, second: f.second, millisecond: instant - f.whole };
}

/** Wall-clock fields of a whole second in a zone (see fieldsIn). */
interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly whole: number;
}

/**
 * Fields already read, per zone and whole second. `formatToParts` costs tens of microseconds and
 * the clocks ask for the same few instants again and again (a run over 4,000 events: 388,000
 * readings of 4,844 distinct seconds), so each is read once. Bounded: past MEMO_MAX readings it
 * starts over.
 */
const fieldsMemo = new Map<string, Map<number, Fields>>();
let memoSize = 0;
const MEMO_MAX = 100_000;

/** The wall-clock fields of `instant` in `timeZone`, the year proleptic (1 BC is 0) and unbounded. */
function fieldsIn(instant: Instant, timeZone: string): Fields {
  const whole = Math.floor(instant / MS_PER_SECOND) * MS_PER_SECOND;
  let byZone = fieldsMemo.get(timeZone);
  let f = byZone?.get(whole);
  if (f !== undefined) return f;
  if (memoSize >= MEMO_MAX) {
    fieldsMemo.clear();
    memoSize = 0;
    byZone = undefined;
  }
  if (byZone === undefined) fieldsMemo.set(timeZone, (byZone = new Map()));
  f = readFields(whole, timeZone);
  byZone.set(whole, f);
  memoSize++;
  return f;
}

/** fieldsIn without the memo: what the zone's formatter says of the whole second `whole`. */
function readFields(whole: Instant, timeZone: string): Fields {
  const parts = formatterFor(timeZone).formatToParts(new Date(whole));
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  return { year, month, day, hour, minute, second, whole };
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (east of Greenwich is positive). */
export function zoneOffset(instant: Instant, timeZone: string): number {
  // read from the fields, not a civil date: fromLocal probes a day either side of its guess,
  // which may fall outside years 0000-9999 at the ends of the range
  const f = fieldsIn(instant, timeZone);
  const t = new Date(0);
  t.setUTCFullYear(f.year, f.month - 1, f.day);
  t.setUTCHours(f.hour, f.minute, f.second, 0);
  return t.getTime() - f.whole;
}

function localAsUtc(l: LocalDateTime): number {
  const y = Number(l.date.slice(0, 4));
  const mo = Number(l.date.slice(5, 7));
  const d = Number(l.date.slice(8, 10));
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(l.hour, l.minute, l.second, l.millisecond);
  return t.getTime();
}

function sameLocal(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.date === b.date && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/**
 * How to resolve a wall-clock time that happens twice (autumn DST overlap) or never (spring
 * gap). `compatible` follows RFC 5545 and Temporal: the earlier of two, and for a gap the time
 * shifted forward by the gap's length.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

/** The instant at which the clock in `timeZone` reads `local`. */
export function fromLocal(local: LocalDateTime, timeZone: string, disambiguation: Disambiguation = 'compatible'): Instant {
  const guess = localAsUtc(local);
  const before = zoneOffset(guess - MS_PER_DAY, timeZone);
  const after = zoneOffset(guess + MS_PER_DAY, timeZone);
  const candidates = [...new Set([guess - before, guess - after])]
    .filter((ms) => sameLocal(toLocal(ms, timeZone), local))
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return disambiguation === 'later' ? candidates[candidates.length - 1]! : candidates[0]!;
  }
  // A gap: the reading never occurs. Interpreted with the offset in force before the gap, it
  // lands after the gap (compatible, later); with the offset after, before the gap (earlier).
  return disambiguation === 'earlier' ? guess - after : guess - before;
}

/** The first instant of `date` in `timeZone` (00:00, or the end of a DST gap at midnight). */
export function startOfDay(date: CivilDate, timeZone: string): Instant {
  return fromLocal({ date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/**
 * The last whole second of `date` in `timeZone` (23:59:59). Day-counted deadlines end "at
 * 24:00" of their last day; datacustoms writes that as 23:59:59 so the instant stays on the
 * right date in ISO 8601 and RFC 3339 (which have no 24:00).
 */
export function endOfDay(date: CivilDate, timeZone: string): Instant {
  return fromLocal({ date, hour: 23, minute: 59, second: 59, millisecond: 0 }, timeZone, 'later');
}

/** The civil date of `instant` in `timeZone`. */
export function dateIn(instant: Instant, timeZone: string): CivilDate {
  return toLocal(instant, timeZone).date;
}

/** Elapsed-time arithmetic: `hours` hours after `instant` (DST does not matter). */
export function addHours(instant: Instant, hours: number): Instant {
  return instant + hours * MS_PER_HOUR;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalMin = Math.round(Math.abs(offsetMs) / MS_PER_MINUTE);
  return `${sign}${pad2(Math.floor(totalMin / 60))}:${pad2(totalMin % 60)}`;
}

/**
 * ISO 8601 / RFC 3339 text of `instant` as read in `timeZone`, with that zone's offset:
 * `2021-11-26T23:59:59+08:00`. Milliseconds appear only when not zero. An offset that is not a
 * whole number of minutes gives the instant in UTC (`Z`).
 */
export function formatInstant(instant: Instant, timeZone: string): string {
  const off = zoneOffset(instant, timeZone);
  // An offset with seconds (local mean time, before a zone adopted standard time: Shanghai
  // +08:05:43 until 1901) cannot be written as ±HH:MM: the instant is given in UTC instead.
  if (off % MS_PER_MINUTE !== 0) return formatInstant(instant, 'UTC');
  const l = toLocal(instant, timeZone);
  const ms = l.millisecond ? `.${String(l.millisecond).padStart(3, '0')}` : '';
  const offText = off === 0 && timeZone === 'UTC' ? 'Z' : formatOffset(off);
  return `${l.date}T${pad2(l.hour)}:${pad2(l.minute)}:${pad2(l.second)}${ms}${offText}`;
}

/** `2021-11-26T15:59:59Z`. */
export function formatUtc(instant: Instant): string {
  return formatInstant(instant, 'UTC');
}

/** A parsed point in time, remembering whether only a date was given. */
export interface ParsedInstant {
  readonly instant: Instant;
  /** Only a calendar date was given; `instant` is the start of that day in the zone used. */
  readonly dateOnly: boolean;
  /** The text carried its own offset (`Z`, `+08:00`); the default zone was not used. */
  readonly hasOffset: boolean;
}

const INSTANT_TEXT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` and either of those followed by `Z` or a
 * `±HH[:MM]` offset. Text without an offset is read in `timeZone`; a date alone is the start of
 * that day there. Returns undefined for anything else (including impossible dates and times).
 */
export function parseInstant(text: string, timeZone: string): ParsedInstant | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const m = INSTANT_TEXT.exec(text.trim());
  if (!m) return undefined;
  const date = m[1]!;
  if (!isCivilDate(date)) return undefined;
  if (m[2] === undefined) return { instant: startOfDay(date, timeZone), dateOnly: true, hasOffset: false };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const millisecond = m[5] === undefined ? 0 : Math.floor(Number(`0.${m[5]}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local: LocalDateTime = { date, hour, minute, second, millisecond };
  const off = m[6];
  if (off === undefined) return { instant: fromLocal(local, timeZone), dateOnly: false, hasOffset: false };
  let offsetMs = 0;
  if (off !== 'Z' && off !== 'z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return undefined;
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  return { instant: localAsUtc(local) - offsetMs, dateOnly: false, hasOffset: true };
}

/**
 * ISO 8601 duration of a non-negative span, in days, hours and minutes (seconds dropped):
 * `P13DT2H5M`, `PT45M`, `PT0M`. Days here are 24-hour spans.
 */
export function formatDuration(ms: number): string {
  const totalMin = Math.floor(Math.max(0, ms) / MS_PER_MINUTE);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const min = totalMin % 60;
  let s = 'P';
  if (d) s += `${d}D`;
  if (h || min || !d) {
    s += 'T';
    if (h) s += `${h}H`;
    if (min || !h) s += `${min}M`;
  }
  return s;
}

/** "13 d 2 h", "5 h 7 min", "12 min" for people. */
export function humanDuration(ms: number): string {
  const totalMin = Math.floor(Math.max(0, ms) / MS_PER_MINUTE);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const min = totalMin % 60;
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return min ? `${h} h ${min} min` : `${h} h`;
  return `${min} min`;
}

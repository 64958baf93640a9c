/**
 * Civil dates (`YYYY-MM-DD`, no time zone) and their arithmetic. Deadlines counted in days are
 * counted on the calendar of the regulator; see `working-days.ts` for working-day counts.
 */

export type CivilDate = string & { readonly __civilDate?: never };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form. */
export function isCivilDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in `month` (1–12) of `year`, proleptic Gregorian (year 0000, i.e. 1 BC, is a leap year). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 for a civil date (negative before). Computed arithmetically: `Date.UTC`
 * reads years 0–99 as 1900–1999.
 */
export function toDayNumber(date: CivilDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const mo = Number(m[2]);
  // Days from civil (H. Hinnant): years counted from 1 March, in 400-year eras.
  const y = Number(m[1]) - (mo <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + Number(m[3]) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Day numbers of 0000-01-01 and 9999-12-31: civil dates are four-digit years. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/** The civil date of a day number; a RangeError outside years 0000–9999. */
export function fromDayNumber(n: number): CivilDate {
  if (!Number.isInteger(n) || n < FIRST_DAY || n > LAST_DAY) throw new RangeError(`day number outside years 0000-9999: ${n}`);
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  if (ny < 0 || ny > 9999) throw new RangeError(`${date} + ${months} months is outside years 0000-9999`);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(date: CivilDate, years: number): CivilDate {
  return addMonths(date, years * 12);
}

/**
 * The date as the integer YYYYMMDD: ordered like the dates, for fast comparisons in bulk (not a
 * day count — subtracting two ordinals means nothing). Expects a valid `YYYY-MM-DD` date.
 */
export function dateOrdinal(date: CivilDate): number {
  return (
    (date.charCodeAt(0) - 48) * 10_000_000 +
    (date.charCodeAt(1) - 48) * 1_000_000 +
    (date.charCodeAt(2) - 48) * 100_000 +
    (date.charCodeAt(3) - 48) * 10_000 +
    (date.charCodeAt(5) - 48) * 1_000 +
    (date.charCodeAt(6) - 48) * 100 +
    (date.charCodeAt(8) - 48) * 10 +
    (date.charCodeAt(9) - 48)
  );
}

/** Negative when a < b, 0 when equal, positive when a > b (ISO dates sort as strings). */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** 1 January of the date's year. */
export function startOfYear(date: CivilDate): CivilDate {
  return `${date.slice(0, 4)}-01-01`;
}

/** Today's civil date in the given IANA time zone. */
export function today(timeZone = 'UTC', now: Date = new Date()): CivilDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts;
}

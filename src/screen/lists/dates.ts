/**
 * The date spellings the lists use, turned into civil dates (`YYYY-MM-DD`):
 * ISO dates and timestamps, `DD.MM.YYYY` and `DD.MM.YY` (PRC announcements as transcribed),
 * `March 12, 2021` (FCC), `03 Jun 2021` (OFAC remarks), and dates with slashes, whose order
 * each list's reader states ({@link SlashDates}): `MM/DD/YYYY` in the trade.gov CSL.
 * Each function returns undefined for text that is not such a date, or not a real day.
 */
import { isCivilDate, type CivilDate } from '../../time/civil-date.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

function civil(y: number, m: number, d: number): CivilDate | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCivilDate(s) ? s : undefined;
}

/** Two-digit years: the lists are all from this century. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/**
 * How a list writes a date with slashes (03/04/2021), from its publisher's convention:
 * - `month-first`: the trade.gov CSL (US federal notices write MM/DD/YYYY);
 * - `undocumented`: every other list (their documented dates are ISO, dotted day first, or
 *   spelled out). A slash date is read only when one order alone gives a real day (16/03/2021);
 *   when both do (03/04/2021) it is refused: read one way, a listing could start a month early,
 *   or end before it is lifted.
 */
export type SlashDates = 'month-first' | 'undocumented';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The days a slash date can be: month first, then day first (undefined where not a real day). */
function slashReadings(m: RegExpExecArray): [CivilDate | undefined, CivilDate | undefined] {
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return [civil(y, a, b), civil(y, b, a)];
}

/** Any of the spellings above; undefined when the text is not one, or is a slash date this list's order leaves ambiguous. */
export function parseListDate(text: string | undefined, slashes: SlashDates): CivilDate | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  if (s === '') return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(s);
  if (m) return civil(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = SLASHED.exec(s);
  if (m) {
    const [monthFirst, dayFirst] = slashReadings(m);
    if (slashes === 'month-first') return monthFirst;
    return monthFirst !== undefined && dayFirst !== undefined && monthFirst !== dayFirst ? undefined : (monthFirst ?? dayFirst);
  }
  m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    return mo === undefined ? undefined : civil(Number(m[3]), mo, Number(m[2]));
  }
  m = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    return mo === undefined ? undefined : civil(Number(m[3]), mo, Number(m[1]));
  }
  return undefined;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A civil date in words: 3 April 2021. */
function inWords(d: CivilDate): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** Why {@link parseListDate} refused a (non-empty) text: one line, naming the text. */
export function listDateProblem(text: string, slashes: SlashDates): string {
  const s = text.trim();
  const shown = JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s);
  const m = SLASHED.exec(s);
  if (m && slashes === 'undocumented') {
    const [monthFirst, dayFirst] = slashReadings(m);
    if (monthFirst !== undefined && dayFirst !== undefined && monthFirst !== dayFirst) {
      return `${shown} could be ${inWords(dayFirst)} or ${inWords(monthFirst)}: this list does not say in which order it writes day and month; write it as YYYY-MM-DD`;
    }
  }
  if (m && slashes === 'month-first') return `not a date: ${shown} (this list writes dates with slashes month first: MM/DD/YYYY)`;
  return `not a date: ${shown}`;
}

/** The earliest of some dates (undefined when none). */
export function minDate(dates: readonly (string | undefined)[]): CivilDate | undefined {
  let best: string | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d < best)) best = d;
  return best;
}

/** The latest of some dates (undefined when none). */
export function maxDate(dates: readonly (string | undefined)[]): CivilDate | undefined {
  let best: string | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

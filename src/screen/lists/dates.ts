/**
 * The date spellings the lists use, turned into civil dates (`YYYY-MM-DD`):
 * ISO dates and timestamps, `DD.MM.YYYY` and `DD.MM.YY` (PRC announcements as transcribed),
 * `March 12, 2021` (FCC), `03 Jun 2021` (OFAC remarks), `MM/DD/YYYY` (CSL notices).
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

/** Any of the spellings above; undefined when the text is not one. */
export function parseListDate(text: string | undefined): CivilDate | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  if (s === '') return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(s);
  if (m) return civil(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return civil(Number(m[3]), Number(m[1]), Number(m[2]));
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

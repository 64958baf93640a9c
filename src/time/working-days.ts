import { addDays, weekday, type CivilDate } from './civil-date.js';
import { CN_HOLIDAYS, cnCoveredYears } from './cn-holidays.js';
import { US_FEDERAL_FIRST_YEAR, usFederalHolidayOn } from './us-federal-holidays.js';

/**
 * Working-day calendars. A calendar says whether a civil date is a working day for a given
 * regulator: weekends, public holidays, and (in China) the weekend days that are declared
 * working days to make up for holidays (调休).
 *
 * Holiday tables are dated parameters kept in `holidays/`; a date outside a table's covered
 * years falls back to "weekdays are working days" and the calendar says so via `covers`.
 */
export interface WorkingCalendar {
  readonly id: string;
  readonly title: string;
  /** Years for which the holiday table is complete. */
  readonly covers: readonly number[];
  isWorkingDay(date: CivilDate): boolean;
}

const calendars = new Map<string, WorkingCalendar>();

/** Monday to Friday, no holidays. */
export const weekdaysCalendar: WorkingCalendar = {
  id: 'weekdays',
  title: 'Monday to Friday (no holiday table)',
  covers: [],
  isWorkingDay: (d) => {
    const w = weekday(d);
    return w !== 0 && w !== 6;
  },
};
registerCalendar(weekdaysCalendar);

/** Builds a calendar from holiday and make-up-working-day lists. */
export function holidayCalendar(spec: {
  id: string;
  title: string;
  covers: readonly number[];
  holidays: readonly CivilDate[];
  extraWorkingDays?: readonly CivilDate[];
}): WorkingCalendar {
  const off = new Set(spec.holidays);
  const on = new Set(spec.extraWorkingDays ?? []);
  return {
    id: spec.id,
    title: spec.title,
    covers: spec.covers,
    isWorkingDay: (d) => {
      if (on.has(d)) return true;
      if (off.has(d)) return false;
      return weekdaysCalendar.isWorkingDay(d);
    },
  };
}

export function registerCalendar(cal: WorkingCalendar): void {
  calendars.set(cal.id, cal);
}

export function getCalendar(id: string): WorkingCalendar {
  return calendars.get(id) ?? weekdaysCalendar;
}

/** True when a calendar with this id has been registered. */
export function hasCalendar(id: string): boolean {
  return calendars.has(id);
}

/** The ids of every registered calendar, sorted. */
export function calendarIds(): string[] {
  return [...calendars.keys()].sort();
}

/**
 * The date `n` working days after `date` (n > 0) or before it (n < 0). The start date itself
 * is not counted: "within 10 working days after D" ends on `addWorkingDays(D, 10)`.
 */
export function addWorkingDays(date: CivilDate, n: number, cal: WorkingCalendar = weekdaysCalendar): CivilDate {
  // Calendars are fixed data, so results are remembered (many flows share their dates).
  let byCal = addMemo.get(cal);
  if (!byCal) addMemo.set(cal, (byCal = new Map()));
  const key = `${date}|${n}`;
  const hit = byCal.get(key);
  if (hit !== undefined) return hit;
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addDays(d, step);
    if (cal.isWorkingDay(d)) left--;
  }
  if (byCal.size > 100_000) byCal.clear();
  byCal.set(key, d);
  return d;
}
const addMemo = new WeakMap<WorkingCalendar, Map<string, CivilDate>>();

/** True when `date` falls inside the years for which `cal`'s holiday table is complete. */
export function calendarCovers(cal: WorkingCalendar, date: CivilDate): boolean {
  return cal.covers.includes(Number(date.slice(0, 4)));
}

/** `date` itself when it is a working day, else the next working day after it. */
export function nextWorkingDayOnOrAfter(date: CivilDate, cal: WorkingCalendar = weekdaysCalendar): CivilDate {
  let d = date;
  while (!cal.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * Working days in the half-open range (from, to]: 0 when to <= from. Inverse of
 * {@link addWorkingDays} for n >= 0: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export function workingDaysBetween(from: CivilDate, to: CivilDate, cal: WorkingCalendar = weekdaysCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

// --- the calendars other modules ask for by id --------------------------------------------

/**
 * `CN`: mainland China working days — Monday to Friday, minus the State Council's public
 * holidays, plus its make-up working days (调休). Table from memory [M]; see cn-holidays.ts.
 */
export const cnCalendar: WorkingCalendar = holidayCalendar({
  id: 'CN',
  title: 'Mainland China (State Council holiday notices; table from memory [M])',
  covers: cnCoveredYears(),
  holidays: CN_HOLIDAYS.values.flatMap((v) => v.value.holidays),
  extraWorkingDays: CN_HOLIDAYS.values.flatMap((v) => v.value.makeUpWorkingDays),
});
registerCalendar(cnCalendar);

const US_LAST_COVERED_YEAR = 2200;

/**
 * `US-federal`: Monday to Friday except the observed legal public holidays of 5 U.S.C. 6103,
 * computed by rule for every year from 1971 (see us-federal-holidays.ts).
 */
export const usFederalCalendar: WorkingCalendar = {
  id: 'US-federal',
  title: 'US federal business days (5 U.S.C. 6103 holidays, computed by rule)',
  covers: Array.from({ length: US_LAST_COVERED_YEAR - US_FEDERAL_FIRST_YEAR + 1 }, (_, i) => US_FEDERAL_FIRST_YEAR + i),
  isWorkingDay: (d) => weekdaysCalendar.isWorkingDay(d) && usFederalHolidayOn(d) === undefined,
};
registerCalendar(usFederalCalendar);

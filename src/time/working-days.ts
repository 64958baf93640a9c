import { addDays, weekday, type CivilDate } from './civil-date.js';

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

/**
 * The date `n` working days after `date` (n > 0) or before it (n < 0). The start date itself
 * is not counted: "within 10 working days after D" ends on `addWorkingDays(D, 10)`.
 */
export function addWorkingDays(date: CivilDate, n: number, cal: WorkingCalendar = weekdaysCalendar): CivilDate {
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addDays(d, step);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

import { addDays, weekday, type CivilDate } from './civil-date.js';
import { CN_HOLIDAYS, cnCoveredYears, expandSpans, type SuppliedHolidayYear } from './cn-holidays.js';
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
  /**
   * For a calendar kept as a table of years: what a count reaching a year outside `covers` is
   * told (see {@link coverageNotice}). Absent for calendars with no table (`weekdays`) or whose
   * holidays follow from rules (`US-federal`).
   */
  readonly table?: {
    /** Whose table it is, e.g. "China holiday table". */
    readonly name: string;
    /** Where the covered years come from, e.g. "built in from memory [M]; 2027 supplied by the inventory". */
    readonly provenance: string;
    /** How a user supplies a missing year. */
    readonly supply: string;
  };
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
  table?: WorkingCalendar['table'];
  holidays: readonly CivilDate[];
  extraWorkingDays?: readonly CivilDate[];
}): WorkingCalendar {
  const off = new Set(spec.holidays);
  const on = new Set(spec.extraWorkingDays ?? []);
  return {
    id: spec.id,
    title: spec.title,
    covers: spec.covers,
    ...(spec.table ? { table: spec.table } : {}),
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

const NONE: readonly number[] = Object.freeze([]);

/** The year of a YYYY-MM-DD date, read without making a substring (this runs once per counted duty). */
function yearOf(d: CivilDate): number {
  return (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
}

/**
 * The years from `a` to `b` (either order, both included) that `cal`'s table does not cover:
 * the years in which a count or judgement between those dates took Monday–Friday as the working
 * days. Empty (shared, no allocation) for a calendar with no table, and when every year is covered.
 */
export function uncoveredYears(cal: WorkingCalendar, a: CivilDate, b: CivilDate = a): readonly number[] {
  if (!cal.table) return NONE;
  let from = yearOf(a);
  let to = yearOf(b);
  if (from > to) [from, to] = [to, from];
  let out: number[] | undefined;
  for (let y = from; y <= to; y++) if (!cal.covers.includes(y)) (out ??= []).push(y);
  return out ?? NONE;
}

/** "2021–2026", "2021–2026 and 2028", "none" (sorted, runs of consecutive years joined). */
export function describeYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((x, y) => x - y);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  if (runs.length === 0) return 'none';
  return runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}

const noticeMemo = new WeakMap<WorkingCalendar, Map<string, string>>();

/**
 * What a reader of a result is told when the working-day count (or rest-day judgement) behind it
 * reached `years`, which `cal`'s table does not cover: which years the table covers, that those
 * years were taken Monday to Friday, and how to supply them. Undefined when nothing is missing.
 * `lead` names the count, e.g. "The 60-working-day count from 2027-05-10 to 2027-02-05".
 */
export function coverageNotice(cal: WorkingCalendar, years: readonly number[], lead: string): string | undefined {
  if (years.length === 0 || !cal.table) return undefined;
  let byKey = noticeMemo.get(cal);
  if (!byKey) noticeMemo.set(cal, (byKey = new Map()));
  const key = `${lead}|${years.join(',')}`;
  let text = byKey.get(key);
  if (text === undefined) {
    const ys = describeYears(years);
    const one = years.length === 1;
    text =
      `${lead}: ${ys} ${one ? 'is' : 'are'} not in the ${cal.table.name}, which covers ${describeYears(cal.covers)} (${cal.table.provenance}); ` +
      `Monday to Friday were taken as working days in ${ys}, with no public holidays or make-up working days. ` +
      cal.table.supply.replaceAll('{years}', ys).replaceAll('{them}', one ? 'that year' : 'those years');
    if (byKey.size > 1000) byKey.clear();
    byKey.set(key, text);
  }
  return text;
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

const CN_SUPPLY = 'Declare {them} under `calendars.CN` in the inventory (year, holidays, makeUpWorkingDays, source; see docs/inventory.md) to count the State Council notice for {years}.';

/**
 * `CN`: mainland China working days — Monday to Friday, minus the State Council's public
 * holidays, plus its make-up working days (调休). Table from memory [M]; see cn-holidays.ts.
 */
export const cnCalendar: WorkingCalendar = cnCalendarWith([]);
registerCalendar(cnCalendar);

/**
 * The `CN` calendar with the years an inventory supplies: a supplied year replaces the built-in
 * table's year of the same number (a correction), or adds one it lacks. The built-in years stay
 * for the rest. A new calendar object each time (its own memo): nothing leaks into other runs.
 */
export function cnCalendarWith(supplied: readonly SuppliedHolidayYear[]): WorkingCalendar {
  const mine = new Set(supplied.map((y) => y.year));
  const builtIn = CN_HOLIDAYS.values.filter((v) => !mine.has(Number(v.from.slice(0, 4))));
  const covers = [...cnCoveredYears().filter((y) => !mine.has(y)), ...mine].sort((x, y) => x - y);
  const fromInventory = supplied.length ? `; ${describeYears([...mine])} supplied by the inventory` : '';
  return holidayCalendar({
    id: 'CN',
    title: `Mainland China (State Council holiday notices; built-in table from memory [M]${fromInventory})`,
    covers,
    table: {
      name: 'China holiday table (time.cn.holidays)',
      provenance: `built in from memory [M]${fromInventory}`,
      supply: CN_SUPPLY,
    },
    holidays: [...builtIn.flatMap((v) => v.value.holidays), ...supplied.flatMap((y) => expandSpans(y.holidays))],
    extraWorkingDays: [...builtIn.flatMap((v) => v.value.makeUpWorkingDays), ...supplied.flatMap((y) => y.makeUpWorkingDays)],
  });
}

/** The holiday years an inventory may supply, by calendar id (the `calendars` section, ranges expanded). */
export interface SuppliedCalendars {
  readonly CN?: readonly SuppliedHolidayYear[] | undefined;
}

/** The calendars one run counts on: the registered ones, with the inventory's supplied years. */
export interface RunCalendars {
  readonly CN: WorkingCalendar;
  /** The calendar `id` as this run sees it (the registered one unless the inventory supplied years for it). */
  get(id: string): WorkingCalendar;
}

/** The registered calendars, as a run with no supplied years sees them (shared: their memos stay warm). */
export const BUILT_IN_CALENDARS: RunCalendars = Object.freeze({ CN: cnCalendar, get: getCalendar });

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

const runMemo = new WeakMap<object, RunCalendars>();

/**
 * The calendars of a run whose inventory supplies `section` (undefined or empty: the built-in
 * ones, shared). Remembered per section object, so checking the same inventory again reuses the
 * calendar and its memo, while another inventory gets its own: no state is shared between them.
 */
export function runCalendars(section: SuppliedCalendars | undefined): RunCalendars {
  if (!section?.CN?.length) return BUILT_IN_CALENDARS;
  let run = runMemo.get(section);
  if (!run) {
    const CN = cnCalendarWith(section.CN);
    run = Object.freeze({ CN, get: (id: string) => (id === 'CN' ? CN : getCalendar(id)) });
    runMemo.set(section, run);
  }
  return run;
}

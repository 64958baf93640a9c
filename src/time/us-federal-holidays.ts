/**
 * US federal holidays, computed by rule (no table to keep up to date).
 *
 * 5 U.S.C. 6103(a) names the legal public holidays; fixed-date holidays falling on a Saturday
 * are observed the Friday before and on a Sunday the Monday after (5 U.S.C. 6103(b);
 * Executive Order 11582). The Uniform Monday Holiday Act (Pub. L. 90-363) moved Washington's
 * Birthday, Memorial Day, Columbus Day and (1971–1977) Veterans Day to Mondays from 1971.
 * Martin Luther King Jr. Day from 1986 (Pub. L. 98-144); Juneteenth from 2021 (Pub. L. 117-17,
 * signed 2021-06-17, first observed Friday 2021-06-18). [M: statute text not stored in
 * ../shared; the rules are well known and the tests pin known years.]
 *
 * Not included: Inauguration Day (5 U.S.C. 6103(c), a holiday only for federal employees in
 * the Washington DC area) and one-off closures by executive order (e.g. national days of
 * mourning). Leaving them out counts those days as business days, which can only make a
 * business-day deadline earlier (conservative). See docs/clocks.md.
 */
import { param, valueAt } from '../engine/params.js';
import { addDays, weekday, type CivilDate } from './civil-date.js';

/** How one holiday's date is found in a year. */
export type HolidayRule =
  | { readonly name: string; readonly kind: 'fixed'; readonly month: number; readonly day: number }
  | { readonly name: string; readonly kind: 'nth'; readonly month: number; readonly weekday: number; readonly n: number }
  | { readonly name: string; readonly kind: 'last'; readonly month: number; readonly weekday: number };

const MON = 1;
const THU = 4;

const NEW_YEAR: HolidayRule = { name: "New Year's Day", kind: 'fixed', month: 1, day: 1 };
const MLK: HolidayRule = { name: 'Birthday of Martin Luther King, Jr.', kind: 'nth', month: 1, weekday: MON, n: 3 };
const WASHINGTON: HolidayRule = { name: "Washington's Birthday", kind: 'nth', month: 2, weekday: MON, n: 3 };
const MEMORIAL: HolidayRule = { name: 'Memorial Day', kind: 'last', month: 5, weekday: MON };
const JUNETEENTH: HolidayRule = { name: 'Juneteenth National Independence Day', kind: 'fixed', month: 6, day: 19 };
const INDEPENDENCE: HolidayRule = { name: 'Independence Day', kind: 'fixed', month: 7, day: 4 };
const LABOR: HolidayRule = { name: 'Labor Day', kind: 'nth', month: 9, weekday: MON, n: 1 };
const COLUMBUS: HolidayRule = { name: 'Columbus Day', kind: 'nth', month: 10, weekday: MON, n: 2 };
const VETERANS_MONDAY: HolidayRule = { name: 'Veterans Day', kind: 'nth', month: 10, weekday: MON, n: 4 };
const VETERANS: HolidayRule = { name: 'Veterans Day', kind: 'fixed', month: 11, day: 11 };
const THANKSGIVING: HolidayRule = { name: 'Thanksgiving Day', kind: 'nth', month: 11, weekday: THU, n: 4 };
const CHRISTMAS: HolidayRule = { name: 'Christmas Day', kind: 'fixed', month: 12, day: 25 };

const CITE = '5 U.S.C. 6103(a)-(b); Pub. L. 90-363; Pub. L. 98-144; Pub. L. 117-17; E.O. 11582';

/** The set of federal holiday rules in force, by year (dated parameter, OpenFisca style). */
export const US_FEDERAL_HOLIDAY_RULES = param<readonly HolidayRule[]>(
  'time.us-federal.holidays',
  'Legal public holidays of the United States (5 U.S.C. 6103) and how each date is found.',
  [
    {
      from: '1971-01-01',
      until: '1977-12-31',
      value: [NEW_YEAR, WASHINGTON, MEMORIAL, INDEPENDENCE, LABOR, COLUMBUS, VETERANS_MONDAY, THANKSGIVING, CHRISTMAS],
      citation: CITE,
      confidence: 'memory',
      note: 'Uniform Monday Holiday Act: Veterans Day on the fourth Monday of October 1971–1977.',
    },
    {
      from: '1978-01-01',
      until: '1985-12-31',
      value: [NEW_YEAR, WASHINGTON, MEMORIAL, INDEPENDENCE, LABOR, COLUMBUS, VETERANS, THANKSGIVING, CHRISTMAS],
      citation: CITE,
      confidence: 'memory',
      note: 'Veterans Day back on 11 November (Pub. L. 94-97).',
    },
    {
      from: '1986-01-01',
      until: '2020-12-31',
      value: [NEW_YEAR, MLK, WASHINGTON, MEMORIAL, INDEPENDENCE, LABOR, COLUMBUS, VETERANS, THANKSGIVING, CHRISTMAS],
      citation: CITE,
      confidence: 'memory',
    },
    {
      from: '2021-01-01',
      value: [NEW_YEAR, MLK, WASHINGTON, MEMORIAL, JUNETEENTH, INDEPENDENCE, LABOR, COLUMBUS, VETERANS, THANKSGIVING, CHRISTMAS],
      citation: CITE,
      confidence: 'memory',
      note: 'Juneteenth added by Pub. L. 117-17 (2021-06-17); first observed 2021-06-18.',
    },
  ],
);

/** First year the rules above describe. */
export const US_FEDERAL_FIRST_YEAR = 1971;

function ymd(y: number, m: number, d: number): CivilDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The actual (unobserved) date of a rule in a year. */
export function ruleDate(rule: HolidayRule, year: number): CivilDate {
  switch (rule.kind) {
    case 'fixed':
      return ymd(year, rule.month, rule.day);
    case 'nth': {
      const first = ymd(year, rule.month, 1);
      const shift = (rule.weekday - weekday(first) + 7) % 7;
      return addDays(first, shift + 7 * (rule.n - 1));
    }
    case 'last': {
      const nextMonthFirst = rule.month === 12 ? ymd(year + 1, 1, 1) : ymd(year, rule.month + 1, 1);
      const last = addDays(nextMonthFirst, -1);
      const back = (weekday(last) - rule.weekday + 7) % 7;
      return addDays(last, -back);
    }
  }
}

/** Saturday → Friday before, Sunday → Monday after (5 U.S.C. 6103(b)). */
export function observedDate(date: CivilDate): CivilDate {
  const w = weekday(date);
  if (w === 6) return addDays(date, -1);
  if (w === 0) return addDays(date, 1);
  return date;
}

export interface FederalHoliday {
  readonly name: string;
  /** The date the holiday falls on. */
  readonly date: CivilDate;
  /** The weekday on which it is observed (a day off for federal offices). */
  readonly observed: CivilDate;
}

function holidaysOfRuleYear(year: number): FederalHoliday[] {
  if (year < US_FEDERAL_FIRST_YEAR) return [];
  const rules = valueAt(US_FEDERAL_HOLIDAY_RULES, ymd(year, 7, 1))?.value ?? [];
  const out: FederalHoliday[] = [];
  for (const rule of rules) {
    const date = ruleDate(rule, year);
    // Juneteenth became law on 2021-06-17; its first observance was the Friday, 2021-06-18.
    out.push({ name: rule.name, date, observed: observedDate(date) });
  }
  return out;
}

const cache = new Map<number, FederalHoliday[]>();

/**
 * The federal holidays observed in `year`, sorted by observed date. A holiday can be observed
 * in the year before its date (New Year's Day on a Saturday is observed on 31 December).
 */
export function usFederalHolidays(year: number): readonly FederalHoliday[] {
  let list = cache.get(year);
  if (!list) {
    list = [...holidaysOfRuleYear(year), ...holidaysOfRuleYear(year + 1)]
      .filter((h) => Number(h.observed.slice(0, 4)) === year)
      .sort((a, b) => (a.observed < b.observed ? -1 : a.observed > b.observed ? 1 : 0));
    cache.set(year, list);
  }
  return list;
}

/** The holiday observed on `date`, if any. */
export function usFederalHolidayOn(date: CivilDate): FederalHoliday | undefined {
  return usFederalHolidays(Number(date.slice(0, 4))).find((h) => h.observed === date);
}

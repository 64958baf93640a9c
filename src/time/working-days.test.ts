import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from './civil-date.js';
import {
  addWorkingDays,
  BUILT_IN_CALENDARS,
  calendarCovers,
  calendarIds,
  cnCalendarWith,
  coverageNotice,
  describeYears,
  getCalendar,
  runCalendars,
  uncoveredYears,
  nextWorkingDayOnOrAfter,
  weekdaysCalendar,
  workingDaysBetween,
} from './working-days.js';

const CN = getCalendar('CN');
const US = getCalendar('US-federal');

describe('registered calendars', () => {
  it('registers CN and US-federal for others to use', () => {
    expect(calendarIds()).toEqual(expect.arrayContaining(['CN', 'US-federal', 'weekdays']));
    expect(CN.id).toBe('CN');
    expect(US.id).toBe('US-federal');
    expect(getCalendar('nope')).toBe(weekdaysCalendar);
  });

  it('CN: National Day week off, make-up Saturday/Sunday working [M table]', () => {
    expect(CN.isWorkingDay('2021-10-04')).toBe(false); // Monday inside the break
    expect(CN.isWorkingDay('2021-10-09')).toBe(true); // Saturday make-up day
    expect(CN.isWorkingDay('2021-09-26')).toBe(true); // Sunday make-up day
    expect(CN.isWorkingDay('2021-11-27')).toBe(false); // ordinary Saturday
    expect(CN.isWorkingDay('2025-01-28')).toBe(false); // Spring Festival Eve, off from 2025
    expect(addWorkingDays('2021-09-30', 3, CN)).toBe('2021-10-11');
    expect(calendarCovers(CN, '2021-06-01')).toBe(true);
    expect(calendarCovers(CN, '2019-06-01')).toBe(false);
  });

  it('US-federal: 4 business days skip weekends and holidays', () => {
    // Thursday before Thanksgiving 2024 → Fri, Mon, Tue, Wed (Thanksgiving Thursday skipped).
    expect(addWorkingDays('2024-11-21', 4, US)).toBe('2024-11-27');
    expect(addWorkingDays('2024-11-27', 1, US)).toBe('2024-11-29');
    // Across Christmas and observed New Year 2021.
    expect(addWorkingDays('2021-12-22', 4, US)).toBe('2021-12-29'); // 23, (24 off), 27, 28, 29
    expect(addWorkingDays('2021-12-27', 4, US)).toBe('2022-01-03'); // 28, 29, 30, (31 off), 3 Jan
    expect(nextWorkingDayOnOrAfter('2021-12-24', US)).toBe('2021-12-27');
  });

  it('CN: counting starts the day after a holiday date, crosses year ends and the make-up days', () => {
    // From inside the Spring Festival break 2026 (15–23 Feb off, Saturdays 14 and 28 Feb worked).
    expect(addWorkingDays('2026-02-16', 1, CN)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-24', 4, CN)).toBe('2026-02-28'); // 25, 26, 27, Saturday 28
    expect(addWorkingDays('2026-02-24', -1, CN)).toBe('2026-02-14'); // the make-up Saturday
    // 2025 → 2026: 1–3 January off, Sunday 4 January worked.
    expect(addWorkingDays('2025-12-31', 1, CN)).toBe('2026-01-04');
    expect(addWorkingDays('2026-01-04', -1, CN)).toBe('2025-12-31');
    expect(workingDaysBetween('2025-12-31', '2026-01-05', CN)).toBe(2);
  });

  it('CN: years outside the table count Monday to Friday, and `covers` says so', () => {
    expect(calendarCovers(CN, '2026-12-31')).toBe(true);
    expect(calendarCovers(CN, '2027-01-01')).toBe(false);
    expect(CN.isWorkingDay('2027-01-01')).toBe(true); // a Friday: no holiday known for 2027
    expect(CN.isWorkingDay('2020-10-01')).toBe(true);
  });

  it('US-federal: observed New Year in the year before, counting from a holiday, and coverage', () => {
    expect(US.isWorkingDay('2021-12-31')).toBe(false); // New Year 2022 (a Saturday) observed
    expect(US.isWorkingDay('2022-01-01')).toBe(false);
    expect(addWorkingDays('2023-01-02', 1, US)).toBe('2023-01-03'); // from the observed New Year
    expect(addWorkingDays('2026-07-03', -1, US)).toBe('2026-07-02');
    expect(addWorkingDays('2027-12-23', 2, US)).toBe('2027-12-28'); // Christmas 2027 observed Friday 24
    expect(addWorkingDays('2027-12-30', 1, US)).toBe('2028-01-03'); // New Year 2028 a Saturday: observed 31 Dec 2027
    expect(calendarCovers(US, '1971-01-01')).toBe(true);
    expect(calendarCovers(US, '1970-12-31')).toBe(false);
  });

  it('a Saturday before 1970 is not a working day', () => {
    expect(weekdaysCalendar.isWorkingDay('1969-12-27')).toBe(false);
    expect(addWorkingDays('1969-12-26', 1)).toBe('1969-12-29');
  });
});

describe('working-day arithmetic (property)', () => {
  const dateArb = fc.integer({ min: toDayNumber('2021-01-01'), max: toDayNumber('2026-12-31') }).map(fromDayNumber);
  const cals = [CN, US, weekdaysCalendar];

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40 }), fc.constantFrom(...cals), (d, n, cal) => {
        const end = addWorkingDays(d, n, cal);
        expect(workingDaysBetween(d, end, cal)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(end)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone and never returns the start for n > 0', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), fc.constantFrom(...cals), (d, n, cal) => {
        const a = addWorkingDays(d, n, cal);
        const b = addWorkingDays(d, n + 1, cal);
        expect(a > d).toBe(true);
        expect(b > a).toBe(true);
        expect(addWorkingDays(a, -n, cal) <= d || !cal.isWorkingDay(d)).toBe(true);
        expect(toDayNumber(a) - toDayNumber(d)).toBeGreaterThanOrEqual(n);
        expect(addDays(d, 0)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });
});

describe('supplied holiday years and the uncovered-year notice', () => {
  // INVENTED for the test: not the State Council notice for 2027.
  const FICTIONAL_2027 = { year: 2027, holidays: ['2027-02-06/2027-02-14'], makeUpWorkingDays: ['2027-02-20'], source: 'FICTIONAL test data' };

  it('uncoveredYears: the years of a span the CN table lacks; none for calendars without a table', () => {
    expect(uncoveredYears(CN, '2026-11-20', '2027-02-01')).toEqual([2027]);
    expect(uncoveredYears(CN, '2028-03-01', '2019-01-01')).toEqual([2019, 2020, 2027, 2028]);
    expect(uncoveredYears(CN, '2026-01-01', '2026-12-31')).toEqual([]);
    expect(uncoveredYears(weekdaysCalendar, '2030-01-01')).toEqual([]);
    expect(uncoveredYears(US, '1960-01-01')).toEqual([]); // holidays by rule: no table to run out of
  });

  it('coverageNotice names the covered years, the Monday–Friday fallback and how to supply the year', () => {
    expect(coverageNotice(CN, [2027], 'The 10-working-day count from 2027-02-04 to 2027-02-18')).toBe(
      'The 10-working-day count from 2027-02-04 to 2027-02-18: 2027 is not in the China holiday table (time.cn.holidays), which covers 2021–2026 (built in from memory [M]); ' +
        'Monday to Friday were taken as working days in 2027, with no public holidays or make-up working days. ' +
        'Declare that year under `calendars.CN` in the inventory (year, holidays, makeUpWorkingDays, source; see docs/inventory.md) to count the State Council notice for 2027.',
    );
    expect(coverageNotice(CN, [2027, 2028], 'x')).toMatch(/^x: 2027–2028 are not in .* Declare those years under/);
    expect(coverageNotice(CN, [], 'x')).toBeUndefined();
    expect(describeYears([2021, 2022, 2023, 2025, 2027, 2028])).toBe('2021–2023, 2025 and 2027–2028');
  });

  it('runCalendars: no section → the registered calendars; a section → a CN calendar of its own, the same for the same section', () => {
    expect(runCalendars(undefined)).toBe(BUILT_IN_CALENDARS);
    expect(runCalendars({ CN: [] })).toBe(BUILT_IN_CALENDARS);
    expect(BUILT_IN_CALENDARS.CN).toBe(CN);
    const section = { CN: [FICTIONAL_2027] };
    const run = runCalendars(section);
    expect(runCalendars(section)).toBe(run);
    expect(runCalendars({ CN: [FICTIONAL_2027] }).CN).not.toBe(run.CN);
    expect(run.get('CN')).toBe(run.CN);
    expect(run.get('US-federal')).toBe(US);
    expect(run.CN.covers).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(uncoveredYears(run.CN, '2027-01-01', '2027-12-31')).toEqual([]);
    expect(run.CN.isWorkingDay('2027-02-08')).toBe(false);
    expect(run.CN.isWorkingDay('2027-02-20')).toBe(true);
    expect(addWorkingDays('2027-02-04', 10, run.CN)).toBe('2027-02-24');
    // The registered calendar is untouched by it.
    expect(CN.isWorkingDay('2027-02-08')).toBe(true);
    expect(addWorkingDays('2027-02-04', 10, CN)).toBe('2027-02-18');
    expect(getCalendar('CN')).toBe(CN);
  });

  it('a supplied year replaces the built-in one of the same number; the other built-in years stay', () => {
    const cal = cnCalendarWith([{ year: 2021, holidays: [], makeUpWorkingDays: [], source: 'FICTIONAL: 2021 without holidays' }]);
    expect(cal.isWorkingDay('2021-10-04')).toBe(true); // built-in: National Day break
    expect(cal.isWorkingDay('2021-10-09')).toBe(false); // built-in: make-up Saturday
    expect(cal.isWorkingDay('2022-10-04')).toBe(false); // 2022 stays built in
    expect(cal.table?.provenance).toBe('built in from memory [M]; 2021 supplied by the inventory');
  });
});

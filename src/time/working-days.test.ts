import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from './civil-date.js';
import {
  addWorkingDays,
  calendarCovers,
  calendarIds,
  getCalendar,
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

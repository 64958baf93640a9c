import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dateOrdinal,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isCivilDate,
  toDayNumber,
  weekday,
} from './civil-date.js';
import { weekdaysCalendar } from './working-days.js';

const FIRST = toDayNumber('0000-01-01');
const LAST = toDayNumber('9999-12-31');
/** Any date of years 0000–9999, with the ends and the early years (< 0100) drawn often. */
const anyDate = fc
  .oneof(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: FIRST, max: FIRST + 40_000 }), fc.integer({ min: LAST - 400, max: LAST }))
  .map(fromDayNumber);
const recent = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

describe('civil dates: parsing', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    for (const ok of ['2026-02-28', '2024-02-29', '2000-02-29', '0000-01-01', '0000-02-29', '0004-02-29', '9999-12-31']) expect(isCivilDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-30', '2026-2-1', '2026-02-1', '2100-02-29', '1900-02-29', '0001-02-29', '10000-01-01', '+2026-01-01', '2026-00-10', '2026-13-01', '2026-04-31', '2026-01-00', '2026-01-01T00:00', ' 2026-01-01', ''])
      expect(isCivilDate(bad), bad).toBe(false);
  });

  it('knows the length of every month, year 0000 (1 BC, a leap year) included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([0, 4, 96, 400, 2000, 2024].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 29, 29, 29, 29]);
    expect([1, 100, 1900, 2100, 2026].map((y) => daysInMonth(y, 2))).toEqual([28, 28, 28, 28, 28]);
  });
});

describe('civil dates: day numbers and days', () => {
  it('counts days from 1970-01-01 in years before 0100 too (not read as 19xx)', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('0000-01-01')).toBe(-719_528);
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0000-02-28', 1)).toBe('0000-02-29');
    expect(daysBetween('0001-01-01', '0002-01-01')).toBe(365);
  });

  it('refuses to leave years 0000–9999 instead of writing a malformed date', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0000-01-31', -1)).toThrow(RangeError);
    expect(() => addYears('9990-06-01', 10)).toThrow(RangeError);
  });

  it('gives the weekday before 1970 as for any other date (0 = Sunday … 6 = Saturday)', () => {
    expect(weekday('1969-12-27')).toBe(6);
    expect(weekday('1969-12-28')).toBe(0);
    expect(weekday('1900-01-01')).toBe(1);
    expect(weekday('0001-01-01')).toBe(1);
    expect(weekdaysCalendar.isWorkingDay('1969-12-27')).toBe(false);
  });

  it('property: weekday is in 0..6, the one JavaScript gives, and steps by one a day', () => {
    fc.assert(
      fc.property(recent, (d) => {
        const w = weekday(d);
        expect(w).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
        expect(weekday(addDays(d, 1))).toBe((w + 1) % 7);
      }),
      { numRuns: 500 },
    );
  });

  it('property: day-number round trip, and fromDayNumber only makes valid dates', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(isCivilDate(d)).toBe(true);
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: addDays(addDays(d, a), b) = addDays(d, a + b), and daysBetween inverts addDays', () => {
    const step = fc.integer({ min: -5000, max: 5000 });
    fc.assert(
      fc.property(recent, step, step, (d, a, b) => {
        expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
        expect(daysBetween(d, addDays(d, a))).toBe(a);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: the ordinal, the string and the day number order dates the same way', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const byDays = Math.sign(toDayNumber(a) - toDayNumber(b));
        expect(Math.sign(dateOrdinal(a) - dateOrdinal(b))).toBe(byDays);
        expect(compareDates(a, b)).toBe(byDays);
        expect(dateOrdinal(a)).toBe(Number(a.replaceAll('-', '')));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('civil dates: months', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('property: n months on and n back gives the date, or the month end it was clamped to', () => {
    fc.assert(
      fc.property(recent, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const there = addMonths(d, n);
        expect(isCivilDate(there)).toBe(true);
        const back = addMonths(there, -n);
        const day = Number(d.slice(8, 10));
        const thereMonthLength = daysInMonth(Number(there.slice(0, 4)), Number(there.slice(5, 7)));
        if (day <= thereMonthLength) expect(back).toBe(d);
        else {
          // Clamped: `there` is its month's last day, and back lands in d's month, on or before d.
          expect(Number(there.slice(8, 10))).toBe(thereMonthLength);
          expect(back.slice(0, 7)).toBe(d.slice(0, 7));
          expect(back <= d).toBe(true);
        }
        // The month moves by exactly n.
        const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        expect(months(there) - months(d)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { weekday } from './civil-date.js';
import { observedDate, usFederalHolidayOn, usFederalHolidays } from './us-federal-holidays.js';

const observed = (y: number) => usFederalHolidays(y).map((h) => h.observed);

describe('US federal holidays (5 U.S.C. 6103)', () => {
  it('2021: Juneteenth first observed Friday 18 June; 2022 New Year observed 31 December 2021', () => {
    expect(observed(2021)).toEqual([
      '2021-01-01', '2021-01-18', '2021-02-15', '2021-05-31', '2021-06-18', '2021-07-05',
      '2021-09-06', '2021-10-11', '2021-11-11', '2021-11-25', '2021-12-24', '2021-12-31',
    ]);
  });

  it('2023 and 2024 (Sunday New Year 2023 observed Monday 2 January)', () => {
    expect(observed(2023)).toEqual([
      '2023-01-02', '2023-01-16', '2023-02-20', '2023-05-29', '2023-06-19', '2023-07-04',
      '2023-09-04', '2023-10-09', '2023-11-10', '2023-11-23', '2023-12-25',
    ]);
    expect(observed(2024)).toEqual([
      '2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04',
      '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25',
    ]);
  });

  it('2022 has ten days off in the year (its New Year is observed in 2021)', () => {
    expect(observed(2022)).toHaveLength(10);
    expect(observed(2022)).not.toContain('2022-01-01');
  });

  it('follows the dated rule set: no Juneteenth before 2021, no MLK Day before 1986, Monday Veterans Day 1971–1977', () => {
    expect(observed(2020)).not.toContain('2020-06-19');
    expect(usFederalHolidays(1985).some((h) => h.name.includes('King'))).toBe(false);
    expect(usFederalHolidays(1986).find((h) => h.name.includes('King'))?.observed).toBe('1986-01-20');
    expect(usFederalHolidays(1975).find((h) => h.name === 'Veterans Day')?.observed).toBe('1975-10-27');
    expect(usFederalHolidays(1978).find((h) => h.name === 'Veterans Day')?.observed).toBe('1978-11-10');
    expect(usFederalHolidays(1960)).toEqual([]);
  });

  it('observes Saturday holidays on Friday and Sunday holidays on Monday', () => {
    expect(observedDate('2026-07-04')).toBe('2026-07-03');
    expect(observedDate('2027-07-04')).toBe('2027-07-05');
    expect(observedDate('2025-07-04')).toBe('2025-07-04');
    expect(usFederalHolidayOn('2026-07-03')?.name).toBe('Independence Day');
    expect(usFederalHolidayOn('2026-07-04')).toBeUndefined();
  });

  it('every observed holiday is a weekday, and each rule yields exactly one per year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2200 }), (y) => {
        const list = usFederalHolidays(y);
        for (const h of list) {
          expect([1, 2, 3, 4, 5]).toContain(weekday(h.observed));
          expect(h.observed.slice(0, 4)).toBe(String(y));
        }
        // Names are unique except New Year's Day, which can appear twice (1 Jan and 31 Dec).
        const names = list.map((h) => h.name).filter((n) => n !== "New Year's Day");
        expect(new Set(names).size).toBe(names.length);
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * China's public holidays and make-up working days (调休), as announced each year by the
 * General Office of the State Council (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 *
 * CONFIDENCE: [M] — every year below is from memory of those notices, not from a stored copy
 * (../shared holds none). Check each year against the notice before relying on a working-day
 * count that ends near a holiday. Years not listed fall back to "Monday–Friday are working
 * days", and the `CN` calendar says which years it covers; a count that reaches such a year says
 * so where its result is read (`coverageNotice`). A user supplies a year (or corrects one) in the
 * inventory's `calendars.CN` section, for that run only (`runCalendars` in working-days.ts).
 */
import { param, type Param } from '../engine/params.js';
import { addDays, isCivilDate, type CivilDate } from './civil-date.js';

export interface CnHolidayYear {
  /** Days off (statutory holidays plus the weekend days folded into the break). */
  readonly holidays: readonly CivilDate[];
  /** Weekend days declared working days to make up for the break. */
  readonly makeUpWorkingDays: readonly CivilDate[];
}

/**
 * A day off (`YYYY-MM-DD`), or a run of days off as an ISO 8601 interval `YYYY-MM-DD/YYYY-MM-DD`
 * (both ends included), as an inventory declares them.
 */
export type HolidaySpan = string;

/** The two ends of a span (the same date twice for a single day); undefined when it is not one. */
export function spanEnds(text: string): readonly [CivilDate, CivilDate] | undefined {
  const parts = text.split('/');
  if (parts.length > 2 || !parts.every(isCivilDate)) return undefined;
  return [parts[0]!, parts[parts.length - 1]!];
}

/**
 * One year of the State Council notice, supplied by the user (inventory `calendars.CN`) for a
 * year the built-in table lacks or to correct one it has. Validated by the inventory schema:
 * every date in `year`, none twice, make-up working days on a Saturday or Sunday.
 */
export interface SuppliedHolidayYear {
  readonly year: number;
  readonly holidays: readonly HolidaySpan[];
  readonly makeUpWorkingDays: readonly CivilDate[];
  /** Where the dates come from (the notice's title or number). */
  readonly source: string;
}

/** The dates of the spans, in order. */
export function expandSpans(spans: readonly HolidaySpan[]): CivilDate[] {
  return spans.flatMap((s) => {
    const ends = spanEnds(s);
    return ends ? span(ends[0], ends[1]) : [];
  });
}

function span(from: CivilDate, to: CivilDate): CivilDate[] {
  const out: CivilDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function year(spec: { off: readonly (readonly [CivilDate, CivilDate])[]; work: readonly CivilDate[] }): CnHolidayYear {
  return { holidays: spec.off.flatMap(([a, b]) => span(a, b)), makeUpWorkingDays: [...spec.work] };
}

const NOTICE = 'State Council General Office notice on the holiday arrangements for';

/** One value per calendar year; `from`/`until` bound the year the notice covers. */
export const CN_HOLIDAYS: Param<CnHolidayYear> = param<CnHolidayYear>(
  'time.cn.holidays',
  'Public holidays and make-up working days in mainland China (State Council annual notice).',
  [
    {
      from: '2021-01-01',
      until: '2021-12-31',
      citation: `${NOTICE} 2021`,
      confidence: 'memory',
      value: year({
        off: [
          ['2021-01-01', '2021-01-03'],
          ['2021-02-11', '2021-02-17'],
          ['2021-04-03', '2021-04-05'],
          ['2021-05-01', '2021-05-05'],
          ['2021-06-12', '2021-06-14'],
          ['2021-09-19', '2021-09-21'],
          ['2021-10-01', '2021-10-07'],
        ],
        work: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
      }),
    },
    {
      from: '2022-01-01',
      until: '2022-12-31',
      citation: `${NOTICE} 2022`,
      confidence: 'memory',
      value: year({
        off: [
          ['2022-01-01', '2022-01-03'],
          ['2022-01-31', '2022-02-06'],
          ['2022-04-03', '2022-04-05'],
          ['2022-04-30', '2022-05-04'],
          ['2022-06-03', '2022-06-05'],
          ['2022-09-10', '2022-09-12'],
          ['2022-10-01', '2022-10-07'],
        ],
        work: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
      }),
    },
    {
      from: '2023-01-01',
      until: '2023-12-31',
      citation: `${NOTICE} 2023`,
      confidence: 'memory',
      value: year({
        off: [
          ['2023-01-01', '2023-01-02'],
          ['2023-01-21', '2023-01-27'],
          ['2023-04-05', '2023-04-05'],
          ['2023-04-29', '2023-05-03'],
          ['2023-06-22', '2023-06-24'],
          ['2023-09-29', '2023-10-06'],
        ],
        work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
      }),
    },
    {
      from: '2024-01-01',
      until: '2024-12-31',
      citation: `${NOTICE} 2024`,
      confidence: 'memory',
      value: year({
        off: [
          ['2024-01-01', '2024-01-01'],
          ['2024-02-10', '2024-02-17'],
          ['2024-04-04', '2024-04-06'],
          ['2024-05-01', '2024-05-05'],
          ['2024-06-10', '2024-06-10'],
          ['2024-09-15', '2024-09-17'],
          ['2024-10-01', '2024-10-07'],
        ],
        work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
      }),
    },
    {
      from: '2025-01-01',
      until: '2025-12-31',
      citation: `${NOTICE} 2025 (first year with Spring Festival Eve and an extra Labour Day holiday)`,
      confidence: 'memory',
      value: year({
        off: [
          ['2025-01-01', '2025-01-01'],
          ['2025-01-28', '2025-02-04'],
          ['2025-04-04', '2025-04-06'],
          ['2025-05-01', '2025-05-05'],
          ['2025-05-31', '2025-06-02'],
          ['2025-10-01', '2025-10-08'],
        ],
        work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      }),
    },
    {
      from: '2026-01-01',
      until: '2026-12-31',
      citation: `${NOTICE} 2026`,
      confidence: 'memory',
      value: year({
        off: [
          ['2026-01-01', '2026-01-03'],
          ['2026-02-15', '2026-02-23'],
          ['2026-04-04', '2026-04-06'],
          ['2026-05-01', '2026-05-05'],
          ['2026-06-19', '2026-06-21'],
          ['2026-09-25', '2026-09-27'],
          ['2026-10-01', '2026-10-07'],
        ],
        work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      }),
    },
  ],
);

/** Years the table covers. */
export function cnCoveredYears(): number[] {
  return CN_HOLIDAYS.values.map((v) => Number(v.from.slice(0, 4)));
}

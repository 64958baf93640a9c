import { InputError } from '../common/errors.js';
import { isCivilDate, type CivilDate } from '../time/civil-date.js';
import { notACalendarDay } from '../time/calendar-day.js';

export { notACalendarDay };

export type OutputFormat = 'text' | 'json';

/** Validates a `--format` value against the formats a command supports. */
export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new InputError({ file: '<argv>', path: '--format', message: `expected one of ${allowed.join(', ')}, got "${value}"` });
}

/** Validates a date flag (`--as-of`, `--list-date`): YYYY-MM-DD and a day of the calendar. */
export function parseDateFlag(value: string, flag: string): CivilDate {
  if (isCivilDate(value)) return value;
  const why = /^\d{4}-\d{2}-\d{2}$/.test(value) ? notACalendarDay(value) : undefined;
  throw new InputError({
    file: '<argv>',
    path: flag,
    message: why ? `"${value}" is not a date: ${why}` : `expected a date YYYY-MM-DD, got "${value}"`,
  });
}

/** Minimal ANSI styling, on only when writing to a terminal and NO_COLOR is unset. */
export function styler(enabled: boolean) {
  const on = enabled && !process.env['NO_COLOR'];
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    gray: wrap(90, 39),
  };
}
export type Styler = ReturnType<typeof styler>;


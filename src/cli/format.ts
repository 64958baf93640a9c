import { InputError } from '../common/errors.js';
import { daysInMonth, isCivilDate, type CivilDate } from '../time/civil-date.js';

export type OutputFormat = 'text' | 'json';

/** Validates a `--format` value against the formats a command supports. */
export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new InputError({ file: '<argv>', path: '--format', message: `expected one of ${allowed.join(', ')}, got "${value}"` });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why the start of `text` (YYYY-MM-DD…) is not a day of the calendar, e.g. `February 2025 has
 * 28 days`; undefined when it does not start with that shape or is a real day.
 */
export function notACalendarDay(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `there is no month ${m[2]}`;
  if (d < 1 || d > daysInMonth(y, mo)) return `${MONTHS[mo - 1]} ${m[1]} has ${daysInMonth(y, mo)} days`;
  return undefined;
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


/**
 * Why a date written YYYY-MM-DD is not a day of the calendar, in words ("February 2026 has 28
 * days"): shared by the date flags and the inventory's date fields.
 */
import { daysInMonth } from './civil-date.js';

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

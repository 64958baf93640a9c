/**
 * Turning an anchor instant and a counting rule into a due instant.
 *
 * - hours: elapsed hours from the anchor instant.
 * - days: the anchor's own day is not counted; the period ends at the end (23:59:59) of the
 *   last day in the regulator's zone. PRC Civil Code Arts. 201 and 203 [M] and EU Regulation
 *   (EEC, Euratom) No 1182/71 Art. 3(1)–(2) [M] both count this way. Neither the PRC rule that
 *   moves a last day falling on a statutory holiday to the next working day (Civil Code Art.
 *   203) nor the EU one (Reg. 1182/71 Art. 3(4)) is applied: the due date can only be earlier
 *   than the legal one (conservative); the obligation carries a note when it applies.
 * - months: the same-numbered day of the later month (its last day when there is none), at its
 *   end (Reg. 1182/71 Art. 3(2)(c) [M]).
 * - business-days: working days on a registered calendar, the anchor's day not counted, at a
 *   cut-off time on the last day.
 */
import type { CivilDate } from '../time/civil-date.js';
import { addDays, addMonths } from '../time/civil-date.js';
import { addWorkingDays, BUILT_IN_CALENDARS, hasCalendar, type RunCalendars } from '../time/working-days.js';
import { addHours, dateIn, endOfDay, fromLocal, type Instant } from '../time/zoned.js';
import type { Counting } from './model.js';

/**
 * The due instant, or undefined for a duty with no fixed deadline. Business days are counted on
 * `calendars` (the run's: the registered calendars with the inventory's supplied holiday years).
 */
export function dueInstant(anchor: Instant, counting: Counting, timeZone: string, calendars: RunCalendars = BUILT_IN_CALENDARS): Instant | undefined {
  switch (counting.kind) {
    case 'hours':
      return addHours(anchor, counting.hours);
    case 'days':
      return endOfDay(addDays(dateIn(anchor, timeZone), counting.days), timeZone);
    case 'months':
      return endOfDay(addMonths(dateIn(anchor, timeZone), counting.months), timeZone);
    case 'business-days': {
      if (!hasCalendar(counting.calendar)) throw new Error(`calendar ${counting.calendar} is not registered`);
      const last: CivilDate = addWorkingDays(dateIn(anchor, timeZone), counting.days, calendars.get(counting.calendar));
      return fromLocal({ date: last, hour: counting.cutoff.hour, minute: counting.cutoff.minute, second: 0, millisecond: 0 }, timeZone);
    }
    case 'no-fixed-deadline':
      return undefined;
  }
}

/** The counting rule in words, e.g. "24 h after", "2 days after (that day not counted)". */
export function describeCounting(counting: Counting): string {
  switch (counting.kind) {
    case 'hours':
      if (counting.hours === 0) return 'at';
      return `within ${counting.hours} h of`;
    case 'days':
      if (counting.days === 0) return 'by the end of the day of';
      return `within ${counting.days} day${counting.days === 1 ? '' : 's'} (that day not counted, to the end of the last day) of`;
    case 'months':
      return `within ${counting.months} month${counting.months === 1 ? '' : 's'} of`;
    case 'business-days':
      return `within ${counting.days} business days (${counting.calendar} calendar, by ${String(counting.cutoff.hour).padStart(2, '0')}:${String(counting.cutoff.minute).padStart(2, '0')} on the last day) after`;
    case 'no-fixed-deadline':
      return `${counting.words} after`;
  }
}

/**
 * RFC 5545 iCalendar output: one VEVENT per dated obligation, so a team can subscribe to its
 * reporting clocks. Deterministic: the same result gives the same bytes (DTSTAMP is the as-of
 * instant, UIDs derive from event and duty ids).
 *
 * - DTSTART is the due instant in UTC (`20211126T155959Z`); no DTEND, so the event is a point
 *   in time (RFC 5545 §3.6.1).
 * - TEXT values escape backslash, semicolon, comma and newline (§3.3.11); other control
 *   characters, which TEXT may not hold, are replaced.
 * - Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence (§3.1).
 */
import type { ClockObligation, ClocksResult } from './model.js';

const PRODID = '-//datacustoms//clocks//EN';

/**
 * Escapes a TEXT property value (RFC 5545 §3.3.11). TEXT may hold no control character but
 * HTAB (§3.3.11, TSAFE-CHAR; §3.1 CONTROL): line breaks become `\n`, and any other control
 * character (NUL, BEL, ESC, DEL …, e.g. from a product name) becomes U+FFFD.
 */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '\ufffd');
}

/** Folds one content line into chunks of at most 75 octets joined by CRLF + space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75; // the first line has 75 octets; continuation lines 74 plus the leading space
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Do not cut inside a UTF-8 sequence: continuation bytes are 10xxxxxx.
    while (end < bytes.length && end > start && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

/** `2021-11-26T15:59:59Z` → `20211126T155959Z`. */
export function icsUtc(isoUtc: string): string {
  return isoUtc.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * A UID stable across runs and unique per event and duty: `<event>.<duty>@clocks.datacustoms`.
 * The event id is kept as it is (its alphabet, letters, digits and `. _ : -`, is safe in a UID;
 * anything else, from a library caller, is percent-encoded), so distinct events never share a
 * UID. The duty id, from a fixed set, has each run of characters outside [A-Za-z0-9.-] written
 * `_` (`eu.cra/14(2)(a)` → `eu.cra_14_2_a_`).
 */
export function obligationUid(o: Pick<ClockObligation, 'event' | 'id'>): string {
  const pct = (ch: string) => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const event = o.event.replace(/[^A-Za-z0-9._:-]/gu, pct);
  return `${event}.${o.id.replace(/[^A-Za-z0-9.-]+/g, '_')}@clocks.datacustoms`;
}

function summary(o: ClockObligation): string {
  const tag = o.status === 'overdue' ? '[OVERDUE] ' : o.status === 'done' ? '[done] ' : o.inForce ? '' : '[proposed] ';
  return `${tag}${o.what} → ${o.recipient} (${o.event})`;
}

function description(o: ClockObligation): string {
  const lines = [
    `${o.id} — ${o.citation}`,
    `Deadline: ${o.deadline}; due ${o.due ?? '—'} (${o.timeZone}).`,
    `Status: ${o.status}${o.overdueBy ? `, overdue by ${o.overdueBy}` : ''}${o.doneAt ? `, done ${o.doneAt}` : ''}.`,
    ...(o.condition ? [`Applies if: ${o.condition}.`] : []),
    ...o.notes,
  ];
  return lines.join('\n');
}

/** Lines of the calendar before its first component. */
const CALENDAR_HEAD = 6;

/** The calendar for every obligation with a due instant. */
export function toIcs(result: ClocksResult): string {
  const stamp = icsUtc(result.asOf);
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText('Reporting clocks (datacustoms)')}`];
  for (const o of result.obligations) {
    if (!o.dueUtc) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${obligationUid(o)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsUtc(o.dueUtc)}`,
      `SUMMARY:${escapeText(summary(o))}`,
      `DESCRIPTION:${escapeText(description(o))}`,
      `CATEGORIES:${escapeText(o.regime)}`,
      `STATUS:${o.inForce ? 'CONFIRMED' : 'TENTATIVE'}`,
      'TRANSP:TRANSPARENT',
    );
    if (o.status === 'due' && o.inForce) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(`Due in 1 h: ${o.what}`)}`, 'TRIGGER:-PT1H', 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  // RFC 5545 §3.4/§3.6: a calendar holds at least one component. With no dated obligation,
  // a journal entry says so (calendar programs show no event for it).
  if (lines.length === CALENDAR_HEAD) {
    lines.push('BEGIN:VJOURNAL', `UID:none.${stamp}@clocks.datacustoms`, `DTSTAMP:${stamp}`, `SUMMARY:${escapeText(`No reporting clock with a due date as of ${result.asOf}`)}`, 'END:VJOURNAL');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * The clocks core: organization + events + "now" → obligations (with due instants and
 * status), checks and notes. Pure: no I/O, no clock reading (the caller passes `asOf`).
 */
import { valueAt, type ParamValue } from '../engine/params.js';
import { InputError, type InputLocation, type InputProblem } from '../common/errors.js';
import type { DutyId, InventoryEvent } from '../inventory/events.js';
import type { Organization } from '../inventory/schema.js';
import { addDays, weekday } from '../time/civil-date.js';
import { BUILT_IN_CALENDARS, coverageNotice, uncoveredYears, type RunCalendars } from '../time/working-days.js';
import { dateIn, formatDuration, formatInstant, formatUtc, isTimeZone, type Instant } from '../time/zoned.js';
import { describeCounting, dueInstant } from './counting.js';
import { conflictChecks } from './interactions.js';
import type { ClockCheck, ClockContext, ClockNote, ClockObligation, ClocksResult, Counting, DutyDef, ObligationStatus } from './model.js';
import { CLOCK_PACKS } from './packs/index.js';
import { CLOCK_RANGE, inClockRange, parseClockInstant, skippedLocalTime } from './range.js';
import { fieldSpan } from './precision.js';
import { CN_ZONE } from './regulator-zones.js';
import { pushAll } from '../common/arrays.js';

/** Instant-valued fields, by event kind (besides `learned` and `reports[].at`). */
const INSTANT_FIELDS: Readonly<Record<InventoryEvent['kind'], readonly string[]>> = {
  vulnerability: ['exploitationAware', 'fixAvailable', 'publiclyDisclosed'],
  incident: ['handlingEnded', 'classifiedMajor', 'materialityDetermined', 'ransomPaid'],
  personal_data_breach: [],
  government_request: ['prcApproval', 'respondBy'],
};

export interface EvaluateOptions {
  /** "Now": statuses are as of this instant. */
  readonly asOf: Instant;
  /** Where each event came from, for error messages (index-aligned with events). */
  readonly where?: readonly string[];
  /**
   * Places a field of the event at `index` in its source (file, line:column, path), for error
   * messages; `path` is relative to the event, e.g. `['reports', 0, 'at']`.
   */
  readonly locate?: (index: number, path: readonly (string | number)[]) => InputLocation;
  /**
   * The working-day calendars to count on: the registered ones with the holiday years the
   * inventory supplies (`runCalendars(inventory.calendars)`). Default: the built-in ones.
   */
  readonly calendars?: RunCalendars;
}

/** Resolves every time on the event into an instant; throws InputError naming the field. */
export function buildContext(
  org: Organization,
  event: InventoryEvent,
  asOf: Instant,
  where = 'events',
  locate?: (path: readonly (string | number)[]) => InputLocation,
): ClockContext {
  const zone = event.timeZone ?? org.timeZone;
  if (!isTimeZone(zone)) throw new InputError({ file: where, path: 'organization.timeZone', message: `unknown time zone "${zone}"` });
  const instants = new Map<string, Instant>();
  const dateOnly = new Set<string>();
  const read = (name: string, text: string | undefined, segments: readonly (string | number)[]) => {
    if (text === undefined) return;
    const p = parseClockInstant(text, zone);
    if (p === undefined || p === 'out-of-range') {
      const path = `${where}.${name}`;
      const readIn = /[T ].*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text) ? '' : ` (read in ${zone})`;
      const message = p === undefined ? `not a date or date-time: "${text}"` : `"${text}"${readIn} is outside the ${CLOCK_RANGE.words} that clocks count in`;
      throw new InputError({ file: where, path, ...locate?.(segments), message });
    }
    const skipped = skippedLocalTime(text, zone);
    if (skipped) throw new InputError({ file: where, path: `${where}.${name}`, ...locate?.(segments), message: skipped });
    instants.set(name, p.instant);
    if (p.dateOnly) dateOnly.add(name);
  };
  const record = event as unknown as Record<string, unknown>;
  read('learned', event.learned, ['learned']);
  for (const f of INSTANT_FIELDS[event.kind]) {
    const v = record[f];
    if (typeof v === 'string') read(f, v, [f]);
  }
  if (event.kind === 'vulnerability') event.sharedWith.forEach((d, i) => read(`sharedWith[${i}].at`, d.at, ['sharedWith', i, 'at']));
  const reports = new Map<DutyId, { at: Instant; reference?: string }>();
  event.reports.forEach((r, i) => {
    read(`reports[${i}].at`, r.at, ['reports', i, 'at']);
    const at = instants.get(`reports[${i}].at`)!;
    if (at > asOf) return; // not yet made, as seen from as-of
    const prior = reports.get(r.duty);
    if (!prior || at < prior.at) reports.set(r.duty, { at, ...(r.reference ? { reference: r.reference } : {}) });
  });
  const problems = impossibleOrderings(event, instants, dateOnly, zone, where, locate);
  if (problems.length) throw new InputError(problems);
  return { org, event, zone, instants, dateOnly, reports, asOf };
}

/**
 * Orderings of an event's times that can never be true (docs/clocks.md, "Impossible orderings"):
 * each names a field, the field it cannot precede, and why. Orderings that are merely unusual
 * (a fix or a publication before our awareness, a final report before the notification it
 * follows) are not here.
 */
const NOT_BEFORE_LEARNED: Readonly<Record<string, string>> = {
  exploitationAware: 'awareness that the vulnerability is exploited is awareness of the vulnerability',
  handlingEnded: 'handling of an incident cannot end before we are aware of it',
  classifiedMajor: 'an incident cannot be classified before we are aware of it',
  materialityDetermined: 'materiality cannot be determined before we are aware of the incident',
  ransomPaid: 'a ransom is paid in answer to an attack we are aware of',
};
/** Duties whose report states its anchor as a fact: it cannot be made before the anchor. */
const REPORT_NOT_BEFORE: Readonly<Partial<Record<DutyId, { field: string; why: string }>>> = {
  'us.sec.8k/1.05': { field: 'materialityDetermined', why: 'an Item 1.05 filing discloses an incident already determined to be material' },
  'us.circia/681b(a)(2)': { field: 'ransomPaid', why: 'a ransom payment report reports a payment already made' },
};

function impossibleOrderings(
  event: InventoryEvent,
  instants: ReadonlyMap<string, Instant>,
  dateOnly: ReadonlySet<string>,
  zone: string,
  where: string,
  locate: ((path: readonly (string | number)[]) => InputLocation) | undefined,
): InputProblem[] {
  // A date alone stands for the whole day in the event's zone: it is before another time only
  // when the whole day is.
  const span = (name: string) => fieldSpan({ instants, dateOnly, zone }, name)!;
  const record = event as unknown as Record<string, unknown>;
  const text = (name: string, value: unknown) => `\`${name}\` ("${String(value)}")`;
  const problems: InputProblem[] = [];
  const check = (name: string, value: unknown, segments: readonly (string | number)[], before: string, beforeValue: unknown, why: string) => {
    if (!instants.has(name) || !instants.has(before)) return;
    if (span(name).latest >= span(before).earliest) return;
    problems.push({
      file: where,
      path: `${where}.${name}`,
      ...locate?.(segments),
      message: `"${String(value)}" is before ${text(before, beforeValue)}: ${why}`,
    });
  };
  for (const [name, why] of Object.entries(NOT_BEFORE_LEARNED)) check(name, record[name], [name], 'learned', event.learned, why);
  if (event.kind === 'vulnerability') {
    event.sharedWith.forEach((d, i) => check(`sharedWith[${i}].at`, d.at, ['sharedWith', i, 'at'], 'learned', event.learned, 'vulnerability information cannot be given before we are aware of the vulnerability'));
  }
  event.reports.forEach((r, i) => {
    const name = `reports[${i}].at`;
    check(name, r.at, ['reports', i, 'at'], 'learned', event.learned, `a report (${r.duty}) cannot be made before we are aware of what it reports`);
    const own = REPORT_NOT_BEFORE[r.duty];
    if (own) check(name, r.at, ['reports', i, 'at'], own.field, record[own.field], own.why);
  });
  return problems;
}

function inWindow(date: string, w: { from: string; until?: string }): boolean {
  return w.from <= date && (w.until === undefined || date <= w.until);
}

/**
 * Notes that a day count's last day would move under a holiday rule we do not apply, and that a
 * CN rest-day judgement was made for a year the holiday table does not cover.
 */
function lastDayNotes(counting: Counting, due: Instant, zone: string, calendars: RunCalendars): string[] {
  if (counting.kind !== 'days' && counting.kind !== 'months') return [];
  const last = dateIn(due, zone);
  if (zone === CN_ZONE) {
    const cal = calendars.CN;
    const out: string[] = [];
    if (!cal.isWorkingDay(last)) {
      out.push(`The last day (${last}) is a rest day or public holiday in China; PRC Civil Code Art. 203 may move it to the next working day — not applied (conservative) [M].`);
    }
    const gap = coverageNotice(cal, uncoveredYears(cal, last), `Whether the last day (${last}) is a rest day or public holiday in China`);
    if (gap) out.push(gap);
    return out;
  }
  const w = weekday(last);
  if (w === 0 || w === 6) {
    return [`The last day (${last}) is a ${w === 0 ? 'Sunday' : 'Saturday'}; Regulation 1182/71 Art. 3(4) may move it to the next working day — not applied (conservative) [M].`];
  }
  return [];
}

/** A business-day count that reached a year its calendar's holiday table does not cover. */
export function countingNotes(counting: Counting, anchorAt: Instant, due: Instant, zone: string, calendars: RunCalendars = BUILT_IN_CALENDARS): string[] {
  if (counting.kind !== 'business-days') return [];
  const cal = calendars.get(counting.calendar);
  const from = dateIn(anchorAt, zone);
  const last = dateIn(due, zone);
  const gap = coverageNotice(cal, uncoveredYears(cal, addDays(from, 1), last), `The ${counting.days}-business-day count from ${from} to ${last} (${counting.calendar} calendar)`);
  return gap ? [gap] : [];
}

function evaluateDuty(duty: DutyDef, c: ClockContext, out: { obligations: ClockObligation[]; notes: ClockNote[] }, calendars: RunCalendars = BUILT_IN_CALENDARS): void {
  if (!duty.kinds.includes(c.event.kind)) return;
  const a = duty.applies(c);
  if (!a) return;
  const zone = duty.timeZone(c);
  const learned = c.instants.get('learned')!;
  const triggerAt = duty.trigger?.at(c);
  const trigger = triggerAt !== undefined && c.instants.has(duty.trigger!.name) ? { name: duty.trigger!.name, at: triggerAt } : { name: 'learned', at: learned };
  const eventDate = dateIn(trigger.at, zone);
  if (a.notApplicable) {
    out.notes.push({ regime: duty.regime, event: c.event.id, duty: duty.id, note: `${duty.id}: ${a.notApplicable}.`, citation: duty.citation });
    return;
  }
  const effective = duty.effectiveFor?.(c) ?? duty.effective;
  // A trigger that is not declared and has no default (the SEC materiality determination) comes
  // at or after awareness: awareness before the effective date does not show it came before,
  // so the duty is listed on that condition rather than dropped (conservative).
  let windowCondition: string | undefined;
  if (duty.trigger && triggerAt === undefined && eventDate < effective.from) {
    windowCondition = `${duty.trigger.startsWhen}, on or after ${effective.from} (from when ${duty.citation} applies; awareness, ${formatInstant(learned, c.zone)}, is earlier)`;
  } else if (!inWindow(eventDate, effective)) {
    // A trigger given as a date alone may be any moment of that day (read in the event's zone),
    // which can reach into the window in the regulator's zone: listed on that condition.
    const lastDate = dateIn(fieldSpan(c, trigger.name)?.latest ?? trigger.at, zone);
    if (eventDate < effective.from && inWindow(lastDate, effective)) {
      const given = String((c.event as unknown as Record<string, unknown>)[trigger.name]);
      windowCondition = `${trigger.name === 'learned' ? 'awareness' : `\`${trigger.name}\``} came on or after ${effective.from} in ${zone}, from when ${duty.citation} applies (the date ${given} alone, read in ${c.zone}, runs into that day)`;
    } else {
      const when = eventDate < effective.from ? `applies from ${effective.from}` : `ceased to apply after ${effective.until}`;
      const there = zone === c.zone ? '' : `, ${formatInstant(trigger.at, zone)} in ${zone}`;
      out.notes.push({
        regime: duty.regime,
        event: c.event.id,
        duty: duty.id,
        note: `${duty.citation} ${when}; this event (${trigger.name === 'learned' ? 'aware' : trigger.name} ${formatInstant(trigger.at, c.zone)}${there}) falls outside it: no duty.`,
        citation: duty.citation,
      });
      return;
    }
  }

  // The earliest due instant among the deadlines whose anchor is known.
  const specs = duty.deadlines(c);
  let best: { due: Instant | undefined; anchorName: string; anchorAt: Instant; counting: Counting; value: ParamValue<Counting> } | undefined;
  for (const spec of specs) {
    const at = spec.anchor.at(c);
    if (at === undefined) continue;
    const value = valueAt(spec.period, dateIn(at, zone)) ?? spec.period.values[spec.period.values.length - 1]!;
    const due = dueInstant(at, value.value, zone, calendars);
    if (!best || (due !== undefined && (best.due === undefined || due < best.due))) best = { due, anchorName: spec.anchor.name, anchorAt: at, counting: value.value, value };
  }
  const first = specs[0]!;
  const firstCounting = (valueAt(first.period, eventDate) ?? first.period.values[first.period.values.length - 1]!).value;
  const counting = best?.counting ?? firstCounting;
  const anchorName = best?.anchorName ?? first.anchor.name;
  const deadline = `${describeCounting(counting)} ${anchorName === 'learned' ? 'awareness' : anchorName.replace(/^report:/, 'submission of ')}`;

  const notes: string[] = [];
  if (a.note) notes.push(a.note);
  if (best && c.dateOnly.has(best.anchorName) && (counting.kind === 'hours' || counting.kind === 'no-fixed-deadline')) {
    notes.push(`\`${best.anchorName}\` is given as a date only; the clock runs from 00:00 ${c.zone} that day (the earliest it can have been).`);
  }
  if (counting.kind === 'no-fixed-deadline') notes.push(`No fixed deadline: ${counting.words}.`);
  if (best?.due !== undefined) notes.push(...lastDayNotes(counting, best.due, zone, calendars), ...countingNotes(counting, best.anchorAt, best.due, zone, calendars));
  if (duty.proposed) notes.push('Proposed rule, not in force: never overdue.');

  const due = best?.due;
  const reported = c.reports.get(duty.id)?.at;
  const satisfied = duty.satisfiedAt?.(c);
  const doneAt = reported === undefined ? satisfied : satisfied === undefined ? reported : Math.min(reported, satisfied);
  // A day or month count ends at the end of its last day, written 23:59:59: the rest of that
  // second (23:59:59.5) is still within the period. Other deadlines end at their instant.
  const last = due !== undefined && (counting.kind === 'days' || counting.kind === 'months') ? due + 999 : due;
  let status: ObligationStatus = 'due';
  let overdueBy: string | undefined;
  let lateBy: string | undefined;
  if (doneAt !== undefined) {
    status = 'done';
    if (due !== undefined && doneAt > last!) lateBy = formatDuration(doneAt - due);
    // A report dated only with the day the deadline falls on may have been on time or late.
    const index = c.event.reports.findIndex((r, i) => r.duty === duty.id && c.instants.get(`reports[${i}].at`) === doneAt);
    const made = index >= 0 && doneAt === reported ? fieldSpan(c, `reports[${index}].at`) : undefined;
    if (due !== undefined && made && lateBy === undefined && made.latest > last!) {
      notes.push(`Reported on ${c.event.reports[index]!.at} (\`reports[${index}].at\`, a date only, read in ${c.zone}), and the deadline (${formatInstant(due, zone)}) falls within that day: whether it was made in time is not known; give the time to tell.`);
    }
  } else if (due !== undefined && !duty.proposed && c.asOf > last!) {
    status = 'overdue';
    overdueBy = formatDuration(c.asOf - due);
  }
  const startsWhen = best === undefined ? first.anchor.startsWhen : undefined;

  out.obligations.push({
    id: duty.id,
    regime: duty.regime,
    event: c.event.id,
    what: duty.what,
    recipient: a.recipient ?? duty.recipient,
    ...(due !== undefined ? { due: formatInstant(due, zone), dueUtc: formatUtc(due) } : {}),
    status,
    citation: duty.citation,
    confidence: best?.value.confidence ?? duty.confidence,
    effective,
    inForce: !duty.proposed,
    timeZone: zone,
    deadline,
    anchor: { name: anchorName, ...(best ? { at: formatInstant(best.anchorAt, zone) } : {}) },
    ...(startsWhen ? { startsWhen } : {}),
    ...(overdueBy ? { overdueBy } : {}),
    ...(doneAt !== undefined ? { doneAt: formatInstant(doneAt, zone) } : {}),
    ...(lateBy ? { lateBy } : {}),
    ...(a.condition || windowCondition ? { condition: [a.condition, windowCondition].filter(Boolean).join('; and ') } : {}),
    notes,
  });
}

/** Evaluates every pack on every event. Output order is stable: events in input order, then due time. */
export function evaluateClocks(org: Organization, events: readonly InventoryEvent[], options: EvaluateOptions): ClocksResult {
  const obligations: ClockObligation[] = [];
  const checks: ClockCheck[] = [];
  const notes: ClockNote[] = [];
  if (!inClockRange(options.asOf)) throw new InputError({ path: 'asOf', message: `outside the ${CLOCK_RANGE.words} that clocks count in` });
  const calendars = options.calendars ?? BUILT_IN_CALENDARS;
  const dutyOrder = new Map<string, number>();
  CLOCK_PACKS.forEach((p, i) => p.duties.forEach((d, j) => dutyOrder.set(d.id, i * 100 + j)));

  // Every event's input problems are reported together, not only the first event's.
  const problems: InputProblem[] = [];
  events.forEach((event, index) => {
    let c: ClockContext;
    try {
      c = buildContext(org, event, options.asOf, options.where?.[index] ?? `events[${index}]`, options.locate && ((path) => options.locate!(index, path)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      pushAll(problems, e.problems);
      return;
    }
    if (problems.length) return;
    const mine = { obligations: [] as ClockObligation[], notes: [] as ClockNote[] };
    for (const pack of CLOCK_PACKS) {
      for (const duty of pack.duties) evaluateDuty(duty, c, mine, calendars);
      if (pack.checks) checks.push(...pack.checks(c));
    }
    checks.push(...conflictChecks(c, mine.obligations));
    mine.notes.push(...unmatchedReports(event, mine.obligations));
    mine.obligations.sort((x, y) => {
      if (x.dueUtc !== undefined && y.dueUtc !== undefined && x.dueUtc !== y.dueUtc) return x.dueUtc < y.dueUtc ? -1 : 1;
      if ((x.dueUtc === undefined) !== (y.dueUtc === undefined)) return x.dueUtc === undefined ? 1 : -1;
      return (dutyOrder.get(x.id) ?? 0) - (dutyOrder.get(y.id) ?? 0);
    });
    obligations.push(...mine.obligations);
    // One "not in force" note per regime and event is enough.
    const seen = new Set<string>();
    for (const n of mine.notes) {
      const key = n.note.includes('falls outside it') ? `${n.regime}:window` : `${n.regime}:${n.duty}`;
      if (seen.has(key)) continue;
      seen.add(key);
      notes.push(n.note.includes('falls outside it') ? { ...n, duty: undefined, note: collapseWindowNote(n) } : n);
    }
  });

  if (problems.length) throw new InputError(problems);
  const count = (s: ObligationStatus) => obligations.filter((o) => o.status === s).length;
  return {
    asOf: formatUtc(options.asOf),
    obligations,
    checks,
    notes: notes.map(({ duty, ...rest }) => (duty ? { ...rest, duty } : rest)),
    summary: {
      events: events.length,
      obligations: obligations.length,
      due: count('due'),
      overdue: count('overdue'),
      done: count('done'),
      undated: obligations.filter((o) => o.due === undefined).length,
      prohibited: checks.filter((k) => k.verdict === 'prohibited' || k.verdict === 'prohibited_without_approval').length,
      legalReview: checks.filter((k) => k.verdict === 'legal_review').length,
    },
  };
}

/**
 * A declared report whose duty gave no obligation for this event discharges nothing: said in a
 * note (one per duty), rather than dropped without a word (a report filed under the wrong duty
 * id, or on the wrong event, would otherwise pass unnoticed).
 */
function unmatchedReports(event: InventoryEvent, obligations: readonly ClockObligation[]): ClockNote[] {
  const listed = new Set(obligations.map((o) => o.id));
  const byDuty = new Map<DutyId, number[]>();
  event.reports.forEach((r, i) => {
    if (!listed.has(r.duty)) byDuty.set(r.duty, [...(byDuty.get(r.duty) ?? []), i]);
  });
  const notes: ClockNote[] = [];
  for (const [duty, indexes] of byDuty) {
    const pack = CLOCK_PACKS.find((p) => p.duties.some((d) => d.id === duty));
    const def = pack?.duties.find((d) => d.id === duty);
    if (!pack || !def) continue;
    const which = indexes.map((i) => `reports[${i}]`).join(', ');
    const why = def.kinds.includes(event.kind)
      ? 'which gives no obligation for this event (the organization\'s roles, the event\'s facts or the dates the rule is in force do not call for it)'
      : `a duty on ${def.kinds.map((k) => k.replace(/_/g, ' ')).join(' or ')} events, and this event is a ${event.kind.replace(/_/g, ' ')}`;
    notes.push({ regime: pack.id, event: event.id, duty, note: `${which} ${indexes.length === 1 ? 'is' : 'are'} declared for ${duty}, ${why}: not matched to any obligation.`, citation: def.citation });
  }
  return notes;
}

function collapseWindowNote(n: ClockNote): string {
  const pack = CLOCK_PACKS.find((p) => p.id === n.regime);
  return pack ? `${pack.title}: ${n.note.replace(/^.*? (applies from|ceased to apply after)/, '$1')}` : n.note;
}

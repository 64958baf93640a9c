/**
 * NIS2 Directive, Directive (EU) 2022/2555, Art. 23 (reporting obligations). Transposition
 * deadline 2024-10-17; national measures apply from 2024-10-18. A directive: the duty binds
 * through each member state's transposing law, whose wording can differ.
 * Reference: ../shared/reference/cn-eu-rules.md §10.2 [M].
 */
import { param } from '../../engine/params.js';
import type { DutyId } from '../../inventory/events.js';
import { formatInstant } from '../../time/zoned.js';
import { HANDLING_ENDED, LEARNED, reportMade } from '../anchors.js';
import { fieldSpan } from '../precision.js';
import { euMemberStateLabel, euZone } from '../regulator-zones.js';
import { definePack, defineDuty, type Applicability, type ClockContext, type Counting } from '../model.js';

export const REGIME = 'eu.nis2';
const FROM = '2024-10-18';
const EFFECTIVE = { from: FROM } as const;
const SOURCE = 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj';
const CITE = 'Directive (EU) 2022/2555 (NIS2)';

function recipient(c: ClockContext): string {
  return `CSIRT or competent authority of ${euMemberStateLabel(c.org)}`;
}

function significant(c: ClockContext): Applicability | null {
  const e = c.event;
  if (e.kind !== 'incident' || !c.org.eu.nis2) return null;
  if (e.significant === false) return { notApplicable: 'declared not significant (Art. 23(3))' };
  const base: Applicability = { recipient: recipient(c), note: 'Deadlines as in the Directive; check the transposing law of the member state.' };
  return e.significant === undefined
    ? { ...base, condition: 'the incident is significant: severe operational disruption or financial loss, or considerable damage to others (Art. 23(3)) — declare `significant`' }
    : base;
}

/** Adds a sentence to the notes of an applicable duty. */
function withNote(a: Applicability | null, extra: string): Applicability | null {
  if (!a || a.notApplicable) return a;
  return { ...a, note: a.note ? `${a.note} ${extra}` : extra };
}

function trustServiceCase(c: ClockContext): boolean {
  return c.event.kind === 'incident' && c.event.trustService && c.org.eu.trustServiceProvider;
}

const hoursParam = (id: string, n: number, citation: string) =>
  param<Counting>(id, citation, [{ from: FROM, value: { kind: 'hours', hours: n }, citation, confidence: 'memory' }]);

export const EW_PERIOD = hoursParam('eu.nis2.23-4-a.period', 24, `${CITE} Art. 23(4)(a)`);
export const NOTIF_PERIOD = hoursParam('eu.nis2.23-4-b.period', 72, `${CITE} Art. 23(4)(b)`);
export const TSP_NOTIF_PERIOD = hoursParam('eu.nis2.23-4-b.tsp.period', 24, `${CITE} Art. 23(4)(b), trust service providers`);
export const FINAL_PERIOD = param<Counting>('eu.nis2.23-4-d.period', `${CITE} Art. 23(4)(d)`, [
  { from: FROM, value: { kind: 'months', months: 1 }, citation: `${CITE} Art. 23(4)(d)`, confidence: 'memory' },
]);
export const FINAL_AFTER_HANDLING_PERIOD = param<Counting>('eu.nis2.23-4-e.period', `${CITE} Art. 23(4)(e)`, [
  { from: FROM, value: { kind: 'months', months: 1 }, citation: `${CITE} Art. 23(4)(e)`, confidence: 'memory' },
]);

const NOTIFICATION: DutyId = 'eu.nis2/23(4)(b)';
const FINAL: DutyId = 'eu.nis2/23(4)(d)';

const noCount = (id: string, words: string, citation: string) =>
  param<Counting>(id, citation, [{ from: FROM, value: { kind: 'no-fixed-deadline', words }, citation, confidence: 'memory' }]);

export const SERVICE_RECIPIENTS_PERIOD = noCount('eu.nis2.23-1.period', 'without undue delay', `${CITE} Art. 23(1)`);
export const INTERMEDIATE_PERIOD = noCount('eu.nis2.23-4-c.period', 'on request', `${CITE} Art. 23(4)(c)`);

/** Joins the conditions of an applicable duty. */
function withCondition(a: Applicability, condition: string | undefined): Applicability {
  if (!condition) return a;
  return { ...a, condition: a.condition ? `${a.condition}; and ${condition}` : condition };
}

// --- Art. 23(1): recipients of the services ---------------------------------------------------
// Where appropriate, the entity notifies the recipients of its services without undue delay of
// a significant incident likely to adversely affect the provision of those services. No fixed
// count. Its own duty (a report to other people than the CSIRT): declaring the early warning does
// not discharge it. `serviceImpact` unknown → listed on that condition; false → a note.
export const art23_1 = defineDuty({
  id: 'eu.nis2/23(1)',
  regime: REGIME,
  text: 'Notify the recipients of our services, without undue delay, of a significant incident likely to adversely affect the provision of those services.',
  citation: `${CITE} Art. 23(1)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Notify the recipients of our services of the significant incident',
  recipient: 'recipients of our services',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const a = significant(c);
    if (!a || a.notApplicable || c.event.kind !== 'incident') return null; // (a), (b), (d) note "not significant"
    if (c.event.serviceImpact === false) return { notApplicable: 'declared not likely to adversely affect the provision of our services (`serviceImpact`)' };
    const base: Applicability = { note: 'Deadlines as in the Directive; check the transposing law of the member state.' };
    const cond = c.event.serviceImpact === undefined ? 'the incident is likely to adversely affect the provision of our services — declare `serviceImpact`' : undefined;
    return withCondition(a.condition ? { ...base, condition: a.condition } : base, cond);
  },
  deadlines: () => [{ anchor: LEARNED, period: SERVICE_RECIPIENTS_PERIOD }],
});

// --- Art. 23(4)(a) -------------------------------------------------------------------------------
// Without undue delay and in any event within 24 hours of becoming aware of a significant
// incident, an early warning indicating whether it is suspected of being caused by unlawful or
// malicious acts or could have a cross-border impact.
export const art23_4_a = defineDuty({
  id: 'eu.nis2/23(4)(a)',
  regime: REGIME,
  text: 'Early warning within 24 h of becoming aware of a significant incident: suspected unlawful or malicious cause, possible cross-border impact.',
  citation: `${CITE} Art. 23(4)(a)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Early warning (suspected unlawful or malicious cause; possible cross-border impact)',
  recipient: 'CSIRT or competent authority',
  timeZone: (c) => euZone(c.org),
  applies: significant,
  deadlines: () => [{ anchor: LEARNED, period: EW_PERIOD }],
});

// --- Art. 23(4)(b) -------------------------------------------------------------------------------
// Within 72 hours of becoming aware, an incident notification updating the early warning with
// an initial assessment (severity, impact, indicators of compromise); trust service providers,
// for incidents affecting the provision of their trust services, within 24 hours.
export const art23_4_b = defineDuty({
  id: NOTIFICATION,
  regime: REGIME,
  text: 'Incident notification within 72 h of becoming aware (trust service providers: 24 h for incidents affecting their trust services).',
  citation: `${CITE} Art. 23(4)(b)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Incident notification (initial assessment: severity, impact, indicators of compromise)',
  recipient: 'CSIRT or competent authority',
  timeZone: (c) => euZone(c.org),
  applies: significant,
  deadlines: (c) => [{ anchor: LEARNED, period: trustServiceCase(c) ? TSP_NOTIF_PERIOD : NOTIF_PERIOD }],
});

// --- Art. 23(4)(c) -------------------------------------------------------------------------------
// Upon the request of the CSIRT or competent authority, an intermediate report on relevant status
// updates. No clock until requested (the request sets it): listed on the condition that it is
// requested, never overdue.
export const art23_4_c = defineDuty({
  id: 'eu.nis2/23(4)(c)',
  regime: REGIME,
  text: 'On request of the CSIRT or competent authority, an intermediate report on relevant status updates.',
  citation: `${CITE} Art. 23(4)(c)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Intermediate report on relevant status updates',
  recipient: 'CSIRT or competent authority',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const a = significant(c);
    if (!a || a.notApplicable) return null; // (a), (b), (d) note "not significant"
    return withCondition(a, 'the CSIRT or competent authority requests an intermediate report');
  },
  deadlines: () => [{ anchor: LEARNED, period: INTERMEDIATE_PERIOD }],
});

// --- Art. 23(4)(d) -------------------------------------------------------------------------------
// A final report not later than one month after the incident notification; if the incident is
// still ongoing then, the report due then is a progress report (and the final report is the
// Art. 23(4)(e) duty below).
const ONGOING = 'If the incident is still ongoing when this report is made, it is a progress report, and the final report is due within one month after handling ends (eu.nis2/23(4)(e)).';

export const art23_4_d = defineDuty({
  id: FINAL,
  regime: REGIME,
  text: 'Final report within one month after the incident notification (if still ongoing: a progress report then).',
  citation: `${CITE} Art. 23(4)(d)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Final report (description, severity and impact; threat type or root cause; mitigation; cross-border impact) — or a progress report if the incident is still ongoing',
  recipient: 'CSIRT or competent authority',
  timeZone: (c) => euZone(c.org),
  applies: (c) => withNote(significant(c), ONGOING),
  deadlines: () => [{ anchor: reportMade(NOTIFICATION, 'incident notification'), period: FINAL_PERIOD }],
});

// --- Art. 23(4)(e) -------------------------------------------------------------------------------
// If the incident is still ongoing at the time the (d) report is submitted, the final report is
// due within one month of the end of handling. A different report from the (d) one (which was
// then a progress report): its own id. It does not arise when handling ended before the (d)
// report was made, or, with no (d) report made yet, before as-of (the (d) report, when made, is
// then the final report). A date alone is the whole day: "before" only when certainly so.
function ongoingAtFinal(c: ClockContext): { ongoing: boolean | undefined; why?: string } {
  const ended = fieldSpan(c, 'handlingEnded');
  if (ended === undefined) return { ongoing: undefined };
  const zone = euZone(c.org);
  const made = c.reports.get(FINAL);
  if (made !== undefined) {
    const i = c.event.reports.findIndex((r, j) => r.duty === FINAL && c.instants.get(`reports[${j}].at`) === made.at);
    const span = fieldSpan(c, `reports[${i}].at`) ?? { earliest: made.at, latest: made.at };
    if (ended.latest <= span.earliest) {
      return { ongoing: false, why: `handling ended (${formatInstant(ended.earliest, zone)}) before the Art. 23(4)(d) report was made (${formatInstant(made.at, zone)}): that report is the final report` };
    }
    return { ongoing: true };
  }
  if (ended.latest <= c.asOf) {
    return { ongoing: false, why: `handling ended (${formatInstant(ended.earliest, zone)}) and the Art. 23(4)(d) report is not yet made: made now, it is the final report` };
  }
  return { ongoing: true };
}

export const art23_4_e = defineDuty({
  id: 'eu.nis2/23(4)(e)',
  regime: REGIME,
  text: 'If the incident is still ongoing when the Art. 23(4)(d) report is made, the final report within one month after handling ends.',
  citation: `${CITE} Art. 23(4)(e)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Final report after the progress report (description, severity and impact; threat type or root cause; mitigation; cross-border impact)',
  recipient: 'CSIRT or competent authority',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const a = significant(c);
    if (!a || a.notApplicable) return null; // (a), (b), (d) note "not significant"
    const o = ongoingAtFinal(c);
    if (o.ongoing === false) return { notApplicable: o.why! };
    return withCondition(a, o.ongoing === undefined ? 'the incident is still ongoing when the Art. 23(4)(d) report is made' : undefined);
  },
  deadlines: () => [{ anchor: HANDLING_ENDED, period: FINAL_AFTER_HANDLING_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'EU — NIS2 Directive, Art. 23 incident reporting',
  instrument: 'Directive (EU) 2022/2555, applies from 2024-10-18 through national law',
  sourceUrl: SOURCE,
  duties: [art23_1, art23_4_a, art23_4_b, art23_4_c, art23_4_d, art23_4_e],
});

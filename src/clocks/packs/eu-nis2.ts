/**
 * NIS2 Directive, Directive (EU) 2022/2555, Art. 23 (reporting obligations). Transposition
 * deadline 2024-10-17; national measures apply from 2024-10-18. A directive: the duty binds
 * through each member state's transposing law, whose wording can differ.
 * Reference: ../shared/reference/cn-eu-rules.md §10.2 [M].
 */
import { param, valueAt } from '../../engine/params.js';
import type { DutyId } from '../../inventory/events.js';
import { dateIn, formatInstant } from '../../time/zoned.js';
import { LEARNED, reportMade } from '../anchors.js';
import { dueInstant } from '../counting.js';
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

// --- Art. 23(1): recipients of the services ---------------------------------------------------
// Where appropriate, the entity notifies the recipients of its services without undue delay of
// a significant incident likely to adversely affect the provision of those services. No fixed
// count: said in the early warning's notes (no duty id of its own).
const SERVICE_RECIPIENTS =
  'Also tell the recipients of our services, without undue delay, of a significant incident likely to adversely affect the provision of those services (Art. 23(1); no fixed count).';

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
  applies: (c) => withNote(significant(c), SERVICE_RECIPIENTS),
  deadlines: () => [{ anchor: LEARNED, period: EW_PERIOD }],
});

// --- Art. 23(4)(b) -------------------------------------------------------------------------------
// Within 72 hours of becoming aware, an incident notification updating the early warning with
// an initial assessment (severity, impact, indicators of compromise); trust service providers,
// for incidents affecting the provision of their trust services, within 24 hours.
// Art. 23(4)(c): an intermediate report on relevant status updates, upon request of the CSIRT
// or competent authority (no clock until requested; said in the notes).
const INTERMEDIATE_ON_REQUEST = 'An intermediate report on relevant status updates is due on request of the CSIRT or competent authority (Art. 23(4)(c); no clock until requested).';
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
  applies: (c) => withNote(significant(c), INTERMEDIATE_ON_REQUEST),
  deadlines: (c) => [{ anchor: LEARNED, period: trustServiceCase(c) ? TSP_NOTIF_PERIOD : NOTIF_PERIOD }],
});

// --- Art. 23(4)(d)–(e) ---------------------------------------------------------------------------
// A final report not later than one month after the incident notification; if the incident is
// still ongoing then, a progress report at that time and the final report within one month of
// the end of handling. The (d) date is computed; the (e) final report, which has no duty id of
// its own, is said in the notes, with its date once `handlingEnded` is declared.
function ongoing(c: ClockContext): string {
  const ended = c.instants.get('handlingEnded');
  const rule = 'If the incident is still ongoing then, the report due then is a progress report, and the final report is due within one month after handling ends (Art. 23(4)(e))';
  if (ended === undefined) return `${rule}: declare \`handlingEnded\` to date it.`;
  const zone = euZone(c.org);
  const period = valueAt(FINAL_AFTER_HANDLING_PERIOD, dateIn(ended, zone)) ?? FINAL_AFTER_HANDLING_PERIOD.values[0]!;
  const due = dueInstant(ended, period.value, zone)!;
  return `${rule}: handling ended ${formatInstant(ended, zone)}, so that final report by ${formatInstant(due, zone)}.`;
}

export const art23_4_d = defineDuty({
  id: 'eu.nis2/23(4)(d)',
  regime: REGIME,
  text: 'Final report within one month after the incident notification (if still ongoing: a progress report then, and the final report within one month after handling ends).',
  citation: `${CITE} Art. 23(4)(d)–(e)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Final report (description, severity and impact; threat type or root cause; mitigation; cross-border impact) — or a progress report if the incident is still ongoing',
  recipient: 'CSIRT or competent authority',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const a = significant(c);
    return a && !a.notApplicable ? withNote(a, ongoing(c)) : a;
  },
  deadlines: () => [{ anchor: reportMade(NOTIFICATION, 'incident notification'), period: FINAL_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'EU — NIS2 Directive, Art. 23 incident reporting',
  instrument: 'Directive (EU) 2022/2555, applies from 2024-10-18 through national law',
  sourceUrl: SOURCE,
  duties: [art23_4_a, art23_4_b, art23_4_d],
});

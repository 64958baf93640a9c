/**
 * National Cybersecurity Incident Reporting Management Measures (国家网络安全事件报告管理办法),
 * CAC, dated 2025-09-11, released 2025-09-15, effective 2025-11-01 (Art. 14).
 * https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm
 * Reference: ../shared/reference/cn-eu-rules.md §8 ([P-quote] for Arts. 4, 7, 8 and the annex
 * PI markers; the 30-minute escalation and any 72-hour element are [U] and NOT encoded).
 */
import { param } from '../../engine/params.js';
import type { IncidentEvent } from '../../inventory/events.js';
import { HANDLING_ENDED, LEARNED } from '../anchors.js';
import { CN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type ClockContext, type Counting } from '../model.js';

export const REGIME = 'cn.cac.incident';
const EFFECTIVE = { from: '2025-11-01' } as const;
const SOURCE = 'https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm';

export type CnGrade = NonNullable<IncidentEvent['grade']>;
const GRADE_ORDER: readonly CnGrade[] = ['general', 'relatively_major', 'major', 'especially_major'];
export const GRADE_LABEL: Readonly<Record<CnGrade, string>> = {
  general: '一般 (general)',
  relatively_major: '较大 (relatively major)',
  major: '重大 (major)',
  especially_major: '特别重大 (especially major)',
};

// --- Annex (grading guide): personal-information markers ----------------------------------------
// Leak of citizens' PI: 较大 at 1,000,000 people or more, 重大 at 10,000,000 or more, 特别重大 at
// 100,000,000 or more. The guide says "以上" includes the number itself, so these are ≥.

export const PI_GRADE_THRESHOLDS = param<readonly { readonly grade: CnGrade; readonly people: number }[]>(
  'cn.cac.incident.annex.pi-thresholds',
  'Annex grading guide: people whose PI leaked, at or above which an incident has at least this grade (以上 = ≥).',
  [
    {
      from: EFFECTIVE.from,
      value: [
        { grade: 'especially_major', people: 100_000_000 },
        { grade: 'major', people: 10_000_000 },
        { grade: 'relatively_major', people: 1_000_000 },
      ],
      citation: 'Incident Reporting Measures (2025), annex 网络安全事件分级指南',
      confidence: 'verified',
    },
  ],
);

/** The grade the PI count alone establishes (a floor: other annex criteria can raise it). */
export function gradeFromPeople(people: number, thresholds = PI_GRADE_THRESHOLDS.values[0]!.value): CnGrade | undefined {
  for (const t of thresholds) if (people >= t.people) return t.grade;
  return undefined;
}

/** Declared grade, raised to the PI-count floor when that is higher. */
export function effectiveGrade(e: IncidentEvent): { grade?: CnGrade; derived: boolean } {
  const fromPeople = e.personalData ? gradeFromPeople(e.personalData.people) : undefined;
  if (e.grade && fromPeople) {
    return GRADE_ORDER.indexOf(fromPeople) > GRADE_ORDER.indexOf(e.grade) ? { grade: fromPeople, derived: true } : { grade: e.grade, derived: false };
  }
  if (e.grade) return { grade: e.grade, derived: false };
  if (fromPeople) return { grade: fromPeople, derived: true };
  return { derived: false };
}

function isOperator(c: ClockContext): boolean {
  const cn = c.org.cn;
  return cn.networkOperator || cn.ciio || cn.stateOrgan || cn.networkPlatformOperator !== undefined;
}

function incident(c: ClockContext): IncidentEvent | undefined {
  return c.event.kind === 'incident' ? c.event : undefined;
}

// --- Art. 4 --------------------------------------------------------------------------------------
// Incidents graded 较大 or above are reported: where critical information infrastructure is
// involved, to the CII protection department and the public security organ at once, within
// 1 hour; central and state organs, to their department's cyberspace work body within 2 hours;
// other operators, to the provincial CAC where they are located within 4 hours.

export type OperatorType = 'cii' | 'stateOrgan' | 'other';

export const REPORT_HOURS = param<Readonly<Record<OperatorType, number>>>(
  'cn.cac.incident.4.hours',
  'Art. 4: hours from discovery to the first report, by operator type.',
  [{ from: EFFECTIVE.from, value: { cii: 1, stateOrgan: 2, other: 4 }, citation: 'Incident Reporting Measures (2025) Art. 4', confidence: 'verified' }],
);

const RECIPIENT: Readonly<Record<OperatorType, string>> = {
  cii: 'CII protection department and the public security organ (关键信息基础设施保护工作部门、公安机关)',
  stateOrgan: "the organ's own department cyberspace work body (本部门网信工作机构)",
  other: 'provincial cyberspace administration where located (属地省级网信部门)',
};

export function operatorType(c: ClockContext): OperatorType {
  const e = incident(c);
  if (e?.ciiInvolved ?? c.org.cn.ciio) return 'cii';
  if (c.org.cn.stateOrgan) return 'stateOrgan';
  return 'other';
}

function hoursParam(type: OperatorType) {
  const v = REPORT_HOURS.values[0]!;
  return param<Counting>(`cn.cac.incident.4.${type}`, `Art. 4 (${type})`, [{ ...v, value: { kind: 'hours', hours: v.value[type] } }]);
}
const PERIODS: Readonly<Record<OperatorType, ReturnType<typeof hoursParam>>> = {
  cii: hoursParam('cii'),
  stateOrgan: hoursParam('stateOrgan'),
  other: hoursParam('other'),
};

function reportable(c: ClockContext): { condition?: string; note?: string; notApplicable?: string } | null {
  const e = incident(c);
  if (!e || !isOperator(c)) return null;
  const g = effectiveGrade(e);
  if (g.grade === undefined) {
    return { condition: 'the incident is graded 较大 (relatively major) or above under the annex — declare `grade`' };
  }
  if (g.grade === 'general') return { notApplicable: 'graded 一般 (general): Art. 4 requires a report for 较大 (relatively major) and above only' };
  return g.derived ? { note: `Grade ${GRADE_LABEL[g.grade]} follows from ${e.personalData?.people.toLocaleString('en-US')} people's PI affected (annex; 以上 = ≥).` } : {};
}

/** A reportable incident, addressed to the recipient for this operator type (Art. 4). */
const reportableToRecipient = (c: Parameters<typeof reportable>[0]) => {
  const r = reportable(c);
  return r ? { ...r, recipient: RECIPIENT[operatorType(c)] } : null;
};

// Suspected crimes are reported to the public security organ in a timely manner (及时): no fixed
// count and no duty id of its own, so said in the Art. 4 report's notes.
const SUSPECTED_CRIME = 'A suspected crime is also reported to the public security organ in a timely manner (no fixed count).';

export const art4 = defineDuty({
  id: 'cn.cac.incident/4',
  regime: REGIME,
  text: 'Incidents graded 较大 or above: CII involved → CII protection department and public security within 1 h; state organs → own cyberspace work body within 2 h; other operators → provincial CAC within 4 h.',
  citation: 'National Cybersecurity Incident Reporting Management Measures (2025) Art. 4',
  effective: EFFECTIVE,
  confidence: 'verified',
  kinds: ['incident'],
  what: 'Report the incident (unit and system profile; discovery time, type, grade, impact, measures taken — Art. 7; supplement later if cause or impact is not yet known)',
  recipient: RECIPIENT.other,
  timeZone: () => CN_ZONE,
  applies: (c) => {
    const r = reportableToRecipient(c);
    return r && !r.notApplicable ? { ...r, note: r.note ? `${r.note} ${SUSPECTED_CRIME}` : SUSPECTED_CRIME } : r;
  },
  deadlines: (c) => [{ anchor: LEARNED, period: PERIODS[operatorType(c)] }],
});

// --- Art. 8 --------------------------------------------------------------------------------------
// Within 30 days after handling of the incident ends, a full summary report (cause, measures,
// harm, accountability, rectification, lessons) through the same channel.

export const SUMMARY_PERIOD = param<Counting>('cn.cac.incident.8.period', 'Art. 8: summary report after handling ends.', [
  { from: EFFECTIVE.from, value: { kind: 'days', days: 30 }, citation: 'Incident Reporting Measures (2025) Art. 8', confidence: 'verified' },
]);

export const art8 = defineDuty({
  id: 'cn.cac.incident/8',
  regime: REGIME,
  text: 'Within 30 days after handling ends, a summary report (cause, measures, harm, accountability, rectification, lessons) through the same channel.',
  citation: 'National Cybersecurity Incident Reporting Management Measures (2025) Art. 8',
  effective: EFFECTIVE,
  confidence: 'verified',
  kinds: ['incident'],
  what: 'Submit the summary report (cause, measures, harm, accountability, rectification, lessons)',
  recipient: RECIPIENT.other,
  timeZone: () => CN_ZONE,
  applies: reportableToRecipient,
  deadlines: () => [{ anchor: HANDLING_ENDED, period: SUMMARY_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'China — national cybersecurity incident reporting (CAC, 2025)',
  instrument: '国家网络安全事件报告管理办法, effective 2025-11-01',
  sourceUrl: SOURCE,
  duties: [art4, art8],
});

/**
 * Cyber Resilience Act, Regulation (EU) 2024/2847, Art. 14 (reporting obligations of
 * manufacturers). In force 2024-12-10; Art. 14 applies from 2026-09-11 (Art. 71(2)), also to
 * products placed on the market before 2027-12-11.
 * Reference: ../shared/reference/cn-eu-rules.md §10.1 [M; secondary sources agree on
 * 24 h / 72 h / 14 days / 1 month].
 */
import { param } from '../../engine/params.js';
import type { DutyId } from '../../inventory/events.js';
import { EXPLOITATION_AWARE, FIX_AVAILABLE, LEARNED, reportMade } from '../anchors.js';
import { EEA_COUNTRIES, euMemberStateLabel, euZone } from '../regulator-zones.js';
import { definePack, defineDuty, type Applicability, type ClockContext, type Counting, type DutyDef } from '../model.js';

export const REGIME = 'eu.cra';
/** Art. 14 applies from this date (Art. 71(2)). */
export const ART14_FROM = '2026-09-11';
const EFFECTIVE = { from: ART14_FROM } as const;
const SOURCE = 'https://eur-lex.europa.eu/eli/reg/2024/2847/oj';
const CITE = 'Regulation (EU) 2024/2847 (Cyber Resilience Act)';

function recipient(c: ClockContext): string {
  return `CSIRT designated as coordinator of ${euMemberStateLabel(c.org)} and ENISA, at the same time, via the ENISA single reporting platform (Art. 16)`;
}

function hours(id: string, n: number, citation: string) {
  return param<Counting>(id, citation, [{ from: ART14_FROM, value: { kind: 'hours', hours: n }, citation, confidence: 'memory' }]);
}

/** The product is made available in the EU (or no markets are declared, which we read as yes). */
function madeAvailableInEu(markets: readonly string[]): boolean {
  return markets.length === 0 || markets.some((m) => EEA_COUNTRIES.has(m));
}

/**
 * An actively exploited vulnerability in our product. A declared `exploitationAware` (when we
 * learned of the active exploitation) says it is exploited even if `activelyExploited` was left
 * out (its default is false): read that way, with a note, rather than dropping the duties.
 */
function exploitedVulnerability(c: ClockContext): Applicability | null {
  const e = c.event;
  if (e.kind !== 'vulnerability' || !c.org.eu.manufacturer) return null;
  const implied = !e.activelyExploited && c.instants.has('exploitationAware');
  if (!e.activelyExploited && !implied) return null;
  if (!madeAvailableInEu(e.markets)) return { notApplicable: `the product is declared available only in ${e.markets.join(', ')}, not on the EU market` };
  const eu = e.markets.filter((m) => EEA_COUNTRIES.has(m));
  const notes = [
    ...(implied ? ['`exploitationAware` is declared, so the vulnerability is taken to be actively exploited (`activelyExploited` is not set).'] : []),
    ...(eu.length ? [`Member states where the product is made available: ${eu.join(', ')}.`] : []),
  ];
  return { recipient: recipient(c), ...(notes.length ? { note: notes.join(' ') } : {}) };
}

function severeIncident(c: ClockContext): Applicability | null {
  const e = c.event;
  if (e.kind !== 'incident' || !c.org.eu.manufacturer || !e.severeProductImpact) return null;
  return { recipient: recipient(c) };
}

function duty(spec: Omit<DutyDef, 'regime' | 'effective' | 'confidence' | 'timeZone' | 'recipient'> & { recipient?: string }): DutyDef {
  return defineDuty({
    regime: REGIME,
    effective: EFFECTIVE,
    confidence: 'memory',
    timeZone: (c) => euZone(c.org),
    recipient: 'coordinator CSIRT and ENISA (single reporting platform)',
    ...spec,
  });
}

// --- Art. 14(1)–(2): actively exploited vulnerabilities ------------------------------------------
// A manufacturer notifies any actively exploited vulnerability in its product with digital
// elements that it becomes aware of: (a) an early warning without undue delay and in any event
// within 24 hours of becoming aware, indicating where applicable the member states where the
// product is made available; (b) a vulnerability notification within 72 hours of becoming
// aware; (c) a final report no later than 14 days after a corrective or mitigating measure is
// available.
// The trigger tested against the 2026-09-11 date is awareness of the active exploitation, not
// of the vulnerability: a vulnerability known earlier and found exploited later is reportable.

export const EW_PERIOD = hours('eu.cra.14-2-a.period', 24, `${CITE} Art. 14(2)(a)`);
export const NOTIF_PERIOD = hours('eu.cra.14-2-b.period', 72, `${CITE} Art. 14(2)(b)`);
export const VULN_FINAL_PERIOD = param<Counting>('eu.cra.14-2-c.period', `${CITE} Art. 14(2)(c)`, [
  { from: ART14_FROM, value: { kind: 'days', days: 14 }, citation: `${CITE} Art. 14(2)(c)`, confidence: 'memory' },
]);

export const art14_2_a = duty({
  id: 'eu.cra/14(2)(a)',
  trigger: EXPLOITATION_AWARE,
  text: 'Early warning of an actively exploited vulnerability within 24 h of becoming aware, naming the member states where the product is made available.',
  citation: `${CITE} Art. 14(1), 14(2)(a)`,
  kinds: ['vulnerability'],
  what: 'Early warning of the actively exploited vulnerability (member states where the product is made available)',
  applies: exploitedVulnerability,
  deadlines: () => [{ anchor: EXPLOITATION_AWARE, period: EW_PERIOD }],
});

export const art14_2_b = duty({
  id: 'eu.cra/14(2)(b)',
  trigger: EXPLOITATION_AWARE,
  text: 'Vulnerability notification within 72 h of becoming aware: general product information, nature of exploit and vulnerability, corrective or mitigating measures, sensitivity.',
  citation: `${CITE} Art. 14(2)(b)`,
  kinds: ['vulnerability'],
  what: 'Vulnerability notification (product, nature of the exploit and vulnerability, corrective or mitigating measures, sensitivity)',
  applies: exploitedVulnerability,
  deadlines: () => [{ anchor: EXPLOITATION_AWARE, period: NOTIF_PERIOD }],
});

export const art14_2_c = duty({
  id: 'eu.cra/14(2)(c)',
  trigger: EXPLOITATION_AWARE,
  text: 'Final report no later than 14 days after a corrective or mitigating measure is available.',
  citation: `${CITE} Art. 14(2)(c)`,
  kinds: ['vulnerability'],
  what: 'Final report (description, severity and impact, malicious actor if known, security update details)',
  applies: exploitedVulnerability,
  deadlines: () => [{ anchor: FIX_AVAILABLE, period: VULN_FINAL_PERIOD }],
});

// --- Art. 14(3)–(4): severe incidents having an impact on the security of the product -----------
// (a) early warning within 24 hours of becoming aware, saying whether unlawful or malicious
// acts are suspected; (b) incident notification within 72 hours; (c) final report within one
// month after the (b) notification.

export const INC_EW_PERIOD = hours('eu.cra.14-4-a.period', 24, `${CITE} Art. 14(4)(a)`);
export const INC_NOTIF_PERIOD = hours('eu.cra.14-4-b.period', 72, `${CITE} Art. 14(4)(b)`);
export const INC_FINAL_PERIOD = param<Counting>('eu.cra.14-4-c.period', `${CITE} Art. 14(4)(c)`, [
  { from: ART14_FROM, value: { kind: 'months', months: 1 }, citation: `${CITE} Art. 14(4)(c)`, confidence: 'memory' },
]);

const INC_NOTIFICATION: DutyId = 'eu.cra/14(4)(b)';

export const art14_4_a = duty({
  id: 'eu.cra/14(4)(a)',
  text: 'Early warning of a severe incident affecting product security within 24 h, saying whether unlawful or malicious acts are suspected.',
  citation: `${CITE} Art. 14(3), 14(4)(a)`,
  kinds: ['incident'],
  what: 'Early warning of the severe incident (whether unlawful or malicious acts are suspected)',
  applies: severeIncident,
  deadlines: () => [{ anchor: LEARNED, period: INC_EW_PERIOD }],
});

export const art14_4_b = duty({
  id: INC_NOTIFICATION,
  text: 'Incident notification within 72 h of becoming aware.',
  citation: `${CITE} Art. 14(4)(b)`,
  kinds: ['incident'],
  what: 'Incident notification (nature, initial assessment, corrective or mitigating measures)',
  applies: severeIncident,
  deadlines: () => [{ anchor: LEARNED, period: INC_NOTIF_PERIOD }],
});

export const art14_4_c = duty({
  id: 'eu.cra/14(4)(c)',
  text: 'Final report within one month after the incident notification.',
  citation: `${CITE} Art. 14(4)(c)`,
  kinds: ['incident'],
  what: 'Final report on the incident',
  applies: severeIncident,
  deadlines: () => [{ anchor: reportMade(INC_NOTIFICATION, 'incident notification'), period: INC_FINAL_PERIOD }],
});

// --- Art. 14(8): users ---------------------------------------------------------------------------
// After becoming aware of an actively exploited vulnerability or a severe incident, the
// manufacturer informs impacted users (and where appropriate all users) of it and of
// mitigations. No fixed hour count [M]. For a vulnerability the clock, like the duty, starts at
// awareness of the active exploitation (`exploitationAware`), not of the vulnerability.

export const USERS_PERIOD = param<Counting>('eu.cra.14-8.period', `${CITE} Art. 14(8)`, [
  { from: ART14_FROM, value: { kind: 'no-fixed-deadline', words: 'no fixed count' }, citation: `${CITE} Art. 14(8)`, confidence: 'memory' },
]);

export const art14_8 = duty({
  id: 'eu.cra/14(8)',
  trigger: EXPLOITATION_AWARE,
  text: 'Inform impacted users (where appropriate all users) of the vulnerability or incident and of risk mitigation.',
  citation: `${CITE} Art. 14(8)`,
  kinds: ['vulnerability', 'incident'],
  what: 'Inform impacted users of the vulnerability or incident and of mitigations',
  recipient: 'impacted users (where appropriate all users)',
  applies: (c) => {
    const a = c.event.kind === 'vulnerability' ? exploitedVulnerability(c) : severeIncident(c);
    return a && !a.notApplicable ? { ...a, recipient: 'impacted users (where appropriate all users)' } : a;
  },
  deadlines: (c) => [{ anchor: c.event.kind === 'vulnerability' ? EXPLOITATION_AWARE : LEARNED, period: USERS_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'EU — Cyber Resilience Act, Art. 14 reporting',
  instrument: 'Regulation (EU) 2024/2847, Art. 14 applies from 2026-09-11',
  sourceUrl: SOURCE,
  duties: [art14_2_a, art14_2_b, art14_2_c, art14_4_a, art14_4_b, art14_4_c, art14_8],
});

/**
 * Cyber Incident Reporting for Critical Infrastructure Act of 2022 (CIRCIA), 6 U.S.C. 681 et
 * seq., enacted 2022-03-15. The reporting duties start only when CISA's final rule takes
 * effect; the NPRM was published 2024-04-04 (89 FR 23644) and no final rule was confirmed in
 * the sources seen. So every CIRCIA duty here is PROPOSED, NOT IN FORCE: listed for planning,
 * never overdue. Reference: ../shared/reference/cn-eu-rules.md §11.2 [S].
 */
import { param } from '../../engine/params.js';
import { LEARNED, RANSOM_PAID } from '../anchors.js';
import { US_EASTERN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type ClockContext, type Counting } from '../model.js';

export const REGIME = 'us.circia';
const SOURCE = 'https://www.federalregister.gov/d/2024-06526';
/** The date of the NPRM; the duties are shown from here on, as proposed. */
const NPRM = '2024-04-04';

function covered(c: ClockContext) {
  const e = c.event;
  if (e.kind !== 'incident' || !c.org.us.circiaCoveredEntity || e.circiaCovered === false) return null;
  return {
    note: 'Proposed rule (NPRM 89 FR 23644, 2024-04-04); not in force until CISA\'s final rule takes effect.',
    ...(e.circiaCovered === undefined ? { condition: 'the incident is a covered cyber incident — declare `circiaCovered`' } : {}),
  };
}

export const INCIDENT_PERIOD = param<Counting>('us.circia.681b-a-1.period', '6 U.S.C. 681b(a)(1)(A): 72 hours.', [
  { from: NPRM, value: { kind: 'hours', hours: 72 }, citation: '6 U.S.C. 681b(a)(1)(A); 89 FR 23644 (proposed)', confidence: 'secondary' },
]);
export const RANSOM_PERIOD = param<Counting>('us.circia.681b-a-2.period', '6 U.S.C. 681b(a)(2)(A): 24 hours.', [
  { from: NPRM, value: { kind: 'hours', hours: 24 }, citation: '6 U.S.C. 681b(a)(2)(A); 89 FR 23644 (proposed)', confidence: 'secondary' },
]);

// --- 6 U.S.C. 681b(a)(3) [M]: supplemental reports ----------------------------------------------
// Promptly when substantial new or different information becomes available (the NPRM also
// covers a later ransom payment). No fixed count and no duty id of its own: said in the notes.
const SUPPLEMENTAL = 'Supplemental reports are due promptly when substantial new or different information becomes available, and on a later ransom payment (proposed).';

// --- 6 U.S.C. 681b(a)(1) -------------------------------------------------------------------------
// A covered entity reports a covered cyber incident to CISA not later than 72 hours after it
// reasonably believes the incident has occurred.
export const incident72h = defineDuty({
  id: 'us.circia/681b(a)(1)',
  regime: REGIME,
  text: 'Report a covered cyber incident to CISA within 72 h after reasonably believing it occurred (proposed; not in force).',
  citation: '6 U.S.C. 681b(a)(1)(A); proposed 6 CFR part 226 (89 FR 23644)',
  effective: { from: NPRM },
  confidence: 'secondary',
  proposed: true,
  kinds: ['incident'],
  what: 'Covered cyber incident report',
  recipient: 'CISA (Cybersecurity and Infrastructure Security Agency)',
  timeZone: () => US_EASTERN_ZONE,
  applies: (c) => {
    const a = covered(c);
    return a && { ...a, note: `${a.note} ${SUPPLEMENTAL}` };
  },
  deadlines: () => [{ anchor: LEARNED, period: INCIDENT_PERIOD }],
});

// --- 6 U.S.C. 681b(a)(2) -------------------------------------------------------------------------
// A covered entity that makes a ransom payment after a ransomware attack reports it to CISA not
// later than 24 hours after the payment.
export const ransom24h = defineDuty({
  id: 'us.circia/681b(a)(2)',
  regime: REGIME,
  text: 'Report a ransom payment to CISA within 24 h after making it (proposed; not in force).',
  citation: '6 U.S.C. 681b(a)(2)(A); proposed 6 CFR part 226 (89 FR 23644)',
  effective: { from: NPRM },
  confidence: 'secondary',
  proposed: true,
  kinds: ['incident'],
  what: 'Ransom payment report',
  recipient: 'CISA (Cybersecurity and Infrastructure Security Agency)',
  timeZone: () => US_EASTERN_ZONE,
  applies: (c) => (c.event.kind === 'incident' && c.org.us.circiaCoveredEntity && c.instants.has('ransomPaid') ? covered(c) : null),
  deadlines: () => [{ anchor: RANSOM_PAID, period: RANSOM_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'US — CIRCIA (proposed rule, not in force)',
  instrument: '6 U.S.C. 681 et seq.; NPRM 89 FR 23644 (2024-04-04); final rule pending',
  sourceUrl: SOURCE,
  duties: [incident72h, ransom24h],
});

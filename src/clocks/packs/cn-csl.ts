/**
 * Cybersecurity Law (网络安全法), 2016 text, effective 2017-06-01.
 * Reference: ../shared/reference/cn-eu-rules.md §3 and §8 (Art. 25 [P]). The 2025 amendment
 * (reported effective 2026-01-01) is [U] and was not checked: its numbering and wording of this
 * duty are not known, so the 2016 article stays in force here with a note.
 */
import { param } from '../../engine/params.js';
import { dateIn } from '../../time/zoned.js';
import { LEARNED } from '../anchors.js';
import { CN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type ClockContext, type Counting } from '../model.js';

export const REGIME = 'cn.csl';
const EFFECTIVE = { from: '2017-06-01' } as const;
const AMENDMENT_FROM = '2026-01-01';

/** A network operator (CSL Art. 76); CIIOs, state organs and platform operators count as operators. */
function isOperator(c: ClockContext): boolean {
  const cn = c.org.cn;
  return cn.networkOperator || cn.ciio || cn.stateOrgan || cn.networkPlatformOperator !== undefined;
}

// --- Art. 25 -------------------------------------------------------------------------------------
// On an incident endangering network security, the network operator reports to the competent
// departments per the rules (按照规定). The article gives no count of its own; the 2025 incident
// reporting measures set hours for incidents graded 较大 and above (cn.cac.incident/4), a
// separate duty with its own id.

export const ART25_PERIOD = param<Counting>('cn.csl.25.period', 'Art. 25: report an incident endangering network security.', [
  { from: EFFECTIVE.from, value: { kind: 'no-fixed-deadline', words: 'per the rules (按照规定)' }, citation: 'CSL (2016) Art. 25', confidence: 'verified' },
]);

export const art25 = defineDuty({
  id: 'cn.csl/25',
  regime: REGIME,
  text: 'On an incident endangering network security, the network operator takes remedial measures and reports to the competent departments per the rules (no hour count of its own).',
  citation: 'CSL (2016) Art. 25',
  effective: EFFECTIVE,
  confidence: 'verified',
  kinds: ['incident'],
  what: 'Report the incident per the rules (and take remedial measures)',
  recipient: 'the competent departments (有关主管部门)',
  timeZone: () => CN_ZONE,
  applies: (c) => {
    if (c.event.kind !== 'incident' || !isOperator(c)) return null;
    const notes = ['For incidents graded 较大 and above, the 2025 incident-reporting measures set hours (cn.cac.incident/4, a report declared under its own id).'];
    const learned = c.instants.get('learned');
    if (learned !== undefined && dateIn(learned, CN_ZONE) >= AMENDMENT_FROM) {
      notes.push(`The CSL as amended in 2025 (reported effective ${AMENDMENT_FROM}) [U] was not checked; the article number and wording may differ.`);
    }
    return { note: notes.join(' ') };
  },
  deadlines: () => [{ anchor: LEARNED, period: ART25_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'China — Cybersecurity Law',
  instrument: '网络安全法 (2016), effective 2017-06-01',
  duties: [art25],
});

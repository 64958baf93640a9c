/**
 * Digital Operational Resilience Act, Regulation (EU) 2022/2554, Art. 19 (reporting of major
 * ICT-related incidents). Applies from 2025-01-17. Time limits in RTS (EU) 2025/301.
 * Reference: ../shared/reference/cn-eu-rules.md §10.4 [S; M for exact anchors]. The
 * intermediate-report anchor (72 h from the initial notification, or from classification) is
 * [U]: both anchors are computed and the earlier due instant governs (conservative). The weekend and
 * holiday relief (noon of the next working day) is [U] and NOT applied (conservative).
 */
import { param } from '../../engine/params.js';
import type { DutyId } from '../../inventory/events.js';
import { CLASSIFIED_MAJOR, LEARNED, reportMade } from '../anchors.js';
import { euMemberStateLabel, euZone } from '../regulator-zones.js';
import { definePack, defineDuty, type Applicability, type ClockContext, type Counting } from '../model.js';

export const REGIME = 'eu.dora';
const FROM = '2025-01-17';
const EFFECTIVE = { from: FROM } as const;
const SOURCE = 'https://eur-lex.europa.eu/eli/reg/2022/2554/oj';
const CITE = 'Regulation (EU) 2022/2554 (DORA)';
const RTS = 'Delegated Regulation (EU) 2025/301';

function major(c: ClockContext): Applicability | null {
  const e = c.event;
  if (e.kind !== 'incident' || !c.org.eu.doraFinancialEntity) return null;
  if (e.majorIct === false) return { notApplicable: 'declared not a major ICT-related incident (classification: RTS (EU) 2024/1772)' };
  const base: Applicability = { recipient: `competent authority of ${euMemberStateLabel(c.org)}` };
  return e.majorIct === undefined
    ? { ...base, condition: 'the incident is classified as a major ICT-related incident (RTS (EU) 2024/1772) — declare `majorIct`' }
    : base;
}

const hoursParam = (id: string, n: number, citation: string, confidence: 'memory' | 'unconfirmed' | 'secondary') =>
  param<Counting>(id, citation, [{ from: FROM, value: { kind: 'hours', hours: n }, citation, confidence }]);

// The 4 h and 24 h figures are [S]; their anchors (classification as major, awareness) are [M]
// (cn-eu-rules.md §10.4: "M for exact anchors"), so the deadlines are tagged memory.
export const INITIAL_FROM_CLASSIFICATION = hoursParam('dora.19-4-a.classification', 4, `${CITE} Art. 19(4)(a); ${RTS}`, 'memory');
export const INITIAL_FROM_AWARENESS = hoursParam('dora.19-4-a.awareness', 24, `${CITE} Art. 19(4)(a); ${RTS}`, 'memory');
export const INTERMEDIATE_PERIOD = hoursParam('dora.19-4-b.period', 72, `${CITE} Art. 19(4)(b); ${RTS}`, 'unconfirmed');
export const FINAL_PERIOD = param<Counting>('dora.19-4-c.period', `${CITE} Art. 19(4)(c); ${RTS}`, [
  { from: FROM, value: { kind: 'months', months: 1 }, citation: `${CITE} Art. 19(4)(c); ${RTS}`, confidence: 'memory' },
]);

const INITIAL: DutyId = 'eu.dora/19(4)(a)';
const INTERMEDIATE: DutyId = 'eu.dora/19(4)(b)';

// --- Art. 19(3) [M] ------------------------------------------------------------------------------
// Where a major ICT-related incident has an impact on the financial interests of clients, the
// entity informs them without undue delay. No fixed count. Its own duty (a message to clients,
// not to the authority): declaring the initial notification does not discharge it.
// `clientsFinanciallyAffected` unknown → listed on that condition; false → a note.
export const CLIENTS_PERIOD = param<Counting>('dora.19-3.period', `${CITE} Art. 19(3)`, [
  { from: FROM, value: { kind: 'no-fixed-deadline', words: 'without undue delay' }, citation: `${CITE} Art. 19(3)`, confidence: 'memory' },
]);

export const art19_3 = defineDuty({
  id: 'eu.dora/19(3)',
  regime: REGIME,
  text: 'Inform clients whose financial interests are affected by a major ICT-related incident, without undue delay.',
  citation: `${CITE} Art. 19(3)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Inform the clients whose financial interests are affected of the major ICT-related incident',
  recipient: 'clients whose financial interests are affected',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const a = major(c);
    if (!a || a.notApplicable || c.event.kind !== 'incident') return null; // (4)(a)–(c) note "not major"
    const e = c.event;
    if (e.clientsFinanciallyAffected === false) return { notApplicable: 'declared not to affect the financial interests of clients (`clientsFinanciallyAffected`)' };
    const conditions = [
      ...(a.condition ? [a.condition] : []),
      ...(e.clientsFinanciallyAffected === undefined ? ['the incident affects the financial interests of clients — declare `clientsFinanciallyAffected`'] : []),
    ];
    return conditions.length ? { condition: conditions.join('; and ') } : {};
  },
  deadlines: () => [{ anchor: LEARNED, period: CLIENTS_PERIOD }],
});

// --- Art. 19(4)(a) -------------------------------------------------------------------------------
// Initial notification within 4 hours of classifying the incident as major, and no later than
// 24 hours after becoming aware of it (classification itself without undue delay).
export const art19_4_a = defineDuty({
  id: INITIAL,
  regime: REGIME,
  text: 'Initial notification within 4 h of classification as major, and no later than 24 h after becoming aware.',
  citation: `${CITE} Art. 19(4)(a); ${RTS}`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Initial notification of the major ICT-related incident',
  recipient: 'competent authority',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const a = major(c);
    if (!a || a.notApplicable) return a;
    return c.instants.has('classifiedMajor') ? a : { ...a, note: 'Also due 4 h after classification as major if that is earlier — declare `classifiedMajor`.' };
  },
  deadlines: () => [
    { anchor: CLASSIFIED_MAJOR, period: INITIAL_FROM_CLASSIFICATION },
    { anchor: LEARNED, period: INITIAL_FROM_AWARENESS },
  ],
});

// --- Art. 19(4)(b) -------------------------------------------------------------------------------
// Intermediate report within 72 hours of the submission of the initial notification [U anchor].
// Some sources count the 72 hours from classification as major, which is never later than the
// initial notification: both are computed and the earlier governs (conservative).
export const art19_4_b = defineDuty({
  id: INTERMEDIATE,
  regime: REGIME,
  text: 'Intermediate report within 72 h of submitting the initial notification, or of classification as major if that is earlier (anchor [U]; the earlier governs).',
  citation: `${CITE} Art. 19(4)(b); ${RTS}`,
  effective: EFFECTIVE,
  confidence: 'unconfirmed',
  kinds: ['incident'],
  what: 'Intermediate report',
  recipient: 'competent authority',
  timeZone: (c) => euZone(c.org),
  applies: major,
  deadlines: () => [
    { anchor: reportMade(INITIAL, 'initial notification'), period: INTERMEDIATE_PERIOD },
    { anchor: CLASSIFIED_MAJOR, period: INTERMEDIATE_PERIOD },
  ],
});

// --- Art. 19(4)(c) -------------------------------------------------------------------------------
// Final report within one month of the latest updated intermediate report.
export const art19_4_c = defineDuty({
  id: 'eu.dora/19(4)(c)',
  regime: REGIME,
  text: 'Final report within one month of the latest updated intermediate report.',
  citation: `${CITE} Art. 19(4)(c); ${RTS}`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident'],
  what: 'Final report (root cause, measures, impact)',
  recipient: 'competent authority',
  timeZone: (c) => euZone(c.org),
  applies: major,
  deadlines: () => [{ anchor: reportMade(INTERMEDIATE, 'intermediate report'), period: FINAL_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'EU — DORA, Art. 19 major ICT-related incident reporting',
  instrument: 'Regulation (EU) 2022/2554, applies from 2025-01-17; RTS (EU) 2025/301',
  sourceUrl: SOURCE,
  duties: [art19_3, art19_4_a, art19_4_b, art19_4_c],
});

/**
 * General Data Protection Regulation, Regulation (EU) 2016/679, Arts. 33, 34 and 48.
 * Applies from 2018-05-25. Reference: ../shared/reference/cn-eu-rules.md §10.3 and §12 [M].
 */
import { param } from '../../engine/params.js';
import { LEARNED } from '../anchors.js';
import { EEA_COUNTRIES, euMainEstablishmentMissing, euMemberStateLabel, euZone } from '../regulator-zones.js';
import { definePack, defineDuty, type ClockCheck, type ClockContext, type Counting } from '../model.js';
import { countryInSentence } from '../../common/country-name.js';

export const REGIME = 'eu.gdpr';
const FROM = '2018-05-25';
const EFFECTIVE = { from: FROM } as const;
const SOURCE = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';
const CITE = 'Regulation (EU) 2016/679 (GDPR)';

// --- Art. 33(1) ----------------------------------------------------------------------------------
// The controller notifies the competent supervisory authority without undue delay and, where
// feasible, not later than 72 hours after becoming aware of a personal data breach, unless the
// breach is unlikely to result in a risk to the rights and freedoms of natural persons. A later
// notification is accompanied by reasons for the delay. Information may be given in phases
// (Art. 33(4)).

export const SA_PERIOD = param<Counting>('eu.gdpr.33-1.period', `${CITE} Art. 33(1)`, [
  { from: FROM, value: { kind: 'hours', hours: 72 }, citation: `${CITE} Art. 33(1)`, confidence: 'memory' },
]);

export const art33_1 = defineDuty({
  id: 'eu.gdpr/33(1)',
  regime: REGIME,
  text: 'Controller notifies the supervisory authority without undue delay and, where feasible, within 72 h of becoming aware, unless the breach is unlikely to result in a risk.',
  citation: `${CITE} Art. 33(1)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['personal_data_breach'],
  what: 'Notify the personal data breach (nature, categories and approximate numbers, DPO contact, likely consequences, measures)',
  recipient: 'competent (lead) supervisory authority',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const e = c.event;
    if (e.kind !== 'personal_data_breach' || !c.org.eu.gdprController) return null;
    if (e.risk === 'unlikely') return { notApplicable: 'declared unlikely to result in a risk to individuals (Art. 33(1)); document the breach anyway (Art. 33(5))' };
    return {
      recipient: c.org.eu.mainEstablishment !== undefined && EEA_COUNTRIES.has(c.org.eu.mainEstablishment) ? `lead supervisory authority of ${euMemberStateLabel(c.org)} (main establishment)` : `lead supervisory authority not named: ${euMainEstablishmentMissing(c.org)}`,
      note: 'Notifying after 72 h requires reasons for the delay; information may be given in phases (Art. 33(4)).',
    };
  },
  deadlines: () => [{ anchor: LEARNED, period: SA_PERIOD }],
});

// --- Art. 33(2) ----------------------------------------------------------------------------------
// The processor notifies the controller without undue delay after becoming aware of a breach.

export const PROCESSOR_PERIOD = param<Counting>('eu.gdpr.33-2.period', `${CITE} Art. 33(2)`, [
  { from: FROM, value: { kind: 'no-fixed-deadline', words: 'without undue delay' }, citation: `${CITE} Art. 33(2)`, confidence: 'memory' },
]);

export const art33_2 = defineDuty({
  id: 'eu.gdpr/33(2)',
  regime: REGIME,
  text: 'Processor notifies the controller without undue delay after becoming aware of a breach.',
  citation: `${CITE} Art. 33(2)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['personal_data_breach'],
  what: 'Notify the controller of the breach',
  recipient: 'the controller',
  timeZone: (c) => euZone(c.org),
  applies: (c) => (c.event.kind === 'personal_data_breach' && c.org.eu.gdprProcessor ? {} : null),
  deadlines: () => [{ anchor: LEARNED, period: PROCESSOR_PERIOD }],
});

// --- Art. 34(1), (3) -----------------------------------------------------------------------------
// Where the breach is likely to result in a high risk, the controller communicates it to the
// data subjects without undue delay — not required where the data was unintelligible to others
// (e.g. encrypted), later measures removed the high risk, or it would take disproportionate
// effort (then a public communication).

export const SUBJECTS_PERIOD = param<Counting>('eu.gdpr.34-1.period', `${CITE} Art. 34(1)`, [
  { from: FROM, value: { kind: 'no-fixed-deadline', words: 'without undue delay' }, citation: `${CITE} Art. 34(1)`, confidence: 'memory' },
]);

export const art34_1 = defineDuty({
  id: 'eu.gdpr/34(1)',
  regime: REGIME,
  text: 'Where the breach is likely to result in a high risk, the controller tells the data subjects without undue delay (exceptions in Art. 34(3)).',
  citation: `${CITE} Art. 34(1), (3)`,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['personal_data_breach'],
  what: 'Communicate the breach to the data subjects in clear and plain language',
  recipient: 'the data subjects',
  timeZone: (c) => euZone(c.org),
  applies: (c) => {
    const e = c.event;
    if (e.kind !== 'personal_data_breach' || !c.org.eu.gdprController || e.risk !== 'high') return null;
    if (e.unintelligible) return { notApplicable: 'the data was unintelligible to others (e.g. encrypted), so Art. 34(3)(a) lifts the duty to tell the data subjects' };
    // Art. 34(3)(b) and (c) rest on facts the event does not declare: said, not decided.
    return {
      note:
        'Not required if later measures ensure the high risk is no longer likely to materialise (Art. 34(3)(b)); ' +
        'where telling each data subject would involve disproportionate effort, a public communication or similar measure informs them as effectively instead (Art. 34(3)(c)).',
    };
  },
  deadlines: () => [{ anchor: LEARNED, period: SUBJECTS_PERIOD }],
});

// --- Art. 48 -------------------------------------------------------------------------------------
// A third-country court judgment or administrative decision requiring a controller or processor
// to transfer or disclose personal data is recognised or enforceable only if based on an
// international agreement (e.g. an MLAT) — without prejudice to other Chapter V grounds.

export function art48Checks(c: ClockContext): ClockCheck[] {
  const e = c.event;
  if (e.kind !== 'government_request' || !e.personalData) return [];
  if (EEA_COUNTRIES.has(e.country)) return [];
  const inEea = e.dataStoredIn.some((x) => EEA_COUNTRIES.has(x));
  if (!inEea && !c.org.eu.gdprController && !c.org.eu.gdprProcessor) return [];
  if (e.internationalAgreement) {
    return [
      {
        id: `${REGIME}/48`,
        regime: REGIME,
        event: e.id,
        subject: `personal data to a ${e.authority.replace('_', '-')} body of ${countryInSentence(e.country)}`,
        verdict: 'allowed',
        reason: 'The request is declared to rest on an international agreement (e.g. an MLAT), which Art. 48 recognises.',
        citation: `${CITE} Art. 48`,
        confidence: 'memory',
      },
    ];
  }
  return [
    {
      id: `${REGIME}/48`,
      regime: REGIME,
      event: e.id,
      subject: `personal data to a ${e.authority.replace('_', '-')} body of ${countryInSentence(e.country)}`,
      verdict: 'legal_review',
      reason: 'A third-country decision not based on an international agreement is not recognised as such (Art. 48); a disclosure needs another Chapter V ground (e.g. an Art. 49 derogation).',
      citation: `${CITE} Art. 48`,
      confidence: 'memory',
    },
  ];
}

export const pack = definePack({
  id: REGIME,
  title: 'EU — GDPR breach notification and third-country requests',
  instrument: 'Regulation (EU) 2016/679, applies from 2018-05-25',
  sourceUrl: SOURCE,
  duties: [art33_1, art33_2, art34_1],
  checks: art48Checks,
});

/**
 * SEC Form 8-K Item 1.05 (Material Cybersecurity Incidents), adopted by Release 33-11216
 * (2023-07-26), effective 2023-09-05; Item 1.05 compliance from 2023-12-18, smaller reporting
 * companies from 2024-06-15. Reference: ../shared/reference/cn-eu-rules.md §11.1 [M].
 *
 * Business days: every day but Saturdays, Sundays and federal holidays (US-federal calendar,
 * computed by rule). The due instant is 17:30 America/New_York on the fourth business day: an
 * EDGAR submission after 17:30 gets the next business day's filing date (Regulation S-T Rule
 * 13(a)) [M] — a named parameter, conservative.
 */
import { param } from '../../engine/params.js';
import { MATERIALITY_DETERMINED } from '../anchors.js';
import { US_EASTERN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type Counting } from '../model.js';

export const REGIME = 'us.sec.8k';
const SOURCE = 'https://www.sec.gov/files/rules/final/2023/33-11216.pdf';
export const ITEM_105_FROM = '2023-12-18';
export const ITEM_105_SRC_FROM = '2024-06-15';

/** Regulation S-T Rule 13(a): last moment of an EDGAR business day for a same-day filing date [M]. */
export const EDGAR_CUTOFF = param<{ readonly hour: number; readonly minute: number }>(
  'us.sec.edgar.filing-cutoff',
  'Eastern time after which an EDGAR submission is dated the next business day.',
  [{ from: '2000-01-01', value: { hour: 17, minute: 30 }, citation: 'Regulation S-T, 17 CFR 232.13(a)', confidence: 'memory' }],
);

export const ITEM_105_PERIOD = param<Counting>('us.sec.8k.1-05.period', 'Form 8-K General Instruction B.1 / Item 1.05: four business days.', [
  {
    from: '2023-09-05',
    value: { kind: 'business-days', days: 4, calendar: 'US-federal', cutoff: EDGAR_CUTOFF.values[0]!.value },
    citation: 'Form 8-K Item 1.05(a) and General Instruction B.1; Release 33-11216',
    confidence: 'memory',
  },
]);

// --- Item 1.05 -----------------------------------------------------------------------------------
// A registrant that experiences a cybersecurity incident it determines to be material files a
// Form 8-K within four business days after that determination, describing the material aspects
// of the incident's nature, scope and timing and its material (or reasonably likely material)
// impact. The determination is made without unreasonable delay after discovery. Disclosure may
// be delayed only on the US Attorney General's notice (30 + 30 + 60 days) — not modelled here.
// Updates are filed on Form 8-K/A (said in the notes; no duty id of their own). Foreign private
// issuers use Form 6-K instead.
export const item1_05 = defineDuty({
  id: 'us.sec.8k/1.05',
  regime: REGIME,
  text: 'File Form 8-K Item 1.05 within four business days after determining a cybersecurity incident is material.',
  citation: 'Form 8-K Item 1.05 (17 CFR 249.308); SEC Release 33-11216',
  effective: { from: ITEM_105_FROM },
  confidence: 'memory',
  kinds: ['incident'],
  what: 'File Form 8-K Item 1.05 (material aspects of the nature, scope and timing; material impact or reasonably likely impact)',
  recipient: 'U.S. Securities and Exchange Commission (EDGAR)',
  timeZone: () => US_EASTERN_ZONE,
  trigger: MATERIALITY_DETERMINED,
  effectiveFor: (c) => ({ from: c.org.us.smallerReportingCompany ? ITEM_105_SRC_FROM : ITEM_105_FROM }),
  applies: (c) => {
    const e = c.event;
    if (e.kind !== 'incident' || !c.org.us.secRegistrant) return null;
    if (c.org.us.foreignPrivateIssuer) return { notApplicable: 'a foreign private issuer reports material cybersecurity incidents on Form 6-K, not Form 8-K' };
    if (e.material === false) return { notApplicable: 'the registrant has determined the incident is not material' };
    const note = 'A US Attorney General national-security or public-safety delay (30 + 30 + 60 days) is not modelled. Updates, and information not determined or unavailable when filing, go on Form 8-K/A [M].';
    return e.material === undefined && !c.instants.has('materialityDetermined')
      ? { condition: 'the registrant determines the incident is material', note }
      : { note };
  },
  deadlines: () => [{ anchor: MATERIALITY_DETERMINED, period: ITEM_105_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'US — SEC Form 8-K Item 1.05',
  instrument: 'Release 33-11216; Item 1.05 compliance from 2023-12-18 (smaller reporting companies 2024-06-15)',
  sourceUrl: SOURCE,
  duties: [item1_05],
});

/**
 * Personal Information Protection Law (个人信息保护法), effective 2021-11-01.
 * Reference: ../shared/reference/cn-eu-rules.md §1.2–1.3 [P].
 */
import { param } from '../../engine/params.js';
import { LEARNED } from '../anchors.js';
import { CN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type ClockCheck, type ClockContext, type Counting } from '../model.js';
import { countryInSentence } from '../../common/country-name.js';

export const REGIME = 'cn.pipl';
const EFFECTIVE = { from: '2021-11-01' } as const;

// --- Art. 57 -------------------------------------------------------------------------------------
// On an actual or possible leak, tampering or loss of personal information, the processor
// immediately takes remedial measures and notifies the PI-protection authority and the
// individuals (categories, cause and possible harm; remedial measures and what individuals can
// do; contact details). It may skip the individuals if its measures effectively avoid harm; the
// authority can still require it. No hour count is given.

export const ART57_PERIOD = param<Counting>('cn.pipl.57.period', 'Art. 57: notify on a PI breach.', [
  { from: EFFECTIVE.from, value: { kind: 'no-fixed-deadline', words: 'immediately (立即)' }, citation: 'PIPL Art. 57', confidence: 'verified' },
]);

export const art57 = defineDuty({
  id: 'cn.pipl/57',
  regime: REGIME,
  text: 'On a leak, tampering or loss of PI, take remedial measures immediately and notify the PI-protection authority and the individuals.',
  citation: 'PIPL Art. 57',
  effective: EFFECTIVE,
  confidence: 'verified',
  kinds: ['personal_data_breach'],
  what: 'Notify the breach (categories, cause, possible harm; remedial measures; what individuals can do; contact details)',
  recipient: 'departments performing PI-protection duties (履行个人信息保护职责的部门) and the individuals',
  timeZone: () => CN_ZONE,
  applies: (c) => {
    if (c.event.kind !== 'personal_data_breach' || !c.org.cn.personalInformationProcessor) return null;
    if (c.event.harmAvoided) {
      return {
        recipient: 'departments performing PI-protection duties (履行个人信息保护职责的部门)',
        note: 'Remedial measures are declared to avoid harm effectively, so the individuals need not be told unless the authority requires it (Art. 57(2)).',
      };
    }
    return {};
  },
  deadlines: () => [{ anchor: LEARNED, period: ART57_PERIOD }],
});

// --- Art. 41 -------------------------------------------------------------------------------------
// Without the approval of the competent PRC authority, a PI processor must not provide personal
// information stored in China to foreign judicial or law-enforcement bodies.

export function art41Checks(c: ClockContext): ClockCheck[] {
  const e = c.event;
  if (e.kind !== 'government_request' || !e.personalData) return [];
  if (!e.dataStoredIn.includes('CN') || e.country === 'CN') return [];
  if (e.authority !== 'court' && e.authority !== 'law_enforcement') return [];
  const approved = c.instants.get('prcApproval');
  return [
    {
      id: `${REGIME}/41`,
      regime: REGIME,
      event: e.id,
      subject: `personal information stored in China to a ${e.authority.replace('_', '-')} body of ${countryInSentence(e.country)}`,
      verdict: approved !== undefined ? 'allowed' : 'prohibited_without_approval',
      reason:
        approved !== undefined
          ? 'Approval of the competent PRC authority is declared (prcApproval).'
          : 'PI stored in China may not be provided to a foreign judicial or law-enforcement body without approval of the competent PRC authority.',
      citation: 'PIPL Art. 41',
      confidence: 'verified',
    },
  ];
}

export const pack = definePack({
  id: REGIME,
  title: 'China — Personal Information Protection Law',
  instrument: '个人信息保护法, effective 2021-11-01',
  duties: [art57],
  checks: art41Checks,
});

/**
 * Data Security Law (数据安全法), effective 2021-09-01.
 * Reference: ../shared/reference/cn-eu-rules.md §2 [P] (Art. 36); Art. 29 only as listed in §8
 * ("DSL Art. 29 ('timely')", untagged: encoded as memory).
 */
import { param } from '../../engine/params.js';
import { LEARNED } from '../anchors.js';
import { CN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type ClockCheck, type ClockContext, type Counting } from '../model.js';
import { countryInSentence } from '../../common/country-name.js';

export const REGIME = 'cn.dsl';
const EFFECTIVE = { from: '2021-09-01' } as const;

/**
 * Processes data in China (DSL Art. 2): organized in China or holding any China role. The
 * inventory has no separate "data processor" role; any CN role implies processing data there.
 */
export function processesDataInChina(c: ClockContext): boolean {
  const cn = c.org.cn;
  return (
    c.org.organizedIn === 'CN' ||
    cn.ciio ||
    cn.personalInformationProcessor ||
    cn.stateOrgan ||
    cn.networkProductProvider ||
    cn.networkOperator ||
    cn.importantDataProcessor ||
    cn.networkPlatformOperator !== undefined
  );
}

// --- Art. 29 [M] ---------------------------------------------------------------------------------
// On a data security incident the processor takes measures and reports in a timely manner (及时).
// The note lists it among the Chinese breach duties without a fixed hour count (cn-eu-rules.md
// §8), untagged and without its wording: its recipient (the competent authorities, and users) is
// from memory. No hour count: listed, never overdue.

export const ART29_PERIOD = param<Counting>('cn.dsl.29.period', 'Art. 29: report a data security incident.', [
  { from: EFFECTIVE.from, value: { kind: 'no-fixed-deadline', words: 'in a timely manner (及时)' }, citation: 'DSL Art. 29', confidence: 'memory' },
]);

export const art29 = defineDuty({
  id: 'cn.dsl/29',
  regime: REGIME,
  text: 'On a data security incident, take measures and report in a timely manner (no hour count).',
  citation: 'DSL Art. 29',
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident', 'personal_data_breach'],
  what: 'Take measures against the data security incident and report it',
  recipient: 'the competent authorities (有关主管部门) and users [M]',
  timeZone: () => CN_ZONE,
  applies: (c) => (processesDataInChina(c) ? {} : null),
  deadlines: () => [{ anchor: LEARNED, period: ART29_PERIOD }],
});

// --- Art. 36 -------------------------------------------------------------------------------------
// Without approval of the competent PRC authority, organisations and individuals in China must
// not provide data stored in China (any data, not only PI) to foreign judicial or
// law-enforcement bodies. Penalty: Art. 48 para. 2.

export function art36Checks(c: ClockContext): ClockCheck[] {
  const e = c.event;
  if (e.kind !== 'government_request') return [];
  if (!e.dataStoredIn.includes('CN') || e.country === 'CN') return [];
  if (e.authority !== 'court' && e.authority !== 'law_enforcement') return [];
  const approved = c.instants.get('prcApproval');
  return [
    {
      id: `${REGIME}/36`,
      regime: REGIME,
      event: e.id,
      subject: `data stored in China to a ${e.authority.replace('_', '-')} body of ${countryInSentence(e.country)}`,
      verdict: approved !== undefined ? 'allowed' : 'prohibited_without_approval',
      reason:
        approved !== undefined
          ? 'Approval of the competent PRC authority is declared (prcApproval).'
          : 'Data stored in China may not be provided to a foreign judicial or law-enforcement body without approval of the competent PRC authority (penalty: DSL Art. 48 para. 2).',
      citation: 'DSL Art. 36',
      confidence: 'verified',
    },
  ];
}

export const pack = definePack({
  id: REGIME,
  title: 'China — Data Security Law',
  instrument: '数据安全法, effective 2021-09-01',
  duties: [art29],
  checks: art36Checks,
});

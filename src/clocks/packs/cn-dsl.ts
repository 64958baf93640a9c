/**
 * Data Security Law (数据安全法), effective 2021-09-01.
 * Reference: ../shared/reference/cn-eu-rules.md §2 [P].
 */
import { definePack, type ClockCheck, type ClockContext } from '../model.js';

export const REGIME = 'cn.dsl';

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
      subject: `data stored in China to a ${e.authority.replace('_', '-')} body of ${e.country}`,
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
  duties: [],
  checks: art36Checks,
});

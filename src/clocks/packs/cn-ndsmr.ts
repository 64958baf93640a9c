/**
 * Network Data Security Management Regulations (网络数据安全管理条例), State Council Decree
 * No. 790, adopted 2024-08-30, promulgated 2024-09-24, effective 2025-01-01 (Art. 64).
 * Reference: ../shared/reference/cn-eu-rules.md §5 (Art. 10 [P]).
 */
import { param } from '../../engine/params.js';
import type { VulnerabilityEvent } from '../../inventory/events.js';
import { LEARNED } from '../anchors.js';
import { CN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type Applicability, type ClockContext, type Counting } from '../model.js';

export const REGIME = 'cn.ndsmr';
const EFFECTIVE = { from: '2025-01-01' } as const;
const CITE = 'Network Data Security Management Regulations (2024) Art. 10';

function vuln(c: ClockContext): VulnerabilityEvent | undefined {
  return c.event.kind === 'vulnerability' ? c.event : undefined;
}

/**
 * A network data processor that provides the product or service: a provider of network products,
 * or an operator providing services over networks (CIIOs, state organs and platform operators
 * are treated as operators, as for the CAC incident measures).
 */
function providesProductOrService(c: ClockContext): boolean {
  const cn = c.org.cn;
  return cn.networkProductProvider || cn.networkOperator || cn.ciio || cn.stateOrgan || cn.networkPlatformOperator !== undefined;
}

// --- Art. 10 -------------------------------------------------------------------------------------
// If a product or service has a security defect or vulnerability, the processor remedies it
// immediately, informs users, and reports to the competent authority. If national security or
// the public interest is endangered, it reports to the competent authority within 24 hours
// (涉及危害国家安全、公共利益的 … 在24小时内 … 报告).
//
// Counting: elapsed hours. The note gives no anchor; the clock runs from awareness of the
// vulnerability (`learned`), the earliest it can start (conservative). This is stricter than the
// MIIT 2日内 (cn.miit.vuln/7(2)), which binds providers of network products only; the two are
// different reports to different recipients, each declared under its own id.
//
// Whether the vulnerability endangers national security or the public interest is the event's
// `endangersNationalSecurityOrPublicInterest`: unknown → listed with the 24 h date on that
// condition; false → the report is still owed, with no count in the note.

export const NATIONAL_SECURITY_PERIOD = param<Counting>('cn.ndsmr.10.period', 'Art. 10: report a vulnerability endangering national security or the public interest (24小时内).', [
  { from: EFFECTIVE.from, value: { kind: 'hours', hours: 24 }, citation: CITE, confidence: 'verified', note: 'The 24 h figure is [P]; the anchor (awareness) is not stated in the note.' },
]);

export const OTHER_PERIOD = param<Counting>('cn.ndsmr.10.other.period', 'Art. 10: report a vulnerability that does not endanger national security or the public interest.', [
  {
    from: EFFECTIVE.from,
    value: { kind: 'no-fixed-deadline', words: 'with no count stated' },
    citation: CITE,
    confidence: 'verified',
  },
]);

function endangers(c: ClockContext): boolean | undefined {
  return vuln(c)?.endangersNationalSecurityOrPublicInterest;
}

export const art10 = defineDuty({
  id: 'cn.ndsmr/10',
  regime: REGIME,
  text: 'A processor whose product or service has a security defect or vulnerability remedies it immediately, informs users and reports to the competent authority; within 24 h where national security or the public interest is endangered.',
  citation: CITE,
  effective: EFFECTIVE,
  confidence: 'verified',
  kinds: ['vulnerability'],
  what: 'Report the vulnerability to the competent authority (remedy it immediately and inform users as well)',
  recipient: 'the competent authority (有关主管部门)',
  timeZone: () => CN_ZONE,
  applies: (c): Applicability | null => {
    if (!vuln(c) || !providesProductOrService(c)) return null;
    const e = endangers(c);
    if (e === false) return { note: 'Declared not to endanger national security or the public interest: the 24 h clock does not apply; the report is still owed.' };
    const note = 'Within 24 h where national security or the public interest is endangered; counted from awareness, as the note gives no anchor.';
    return e === undefined
      ? { note, condition: 'the vulnerability endangers national security or the public interest — declare `endangersNationalSecurityOrPublicInterest`' }
      : { note };
  },
  deadlines: (c) => [{ anchor: LEARNED, period: endangers(c) === false ? OTHER_PERIOD : NATIONAL_SECURITY_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'China — Network Data Security Management Regulations',
  instrument: '网络数据安全管理条例 (State Council Decree No. 790), effective 2025-01-01',
  duties: [art10],
});

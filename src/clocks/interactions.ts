/**
 * Cross-regime interactions (../shared/reference/cn-eu-rules.md §13). These are flagged for
 * legal review, never decided.
 */
import { parseInstant } from '../time/zoned.js';
import type { ClockCheck, ClockContext, ClockObligation } from './model.js';
import { fieldSpan } from './precision.js';

/**
 * CN vulnerability regulations Art. 9(7) vs CRA Art. 14 (case cn-xb-043): a manufacturer in
 * China's scope must report an undisclosed, actively exploited vulnerability to ENISA and a
 * coordinator CSIRT — overseas bodies other than the product's provider — which Art. 9(7) bars
 * without exception. Flagged, not decided. The MIIT 2-day report is due either way.
 */
export function conflictChecks(c: ClockContext, obligations: readonly ClockObligation[]): ClockCheck[] {
  const e = c.event;
  if (e.kind !== 'vulnerability') return [];
  const cn = c.org.cn;
  const inChinaScope = c.org.organizedIn === 'CN' || cn.networkProductProvider || cn.networkOperator || cn.ciio;
  if (!inChinaScope) return [];
  const cra = obligations.filter((o) => o.regime === 'eu.cra' && (o.id === 'eu.cra/14(2)(a)' || o.id === 'eu.cra/14(2)(b)') && o.inForce);
  if (cra.length === 0) return [];
  // A publication date alone may be any moment of that day: still undisclosed at a due instant
  // unless certainly published by then.
  const disclosed = fieldSpan(c, 'publiclyDisclosed');
  const stillUndisclosed = cra.some((o) => {
    if (disclosed === undefined) return true;
    const due = o.dueUtc ? parseInstant(o.dueUtc, 'UTC')?.instant : undefined;
    return due === undefined || disclosed.latest > due;
  });
  if (!stillUndisclosed) return [];
  return [
    {
      id: 'conflict/cn.miit.vuln-9(7)-vs-eu.cra-14',
      regime: 'cn.miit.vuln × eu.cra',
      event: e.id,
      subject: 'undisclosed vulnerability information to the coordinator CSIRT and ENISA (CRA Art. 14 early warning and notification)',
      verdict: 'legal_review',
      reason:
        'CRA Art. 14 requires reporting the actively exploited vulnerability to a CSIRT and ENISA within 24 h / 72 h, while it is undisclosed; ' +
        'CN vulnerability regulations Art. 9(7) bars giving undisclosed vulnerability information to overseas parties other than the product\'s provider and sets no exception. ' +
        'Route to legal review; datacustoms does not decide this. The MIIT platform report (Art. 7(2)) is due in any case.',
      citation: 'Network Product Security Vulnerability Regulations (2021) Art. 9(7); Regulation (EU) 2024/2847 Art. 14(2)',
      confidence: 'memory',
      cases: ['cn-xb-043'],
    },
  ];
}

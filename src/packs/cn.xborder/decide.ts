/**
 * From fired rules to a decision: the highest outcome wins (a processor that meets both the
 * standard-contract and the assessment conditions follows the assessment), the verdict follows
 * from the outcome and the safeguards declared, and unmet mechanisms become obligations.
 */
import { obligation } from '../../engine/obligation.js';
import { ref, runRules, type Fired, type Rule } from '../../engine/rule.js';
import type { Decision, Obligation, Outcome, Verdict } from '../../engine/types.js';
import type { FlowCtx, OrgCtx } from './context.js';
import { reviewCleared } from './cybersecurity-review.js';
import { DSL_FROM } from './params.js';
import { assessmentStatus, contractStatus, prcApproval, type AssessmentState } from './safeguards.js';

export const REGIME = 'cn.xborder';

/** Outcomes from the strictest down. */
export const OUTCOME_ORDER: readonly Outcome[] = [
  'prohibited_or_restricted',
  'prohibited_without_approval',
  'cybersecurity_review_required',
  'security_assessment',
  'needs_review',
  'standard_contract_or_certification',
  'national_security_review_possible',
  'important_data_processor_duties',
  'exempt',
  'not_export',
  'not_applicable',
];

function rank(o: Outcome | undefined): number {
  const i = o === undefined ? -1 : OUTCOME_ORDER.indexOf(o);
  return i < 0 ? OUTCOME_ORDER.length : i;
}

export interface Combined {
  readonly outcome: Outcome | undefined;
  /** Rules establishing the outcome, then the rules that only add reasons or duties. */
  readonly deciding: readonly Fired[];
  /** Rules that fired with a lower outcome. */
  readonly displaced: readonly Fired[];
}

export function combine(fired: readonly Fired[]): Combined {
  let outcome: Outcome | undefined;
  for (const f of fired) if (f.finding.outcome !== undefined && rank(f.finding.outcome) < rank(outcome)) outcome = f.finding.outcome;
  const lead = fired.filter((f) => f.finding.outcome !== undefined && f.finding.outcome === outcome);
  const duties = fired.filter((f) => f.finding.outcome === undefined);
  const displaced = fired.filter((f) => f.finding.outcome !== undefined && f.finding.outcome !== outcome);
  return { outcome, deciding: [...lead, ...duties], displaced };
}

interface Verdicted {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly obligations: readonly Obligation[];
}

function flowVerdict(outcome: Outcome, ctx: FlowCtx, lead: Fired | undefined): Verdicted {
  const id = lead?.rule.id ?? REGIME;
  const citation = lead?.rule.citation ?? '';
  const start = ctx.flow.start ? { due: ctx.flow.start } : {};
  switch (outcome) {
    case 'prohibited_without_approval': {
      const ok = prcApproval(ctx);
      if (ok) return { verdict: 'permitted', reasons: [`Approval of the PRC competent authority is declared${ok.date ? ` (${ok.date})` : ''}${ok.reference ? `, ref. ${ok.reference}` : ''}.`], obligations: [] };
      return {
        verdict: 'blocked',
        reasons: [],
        obligations: [
          obligation(
            { id: `${id}:approval`, what: 'Provide nothing; refer the request to the PRC competent authority (which handles it under law, treaties or reciprocity) and provide only with its approval.', to: 'PRC competent authority', citation },
            ctx.asOf,
          ),
        ],
      };
    }
    case 'prohibited_or_restricted':
      return { verdict: 'blocked', reasons: [], obligations: [] };
    case 'security_assessment': {
      const sa = assessmentStatus(ctx);
      if (sa.state === 'valid') return { verdict: 'permitted', reasons: [`A CAC security assessment result issued ${sa.issued} is in force until ${sa.lastValid}.`], obligations: [] };
      const why: Record<AssessmentState, string> = {
        none: 'No CAC security assessment result is declared.',
        undated: 'A security assessment is declared without its issue date; declare the date to check its validity.',
        not_yet_issued: `The declared security assessment is dated ${sa.issued}, after ${ctx.date}.`,
        expired: `The security assessment issued ${sa.issued} expired after ${sa.lastValid}.`,
        reapply: `The security assessment issued ${sa.issued} no longer covers the changed export.`,
        valid: '',
      };
      // A changed export gets its re-application duty from Order 11 Art. 14 (order11.14.reapply).
      if (sa.state === 'reapply') return { verdict: 'conditional', reasons: [why.reapply], obligations: [] };
      const due = sa.state === 'expired' && sa.lastValid ? { due: sa.lastValid } : start;
      return {
        verdict: 'conditional',
        reasons: [why[sa.state]],
        obligations: [
          obligation(
            { id: `${id}:apply`, what: 'Self-assess the export risk, then apply for the CAC security assessment through the provincial CAC; export only once the result is issued.', to: 'CAC (through the provincial CAC)', citation, ...due },
            ctx.asOf,
          ),
        ],
      };
    }
    case 'standard_contract_or_certification': {
      const sa = assessmentStatus(ctx);
      if (sa.state === 'valid') return { verdict: 'permitted', reasons: [`A CAC security assessment result (issued ${sa.issued}, valid until ${sa.lastValid}) covers the export.`], obligations: [] };
      const sc = contractStatus(ctx);
      if (sc.contract) return { verdict: 'permitted', reasons: [`The CAC standard contract with the recipient is declared${sc.contract.date ? ` (effective ${sc.contract.date})` : ''}.`], obligations: [] };
      if (sc.certification) return { verdict: 'permitted', reasons: [`PI protection certification is declared${sc.certification.date ? ` (${sc.certification.date})` : ''}.`], obligations: [] };
      return {
        verdict: 'conditional',
        reasons: ['Neither the CAC standard contract nor PI protection certification is declared.'],
        obligations: [
          obligation(
            { id: `${id}:contract`, what: `Sign the CAC standard contract with ${ctx.flow.recipient} (then file it within 10 working days) or obtain PI protection certification, before the transfer.`, to: ctx.flow.recipient, citation, ...start },
            ctx.asOf,
          ),
        ],
      };
    }
    case 'exempt':
      return { verdict: 'permitted', reasons: [], obligations: [] };
    case 'needs_review':
      return { verdict: 'conditional', reasons: [], obligations: [] };
    default:
      return { verdict: 'not_applicable', reasons: [], obligations: [] };
  }
}

function assemble(outcome: Outcome, combined: Combined, extra: Verdicted): Decision {
  const reasons = combined.deciding.flatMap((f) => f.finding.reasons);
  if (combined.displaced.length > 0) {
    reasons.push(`Also met, and displaced by the stricter outcome: ${combined.displaced.map((f) => `${f.rule.citation} (${f.finding.outcome})`).join('; ')}.`);
  }
  reasons.push(...extra.reasons);
  return {
    regime: REGIME,
    outcome,
    verdict: extra.verdict,
    rules: combined.deciding.map((f) => ref(f.rule)),
    reasons: reasons.filter((r) => r.length > 0),
    obligations: [...combined.deciding.flatMap((f) => f.finding.obligations ?? []), ...extra.obligations],
  };
}

/** Decides one flow with the given rules. */
export function decideFlowWith(rules: readonly Rule<FlowCtx>[], ctx: FlowCtx): Decision {
  const { fired } = runRules(rules, ctx, ctx.date);
  const combined = combine(fired);
  const beforeRules = combined.outcome === undefined && ctx.date < DSL_FROM;
  const outcome = combined.outcome ?? (beforeRules ? 'not_applicable' : 'needs_review');
  const lead = combined.deciding.find((f) => f.finding.outcome === outcome);
  const extra = flowVerdict(outcome, ctx, lead);
  const decision = assemble(outcome, combined, extra);
  if (beforeRules) return { ...decision, reasons: [...decision.reasons, `Judged on ${ctx.date}, before the DSL (2021-09-01) and PIPL (2021-11-01) export rules took effect; no rule in force applies.`] };
  if (combined.outcome === undefined) return { ...decision, reasons: [...decision.reasons, 'No rule of the pack decided this flow; review it.'] };
  return decision;
}

/** Decides one organization-level question (a listing, important-data duties); null when nothing fires. */
export function decideOrganizationWith(rules: readonly Rule<OrgCtx>[], ctx: OrgCtx): Decision | null {
  const { fired } = runRules(rules, ctx, ctx.date);
  const combined = combine(fired);
  if (combined.outcome === undefined) return null;
  const outcome = combined.outcome;
  let extra: Verdicted = { verdict: 'permitted', reasons: [], obligations: [] };
  if (outcome === 'cybersecurity_review_required') {
    const ok = reviewCleared(ctx);
    extra = ok ? { verdict: 'permitted', reasons: [`The cybersecurity review was cleared on ${ok.date}.`], obligations: [] } : { verdict: 'conditional', reasons: [], obligations: [] };
  }
  return assemble(outcome, combined, extra);
}

/**
 * From fired rules to a decision: the highest outcome wins (a processor that meets both the
 * standard-contract and the assessment conditions follows the assessment), the verdict follows
 * from the outcome and the safeguards declared, and unmet mechanisms become obligations.
 */
import { flat, PartyText, TextMemo } from '../../engine/text.js';
import { exact } from '../../engine/exact.js';
import { obligation } from '../../engine/obligation.js';
import { inForce, runRulesInto, RuleScratch, sharedRef, type Fired, type Rule, type RuleMeta } from '../../engine/rule.js';
import type { Decision, Obligation, Outcome, RuleRef, Verdict } from '../../engine/types.js';
import type { CivilDate } from '../../time/civil-date.js';
import { recipientOf, type FlowCtx, type OrgCtx } from './context.js';
import { reviewCleared } from './cybersecurity-review.js';
import { isFixed } from './finding.js';
import { DSL_FROM, IMPORTANT_DATA_NEEDS_NOTIFICATION, ORDER11_FROM, PIPL_FROM, paramOn } from './params.js';
import { assessmentStatus, contractStatus, otherRoute, prcApproval, routeCitation, routeName, type AssessmentStatus } from './safeguards.js';

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

const RANK = new Map<Outcome, number>(OUTCOME_ORDER.map((o, i) => [o, i]));

function rank(o: Outcome | undefined): number {
  return (o === undefined ? undefined : RANK.get(o)) ?? OUTCOME_ORDER.length;
}

export interface Combined {
  readonly outcome: Outcome | undefined;
  /** Rules establishing the outcome, then the rules that only add reasons or duties. */
  readonly deciding: readonly Fired[];
  /** Rules that fired with a lower outcome. */
  readonly displaced: readonly Fired[];
}

const NONE: readonly never[] = Object.freeze([]);

export function combine(fired: readonly Fired[]): Combined {
  // Indexed loops: `fired` is sometimes the engine's frozen empty list, and iterators over
  // lists of both kinds are not optimized away.
  const n = fired.length;
  let outcome: Outcome | undefined;
  let best = rank(undefined);
  let withOutcome = 0;
  for (let i = 0; i < n; i++) {
    const o = fired[i]!.finding.outcome;
    if (o === undefined) continue;
    withOutcome++;
    const r = rank(o);
    if (r < best) {
      best = r;
      outcome = o;
    }
  }
  // The lead rules, then the duties, each in rule order. When every rule that fired set that
  // outcome, that is the fired list itself.
  let same = 0;
  for (let i = 0; i < n; i++) if (fired[i]!.finding.outcome === outcome) same++;
  if (outcome !== undefined && same === n) return { outcome, deciding: fired, displaced: NONE };
  const deciding: Fired[] = [];
  if (outcome !== undefined) for (let i = 0; i < n; i++) if (fired[i]!.finding.outcome === outcome) deciding.push(fired[i]!);
  const lead = deciding.length;
  if (withOutcome < n) for (let i = 0; i < n; i++) if (fired[i]!.finding.outcome === undefined) deciding.push(fired[i]!);
  const displaced = withOutcome > lead ? fired.filter((f) => f.finding.outcome !== undefined && f.finding.outcome !== outcome) : NONE;
  return { outcome, deciding, displaced };
}

interface Verdicted {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly obligations: readonly Obligation[];
}

/** A verdict that adds no reason and no duty, one frozen object per verdict. */
const BARE: Readonly<Record<Verdict, Verdicted>> = Object.freeze({
  blocked: Object.freeze({ verdict: 'blocked', reasons: NONE, obligations: NONE }),
  conditional: Object.freeze({ verdict: 'conditional', reasons: NONE, obligations: NONE }),
  permitted: Object.freeze({ verdict: 'permitted', reasons: NONE, obligations: NONE }),
  not_applicable: Object.freeze({ verdict: 'not_applicable', reasons: NONE, obligations: NONE }),
});

/** Why a security assessment does not cover the export on `date`. */
function why(sa: AssessmentStatus, date: CivilDate): string {
  switch (sa.state) {
    case 'none':
      return 'No CAC security assessment result is declared.';
    case 'undated':
      return 'A security assessment is declared without its issue date; declare the date to check its validity.';
    case 'not_yet_issued':
      return `The declared security assessment is dated ${sa.issued}, after ${date}.`;
    case 'expired':
      return `The security assessment issued ${sa.issued} expired after ${sa.lastValid}.`;
    case 'reapply':
      return `The security assessment issued ${sa.issued} no longer covers the changed export.`;
    case 'valid':
      return '';
  }
}

/** The later of two dates (undefined: the flow has no start, its duties are ongoing). */
function notBefore(date: CivilDate | undefined, floor: CivilDate): CivilDate | undefined {
  return date === undefined || date >= floor ? date : floor;
}

/** The rules that require the security assessment because the data is important data, and only for that. */
const DSL_31_ID = 'cn.xborder/dsl.31';
const IMPORTANT_DATA_ASSESSMENT = new Set([DSL_31_ID, 'cn.xborder/order16.7.2.important', 'cn.xborder/ndsmr.37']);

/**
 * When the duty to apply for a mechanism before exporting falls due: at the flow's start, but
 * never before the rule that imposes it took effect (a transfer begun in 2021 owes the Order 11
 * assessment from 2022-09-01, not from its start, and so does a non-CIIO's export of important
 * data, which DSL Art. 31 leaves to the CAC's measures; the Order 11 rectification period [S] is
 * not counted), nor, when the assessment is due to important data alone, before the data was
 * notified or published as important data (Order 16 Art. 2; NDSMR Art. 37): until then it was
 * not exported as important data.
 */
function dueOf(ctx: FlowCtx, lead: RuleMeta | undefined, importantOnly: boolean): CivilDate | undefined {
  let due = lead ? notBefore(ctx.flow.start, lead.effective.from) : ctx.flow.start;
  // DSL Art. 31 sends a non-CIIO's export of important data to the CAC's measures, the first of
  // which (Order 11) took effect on 2022-09-01: no assessment could be applied for before then.
  if (lead?.id === DSL_31_ID && !ctx.ciio) due = notBefore(due, ORDER11_FROM);
  const notified = ctx.dataset?.importantData?.date;
  if (importantOnly && notified !== undefined && paramOn(IMPORTANT_DATA_NEEDS_NOTIFICATION, ctx.date)) due = notBefore(due, notified);
  return due;
}

/** A duty's id, `<rule id>:<suffix>`, once per rule and suffix. */
const DUTY_IDS = new TextMemo((rule: string, suffix: string) => `${rule}:${suffix}`);
const CONTRACT_DUTY = new PartyText((recipient: string) => `Sign the CAC standard contract with ${recipient} (then file it within 10 working days) or obtain PI protection certification, before the transfer.`);

function flowVerdict(outcome: Outcome, ctx: FlowCtx, lead: RuleMeta | undefined, importantOnly = false): Verdicted {
  const id = lead?.id ?? REGIME;
  const citation = lead?.citation ?? '';
  switch (outcome) {
    case 'prohibited_without_approval': {
      const ok = prcApproval(ctx);
      if (ok) return { verdict: 'permitted', reasons: [`Approval of the PRC competent authority is declared${ok.date ? ` (${ok.date})` : ''}${ok.reference ? `, ref. ${ok.reference}` : ''}.`], obligations: [] };
      return {
        verdict: 'blocked',
        reasons: NONE,
        obligations: [
          obligation(
            { id: DUTY_IDS.of(id, 'approval'), what: 'Provide nothing; refer the request to the PRC competent authority (which handles it under law, treaties or reciprocity) and provide only with its approval.', to: 'PRC competent authority', citation },
            ctx.asOf,
          ),
        ],
      };
    }
    case 'prohibited_or_restricted':
      return BARE.blocked;
    case 'security_assessment': {
      const sa = assessmentStatus(ctx);
      if (sa.state === 'valid') return { verdict: 'permitted', reasons: [`A CAC security assessment result issued ${sa.issued} is in force until ${sa.lastValid}.`], obligations: [] };
      // A changed export gets its re-application duty from Order 11 Art. 14 (order11.14.reapply).
      if (sa.state === 'reapply') return { verdict: 'conditional', reasons: [why(sa, ctx.date)], obligations: [] };
      const due = sa.state === 'expired' && sa.lastValid ? sa.lastValid : dueOf(ctx, lead, importantOnly);
      // A route of PIPL Art. 38(1)(4) or para. 2 stands, at most, in place of the contract or certification (policy other_routes).
      const route = ctx.personal ? otherRoute(ctx) : undefined;
      return {
        verdict: 'conditional',
        reasons: route
          ? [why(sa, ctx.date), `The declared route (${routeName(route)}) does not lift the security assessment: PIPL Art. 40 lifts it only where laws, administrative regulations or CAC provisions say so.`]
          : [why(sa, ctx.date)],
        obligations: [
          obligation(
            { id: DUTY_IDS.of(id, 'apply'), what: 'Self-assess the export risk, then apply for the CAC security assessment through the provincial CAC; export only once the result is issued.', to: 'CAC (through the provincial CAC)', citation, due },
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
      // PIPL Art. 38(1)(4) / para. 2: a declared route, taken in their place or to be confirmed (policy other_routes)
      const route = otherRoute(ctx);
      if (route && ctx.policy.otherRoutes === 'accept') {
        return { verdict: 'permitted', reasons: [`The declared route (${routeName(route)}) is taken in place of the standard contract or certification (${routeCitation(route.type, ctx.date)}; policy other_routes = accept).`], obligations: [] };
      }
      // the recipient by name, as every other duty names whom it is owed to
      const recipient = recipientOf(ctx);
      const due = dueOf(ctx, lead, false);
      const contract = obligation(
        { id: DUTY_IDS.of(id, 'contract'), what: recipient.of(CONTRACT_DUTY, undefined), to: recipient.name, citation, due },
        ctx.asOf,
      );
      if (!route) return { verdict: 'conditional', reasons: ['Neither the CAC standard contract nor PI protection certification is declared.'], obligations: [contract] };
      const cite = routeCitation(route.type, ctx.date);
      return {
        verdict: 'conditional',
        reasons: [`Neither the CAC standard contract nor PI protection certification is declared; the declared route (${routeName(route)}) is not confirmed (policy other_routes = review).`],
        obligations: [
          obligation(
            {
              id: DUTY_IDS.of(id, 'route'),
              what: `Confirm that ${route.declared.reference ? route.declared.reference : 'the declared route'} sets conditions for providing this PI abroad and that the transfer meets them (${cite}), before the transfer; if it does not, the standard contract or certification is needed.`,
              citation: cite,
              due,
            },
            ctx.asOf,
          ),
          contract,
        ],
      };
    }
    case 'exempt':
      return BARE.permitted;
    case 'needs_review':
      return BARE.conditional;
    default:
      return BARE.not_applicable;
  }
}

/**
 * The rule references of a decision, one frozen list per sequence of deciding rules (a few dozen
 * sequences decide all the flows of a large inventory).
 */
interface RefsNode {
  readonly next: Map<RuleMeta, RefsNode>;
  refs?: readonly RuleRef[];
}
const refsRoot: RefsNode = { next: new Map() };

/**
 * The "Also met, and displaced …" line, once per sequence of displaced (rule, outcome): many
 * flows share it (an assessment that displaces the standard contract), and a decision holds it
 * for the whole result.
 */
interface DisplacedNode {
  readonly next: Map<RuleMeta | Outcome, DisplacedNode>;
  line?: string;
}
const displacedRoot: DisplacedNode = { next: new Map() };
function displacedStep(node: DisplacedNode, key: RuleMeta | Outcome): DisplacedNode {
  let n = node.next.get(key);
  if (!n) node.next.set(key, (n = { next: new Map() }));
  return n;
}

/** The rules of a list in force on a date, once per (list, date). */
const inForceMemo = new WeakMap<readonly Rule<never>[], Map<CivilDate, readonly Rule<never>[]>>();
function inForceOn<C>(rules: readonly Rule<C>[], date: CivilDate): readonly Rule<C>[] {
  let byDate = inForceMemo.get(rules as readonly Rule<never>[]);
  if (!byDate) inForceMemo.set(rules as readonly Rule<never>[], (byDate = new Map()));
  let list = byDate.get(date) as readonly Rule<C>[] | undefined;
  if (!list) {
    list = rules.filter((r) => inForce(r, date));
    byDate.set(date, list as readonly Rule<never>[]);
  }
  return list;
}

/**
 * Decisions made of fixed findings alone (finding.ts), for outcomes whose verdict reads nothing
 * of the flow: built once, frozen and shared, keyed by the fired rules and findings in order.
 */
interface Shared {
  readonly next: Map<object, Shared>;
  decision?: Decision;
}
const SHARED_VERDICT: ReadonlySet<Outcome> = new Set<Outcome>(['prohibited_or_restricted', 'exempt', 'needs_review', 'not_export', 'not_applicable']);
const sharedRoot: Shared = { next: new Map() };
function step(node: Shared, key: object): Shared {
  let n = node.next.get(key);
  if (!n) node.next.set(key, (n = { next: new Map() }));
  return n;
}

function frozen(d: Decision): Decision {
  Object.freeze(d.reasons);
  Object.freeze(d.obligations);
  return Object.freeze(d);
}

/**
 * The rules that fired on one question, on lists reused from one question to the next (the
 * engine's `runRulesInto`; a decision copies what it keeps before the next question), and how
 * they combine: `combine` above, worked out on those lists, so deciding a flow allocates only
 * what its decision keeps — no list of fired rules, no record per fired rule, no grouping of them
 * (index.test.ts checks the result against `runRules` and `combine`).
 */
class Combination<C> {
  private readonly scratch = new RuleScratch<C>();
  /** Positions in the fired lists: the deciding rules, in the order `combine` gives them. */
  private readonly decidingAt: number[] = [];
  /** After `run`: how many fired, the highest outcome, how many decide, how many are displaced. */
  private n = 0;
  outcome: Outcome | undefined;
  private deciding = 0;
  private displaced = 0;

  /** Runs the rules and settles the outcome and the deciding and displaced rules. */
  run(rules: readonly Rule<C>[], ctx: C, date: CivilDate): void {
    const n = runRulesInto(rules, ctx, date, this.scratch);
    const findings = this.scratch.findings;
    let outcome: Outcome | undefined;
    let best = rank(undefined);
    for (let i = 0; i < n; i++) {
      const o = findings[i]!.outcome;
      if (o === undefined) continue;
      const r = rank(o);
      if (r < best) {
        best = r;
        outcome = o;
      }
    }
    // The rules that set the outcome, then those that set none, each in rule order.
    let deciding = 0;
    let displaced = 0;
    if (outcome !== undefined) for (let i = 0; i < n; i++) if (findings[i]!.outcome === outcome) this.decidingAt[deciding++] = i;
    for (let i = 0; i < n; i++) {
      const o = findings[i]!.outcome;
      if (o === undefined) this.decidingAt[deciding++] = i;
      else if (o !== outcome) displaced++;
    }
    this.n = n;
    this.outcome = outcome;
    this.deciding = deciding;
    this.displaced = displaced;
  }

  /** The first deciding rule. */
  lead(): RuleMeta | undefined {
    return this.deciding > 0 ? this.scratch.rules[this.decidingAt[0]!] : undefined;
  }

  /** Every rule that set the outcome is in `ids`. */
  outcomeOnlyFrom(ids: ReadonlySet<string>): boolean {
    const { rules, findings } = this.scratch;
    let any = false;
    for (let k = 0; k < this.deciding; k++) {
      const i = this.decidingAt[k]!;
      if (findings[i]!.outcome !== this.outcome) continue;
      if (!ids.has(rules[i]!.id)) return false;
      any = true;
    }
    return any;
  }

  /** The node of the fired rules and their findings, in rule order, when all are fixed findings. */
  sharedNode(): Shared | undefined {
    let node = sharedRoot;
    for (let i = 0; i < this.n; i++) {
      const finding = this.scratch.findings[i]!;
      if (!isFixed(finding)) return undefined;
      node = step(step(node, this.scratch.rules[i]!), finding);
    }
    return node;
  }

  /** The decision: the deciding rules' reasons and duties, the displaced rules named, then `extra` and `note`. */
  assemble(outcome: Outcome, extra: Verdicted, note?: string): Decision {
    const { rules: fired, findings } = this.scratch;
    const reasons: string[] = [];
    const obligations: Obligation[] = [];
    for (let k = 0; k < this.deciding; k++) {
      const finding = findings[this.decidingAt[k]!]!;
      const rs = finding.reasons;
      for (let j = 0; j < rs.length; j++) if (rs[j]!.length > 0) reasons.push(rs[j]!);
      const os = finding.obligations;
      if (os) for (let j = 0; j < os.length; j++) obligations.push(os[j]!);
    }
    const rules = this.refs();
    if (this.displaced > 0) {
      let node = displacedRoot;
      for (let i = 0; i < this.n; i++) {
        const o = findings[i]!.outcome;
        if (o !== undefined && o !== this.outcome) node = displacedStep(displacedStep(node, fired[i]!), o);
      }
      if (node.line === undefined) {
        const also: string[] = [];
        for (let i = 0; i < this.n; i++) {
          const o = findings[i]!.outcome;
          if (o !== undefined && o !== this.outcome) also.push(`${fired[i]!.citation} (${o})`);
        }
        node.line = flat(`Also met, and displaced by the stricter outcome: ${also.join('; ')}.`);
      }
      reasons.push(node.line);
    }
    for (let k = 0; k < extra.reasons.length; k++) if (extra.reasons[k]!.length > 0) reasons.push(extra.reasons[k]!);
    if (note !== undefined) reasons.push(note);
    for (let k = 0; k < extra.obligations.length; k++) obligations.push(extra.obligations[k]!);
    return { regime: REGIME, outcome, verdict: extra.verdict, rules, reasons: exact(reasons), obligations: exact(obligations) };
  }

  /** The references of the deciding rules: one frozen list per sequence of them. */
  private refs(): readonly RuleRef[] {
    const fired = this.scratch.rules;
    let node = refsRoot;
    for (let k = 0; k < this.deciding; k++) {
      const rule = fired[this.decidingAt[k]!]!;
      let next = node.next.get(rule);
      if (!next) node.next.set(rule, (next = { next: new Map() }));
      node = next;
    }
    if (node.refs) return node.refs;
    const refs: RuleRef[] = [];
    for (let k = 0; k < this.deciding; k++) refs.push(sharedRef(fired[this.decidingAt[k]!]!));
    return (node.refs = Object.freeze(refs));
  }
}

const flowCombination = new Combination<FlowCtx>();
const orgCombination = new Combination<OrgCtx>();

/** Decides one flow with the given rules. */
export function decideFlowWith(rules: readonly Rule<FlowCtx>[], ctx: FlowCtx): Decision {
  const date = ctx.date;
  const c = flowCombination;
  c.run(inForceOn(rules, date), ctx, date);
  const outcome = c.outcome;
  if (outcome !== undefined) {
    if (SHARED_VERDICT.has(outcome)) {
      const node = c.sharedNode();
      if (node) return (node.decision ??= frozen(c.assemble(outcome, flowVerdict(outcome, ctx, c.lead()))));
    }
    // The assessment is due to important data alone: no PI (nor core data) goes, or only the important-data rules require it.
    const importantOnly = outcome === 'security_assessment' && ctx.important && ((!ctx.personal && !ctx.core) || c.outcomeOnlyFrom(IMPORTANT_DATA_ASSESSMENT));
    return c.assemble(outcome, flowVerdict(outcome, ctx, c.lead(), importantOnly));
  }
  if (date < DSL_FROM) {
    return c.assemble('not_applicable', flowVerdict('not_applicable', ctx, undefined), `Judged on ${date}, before the DSL (2021-09-01) and PIPL (2021-11-01) export rules took effect; no rule in force applies.`);
  }
  // From 2021-09-01 the DSL reaches important data (Art. 31) and, since 2017, CSL Art. 37 CIIOs;
  // a PI export by any other processor had no export rule until the PIPL took effect (Art. 74).
  if (date < PIPL_FROM && ctx.personal) {
    return c.assemble('not_applicable', flowVerdict('not_applicable', ctx, undefined), `Judged on ${date}, before the PIPL took effect (${PIPL_FROM}, Art. 74): no rule in force governs providing this PI abroad (DSL Art. 31 reaches important data, CSL Art. 37 CIIOs).`);
  }
  return c.assemble('needs_review', flowVerdict('needs_review', ctx, undefined), 'No rule of the pack decided this flow; review it.');
}

/** Decides one organization-level question (a listing, important-data duties); null when nothing fires. */
export function decideOrganizationWith(rules: readonly Rule<OrgCtx>[], ctx: OrgCtx): Decision | null {
  const c = orgCombination;
  c.run(rules, ctx, ctx.date);
  const outcome = c.outcome;
  if (outcome === undefined) return null;
  let extra: Verdicted = { verdict: 'permitted', reasons: [], obligations: [] };
  if (outcome === 'cybersecurity_review_required') {
    const ok = reviewCleared(ctx);
    extra = ok ? { verdict: 'permitted', reasons: [`The cybersecurity review was cleared on ${ok.date}.`], obligations: [] } : { verdict: 'conditional', reasons: [], obligations: [] };
  }
  return c.assemble(outcome, extra);
}

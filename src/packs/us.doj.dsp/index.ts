/**
 * `us.doj.dsp` — the U.S. Department of Justice Data Security Program, 28 CFR Part 202
 * ("Preventing Access to U.S. Sensitive Personal Data and Government-Related Data by Countries
 * of Concern or Covered Persons"), final rule 90 FR 1636 (8 January 2025), effective
 * 8 April 2025; subpart J, 202.1103 and 202.1104 from 6 October 2025.
 *
 * Decision procedure (us-rules.md §1.15): the U.S. person bound → the counterparty (covered
 * person?) → the data (bulk or government-related?) → the class (brokerage, vendor, employment,
 * investment) → exemptions as exceptions → outcome and duties.
 */
import { runRules, sharedRef, type Fired, type Rule } from '../../engine/rule.js';
import type { DecisionTally, Pack, PackContext } from '../../engine/pack.js';
import type { Decision, Obligation, RuleRef, Verdict } from '../../engine/types.js';
import type { Flow } from '../../inventory/schema.js';
import { judgedOn } from '../../facts/index.js';
import { boundParty, dspContextOf, recipientReasons, type DspContext } from './context.js';
import { memoOf, noVariants, type NotCoveredVariants } from './memo.js';
import { flat } from '../../engine/text.js';
import { exact } from '../../engine/exact.js';
import { SUBPART_C } from './subpart-c-prohibited.js';
import { SUBPART_D } from './subpart-d-restricted.js';
import { SUBPART_E } from './subpart-e-exemptions.js';
import { SUBPARTS_J_K, securityRequirements } from './subparts-j-k-compliance.js';
import { PART_202_EFFECTIVE } from './params.js';

export const REGIME = 'us.doj.dsp';
export const VERSION = '2025.10.06';

export const RULES: readonly Rule<DspContext>[] = [...SUBPART_C, ...SUBPART_D, ...SUBPART_E, ...SUBPARTS_J_K];

/** When several rules set an outcome, the first in this order decides: prohibited, restricted, onward_transfer_clause_required, rejected, exempt (others: -1). */
function precedence(outcome: string | undefined): number {
  switch (outcome) {
    case 'prohibited':
      return 0;
    case 'restricted':
      return 1;
    case 'onward_transfer_clause_required':
      return 2;
    case 'rejected':
      return 3;
    case 'exempt':
      return 4;
    default:
      return -1;
  }
}
const LAST_RANK = 5;

function notApplicable(reason: string, citation: string): Decision {
  return { regime: REGIME, outcome: 'not_applicable', verdict: 'not_applicable', rules: [{ id: `${REGIME}/scope`, citation }], reasons: [reason], obligations: [] };
}

/** Why a flow is not a covered data transaction (202.210), stated from what is missing. */
function notCoveredReasons(ctx: DspContext): string[] {
  const out: string[] = [];
  if (!ctx.ofConcern) out.push(...recipientReasons(ctx));
  if (!ctx.data.sensitive || !ctx.coveredData) out.push(...(ctx.data.reasons.length ? ctx.data.reasons : NO_COVERED_DATA));
  if (!ctx.flow.access) out.push('the counterparty gets no access to the data (202.201)');
  if (ctx.classes.size === 0) out.push('none of the four covered classes — data brokerage, vendor, employment or investment agreement — is declared (202.210(a)); declare `classes` if the transfer is made under one');
  out.push(...ctx.classNotes);
  // The first line is usually one many flows share (the recipient's): its headline is made once.
  const headlines = memoOf(ctx.facts).notCoveredHeadlines;
  const first = out[0] ?? '';
  let headline = headlines.get(first);
  if (headline === undefined) headlines.set(first, (headline = flat(`not a covered data transaction (202.210): ${first}`)));
  out[0] = headline;
  return out;
}
const NO_COVERED_DATA = ['no government-related data or bulk U.S. sensitive personal data (202.206, 202.222)'];

function verdictFor(outcome: string, ctx: DspContext, obligations: readonly Obligation[]): Verdict {
  switch (outcome) {
    case 'prohibited':
      return 'blocked';
    case 'restricted':
      return securityRequirements(ctx) ? 'permitted' : 'conditional';
    case 'onward_transfer_clause_required':
      return obligations.some((o) => o.id === 'us.doj.dsp/202.302(a)(1)' && o.status === 'done') ? 'permitted' : 'conditional';
    case 'rejected':
    case 'exempt':
      return 'permitted';
    default:
      return 'not_applicable';
  }
}

export function decideFlow(flow: Flow, { facts, asOf }: PackContext, index?: number): Decision {
  const date = judgedOn(flow, asOf);
  if (date < PART_202_EFFECTIVE) {
    let d = beforeEffective.get(date);
    if (!d) beforeEffective.set(date, (d = freeze(notApplicable(`28 CFR Part 202 took effect on ${PART_202_EFFECTIVE}; this flow is judged on ${date}`, '28 CFR 202 (90 FR 1636), effective 2025-04-08'))));
    return d;
  }
  // Whom Part 202 binds is settled before anything is derived about the data: a flow it does
  // not bind needs no aggregate.
  const { exporter: x, usPerson } = boundParty(flow, facts);
  if (!usPerson && !flow.designedToEvade) {
    const memo = memoOf(facts).notUsPerson;
    let d = memo.get(x);
    if (!d) memo.set(x, (d = freeze(notApplicable(`Part 202 binds U.S. persons; ${x.name} is not one (${x.usPersonReason}) and no U.S. person is declared directing the transaction (202.305)`, '28 CFR 202.256; 202.305'))));
    return d;
  }
  const ctx = dspContextOf(flow, facts, asOf, date, x, usPerson, index);
  const { fired } = runRules(RULES, ctx, date);
  if (fired.length === 0) return notCovered(ctx, []);
  // The deciding rule: the first to fire with the outcome that comes first in `precedence`.
  let deciding: Fired | undefined;
  let rank = LAST_RANK;
  for (let i = 0; i < fired.length; i++) {
    const r = precedence(fired[i]!.finding.outcome);
    if (r >= 0 && r < rank) {
      rank = r;
      deciding = fired[i];
    }
  }
  const outcome = deciding?.finding.outcome ?? 'not_covered';
  // The rules that contribute: those with no outcome of their own or the same one; their duties
  // and reasons follow the deciding rule's, in rule order.
  const obligations: Obligation[] = deciding?.finding.obligations?.slice() ?? [];
  const reasons: string[] = deciding ? deciding.finding.reasons.slice() : [];
  const rules: RuleRef[] = deciding ? [sharedRef(deciding.rule)] : [];
  for (let i = 0; i < fired.length; i++) {
    const f = fired[i]!;
    if (f === deciding || (f.finding.outcome !== undefined && f.finding.outcome !== outcome)) continue;
    if (f.finding.obligations) for (const o of f.finding.obligations) obligations.push(o);
    for (const r of f.finding.reasons) reasons.push(r);
    rules.push(sharedRef(f.rule));
  }
  if (!deciding) return notCovered(ctx, obligations);
  return { regime: REGIME, outcome, verdict: verdictFor(outcome, ctx, obligations), rules: exact(rules), reasons: dedupe(reasons), obligations: exact(obligations) };
}

/**
 * Decisions that do not depend on the flow beyond a few facts are built once and shared (they
 * are frozen): flows judged before Part 202 took effect (per date), flows of a foreign exporter
 * no U.S. person directs (per exporter), and flows that are not covered data transactions, per
 * (data facts, recipient, access, classes declared) — most of a large inventory; per (recipient,
 * access, classes declared) when the data is covered data, as the reasons then say nothing of it.
 */
const beforeEffective = new Map<string, Decision>();

function freeze(d: Decision): Decision {
  Object.freeze(d.rules);
  Object.freeze(d.reasons);
  Object.freeze(d.obligations);
  return Object.freeze(d);
}

const NOT_COVERED_RULES = Object.freeze([Object.freeze({ id: `${REGIME}/202.210`, citation: '28 CFR 202.210' })]);

function notCovered(ctx: DspContext, obligations: readonly Obligation[]): Decision {
  // Shared only when nothing specific to this flow enters the decision.
  if (obligations.length > 0 || ctx.classNotes.length > 0) return notCoveredDecision(ctx, obligations);
  // Held by the data facts for their one recipient; by recipient, then data facts, otherwise.
  // When the data is covered data, the reasons say nothing of it: one decision per recipient.
  const recipient = ctx.ofConcern ? null : ctx.recipient;
  const data = ctx.data;
  let variants: NotCoveredVariants | undefined;
  if (data.sensitive && ctx.coveredData) {
    const memo = memoOf(ctx.facts).notCoveredCoveredData;
    variants = memo.get(recipient);
    if (!variants) memo.set(recipient, (variants = noVariants()));
  } else if (data.notCoveredFor === undefined) data.notCoveredFor = { recipient, variants: (variants = noVariants()) };
  else if (data.notCoveredFor.recipient === recipient) variants = data.notCoveredFor.variants;
  else {
    const memo = memoOf(ctx.facts).notCovered;
    let byData = memo.get(recipient);
    if (!byData) memo.set(recipient, (byData = new Map()));
    variants = byData.get(data);
    if (!variants) byData.set(data, (variants = noVariants()));
  }
  const i = (ctx.flow.access ? 2 : 0) + (ctx.classes.size === 0 ? 1 : 0);
  return (variants[i] ??= freeze(notCoveredDecision(ctx, obligations)));
}

function notCoveredDecision(ctx: DspContext, obligations: readonly Obligation[]): Decision {
  return { regime: REGIME, outcome: 'not_covered', verdict: 'not_applicable', rules: NOT_COVERED_RULES, reasons: dedupe(notCoveredReasons(ctx)), obligations: exact(obligations) };
}

/** The non-empty reasons, each once, in order (lists are usually short: a scan beats a Set). */
function dedupe(xs: readonly string[]): string[] {
  if (xs.length > 32) return [...new Set(xs.filter((x) => x.length > 0))];
  const out: string[] = [];
  for (const x of xs) if (x.length > 0 && !out.includes(x)) out.push(x);
  return exact(out);
}

/**
 * Every flow of the inventory, pair after pair: the flows of one (exporter, recipient) pair
 * share their parties, their 202.205 windows and most data facts, which then stay in cache.
 */
export function decideFlows(ctx: PackContext, tally?: DecisionTally): Decision[] {
  const flows = ctx.facts.inventory.flows;
  const out = new Array<Decision>(flows.length);
  const volumes = ctx.facts.volumes;
  const order = volumes.pairOrder();
  const bounds = volumes.pairBounds();
  const byAggregate = memoOf(ctx.facts).byAggregate;
  for (let p = 0; p + 1 < bounds.length; p++) {
    for (let k = bounds[p]!; k < bounds[p + 1]!; k++) {
      const i = order[k]!;
      const d = (out[i] = decideFlow(flows[i]!, ctx, i));
      tally?.add(d);
    }
    // The pair's aggregates and the data facts counted on them serve no other pair: let them go
    // now rather than keep every pair's until the run ends (they would outlive young-generation
    // collections and be copied and promoted for nothing).
    volumes.releasePair(p);
    byAggregate.clear();
  }
  return out;
}

export const usDojDsp: Pack = {
  id: REGIME,
  version: VERSION,
  title: 'U.S. DOJ Data Security Program (28 CFR Part 202)',
  rules: RULES,
  decideFlow,
  decideFlows,
};

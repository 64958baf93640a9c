/**
 * Rules as code. A rule is a module the way a lint rule is: an id, metadata (citation, source
 * URL, effective window, the facts it reads), and its logic. Beside each rule file sits a
 * tester (`*.test.ts`) with cases that must and must not trigger.
 *
 * Exemptions are *exceptions* in the default-logic sense (Catala): an exception names the
 * base rules it defeats, and when it fires those rules yield, whatever order they ran in.
 */
import type { CivilDate } from '../time/civil-date.js';
import type { Obligation, Outcome, RuleRef } from './types.js';

export interface EffectiveWindow {
  readonly from: CivilDate;
  readonly until?: CivilDate;
}

export interface RuleMeta {
  /** Stable id, e.g. `us.doj.dsp/202.301`. */
  readonly id: string;
  readonly title: string;
  /** Legal citation, e.g. `28 CFR 202.301(a)`. */
  readonly citation: string;
  readonly sourceUrl?: string;
  readonly effective: EffectiveWindow;
  /** The facts this rule reads (documentation and explanation). */
  readonly reads: readonly string[];
  /** Default logic: the rules this one is an exception to. */
  readonly exceptionTo?: readonly string[];
}

/** What a rule says when it fires. */
export interface Finding {
  /** The regime outcome this rule establishes (absent for rules that only add duties or facts). */
  readonly outcome?: Outcome;
  readonly reasons: readonly string[];
  readonly obligations?: readonly Obligation[];
}

export interface Rule<C> extends RuleMeta {
  /** Returns a finding when the rule fires on this context, else null. */
  evaluate(ctx: C): Finding | null;
}

export function defineRule<C>(rule: Rule<C>): Rule<C> {
  return rule;
}

export function inForce(meta: RuleMeta, date: CivilDate): boolean {
  return meta.effective.from <= date && (meta.effective.until === undefined || date <= meta.effective.until);
}

export interface Fired {
  readonly rule: RuleMeta;
  readonly finding: Finding;
}

/**
 * Runs the rules in force on `date` and resolves exceptions: any fired rule named in a fired
 * exception's `exceptionTo` is defeated. Returns the surviving findings, in rule order. Most
 * evaluations fire nothing: they all get the same frozen empty result.
 */
export function runRules<C>(rules: readonly Rule<C>[], ctx: C, date: CivilDate): RuleRun {
  let fired: Fired[] | undefined;
  let exceptions = false;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.effective.from > date || (r.effective.until !== undefined && date > r.effective.until)) continue;
    const finding = r.evaluate(ctx);
    if (finding) {
      (fired ??= []).push({ rule: r, finding });
      if (r.exceptionTo !== undefined && r.exceptionTo.length > 0) exceptions = true;
    }
  }
  if (fired === undefined) return NOTHING_FIRED;
  // Most evaluations fire no exception: nothing to resolve.
  if (!exceptions) return { fired, defeated: NONE };
  // A few rules fire at a time: each is checked against the exceptions that fired, no set.
  const kept: Fired[] = [];
  let defeated: Fired[] | undefined;
  for (let i = 0; i < fired.length; i++) {
    const f = fired[i]!;
    if (defeatedAmong(fired, fired.length, f.rule.id, ruleOfFired)) (defeated ??= []).push(f);
    else kept.push(f);
  }
  return { fired: kept, defeated: defeated ?? NONE };
}

/** Does an exception among the first `n` of `fired` name the rule `id`? */
function defeatedAmong<T>(fired: readonly T[], n: number, id: string, ruleOf: (x: T) => RuleMeta): boolean {
  for (let i = 0; i < n; i++) {
    const to = ruleOf(fired[i]!).exceptionTo;
    if (to !== undefined && to.includes(id)) return true;
  }
  return false;
}

/**
 * Lists a caller keeps and hands to `runRulesInto` for every evaluation: the fired rules and
 * their findings, position by position, valid until the next run. A caller that reads what it
 * needs off them before the next evaluation allocates nothing for the run itself (a pack
 * deciding 100,000 flows makes no list and no record per fired rule).
 */
export class RuleScratch<C> {
  readonly rules: Rule<C>[] = [];
  readonly findings: Finding[] = [];
  /** How many positions the last run filled. */
  length = 0;
}

const asRule = <C>(r: Rule<C>): RuleMeta => r;
const ruleOfFired = (f: Fired): RuleMeta => f.rule;

/**
 * `runRules` into reused lists: the same rules in force, findings, exceptions and order, the
 * surviving rules at positions [0, scratch.length) of `scratch.rules` and `scratch.findings`.
 * Returns scratch.length.
 */
export function runRulesInto<C>(rules: readonly Rule<C>[], ctx: C, date: CivilDate, scratch: RuleScratch<C>): number {
  const fired = scratch.rules;
  const findings = scratch.findings;
  let n = 0;
  let exceptions = false;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.effective.from > date || (r.effective.until !== undefined && date > r.effective.until)) continue;
    const finding = r.evaluate(ctx);
    if (finding) {
      fired[n] = r;
      findings[n] = finding;
      n++;
      if (r.exceptionTo !== undefined && r.exceptionTo.length > 0) exceptions = true;
    }
  }
  if (exceptions) {
    // Which rules the exceptions defeat is settled before any is dropped.
    const defeated: boolean[] = [];
    for (let i = 0; i < n; i++) defeated.push(defeatedAmong(fired, n, fired[i]!.id, asRule));
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (defeated[i]) continue;
      fired[kept] = fired[i]!;
      findings[kept] = findings[i]!;
      kept++;
    }
    n = kept;
  }
  scratch.length = n;
  return n;
}

export interface RuleRun {
  readonly fired: readonly Fired[];
  readonly defeated: readonly Fired[];
}
const NONE: readonly Fired[] = Object.freeze([]);
const NOTHING_FIRED: RuleRun = Object.freeze({ fired: NONE, defeated: NONE });

export function ref(meta: RuleMeta): RuleRef {
  return { id: meta.id, citation: meta.citation };
}

const refs = new WeakMap<RuleMeta, RuleRef>();

/** The rule's reference, made once per rule, frozen and shared by the decisions that cite it. */
export function sharedRef(meta: RuleMeta): RuleRef {
  let r = refs.get(meta);
  if (!r) refs.set(meta, (r = Object.freeze(ref(meta))));
  return r;
}

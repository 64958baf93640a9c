/**
 * Fixed findings: a rule whose finding says the same thing on every flow it fires on (no
 * flow-specific fact in its reasons, no obligation) declares it once with `fixed`. The finding
 * is frozen and shared, and a decision made of fixed findings alone is built once and shared by
 * every flow it decides (decide.ts): most flows of a large inventory fall under a handful of such
 * decisions (e.g. no nexus with China).
 */
import type { Finding } from '../../engine/rule.js';

/** A finding without obligations (an obligation's status depends on the as-of date). */
export type FixedFinding = Omit<Finding, 'obligations'>;

const FIXED = new WeakSet<Finding>();

/** The reasons of a finding that only adds duties: one frozen empty list, shared. */
export const NO_REASONS: readonly string[] = Object.freeze([]);

/** Declares a finding the same for every flow: frozen, shared, and known to decide.ts. */
export function fixed(finding: FixedFinding): Finding {
  Object.freeze(finding.reasons);
  const f = Object.freeze(finding);
  FIXED.add(f);
  return f;
}

/** Was this finding declared with `fixed`? */
export function isFixed(finding: Finding): boolean {
  return FIXED.has(finding);
}

/**
 * A fixed finding per value of one fact (e.g. the destination it names): `make` runs once per
 * value, and every flow with that value shares the finding. Bounded: past `max` values the
 * findings are made afresh (still correct, just not shared).
 */
export function fixedBy<K>(make: (key: K) => FixedFinding, max = 10_000): (key: K) => Finding {
  const memo = new Map<K, Finding>();
  return (key) => {
    let f = memo.get(key);
    if (!f) {
      if (memo.size >= max) return make(key);
      memo.set(key, (f = fixed(make(key))));
    }
    return f;
  };
}

/**
 * A fixed finding (or none) per object the finding is made from, such as the counts of one
 * exporter's window on one date, which every counted flow judged that day shares.
 */
export function fixedFor<K extends object>(make: (key: K) => FixedFinding | null): (key: K) => Finding | null {
  const memo = new WeakMap<K, Finding | null>();
  return (key) => {
    let f = memo.get(key);
    if (f === undefined) {
      const made = make(key);
      memo.set(key, (f = made && fixed(made)));
    }
    return f;
  };
}

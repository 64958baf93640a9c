/**
 * A rule pack: one regime (e.g. `us.doj.dsp`, `cn.xborder`), versioned. It decides whether it
 * applies to a flow and then what the outcome is, citing the rules that decided.
 */
import type { Facts } from '../facts/index.js';
import type { Asset, Flow } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import type { RuleMeta } from './rule.js';
import type { Decision } from './types.js';

export interface PackContext {
  readonly facts: Facts;
  readonly asOf: CivilDate;
}

/** Counts decisions for the summary of a check (verdicts, obligations, overdue ones). */
export interface DecisionTally {
  add(d: Decision): void;
}

export interface Pack {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** Every rule of the pack (for `--list-rules`, docs and tests). */
  readonly rules: readonly RuleMeta[];
  /**
   * Decides one flow (packs that judge flows). A flow outside the pack's reach gets a
   * `not_applicable` decision. `index`, when given, is the flow's position in
   * `ctx.facts.inventory.flows` (`runCheck` passes it): facts laid out by position can then be
   * read without a lookup. Packs must give the same decision with or without it.
   */
  decideFlow?(flow: Flow, ctx: PackContext, index?: number): Decision;
  /**
   * Decides every flow of `ctx.facts.inventory` at once: the decision `decideFlow` gives each,
   * in inventory order, computed in whatever order suits the pack (`runCheck` uses it when
   * present). When `tally` is given, the pack may add each decision to it as it makes it (every
   * one, once), while the decision is still in cache; `runCheck` then does not count them again.
   */
  decideFlows?(ctx: PackContext, tally?: DecisionTally): readonly Decision[];
  /** Organization-level decisions (e.g. a cybersecurity review before listing abroad). */
  decideOrganization?(ctx: PackContext): readonly Decision[];
  /** Decisions on a technology asset (equipment, carrier, cloud, app, SDK, cable), for packs that judge them. */
  decideAsset?(asset: Asset, ctx: PackContext): Decision;
}

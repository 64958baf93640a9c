/**
 * The decision contract shared by every rule pack (DESIGN.md, "Concepts").
 */
import type { CivilDate } from '../time/civil-date.js';

/** Normalized verdict across regimes. */
export type Verdict = 'blocked' | 'conditional' | 'permitted' | 'not_applicable';
export const VERDICTS: readonly Verdict[] = ['blocked', 'conditional', 'permitted', 'not_applicable'];

/** A regime's own word for its outcome (prohibited, restricted, security_assessment, …). */
export type Outcome = string;

/** A reference to a rule that decided (or contributed to) a decision. */
export interface RuleRef {
  readonly id: string;
  readonly citation: string;
}

export type ObligationStatus = 'due' | 'overdue' | 'done' | 'ongoing';

/** A dated duty that follows from a decision. */
export interface Obligation {
  /** Stable id: `<rule id>` or `<rule id>:<suffix>`. */
  readonly id: string;
  readonly what: string;
  /** Recipient or counterparty, when there is one (regulator, contract party). */
  readonly to?: string;
  /** Due date (civil date in the regulator's calendar), when the duty has one. */
  readonly due?: CivilDate;
  readonly citation: string;
  readonly status: ObligationStatus;
}

/** One regime's decision on one flow (or on the organization). */
export interface Decision {
  readonly regime: string;
  readonly outcome: Outcome;
  readonly verdict: Verdict;
  readonly rules: readonly RuleRef[];
  readonly reasons: readonly string[];
  readonly obligations: readonly Obligation[];
}

export interface FlowDecisions {
  readonly flow: string;
  readonly decisions: readonly Decision[];
}

export interface AssetDecisions {
  readonly asset: string;
  readonly decisions: readonly Decision[];
}

export interface PackInfo {
  readonly id: string;
  readonly version: string;
}

export interface CheckSummary {
  readonly flows: number;
  readonly assets: number;
  readonly decisions: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly obligations: number;
  readonly overdue: number;
  /** True when any verdict is blocked or any obligation overdue (CLI exit 1). */
  readonly blocking: boolean;
}

/** The result of `check` (CLI JSON and library API alike). */
export interface CheckResult {
  readonly asOf: CivilDate;
  readonly packs: readonly PackInfo[];
  readonly organization: readonly Decision[];
  readonly flows: readonly FlowDecisions[];
  /** Decisions on technology assets, by the packs that judge them (e.g. us.infra). */
  readonly assets: readonly AssetDecisions[];
  readonly summary: CheckSummary;
}

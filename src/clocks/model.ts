/**
 * The clocks model: a regime pack is a list of duties; each duty names the event kinds it
 * reads, whether it applies, the anchor its clock starts from and the counting rule (a dated
 * parameter). The evaluator (evaluate.ts) turns duties into dated obligations with a status.
 */
import type { Confidence, Param } from '../engine/params.js';
import type { EffectiveWindow } from '../engine/rule.js';
import type { DutyId, EventKind, InventoryEvent } from '../inventory/events.js';
import type { Organization } from '../inventory/schema.js';
import type { Instant } from '../time/zoned.js';

/** How a deadline is counted from its anchor. */
export type Counting =
  /** Elapsed hours (DST does not matter). */
  | { readonly kind: 'hours'; readonly hours: number }
  /** Calendar days; the anchor's day is not counted; ends at the end of the last day in the regulator's zone. */
  | { readonly kind: 'days'; readonly days: number }
  /** Calendar months; ends at the end of the same-numbered day (or the month's last day) in the regulator's zone. */
  | { readonly kind: 'months'; readonly months: number }
  /** Business (working) days on a registered calendar; ends at `cutoff` local time on the last day. */
  | { readonly kind: 'business-days'; readonly days: number; readonly calendar: string; readonly cutoff: { readonly hour: number; readonly minute: number } }
  /** No fixed deadline ("immediately", "without undue delay", "in time"). */
  | { readonly kind: 'no-fixed-deadline'; readonly words: string };

/** A named instant on the event that a clock starts from. */
export interface Anchor {
  /** Field name on the event (or `report:<duty>` for an earlier report's submission). */
  readonly name: string;
  /** Said when the anchor is unknown: "starts when …". */
  readonly startsWhen: string;
  at(c: ClockContext): Instant | undefined;
}

export interface DeadlineSpec {
  readonly anchor: Anchor;
  readonly period: Param<Counting>;
}

/** What a duty says about one event when it applies. */
export interface Applicability {
  /** The duty applies only if this (undeclared) condition holds, e.g. "the incident is significant". */
  readonly condition?: string;
  /** Extra explanation shown with the obligation. */
  readonly note?: string;
  /** Overrides the duty's recipient text for this event. */
  readonly recipient?: string;
  /** The regime was considered and the duty does not arise, for this reason (listed as a note). */
  readonly notApplicable?: string;
}

export interface DutyDef {
  readonly id: DutyId;
  /** Pack id, e.g. `cn.miit.vuln`. */
  readonly regime: string;
  /** Short paraphrase of the provision (documentation; shown by `--format text` with -v). */
  readonly text: string;
  readonly citation: string;
  readonly effective: EffectiveWindow;
  /** How sure the notes are of the deadline and its anchor. */
  readonly confidence: Confidence;
  /** Proposed rule, not in force: listed, never overdue. */
  readonly proposed?: boolean;
  readonly kinds: readonly EventKind[];
  readonly what: string;
  readonly recipient: string;
  /** The regulator's time zone for this organization. */
  timeZone(c: ClockContext): string;
  /** Null when the duty does not apply to this event and organization. */
  applies(c: ClockContext): Applicability | null;
  /** One or more deadlines; the earliest known one governs. */
  deadlines(c: ClockContext): readonly DeadlineSpec[];
  /**
   * The anchor whose date is tested against the effective window: the event that triggers the
   * duty (e.g. awareness of active exploitation, the materiality determination). Default: `learned`.
   * When it is unknown, `learned` is used.
   */
  readonly trigger?: Anchor;
  /** The effective window to test, when it depends on the organization (e.g. smaller reporting companies). */
  effectiveFor?(c: ClockContext): EffectiveWindow;
  /** When the duty was discharged by something other than a declared report (e.g. a disclosure). */
  satisfiedAt?(c: ClockContext): Instant | undefined;
}

/** A pack: one instrument (law, regulation, measures, rule). */
export interface ClockPack {
  readonly id: string;
  readonly title: string;
  readonly instrument: string;
  readonly sourceUrl?: string;
  readonly duties: readonly DutyDef[];
  /** Checks that are not clocks (e.g. who may be given vulnerability information). */
  checks?(c: ClockContext): readonly ClockCheck[];
}

/** The event with every time resolved to an instant. */
export interface ClockContext {
  readonly org: Organization;
  readonly event: InventoryEvent;
  /** Zone in which the event's times without offsets were read. */
  readonly zone: string;
  /** Resolved instants by field name (`learned`, `fixAvailable`, …). */
  readonly instants: ReadonlyMap<string, Instant>;
  /** Fields that were given as a date only. */
  readonly dateOnly: ReadonlySet<string>;
  /** Earliest declared report per duty (made at or before as-of). */
  readonly reports: ReadonlyMap<DutyId, { readonly at: Instant; readonly reference?: string }>;
  readonly asOf: Instant;
}

export type ObligationStatus = 'due' | 'overdue' | 'done';

/** One dated duty for one event (the JSON contract; see docs/clocks.md). */
export interface ClockObligation {
  readonly id: DutyId;
  readonly regime: string;
  readonly event: string;
  readonly what: string;
  readonly recipient: string;
  /** ISO 8601 with the regulator's offset; absent when the anchor is unknown or there is no fixed deadline. */
  readonly due?: string;
  readonly dueUtc?: string;
  readonly status: ObligationStatus;
  readonly citation: string;
  readonly confidence: Confidence;
  readonly effective: EffectiveWindow;
  /** False for proposed rules (CIRCIA): never overdue. */
  readonly inForce: boolean;
  readonly timeZone: string;
  /** How the deadline is counted, in words. */
  readonly deadline: string;
  readonly anchor: { readonly name: string; readonly at?: string };
  /** When the anchor is unknown: what starts the clock. */
  readonly startsWhen?: string;
  /** ISO 8601 duration past due (status overdue). */
  readonly overdueBy?: string;
  /** When the declared report was made (status done). */
  readonly doneAt?: string;
  /** Done after the due instant, by this ISO 8601 duration. */
  readonly lateBy?: string;
  /** An undeclared fact the duty depends on. */
  readonly condition?: string;
  readonly notes: readonly string[];
}

export type CheckVerdict = 'allowed' | 'prohibited' | 'prohibited_without_approval' | 'legal_review';

/** A finding that is not a clock: may this be done (given, disclosed, provided)? */
export interface ClockCheck {
  readonly id: string;
  readonly regime: string;
  readonly event: string;
  /** What is checked, e.g. "vulnerability information to The Apache Software Foundation (US)". */
  readonly subject: string;
  readonly verdict: CheckVerdict;
  readonly reason: string;
  readonly citation: string;
  readonly confidence: Confidence;
  /** Case ids from ../shared/cases this check encodes. */
  readonly cases?: readonly string[];
}

/** A regime that was considered but does not (yet) produce a duty for the event. */
export interface ClockNote {
  readonly regime: string;
  readonly event: string;
  readonly duty?: DutyId;
  readonly note: string;
  readonly citation: string;
}

export interface ClocksResult {
  readonly asOf: string;
  readonly obligations: readonly ClockObligation[];
  readonly checks: readonly ClockCheck[];
  readonly notes: readonly ClockNote[];
  readonly summary: {
    readonly events: number;
    readonly obligations: number;
    readonly due: number;
    readonly overdue: number;
    readonly done: number;
    readonly undated: number;
    readonly prohibited: number;
    readonly legalReview: number;
  };
}

export function defineDuty(d: DutyDef): DutyDef {
  return d;
}

export function definePack(p: ClockPack): ClockPack {
  return p;
}

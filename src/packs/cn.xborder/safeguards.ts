/**
 * The declared safeguards and approvals the `cn.xborder` verdicts depend on: a CAC security
 * assessment result (with its validity and renewal window), the standard contract and its
 * filing, PI protection certification, and PRC approval of a foreign authority's request.
 */
import { obligation } from '../../engine/obligation.js';
import type { Param } from '../../engine/params.js';
import type { Finding } from '../../engine/rule.js';
import type { Safeguard } from '../../inventory/schema.js';
import { addDays, addYears, type CivilDate } from '../../time/civil-date.js';
import { addWorkingDays, coverageNotice, getCalendar, uncoveredYears, type WorkingCalendar } from '../../time/working-days.js';
import { flowSlot, type FlowCtx } from './context.js';
import { NDSMR_FROM, ORDER16_FROM, paramOn, SA_RENEWAL_WORKING_DAYS, SA_VALIDITY_YEARS, SC_FILING_WORKING_DAYS } from './params.js';

/** A declared safeguard (on the flow) or approval (of the organization). */
export interface Dated {
  readonly type: string;
  readonly date?: CivilDate | undefined;
  readonly expires?: CivilDate | undefined;
  /** A CAC security-assessment result that extends the previous one (Order 16 Art. 9). */
  readonly extension?: boolean | undefined;
  readonly reference?: string | undefined;
}

/**
 * The `i`-th declaration that may carry an approval for the flow: the flow's safeguards, then the
 * organization's approvals (indexed, so a caller walks both without building a list).
 */
function declaredAt(ctx: FlowCtx, i: number): Dated {
  const fromFlow = ctx.flow.safeguards;
  return i < fromFlow.length ? fromFlow[i]! : ctx.org.approvals[i - fromFlow.length]!;
}

/** The later-dated of two (the first when neither is later; undated counts as earliest). */
function later(best: Dated | undefined, s: Dated): Dated {
  return !best || (s.date ?? '') > (best.date ?? '') ? s : best;
}

// --- security assessment --------------------------------------------------------------------

export type AssessmentState = 'none' | 'undated' | 'not_yet_issued' | 'valid' | 'expired' | 'reapply';

export interface AssessmentStatus {
  readonly state: AssessmentState;
  readonly issued?: CivilDate;
  /** Last day of validity (inclusive). */
  readonly lastValid?: CivilDate;
  /** Years of validity from issue, when the last valid day is counted (absent when `expires` is declared). */
  readonly years?: number;
  /** For an extension (Order 16 Art. 9): the last valid day of the result it extends, from which `years` run. */
  readonly extended?: CivilDate;
  /**
   * 60 CN working days before the last valid day: the Order 11 re-application deadline, and the
   * day the Order 16 extension window opens.
   */
  readonly renewBy?: CivilDate;
  /**
   * Said with the renewal duty when the count back to `renewBy` reached a year the CN holiday
   * table does not cover (counted Monday to Friday there): see `coverageNotice`.
   */
  readonly renewNotice?: string;
  /**
   * The issue date of the next result declared after the judged date, when the deciding one was
   * issued on or before it: not issued yet on that date, so it neither replaces nor extends the
   * deciding result there (it decides from its own date on).
   */
  readonly nextIssued?: CivilDate;
}

/**
 * Years a result issued on `issued` is valid: by the regime in force that day (Order 11: 2,
 * Order 16 Art. 9: 3), unless the policy extends Order 11 results to 3.
 */
export function validityYears(issued: CivilDate, order11ResultsThreeYears: boolean): number {
  if (issued < ORDER16_FROM && order11ResultsThreeYears) return 3;
  return paramOn(SA_VALIDITY_YEARS, issued);
}

/**
 * Last day of validity. "有效期为3年，自评估结果出具之日起计算": counted by Civil Code Arts.
 * 201–202 — the day of issue is not counted and the period ends on the corresponding day of the
 * last year (the month's last day when there is none): issued 2024-05-10 → valid to 2027-05-10.
 */
export function lastValidDay(issued: CivilDate, years: number): CivilDate {
  return addYears(issued, years);
}

/**
 * `n` CN working days before the last day of validity, the day itself not counted. Under
 * Order 11 Art. 14 it is the deadline to re-apply ("60 working days before expiry"); under
 * Order 16 Art. 9 it is the day the extension window opens ("within 60 working days before
 * expiry"), which closes at expiry.
 */
export function renewalDate(lastValid: CivilDate, cal: WorkingCalendar = getCalendar('CN')): CivilDate {
  return addWorkingDays(lastValid, -paramOn(SA_RENEWAL_WORKING_DAYS, lastValid), cal);
}

/**
 * The notice for the count of `days` (a dated parameter, read on `from`) working days from `from`
 * (not counted) to `to` on `cal`, when the days it judged fall in a year the calendar's table
 * lacks; undefined otherwise — the usual case, decided without allocating anything.
 */
function countNotice(cal: WorkingCalendar, from: CivilDate, to: CivilDate, days: Param<number>): string | undefined {
  if (uncoveredYears(cal, from, to).length === 0) return undefined;
  const years = uncoveredYears(cal, addDays(from, to < from ? -1 : 1), to);
  return years.length === 0 ? undefined : coverageNotice(cal, years, `The ${paramOn(days, from)}-working-day count ${to < from ? 'back ' : ''}from ${from} to ${to}`);
}

const NO_ASSESSMENT: AssessmentStatus = Object.freeze({ state: 'none' });
const ASSESSMENT = flowSlot<AssessmentStatus>();

/** The security assessment that covers the flow on its judged date (once per flow: several rules read it). */
export function assessmentStatus(ctx: FlowCtx): AssessmentStatus {
  if (ctx.flow.safeguards.length === 0 && ctx.org.approvals.length === 0) return NO_ASSESSMENT;
  return ctx.remember(ASSESSMENT, assess);
}

/**
 * The last valid day of a result (dated), with how it was reached:
 * - a declared `expires` wins;
 * - an extension (Order 16 Art. 9: "the validity is extended by 3 years") runs from the last
 *   valid day of the result it extends — the latest result dated before it, itself counted the
 *   same way — by the years in force on the extension's date (`extended` is that earlier last
 *   day); an extension with no earlier result declared is counted from its own date;
 * - otherwise the years in force on the day it was issued, from that day.
 */
function validityOf(ctx: FlowCtx, sa: Dated): { lastValid: CivilDate; years: number | undefined; extended: CivilDate | undefined } {
  if (sa.expires !== undefined) return { lastValid: sa.expires, years: undefined, extended: undefined };
  const years = validityYears(sa.date!, ctx.policy.order11ResultsThreeYears);
  if (sa.extension) {
    let prior: Dated | undefined;
    const n = ctx.flow.safeguards.length + ctx.org.approvals.length;
    for (let i = 0; i < n; i++) {
      const s = declaredAt(ctx, i);
      if (s.type === 'cac_security_assessment' && s.date !== undefined && s.date < sa.date! && (!prior || s.date > prior.date!)) prior = s;
    }
    // dates strictly decrease along the chain, so the recursion ends
    if (prior) {
      const from = validityOf(ctx, prior).lastValid;
      return { lastValid: addYears(from, years), years, extended: from };
    }
  }
  return { lastValid: lastValidDay(sa.date!, years), years, extended: undefined };
}

/**
 * The result that decides on the judged date is the latest one issued on or before it (Order 16
 * Art. 9: valid "自评估结果出具之日起" — from the day it is issued); a result dated later is not
 * issued yet on that date and does not displace it (a renewal dated 2027-04-01 leaves a result
 * issued 2024-05-10 deciding on 2025-06-15). With none issued by then, the next one to be issued
 * is reported as not yet issued. Undated results decide nothing.
 */
function assess(ctx: FlowCtx): AssessmentStatus {
  const date = ctx.date;
  const n = ctx.flow.safeguards.length + ctx.org.approvals.length;
  let any = false;
  let issued: Dated | undefined;
  let next: Dated | undefined;
  for (let i = 0; i < n; i++) {
    const s = declaredAt(ctx, i);
    if (s.type !== 'cac_security_assessment') continue;
    any = true;
    const d = s.date;
    if (d === undefined) continue;
    // Ties keep the first declared (flow safeguards before organization approvals).
    if (d <= date) {
      if (!issued || d > issued.date!) issued = s;
    } else if (!next || d < next.date!) next = s;
  }
  if (!any) return NO_ASSESSMENT;
  const sa = issued ?? next;
  if (!sa?.date) return { state: 'undated' };
  const { lastValid, years, extended } = validityOf(ctx, sa);
  const cal = ctx.facts.calendars.CN;
  const renewBy = renewalDate(lastValid, cal);
  const renewNotice = countNotice(cal, lastValid, renewBy, SA_RENEWAL_WORKING_DAYS);
  const base = { issued: sa.date, lastValid, years, extended, renewBy, renewNotice, nextIssued: issued ? next?.date : undefined };
  if (sa.date > date) return { state: 'not_yet_issued', ...base };
  if (date > lastValid) return { state: 'expired', ...base };
  if (ctx.flow.recipientChanged) return { state: 'reapply', ...base };
  return { state: 'valid', ...base };
}

/**
 * The renewal duty of a valid result. Nothing when the result is not valid or the flow ends
 * before it expires.
 * - `window` (Order 16 Art. 9): the application may be made within the 60 working days before
 *   expiry; due on the last valid day, the window's close.
 * - `deadline` (Order 11 Art. 14 [M]): re-apply 60 working days before expiry; due that day.
 */
export function renewalFinding(ctx: FlowCtx, id: string, citation: string, kind: 'window' | 'deadline'): Finding | null {
  const sa = assessmentStatus(ctx);
  if (sa.state !== 'valid' || !sa.lastValid || !sa.renewBy) return null;
  if (ctx.flow.end !== undefined && ctx.flow.end <= sa.lastValid) return null;
  const duty =
    kind === 'window'
      ? `To keep exporting after ${sa.lastValid}, apply to extend the result through the provincial CAC within the 60 working days before expiry: from ${sa.renewBy} to ${sa.lastValid}.`
      : `To keep exporting after ${sa.lastValid}, re-apply through the provincial CAC 60 working days before expiry: by ${sa.renewBy}.`;
  const what = sa.renewNotice ? `${duty} ${sa.renewNotice}` : duty;
  return {
    reasons: [
      `The security assessment issued ${sa.issued} is valid until ${sa.lastValid} (${sa.years === undefined ? 'its declared expiry' : sa.extended ? `extended by ${sa.years} years from ${sa.extended}, the last day of the result it extends (Order 16 Art. 9)` : `${sa.years} years from issue`})${sa.nextIssued ? `; the result dated ${sa.nextIssued} is not issued yet on ${ctx.date}` : ''}.`,
    ],
    obligations: [
      obligation(
        {
          id,
          what,
          to: 'CAC (through the provincial CAC)',
          due: kind === 'window' ? sa.lastValid : sa.renewBy,
          citation,
        },
        ctx.asOf,
      ),
    ],
  };
}

// --- standard contract and certification ---------------------------------------------------

function inEffect(s: Dated | undefined, date: CivilDate): boolean {
  return s !== undefined && (s.date === undefined || s.date <= date) && (s.expires === undefined || date <= s.expires);
}

export interface ContractStatus {
  /** A standard contract in effect on the judged date. */
  readonly contract?: Dated;
  /**
   * The filing that tells the filing duty's status as of the as-of date (`statusOn`): the latest
   * one made by then (an undated one counts as made, and as the earliest), else the next one.
   */
  readonly filed?: Dated;
  /** A PI protection certification in effect on the judged date. */
  readonly certification?: Dated;
  /** Filing deadline: `n` CN working days after the contract took effect. */
  readonly fileBy?: CivilDate;
  /** Said with the filing duty when the count to `fileBy` reached a year the CN holiday table does not cover. */
  readonly fileNotice?: string;
}

export function filingDeadline(effective: CivilDate, cal: WorkingCalendar = getCalendar('CN')): CivilDate {
  return addWorkingDays(effective, paramOn(SC_FILING_WORKING_DAYS, effective), cal);
}

/**
 * Of two declarations of a step taken (a filing, a notice, a PIPIA, ...), the one that tells
 * whether it was taken by `asOf`: one taken by then wins over one dated later (a later-dated one
 * does not undo an earlier one); of two taken, the later (undated counts as taken, earliest); of
 * two to come, the sooner.
 */
function takenBy(best: Dated | undefined, s: Dated, asOf: CivilDate): Dated {
  if (!best) return s;
  const bestMade = best.date === undefined || best.date <= asOf;
  const made = s.date === undefined || s.date <= asOf;
  if (bestMade !== made) return made ? s : best;
  if (made) return later(best, s);
  return s.date! < best.date! ? s : best;
}

const NO_CONTRACT: ContractStatus = Object.freeze({});
const CONTRACT = flowSlot<ContractStatus>();

/** The standard contract and certification declared on the flow (once per flow: several rules read them). */
export function contractStatus(ctx: FlowCtx): ContractStatus {
  if (ctx.flow.safeguards.length === 0) return NO_CONTRACT;
  return ctx.remember(CONTRACT, contractOf);
}

function contractOf(ctx: FlowCtx): ContractStatus {
  // One pass over the flow's safeguards: the latest contract and certification in effect on the
  // judged date, and the filing that tells whether it was made by the as-of date.
  let contract: Dated | undefined;
  let filed: Dated | undefined;
  let certification: Dated | undefined;
  const safeguards = ctx.flow.safeguards;
  for (let i = 0; i < safeguards.length; i++) {
    const s = safeguards[i]!;
    if (s.type === 'cac_standard_contract') {
      if (inEffect(s, ctx.date)) contract = later(contract, s);
    } else if (s.type === 'cac_standard_contract_filed') filed = takenBy(filed, s, ctx.asOf);
    else if (s.type === 'pi_protection_certification' && inEffect(s, ctx.date)) certification = later(certification, s);
  }
  if (!contract && !filed && !certification) return NO_CONTRACT;
  const status: { -readonly [K in keyof ContractStatus]: ContractStatus[K] } = {};
  if (contract) status.contract = contract;
  if (filed) status.filed = filed;
  if (certification) status.certification = certification;
  if (contract?.date) {
    const cal = ctx.facts.calendars.CN;
    status.fileBy = filingDeadline(contract.date, cal);
    const notice = countNotice(cal, contract.date, status.fileBy, SC_FILING_WORKING_DAYS);
    if (notice) status.fileNotice = notice;
  }
  return status;
}

// --- PRC approval of a foreign authority's request -----------------------------------------

/** The latest approval in effect on the judged date (undated counts as in effect, and as earliest). */
export function prcApproval(ctx: FlowCtx): Dated | undefined {
  const n = ctx.flow.safeguards.length + ctx.org.approvals.length;
  let best: Dated | undefined;
  for (let i = 0; i < n; i++) {
    const s = declaredAt(ctx, i);
    if (s.type === 'prc_authority_approval' && inEffect(s, ctx.date)) best = later(best, s);
  }
  return best;
}

/**
 * The declared safeguard of this type on the flow that tells whether the step was taken by the
 * as-of date (for notice, consent, PIPIA: read as the duty's `doneOn`): see `takenBy`.
 */
export function safeguardOf(ctx: FlowCtx, type: Safeguard['type']): Dated | undefined {
  const safeguards = ctx.flow.safeguards;
  let best: Dated | undefined;
  for (let i = 0; i < safeguards.length; i++) {
    const s = safeguards[i]!;
    if (s.type === type) best = takenBy(best, s, ctx.asOf);
  }
  return best;
}

// --- the routes of PIPL Art. 38(1)(4) and para. 2 --------------------------------------------

export type RouteType = 'treaty_conditions' | 'legal_conditions';

/** What each declared route is, as the reasons and duties name it. */
export const ROUTE_LABEL: Readonly<Record<RouteType, string>> = {
  treaty_conditions: 'the conditions of an international treaty or agreement China has concluded or joined',
  legal_conditions: 'other conditions set by laws, administrative regulations or the CAC',
};

/** The latest declared route of this type in effect on the judged date (undated counts as in effect, and as earliest). */
export function routeOf(ctx: FlowCtx, type: RouteType): Dated | undefined {
  const safeguards = ctx.flow.safeguards;
  let best: Dated | undefined;
  for (let i = 0; i < safeguards.length; i++) {
    const s = safeguards[i]!;
    if (s.type === type && inEffect(s, ctx.date)) best = later(best, s);
  }
  return best;
}

/** A declared route of PIPL Art. 38 para. 2 (treaty, first) or Art. 38(1)(4) in effect on the judged date. */
export function otherRoute(ctx: FlowCtx): { readonly type: RouteType; readonly declared: Dated } | undefined {
  if (ctx.flow.safeguards.length === 0) return undefined;
  for (const type of ['treaty_conditions', 'legal_conditions'] as const) {
    const declared = routeOf(ctx, type);
    if (declared) return { type, declared };
  }
  return undefined;
}

/** The provisions that admit a route on `date`: PIPL Art. 38, and from 2025-01-01 the NDSMR article that restates it. */
export function routeCitation(type: RouteType, date: CivilDate): string {
  const ndsmr = date >= NDSMR_FROM;
  if (type === 'treaty_conditions') return ndsmr ? 'PIPL Art. 38 para. 2; NDSMR Art. 36' : 'PIPL Art. 38 para. 2';
  return ndsmr ? 'PIPL Art. 38(1)(4); NDSMR Art. 35(8)' : 'PIPL Art. 38(1)(4)';
}

/** The declared route as a reason names it: its label and the reference given (or a request for one). */
export function routeName(route: { readonly type: RouteType; readonly declared: Dated }): string {
  const ref = route.declared.reference;
  return `${ROUTE_LABEL[route.type]} (${ref ? ref : 'no reference given: name it in `reference`'})`;
}

/**
 * Subparts J and K — Due diligence and audit (202.1001–202.1002), recordkeeping and reporting
 * (202.1101–202.1104). These rules add duties; they do not change the outcome.
 */
import { addDays, type CivilDate } from '../../time/civil-date.js';
import { at } from '../../engine/params.js';
import { defineRule, type Finding } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { Obligation } from '../../engine/types.js';
import type { DspContext } from './context.js';
import { UNKNOWN_SHARE_POLICY, type CoveredEquity } from '../../facts/us-persons.js';
import { begun, securityRequirements } from './subpart-d-restricted.js';
import { brokerageToForeignPerson } from './subpart-c-prohibited.js';
import { ANNUAL_REPORT_DUE, ANNUAL_REPORT_OWNERSHIP_DAYS, ANNUAL_REPORT_OWNERSHIP_PERCENT, AUDIT_DUE, DELAYED_COMPLIANCE, PART_202_EFFECTIVE, RECORD_YEARS, REPORT_DAYS, SOURCE_URL } from './params.js';

const pad = (n: number) => String(n).padStart(2, '0');
const REPORT_TO = 'U.S. Department of Justice, National Security Division';
const filedOn = (ctx: DspContext, report: string) => ctx.flow.filed.find((f) => f.report === report)?.date;
/** The given month and day in a year, as a civil date. */
const dayIn = (year: number | string, d: { readonly month: number; readonly day: number }): CivilDate => `${year}-${pad(d.month)}-${pad(d.day)}`;
/** A finding that adds one duty and no outcome. */
const duty = (ctx: DspContext, o: Parameters<typeof obligation>[0], reasons: string[] = []): Finding => ({ reasons, obligations: [obligation(o, ctx.asOf)] });

/** How many past years' missed reports or audits a decision lists, the most recent first kept. */
const PAST_YEARS_LISTED = 10;
/** The first calendar year subpart J and 202.1103 apply to (they took effect on 2025-10-06). */
const FIRST_YEAR = Number(DELAYED_COMPLIANCE.slice(0, 4));

/**
 * The yearly duties of years before `upTo` (from `from`) that fell due by the as-of date and are
 * not recorded as filed (`<id>:<year>` in the flow's `filed`): each overdue, with the year in its
 * id. A yearly duty shows only the next one not yet past otherwise, so a report or audit missed
 * last year would vanish once the year turned. At most PAST_YEARS_LISTED, the latest; the oldest
 * listed then says how many earlier years are also missing.
 */
function missedYears(
  ctx: DspContext,
  id: string,
  from: number,
  upTo: number,
  dueOf: (year: number) => CivilDate,
  make: (year: number, due: CivilDate) => { what: string; citation: string; to?: string },
  /** The duty was owed for that year at all (every year when absent). */
  owed?: (year: number) => boolean,
): Obligation[] {
  const missed: number[] = [];
  for (let y = upTo - 1; y >= from; y--) {
    const due = dueOf(y);
    if (due < ctx.asOf && filedOn(ctx, `${id}:${y}`) === undefined && (owed === undefined || owed(y))) missed.push(y);
  }
  if (missed.length === 0) return NONE;
  const shown = missed.slice(0, PAST_YEARS_LISTED).reverse();
  const earlier = missed.length - shown.length;
  return shown.map((y, i) => {
    const due = dueOf(y);
    const m = make(y, due);
    const what = i === 0 && earlier > 0 ? `${m.what} (and ${earlier} earlier ${earlier === 1 ? 'year' : 'years'} not recorded as filed)` : m.what;
    return obligation({ id: `${id}:${y}`, what, citation: m.citation, ...(m.to ? { to: m.to } : {}), due }, ctx.asOf);
  });
}
const NONE: Obligation[] = [];

/** A restricted transaction that may go ahead (security requirements in place, or not yet begun). */
export function isRestricted(ctx: DspContext): boolean {
  return (
    ctx.covered &&
    (securityRequirements(ctx) !== undefined || !begun(ctx)) &&
    !ctx.classes.has('data_brokerage') &&
    !ctx.data.bulkOmic &&
    !ctx.data.bulkBiospecimen &&
    (ctx.classes.has('vendor_agreement') || ctx.classes.has('employment_agreement') || ctx.classes.has('investment_agreement'))
  );
}

/**
 * § 202.1001: a U.S. person engaging in a restricted transaction develops and implements a data
 * compliance program — risk-based procedures to verify and log data types and volumes, parties'
 * identity and ownership, end use and transfer method; a written policy and a written
 * security-requirements policy, each certified annually by an officer (from 6 October 2025).
 */
export const complianceProgram = defineRule<DspContext>({
  id: 'us.doj.dsp/202.1001',
  title: 'Data compliance program for restricted transactions',
  citation: '28 CFR 202.1001',
  sourceUrl: `${SOURCE_URL}#p-202.1001`,
  effective: { from: DELAYED_COMPLIANCE },
  reads: ['restricted'],
  evaluate: (ctx) =>
    isRestricted(ctx)
      ? duty(ctx, { id: 'us.doj.dsp/202.1001', what: 'Maintain a data compliance program (verification and auditable logs of data types and volumes, parties and ownership, end use, transfer method); certify the written program policy and the security-requirements policy annually', citation: '28 CFR 202.1001' })
      : null,
});

/** § 202.1002: an annual independent audit of restricted transactions. */
export const audit = defineRule<DspContext>({
  id: 'us.doj.dsp/202.1002',
  title: 'Annual independent audit',
  citation: '28 CFR 202.1002',
  sourceUrl: `${SOURCE_URL}#p-202.1002`,
  effective: { from: DELAYED_COMPLIANCE },
  reads: ['restricted'],
  evaluate: (ctx) => {
    if (!isRestricted(ctx)) return null;
    // the year judged, or the year the transaction starts when that is later (no audit is
    // owed for a year it was not yet engaged in)
    const start = ctx.flow.start;
    const year = start !== undefined && start > ctx.date ? start.slice(0, 4) : ctx.date.slice(0, 4);
    const auditDue = at(AUDIT_DUE, ctx.date);
    const what = (y: number | string) => `Have an independent audit (internal or external) of this restricted transaction's compliance with subpart J and the security requirements for ${y}`;
    const citation = '28 CFR 202.1002; per-calendar-year timing from memory [M]';
    const current = obligation({ id: 'us.doj.dsp/202.1002', what: what(year), citation, due: dayIn(year, auditDue), doneOn: filedOn(ctx, `us.doj.dsp/202.1002:${year}`) }, ctx.asOf);
    // earlier years it was engaged in whose audit is not recorded
    const past = missedYears(ctx, 'us.doj.dsp/202.1002', Math.max(FIRST_YEAR, start ? Number(start.slice(0, 4)) : FIRST_YEAR), Number(year), (y) => dayIn(y, auditDue), (y) => ({ what: what(y), citation }));
    return { reasons: [], obligations: past.length ? [...past, current] : [current] };
  },
});

/**
 * § 202.1101: "any U.S. person" in a transaction subject to Part 202 keeps a full and accurate
 * record of each such transaction for at least 10 years (a); a restricted transaction's record
 * holds more (b): policies, audits, due diligence, transfer method, dates, agreements … Read
 * here as the transactions Part 202 lets go ahead on conditions: restricted transactions
 * (202.401) and data brokerage with a foreign person that is not a covered person (202.302).
 * Exempt transactions are relieved by subpart E (202.510 keeps it as a condition); a prohibited
 * transaction is not to be engaged in at all.
 */
export const records = defineRule<DspContext>({
  id: 'us.doj.dsp/202.1101',
  title: 'Recordkeeping for 10 years',
  citation: '28 CFR 202.1101(a)',
  sourceUrl: `${SOURCE_URL}#p-202.1101(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['restricted', 'classes', 'recipient.coveredPerson', 'recipient.usPerson', 'bulk', 'governmentRelated'],
  evaluate: (ctx) => {
    if (!ctx.covered && !ctx.coveredData) return null;
    const years = at(RECORD_YEARS, ctx.date);
    if (isRestricted(ctx)) {
      return duty(ctx, { id: 'us.doj.dsp/202.1101', what: `Keep full and accurate records of this transaction (due diligence, agreements, data types and volumes, parties, transfer method, dates) for at least ${years} years`, citation: '28 CFR 202.1101' });
    }
    if (brokerageToForeignPerson(ctx)) {
      return duty(ctx, { id: 'us.doj.dsp/202.1101', what: `Keep a full and accurate record of this data-brokerage transaction for at least ${years} years`, citation: '28 CFR 202.1101(a)' });
    }
    return null;
  },
});

/**
 * § 202.1103: a U.S. person engaged in a restricted transaction involving cloud-computing
 * services, ≥ 25 % of whose equity is owned directly or indirectly by a country of concern or
 * covered person, files an annual report by 1 March for the previous calendar year.
 *
 * The ownership is read per year reported, over the days of that year the transaction was
 * engaged in (ANNUAL_REPORT_OWNERSHIP_DAYS: any of them by default), with the ownership edges
 * and designations held on each day: a stake sold after the year ended still leaves that year's
 * report owed, and one bought after it does not make it owed.
 */
export const annualReport = defineRule<DspContext>({
  id: 'us.doj.dsp/202.1103',
  title: 'Annual report for cloud-computing restricted transactions',
  citation: '28 CFR 202.1103',
  sourceUrl: `${SOURCE_URL}#p-202.1103`,
  effective: { from: DELAYED_COMPLIANCE },
  reads: ['restricted', 'cloudComputing', 'organization.owners'],
  evaluate: (ctx) => {
    if (!isRestricted(ctx) || !ctx.flow.cloudComputing) return null;
    // The U.S. person engaged: the organization, or a U.S. subsidiary (or other U.S. person) the
    // inventory lists as the exporter. Its equity owned "directly or indirectly": through owners
    // that are not covered persons themselves (a U.S. holding company, say) as far as they are so
    // owned (facts/us-persons.ts).
    if (!ctx.exporter.usPerson) return null;
    const d = at(ANNUAL_REPORT_DUE, ctx.date);
    const year = Number(ctx.asOf.slice(0, 4));
    // The next report not yet past: for the previous year until 1 March, then for this year —
    // kept within the years the transaction is engaged in: not after the judged date (its end,
    // when it ended before the as-of date), not before its start.
    const next = ctx.asOf <= dayIn(year, d) ? year - 1 : year;
    const last = Number(ctx.date.slice(0, 4));
    const startYear = ctx.flow.start ? Number(ctx.flow.start.slice(0, 4)) : 0;
    const coveredYear = Math.max(Math.min(next, last), startYear);
    const firstYear = Math.max(FIRST_YEAR, startYear);
    // The year reported next: the covered year when the ownership test is met in it, else the
    // year after when the transaction is engaged in that one too and the test is met so far.
    let current: number | undefined;
    let found: OwnedOn | undefined;
    for (const y of coveredYear < last ? [coveredYear, coveredYear + 1] : [coveredYear]) {
      if ((found = ownedIn(ctx, y)) !== undefined) {
        current = y;
        break;
      }
    }
    // earlier years it was engaged in and owned so, whose report is not recorded as filed
    const owedBefore = new Map<number, OwnedOn>();
    const missed = missedYears(
      ctx,
      'us.doj.dsp/202.1103',
      firstYear,
      Math.min(current ?? coveredYear + 1, coveredYear + 1),
      (y) => dayIn(y + 1, d),
      (y) => ({ what: `File the annual report on restricted transactions as of 31 December ${y}`, citation: '28 CFR 202.1103', to: REPORT_TO }),
      (y) => {
        const o = ownedIn(ctx, y);
        if (o !== undefined) owedBefore.set(y, o);
        return o !== undefined;
      },
    );
    // the reasons read the ownership of the year reported next, else of the latest year missed
    found ??= owedBefore.size > 0 ? owedBefore.get(Math.max(...owedBefore.keys())) : undefined;
    if (found === undefined) return null;
    const { equity, day, unknown, min } = found;
    const owned = equity.percent;
    const is = day === undefined ? 'is' : 'was';
    const when = day === undefined ? '' : ` on ${day}`;
    return {
      reasons: [
        unknown
          ? `${ctx.exporter.name} ${is} owned by a country of concern or covered person with an undeclared share${when} (known shares total ${owned}%), treated as at least ${min}% under the conservative unknown-share policy; declare the percentage to decide. It engages in a restricted transaction involving cloud-computing services (202.1103(a))`
          : `${ctx.exporter.name} ${is} ${owned}% owned, directly or indirectly, by countries of concern or covered persons${when} (at least ${min}%) and engages in a restricted transaction involving cloud-computing services (202.1103(a))`,
        ...equity.via,
      ],
      obligations:
        current === undefined
          ? missed
          : [
              ...missed,
              obligation({ id: 'us.doj.dsp/202.1103', what: `File the annual report on restricted transactions as of 31 December ${current}`, citation: '28 CFR 202.1103', to: REPORT_TO, due: dayIn(current + 1, d), doneOn: filedOn(ctx, `us.doj.dsp/202.1103:${current}`) }, ctx.asOf),
            ],
    };
  },
});

/** The 202.1103(a) ownership test met in a year: the equity on the first day it was met (`day` undefined when that is the as-of equity itself). */
interface OwnedOn {
  readonly equity: CoveredEquity;
  readonly day: CivilDate | undefined;
  /** Met only through an undeclared share, under the conservative unknown-share policy. */
  readonly unknown: boolean;
  readonly min: number;
}

/**
 * Whether the exporter was ≥ 25 % owned by countries of concern or covered persons in year `y`:
 * on the days of it the transaction was engaged in (from its start, from 6 October 2025, up to
 * the judged date), any of them or the last (ANNUAL_REPORT_OWNERSHIP_DAYS). A year not yet begun
 * by the transaction (a start after the judged date) is read on the judged date. An undeclared
 * share on the way counts as reaching the threshold under the conservative unknown-share policy,
 * as in 202.211.
 */
function ownedIn(ctx: DspContext, y: number): OwnedOn | undefined {
  const persons = ctx.facts.persons;
  const id = ctx.exporter.id;
  const startOfYear = `${y}-01-01`;
  let from: CivilDate = startOfYear > DELAYED_COMPLIANCE ? startOfYear : DELAYED_COMPLIANCE;
  if (ctx.flow.start !== undefined && ctx.flow.start > from) from = ctx.flow.start;
  const endOfYear = `${y}-12-31`;
  const to: CivilDate = endOfYear < ctx.date ? endOfYear : ctx.date;
  const days = from > to ? [ctx.date] : at(ANNUAL_REPORT_OWNERSHIP_DAYS, ctx.date) === 'last_day_engaged' ? [to] : persons.changeDays(id, from, to);
  const now = persons.coveredEquity(id);
  for (const day of days) {
    const on = day < DELAYED_COMPLIANCE ? DELAYED_COMPLIANCE : day;
    const equity = persons.coveredEquityOn(id, day);
    const min = at(ANNUAL_REPORT_OWNERSHIP_PERCENT, on);
    const unknown = equity.percent < min && at(UNKNOWN_SHARE_POLICY, on) === 'assume_threshold' && equity.undeclared;
    if (equity.percent >= min || unknown) return { equity, day: equity === now ? undefined : day, unknown, min };
  }
  return undefined;
}

/**
 * § 202.1104: a U.S. person that receives and affirmatively rejects an offer to engage in a
 * prohibited data-brokerage transaction files a report within 14 days of rejecting it (from
 * 6 October 2025). Survives every exemption.
 */
export const rejectedTransaction = defineRule<DspContext>({
  id: 'us.doj.dsp/202.1104',
  title: 'Report rejected prohibited transactions within 14 days',
  citation: '28 CFR 202.1104',
  sourceUrl: `${SOURCE_URL}#p-202.1104`,
  effective: { from: DELAYED_COMPLIANCE },
  reads: ['offerRejected', 'classes', 'recipient.coveredPerson', 'coveredData'],
  // The flow records a rejected offer, not a transaction: the prohibition has nothing to bite on.
  exceptionTo: ['us.doj.dsp/202.301', 'us.doj.dsp/202.303'],
  evaluate: (ctx) => {
    const rejected = ctx.flow.offerRejected;
    if (!rejected || rejected < DELAYED_COMPLIANCE) return null;
    if (!ctx.classes.has('data_brokerage') || !ctx.ofConcern || !ctx.coveredData) return null;
    return {
      outcome: 'rejected',
      reasons: [`an offer of a prohibited data-brokerage transaction from ${ctx.recipient.name} was rejected on ${rejected} (202.1104)`],
      obligations: [
        obligation({ id: 'us.doj.dsp/202.1104', what: 'Report the rejected transaction: date, data types and volumes, transfer method, persons and locations, ownership, countries of concern, copies of documents', citation: '28 CFR 202.1104', to: 'U.S. Department of Justice, National Security Division', due: addDays(rejected, at(REPORT_DAYS, ctx.date).rejected), doneOn: filedOn(ctx, 'us.doj.dsp/202.1104') }, ctx.asOf),
      ],
    };
  },
});

/**
 * § 202.301(a) prohibits *engaging* in data brokerage with a country of concern or covered
 * person: an offer affirmatively rejected was not engaged in. 202.1104 (above) records such a
 * rejection from 6 October 2025 with its report; a rejection made earlier, or judged before
 * that date, is a rejection all the same — with no report owed.
 */
export const rejectedBeforeReporting = defineRule<DspContext>({
  id: 'us.doj.dsp/202.301:rejected',
  title: 'A rejected offer of prohibited data brokerage is not engaged in',
  citation: '28 CFR 202.301(a); 202.1104(a)',
  sourceUrl: `${SOURCE_URL}#p-202.301(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['offerRejected', 'classes', 'recipient.coveredPerson', 'coveredData'],
  exceptionTo: ['us.doj.dsp/202.301', 'us.doj.dsp/202.303'],
  evaluate: (ctx) => {
    const rejected = ctx.flow.offerRejected;
    // From 6 October 2025, 202.1104 records the rejection with its report.
    if (!rejected || (rejected >= DELAYED_COMPLIANCE && ctx.date >= DELAYED_COMPLIANCE)) return null;
    if (!ctx.classes.has('data_brokerage') || !ctx.ofConcern || !ctx.coveredData) return null;
    return {
      outcome: 'rejected',
      reasons: [`an offer of a prohibited data-brokerage transaction from ${ctx.recipient.name} was rejected on ${rejected}: no transaction was engaged in (202.301(a)); the 202.1104 report applies to rejections from ${DELAYED_COMPLIANCE}, so none is owed`],
    };
  },
});

export const SUBPARTS_J_K = [complianceProgram, audit, records, annualReport, rejectedTransaction, rejectedBeforeReporting];
export { securityRequirements };

/**
 * Subpart C — Prohibited transactions (28 CFR 202.301–202.305).
 */
import { addDays } from '../../time/civil-date.js';
import { at } from '../../engine/params.js';
import { defineRule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { DspContext } from './context.js';
import { recipientReasons } from './context.js';
import { PART_202_EFFECTIVE, REPORT_DAYS, SOURCE_URL } from './params.js';
import { begun, securityRequirements } from './subpart-d-restricted.js';

const filedOn = (ctx: DspContext, report: string) => ctx.flow.filed.find((f) => f.report === report)?.date;

/**
 * § 202.301(a): "no U.S. person, on or after the effective date, may knowingly engage in a
 * covered data transaction involving data brokerage with a country of concern or covered
 * person."
 */
export const dataBrokerage = defineRule<DspContext>({
  id: 'us.doj.dsp/202.301',
  title: 'Data brokerage with a country of concern or covered person is prohibited',
  citation: '28 CFR 202.301(a)',
  sourceUrl: `${SOURCE_URL}#p-202.301(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['usPerson', 'recipient.coveredPerson', 'classes', 'bulk', 'governmentRelated', 'access'],
  evaluate: (ctx) =>
    ctx.covered && ctx.classes.has('data_brokerage')
      ? { outcome: 'prohibited', reasons: ['data brokerage (202.214) giving a country of concern or covered person access to government-related data or bulk U.S. sensitive personal data (202.301(a))', ...recipientReasons(ctx), ...ctx.data.reasons] }
      : null,
});

/**
 * § 202.303(a): no U.S. person may knowingly engage in a covered data transaction with a country
 * of concern or covered person that involves access to bulk human 'omic data, or to human
 * biospecimens from which bulk human 'omic data could be derived — in any of the four classes
 * (202.401(b): subpart D cannot authorize it).
 */
export const omicData = defineRule<DspContext>({
  id: 'us.doj.dsp/202.303',
  title: "Access to bulk human 'omic data or biospecimens is prohibited in every class",
  citation: '28 CFR 202.303(a)',
  sourceUrl: `${SOURCE_URL}#p-202.303(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['usPerson', 'recipient.coveredPerson', 'classes', 'bulkOmic', 'bulkBiospecimen'],
  evaluate: (ctx) =>
    ctx.covered && (ctx.data.bulkOmic || ctx.data.bulkBiospecimen)
      ? { outcome: 'prohibited', reasons: [`access by a country of concern or covered person to bulk human ${ctx.data.bulkBiospecimen ? 'biospecimens' : "'omic data"} is prohibited in any transaction class (202.303(a); 202.401(b))`, ...recipientReasons(ctx), ...ctx.data.reasons] }
      : null,
});

/**
 * § 202.302: a U.S. person engaged in data brokerage giving a foreign person that is NOT a
 * covered person access to government-related data or bulk U.S. sensitive personal data must
 * (1) contractually require that person not to resell the data to a country of concern or
 * covered person, and (2) report known or suspected violations within 14 days of awareness.
 */
/** Data brokerage giving a foreign person that is not a covered person access to covered data (202.302(a)). */
export function brokerageToForeignPerson(ctx: DspContext): boolean {
  // The flags first, the class lookup last: every exemption asks this of every flow.
  return ctx.coveredData && ctx.flow.access && !ctx.ofConcern && !ctx.recipient.usPerson && ctx.classes.has('data_brokerage');
}

export const onwardTransfer = defineRule<DspContext>({
  id: 'us.doj.dsp/202.302',
  title: 'Brokerage to a non-covered foreign person needs an onward-transfer clause',
  citation: '28 CFR 202.302(a)',
  sourceUrl: `${SOURCE_URL}#p-202.302(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['usPerson', 'recipient.usPerson', 'recipient.coveredPerson', 'classes', 'bulk', 'governmentRelated', 'safeguards', 'violationKnown'],
  evaluate: (ctx) => {
    if (!brokerageToForeignPerson(ctx)) return null;
    const clause = ctx.flow.safeguards.find((s) => s.type === 'onward_transfer_clause');
    const obligations = [
      obligation(
        {
          id: 'us.doj.dsp/202.302(a)(1)',
          what: `Contractually require ${ctx.recipient.name} not to engage in a later data-brokerage transaction with the same data involving a country of concern or covered person`,
          citation: '28 CFR 202.302(a)(1)',
          to: ctx.recipient.name,
          due: ctx.flow.start,
          doneOn: clause ? clause.date ?? ctx.flow.start ?? ctx.date : undefined,
        },
        ctx.asOf,
      ),
    ];
    if (ctx.flow.violationKnown) {
      obligations.push(
        obligation(
          {
            id: 'us.doj.dsp/202.302(b)',
            what: 'Report the known or suspected violation of the onward-transfer clause to the Department of Justice (NSD): reporter, date, the brokerage transaction, the clause, the violation',
            citation: '28 CFR 202.302(b)',
            to: 'U.S. Department of Justice, National Security Division',
            due: addDays(ctx.flow.violationKnown, at(REPORT_DAYS, ctx.date).onwardViolation),
            doneOn: filedOn(ctx, 'us.doj.dsp/202.302(b)'),
          },
          ctx.asOf,
        ),
      );
    }
    return {
      outcome: 'onward_transfer_clause_required',
      reasons: [`data brokerage of ${ctx.data.governmentRelated ? 'government-related data' : 'bulk U.S. sensitive personal data'} to a foreign person that is not a covered person (202.302)`, ...recipientReasons(ctx), ...ctx.data.reasons, clause ? 'the onward-transfer clause is declared in place' : 'no onward-transfer clause is declared'],
      obligations,
    };
  },
});

/**
 * § 202.304: any transaction that evades or avoids, causes a violation of, or attempts to
 * violate this part, and any conspiracy to do so, is prohibited.
 */
export const evasion = defineRule<DspContext>({
  id: 'us.doj.dsp/202.304',
  title: 'Evasion, attempts, causing violations and conspiracies are prohibited',
  citation: '28 CFR 202.304(a)',
  sourceUrl: `${SOURCE_URL}#p-202.304(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['designedToEvade'],
  evaluate: (ctx) =>
    ctx.flow.designedToEvade
      ? { outcome: 'prohibited', reasons: ['the transaction is structured to evade or avoid Part 202 (e.g. completing a sale while a covered buyer is briefly in the United States) and is prohibited as evasion (202.304)', ...recipientReasons(ctx)] }
      : null,
});

/**
 * § 202.305: no U.S. person may knowingly direct a covered data transaction that would be
 * prohibited (or a restricted transaction failing subpart D) if engaged in by a U.S. person.
 */
export const directing = defineRule<DspContext>({
  id: 'us.doj.dsp/202.305',
  title: 'A U.S. person may not direct a transaction that would be prohibited for it',
  citation: '28 CFR 202.305(a)',
  sourceUrl: `${SOURCE_URL}#p-202.305(a)`,
  effective: { from: PART_202_EFFECTIVE },
  reads: ['directedByUsPerson', 'exporter.usPerson', 'covered', 'classes', 'safeguards', 'start'],
  evaluate: (ctx) => {
    if (ctx.exporter.usPerson || !ctx.flow.directedByUsPerson || !ctx.usPerson) return null;
    // Prohibited for a U.S. person: brokerage (202.301), 'omic data (202.303), or a restricted
    // transaction under way without the security requirements in force on the date (202.401(a)).
    const wouldBeProhibited = ctx.covered && (ctx.classes.has('data_brokerage') || ctx.data.bulkOmic || ctx.data.bulkBiospecimen || (!securityRequirements(ctx) && begun(ctx)));
    return wouldBeProhibited
      ? { outcome: 'prohibited', reasons: [`${ctx.usPerson.name}, a U.S. person, directs ${ctx.exporter.name} (a foreign person) in a covered data transaction that would be prohibited if a U.S. person engaged in it (202.305)`, ...recipientReasons(ctx), ...ctx.data.reasons] }
      : null;
  },
});

/**
 * 202.305 comes first: when a U.S. person directs a foreign party's transaction, the party that
 * engages in it is not bound by 202.301 or 202.303 (Part 202 binds U.S. persons), so the
 * directing rule — the one that binds someone — decides, and the others only add their reasons.
 */
export const SUBPART_C = [directing, dataBrokerage, omicData, onwardTransfer, evasion];

/**
 * Subpart E — Exempt transactions (28 CFR 202.501–202.511). Each exemption is an exception to
 * the prohibitions and restrictions of subparts C and D (and the duties of subparts J and K,
 * other than 202.1102 and 202.1104, which survive).
 */
import { defineRule, type Rule } from '../../engine/rule.js';
import { obligation } from '../../engine/obligation.js';
import type { DspContext } from './context.js';
import { at } from '../../engine/params.js';
import type { Obligation } from '../../engine/types.js';
import { PART_202_EFFECTIVE, RECORD_YEARS, SOURCE_URL } from './params.js';
import { brokerageToForeignPerson } from './subpart-c-prohibited.js';
import type { Purpose } from '../../inventory/schema.js';
import { heldOn } from '../../inventory/held.js';

/**
 * The base rules every exemption defeats: "subparts C, D, J, and K (other than § 202.1102 and
 * § 202.1104) of this part do not apply". 202.302 and 202.305 are in subpart C, and a transaction
 * that is exempt for a U.S. person is not one that "would be prohibited" if a U.S. person
 * engaged in it.
 */
export const EXEMPTED = [
  'us.doj.dsp/202.301',
  'us.doj.dsp/202.302',
  'us.doj.dsp/202.303',
  'us.doj.dsp/202.305',
  'us.doj.dsp/202.401',
  'us.doj.dsp/202.401(a):unmet',
  'us.doj.dsp/202.1001',
  'us.doj.dsp/202.1002',
  'us.doj.dsp/202.1101',
  'us.doj.dsp/202.1103',
] as const;

function exemption(spec: {
  section: string;
  title: string;
  confidence?: string;
  applies: (ctx: DspContext) => string | null;
  /** Duties the exemption is conditioned on, beyond 202.1102. */
  conditions?: (ctx: DspContext) => Obligation[];
}): Rule<DspContext> {
  return defineRule<DspContext>({
    id: `us.doj.dsp/${spec.section}`,
    title: spec.title,
    citation: `28 CFR ${spec.section}`,
    sourceUrl: `${SOURCE_URL}#p-${spec.section}`,
    effective: { from: PART_202_EFFECTIVE },
    reads: ['covered', 'purpose', 'classes', 'recipient.coveredPerson'],
    exceptionTo: EXEMPTED,
    evaluate: (ctx) => {
      // Subpart E speaks of "data transactions": a covered data transaction, or data brokerage
      // with a foreign person that 202.302 (subpart C) would otherwise bind.
      if (!ctx.covered && !brokerageToForeignPerson(ctx)) return null;
      const why = spec.applies(ctx);
      if (!why) return null;
      return {
        outcome: 'exempt',
        reasons: [`${why} (${spec.section})${spec.confidence ? ` ${spec.confidence}` : ''}; exempt transactions still carry the duty to furnish reports on request (202.1102) and to report rejected prohibited transactions (202.1104)`],
        obligations: [
          obligation({ id: 'us.doj.dsp/202.1102', what: 'Furnish reports on this transaction to the Department of Justice on request', citation: '28 CFR 202.1102' }, ctx.asOf),
          ...(spec.conditions?.(ctx) ?? []),
        ],
      };
    },
  });
}

const byPurpose = (p: Purpose, text: string) => (ctx: DspContext) => (ctx.flow.purpose === p ? text : null);

/** § 202.501: personal communications not involving a transfer of anything of value. */
export const personalCommunications = exemption({ section: '202.501', title: 'Personal communications', confidence: '[text from memory]', applies: byPurpose('personal_communication', 'a personal communication that transfers nothing of value') });

/** § 202.502: information or informational materials. */
export const informationalMaterials = exemption({
  section: '202.502',
  title: 'Information or informational materials',
  applies: (ctx) => (ctx.facts.datasets.get(ctx.flow.dataset)?.informationalMaterials ? 'information or informational materials (expressive material fully created beforehand) and their ordinary metadata' : null),
});

/** § 202.503: travel. */
export const travel = exemption({ section: '202.503', title: 'Travel', confidence: '[text from memory]', applies: byPurpose('travel', 'ordinarily incident to travel to or from any country') });

/**
 * § 202.504: official business of the United States Government — by its employees, grantees or
 * contractors, or under a grant, contract or other agreement with it.
 */
export const officialBusiness = exemption({ section: '202.504', title: 'Official business of the U.S. Government', applies: byPurpose('us_government_business', 'conducted for the official business of the U.S. Government, or under a grant, contract or other agreement with it') });

/** § 202.505: ordinarily incident to and part of the provision of financial services. */
export const financialServices = exemption({
  section: '202.505',
  title: 'Financial services',
  applies: (ctx) => (ctx.flow.purpose === 'financial_services' && !ctx.classes.has('data_brokerage') ? 'ordinarily incident to and part of the provision of financial services (banking, payments, investment management …)' : null),
});

/**
 * § 202.506: between a U.S. person and its subsidiary or affiliate located in or subject to the
 * control of a country of concern, and ordinarily incident to administrative or ancillary
 * operations (HR, payroll, taxes, permits, compliance, risk management, travel, customer
 * support, benefits, internal communications).
 */
export const corporateGroup = exemption({
  section: '202.506',
  title: 'Corporate group transactions',
  applies: (ctx) => {
    if (ctx.flow.purpose !== 'corporate_group_administration' && ctx.flow.purpose !== 'hr_management' && ctx.flow.purpose !== 'customer_support') return null;
    const exporterId = ctx.exporter.id;
    const inv = ctx.facts.inventory;
    // the group as it stood on the date the flow is judged on
    const held = (o: { from?: string | undefined; until?: string | undefined }) => heldOn(o, ctx.date);
    const recipientOwners = (ctx.facts.entities.get(ctx.recipient.id)?.owners ?? []).filter(held);
    const exporterOwners = (exporterId === inv.organization.id ? inv.organization.owners : ctx.facts.entities.get(exporterId)?.owners ?? []).filter(held);
    const ownedByExporter = recipientOwners.some((o) => o.entity === exporterId);
    const ownsExporter = exporterOwners.some((o) => o.entity === ctx.recipient.id);
    const commonParent = recipientOwners.some((o) => exporterOwners.some((p) => p.entity === o.entity));
    if (!ownedByExporter && !ownsExporter && !commonParent) return null;
    return `between ${ctx.exporter.name} and its ${ownedByExporter ? 'subsidiary' : 'affiliate'} ${ctx.recipient.name}, ordinarily incident to administrative or ancillary operations (${ctx.flow.purpose.replace(/_/g, ' ')})`;
  },
});

/** § 202.507: required or authorized by federal law or international agreements. */
export const federalLaw = exemption({ section: '202.507', title: 'Required or authorized by federal law or international agreements', confidence: '[text from memory]', applies: byPurpose('required_by_federal_law', 'required or authorized by federal law or an international agreement, or necessary to comply with federal law') });

/** § 202.508: investment agreements subject to a CFIUS action. */
export const cfius = exemption({
  section: '202.508',
  title: 'Investment agreements subject to a CFIUS action',
  confidence: '[text from memory]',
  applies: (ctx) => (ctx.classes.has('investment_agreement') && ctx.flow.safeguards.some((s) => s.type === 'cfius_mitigation') ? 'an investment agreement subject to a CFIUS mitigation agreement or order' : null),
});

/** § 202.509: ordinarily incident to the provision of telecommunications services. */
export const telecommunications = exemption({
  section: '202.509',
  title: 'Telecommunications services',
  confidence: '[text from memory]',
  applies: (ctx) => (ctx.flow.purpose === 'telecommunications' && !ctx.classes.has('data_brokerage') ? 'ordinarily incident to the provision of telecommunications services' : null),
});

/**
 * § 202.510: drug, biological product and medical device authorizations (regulatory approval
 * data). The exemption is conditioned on the recordkeeping of 202.1101(a) and the reports of
 * 202.1102, so the records duty stays with it.
 */
export const regulatoryApproval = exemption({
  section: '202.510',
  title: 'Drug, biological product and medical device authorizations',
  applies: byPurpose('regulatory_approval', 'de-identified or pseudonymized regulatory approval data required to obtain or maintain a drug, biologic or device authorization'),
  conditions: (ctx) => [
    obligation({ id: 'us.doj.dsp/202.1101', what: `Keep full and accurate records of this transaction for at least ${at(RECORD_YEARS, ctx.date)} years (a condition of the 202.510 exemption)`, citation: '28 CFR 202.1101(a); 202.510' }, ctx.asOf),
  ],
});

/** § 202.511: other clinical investigations and post-marketing surveillance data. */
export const clinical = exemption({ section: '202.511', title: 'Clinical investigations and post-marketing surveillance', confidence: '[text from memory]', applies: byPurpose('clinical_investigation', 'part of an FDA-regulated clinical investigation or post-marketing surveillance') });

export const SUBPART_E = [personalCommunications, informationalMaterials, travel, officialBusiness, financialServices, corporateGroup, federalLaw, cfius, telecommunications, regulatoryApproval, clinical];

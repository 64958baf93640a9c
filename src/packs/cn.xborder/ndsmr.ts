/**
 * Network Data Security Management Regulations (网络数据安全管理条例, State Council Decree
 * No. 790), promulgated 2024-09-24, effective 2025-01-01 (Art. 64). Arts. 12, 13, 28, 30–33 and
 * 35–38 as they bear on exports, on providing data to others, and on important data. cn-eu-rules.md §5.
 */
import { NO_REASONS } from './finding.js';
import { PartyText } from '../../engine/text.js';
import { obligation } from '../../engine/obligation.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import type { Purpose } from '../../inventory/schema.js';
import { MECHANISM_RULE_IDS } from './cac-order-16.js';
import { exemptionsAvailable, inMainland, isExport, isPersonal, isPiExport, providedInChina, recipientName, recipientOf, toAnotherParty, type FlowCtx, type OrgCtx } from './context.js';
import { listingWithoutMandatoryFiling } from './cybersecurity-review.js';
import { DSL_30, importantDataProcessing, importantDataProcessorLead } from './dsl.js';
import { fmt, LARGE_PI_PERSONS, NDSMR_FROM, PROVISION_RECORDS_YEARS, paramOn } from './params.js';
import { assessmentStatus, safeguardOf } from './safeguards.js';
import { addYears, type CivilDate } from '../../time/civil-date.js';
import { art42Listing } from './pipl.js';

const ART35_ROUTES: Partial<Record<Purpose, string>> = {
  contract_with_individual: 'Art. 35(4): necessary to conclude or perform a contract to which the individual is a party',
  hr_management: 'Art. 35(5): cross-border HR management under labour rules and collective contracts made according to law',
  emergency: 'Art. 35(7): necessary to protect a natural person\'s life, health and property in an emergency',
};

/**
 * Art. 35(4), (5), (7): PI may be exported where necessary for a contract with the individual,
 * for cross-border HR management, or in an emergency — the same routes as Order 16 Art. 5(1)–(3).
 */
export const NDSMR_35 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.35',
  title: 'PI export for a contract with the individual, HR management or an emergency is a lawful route',
  citation: 'NDSMR Art. 35(4), (5), (7)',
  effective: { from: NDSMR_FROM },
  reads: ['flow.purpose', 'dataset.importantData'],
  exceptionTo: MECHANISM_RULE_IDS,
  evaluate(ctx) {
    const route = ART35_ROUTES[ctx.flow.purpose];
    if (!route || !isPiExport(ctx) || !exemptionsAvailable(ctx)) return null;
    return { outcome: 'exempt', reasons: [`NDSMR ${route}: a lawful route for the export without assessment, contract or certification.`] };
  },
});

/**
 * Art. 35(6): PI may be exported where necessary to perform statutory duties or obligations
 * (为履行法定职责或者法定义务). Not in Order 16; accepted as a lawful route from 2025-01-01
 * (notes §14(5)). [U] How far it reaches: foreign-law obligations are probably not statutory
 * obligations, and foreign authorities' requests fall under PIPL Art. 41 / DSL Art. 36.
 */
export const NDSMR_35_6 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.35.6',
  title: 'PI export necessary to perform a PRC statutory duty or obligation is a lawful route',
  citation: 'NDSMR Art. 35(6)',
  effective: { from: NDSMR_FROM },
  reads: ['flow.purpose', 'flow.purposeNote', 'dataset.importantData'],
  exceptionTo: MECHANISM_RULE_IDS,
  evaluate(ctx) {
    if (ctx.flow.purpose !== 'statutory_duty' || !isPiExport(ctx) || !exemptionsAvailable(ctx)) return null;
    return {
      outcome: 'exempt',
      reasons: [
        'Necessary to perform a statutory duty or obligation: a lawful route for the export (NDSMR Art. 35(6)). The duty must arise under PRC law; obligations under foreign law are probably not covered [U].',
      ],
    };
  },
});

/**
 * Art. 37: important data collected or generated in China that truly needs to be exported must
 * pass the CAC security assessment; data not notified or published as important data need not
 * be declared as such.
 */
export const NDSMR_37 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.37',
  title: 'Important data goes abroad only after the security assessment',
  citation: 'NDSMR Art. 37',
  effective: { from: NDSMR_FROM },
  reads: ['dataset.importantData.notified'],
  evaluate(ctx) {
    if (!isExport(ctx) || !ctx.important) return null;
    return { outcome: 'security_assessment', reasons: ['Notified important data is exported: it must pass the CAC security assessment (NDSMR Art. 37).'] };
  },
});

/**
 * Art. 38: after an assessment, exports stay within the purpose, method, scope, types and scale
 * assessed.
 */
export const NDSMR_38 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.38',
  title: 'Assessed exports stay within the assessed purpose, method, scope, types and scale',
  citation: 'NDSMR Art. 38',
  effective: { from: NDSMR_FROM },
  reads: ['flow.recipientChanged', 'flow.safeguards'],
  evaluate(ctx) {
    if (!isExport(ctx) || assessmentStatus(ctx).state !== 'reapply') return null;
    return { reasons: ['The export has moved outside what was assessed (recipient, purpose, scope or retention), which NDSMR Art. 38 does not allow.'] };
  },
});

/**
 * Art. 31: before providing, entrusting or jointly processing important data, the processor
 * carries out a risk assessment (the article lists what it covers), except where it does so to
 * perform a statutory duty. The article is not limited to providing abroad, so it
 * is owed on two kinds of flow of important data held in mainland China:
 * - an export (whoever the recipient: the notes do not say whether moving data to one's own
 *   system abroad is "providing", and the export needs the assessment anyway — kept, the
 *   conservative reading);
 * - a flow that stays in mainland China (destination in the mainland, or access by people
 *   physically there) to another party: a recipient that is not the provider itself nor a
 *   branch of it (a transfer between one's own systems provides nothing to anyone).
 * Due before the data is provided: at the flow's start, not before 2025-01-01 nor before the
 * data was notified as important; done once a safeguard `important_data_risk_assessment` is
 * declared on the flow.
 */
export const NDSMR_31 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.31',
  title: 'Assess the risks before providing important data',
  citation: 'NDSMR Art. 31',
  effective: { from: NDSMR_FROM },
  reads: ['dataset.importantData.notified', 'flow.purpose', 'flow.recipient', 'flow.destination', 'entity.branchOf', 'flow.safeguards', 'flow.start'],
  evaluate(ctx) {
    if (!ctx.important || ctx.flow.purpose === 'statutory_duty') return null;
    const domestic = providedInChina(ctx);
    if (!domestic && !isExport(ctx)) return null;
    const done = safeguardOf(ctx, 'important_data_risk_assessment');
    const recipient = recipientName(ctx);
    // before the data is provided, but not before the regulations took effect nor before the data was notified as important
    let due: CivilDate | undefined = ctx.flow.start;
    for (const floor of [NDSMR_FROM, ctx.dataset?.importantData?.date]) if (due !== undefined && floor !== undefined && due < floor) due = floor;
    return {
      reasons: domestic ? [`Important data is provided to ${recipient} within mainland China: not an export, but NDSMR Art. 31 requires a risk assessment before providing it.`] : NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/ndsmr.31',
            what: `Carry out a risk assessment, covering what NDSMR Art. 31 lists, before providing the important data to ${recipient}${recipient.endsWith('.') ? '' : '.'}`,
            to: recipient,
            citation: 'NDSMR Art. 31',
            due,
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 12: records of providing PI and important data to other network data processors, and of
 * entrusting their processing, are kept at least 3 years. Owed on a flow of PI, or of important
 * data (notified, as the export rules read it), held in mainland China to another party: an export
 * to a recipient that is not the provider itself nor its branch (data moved to one's own system
 * abroad is provided to no one else), or a provision within the mainland. Not while PIPL Art. 42
 * blocks the provision (the PI does not go), nor on a foreign authority's request. An ongoing
 * duty (3 years from each provision; for a flow that ended, the date 3 years after its end is
 * named), done once a safeguard `provision_records` is declared on the flow.
 */
/** The words of the Art. 12 duty, per kind of data and years kept: made once per recipient and end date (see PartyTexts). */
const RECORDS_TEXTS = new Map<string, Map<number, PartyText<CivilDate | undefined>>>();
function recordsText(what: string, years: number): PartyText<CivilDate | undefined> {
  let byYears = RECORDS_TEXTS.get(what);
  if (!byYears) RECORDS_TEXTS.set(what, (byYears = new Map()));
  let memo = byYears.get(years);
  if (!memo) {
    memo = new PartyText((recipient: string, end: CivilDate | undefined) => `Keep records of providing the ${what} to ${recipient} (and of entrusting its processing) for at least ${years} years${end !== undefined ? `: for this flow, which ended ${end}, until at least ${addYears(end, years)}` : ' from each provision'}.`);
    byYears.set(years, memo);
  }
  return memo;
}

export const NDSMR_12 = defineRule<FlowCtx>({
  id: 'cn.xborder/ndsmr.12',
  title: 'Keep records of providing PI or important data to another party, or entrusting its processing, for at least 3 years',
  citation: 'NDSMR Art. 12',
  effective: { from: NDSMR_FROM },
  reads: ['dataset.categories', 'dataset.anonymized', 'dataset.importantData.notified', 'flow.kind', 'flow.destination', 'flow.fromCountry', 'flow.recipient', 'entity.branchOf', 'entity.designations', 'flow.safeguards', 'flow.end'],
  evaluate(ctx) {
    if (!ctx.personal && !ctx.important) return null;
    if (isExport(ctx)) {
      if (ctx.viaArt32 || !toAnotherParty(ctx) || (ctx.personal && art42Listing(ctx))) return null;
    } else if (!providedInChina(ctx)) return null;
    const years = paramOn(PROVISION_RECORDS_YEARS, ctx.date);
    const what = ctx.personal && ctx.important ? 'PI and important data' : ctx.personal ? 'PI' : 'important data';
    const done = safeguardOf(ctx, 'provision_records');
    return {
      reasons: NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/ndsmr.12',
            what: recipientOf(ctx).of(recordsText(what, years), ctx.flow.end),
            citation: 'NDSMR Art. 12',
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

export const NDSMR_FLOW_RULES: readonly Rule<FlowCtx>[] = [NDSMR_35, NDSMR_35_6, NDSMR_12, NDSMR_31, NDSMR_37, NDSMR_38];

/** Exemptions that rest on what the export is (for counting, see params `exempt_transfers_count`). */
export const NDSMR_NATURE_EXEMPTIONS: readonly Rule<FlowCtx>[] = [NDSMR_35, NDSMR_35_6];

// --- organization level -----------------------------------------------------------------

/**
 * Art. 13: processing that affects or may affect national security undergoes national security
 * review. The route by which a listing outside the mainland that Cybersecurity Review Measures
 * Art. 7 does not make subject to filing (a Hong Kong listing, cn-xb-039; an operator at or
 * below 1,000,000 users; a listing completed before 2022-02-15) can still be reviewed.
 */
export const NDSMR_13 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.13',
  title: 'Processing that may affect national security can be reviewed',
  citation: 'NDSMR Art. 13',
  effective: { from: NDSMR_FROM },
  reads: ['organization.listings', 'organization.cn.networkPlatformOperator', 'policy.venues_not_abroad'],
  evaluate(ctx) {
    if (!ctx.org.cn.networkPlatformOperator && !ctx.org.cn.personalInformationProcessor) return null;
    const why = listingWithoutMandatoryFiling(ctx);
    if (why === undefined) return null;
    return {
      outcome: 'national_security_review_possible',
      reasons: [`No mandatory cybersecurity review filing (${why}); national security review still applies if the processing affects or may affect national security (NDSMR Art. 13).`],
    };
  },
});

/** Art. 30: important-data processors appoint a network data security officer and body. */
export const NDSMR_30 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.30',
  title: 'Important-data processors appoint a network data security officer and body',
  citation: 'NDSMR Art. 30',
  effective: { from: NDSMR_FROM },
  reads: ['organization.cn.importantDataProcessor', 'dataset.importantData'],
  evaluate(ctx) {
    if (!importantDataProcessing(ctx)) return null;
    return {
      outcome: 'important_data_processor_duties',
      reasons: NO_REASONS,
      obligations: [
        obligation(
          { id: 'cn.xborder/ndsmr.30', what: 'Keep a network data security officer (a member of management) and a security body in place; background checks where the type or scale of important data requires.', citation: 'NDSMR Art. 30' },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 33: important-data processors assess their processing every year and submit the report
 * to the provincial-or-higher competent authority, outbound transfers included (item 6). The
 * text sets no date; the pack takes 31 December of each year as the due date (the latest date
 * that is still "every year"). Displaces DSL Art. 30's "regularly".
 */
export const NDSMR_33 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.33',
  title: 'Important-data processors submit a risk assessment report every year',
  citation: 'NDSMR Art. 33; DSL Art. 30',
  effective: { from: NDSMR_FROM },
  reads: ['organization.cn.importantDataProcessor', 'dataset.importantData'],
  exceptionTo: [DSL_30.id],
  evaluate(ctx) {
    const p = importantDataProcessing(ctx);
    if (!p) return null;
    const due = `${ctx.date.slice(0, 4)}-12-31`;
    return {
      outcome: 'important_data_processor_duties',
      reasons: [`${importantDataProcessorLead(p)}: it assesses its processing every year and reports to the provincial-or-higher competent authority (NDSMR Art. 33).`],
      obligations: [
        obligation(
          {
            id: 'cn.xborder/ndsmr.33',
            what: `Submit this year's important-data risk assessment report (basic information, important data held, measures, risks and incidents, provision and entrustment, outbound transfers) by ${due} (the regulation says "every year" without a date).`,
            to: 'provincial-or-higher competent authority',
            due,
            citation: 'NDSMR Art. 33',
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 32: on a merger, split, dissolution or bankruptcy, an important-data processor reports the
 * plan for disposing of the important data, and who receives it, to the provincial-or-higher
 * competent authority. A standing duty that the event triggers: the inventory records no such
 * event, so it is listed as ongoing.
 */
export const NDSMR_32 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.32',
  title: 'Important-data processors report the data disposal plan on a merger, split, dissolution or bankruptcy',
  citation: 'NDSMR Art. 32',
  effective: { from: NDSMR_FROM },
  reads: ['organization.cn.importantDataProcessor', 'dataset.importantData'],
  evaluate(ctx) {
    if (!importantDataProcessing(ctx)) return null;
    return { outcome: 'important_data_processor_duties', reasons: NO_REASONS, obligations: [art32Duty(ctx, 'cn.xborder/ndsmr.32', 'important data', 'NDSMR Art. 32')] };
  },
});

function art32Duty(ctx: OrgCtx, id: string, data: string, citation: string) {
  return obligation(
    {
      id,
      what: `On a merger, split, dissolution or bankruptcy, report the plan for disposing of the ${data} and who receives it to the provincial-or-higher competent authority.`,
      to: 'provincial-or-higher competent authority',
      citation,
    },
    ctx.asOf,
  );
}

/** People whose PI the organization processes, and where the number comes from (NDSMR Art. 28). */
export interface PeopleProcessed {
  readonly people: number;
  /** The larger number is the users declared as a network platform operator. */
  readonly fromUsers: boolean;
}

/**
 * People whose PI the organization processes, for NDSMR Art. 28: the people its personal datasets
 * list, added up (an upper bound when datasets overlap, as for the export counts), or the users
 * declared as a network platform operator when more. A dataset held or collected in mainland
 * China counts every jurisdiction it lists (policy `count_subjects` = `all`, the default; `cn`
 * counts `subjects.CN` alone); a dataset elsewhere counts only the people in China it lists
 * (PIPL Art. 3(2)): a foreign group's data with no link to China is not counted.
 */
export function peopleProcessed(ctx: OrgCtx): PeopleProcessed {
  let sum = 0;
  for (const ds of ctx.facts.inventory.datasets) {
    if (!isPersonal(ds)) continue;
    const held = ds.system === undefined ? undefined : ctx.facts.systems.get(ds.system)?.location;
    const inChina = inMainland(held, ctx.date) || ds.collectedIn.some((c) => inMainland(c, ctx.date));
    if (inChina && ctx.policy.countSubjects === 'all') {
      for (const k in ds.subjects) sum += ds.subjects[k] ?? 0;
    } else sum += ds.subjects['CN'] ?? 0;
  }
  const users = ctx.org.cn.networkPlatformOperator?.users ?? 0;
  return users > sum ? { people: users, fromUsers: true } : { people: sum, fromUsers: false };
}

/**
 * Art. 28: a network data processor handling the PI of 10,000,000 people or more (以上, inclusive;
 * parameter `cn.xborder.ndsmr.large_pi_persons`) also follows Arts. 30 and 32, the provisions for
 * important-data processors: a network data security officer and body, and the disposal report on
 * a merger, split, dissolution or bankruptcy. When the organization is an important-data
 * processor as well, those duties are already listed (ndsmr.30, ndsmr.32) and the rule only says
 * that Art. 28 also imposes them. Art. 30's background checks turn on the type or scale of
 * important data, so they are not extended to PI.
 */
export const NDSMR_28 = defineRule<OrgCtx>({
  id: 'cn.xborder/ndsmr.28',
  title: 'A processor of the PI of 10,000,000 people or more also follows Arts. 30 and 32',
  citation: 'NDSMR Art. 28',
  effective: { from: NDSMR_FROM },
  reads: ['dataset.categories', 'dataset.subjects', 'dataset.system', 'dataset.collectedIn', 'organization.cn.networkPlatformOperator', 'policy.count_subjects'],
  evaluate(ctx) {
    const threshold = paramOn(LARGE_PI_PERSONS, ctx.date);
    const n = peopleProcessed(ctx);
    if (n.people < threshold) return null;
    const already = importantDataProcessing(ctx) !== undefined;
    const source = n.fromUsers ? 'the users it holds as a network platform operator' : 'the people its personal datasets list, added up';
    return {
      outcome: 'important_data_processor_duties',
      reasons: [
        `The organization processes the PI of ${fmt(n.people)} people (${source}), ${fmt(threshold)} or more: NDSMR Art. 28 makes it also follow Arts. 30 and 32, the provisions for important-data processors${already ? ', whose duties it owes already as one' : ''}.`,
      ],
      obligations: already
        ? []
        : [
            obligation(
              { id: 'cn.xborder/ndsmr.28:30', what: 'Keep a network data security officer (a member of management) and a network data security body in place.', citation: 'NDSMR Arts. 28, 30' },
              ctx.asOf,
            ),
            art32Duty(ctx, 'cn.xborder/ndsmr.28:32', 'network data it processes', 'NDSMR Arts. 28, 32'),
          ],
    };
  },
});

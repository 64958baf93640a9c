/**
 * Personal Information Protection Law (个人信息保护法, PIPL), adopted 2021-08-20, effective
 * 2021-11-01 (Art. 74). Chapter III (Arts. 38–43) on providing PI abroad, plus Arts. 3(2), 36,
 * 39 and 55 as the pack needs them. cn-eu-rules.md §1.
 */
import { NO_REASONS } from './finding.js';
import { PartyText, TextMemo } from '../../engine/text.js';
import { obligation } from '../../engine/obligation.js';
import { countryInSentence } from '../../common/country-name.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import type { Facts } from '../../facts/index.js';
import type { CivilDate } from '../../time/civil-date.js';
import { authorityName, isPiExport, providedInChina, recipientOf, type FlowCtx } from './context.js';
import { PIPIA_RETENTION_YEARS, PIPL42_LISTS, PIPL_FROM, paramOn } from './params.js';
import { routeCitation, routeName, routeOf, safeguardOf, type RouteType } from './safeguards.js';

/**
 * The day a duty to act before the transfer falls due: the flow's start, or 2021-11-01 (Art. 74)
 * for a transfer begun before the PIPL took effect (undefined: no start, the duty is ongoing).
 */
function startOrPipl(ctx: FlowCtx): CivilDate | undefined {
  const start = ctx.flow.start;
  return start === undefined || start >= PIPL_FROM ? start : PIPL_FROM;
}

const reads = (...r: string[]) => ['flow.kind', 'flow.destination', 'flow.fromCountry', 'dataset.categories', 'dataset.anonymized', ...r];

/**
 * Art. 3(2): the law also covers processing outside China of the PI of natural persons in
 * China, to provide them products or services or to analyse their behaviour. The CAC Guide
 * lists such processing among export activities (item 3). Whether a given processing has that
 * purpose is not in the inventory, so the policy `art3_2_treatment` decides (default: review).
 */
export const PIPL_3_2 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.3.2',
  title: 'PI of people in China processed abroad may fall under PIPL (Art. 3(2))',
  citation: 'PIPL Art. 3(2); CAC Guide to Applying for Data Export Security Assessment (2nd ed.) item 3',
  effective: { from: PIPL_FROM },
  reads: reads('dataset.subjects.CN', 'dataset.collectedIn', 'policy.art3_2_treatment'),
  evaluate(ctx) {
    if (ctx.scope !== 'art3_2') return null;
    if (ctx.policy.art32 === 'not_export') {
      return { outcome: 'not_export', reasons: ['The data is held outside mainland China and was not collected there: no export from China (policy art3_2_treatment = not_export).'] };
    }
    return {
      outcome: 'needs_review',
      reasons: [
        'The dataset holds PI of people in China but sits outside mainland China. PIPL Art. 3(2) reaches processing abroad whose purpose is to provide products or services to people in China or to analyse their behaviour, and the CAC Guide counts such processing as an export activity. Confirm the purpose; if Art. 3(2) applies, a PIPL Art. 53 representative in China is also required.',
      ],
    };
  },
});

/**
 * Art. 36: PI processed by state organs is stored in China; where export is truly needed, a
 * security assessment is carried out (cn-xb-047).
 */
export const PIPL_36 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.36',
  title: 'State organs store PI in China; export needs a security assessment',
  citation: 'PIPL Art. 36',
  effective: { from: PIPL_FROM },
  reads: reads('organization.cn.stateOrgan'),
  evaluate(ctx) {
    if (!ctx.stateOrgan || !isPiExport(ctx)) return null;
    return { outcome: 'security_assessment', reasons: ['A state organ provides PI abroad: PI processed by state organs is stored in China, and export needs a security assessment (PIPL Art. 36).'] };
  },
});

/**
 * Art. 38: a processor that truly needs to provide PI abroad meets one of: a CAC security
 * assessment, PI protection certification, the CAC standard contract, or other conditions set
 * by law or the CAC. The default for every PI export; the Order 16 and NDSMR exemptions are
 * exceptions to it, the assessment triggers outrank it.
 */
export const PIPL_38 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.38',
  title: 'PI provided abroad needs an assessment, certification or the standard contract',
  citation: 'PIPL Art. 38(1)',
  effective: { from: PIPL_FROM },
  reads: reads(),
  evaluate(ctx) {
    if (!isPiExport(ctx)) return null;
    return {
      outcome: 'standard_contract_or_certification',
      reasons: ['PI is provided abroad: PIPL Art. 38 requires a CAC security assessment, PI protection certification or the CAC standard contract; at least the standard contract or certification.'],
    };
  },
});

/**
 * The routes of Art. 38(1)(4) ("other conditions provided by laws, administrative regulations or
 * the CAC"; NDSMR Art. 35(8) from 2025-01-01) and Art. 38 para. 2 (an international treaty or
 * agreement China has concluded or joined that sets conditions for providing PI abroad may be
 * followed; NDSMR Art. 36). Declared on the flow as a safeguard `legal_conditions` or
 * `treaty_conditions`, with `reference` naming the provision or the treaty. The notes name no
 * such treaty and no condition beyond those the pack encodes, so the rule only states the route
 * declared; what it does for the flow is the verdict's (decide.ts), by the policy `other_routes`:
 * `review` (default) keeps the flow `conditional` with a duty to confirm, `accept` takes it in
 * place of the standard contract or certification. It never lifts a security assessment.
 */
function routeRule(type: RouteType, id: string, title: string, citation: string) {
  return defineRule<FlowCtx>({
    id,
    title,
    citation,
    effective: { from: PIPL_FROM },
    reads: reads('flow.safeguards', 'policy.other_routes'),
    evaluate(ctx) {
      if (!isPiExport(ctx)) return null;
      const declared = routeOf(ctx, type);
      if (!declared) return null;
      const cite = routeCitation(type, ctx.date);
      const effect =
        ctx.policy.otherRoutes === 'accept'
          ? 'Taken in place of the standard contract or certification (policy other_routes = accept)'
          : 'The pack holds no treaty or provision text and cannot tell whether it sets conditions for this transfer nor whether they are met: until confirmed it does not stand in for the standard contract or certification (policy other_routes = review)';
      return {
        reasons: [`The transfer is declared to follow ${routeName({ type, declared })}, a route for providing PI abroad (${cite}). ${effect}; it does not lift a security assessment (PIPL Art. 40 lifts it only where laws, administrative regulations or CAC provisions say so).`],
      };
    },
  });
}

export const PIPL_38_1_4 = routeRule('legal_conditions', 'cn.xborder/pipl.38.1.4', 'Other conditions set by laws, administrative regulations or the CAC are a route for providing PI abroad', 'PIPL Art. 38(1)(4); NDSMR Art. 35(8)');
export const PIPL_38_2 = routeRule('treaty_conditions', 'cn.xborder/pipl.38.2', 'The conditions of a treaty or agreement China has concluded or joined may be followed', 'PIPL Art. 38 para. 2; NDSMR Art. 36');

/**
 * Art. 38 para. 3: the processor takes the necessary measures so that the overseas recipient's
 * processing of the PI meets the protection standard of this Law. A duty of its own beside the
 * mechanism of para. 1, owed on every PI export whatever the mechanism: Order 16 Arts. 3–6 and
 * NDSMR Art. 35 exempt from the mechanisms (assessment, contract, certification), not from the
 * Law's other duties (Order 16 Art. 10), so exempt exports owe it too; not among the rules an
 * exemption defeats. Not owed while Art. 42 blocks the provision (the recipient is on the CAC
 * list: the PI does not go), nor on a foreign authority's request (Art. 41: not an export the
 * processor makes on its own terms, it needs the competent authority's approval). Due when the
 * transfer starts, not before 2021-11-01; done once a safeguard `recipient_protection_measures`
 * is declared on the flow (a standard contract alone does not mark it: the notes do not say it
 * suffices).
 */
const PROTECTION_MEASURES = new PartyText((recipient: string) => `Take the necessary measures so that ${recipient}'s processing of the PI meets the protection standard of the PIPL, from the start of the transfer.`);

export const PIPL_38_3 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.38.3',
  title: 'Make sure the overseas recipient protects the PI to the PIPL standard',
  citation: 'PIPL Art. 38 para. 3',
  effective: { from: PIPL_FROM },
  reads: reads('flow.recipient', 'entity.designations', 'flow.safeguards', 'flow.start'),
  evaluate(ctx) {
    if (!isPiExport(ctx) || art42Listing(ctx)) return null;
    const done = safeguardOf(ctx, 'recipient_protection_measures');
    const recipient = recipientOf(ctx);
    return {
      reasons: NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/pipl.38.3',
            what: recipient.of(PROTECTION_MEASURES, undefined),
            to: recipient.name,
            citation: 'PIPL Art. 38 para. 3',
            due: startOrPipl(ctx),
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 39: the processor informs the individual of the recipient's name and contact details,
 * the purpose and method of processing, the categories of PI and how to exercise rights against
 * the recipient (restated by Order 16 Art. 10). In an emergency, notice may follow once the
 * emergency is over (Art. 18(2)).
 */
export const PIPL_39_NOTICE = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.39.notice',
  title: 'Tell the individuals about the overseas recipient before providing their PI',
  citation: 'PIPL Art. 39; CAC Order No. 16 Art. 10',
  effective: { from: PIPL_FROM },
  reads: reads('flow.safeguards', 'flow.purpose', 'flow.start'),
  evaluate(ctx) {
    if (!isPiExport(ctx)) return null;
    const done = safeguardOf(ctx, 'notice');
    const emergency = ctx.flow.purpose === 'emergency';
    return {
      reasons: NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/pipl.39.notice',
            what: emergency
              ? 'Inform the individuals of the overseas recipient (name, contact), purpose, method, PI categories and how to exercise their rights, without delay once the emergency is over (PIPL Arts. 18(2), 39).'
              : 'Inform the individuals of the overseas recipient (name, contact), purpose, method, PI categories and how to exercise their rights against it, before the transfer.',
            to: 'the individuals',
            citation: 'PIPL Art. 39; CAC Order No. 16 Art. 10',
            due: emergency ? undefined : startOrPipl(ctx),
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 39: separate consent (单独同意) of the individual. Required where consent is the legal
 * basis; on a non-consent basis (Art. 13(2)–(7)) the point is debated [U], so the policy
 * `separate_consent_without_consent_basis` decides (default: flag for review).
 */
export const PIPL_39_CONSENT = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.39.consent',
  title: 'Obtain the individuals\' separate consent to the transfer',
  citation: 'PIPL Art. 39; CAC Order No. 16 Art. 10',
  effective: { from: PIPL_FROM },
  reads: reads('flow.consentBased', 'flow.safeguards', 'flow.start', 'policy.separate_consent_without_consent_basis'),
  evaluate(ctx) {
    if (!isPiExport(ctx)) return null;
    const done = safeguardOf(ctx, 'separate_consent');
    const doneOn = done ? (done.date ?? ctx.date) : undefined;
    const treatment = ctx.flow.consentBased ? 'required' : ctx.policy.separateConsentWithoutConsentBasis;
    if (treatment === 'not_required') return null;
    if (treatment === 'review') {
      return {
        reasons: ['The transfer rests on a legal basis other than consent; whether PIPL Art. 39 separate consent is still needed is unsettled, so it is flagged for review.'],
        obligations: [
          obligation(
            {
              id: 'cn.xborder/pipl.39.consent',
              what: 'Decide whether separate consent to the transfer is needed although it rests on a non-consent basis (PIPL Arts. 13, 39), and obtain it if so.',
              to: 'the individuals',
              citation: 'PIPL Art. 39; CAC Order No. 16 Art. 10',
              doneOn,
            },
            ctx.asOf,
          ),
        ],
      };
    }
    return {
      reasons: NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/pipl.39.consent',
            what: 'Obtain each individual\'s separate consent (单独同意) to providing their PI abroad, before the transfer.',
            to: 'the individuals',
            citation: 'PIPL Art. 39; CAC Order No. 16 Art. 10',
            due: startOrPipl(ctx),
            doneOn,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 40: CIIOs (and processors above the CAC's volume) store PI collected and generated in
 * China inside China; export needs the CAC security assessment unless laws, administrative
 * regulations or CAC provisions say none is needed (which Order 16 Arts. 3–6 do).
 */
export const PIPL_40 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.40',
  title: 'A CIIO exporting PI needs the security assessment',
  citation: 'PIPL Art. 40',
  effective: { from: PIPL_FROM },
  reads: reads('organization.cn.ciio'),
  evaluate(ctx) {
    if (!ctx.ciio || !isPiExport(ctx)) return null;
    return { outcome: 'security_assessment', reasons: ['The exporter is a critical information infrastructure operator: PI collected in China is stored in China and export needs the CAC security assessment (PIPL Art. 40).'] };
  },
});

/**
 * Art. 41: without approval of the PRC competent authority, a processor must not provide PI
 * stored in China to foreign judicial or law-enforcement bodies.
 */
export const PIPL_41 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.41',
  title: 'No PI to foreign judicial or law-enforcement bodies without PRC approval',
  citation: 'PIPL Art. 41',
  effective: { from: PIPL_FROM },
  reads: ['flow.request', 'flow.recipient', 'entity.roles', 'dataset.categories', 'policy.foreign_authority_kinds'],
  evaluate(ctx) {
    if (ctx.scope !== 'foreign_authority' || !ctx.personal || !ctx.authority) return null;
    const { country } = ctx.authority;
    const asking = authorityName(ctx.authority);
    const reasons = [`${asking.charAt(0).toUpperCase()}${asking.slice(1)} asks for PI stored in China: it may not be provided without approval of the PRC competent authority (PIPL Art. 41).`];
    if (['HK', 'MO', 'TW'].includes(country)) reasons.push(`Art. 41 speaks of foreign (外国) bodies; for ${countryInSentence(country)}, requests normally go through the mainland's judicial-assistance arrangements, which also need the competent authority.`);
    return { outcome: 'prohibited_without_approval', reasons };
  },
});

/**
 * An index for Art. 42, not logic: the entities designated on a list that PIPL42_LISTS names on
 * some date, once per inventory's facts. A recipient outside it cannot be on the CAC list on any
 * date, so the rule is spared looking it up among all entities (most recipients are on no list).
 */
const cacListed = new WeakMap<Facts, ReadonlySet<string>>();
function mayBeOnCacList(facts: Facts, recipient: string): boolean {
  let listed = cacListed.get(facts);
  if (!listed) {
    const lists = new Set(PIPL42_LISTS.values.flatMap((v) => v.value));
    const ids = new Set<string>();
    for (const [id, e] of facts.entities) if (e.designations.some((d) => lists.has(d.list))) ids.add(id);
    cacListed.set(facts, (listed = ids));
  }
  return listed.size > 0 && listed.has(recipient);
}

/**
 * The recipient's entry on the CAC list of Art. 42 in force on the judged date, or undefined.
 * Read by Art. 42 itself and by the duties that attach only to a provision that may go ahead
 * (Art. 38 para. 3).
 */
export function art42Listing(ctx: FlowCtx): { readonly list: string } | undefined {
  if (!mayBeOnCacList(ctx.facts, ctx.flow.recipient)) return undefined;
  const r = ctx.facts.entities.get(ctx.flow.recipient);
  if (!r || r.designations.length === 0) return undefined;
  const lists = paramOn(PIPL42_LISTS, ctx.date);
  return r.designations.find((d) => lists.includes(d.list) && (d.listedFrom === undefined || d.listedFrom <= ctx.date) && (d.listedUntil === undefined || ctx.date <= d.listedUntil));
}

/**
 * Art. 42: the CAC may list overseas organisations or individuals that harm PI rights, national
 * security or public interest; providing PI to them is restricted or prohibited.
 */
export const PIPL_42 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.42',
  title: 'No PI to recipients on the CAC restricted or prohibited list',
  citation: 'PIPL Art. 42',
  effective: { from: PIPL_FROM },
  reads: ['flow.recipient', 'entity.designations'],
  evaluate(ctx) {
    if (!isPiExport(ctx)) return null;
    const hit = art42Listing(ctx);
    if (!hit) return null;
    return { outcome: 'prohibited_or_restricted', reasons: [`The recipient is on the CAC list under PIPL Art. 42 (${hit.list}): providing PI to it is restricted or prohibited.`] };
  },
});

/**
 * Art. 55(4): a PI protection impact assessment (PIPIA) before providing PI abroad, with
 * the report kept at least 3 years (Art. 56).
 */
const PIPIA_BEFORE_EXPORT = new TextMemo((years: number) => `Carry out a PI protection impact assessment (PIPIA) before the transfer and keep the report at least ${years} years.`);

export const PIPL_55 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.55',
  title: 'Carry out a PI protection impact assessment before providing PI abroad',
  citation: 'PIPL Arts. 55(4), 56; CAC Order No. 16 Art. 10',
  effective: { from: PIPL_FROM },
  reads: reads('flow.safeguards', 'flow.start'),
  evaluate(ctx) {
    if (!isPiExport(ctx)) return null;
    const done = safeguardOf(ctx, 'pipia');
    return {
      reasons: NO_REASONS,
      obligations: [
        obligation(
          {
            id: 'cn.xborder/pipl.55',
            what: PIPIA_BEFORE_EXPORT.of(paramOn(PIPIA_RETENTION_YEARS, ctx.date), undefined),
            citation: 'PIPL Arts. 55(4), 56; CAC Order No. 16 Art. 10',
            due: startOrPipl(ctx),
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Art. 55(3): a PIPIA is also owed in advance of entrusting processing, providing PI to another
 * processor, or publishing it; the report is kept at least 3 years (Art. 56). Art. 55(4) covers
 * providing abroad (`pipl.55`); this rule covers PI held in mainland China provided to another
 * party there (destination in the mainland, or access by its people physically there), as NDSMR
 * Art. 31 does for important data: the recipient not the provider itself nor its branch (a
 * transfer between one's own systems provides nothing). A provision and an entrustment owe the
 * same assessment, so the inventory need not tell them apart. The flow stays `not_export` and
 * carries the duty, due at its start (not before 2021-11-01), done by a safeguard `pipia`.
 */
const PIPIA_BEFORE_PROVIDING = new PartyText(
  (recipient: string, years: number) => `Carry out a PI protection impact assessment (PIPIA) before providing the PI to ${recipient} (or entrusting its processing to it), and keep the report at least ${years} years.`,
);

export const PIPL_55_3 = defineRule<FlowCtx>({
  id: 'cn.xborder/pipl.55.3',
  title: 'Carry out a PI protection impact assessment before providing PI to another processor within mainland China',
  citation: 'PIPL Arts. 55(3), 56',
  effective: { from: PIPL_FROM },
  reads: ['dataset.categories', 'dataset.anonymized', 'flow.kind', 'flow.destination', 'flow.fromCountry', 'flow.physicallyInCountry', 'flow.recipient', 'entity.branchOf', 'flow.safeguards', 'flow.start'],
  evaluate(ctx) {
    if (!ctx.personal || !providedInChina(ctx)) return null;
    const done = safeguardOf(ctx, 'pipia');
    const recipient = recipientOf(ctx);
    return {
      reasons: [`PI is provided to ${recipient.name} within mainland China: not an export, but PIPL Art. 55(3) requires a PI protection impact assessment before providing PI to another processor or entrusting its processing.`],
      obligations: [
        obligation(
          {
            id: 'cn.xborder/pipl.55.3',
            what: recipient.of(PIPIA_BEFORE_PROVIDING, paramOn(PIPIA_RETENTION_YEARS, ctx.date)),
            citation: 'PIPL Arts. 55(3), 56',
            due: startOrPipl(ctx),
            doneOn: done ? (done.date ?? ctx.date) : undefined,
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

export const PIPL_RULES: readonly Rule<FlowCtx>[] = [PIPL_3_2, PIPL_36, PIPL_38, PIPL_38_1_4, PIPL_38_2, PIPL_38_3, PIPL_39_NOTICE, PIPL_39_CONSENT, PIPL_40, PIPL_41, PIPL_42, PIPL_55, PIPL_55_3];

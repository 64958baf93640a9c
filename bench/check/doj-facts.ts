/**
 * The same 28 CFR 202 decisions two ways, on the same requests:
 *
 * - datacustoms: the us.doj.dsp pack's rules (runRules over RULES, then the pack's precedence)
 *   on a per-flow context derived beforehand (`dspContext`: parties, data classification,
 *   12-month aggregate, classes) — the "rules only" cost;
 * - Cedar: bench/check/doj.cedar evaluated by @cedar-policy/cedar-wasm on a request whose
 *   entity and context attributes carry the same derived facts.
 */
import type { EntityJson, EntityUidJson, Context, StatefulAuthorizationCall } from '@cedar-policy/cedar-wasm/nodejs';
import type { Facts, PartyFacts } from '../../src/facts/index.js';
import { judgedOn } from '../../src/facts/index.js';
import type { Flow } from '../../src/inventory/schema.js';
import type { CivilDate } from '../../src/time/civil-date.js';
import { runRules, type Fired } from '../../src/engine/rule.js';
import { RULES } from '../../src/packs/us.doj.dsp/index.js';
import { boundParty, dspContext, dspContextOf, type DspContext } from '../../src/packs/us.doj.dsp/context.js';
import { securityRequirements } from '../../src/packs/us.doj.dsp/subpart-d-restricted.js';
import { PART_202_EFFECTIVE } from '../../src/packs/us.doj.dsp/params.js';

/** The pack's precedence (src/packs/us.doj.dsp/index.ts): the first outcome in this order decides. */
const PRECEDENCE = ['prohibited', 'restricted', 'onward_transfer_clause_required', 'rejected', 'exempt'];

/**
 * What `decideFlow` does before its rules run, split off: the early scope exits, then the
 * per-flow context. `undefined` when the flow is out of scope (not_applicable).
 */
export function contextFor(flow: Flow, facts: Facts, asOf: CivilDate, index?: number): DspContext | undefined {
  // As decideFlow does: the date, then whom Part 202 binds, then the context.
  const date = judgedOn(flow, asOf);
  if (date < PART_202_EFFECTIVE) return undefined;
  const { exporter, usPerson } = boundParty(flow, facts);
  if (!usPerson && !flow.designedToEvade) return undefined;
  return dspContextOf(flow, facts, asOf, date, exporter, usPerson, index);
}

/** The rules and the precedence of `decideFlow` on a context derived beforehand: the outcome. */
export function outcomeOf(ctx: DspContext | undefined): string {
  if (!ctx) return 'not_applicable';
  const { fired } = runRules(RULES, ctx, ctx.date);
  let deciding: Fired | undefined;
  for (const o of PRECEDENCE) {
    deciding = fired.find((f) => f.finding.outcome === o);
    if (deciding) break;
  }
  return deciding?.finding.outcome ?? 'not_covered';
}

/** The fired rule ids (for explaining a disagreement). */
export function firedRules(ctx: DspContext | undefined): string[] {
  if (!ctx) return [];
  const { fired, defeated } = runRules(RULES, ctx, ctx.date);
  return [...fired.map((f) => f.rule.id), ...defeated.map((f) => `(defeated) ${f.rule.id}`)];
}

// --- Cedar requests -----------------------------------------------------------------------------

const ymd = (d: CivilDate) => Number(d.slice(0, 4)) * 10_000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
const party = (id: string): EntityUidJson => ({ type: 'Party', id });

/**
 * Builds Party entities from the derived person facts: the as-of facts (cached per id), or the
 * facts given, when they are for another date (PartyFacts.on: a dated designation makes the
 * party's status on the flow's date differ).
 */
export function partyEntities(facts: Facts): (id: string, on?: PartyFacts) => EntityJson {
  const cache = new Map<string, EntityJson>();
  const org = facts.inventory.organization;
  const make = (id: string, p: PartyFacts | undefined): EntityJson => {
    const owners = id === org.id ? org.owners : facts.entities.get(id)?.owners ?? [];
    return {
      uid: party(id),
      attrs: {
        usPerson: p?.usPerson ?? false,
        coveredPerson: p?.coveredPerson ?? false,
        countryOfConcern: p?.countryOfConcern ?? false,
        owners: owners.map((o) => ({ __entity: { type: 'Party', id: o.entity } })),
      },
      parents: [],
    };
  };
  return (id, on) => {
    if (on?.on !== undefined) return make(id, on);
    let e = cache.get(id);
    if (!e) cache.set(id, (e = make(id, facts.persons.parties.get(id))));
    return e;
  };
}

export type CedarRequest = Omit<StatefulAuthorizationCall, 'preparsedPolicySetId'>;

/**
 * The Cedar request for one flow: principal = exporter, resource = recipient, context = the
 * derived facts about the flow. Flows judged before 8 April 2025 carry their date only (the
 * other facts are not derived for them: Part 202 was not in force).
 */
export function cedarRequest(flow: Flow, facts: Facts, asOf: CivilDate, entity: (id: string, on?: PartyFacts) => EntityJson): CedarRequest {
  const inv = facts.inventory;
  const exporter = flow.from ?? inv.organization.id;
  const date = judgedOn(flow, asOf);
  const context: Context = {
    date: ymd(date),
    directorIsUsPerson: false,
    designedToEvade: flow.designedToEvade,
    access: flow.access,
    purpose: flow.purpose,
    classes: [],
    sensitive: false,
    governmentRelated: false,
    informationalMaterials: false,
    bulk: [],
    safeguards: [...new Set(flow.safeguards.map((s) => s.type))],
    securityRequirementsInForce: false,
  };
  if (flow.start !== undefined) context['started'] = ymd(flow.start);
  if (flow.offerRejected !== undefined) context['offerRejected'] = ymd(flow.offerRejected);
  let recipient: PartyFacts | undefined;
  if (date >= PART_202_EFFECTIVE) {
    const ctx = dspContext(flow, facts, asOf, date);
    recipient = ctx.recipient;
    const director = flow.directedByUsPerson ? facts.persons.parties.get(flow.directedByUsPerson) : undefined;
    context['directorIsUsPerson'] = director?.usPerson ?? false;
    context['classes'] = [...ctx.classes];
    context['sensitive'] = ctx.data.sensitive;
    context['governmentRelated'] = ctx.data.governmentRelated !== undefined;
    context['informationalMaterials'] = facts.datasets.get(flow.dataset)?.informationalMaterials ?? false;
    context['bulk'] = [...new Set(ctx.data.bulk.map((b): string => b.category))];
    context['securityRequirementsInForce'] = securityRequirements(ctx) !== undefined;
  }
  // the recipient as it stood on the flow's date (its covered status may differ from the as-of date's)
  const entities = exporter === flow.recipient ? [entity(exporter)] : [entity(exporter), entity(flow.recipient, recipient)];
  return { principal: party(exporter), action: { type: 'Action', id: 'engage' }, resource: party(flow.recipient), context, entities };
}

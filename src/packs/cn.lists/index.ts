/**
 * `cn.lists` — the reverse direction: China's countermeasure and export-control lists, which the
 * notes describe together ("PRC counter-sanctions and export-control lists", screening.md §3).
 * Organizations and individuals in China must implement countermeasures taken against listed
 * foreign parties: the Anti-Foreign Sanctions Law (AFSL, effective 10 June 2021) and the
 * Provisions on the Unreliable Entity List (MOFCOM Order No. 4 of 2020, effective 19 September
 * 2020). The export-control control list (Export Control Law, effective 1 December 2020, Art. 18)
 * and watch list restrict exports of controlled items to the listed party. None of these texts
 * is in the research notes: every article, date and effect here is [M].
 */
import { param, at } from '../../engine/params.js';
import { defineRule, inForce, ref, runRules, type Rule } from '../../engine/rule.js';
import type { Pack, PackContext } from '../../engine/pack.js';
import type { Decision, Verdict } from '../../engine/types.js';
import type { EffectiveDesignation, Facts } from '../../facts/index.js';
import type { Flow } from '../../inventory/schema.js';
import { judgedOn } from '../../facts/index.js';
import type { CivilDate } from '../../time/civil-date.js';

export const REGIME = 'cn.lists';

/**
 * Countermeasures differ by decision (asset freezes, transaction or cooperation bans, entry
 * bans); the list entry alone rarely says which. Verdict for a flow to a listed party from
 * inside China: `blocked` by default (conservative), until the published measure is checked.
 */
export const DEFAULT_VERDICT = param<Verdict>('cn.lists.default_verdict', 'Verdict for a transfer from China to a party on a countermeasure list, before the measure\'s own terms are checked.', [
  { from: '2020-09-19', value: 'blocked', citation: 'AFSL Arts. 6, 11; UEL Provisions Art. 10', confidence: 'memory', note: 'The AFSL and UEL texts are not in the research notes [M]; conservative default.' },
]);

/**
 * Verdict for a transfer from China to a party on a PRC export-control list (control list or
 * watch list), before it is checked whether the data is a controlled item: `blocked` by default
 * (conservative) [M]. Recollection, unchecked: the control list bars or restricts trade in
 * controlled items with the party, and the watch list adds checks on exports of dual-use items
 * to it; neither reaches data that is not a controlled item.
 */
export const EXPORT_CONTROL_VERDICT = param<Verdict>('cn.lists.export_control_verdict', 'Verdict for a transfer from China to a party on a PRC export-control list, before it is checked whether the data is a controlled item.', [
  { from: '2020-12-01', value: 'blocked', citation: 'Export Control Law Art. 18 (control list); Regulations on the Export Control of Dual-Use Items (watch list)', confidence: 'memory', note: 'The Export Control Law and the dual-use regulations are not in the research notes [M]; conservative default.' },
]);

/**
 * Which instrument a PRC listing is under, read from the list and the program `screen` writes
 * (the OpenSanctions `List` column, or the announcing body when it gives none): the Unreliable
 * Entity List; the export-control control list ("List of Export Controls") or watch list
 * ("Export Control Watch List"); AFSL countermeasures ("AFSL", "List of Targets of
 * Countermeasures", "Decision on Countermeasures …"). A listing that names none of them (an
 * announcement by the Ministry of Foreign Affairs or the Taiwan Affairs Office) is read as a
 * countermeasure: the conservative reading. A party listed by several announcements is under each.
 */
export type Instrument = 'uel' | 'countermeasure' | 'control_list' | 'watch_list';
export function instrumentsOf(d: { readonly list: string; readonly program?: string | undefined }): readonly Instrument[] {
  if (d.list === 'cn.unreliable_entity') return ['uel'];
  const p = d.program ?? '';
  const out: Instrument[] = [];
  if (/\bUEL\b|unreliable entit/i.test(p)) out.push('uel');
  if (/list of export controls|control list/i.test(p)) out.push('control_list');
  if (/watch list/i.test(p)) out.push('watch_list');
  const countermeasure = /\bAFSL\b|anti-foreign sanctions|countermeasure/i.test(p);
  if (countermeasure || out.length === 0) out.push('countermeasure');
  return out;
}
const isExportControl = (i: Instrument) => i === 'control_list' || i === 'watch_list';

interface ListsContext {
  readonly flow: Flow;
  readonly facts: Facts;
  readonly date: CivilDate;
  readonly exporterInChina: string | undefined;
  readonly listed: readonly EffectiveDesignation[];
}

/** Where the exporter is in China: organized there, located there, or sending from a system there. */
function inChina(flow: Flow, facts: Facts): string | undefined {
  const inv = facts.inventory;
  const id = flow.from ?? inv.organization.id;
  const e = facts.entities.get(id);
  if (id === inv.organization.id && inv.organization.organizedIn === 'CN') return `${inv.organization.name} is organized in China`;
  if (e?.organizedIn === 'CN') return `${e.name} is organized in China`;
  if (e?.location === 'CN' || e?.primaryResidence === 'CN') return `${e.name} is in China`;
  const ds = facts.datasets.get(flow.dataset);
  const from = flow.fromCountry ?? (ds?.system ? facts.systems.get(ds.system)?.location : undefined);
  if (from === 'CN') return 'the data is sent from a system in China';
  return undefined;
}

const describe = (d: EffectiveDesignation) => `${d.program ?? d.list}${d.listedFrom ? `, since ${d.listedFrom}` : ''}${d.inherited ? `; ${d.via}` : ''}`;
const recipientName = (ctx: ListsContext) => ctx.facts.entities.get(ctx.flow.recipient)?.name ?? ctx.flow.recipient;

/**
 * AFSL Art. 6: countermeasures may include prohibiting or restricting organizations and
 * individuals in China from transactions, cooperation and other activities with the listed
 * parties; Art. 11: organizations and individuals in China shall implement them. UEL Provisions
 * Art. 10: measures may restrict or prohibit the listed entity's China-related trade and
 * investment [M].
 */
export const countermeasure = defineRule<ListsContext>({
  id: 'cn.lists/afsl-6-11',
  title: 'Transfers from China to a party on a PRC countermeasure list',
  citation: 'Anti-Foreign Sanctions Law Arts. 6, 11; Provisions on the Unreliable Entity List Art. 10 [M]',
  sourceUrl: 'http://www.npc.gov.cn/npc/c30834/202106/d4a714d5813c4ad2ac54a5f0f78a5270.shtml',
  effective: { from: '2020-09-19' },
  reads: ['recipient.designations[cn.countersanctions, cn.unreliable_entity]', 'exporter location'],
  evaluate: (ctx) => {
    if (!ctx.exporterInChina) return null;
    const d = ctx.listed.find((x) => instrumentsOf(x).some((i) => !isExportControl(i)));
    if (!d) return null;
    return {
      outcome: 'countermeasure_target',
      reasons: [
        `${recipientName(ctx)} is on a PRC countermeasure list (${describe(d)}) and ${ctx.exporterInChina}`,
        'organizations and individuals in China must implement countermeasures, which may prohibit transactions and cooperation with the listed party (AFSL Arts. 6, 11; UEL Provisions Art. 10 [M]) — check the published measure for its scope',
      ],
    };
  },
});

/**
 * Export Control Law Art. 18 [M]: importers and end users on the control list may be barred from
 * or restricted in transactions in controlled items, and exporters must comply; the watch list
 * (Regulations on the Export Control of Dual-Use Items [M]) adds checks on exports of dual-use
 * items to the party. Both reach controlled items — data only where it is one (controlled
 * technology, for instance).
 */
export const exportControlList = defineRule<ListsContext>({
  id: 'cn.lists/ecl-18',
  title: 'Transfers from China to a party on a PRC export-control list',
  citation: 'Export Control Law Art. 18; Regulations on the Export Control of Dual-Use Items [M]',
  effective: { from: '2020-12-01' },
  reads: ['recipient.designations[cn.countersanctions: List of Export Controls, Export Control Watch List]', 'exporter location'],
  evaluate: (ctx) => {
    if (!ctx.exporterInChina) return null;
    const d = ctx.listed.find((x) => instrumentsOf(x).some(isExportControl));
    if (!d) return null;
    const control = instrumentsOf(d).includes('control_list');
    return {
      outcome: 'export_control_listed',
      reasons: [
        `${recipientName(ctx)} is on a PRC export-control ${control ? 'control list' : 'watch list'} (${describe(d)}) and ${ctx.exporterInChina}`,
        control
          ? 'exports of controlled items to a party on the control list are barred or restricted (Export Control Law Art. 18 [M]) — check whether the data is a controlled item, such as controlled technology'
          : 'exports of dual-use items to a party on the watch list are subject to further checks (Regulations on the Export Control of Dual-Use Items [M]) — check whether the data is a controlled item, such as controlled technology',
      ],
    };
  },
});

const RULES: readonly Rule<ListsContext>[] = [countermeasure, exportControlList];
const VERDICT_OF = { countermeasure_target: DEFAULT_VERDICT, export_control_listed: EXPORT_CONTROL_VERDICT } as const;

const isPrcList = (list: string) => list === 'cn.countersanctions' || list === 'cn.unreliable_entity';

/** The PRC list designations in force on the recipient on the as-of date, if any. */
function listedOf(flow: Flow, facts: Facts): readonly EffectiveDesignation[] {
  const all = facts.designations.get(flow.recipient);
  if (all === undefined || all.length === 0) return NONE;
  return all.filter((d) => isPrcList(d.list));
}
const NONE: readonly EffectiveDesignation[] = Object.freeze([]);

/** Per run: the entities the inventory declares on a PRC list at any date (most flows' recipients are not). */
const everListed = new WeakMap<Facts, ReadonlySet<string>>();
function everListedOf(facts: Facts): ReadonlySet<string> {
  let ids = everListed.get(facts);
  if (!ids) {
    const s = new Set<string>();
    for (const e of facts.inventory.entities) if (e.designations.some((d) => isPrcList(d.list))) s.add(e.id);
    everListed.set(facts, (ids = s));
  }
  return ids;
}

/**
 * The recipient's PRC listings in force on an earlier judged date: those in force on the as-of
 * date that were already in force then, and declared listings that have lapsed since (the facts
 * hold the listings of the as-of date only).
 */
function listedOn(flow: Flow, facts: Facts, date: CivilDate, current: readonly EffectiveDesignation[]): readonly EffectiveDesignation[] {
  const out = current.filter((d) => inForceOn(d, date));
  if (!everListedOf(facts).has(flow.recipient)) return out;
  for (const d of facts.entities.get(flow.recipient)?.designations ?? []) {
    // in force then, and no longer on the as-of date (those still in force are in `current`)
    if (!isPrcList(d.list) || !inForceOn(d, date) || inForceOn(d, facts.asOf)) continue;
    out.push({ ...d, inherited: d.via !== undefined });
  }
  return out;
}

/** The two not-applicable decisions, made once and shared (frozen): most flows get one of them. */
const notApplicable = (reason: string): Decision =>
  Object.freeze({
    regime: REGIME,
    outcome: 'not_applicable',
    verdict: 'not_applicable' as const,
    rules: Object.freeze([Object.freeze({ id: `${REGIME}/scope`, citation: 'AFSL Art. 11' })]),
    reasons: Object.freeze([reason]),
    obligations: Object.freeze([]),
  });
const NOT_LISTED = notApplicable('the recipient is on no PRC countermeasure list loaded into the inventory');
const NOT_IN_CHINA = notApplicable('the exporter is not in China, so PRC countermeasures do not bind this flow');

/** Was the listing in force on the date the flow is judged (a flow that ended before it was listed is not caught)? */
const inForceOn = (d: { readonly listedFrom?: CivilDate | undefined; readonly listedUntil?: CivilDate | undefined }, date: CivilDate) => (d.listedFrom === undefined || d.listedFrom <= date) && (d.listedUntil === undefined || date <= d.listedUntil);

export function decideFlow(flow: Flow, { facts, asOf }: PackContext): Decision {
  const current = listedOf(flow, facts);
  const date = judgedOn(flow, asOf);
  // The rule reads the recipient's listings first: with none, nothing else matters.
  if (current.length === 0 && (date === asOf || !everListedOf(facts).has(flow.recipient))) return NOT_LISTED;
  const listed = date === asOf ? current : listedOn(flow, facts, date, current);
  if (listed.length === 0) {
    if (current.length === 0) return NOT_LISTED;
    const d = current[0]!;
    return { ...NOT_LISTED, reasons: [`the recipient's PRC countermeasure listing (${d.program ?? d.list}${d.listedFrom ? `, since ${d.listedFrom}` : ''}) was not in force on ${date}, when the flow ended`] };
  }
  const ctx: ListsContext = { flow, facts, date, exporterInChina: inChina(flow, facts), listed };
  const { fired } = runRules(RULES, ctx, date);
  const hit = fired[0];
  if (!hit) {
    if (ctx.exporterInChina) {
      const ec = listed.every((d) => instrumentsOf(d).every(isExportControl));
      const rule = ec ? exportControlList : countermeasure;
      if (!inForce(rule, date)) return { ...NOT_LISTED, reasons: [`the ${ec ? 'export-control list' : 'countermeasure'} rules were not yet in force on ${date} (from ${rule.effective.from})`] };
    }
    return NOT_IN_CHINA;
  }
  const outcome = hit.finding.outcome as keyof typeof VERDICT_OF;
  return { regime: REGIME, outcome, verdict: at(VERDICT_OF[outcome], date), rules: fired.map((f) => ref(f.rule)), reasons: fired.flatMap((f) => f.finding.reasons), obligations: [] };
}

export const cnLists: Pack = { id: REGIME, version: '2026.11', title: 'PRC countermeasure and export-control lists (AFSL, Unreliable Entity List, Export Control Law)', rules: RULES, decideFlow };

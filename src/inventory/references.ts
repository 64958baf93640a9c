/**
 * Cross-reference checks after merging: a flow names a dataset and a recipient that exist, an
 * ownership edge names a real owner, and so on. Each problem points at the referring field.
 */
import type { InputProblem } from '../common/errors.js';
import type { Asset, Dataset, Entity, Flow, Organization, OwnershipEdge, System } from './schema.js';
import { peakShares } from './held.js';
import type { InventoryEvent } from './events.js';

/** A value with where it came from, for error messages. */
export interface Located<T> {
  readonly value: T;
  readonly where: {
    readonly file: string;
    readonly path: string;
    locate(path: readonly PropertyKey[]): { line?: number; column?: number };
  };
}

interface MergedParts {
  organization: Organization;
  /** Where the organization was declared (for its owner edges' problems). */
  organizationWhere?: Located<Organization>['where'];
  entities: Located<Entity>[];
  systems: Located<System>[];
  datasets: Located<Dataset>[];
  flows: Located<Flow>[];
  assets: Located<Asset>[];
  events: Located<InventoryEvent>[];
}

export function checkReferences(inv: MergedParts): InputProblem[] {
  const problems: InputProblem[] = [];
  const entityIds = new Set(inv.entities.map((e) => e.value.id));
  const partyIds = new Set([...entityIds, inv.organization.id]);
  const systemIds = new Set(inv.systems.map((s) => s.value.id));
  const datasetIds = new Set(inv.datasets.map((d) => d.value.id));
  const datasetById = new Map(inv.datasets.map((d) => [d.value.id, d.value]));
  const systemById = new Map(inv.systems.map((s) => [s.value.id, s.value]));

  const ref = <T>(item: Located<T>, field: (string | number)[], id: string | undefined, pool: Set<string>, what: string) => {
    if (id === undefined || pool.has(id)) return;
    // An id thousands of characters long is shown cut, to keep the message one readable line.
    const cut = (x: string) => (x.length > 60 ? `${x.slice(0, 59)}…` : x);
    const known = [...pool].slice(0, 8).map(cut).join(', ');
    problems.push({
      file: item.where.file,
      ...item.where.locate(field),
      path: `${item.where.path}.${field.map((f) => (typeof f === 'number' ? `[${f}]` : f)).join('.').replace(/\.\[/g, '[')}`,
      message: `unknown ${what} "${cut(id)}"${known ? ` (known: ${known}${pool.size > 8 ? ', …' : ''})` : ''}`,
    });
  };

  for (const e of inv.entities) {
    e.value.owners.forEach((o, i) => ref(e, ['owners', i, 'entity'], o.entity, partyIds, 'owner entity'));
    e.value.employment.forEach((o, i) => ref(e, ['employment', i, 'entity'], o.entity, partyIds, 'employer entity'));
    ref(e, ['branchOf'], e.value.branchOf, partyIds, 'entity');
    if (e.value.owners.some((o) => o.entity === e.value.id)) {
      problems.push({ file: e.where.file, ...e.where.locate(['owners']), path: `${e.where.path}.owners`, message: 'an entity cannot own itself' });
    }
    // Fields that only one kind of entity has would otherwise be ignored without a word.
    if (e.value.government !== undefined && e.value.kind !== 'government') {
      problems.push({
        file: e.where.file,
        ...e.where.locate(['government']),
        path: `${e.where.path}.government`,
        message: `\`government\` is for entities of kind government (whose government or agency it is), not a ${e.value.kind}; a state-owned company is covered through its owners: declare the government as an entity and as its owner`,
      });
    }
    if (e.value.usStatus !== undefined && e.value.kind !== 'individual') {
      problems.push({
        file: e.where.file,
        ...e.where.locate(['usStatus']),
        path: `${e.where.path}.usStatus`,
        message: `\`usStatus\` is an individual's U.S. status (28 CFR 202.256(a)), not a ${e.value.kind}'s; a company is a U.S. person by \`organizedIn: US\``,
      });
    }
    const overOwned = sharesProblem(e.value.owners);
    if (overOwned) problems.push({ file: e.where.file, ...e.where.locate(['owners']), path: `${e.where.path}.owners`, message: overOwned });
  }
  for (const s of inv.systems) ref(s, ['provider'], s.value.provider, partyIds, 'provider entity');
  for (const d of inv.datasets) ref(d, ['system'], d.value.system, systemIds, 'system');
  for (const f of inv.flows) {
    ref(f, ['dataset'], f.value.dataset, datasetIds, 'dataset');
    ref(f, ['recipient'], f.value.recipient, partyIds, 'recipient entity');
    ref(f, ['from'], f.value.from, partyIds, 'entity');
    ref(f, ['directedByUsPerson'], f.value.directedByUsPerson, partyIds, 'entity');
    if (f.value.start && f.value.end && f.value.end < f.value.start) {
      problems.push({ file: f.where.file, ...f.where.locate(['end']), path: `${f.where.path}.end`, message: `ends (${f.value.end}) before it starts (${f.value.start})` });
    }
    // Remote access declared from the data's own country, by people said not to be there.
    if (f.value.kind === 'remote_access' && f.value.physicallyInCountry === false) {
      const ds = datasetById.get(f.value.dataset);
      const dataCountry = f.value.fromCountry ?? (ds?.system !== undefined ? systemById.get(ds.system)?.location : undefined);
      if (dataCountry !== undefined && dataCountry === f.value.destination) {
        problems.push({
          file: f.where.file,
          ...f.where.locate(['physicallyInCountry']),
          path: `${f.where.path}.physicallyInCountry`,
          message: `says the people accessing are not in the data's country (${dataCountry}), but \`destination\`, where it is accessed from, is ${dataCountry}: correct one of them`,
        });
      }
    }
    if (f.value.kind === 'government_request' && !f.value.request) {
      problems.push({ file: f.where.file, ...f.where.locate(['kind']), path: `${f.where.path}.request`, message: 'a government_request flow needs `request: {authority, country}`' });
    }
  }
  for (const a of inv.assets) {
    ref(a, ['vendor'], a.value.vendor, partyIds, 'vendor entity');
    a.value.systems.forEach((sys, i) => ref(a, ['systems', i], sys, systemIds, 'system'));
  }
  const org: Located<Organization> = { value: inv.organization, where: inv.organizationWhere ?? { file: '', path: 'organization', locate: () => ({}) } };
  inv.organization.owners.forEach((o, i) => ref(org, ['owners', i, 'entity'], o.entity, entityIds, 'owner entity'));
  const orgOverOwned = sharesProblem(inv.organization.owners);
  if (orgOverOwned) problems.push({ file: org.where.file, ...org.where.locate(['owners']), path: 'organization.owners', message: orgOverOwned });
  return problems;
}

/**
 * Declared shares held at the same time may not add up to more than 100 % (shares held one after
 * the other, as when a stake is sold, do not add up).
 */
function sharesProblem(owners: readonly OwnershipEdge[]): string | undefined {
  const peak = peakShares(owners);
  if (peak.total <= 100.0001) return undefined;
  const total = Math.round(peak.total * 10_000) / 10_000;
  return peak.on === undefined ? `ownership shares add up to ${total}% (more than 100%)` : `ownership shares held on ${peak.on} add up to ${total}% (more than 100%)`;
}

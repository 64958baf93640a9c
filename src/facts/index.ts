/**
 * Facts: everything derived from the inventory before any rule runs, once, shared by all packs.
 */
import type { Dataset, Entity, Inventory, System } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import { runCalendars, type RunCalendars } from '../time/working-days.js';
import { derivePersons, type PersonFacts } from './us-persons.js';
import { deriveVolumes, type VolumeFacts } from './volumes.js';
import { deriveDesignations, type EffectiveDesignation } from './designations.js';
import { LegalPersons } from './branches.js';

export interface Facts {
  readonly asOf: CivilDate;
  readonly inventory: Inventory;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly datasets: ReadonlyMap<string, Dataset>;
  readonly systems: ReadonlyMap<string, System>;
  readonly persons: PersonFacts;
  readonly volumes: VolumeFacts;
  /** Designations in force per party, with those inherited by ownership under each list's rule. */
  readonly designations: ReadonlyMap<string, readonly EffectiveDesignation[]>;
  /** The working-day calendars of this run: the built-in ones with the inventory's `calendars` years. */
  readonly calendars: RunCalendars;
  /** The legal person each party is: itself, or for a branch the entity it belongs to. */
  readonly legalPersons: LegalPersons;
}

export function deriveFacts(inventory: Inventory, asOf: CivilDate): Facts {
  const legalPersons = new LegalPersons(inventory.entities);
  return {
    asOf,
    inventory,
    entities: new Map(inventory.entities.map((e) => [e.id, e])),
    datasets: new Map(inventory.datasets.map((d) => [d.id, d])),
    systems: new Map(inventory.systems.map((s) => [s.id, s])),
    persons: derivePersons(inventory, asOf),
    volumes: deriveVolumes(inventory, asOf, legalPersons),
    designations: deriveDesignations(inventory, asOf, legalPersons),
    calendars: runCalendars(inventory.calendars),
    legalPersons,
  };
}

export type { PartyFacts, PersonFacts } from './us-persons.js';
export type { Aggregate, DatasetVolume, VolumeFacts, WindowBase } from './volumes.js';
export { activeIn, judgedOn, exporterOf, usDevicesOf, usSubjectsOf } from './volumes.js';
export type { EffectiveDesignation } from './designations.js';

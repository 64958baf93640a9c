/**
 * Volume facts: how many distinct data subjects a flow — together with the flows it must be
 * aggregated with — involves, as of a date.
 *
 * - US (28 CFR 202.205): "at any point in the preceding 12 months", in one covered data
 *   transaction or aggregated across transactions between the same U.S. person and the same
 *   foreign person. Key: (exporter, recipient); window: the 12 months ending on the date.
 * - China (CAC Order 16 Arts. 5(4), 7, 8): cumulative since 1 January of the current year, per
 *   processor; natural persons counted once. Key: exporter; window: 1 January to the date.
 *
 * Counting rule for distinct persons: flows that carry the same dataset involve the same people,
 * so a dataset counts once at its largest count; different datasets are added (an upper bound
 * when they overlap — declare one dataset for overlapping data to avoid double counting).
 */
import { LegalPersons } from './branches.js';
import type { Flow, Inventory } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';
import { cnWindows, type CnWindows, type WindowBase } from './cn-windows.js';
import { usRolling, type Aggregate, type UsRolling } from './us-rolling.js';

export type { Aggregate, DatasetVolume } from './us-rolling.js';
export { usDevicesOf, usSubjectsOf } from './us-rolling.js';

/** Was the flow going on at some point in [from, to]? Undated flows are taken as ongoing. */
export function activeIn(flow: Flow, from: CivilDate, to: CivilDate): boolean {
  return (flow.start === undefined || flow.start <= to) && (flow.end === undefined || flow.end >= from);
}

/** The date on which a flow is judged: the as-of date, or the flow's end when it ended earlier. */
export function judgedOn(flow: Flow, asOf: CivilDate): CivilDate {
  return flow.end !== undefined && flow.end < asOf ? flow.end : asOf;
}

export function exporterOf(flow: Flow, inv: Inventory): string {
  return flow.from ?? inv.organization.id;
}

export type { WindowBase } from './cn-windows.js';

export interface VolumeFacts {
  /**
   * 202.205: the flow aggregated with the same (exporter, recipient) flows of the preceding 12
   * months. `index`: the flow's position in the inventory's flow list, when known.
   */
  usRolling12(flow: Flow, index?: number): Aggregate;
  /**
   * The window's aggregate without the flow when the flow is not begun by its judged date (its
   * `base`); otherwise the same as `usRolling12`. Lets a caller look at the window before
   * aggregating a flow that may add nothing to it.
   */
  usWindow12(flow: Flow, index?: number): Aggregate;
  /** The inventory's flow positions grouped by (exporter, recipient) pair, inventory order within each. */
  pairOrder(): Int32Array;
  /** Where each pair starts in `pairOrder()` (one more entry: the end). */
  pairBounds(): Int32Array;
  /** Drops the 202.205 aggregates made so far for pair k of `pairBounds` (see UsRolling.releasePair). */
  releasePair(k: number): void;
  /** The exporter's flows, in inventory order (none for a party that exports nothing). */
  flowsOf(exporter: string): readonly Flow[];
  /**
   * The exporter's flows admitted by `include` and active in [from, date], counted in distinct
   * persons of `country` (per dataset, the largest count). `include` must be a pure function of
   * the flow; results for the same (exporter, from, include) are built once in one sweep.
   */
  windowBase(exporter: string, from: CivilDate, date: CivilDate, country: string, include: (f: Flow) => boolean): WindowBase;
}

const NO_FLOWS: readonly Flow[] = Object.freeze([]);

export function deriveVolumes(inv: Inventory, asOf: CivilDate, persons: LegalPersons = new LegalPersons(inv.entities)): VolumeFacts {
  const datasets = new Map(inv.datasets.map((d) => [d.id, d]));
  const byExporter = new Map<string, Flow[]>();
  const flows = inv.flows;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!;
    const x = exporterOf(f, inv);
    let list = byExporter.get(x);
    if (!list) byExporter.set(x, (list = []));
    list.push(f);
  }

  // China's since-1-January windows: one sweep per (exporter, window start, include), cn-windows.ts.
  const windows = cnWindows(byExporter, datasets);

  const us = usRolling(inv, datasets, asOf, persons);
  return new Volumes(us, windows, byExporter);
}

/** The volume facts of one inventory (a class: its methods stay the same functions from run to run). */
class Volumes implements VolumeFacts {
  constructor(
    private readonly us: UsRolling,
    private readonly windows: CnWindows,
    private readonly byExporter: ReadonlyMap<string, readonly Flow[]>,
  ) {}
  windowBase(x: string, from: CivilDate, date: CivilDate, country: string, include: (f: Flow) => boolean): WindowBase {
    return this.windows.windowBase(x, from, date, country, include);
  }
  usRolling12(flow: Flow, index?: number): Aggregate {
    return this.us.aggregate(flow, index);
  }
  usWindow12(flow: Flow, index?: number): Aggregate {
    return this.us.window(flow, index);
  }
  pairOrder(): Int32Array {
    return this.us.pairOrder();
  }
  pairBounds(): Int32Array {
    return this.us.pairBounds();
  }
  releasePair(k: number): void {
    this.us.releasePair(k);
  }
  flowsOf(x: string): readonly Flow[] {
    return this.byExporter.get(x) ?? NO_FLOWS;
  }
}

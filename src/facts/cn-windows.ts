/**
 * China's counting windows (CAC Order 16 Arts. 5(4), 7, 8; Order 11 Art. 4(3)): the flows an
 * exporter has counted in a window that opens on a fixed day (1 January of this or the previous
 * year) and closes on the judged date, counted in distinct persons of one country.
 *
 * Counting rule (see volumes.ts): a dataset counts once at the largest count among the admitted
 * flows that carry it; different datasets are added.
 *
 * The organization in a large inventory exports tens of thousands of flows against thousands of
 * datasets, judged on hundreds of dates, so the window is not re-aggregated per date. Per
 * (exporter, window start, country, include) one sweep over the admitted flows, sorted by start,
 * records:
 * - for each dataset, the points where its largest count rises (a step function of the date);
 * - the rises themselves in date order, from which running totals per group of datasets are
 *   built once per grouping.
 * A query for a date is then a binary search over the distinct start dates; per-dataset counts
 * and totals are read off the step functions without copying any per-date map.
 */
import type { Dataset, Flow } from '../inventory/schema.js';
import type { CivilDate } from '../time/civil-date.js';

/**
 * The flows an exporter has counted in a window that starts on a fixed day (1 January), as of a
 * date: the largest subject count per dataset, their totals, and membership.
 */
export interface WindowBase {
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
  /**
   * Largest subject count per dataset among the admitted flows active in the window (built on
   * first read; prefer `largest` and `totals`).
   */
  readonly perDataset: ReadonlyMap<string, number>;
  /** Is this flow among them? */
  has(flow: Flow): boolean;
  /** The largest subject count of the dataset among them; undefined when no admitted flow carries it. */
  largest(dataset: string): number | undefined;
  /**
   * Per group, the sum over the datasets of `groupOf`'s group of their largest counts.
   * `groupOf` maps a dataset id to a group in [0, groups), or to -1 to leave it out; it must be
   * a pure function of the dataset id: running totals are built once per (sweep, groupOf).
   */
  totals(groupOf: (dataset: string) => number, groups: number): readonly number[];
}

export interface CnWindows {
  /**
   * The exporter's flows admitted by `include` and active in [from, date], counted in persons
   * of `country`. `include` must be a pure function of the flow; results for the same
   * (exporter, from, country, include) come from one sweep.
   */
  windowBase(exporter: string, from: CivilDate, date: CivilDate, country: string, include: (f: Flow) => boolean): WindowBase;
}

/** Running totals of one grouping: `values[k * groups + g]` after the k-th distinct start date. */
interface Totals {
  readonly groupOf: (dataset: string) => number;
  readonly groups: number;
  readonly values: Float64Array;
}

interface Sweep {
  readonly include: (f: Flow) => boolean;
  /** Ids of the admitted flows. */
  readonly admitted: ReadonlySet<string>;
  /** Distinct start dates of the admitted flows, ascending ('' for undated, taken as begun). */
  readonly starts: readonly CivilDate[];
  /** Datasets in order of first admission, and their index. */
  readonly datasets: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Per dataset: the start-date indices where its largest count rises, and the count from then on. */
  readonly riseAt: readonly (readonly number[])[];
  readonly riseTo: readonly (readonly number[])[];
  /** Every rise in date order: start-date index, dataset index, increase. */
  readonly eventAt: readonly number[];
  readonly eventDataset: readonly number[];
  readonly eventDelta: readonly number[];
  readonly totals: Totals[];
}

/** Index of the last element of the ascending `xs` that is <= `x`, or -1. */
function lastAtOrBefore<T>(xs: readonly T[], x: T): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The window machinery over an inventory's flows grouped by exporter (in inventory order) and
 * its datasets by id.
 */
export function cnWindows(flowsByExporter: ReadonlyMap<string, readonly Flow[]>, datasets: ReadonlyMap<string, Dataset>): CnWindows {
  const subjectsOf = (f: Flow, country: string): number => f.subjects?.[country] ?? datasets.get(f.dataset)?.subjects[country] ?? 0;

  // Each exporter's flows sorted by start once (stable: ties keep inventory order); every sweep
  // of that exporter filters this order.
  const sortedFlows = new Map<string, readonly Flow[]>();
  const byStart = (exporter: string): readonly Flow[] => {
    let sorted = sortedFlows.get(exporter);
    if (!sorted) {
      const list = [...(flowsByExporter.get(exporter) ?? [])];
      list.sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : 0));
      sortedFlows.set(exporter, (sorted = list));
    }
    return sorted;
  };

  const sweeps = new Map<string, Sweep[]>();
  const sweepFor = (x: string, from: CivilDate, country: string, include: (f: Flow) => boolean): Sweep => {
    const key = `${x}\u0000${from}\u0000${country}`;
    let list = sweeps.get(key);
    if (!list) sweeps.set(key, (list = []));
    for (const w of list) if (w.include === include) return w;

    const admitted = new Set<string>();
    const starts: CivilDate[] = [];
    const names: string[] = [];
    const index = new Map<string, number>();
    const current: number[] = [];
    const riseAt: number[][] = [];
    const riseTo: number[][] = [];
    const eventAt: number[] = [];
    const eventDataset: number[] = [];
    const eventDelta: number[] = [];
    for (const f of byStart(x)) {
      if ((f.end !== undefined && f.end < from) || !include(f)) continue;
      admitted.add(f.id);
      const start = f.start ?? '';
      if (starts.length === 0 || starts[starts.length - 1] !== start) starts.push(start);
      const k = starts.length - 1;
      const n = subjectsOf(f, country);
      let d = index.get(f.dataset);
      if (d === undefined) {
        d = names.length;
        index.set(f.dataset, d);
        names.push(f.dataset);
        current.push(n);
        riseAt.push([k]);
        riseTo.push([n]);
        if (n !== 0) {
          eventAt.push(k);
          eventDataset.push(d);
          eventDelta.push(n);
        }
      } else if (n > current[d]!) {
        const at = riseAt[d]!;
        const to = riseTo[d]!;
        if (at[at.length - 1] === k) to[to.length - 1] = n;
        else {
          at.push(k);
          to.push(n);
        }
        eventAt.push(k);
        eventDataset.push(d);
        eventDelta.push(n - current[d]!);
        current[d] = n;
      }
    }
    const sweep: Sweep = { include, admitted, starts, datasets: names, index, riseAt, riseTo, eventAt, eventDataset, eventDelta, totals: [] };
    list.push(sweep);
    return sweep;
  };

  const totalsOf = (sweep: Sweep, groupOf: (dataset: string) => number, groups: number): Totals => {
    for (const t of sweep.totals) if (t.groupOf === groupOf && t.groups === groups) return t;
    const group = sweep.datasets.map(groupOf);
    const values = new Float64Array(sweep.starts.length * groups);
    const running = new Float64Array(groups);
    let e = 0;
    for (let k = 0; k < sweep.starts.length; k++) {
      for (; e < sweep.eventAt.length && sweep.eventAt[e] === k; e++) {
        const g = group[sweep.eventDataset[e]!]!;
        if (g >= 0 && g < groups) running[g] = running[g]! + sweep.eventDelta[e]!;
      }
      values.set(running, k * groups);
    }
    const t: Totals = { groupOf, groups, values };
    sweep.totals.push(t);
    return t;
  };

  return {
    windowBase(x, from, date, country, include) {
      const sweep = sweepFor(x, from, country, include);
      // The last distinct start date on or before the judged date.
      const k = lastAtOrBefore(sweep.starts, date);
      const largest = (dataset: string): number | undefined => {
        const d = sweep.index.get(dataset);
        if (d === undefined || k < 0) return undefined;
        const i = lastAtOrBefore(sweep.riseAt[d]!, k);
        return i < 0 ? undefined : sweep.riseTo[d]![i];
      };
      let perDataset: Map<string, number> | undefined;
      return {
        window: { from, to: date },
        get perDataset(): ReadonlyMap<string, number> {
          if (!perDataset) {
            perDataset = new Map();
            for (const name of sweep.datasets) {
              const n = largest(name);
              if (n !== undefined) perDataset.set(name, n);
            }
          }
          return perDataset;
        },
        has: (f) => sweep.admitted.has(f.id) && (f.start === undefined || f.start <= date),
        largest,
        totals(groupOf, groups) {
          if (k < 0) return new Array<number>(groups).fill(0);
          const t = totalsOf(sweep, groupOf, groups);
          return Array.from(t.values.subarray(k * groups, (k + 1) * groups));
        },
      };
    },
  };
}

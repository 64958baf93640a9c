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

/** An exporter's flows that `include` admits, sorted by start once for every window start. */
interface Admitted {
  readonly include: (f: Flow) => boolean;
  /** Sorted by start (stable: ties keep inventory order); undated first, taken as begun. */
  readonly flows: readonly Flow[];
  readonly ids: ReadonlySet<string>;
}

interface Sweep {
  readonly admitted: Admitted;
  /** The window start: admitted flows that ended before it are out. */
  readonly from: CivilDate;
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

  // Per exporter and `include`, the admitted flows sorted by start by bucketing on the start
  // date (stable: ties keep inventory order), shared by every window start.
  const admittedMemo = new Map<string, Admitted[]>();
  const admittedOf = (exporter: string, include: (f: Flow) => boolean): Admitted => {
    let list = admittedMemo.get(exporter);
    if (!list) admittedMemo.set(exporter, (list = []));
    for (const a of list) if (a.include === include) return a;
    const buckets = new Map<CivilDate, Flow[]>();
    const ids = new Set<string>();
    for (const f of flowsByExporter.get(exporter) ?? []) {
      if (!include(f)) continue;
      ids.add(f.id);
      const start = f.start ?? '';
      const bucket = buckets.get(start);
      if (bucket) bucket.push(f);
      else buckets.set(start, [f]);
    }
    const flows: Flow[] = [];
    for (const start of [...buckets.keys()].sort()) for (const f of buckets.get(start)!) flows.push(f);
    const a: Admitted = { include, flows, ids };
    list.push(a);
    return a;
  };

  const sweeps = new Map<string, Sweep[]>();
  const sweepFor = (x: string, from: CivilDate, country: string, include: (f: Flow) => boolean): Sweep => {
    const key = `${x}\u0000${from}\u0000${country}`;
    let list = sweeps.get(key);
    if (!list) sweeps.set(key, (list = []));
    for (const w of list) if (w.admitted.include === include) return w;

    const admitted = admittedOf(x, include);
    const starts: CivilDate[] = [];
    const names: string[] = [];
    const index = new Map<string, number>();
    const current: number[] = [];
    const riseAt: number[][] = [];
    const riseTo: number[][] = [];
    const eventAt: number[] = [];
    const eventDataset: number[] = [];
    const eventDelta: number[] = [];
    for (const f of admitted.flows) {
      if (f.end !== undefined && f.end < from) continue;
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
    const sweep: Sweep = { admitted, from, starts, datasets: names, index, riseAt, riseTo, eventAt, eventDataset, eventDelta, totals: [] };
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
      return new Window(sweepFor(x, from, country, include), totalsOf, from, date);
    },
  };
}

/** One window as of one date: the sweep read at the last distinct start date on or before it. */
class Window implements WindowBase {
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
  /** Index of that start date in the sweep, -1 when no admitted flow has begun. */
  private readonly k: number;
  private map: Map<string, number> | undefined;
  constructor(
    private readonly sweep: Sweep,
    private readonly totalsOf: (sweep: Sweep, groupOf: (dataset: string) => number, groups: number) => Totals,
    from: CivilDate,
    private readonly date: CivilDate,
  ) {
    this.window = { from, to: date };
    this.k = lastAtOrBefore(sweep.starts, date);
    this.map = undefined;
  }

  get perDataset(): ReadonlyMap<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (const name of this.sweep.datasets) {
        const n = this.largest(name);
        if (n !== undefined) this.map.set(name, n);
      }
    }
    return this.map;
  }

  has(f: Flow): boolean {
    return this.sweep.admitted.ids.has(f.id) && (f.end === undefined || f.end >= this.sweep.from) && (f.start === undefined || f.start <= this.date);
  }

  largest(dataset: string): number | undefined {
    const d = this.sweep.index.get(dataset);
    if (d === undefined || this.k < 0) return undefined;
    const i = lastAtOrBefore(this.sweep.riseAt[d]!, this.k);
    return i < 0 ? undefined : this.sweep.riseTo[d]![i];
  }

  totals(groupOf: (dataset: string) => number, groups: number): readonly number[] {
    if (this.k < 0) return new Array<number>(groups).fill(0);
    const t = this.totalsOf(this.sweep, groupOf, groups);
    return Array.from(t.values.subarray(this.k * groups, (this.k + 1) * groups));
  }
}

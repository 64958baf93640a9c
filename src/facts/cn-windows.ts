/**
 * China's counting windows (CAC Order 16 Arts. 5(4), 7, 8; Order 11 Art. 4(3)): the flows an
 * exporter has counted in a window that opens on a fixed day (1 January of this or the previous
 * year) and closes on the judged date, counted in distinct persons of one country.
 *
 * Counting rule (see volumes.ts): a dataset counts once at the largest count among the admitted
 * flows that carry it; different datasets are added.
 *
 * The organization in a large inventory exports tens of thousands of flows against thousands of
 * datasets, judged on hundreds of dates, so the window is not re-aggregated per date. An
 * exporter's flows are sorted by start and laid out as columns once (start, end, dataset, subject
 * count per country); an admission rule (`include`) picks positions among them. Per (exporter,
 * window start, country, include) one sweep over the admitted positions records:
 * - for each dataset, the points where its largest count rises (a step function of the date);
 * - the rises themselves in date order, from which running totals per group of datasets are
 *   built once per grouping.
 * A query for a date is then a binary search over the distinct start dates; per-dataset counts
 * and totals are read off the step functions without copying any per-date map.
 */
import type { Dataset, Flow } from '../inventory/schema.js';
import { dateOrdinal, type CivilDate } from '../time/civil-date.js';

/** `Sorted.endAt` of a flow without an end: after every date. */
const NO_END = 0x7fffffff;

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
  /** Is this flow (one of the inventory's flow objects) among them? */
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

/**
 * A key per start date that sorts as the dates do (not a day count): (year · 12 + month) · 31 +
 * day, read off the characters; -1 for an undated flow, which sorts first (as '' does).
 */
function startKey(f: Flow): number {
  const d = f.start;
  if (d === undefined) return -1;
  const year = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
  const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  return (year * 12 + month) * 31 + (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
}

/** The counting bucket of a start key: 0 for an undated flow, then one per key from `min`. */
function bucketOf(key: number, min: number): number {
  return key < 0 ? 0 : key - min + 1;
}

/** A longer list is sorted by counting its keys, a shorter one by insertion. */
const COUNTING_FROM = 64;

/**
 * The flows sorted by start date ('' for undated, first), ties in their given order (stable):
 * by insertion for a few flows, else by counting the start keys (an exporter's flows start on
 * a few hundred distinct days), or with the engine's sort when the dates are spread too far apart
 * for counting. Exported for its tests.
 */
export function byStartDate(flows: readonly Flow[]): Flow[] {
  const n = flows.length;
  const keys = new Int32Array(n);
  let sorted = true;
  let min = Infinity;
  let max = -Infinity;
  // the range of the dated flows' keys (undated ones go first, whatever it is)
  for (let i = 0; i < n; i++) {
    const k = (keys[i] = startKey(flows[i]!));
    if (i > 0 && k < keys[i - 1]!) sorted = false;
    if (k < 0) continue;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (sorted) return flows.slice();
  if (n >= COUNTING_FROM && max - min > 64 * n) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
    return order.map((i) => flows[i]!);
  }
  if (n < COUNTING_FROM) {
    const out = flows.slice();
    const ks = keys.slice();
    for (let i = 1; i < n; i++) {
      const f = out[i]!;
      const k = ks[i]!;
      let j = i - 1;
      for (; j >= 0 && ks[j]! > k; j--) {
        out[j + 1] = out[j]!;
        ks[j + 1] = ks[j]!;
      }
      out[j + 1] = f;
      ks[j + 1] = k;
    }
    return out;
  }
  // Bucket 0 holds the undated flows, bucket k - min + 1 those starting on key k; `at[b]` is
  // where bucket b starts in the output once the counts are summed.
  const at = new Int32Array(max - min + 3);
  for (let i = 0; i < n; i++) at[bucketOf(keys[i]!, min) + 1]!++;
  for (let b = 1; b < at.length; b++) at[b]! += at[b - 1]!;
  const out = new Array<Flow>(n);
  for (let i = 0; i < n; i++) out[at[bucketOf(keys[i]!, min)]!++] = flows[i]!;
  return out;
}

/** Running totals of one grouping: `values[k * groups + g]` once the k-th start date is reached. */
interface Totals {
  readonly groupOf: (dataset: string) => number;
  readonly groups: number;
  readonly values: Float64Array;
}

/**
 * An exporter's flows sorted by start once (ties in inventory order), with what the sweeps read
 * of each as columns (position `i` in start order), shared by every admission rule, window start
 * and country: a rule admits a subset of these positions.
 */
interface Sorted {
  readonly flows: readonly Flow[];
  /** Distinct start dates, ascending ('' for undated, taken as begun). */
  readonly starts: readonly CivilDate[];
  /**
   * Per flow: index of its start in `starts`, its end as `dateOrdinal` (NO_END when it has none),
   * its dataset (index in `datasets`).
   */
  readonly startAt: Int32Array;
  readonly endAt: Int32Array;
  readonly dataset: Int32Array;
  /** Datasets in order of first appearance, and their index. */
  readonly datasets: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Per country: each flow's subject count (built on first use). */
  readonly subjects: Map<string, Float64Array>;
  /** The subsets admitted so far, one per `include`. */
  readonly admitted: Admitted[];
}

/** The positions of an exporter's sorted flows that `include` admits, and the sweeps made of them. */
interface Admitted {
  readonly sorted: Sorted;
  readonly include: (f: Flow) => boolean;
  /** Positions in `sorted`, ascending. */
  readonly at: Int32Array;
  /** The admitted flows as a set (built on the first `has`). */
  members?: ReadonlySet<Flow>;
  /** One per (window start, country) asked so far. */
  readonly sweeps: Sweep[];
}

/**
 * One sweep of the admitted flows not ended before `from`, for one country: each dataset's
 * largest count as a step function of the start index, kept as its rises in start order
 * (the first admission of a dataset is a rise from nothing).
 */
interface Sweep {
  readonly admitted: Admitted;
  readonly from: CivilDate;
  readonly country: string;
  /** Every rise in start order: start index, dataset, the new largest count, the increase. */
  readonly riseAt: readonly number[];
  readonly riseDataset: readonly number[];
  readonly riseTo: readonly number[];
  readonly riseBy: readonly number[];
  /** The rises grouped by dataset (built on first per-dataset read): positions into the above. */
  byDataset?: { readonly offsets: Int32Array; readonly rises: Int32Array };
  readonly totals: Totals[];
}

/** Index of the last element of the ascending `xs` (between lo and hi) that is <= `x`, or lo - 1. */
function lastAtOrBefore<T>(xs: ArrayLike<T>, x: T, lo = 0, hi = xs.length - 1): number {
  let found = lo - 1;
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
  return new Sweeps(flowsByExporter, datasets);
}

/** The sweeps made so far (a class: its methods stay the same functions from run to run). */
class Sweeps implements CnWindows {
  /** Per exporter: its flows in start order as columns, and what was admitted and swept of them. */
  private readonly sorted = new Map<string, Sorted>();

  constructor(
    private readonly flowsByExporter: ReadonlyMap<string, readonly Flow[]>,
    private readonly datasets: ReadonlyMap<string, Dataset>,
  ) {}

  windowBase(x: string, from: CivilDate, date: CivilDate, country: string, include: (f: Flow) => boolean): WindowBase {
    return new Window(this.sweepOf(this.admittedOf(this.sortedOf(x), include), from, country), from, date);
  }

  private sortedOf(exporter: string): Sorted {
    let s = this.sorted.get(exporter);
    if (s) return s;
    const flows = byStartDate(this.flowsByExporter.get(exporter) ?? []);
    const n = flows.length;
    const starts: CivilDate[] = [];
    const startAt = new Int32Array(n);
    const endAt = new Int32Array(n);
    const dataset = new Int32Array(n);
    const names: string[] = [];
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const f = flows[i]!;
      const start = f.start ?? '';
      if (starts.length === 0 || starts[starts.length - 1] !== start) starts.push(start);
      startAt[i] = starts.length - 1;
      endAt[i] = f.end === undefined ? NO_END : dateOrdinal(f.end);
      let d = index.get(f.dataset);
      if (d === undefined) {
        index.set(f.dataset, (d = names.length));
        names.push(f.dataset);
      }
      dataset[i] = d;
    }
    s = { flows, starts, startAt, endAt, dataset, datasets: names, index, subjects: new Map(), admitted: [] };
    this.sorted.set(exporter, s);
    return s;
  }

  private admittedOf(sorted: Sorted, include: (f: Flow) => boolean): Admitted {
    const list = sorted.admitted;
    for (let k = 0; k < list.length; k++) if (list[k]!.include === include) return list[k]!;
    const flows = sorted.flows;
    const at = new Int32Array(flows.length);
    let m = 0;
    for (let i = 0; i < flows.length; i++) if (include(flows[i]!)) at[m++] = i;
    const a: Admitted = { sorted, include, at: m === at.length ? at : at.slice(0, m), sweeps: [] };
    list.push(a);
    return a;
  }

  /** Each sorted flow's subject count for `country`: its own, else its dataset's (looked up once per dataset). */
  private subjectsIn(s: Sorted, country: string): Float64Array {
    let n = s.subjects.get(country);
    if (!n) {
      n = new Float64Array(s.flows.length);
      // NaN: the dataset's count not looked up yet.
      const ofDataset = new Float64Array(s.datasets.length).fill(NaN);
      for (let i = 0; i < s.flows.length; i++) {
        const own = s.flows[i]!.subjects?.[country];
        if (own !== undefined) {
          n[i] = own;
          continue;
        }
        const d = s.dataset[i]!;
        let c = ofDataset[d]!;
        if (c !== c) ofDataset[d] = c = this.datasets.get(s.datasets[d]!)?.subjects[country] ?? 0;
        n[i] = c;
      }
      s.subjects.set(country, n);
    }
    return n;
  }

  private sweepOf(admitted: Admitted, from: CivilDate, country: string): Sweep {
    const made = admitted.sweeps;
    for (let k = 0; k < made.length; k++) {
      const w = made[k]!;
      if (w.from === from && w.country === country) return w;
    }
    const sorted = admitted.sorted;
    const n = this.subjectsIn(sorted, country);
    const at = admitted.at;
    // The largest count so far per dataset; -1 before its first admission (counts are >= 0).
    const largest = new Float64Array(sorted.datasets.length).fill(-1);
    const riseAt: number[] = [];
    const riseDataset: number[] = [];
    const riseTo: number[] = [];
    const riseBy: number[] = [];
    const fromAt = dateOrdinal(from);
    for (let j = 0; j < at.length; j++) {
      const i = at[j]!;
      // ended before the window opened
      if (sorted.endAt[i]! < fromAt) continue;
      const d = sorted.dataset[i]!;
      const was = largest[d]!;
      const count = n[i]!;
      // First admission (a rise from nothing, even to 0: the dataset is then among them), or a rise.
      if (was < 0 || count > was) {
        riseAt.push(sorted.startAt[i]!);
        riseDataset.push(d);
        riseTo.push(count);
        riseBy.push(was < 0 ? count : count - was);
        largest[d] = count;
      }
    }
    const sweep: Sweep = { admitted, from, country, riseAt, riseDataset, riseTo, riseBy, totals: [] };
    made.push(sweep);
    return sweep;
  }
}

/** Running totals per group of datasets, once per (sweep, grouping). */
function totalsOf(sweep: Sweep, groupOf: (dataset: string) => number, groups: number): Totals {
  for (const t of sweep.totals) if (t.groupOf === groupOf && t.groups === groups) return t;
  const sorted = sweep.admitted.sorted;
  const group = sorted.datasets.map(groupOf);
  const steps = sorted.starts.length;
  const values = new Float64Array(steps * groups);
  const running = new Float64Array(groups);
  let e = 0;
  for (let k = 0; k < steps; k++) {
    for (; e < sweep.riseAt.length && sweep.riseAt[e] === k; e++) {
      const g = group[sweep.riseDataset[e]!]!;
      if (g >= 0 && g < groups) running[g] = running[g]! + sweep.riseBy[e]!;
    }
    values.set(running, k * groups);
  }
  const t: Totals = { groupOf, groups, values };
  sweep.totals.push(t);
  return t;
}

/** The rises of a sweep grouped by dataset, in start order within each (counting sort). */
function byDataset(sweep: Sweep): { readonly offsets: Int32Array; readonly rises: Int32Array } {
  if (!sweep.byDataset) {
    const count = sweep.admitted.sorted.datasets.length;
    const offsets = new Int32Array(count + 1);
    for (const d of sweep.riseDataset) offsets[d + 1]!++;
    for (let d = 0; d < count; d++) offsets[d + 1]! += offsets[d]!;
    const fill = offsets.slice(0, -1);
    const rises = new Int32Array(sweep.riseDataset.length);
    sweep.riseDataset.forEach((d, e) => (rises[fill[d]!++] = e));
    sweep.byDataset = { offsets, rises };
  }
  return sweep.byDataset;
}

/** One window as of one date: the sweep read at the last start date on or before it. */
class Window implements WindowBase {
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
  /** Index of that start date among the admitted flows' starts, -1 when none has begun. */
  private readonly k: number;
  private map: Map<string, number> | undefined;
  constructor(
    private readonly sweep: Sweep,
    from: CivilDate,
    private readonly date: CivilDate,
  ) {
    this.window = { from, to: date };
    this.k = lastAtOrBefore(sweep.admitted.sorted.starts, date);
    this.map = undefined;
  }

  get perDataset(): ReadonlyMap<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (const name of this.sweep.admitted.sorted.datasets) {
        const n = this.largest(name);
        if (n !== undefined) this.map.set(name, n);
      }
    }
    return this.map;
  }

  has(f: Flow): boolean {
    const admitted = this.sweep.admitted;
    if (!admitted.members) {
      const members = new Set<Flow>();
      for (let j = 0; j < admitted.at.length; j++) members.add(admitted.sorted.flows[admitted.at[j]!]!);
      admitted.members = members;
    }
    return admitted.members.has(f) && (f.end === undefined || f.end >= this.sweep.from) && (f.start === undefined || f.start <= this.date);
  }

  largest(dataset: string): number | undefined {
    const d = this.sweep.admitted.sorted.index.get(dataset);
    if (d === undefined || this.k < 0) return undefined;
    const { offsets, rises } = byDataset(this.sweep);
    // The dataset's last rise at or before the window's start index.
    let found = -1;
    for (let lo = offsets[d]!, hi = offsets[d + 1]! - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.sweep.riseAt[rises[mid]!]! <= this.k) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? undefined : this.sweep.riseTo[rises[found]!];
  }

  totals(groupOf: (dataset: string) => number, groups: number): readonly number[] {
    if (this.k < 0) return new Array<number>(groups).fill(0);
    const t = totalsOf(this.sweep, groupOf, groups);
    const out = new Array<number>(groups);
    for (let g = 0; g < groups; g++) out[g] = t.values[this.k * groups + g]!;
    return out;
  }
}

/**
 * The U.S. aggregation window of 28 CFR 202.205: a covered data transaction counts toward the
 * bulk thresholds together with every transaction between the same U.S. person and the same
 * foreign person "at any point in the preceding 12 months". Key: (exporter, recipient), a branch
 * standing for the entity it belongs to (it is not a separate person); window:
 * the 12 months ending on the date the flow is judged on (the same calendar day a year earlier
 * is inside — the conservative reading).
 *
 * Counting rule (see volumes.ts): a dataset counts once at its largest count among the
 * aggregated flows; different datasets are added.
 *
 * Large inventories hold ~100,000 flows on ~15,000 pairs, judged on hundreds of dates, so the
 * per-pair inputs (dates as integers, dataset, counts) are laid out once in flat arrays, and
 * the aggregate of a pair is built once per judged date and shared by the flows it holds. A flow
 * outside its own window (not begun by the date) is aggregated with the window's flows on its
 * own, and so is a rejected offer (202.1104): it is no transaction, so no other flow counts it.
 */
import type { Dataset, Flow, Inventory } from '../inventory/schema.js';
import { LegalPersons } from './branches.js';
import { addMonths, dateOrdinal, type CivilDate } from '../time/civil-date.js';

export interface DatasetVolume {
  readonly dataset: string;
  /** Largest U.S. subject count among the aggregated flows carrying this dataset. */
  readonly subjects: number;
  /**
   * U.S. devices (precise geolocation counts devices, 202.205(c)). A flow whose dataset and
   * flow declare no device count counts its U.S. persons instead (see {@link usDevicesOf}).
   */
  readonly devices: number;
  /** Some aggregated flow of this dataset declared no device count: its U.S. persons stood in. */
  readonly devicesFromPersons: boolean;
}

export interface Aggregate {
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
  /** Per dataset, sorted by dataset id. */
  readonly datasets: readonly DatasetVolume[];
  /** The aggregated flows, in inventory order. */
  readonly flows: readonly string[];
  /**
   * For a flow outside its own window (not begun by the judged date): the window's aggregate
   * without it, which this one extends.
   */
  readonly base?: Aggregate;
}

/** Undated starts and ends are open: the flow is taken as going on. */
const OPEN_START = 0;
const OPEN_END = 99_999_999;

/**
 * All flows laid out pair after pair (inventory order within a pair), in flat arrays: a pair
 * is a slice [off, off + len). Its aggregates are kept per judged date (most pairs see one or
 * two dates: the last one is held inline).
 */
interface Layout {
  readonly flows: Flow[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly dataset: string[];
  readonly subjects: Float64Array;
  readonly devices: Float64Array;
  /** 1 where the flow's device count is its U.S. persons (none declared). */
  readonly devicesFromPersons: Uint8Array;
  /**
   * 1 where the flow records an offer that was rejected (202.1104): no transaction took place, so
   * it is aggregated only into its own decision, never into another flow's.
   */
  readonly rejected: Uint8Array;
}

interface Pair {
  off: number;
  len: number;
  lastDate: CivilDate | undefined;
  lastAggregate: Aggregate | undefined;
  byDate: Map<CivilDate, Aggregate> | undefined;
}

interface Window {
  readonly from: CivilDate;
  readonly fromOrd: number;
  readonly toOrd: number;
  /** Shared by the aggregates judged on this date. */
  readonly window: Aggregate['window'];
}

/**
 * The 202.205 aggregation of one inventory. `index`, when given, is the flow's position in the
 * inventory's flow list (as `runCheck` knows it): the flow's pair and place in it are then read
 * from arrays instead of looked up.
 */
export interface UsRolling {
  /** The flow aggregated with the same (exporter, recipient) flows of the preceding 12 months. */
  aggregate(flow: Flow, index?: number): Aggregate;
  /**
   * The aggregate of the window alone: the pair's flows active in the 12 months to the flow's
   * judged date. The same as `aggregate` for a flow active in its window; for a flow not begun
   * by then, the aggregate without it (its `base`). A flow not in the inventory counts as if it
   * came last in it.
   */
  window(flow: Flow, index?: number): Aggregate;
  /**
   * The inventory's flow positions pair after pair (each pair's flows in inventory order): an
   * order in which flows sharing parties and windows come together.
   */
  pairOrder(): Int32Array;
  /**
   * Where each pair starts in `pairOrder()`, and where the last one ends: pair k holds the
   * positions [pairBounds()[k], pairBounds()[k + 1]).
   */
  pairBounds(): Int32Array;
  /**
   * Drops the aggregates made so far for pair k (see `pairBounds`). A caller that decides flows
   * pair after pair releases each pair when done with it, so one pair's aggregates are kept at a
   * time instead of every pair's until the run ends; asked again, they are made again, the same.
   */
  releasePair(k: number): void;
}

/** The pair index is built on the first call. */
export function usRolling(inv: Inventory, datasets: ReadonlyMap<string, Dataset>, asOf: CivilDate, persons: LegalPersons = new LegalPersons(inv.entities)): UsRolling {
  return new RollingIndex(inv, datasets, asOf, persons);
}

/**
 * The state of one inventory's aggregation. A class rather than closures made per run: a
 * service that checks again and again keeps the optimized code that inlined these methods.
 */
class RollingIndex implements UsRolling {
  private pairs: Map<string, Map<string, Pair>> | undefined;
  private layout: Layout | undefined;
  /** Per flow position in the inventory: its pair, and its place in the layout. */
  private pairAt: Pair[] = [];
  /** The pairs in layout order, and where each starts in it (one more: the end). */
  private order: Pair[] = [];
  private bounds: Int32Array = new Int32Array(1);
  private slotAt: Int32Array = new Int32Array(0);
  private positionAt: Int32Array = new Int32Array(0);
  private readonly org: string;
  private readonly windows = new Map<CivilDate, Window>();
  /** Set by `find`: the flow's pair and its place in the layout (-1 when the flow is not the inventory's). */
  private foundPair: Pair | undefined;
  private foundSlot = -1;

  constructor(
    private readonly inv: Inventory,
    private readonly datasets: ReadonlyMap<string, Dataset>,
    private readonly asOf: CivilDate,
    /** A branch is not a separate person: flows from or to it are its entity's (202.256(b)(7), 202.205). */
    private readonly persons: LegalPersons,
  ) {
    this.org = inv.organization.id;
  }

  aggregate(flow: Flow, i?: number): Aggregate {
    const date = this.judged(flow);
    const w = this.windowOn(date);
    this.find(flow, i);
    const pair = this.foundPair;
    if (this.foundSlot < 0) return stray(flow, this.datasets, w, this.layout, pair);
    const base = this.baseOf(pair!, w, date);
    if (inWindow(flow, w, date)) return base;
    return aggregateOf(this.layout!, pair!.off, pair!.len, w, this.foundSlot, w.window, base);
  }

  pairOrder(): Int32Array {
    if (!this.pairs) this.index();
    return this.positionAt;
  }

  pairBounds(): Int32Array {
    if (!this.pairs) this.index();
    return this.bounds;
  }

  releasePair(k: number): void {
    const pair = this.order[k];
    if (!pair) return;
    pair.lastDate = undefined;
    pair.lastAggregate = undefined;
    pair.byDate = undefined;
  }

  window(flow: Flow, i?: number): Aggregate {
    const date = this.judged(flow);
    const w = this.windowOn(date);
    this.find(flow, i);
    const pair = this.foundPair;
    // A flow not in the inventory: without it when it is outside its window (and the pair is
    // known), else with it.
    if (this.foundSlot < 0) return pair && !inWindow(flow, w, date) ? this.baseOf(pair, w, date) : stray(flow, this.datasets, w, this.layout, pair);
    return this.baseOf(pair!, w, date);
  }

  private index(): void {
    const byExporter = new Map<string, Map<string, Pair>>();
    const flows = this.inv.flows;
    const org = this.org;
    const pairOfFlow: Pair[] = new Array<Pair>(flows.length);
    const order: Pair[] = [];
    for (let i = 0; i < flows.length; i++) {
      const f = flows[i]!;
      const x = this.persons.of(f.from ?? org);
      let byRecipient = byExporter.get(x);
      if (!byRecipient) byExporter.set(x, (byRecipient = new Map()));
      const to = this.persons.of(f.recipient);
      let pair = byRecipient.get(to);
      if (!pair) {
        byRecipient.set(to, (pair = { off: 0, len: 0, lastDate: undefined, lastAggregate: undefined, byDate: undefined }));
        order.push(pair);
      }
      pair.len++;
      pairOfFlow[i] = pair;
    }
    let off = 0;
    const bounds = new Int32Array(order.length + 1);
    for (let k = 0; k < order.length; k++) {
      const pair = order[k]!;
      bounds[k] = pair.off = off;
      off += pair.len;
      pair.len = 0;
    }
    bounds[order.length] = off;
    const n = flows.length;
    const slots = new Int32Array(n);
    const positions = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const pair = pairOfFlow[i]!;
      const k = pair.off + pair.len++;
      slots[i] = k;
      positions[k] = i;
    }
    // Laid out in inventory order first, then gathered pair after pair: flows are read in the
    // order they sit in memory, and the scattered accesses fall on the compact columns instead.
    const byFlow = newLayout(n);
    for (let i = 0; i < n; i++) place(byFlow, i, flows[i]!, this.datasets);
    const l = gather(byFlow, positions);
    this.pairs = byExporter;
    this.order = order;
    this.bounds = bounds;
    this.layout = l;
    this.pairAt = pairOfFlow;
    this.positionAt = positions;
    this.slotAt = slots;
  }

  private windowOn(date: CivilDate): Window {
    let w = this.windows.get(date);
    if (!w) {
      const from = addMonths(date, -12);
      this.windows.set(date, (w = { from, fromOrd: dateOrdinal(from), toOrd: dateOrdinal(date), window: Object.freeze({ from, to: date }) }));
    }
    return w;
  }

  private baseOf(pair: Pair, w: Window, date: CivilDate): Aggregate {
    if (pair.lastDate === date) return pair.lastAggregate!;
    if (pair.lastDate !== undefined) (pair.byDate ??= new Map()).set(pair.lastDate, pair.lastAggregate!);
    const base = pair.byDate?.get(date) ?? aggregateOf(this.layout!, pair.off, pair.len, w, -1, w.window);
    pair.lastDate = date;
    pair.lastAggregate = base;
    return base;
  }

  private find(flow: Flow, i: number | undefined): void {
    if (!this.pairs) this.index();
    if (i !== undefined && this.inv.flows[i] === flow) {
      this.foundPair = this.pairAt[i];
      this.foundSlot = this.slotAt[i]!;
      return;
    }
    const pair = this.pairs!.get(this.persons.of(flow.from ?? this.org))?.get(this.persons.of(flow.recipient));
    this.foundPair = pair;
    this.foundSlot = -1;
    const flows = this.layout!.flows;
    if (pair) for (let k = pair.off; k < pair.off + pair.len && this.foundSlot < 0; k++) if (flows[k] === flow) this.foundSlot = k;
  }

  private judged(flow: Flow): CivilDate {
    return flow.end !== undefined && flow.end < this.asOf ? flow.end : this.asOf;
  }
}

function inWindow(flow: Flow, w: Window, date: CivilDate): boolean {
  return flow.offerRejected === undefined && (flow.start === undefined || flow.start <= date) && (flow.end === undefined || flow.end >= w.from);
}

/**
 * A flow not in the inventory's list (a library caller asking about a flow it may add): the
 * flows of its pair active in its window (`pair`, when the inventory has that pair), and it.
 */
function stray(f: Flow, datasets: ReadonlyMap<string, Dataset>, w: Window, layout: Layout | undefined, pair: Pair | undefined): Aggregate {
  const off = pair && layout ? pair.off : 0;
  const len = pair && layout ? pair.len : 0;
  const l = newLayout(len + 1);
  for (let k = 0; k < len; k++) place(l, k, layout!.flows[off + k]!, datasets);
  place(l, len, f, datasets);
  return aggregateOf(l, 0, len + 1, w, len, w.window);
}

function newLayout(n: number): Layout {
  return {
    flows: new Array<Flow>(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    dataset: new Array<string>(n),
    subjects: new Float64Array(n),
    devices: new Float64Array(n),
    devicesFromPersons: new Uint8Array(n),
    rejected: new Uint8Array(n),
  };
}

/** The layout `from` reordered: slot k of the result holds slot `positions[k]` of `from`. */
function gather(from: Layout, positions: Int32Array): Layout {
  const n = positions.length;
  const l = newLayout(n);
  for (let k = 0; k < n; k++) {
    const i = positions[k]!;
    l.flows[k] = from.flows[i]!;
    l.start[k] = from.start[i]!;
    l.end[k] = from.end[i]!;
    l.dataset[k] = from.dataset[i]!;
    l.subjects[k] = from.subjects[i]!;
    l.devices[k] = from.devices[i]!;
    l.devicesFromPersons[k] = from.devicesFromPersons[i]!;
    l.rejected[k] = from.rejected[i]!;
  }
  return l;
}

/** U.S. subjects of a flow: its own count, else its dataset's. */
export function usSubjectsOf(f: Flow, ds: Dataset | undefined): number {
  return f.subjects?.['US'] ?? ds?.subjects['US'] ?? 0;
}

/**
 * U.S. devices of a flow (202.205(c) counts precise geolocation data in devices): its own
 * count, else its dataset's; when neither declares one, its U.S. persons, one device each. An
 * undeclared count is not read as zero devices, which would keep any geolocation data short of
 * bulk; the reasons say when persons stood in.
 */
export function usDevicesOf(f: Flow, ds: Dataset | undefined): number {
  return f.usDevices ?? ds?.usDevices ?? usSubjectsOf(f, ds);
}

/** Lays out one flow at slot `k`: its dates as day numbers, its dataset, its U.S. counts. */
function place(l: Layout, k: number, f: Flow, datasets: ReadonlyMap<string, Dataset>): void {
  const ds = datasets.get(f.dataset);
  l.flows[k] = f;
  l.start[k] = f.start === undefined ? OPEN_START : dateOrdinal(f.start);
  l.end[k] = f.end === undefined ? OPEN_END : dateOrdinal(f.end);
  l.dataset[k] = f.dataset;
  l.subjects[k] = usSubjectsOf(f, ds);
  l.devices[k] = usDevicesOf(f, ds);
  l.devicesFromPersons[k] = f.usDevices === undefined && ds?.usDevices === undefined ? 1 : 0;
  l.rejected[k] = f.offerRejected === undefined ? 0 : 1;
}

interface Volume {
  dataset: string;
  subjects: number;
  devices: number;
  devicesFromPersons: boolean;
}

/**
 * The flows of [off, off + len) active in the window (plus the one at `also`, when ≥ 0), aggregated.
 * Their ids are listed on first read: only reasons that name the aggregated flows read them.
 */
function aggregateOf(l: Layout, off: number, len: number, w: Window, also: number, window: Aggregate['window'], base?: Aggregate): Aggregate {
  const volumes: Volume[] = [];
  let byDataset: Map<string, Volume> | undefined;
  for (let i = off; i < off + len; i++) {
    if (i !== also && (l.rejected[i] === 1 || l.start[i]! > w.toOrd || l.end[i]! < w.fromOrd)) continue;
    const dataset = l.dataset[i]!;
    const subjects = l.subjects[i]!;
    const devices = l.devices[i]!;
    const fromPersons = l.devicesFromPersons[i] === 1;
    // Pairs usually carry a few datasets: a linear search, or a map once there are many.
    let v: Volume | undefined;
    if (byDataset) v = byDataset.get(dataset);
    else for (let j = 0; j < volumes.length && !v; j++) if (volumes[j]!.dataset === dataset) v = volumes[j];
    if (!v) {
      volumes.push((v = { dataset, subjects, devices, devicesFromPersons: fromPersons }));
      if (byDataset) byDataset.set(dataset, v);
      else if (volumes.length > 16) byDataset = new Map(volumes.map((x) => [x.dataset, x]));
    } else {
      if (subjects > v.subjects) v.subjects = subjects;
      if (devices > v.devices) v.devices = devices;
      if (fromPersons) v.devicesFromPersons = true;
    }
  }
  // By dataset id (ids are unique here). A few entries: insertion sort, without the scratch
  // array Array#sort makes; many: Array#sort.
  if (volumes.length > 32) volumes.sort((a, b) => (a.dataset < b.dataset ? -1 : 1));
  else for (let i = 1; i < volumes.length; i++) {
    const v = volumes[i]!;
    let j = i - 1;
    for (; j >= 0 && volumes[j]!.dataset > v.dataset; j--) volumes[j + 1] = volumes[j]!;
    volumes[j + 1] = v;
  }
  return new LaidOutAggregate(window, volumes, l, off, len, w, also, base);
}

/** An aggregate over a slice of the layout; `flows` is read off the slice on first use. */
class LaidOutAggregate implements Aggregate {
  private ids: readonly string[] | undefined;
  constructor(
    readonly window: Aggregate['window'],
    readonly datasets: readonly DatasetVolume[],
    private readonly l: Layout,
    private readonly off: number,
    private readonly len: number,
    private readonly w: Window,
    private readonly also: number,
    readonly base: Aggregate | undefined,
  ) {
    this.ids = undefined;
  }

  get flows(): readonly string[] {
    if (this.ids === undefined) {
      const { l, w } = this;
      const ids: string[] = [];
      for (let i = this.off; i < this.off + this.len; i++) if (i === this.also || (l.rejected[i] === 0 && l.start[i]! <= w.toOrd && l.end[i]! >= w.fromOrd)) ids.push(l.flows[i]!.id);
      this.ids = ids;
    }
    return this.ids;
  }
}

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
import type { Dataset, Flow, Inventory } from '../inventory/schema.js';
import { addMonths, startOfYear, type CivilDate } from '../time/civil-date.js';

export interface DatasetVolume {
  readonly dataset: string;
  /** Largest subject count among the aggregated flows carrying this dataset. */
  readonly subjects: number;
  /** US devices (precise geolocation counts devices, 202.205(c)). */
  readonly devices: number;
  readonly flows: readonly string[];
}

export interface Aggregate {
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
  readonly datasets: readonly DatasetVolume[];
  readonly flows: readonly string[];
}

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

function subjectsOf(flow: Flow, ds: Dataset | undefined, country: string): number {
  return flow.subjects?.[country] ?? ds?.subjects[country] ?? 0;
}

function aggregate(flows: readonly Flow[], datasets: ReadonlyMap<string, Dataset>, country: string, window: Aggregate['window']): Aggregate {
  const by = new Map<string, { subjects: number; devices: number; flows: string[] }>();
  for (const f of flows) {
    const ds = datasets.get(f.dataset);
    const cur = by.get(f.dataset) ?? { subjects: 0, devices: 0, flows: [] };
    cur.subjects = Math.max(cur.subjects, subjectsOf(f, ds, country));
    cur.devices = Math.max(cur.devices, f.usDevices ?? ds?.usDevices ?? 0);
    cur.flows.push(f.id);
    by.set(f.dataset, cur);
  }
  const list = [...by.entries()].map(([dataset, v]) => ({ dataset, ...v })).sort((a, b) => (a.dataset < b.dataset ? -1 : 1));
  return { window, datasets: list, flows: flows.map((f) => f.id) };
}

/**
 * The flows an exporter has counted in a window that starts on a fixed day (1 January), as of a
 * date: the largest subject count per dataset, and membership. Built for many dates at once.
 */
export interface WindowBase {
  readonly window: { readonly from: CivilDate; readonly to: CivilDate };
  /** Largest subject count per dataset among the admitted flows active in the window. */
  readonly perDataset: ReadonlyMap<string, number>;
  /** Is this flow among them? */
  has(flow: Flow): boolean;
}

export interface VolumeFacts {
  /** 202.205: the flow aggregated with the same (exporter, recipient) flows of the preceding 12 months. */
  usRolling12(flow: Flow): Aggregate;
  /**
   * Order 16: the exporter's flows since 1 January that `include` admits, plus this flow, counted
   * in distinct persons of `country` (CN).
   */
  cnSinceJanuary1(flow: Flow, include: (f: Flow) => boolean): Aggregate;
  /**
   * The exporter's flows admitted by `include` and active in [from, date], counted in distinct
   * persons of `country` (per dataset, the largest count). `include` must be a pure function of
   * the flow; results for the same (exporter, from, include) are built once in one sweep.
   */
  windowBase(exporter: string, from: CivilDate, date: CivilDate, country: string, include: (f: Flow) => boolean): WindowBase;
}

export function deriveVolumes(inv: Inventory, asOf: CivilDate): VolumeFacts {
  const datasets = new Map(inv.datasets.map((d) => [d.id, d]));
  const byPair = new Map<string, Flow[]>();
  const byExporter = new Map<string, Flow[]>();
  for (const f of inv.flows) {
    const x = exporterOf(f, inv);
    const pair = `${x}\u0000${f.recipient}`;
    (byPair.get(pair) ?? byPair.set(pair, []).get(pair)!).push(f);
    (byExporter.get(x) ?? byExporter.set(x, []).get(x)!).push(f);
  }
  const usCache = new Map<string, Aggregate>();
  const cnCache = new Map<string, { include: (f: Flow) => boolean; flows: Flow[] }>();

  // windowBase: per (exporter, window start, country, include), the admitted flows not ended
  // before the window opens, sorted by start; one snapshot of the per-dataset maxima after each
  // distinct start date. A query is then a binary search.
  interface Sweep {
    readonly include: (f: Flow) => boolean;
    readonly admitted: ReadonlySet<string>;
    readonly starts: CivilDate[];
    readonly snapshots: ReadonlyMap<string, number>[];
  }
  const sweeps = new Map<string, Sweep[]>();
  const EMPTY: ReadonlyMap<string, number> = new Map();
  const sweepFor = (x: string, from: CivilDate, country: string, include: (f: Flow) => boolean): Sweep => {
    const key = `${x}\u0000${from}\u0000${country}`;
    const list = sweeps.get(key) ?? [];
    const hit = list.find((w) => w.include === include);
    if (hit) return hit;
    const flows = (byExporter.get(x) ?? []).filter((f) => (f.end === undefined || f.end >= from) && include(f));
    // Undated starts sort first (taken as begun).
    flows.sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : 0));
    const starts: CivilDate[] = [];
    const snapshots: ReadonlyMap<string, number>[] = [];
    const current = new Map<string, number>();
    flows.forEach((f, i) => {
      const n = subjectsOf(f, datasets.get(f.dataset), country);
      if (n > (current.get(f.dataset) ?? 0)) current.set(f.dataset, n);
      else if (!current.has(f.dataset)) current.set(f.dataset, n);
      const next = flows[i + 1];
      if (!next || (next.start ?? '') !== (f.start ?? '')) {
        starts.push(f.start ?? '');
        snapshots.push(new Map(current));
      }
    });
    const sweep: Sweep = { include, admitted: new Set(flows.map((f) => f.id)), starts, snapshots };
    list.push(sweep);
    sweeps.set(key, list);
    return sweep;
  };

  return {
    windowBase(x, from, date, country, include) {
      const sweep = sweepFor(x, from, country, include);
      // Last snapshot whose start is on or before the date.
      let lo = 0;
      let hi = sweep.starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sweep.starts[mid]! <= date) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return {
        window: { from, to: date },
        perDataset: found >= 0 ? sweep.snapshots[found]! : EMPTY,
        has: (f) => sweep.admitted.has(f.id) && (f.start === undefined || f.start <= date),
      };
    },
    usRolling12(flow) {
      const date = judgedOn(flow, asOf);
      // "Preceding 12 months": inclusive of the same calendar day a year earlier (the conservative reading).
      const window = { from: addMonths(date, -12), to: date };
      const pair = `${exporterOf(flow, inv)}\u0000${flow.recipient}`;
      const key = `${pair}\u0000${date}`;
      let base = usCache.get(key);
      if (!base) {
        const group = (byPair.get(pair) ?? []).filter((f) => activeIn(f, window.from, window.to));
        base = aggregate(group, datasets, 'US', window);
        usCache.set(key, base);
      }
      if (base.flows.includes(flow.id)) return base;
      const group = (byPair.get(pair) ?? []).filter((f) => f.id === flow.id || activeIn(f, window.from, window.to));
      return aggregate(group, datasets, 'US', window);
    },
    cnSinceJanuary1(flow, include) {
      const date = judgedOn(flow, asOf);
      const window = { from: startOfYear(date), to: date };
      const x = exporterOf(flow, inv);
      const key = `${x}\u0000${date}`;
      let cached = cnCache.get(key);
      if (!cached || cached.include !== include) {
        const flows = (byExporter.get(x) ?? []).filter((f) => activeIn(f, window.from, window.to) && include(f));
        cached = { include, flows };
        cnCache.set(key, cached);
      }
      const flows = cached.flows.some((f) => f.id === flow.id) ? cached.flows : [...cached.flows, flow];
      return aggregate(flows, datasets, 'CN', window);
    },
  };
}

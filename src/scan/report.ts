/**
 * The scan result as printed with `--format json` (documented in docs/scan.md; stable):
 *
 *   {"sources":[{"source","records","fields":[{"field","types":[{"type","count","confidence"}]}],
 *                "subjects":{"<country>":{"estimate","error"}},
 *                "findings":[{"record","field","type","start","end","confidence","masked"}],
 *                ...additions below}],
 *    "total":{...}}
 *
 * Additions to the shape, all documented: per source `findingsTotal` (exact, while
 * `findings` keeps the first --max-findings), `categories` (taxonomy ids found), and, only for
 * sampled tables, `sample: {rows, of}` plus an `error` on every type count (counts are then
 * whole-table estimates). Top level: `total` (records and distinct subjects over all
 * sources, sketches merged) and, when something was not scanned, `skipped`.
 */
import type { CategoryId } from '../inventory/taxonomy.js';
import type { DetectionType, Finding, SourceScanResult } from './core/types.js';
import type { SubjectCounter } from './subjects/counter.js';
import { extrapolate, extrapolateDistinct, type Sample } from './subjects/extrapolate.js';
import type { Estimate } from './subjects/hll.js';
import type { Skipped } from './sources/types.js';

export interface TypeCount {
  readonly type: DetectionType;
  /** Exact for a full pass; for a sampled table, the whole-table estimate. */
  readonly count: number;
  readonly confidence: number;
  /** Only for sampled tables: 95 % half-width of `count`. */
  readonly error?: number;
}

export interface FieldReport {
  readonly field: string;
  readonly types: readonly TypeCount[];
}

export interface SourceReport {
  readonly source: string;
  /** Records read; for a sampled table, the table's row count (see `sample`). */
  readonly records: number;
  readonly sample?: Sample;
  readonly fields: readonly FieldReport[];
  readonly subjects: Readonly<Record<string, Estimate>>;
  readonly findings: readonly Finding[];
  readonly findingsTotal: number;
  readonly categories: readonly CategoryId[];
}

export interface ScanTotal {
  readonly sources: number;
  readonly records: number;
  /**
   * Distinct subjects over all sources: full-pass sources and merged sketches count each
   * subject once; sampled tables are added on top (their overlap is unknown), with errors
   * combined in quadrature.
   */
  readonly subjects: Readonly<Record<string, Estimate>>;
}

export interface ScanReport {
  readonly sources: readonly SourceReport[];
  readonly total: ScanTotal;
  readonly skipped?: readonly Skipped[];
}

/** One source's entry. `sample` scales counts and subjects to the whole table. */
export function sourceReport(source: string, result: SourceScanResult, subjects: SubjectCounter, sample?: Sample): SourceReport {
  const scaled = sample !== undefined && sample.rows < sample.of ? sample : undefined;
  const fields = result.fields.map((f) => ({
    field: f.field,
    types: f.types.map((t): TypeCount => {
      if (!scaled) return { type: t.type, count: t.count, confidence: t.confidence };
      const e = extrapolate(t.count, scaled);
      return { type: t.type, count: e.estimate, confidence: t.confidence, error: e.error };
    }),
  }));
  const subj: Record<string, Estimate> = {};
  for (const [j, e] of Object.entries(subjects.estimates())) {
    if (!scaled) subj[j] = e;
    else {
      const f = subjects.frequencies(j);
      if (f === undefined) subj[j] = extrapolate(e.estimate, scaled, e.error);
      else {
        const x = extrapolateDistinct(f, scaled);
        subj[j] = { estimate: x.estimate, error: x.error };
      }
    }
  }
  const categories = (Object.keys(result.categories) as CategoryId[]).filter((c) => (result.categories[c] ?? 0) > 0).sort();
  return {
    source,
    records: scaled ? scaled.of : result.records,
    ...(scaled ? { sample: scaled } : {}),
    fields,
    subjects: subj,
    findings: result.findings,
    findingsTotal: result.findingsTotal,
    categories,
  };
}

/**
 * Totals: `merged` holds the union of the full-pass sources' sketches (and any merged sketch
 * files); sampled sources' estimates are added to it.
 */
export function scanTotal(sources: readonly SourceReport[], merged: SubjectCounter): ScanTotal {
  const est: Record<string, { estimate: number; var: number }> = {};
  for (const [j, e] of Object.entries(merged.estimates())) est[j] = { estimate: e.estimate, var: e.error * e.error };
  for (const s of sources) {
    if (!s.sample) continue;
    for (const [j, e] of Object.entries(s.subjects)) {
      const t = (est[j] ??= { estimate: 0, var: 0 });
      t.estimate += e.estimate;
      t.var += e.error * e.error;
    }
  }
  const subjects: Record<string, Estimate> = {};
  for (const j of Object.keys(est).sort()) subjects[j] = { estimate: est[j]!.estimate, error: Math.ceil(Math.sqrt(est[j]!.var)) };
  return { sources: sources.length, records: sources.reduce((n, s) => n + s.records, 0), subjects };
}

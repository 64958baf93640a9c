/**
 * `scan()`: the library form of `datacustoms scan` — the CLI prints exactly what this returns.
 *
 *   const run = await scan(['data/', 'postgres://app@db/crm'], { sample: 1000 });
 *   run.report.sources[0].subjects.CN  // { estimate, error }
 *
 * Per target: open it (files, directories, database URLs), scan each unit (file or table)
 * into its own accumulator with a keyed subject sketch, and assemble the report. Nothing raw
 * leaves: findings are masked, record ids that carry a value are masked, subject keys are
 * hashed the moment they are produced.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../common/errors.js';
import { createSourceScanner } from './core/scanner.js';
import type { SourceScanner } from './core/types.js';
import { detect, mask } from './detectors/index.js';
import * as textReaders from './readers/index.js';
import { scanTotal, sourceReport, type ScanReport, type SourceReport } from './report.js';
import { openTarget, redactUrl } from './sources/index.js';
import { safeName, safeRecordId } from './sources/record-id.js';
import type { Skipped, SourceContext, SourceGroup, TextReaders, UnitOutcome } from './sources/types.js';
import { SubjectCounter } from './subjects/counter.js';
import { loadSubjectKey, type SubjectKey } from './subjects/key.js';
import { readSketchFile, sketchFile, type SketchFile, type SketchedSource } from './subjects/sketch-file.js';
import { datasetIdFor } from './dataset-id.js';
import type { DatasetUpdate } from './write-inventory.js';
import { pushAll } from '../common/arrays.js';

export type { ScanReport, SourceReport, FieldReport, TypeCount, ScanTotal } from './report.js';
export type { Estimate } from './subjects/hll.js';
export type { SketchFile } from './subjects/sketch-file.js';
// writeInventory (YAML, zod) is imported from './write-inventory.js' where it is used, so that a
// scan that writes no inventory does not load them.
export type { DatasetUpdate, WriteResult } from './write-inventory.js';

export interface ScanProgress {
  /** The unit being scanned (file path, `url#schema.table`). */
  readonly source: string;
  /** 1-based position of the unit among all units of the run, and their number so far. */
  readonly index: number;
  readonly count: number;
  readonly done: number;
  readonly size?: number;
  readonly unit: 'bytes' | 'rows';
}

export interface ScanOptions {
  /** Random rows per database table (absent: a full pass). */
  readonly sample?: number;
  /** Sampling seed (default 1): the same seed reads the same rows. */
  readonly seed?: number;
  /** Force a text encoding for files (iconv-lite name); default: detected per file. */
  readonly encoding?: string;
  /** Findings kept per source (counts stay exact). Default 1000. */
  readonly maxFindings?: number;
  /** Drop detections below this confidence (default: the detectors' threshold). */
  readonly minConfidence?: number;
  /** Secret for the subject hashes; default $DATACUSTOMS_SCAN_KEY or .datacustoms/scan.key. */
  readonly key?: string;
  /** Where the installation key lives (default `.datacustoms`). */
  readonly stateDir?: string;
  /** Sketch files (from an earlier `sketchOut`) to merge into the totals. */
  readonly merge?: readonly string[];
  readonly onProgress?: (p: ScanProgress) => void;
  /** Replace the text readers (tests). */
  readonly readers?: TextReaders;
}

export interface ScanRun {
  readonly report: ScanReport;
  /**
   * One sketch per jurisdiction over everything counted exactly in this run — the full-pass
   * sources and any merged sketch files — ready to save and merge later. (Union is
   * idempotent: saving a run that merged an earlier file and merging both later counts no
   * one twice.) Per-source sketches are not kept, so memory does not grow with the number of
   * files.
   */
  readonly sketches: SketchFile;
  /** Sources merged in from sketch files (already in `report.total`). */
  readonly merged: readonly SketchedSource[];
  readonly key: SubjectKey;
  /** Per source: format and encoding (for the text view). */
  readonly outcomes: readonly UnitOutcome[];
}

const defaultReaders: TextReaders = {
  readCsv: textReaders.readCsv,
  readJsonLines: textReaders.readJsonLines,
  readText: textReaders.readText,
};

export async function scan(targets: readonly string[], options: ScanOptions = {}): Promise<ScanRun> {
  if (targets.length === 0) throw new InputError({ file: '<argv>', message: 'nothing to scan: give files, directories or database URLs' });
  if (options.sample !== undefined && (!Number.isSafeInteger(options.sample) || options.sample < 1)) {
    throw new InputError({ file: '<argv>', path: '--sample', message: 'expected a positive whole number of rows' });
  }
  // The installation key is read (or made, on first use) only once something is to be counted:
  // a run that fails on its first target leaves no key file behind.
  let key: SubjectKey | undefined;
  const keyNow = (): SubjectKey => (key ??= loadSubjectKey({ ...(options.key !== undefined ? { explicit: options.key } : {}), ...(options.stateDir ? { stateDir: options.stateDir } : {}) }));
  const ctx: SourceContext = {
    readers: options.readers ?? defaultReaders,
    detect,
    mask,
    seed: options.seed ?? 1,
    ...(options.sample !== undefined ? { sample: options.sample } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
  };
  const merged: SketchedSource[] = [];
  // a sketch file's labels are shown and written too: masked like the labels of this run
  for (const f of options.merge ?? []) {
    let read: SketchedSource[];
    try {
      read = await readSketchFile(f, keyNow());
    } catch (e) {
      // a file given by mistake (an export, not a sketch) has its keys named in the error
      throw maskedFiles(e, ctx);
    }
    merged.push(...read.map((m) => ({ ...m, source: safeLabel(m.source, ctx) })));
  }
  const sources: SourceReport[] = [];
  const outcomes: UnitOutcome[] = [];
  const skipped: Skipped[] = [];
  let fullRecords = merged.reduce((n, m) => n + m.records, 0);
  let total: SubjectCounter | undefined;
  const totalNow = (): SubjectCounter => {
    if (total === undefined) {
      total = new SubjectCounter(keyNow());
      for (const m of merged) total.merge(m.counter);
    }
    return total;
  };
  let index = 0;
  let count = 0;
  // a file or table given twice (`a.csv ./a.csv`, a directory and a file in it) is scanned
  // once: twice would count its records twice and write two datasets for it
  const seen = new Set<string>();
  const firstTime = (name: string) => {
    const k = /^[a-z][a-z0-9+.-]*:\/\//i.test(name) ? name : samePath(name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
  for (const target of targets) {
    let group: SourceGroup;
    try {
      group = await openTarget(target, ctx);
    } catch (e) {
      throw maskedFiles(e, ctx);
    }
    try {
      totalNow();
      const units = group.units.filter((u) => firstTime(u.name));
      count += units.length;
      pushAll(skipped, group.skipped.filter((k) => firstTime(k.source)).map((k) => ({ ...k, source: safeLabel(k.source, ctx) })));
      for (const unit of units) {
        index++;
        // a sampled table also counts repeats, for the distinct-subject estimate
        const counter = new SubjectCounter(keyNow(), { frequencies: options.sample !== undefined && unit.unit === 'rows' });
        const scanner = createSourceScanner({
          subjectSink: counter,
          ...(options.maxFindings !== undefined ? { maxFindings: options.maxFindings } : {}),
          ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
        });
        const at = index;
        const shown = safeLabel(unit.name, ctx);
        const report = (done: number) => options.onProgress?.({ source: shown, index: at, count, done, unit: unit.unit, ...(unit.size !== undefined ? { size: unit.size } : {}) });
        report(0);
        let outcome: UnitOutcome;
        try {
          outcome = await unit.run(safeIds(scanner, ctx), report);
        } catch (e) {
          throw maskedFiles(e, ctx);
        }
        const result = scanner.result();
        scanner.release?.();
        const entry = sourceReport(safeLabel(unit.name, ctx), result, counter, outcome.sample);
        sources.push(entry);
        outcomes.push(outcome);
        if (!entry.sample) {
          fullRecords += result.records;
          totalNow().merge(counter);
        }
      }
    } finally {
      await group.close();
    }
  }
  const report: ScanReport = {
    sources,
    total: scanTotal(sources, totalNow()),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
  const label = [...targets.map((t) => safeLabel(redactUrl(t), ctx)), ...merged.map((m) => m.source)].join(' + ');
  return { report, sketches: sketchFile(keyNow(), [{ source: label, records: fullRecords, counter: totalNow() }]), merged, key: keyNow(), outcomes };
}

/**
 * The file a unit name (`a.csv`, `app.db#table`) stands for, with symbolic links resolved: a
 * file reached under two names (a link beside its target in a directory) is one source, not
 * two with its records counted twice.
 */
function samePath(name: string): string {
  const real = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const whole = real(name);
  if (whole !== undefined) return whole;
  // `file.db#table`: the file is the first prefix before a `#` that exists
  for (let hash = name.indexOf('#'); hash > 0; hash = name.indexOf('#', hash + 1)) {
    const file = real(name.slice(0, hash));
    if (file !== undefined) return file + name.slice(hash);
  }
  return resolve(name);
}

/**
 * Error messages name the file or table, a path of keys, and sometimes a quoted name: a name
 * that is a value is masked there too.
 */
function maskedFiles(e: unknown, ctx: SourceContext): unknown {
  if (!(e instanceof InputError)) return e;
  // names quoted in the message (`no table named "…"`) may be values too
  const message = (m: string) => m.replace(/"([^"\n]*)"/g, (_, q: string) => `"${safeName(q, ctx.detect, ctx.mask)}"`);
  return new InputError(
    e.problems.map((p) => ({
      ...p,
      ...(p.file === undefined || p.file === '<argv>' ? {} : { file: safeLabel(p.file, ctx) }),
      ...(p.path === undefined ? {} : { path: safeName(p.path, ctx.detect, ctx.mask) }),
      message: message(p.message),
    })),
  );
}

/**
 * File and table names can be values too (`11010519491231002X.json`, a table per customer
 * e-mail): detected spans in a path, or in the table part (`#schema.table`, `?table=…`) of a
 * database label, are masked. The URL part of a database label (host, user) is left as it is.
 */
function safeLabel(name: string, ctx: SourceContext): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
    // `url#schema.table`, and `url?table=…` (the label of a run in a sketch file)
    const at = name.search(/[?#]/);
    return at < 0 ? name : name.slice(0, at) + safeName(name.slice(at), ctx.detect, ctx.mask);
  }
  return name
    .split(/([\\/#])/)
    .map((part) => (part === '/' || part === '\\' || part === '#' ? part : safeName(part, ctx.detect, ctx.mask)))
    .join('');
}

/**
 * Record ids and field names come from the data (primary keys, `id` fields, CSV headers,
 * JSON keys) and are printed in the report, so both pass through the masker before the
 * accumulator keeps them: a key or a header that is itself an ID or an e-mail address is
 * shown masked. Field names are checked once each.
 */
function safeIds(inner: SourceScanner, ctx: SourceContext): SourceScanner {
  const safe = (id: string | number) => safeRecordId(id, ctx.detect, ctx.mask);
  const names = new Map<string, string>();
  const field = (name: string): string => {
    let s = names.get(name);
    if (s === undefined) {
      s = safeName(name, ctx.detect, ctx.mask);
      if (names.size < 100_000) names.set(name, s);
    }
    return s;
  };
  const wrapper: SourceScanner = {
    beginRecord: (id) => inner.beginRecord(safe(id)),
    setRecordId: (id) => inner.setRecordId(safe(id)),
    scanRecord: (id, fields) => {
      const safeFields: [string, string][] = [];
      for (const [f, v] of fields) safeFields.push([field(f), v]);
      inner.scanRecord(safe(id), safeFields);
    },
    scanField: (f, value) => inner.scanField(field(f), value),
    endRecord: () => inner.endRecord(),
    result: () => inner.result(),
  };
  // keep the readers' allocation-free path when the accumulator has one
  if (inner.slot && inner.scanSlot) {
    const slot = inner.slot.bind(inner);
    const scanSlot = inner.scanSlot.bind(inner);
    return { ...wrapper, slot: (f: string) => slot(field(f)), scanSlot };
  }
  return wrapper;
}

/**
 * The datasets a run writes into an inventory: one per source, or — with `dataset` — one for
 * everything scanned (and merged), whose subject counts are the run's distinct totals.
 */
export function inventoryUpdates(run: ScanRun, opts: { dataset?: string; at?: string } = {}): { updates: DatasetUpdate[]; empty: string[] } {
  const at = opts.at ?? new Date().toISOString();
  const counts = (subjects: Readonly<Record<string, { estimate: number; error: number }>>) => {
    const s: Record<string, number> = {};
    const e: Record<string, number> = {};
    for (const [j, v] of Object.entries(subjects)) {
      if (!/^[A-Z]{2}$/.test(j)) continue;
      s[j] = v.estimate;
      e[j] = v.error;
    }
    return { subjects: s, errors: e };
  };
  const empty: string[] = [];
  if (opts.dataset !== undefined) {
    const categories = [...new Set(run.report.sources.flatMap((s) => s.categories))].sort();
    // each source once: a sketch merged from an earlier scan of the same file names it again
    const label = [...new Set([...run.report.sources.map((s) => s.source), ...run.merged.map((m) => m.source)])].join(', ');
    if (categories.length === 0) return { updates: [], empty: [opts.dataset] };
    return { updates: [{ id: opts.dataset, categories, ...counts(run.report.total.subjects), source: label, at }], empty };
  }
  const updates: DatasetUpdate[] = [];
  const used = new Map<string, number>();
  for (const s of run.report.sources) {
    let id = datasetIdFor(s.source);
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    if (s.categories.length === 0) {
      empty.push(s.source);
      continue;
    }
    updates.push({ id, name: s.source, categories: s.categories, ...counts(s.subjects), source: s.source, at });
  }
  return { updates, empty };
}

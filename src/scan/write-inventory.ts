/**
 * `scan --write-inventory FILE`: adds or updates `datasets` entries in a YAML or JSON
 * inventory file so `check` uses what the scan found. YAML keeps its comments, order and
 * style (the yaml Document API edits nodes in place); JSON is rewritten with the indentation
 * it had (on one line if it was). The file is validated after the edit (as an inventory part) and written
 * atomically; on any problem nothing is written.
 *
 * Merge rules (a scan proves presence, not absence; see docs/scan.md):
 * - categories: the union of those declared and those found;
 * - subjects: each country the scan counted is set to the scan's estimate; others stay;
 * - scan: {source, at, error} is replaced (error: the 95 % half-width per country).
 */
import { existsSync } from 'node:fs';
import { readWhole } from '../common/read-whole.js';
import { extname } from 'node:path';
import { isMap, isSeq, parseDocument, visit, type Document, type YAMLMap } from 'yaml';
import { InputError } from '../common/errors.js';
import { writeFileAtomic } from '../cli/io.js';
import { Dataset, InventoryPart } from '../inventory/schema.js';
import { CATEGORY_IDS, type CategoryId } from '../inventory/taxonomy.js';
import { detect, mask } from './detectors/index.js';
import { safeName, safeRecordId } from './sources/record-id.js';
import { parsePart, parseSource } from '../inventory/load.js';
import type { InputProblem } from '../common/errors.js';

export interface DatasetUpdate {
  readonly id: string;
  /** Used only when the dataset is new. */
  readonly name?: string;
  readonly categories: readonly CategoryId[];
  /** Distinct subjects by country (estimates, rounded). */
  readonly subjects: Readonly<Record<string, number>>;
  /** 95 % half-width of each subject count. */
  readonly errors: Readonly<Record<string, number>>;
  readonly source: string;
  /** ISO 8601 timestamp of the scan. */
  readonly at: string;
}

export interface WriteResult {
  readonly added: readonly string[];
  readonly updated: readonly string[];
}

const COUNTRY = /^[A-Z]{2}$/;

export { datasetIdFor } from './dataset-id.js';

function check(update: DatasetUpdate, file: string): void {
  const parsed = Dataset.safeParse({ id: update.id, categories: update.categories, subjects: update.subjects, scan: { source: update.source, at: update.at, error: update.errors } });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError({ file, path: `datasets[id=${update.id}].${issue.path.join('.')}`, message: issue.message });
  }
}

/** Applies the updates to FILE (created when missing). */
export function writeInventory(file: string, updates: readonly DatasetUpdate[]): WriteResult {
  const plan = planInventory(file, updates);
  try {
    writeFileAtomic(file, plan.text);
  } catch (e) {
    throw new InputError({ file, message: `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  return { added: plan.added, updated: plan.updated };
}

/**
 * The new text of FILE with the updates applied, without writing it (so a caller writing
 * several files can check them all first). Throws InputError when FILE cannot be read or
 * is not a valid inventory.
 */
export function planInventory(file: string, updates: readonly DatasetUpdate[]): WriteResult & { readonly text: string } {
  for (const u of updates) check(u, file);
  const json = extname(file).toLowerCase() === '.json';
  const exists = existsSync(file);
  let text = '';
  if (exists) {
    try {
      text = readWhole(file, 'an inventory file').toString('utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a directory; give an inventory file' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message)}` });
    }
  }
  if (exists && text.trim() !== '') checkAsCheckDoes(file, text);
  const result = json ? editJson(file, text, updates) : editYaml(file, text, updates);
  const part = InventoryPart.safeParse(result.data);
  if (!part.success) {
    const issue = part.error.issues[0]!;
    // a key is quoted from the file, which may be data given by mistake: mask a value in it
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.map((k) => JSON.stringify(String(safeRecordId(k, detect, mask)))).join(', ')}`
        : issue.message;
    throw new InputError({
      file,
      path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '['),
      message: `${message} (the inventory is not valid; fix it before writing scan results into it)`,
    });
  }
  return { text: result.text, added: result.added, updated: result.updated };
}

/**
 * The file as it stands, validated as `check` reads an inventory part: every problem at its
 * line:column and field, in check's words. A file holding nothing yet (only comments) is left
 * for the edit to fill.
 */
function checkAsCheckDoes(file: string, text: string): void {
  try {
    const src = parseSource(file, text);
    if (src.data === undefined && src.doc.contents === null) return;
    parsePart(src);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(e.problems.map((p) => masked(p)));
  }
}

/**
 * A problem with what it quotes from the file masked: the file may be a data file given as the
 * inventory by mistake, whose keys and values are the data (check reads only inventories).
 */
function masked(p: InputProblem): InputProblem {
  // a YAML alias or anchor name (*name, &name) is text from the file too
  const message = p.message.replace(/([*&])[^\s"*&,)\]}]+/g, '$1…').replace(/"((?:[^"\\]|\\.)*)"/g, (quoted) => {
    try {
      return JSON.stringify(String(safeRecordId(JSON.parse(quoted) as string, detect, mask)));
    } catch {
      return quoted;
    }
  });
  return { ...p, ...(p.path !== undefined ? { path: safeName(p.path, detect, mask) } : {}), message };
}

interface Edited {
  text: string;
  data: unknown;
  added: string[];
  updated: string[];
}

function mergedCategories(existing: unknown, found: readonly CategoryId[]): string[] {
  const have = Array.isArray(existing) ? existing.filter((c): c is string => typeof c === 'string') : [];
  const out = [...have];
  for (const c of [...found].sort((a, b) => CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b))) if (!out.includes(c)) out.push(c);
  return out;
}

function sortedRecord(r: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(r).filter((k) => COUNTRY.test(k)).sort()) out[k] = r[k]!;
  return out;
}

function scanField(u: DatasetUpdate): Record<string, unknown> {
  return { source: u.source, at: u.at, error: sortedRecord(u.errors) };
}

function editJson(file: string, text: string, updates: readonly DatasetUpdate[]): Edited {
  let data: Record<string, unknown> = {};
  if (text.trim().length > 0) {
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      // V8's message can quote the text around the error (`Unexpected token 'x', "…" is not
      // valid JSON`): only its place is kept
      throw new InputError({ file, ...jsonErrorPlace(e, text), message: 'invalid JSON' });
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InputError({ file, line: 1, column: 1, message: 'expected an object (an inventory)' });
  }
  if (data['datasets'] !== undefined && !Array.isArray(data['datasets'])) throw new InputError({ file, path: 'datasets', message: 'expected a list' });
  const datasets = (data['datasets'] ??= []) as Record<string, unknown>[];
  const added: string[] = [];
  const updated: string[] = [];
  for (const u of updates) {
    const d = datasets.find((x) => x !== null && typeof x === 'object' && x['id'] === u.id);
    if (d) {
      d['categories'] = mergedCategories(d['categories'], u.categories);
      const subj = d['subjects'] !== null && typeof d['subjects'] === 'object' && !Array.isArray(d['subjects']) ? (d['subjects'] as Record<string, number>) : {};
      d['subjects'] = sortedRecord({ ...subj, ...u.subjects });
      d['scan'] = scanField(u);
      updated.push(u.id);
    } else {
      datasets.push({ id: u.id, ...(u.name ? { name: u.name } : {}), categories: mergedCategories([], u.categories), subjects: sortedRecord(u.subjects), scan: scanField(u) });
      added.push(u.id);
    }
  }
  return { text: JSON.stringify(data, null, jsonIndent(text)) + '\n', data, added, updated };
}

/**
 * The indentation a JSON text is written with, to write it back the same way: the leading
 * whitespace of its first indented line (two spaces, four, a tab), none for JSON on one line,
 * two spaces for an empty file.
 */
export function jsonIndent(text: string): string | number {
  const indented = /\n([ \t]+)\S/.exec(text);
  if (indented) return indented[1]!;
  return text.trim().length === 0 ? 2 : 0;
}

/** Line and column (1-based) of a JSON.parse error, from V8's "position N" or "line L column C". */
function jsonErrorPlace(e: unknown, text: string): { line?: number; column?: number } {
  const msg = (e as Error).message ?? '';
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const p = /position (\d+)/.exec(msg);
  if (!p) return {};
  const at = Math.min(Number(p[1]), text.length);
  const before = text.slice(0, at);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: at - nl };
}

function editYaml(file: string, text: string, updates: readonly DatasetUpdate[]): Edited {
  const doc: Document = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new InputError({ file, line: pos?.line, column: pos?.col, message: `syntax error: ${e.message.split('\n')[0]}` });
  }
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new InputError({ file, line: 1, column: 1, message: 'expected a mapping (an inventory)' });
  let seq = doc.get('datasets');
  if (seq === undefined || seq === null) {
    doc.set('datasets', doc.createNode([]));
    seq = doc.get('datasets');
  }
  if (!isSeq(seq)) throw new InputError({ file, path: 'datasets', message: 'expected a list' });
  const added: string[] = [];
  const updated: string[] = [];
  for (const u of updates) {
    const item = seq.items.find((it): it is YAMLMap => isMap(it) && it.get('id') === u.id);
    if (item) {
      const cats = item.get('categories');
      const existing = isSeq(cats) ? cats.items.map((n) => (n !== null && typeof n === 'object' && 'value' in n ? (n as { value: unknown }).value : n)) : [];
      const merged = mergedCategories(existing, u.categories);
      if (isSeq(cats)) {
        for (const c of merged.slice(existing.length)) cats.add(doc.createNode(c));
      } else item.set('categories', doc.createNode(merged));
      let subj = item.get('subjects');
      if (!isMap(subj)) {
        item.set('subjects', doc.createNode({}));
        subj = item.get('subjects');
      }
      const sm = subj as YAMLMap;
      for (const [c, n] of Object.entries(sortedRecord(u.subjects))) sm.set(c, n);
      item.set('scan', doc.createNode(scanField(u)));
      updated.push(u.id);
    } else {
      seq.add(doc.createNode({ id: u.id, ...(u.name ? { name: u.name } : {}), categories: mergedCategories([], u.categories), subjects: sortedRecord(u.subjects), scan: scanField(u) }));
      added.push(u.id);
    }
  }
  // first as data: an alias without its anchor makes toString() throw too
  const data = yamlData(file, text, doc);
  return { text: doc.toString({ lineWidth: 0 }), data, added, updated };
}

/**
 * The document as data. An alias without its anchor, or aliases that expand beyond the yaml
 * library's limit (a "billion laughs" file), is bad input naming the line — not an internal
 * error quoting the alias's name, which is text from the file.
 */
function yamlData(file: string, text: string, doc: Document): unknown {
  try {
    return doc.toJS();
  } catch (e) {
    let at: number | undefined;
    visit(doc, {
      Alias(_, node) {
        if (at === undefined && node.resolve(doc) === undefined) at = node.range?.[0];
      },
    });
    const excessive = /excessive alias/i.test((e as Error).message ?? '');
    const line = at === undefined ? undefined : text.slice(0, at).split('\n').length;
    const column = at === undefined ? undefined : at - text.lastIndexOf('\n', at - 1);
    const message = excessive
      ? 'aliases expand to too many nodes (over the YAML reader\'s limit)'
      : at !== undefined
        ? 'an alias (*…) whose anchor (&…) is not set before it'
        : 'the YAML document cannot be resolved';
    throw new InputError({ file, ...(line !== undefined && !excessive ? { line, column } : {}), message: `syntax error: ${message}` });
  }
}

/**
 * Reading inventories from disk: YAML or JSON, one file, several files, or directories of
 * them, merged into one inventory. Every problem is reported with file, line:column and the
 * field path; nothing is half-loaded.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseDocument, LineCounter, isAlias, isMap, isPair, isSeq, isNode, isScalar, type Alias, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { decodeUtf8 } from '../common/utf8.js';
import { refuseDevice } from '../common/input-kind.js';
import { readWhole } from '../common/read-whole.js';
import { unreachablePath } from '../common/fs-errors.js';
import { InputError, type InputProblem } from '../common/errors.js';
import { InventoryPart, type Inventory, type InventoryPart as Part } from './schema.js';
import { checkReferences, type Located } from './references.js';
import { looksLikeJson, parseStrictJson } from './json-fast.js';
import { nearestWord, unknownCategory } from './category-words.js';
import { CATEGORY_IDS } from './taxonomy.js';
import { notACalendarDay } from '../time/calendar-day.js';
import { pushAll } from '../common/arrays.js';

/** The files a directory given as an inventory is read for. */
export const INVENTORY_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json']);

/**
 * Folders a directory given as an inventory is not read in (besides those whose name starts
 * with a dot, such as .git): installed packages, whose package.json files are not inventories.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);

/** A parsed source document, kept for locating problems in it later. */
export interface SourceDoc {
  readonly file: string;
  /** The document with positions (for JSON read on the fast path: parsed on first use). */
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain data, when the text was read on the JSON fast path (json-fast.ts). */
  readonly data?: unknown;
}

/**
 * Expands directories (recursively, sorted) into inventory files. A file named more than once —
 * the same path twice, a file and a directory holding it, or two links to it — is read once,
 * where first named.
 */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    // The same file under two names (a symbolic or a hard link) is the same device and inode.
    let key = file;
    try {
      const st = statSync(file);
      key = `${st.dev}:${st.ino}`;
    } catch {
      try {
        key = realpathSync(file);
      } catch {
        // unreadable: reported when it is read
      }
    }
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const p of paths) {
    if (p === '') throw new InputError({ file: '""', message: 'an empty path: name an inventory file or a directory' });
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if (p === '-' && (e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError({ file: '-', message: 'no such file (to read an inventory from standard input, name /dev/stdin)' });
      throw new InputError({ file: p, message: unreachablePath(e, 'directory') });
    }
    if (st.isDirectory()) {
      const found = walk(p).filter((f) => INVENTORY_EXTENSIONS.has(extname(f).toLowerCase()));
      if (found.length === 0) throw new InputError({ file: p, message: 'directory holds no .yaml, .yml or .json file' });
      for (const f of found) add(f);
    } else {
      refuseDevice(p, st);
      add(p);
    }
  }
  return out;
}

function walk(dir: string): string[] {
  let listed;
  try {
    listed = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError({ file: dir, message: `cannot read the folder (${(e as Error).message})` });
  }
  const entries = listed.sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) pushAll(files, walk(full));
    }
    else if (e.isFile() || (e.isSymbolicLink() && isFileBehindLink(full))) files.push(full);
  }
  return files;
}

/** A symbolic link to a file is read like the file; one to a directory is not followed (no loops). */
function isFileBehindLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Parses YAML/JSON text; syntax errors become InputErrors with line and column. Strict JSON is
 * read with `JSON.parse` and its positions parsed only if a problem needs locating.
 */
export function parseSource(file: string, text: string): SourceDoc {
  const body = text.replace(/^\uFEFF/, '');
  if (looksLikeJson(body)) {
    const data = parseStrictJson(body);
    if (data !== undefined) return new LazySource(file, body, data);
  }
  if (extname(file).toLowerCase() !== '.json') return withPositions(file, body);
  // Comments are not JSON, and YAML does not read // or /* as comments: the comment would become
  // part of a key or value.
  const jsonError = jsonParseError(body);
  const comment = jsonCommentAt(body, jsonError);
  if (comment) throw new InputError({ file, ...comment, message: 'syntax error (JSON): a comment is not JSON: remove it, or write the file as YAML (# comments)' });
  // A .json file the YAML parser also rejects: JSON's own words say what is wrong with it
  // (the YAML parser's, about flow maps and implicit keys, would puzzle its author).
  try {
    return withPositions(file, body);
  } catch (e) {
    const problem = e instanceof InputError ? jsonSyntaxProblem(file, body, jsonError, e.problems[0]) : undefined;
    if (problem) throw new InputError(problem);
    throw e;
  }
}

/**
 * JSON.parse's account of a syntax error (V8: "Expected ',' or '}' after property value in JSON
 * at position 11"), at its position when it gives one, else where the YAML parser stopped.
 */
function jsonSyntaxProblem(file: string, body: string, message: string | undefined, fallback: InputProblem | undefined): InputProblem | undefined {
  if (message === undefined) return undefined;
  const at = /\s+(?:in|after) JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  let text = at ? message.slice(0, at.index) : message.replace(/, ".*" is not valid JSON$/s, '');
  if (at && /^\s+after JSON/.test(message.slice(at.index))) text += ' after the JSON value (a file holds one)';
  text = text.charAt(0).toLowerCase() + text.slice(1);
  if (at) return { file, ...positionOf(body, Number(at[1])), message: `syntax error (JSON): ${text}` };
  return { ...fallback, file, message: `syntax error (JSON): ${text}` };
}

/** Where JSON.parse stopped at a comment (// or /*), if it did. */
function jsonCommentAt(body: string, message: string | undefined): { line: number; column: number } | undefined {
  if (message === undefined) return undefined;
  const at = /in JSON at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : -1;
  if (offset < 0 || body[offset] !== '/' || (body[offset + 1] !== '/' && body[offset + 1] !== '*')) return undefined;
  return positionOf(body, offset);
}

/** JSON.parse's message for the text, or undefined when it is JSON. */
function jsonParseError(body: string): string | undefined {
  try {
    JSON.parse(body);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** 1-based line and column of a character offset. */
function positionOf(body: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = body.indexOf('\n'); i >= 0 && i < offset; i = body.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The document with the position of every node (the YAML parser; JSON is YAML). */
function withPositions(file: string, body: string): { file: string; doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(body, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    throw new InputError({ file, message: `cannot parse: ${e instanceof RangeError ? 'the document is nested too deeply' : (e as Error).message}` });
  }
  if (doc.errors.length > 0) {
    const twice = doc.errors.some((e) => e.code === 'DUPLICATE_KEY') ? repeatedKeys(doc) : new Map<number, RepeatedKey>();
    throw new InputError(
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const repeated = e.code === 'DUPLICATE_KEY' ? twice.get(e.pos[0]) : undefined;
        if (repeated) {
          const first = lines.linePos(repeated.first);
          const where = first.line === pos.line ? `at line ${first.line}, column ${first.col}` : `on line ${first.line}`;
          return { file, line: pos.line, column: pos.col, path: formatPath(repeated.path), message: `the key "${shown(repeated.key)}" is written twice in this mapping (first ${where}): keep one` };
        }
        return { file, line: pos.line, column: pos.col, message: yamlProblem(e.code, e.message, body, e.pos[0]) };
      }),
    );
  }
  const yaml = doc.directives?.yaml;
  if (yaml?.explicit && yaml.version === '1.1') {
    const pos = lines.linePos(Math.max(0, body.indexOf('%YAML')));
    throw new InputError({
      file,
      line: pos.line,
      column: pos.col,
      message: 'this file declares YAML 1.1 (%YAML 1.1), which reads NO, yes, on and off as true or false, 0123 as octal and dates as timestamps; an inventory is read as YAML 1.2: remove the %YAML line',
    });
  }
  const cycle = aliasInsideItsAnchor(doc);
  if (cycle) {
    const pos = lines.linePos(cycle.range?.[0] ?? 0);
    throw new InputError({ file, line: pos.line, column: pos.col, message: `the alias *${shown(cycle.source)} is inside the value its anchor &${shown(cycle.source)} names, so that value would contain itself: write the value out` });
  }
  const oddKeys = findNodes(doc, (node) => isMap(node) && node.items.some((pair) => !isScalar(pair.key) || pair.key.value === null));
  if (oddKeys.length > 0) {
    throw new InputError(
      oddKeys.flatMap(({ node }) =>
        (isMap(node) ? node.items : [])
          .filter((pair) => !isScalar(pair.key) || pair.key.value === null)
          .map((pair) => {
            const offset = isNode(pair.key) ? pair.key.range?.[0] : isNode(pair.value) ? pair.value.range?.[0] : undefined;
            const pos = offset === undefined ? {} : { line: lines.linePos(offset).line, column: lines.linePos(offset).col };
            return { file, ...pos, message: 'a key must be a plain word, not a list, a mapping or nothing' };
          }),
      ),
    );
  }
  const tagged = taggedNodes(doc);
  if (tagged.length > 0) {
    throw new InputError(
      tagged.map(({ node, path }) => {
        const pos = lines.linePos(node.range?.[0] ?? 0);
        const tag = node.tag!.startsWith(YAML_TAG) ? `!!${node.tag!.slice(YAML_TAG.length)}` : node.tag!;
        return { file, line: pos.line, column: pos.col, path: formatPath(path), message: `the tag ${shown(tag)} is not read in an inventory (plain YAML only: strings, numbers, true or false, lists and mappings): remove it` };
      }),
    );
  }
  return { file, doc, lines };
}

/** The prefix of the tags the YAML spec defines (!!str is `tag:yaml.org,2002:str`). */
const YAML_TAG = 'tag:yaml.org,2002:';
/** Tags of plain data, which an inventory may spell out (`!!str 0123`). */
const PLAIN_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => YAML_TAG + t));

/** A step down the document: the field or index, and the step above (paths are built only when asked for). */
interface Step {
  readonly parent: Step | undefined;
  readonly key: PropertyKey;
}

function pathOf(step: Step | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let s = step; s; s = s.parent) path.push(s.key);
  return path.reverse();
}

/** The first node of the document (in document order) that `wanted` picks, with its field path; or every one. */
function findNodes(doc: Document.Parsed, wanted: (node: Node) => boolean, firstOnly = false): { node: Node; path: PropertyKey[] }[] {
  const out: { node: Node; path: PropertyKey[] }[] = [];
  const stack: { node: unknown; step: Step | undefined }[] = [{ node: doc.contents, step: undefined }];
  while (stack.length > 0) {
    const { node, step } = stack.pop()!;
    if (!isNode(node)) continue;
    if (wanted(node)) {
      out.push({ node, path: pathOf(step) });
      if (firstOnly) break;
    }
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        stack.push({ node: pair.value, step: { parent: step, key: String(key) } }, { node: pair.key, step });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], step: { parent: step, key: i } });
    }
  }
  return out;
}

/**
 * The first alias (in document order) that names an anchor on one of the nodes it is inside of:
 * `&a { self: *a }` is a value that contains itself, which no inventory can be (and which the
 * YAML library's reading would follow without end). An alias names the last node before it that
 * carries its anchor, in the order the library visits them (a node before its children, a key
 * before its value).
 */
function aliasInsideItsAnchor(doc: Document.Parsed): Alias | undefined {
  const last = new Map<string, Node>();
  const open = new Set<Node>();
  const stack: { node: unknown; leave: boolean }[] = [{ node: doc.contents, leave: false }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (!isNode(node)) continue;
    if (leave) {
      open.delete(node);
      continue;
    }
    if (isAlias(node)) {
      const target = last.get(node.source);
      if (target !== undefined && open.has(target)) return node;
      continue;
    }
    if (node.anchor) last.set(node.anchor, node);
    open.add(node);
    stack.push({ node, leave: true });
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        if (isPair(pair)) stack.push({ node: pair.value, leave: false }, { node: pair.key, leave: false });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], leave: false });
    }
  }
  return undefined;
}

/** Nodes carrying a tag other than those of plain data (!custom, !!js/function, !!binary, !!set…). */
function taggedNodes(doc: Document.Parsed): { node: Node; path: PropertyKey[] }[] {
  return findNodes(doc, (node) => !isAlias(node) && node.tag !== undefined && !PLAIN_TAGS.has(node.tag));
}

/** A key written again in the same mapping: its path, and the offset where it was first written. */
interface RepeatedKey {
  readonly key: string;
  readonly path: readonly PropertyKey[];
  readonly first: number;
}

/** Every repeated scalar key of the document, by the offset of the repetition. */
function repeatedKeys(doc: Document.Parsed): Map<number, RepeatedKey> {
  const out = new Map<number, RepeatedKey>();
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      const firstAt = new Map<unknown, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const at = isNode(pair.key) ? pair.key.range?.[0] : undefined;
        if (key !== undefined && at !== undefined) {
          const first = firstAt.get(key);
          if (first === undefined) firstAt.set(key, at);
          else out.set(at, { key: String(key), path: [...path, String(key)], first });
        }
        if (isScalar(pair.key) && (typeof key === 'string' || typeof key === 'number')) stack.push({ node: pair.value, path: [...path, String(key)] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return out;
}

/** A name or value as shown in a message: cut past 60 characters, so a huge one stays one readable line. */
function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * The YAML parser's account of a problem, in the user's terms where its own names its API or
 * its stack (a document nested past the stack, a second document after `---`).
 */
function yamlProblem(code: string, message: string, body: string, offset: number): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BLOCK_IN_FLOW') {
    const hint = colonInPlainValue(body, offset, code === 'BLOCK_IN_FLOW');
    if (hint) return `syntax error: ${hint}`;
  }
  if (code === 'MULTIPLE_DOCS') return 'syntax error: a second YAML document starts here (after ---): an inventory file holds one document; put the other in a file of its own';
  if (code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(message)) return 'cannot parse: the document is nested too deeply';
  return `syntax error: ${message.split('\n')[0]}`;
}

/**
 * `name: Acme: the company`: a plain value holding ": " reads as a mapping where a value was
 * expected, which the YAML parser reports as "Nested mappings are not allowed in compact
 * mappings". The value starts at `offset`; the hint shows the line with the value quoted.
 */
function colonInPlainValue(body: string, offset: number, inFlow: boolean): string | undefined {
  const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = body.indexOf('\n', offset);
  const rest = body.slice(offset, lineEnd < 0 ? body.length : lineEnd).replace(/\r$/, '');
  // the value as written: to a comment (" #"), and in a flow mapping to its next , } or ]
  let value = rest.replace(/\s+#.*$/, '');
  if (inFlow) value = value.replace(/\s*[,}\]].*$/, '');
  value = value.trimEnd();
  if (!value.includes(': ') || /^['"[{&*!|>]/.test(value)) return undefined;
  const key = body.slice(lineStart, offset).replace(/^[\s-]*/, '').replace(/^.*[{,]\s*/, '');
  if (!/:\s*$/.test(key)) return undefined;
  return `the value ${shown(JSON.stringify(value))} holds ": ", which YAML reads as the start of another key: quote the value (${shown(`${key.trimEnd()} ${JSON.stringify(value)}`)})`;
}

/** JSON read on the fast path: its data now, its positions when first asked for. */
class LazySource implements SourceDoc {
  private positions: { doc: Document.Parsed; lines: LineCounter } | undefined;
  constructor(
    readonly file: string,
    private readonly body: string,
    readonly data: unknown,
  ) {
    this.positions = undefined;
  }
  get doc(): Document.Parsed {
    return (this.positions ??= withPositions(this.file, this.body)).doc;
  }
  get lines(): LineCounter {
    return (this.positions ??= withPositions(this.file, this.body)).lines;
  }
}

/** Finds line and column of the node at `path` (or its closest existing ancestor). */
export function locate(src: SourceDoc, path: readonly PropertyKey[], atKey = false): { line?: number; column?: number } {
  let node: unknown = src.doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  let keyNode: Node | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => String(isNode(it.key) ? (it.key as { value?: unknown }).value : it.key) === String(seg));
      if (!pair) break;
      keyNode = isNode(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      keyNode = undefined;
    } else break;
    if (isNode(node)) best = node;
    else if (keyNode) best = keyNode;
  }
  if (atKey && keyNode) best = keyNode;
  const offset = best?.range?.[0];
  if (offset === undefined) return {};
  const pos = src.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${shown(String(seg))}` : shown(String(seg));
  return s;
}

function zodProblems(src: SourceDoc, error: z.ZodError, data: unknown): InputProblem[] {
  // One problem per unknown key, each at its own key.
  const issues = error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.keys.length > 1 ? i.keys.map((k) => ({ ...i, keys: [k] })) : [i]));
  // Fields reported missing, by parent path: candidates for "did you mean" on unknown keys.
  const missing = new Map<string, string[]>();
  for (const i of issues) {
    if (i.input !== undefined || i.path.length === 0) continue;
    const parent = formatPath(i.path.slice(0, -1));
    missing.set(parent, [...(missing.get(parent) ?? []), String(i.path[i.path.length - 1])]);
  }
  const out = issues.map((issue) => {
    const unknown = issue.code === 'unrecognized_keys';
    // For unknown keys, point at the key itself.
    const path = unknown ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const atKey = unknown || issue.code === 'invalid_key';
    let message = describeIssue(issue, () => found(src, issue.path, issue.input), () => written(src, issue.path, issue.input));
    if (unknown && issue.keys[0] === '<<') message += ': a merge key is not read (YAML 1.2 has none): write the fields out';
    else if (unknown) {
      // the fields of the mapping the key is in, but those it already has; else the fields
      // reported missing beside it; at the top, the sections (none is required in one file)
      const given = String(issue.keys[0]);
      const here = valueAt(data, issue.path);
      const has = (k: string) => here !== null && typeof here === 'object' && Object.prototype.hasOwnProperty.call(here, k);
      const fields = fieldsAt(InventoryPart, issue.path, data) ?? [...(missing.get(formatPath(issue.path)) ?? []), ...(issue.path.length === 0 ? SECTIONS : [])];
      const near = nearestField(given, fields.filter((f) => !has(f)));
      if (near) message += ` (did you mean "${near}"?)`;
    } else if (issue.code === 'invalid_value' && typeof issue.input === 'string' && isCategoryList(issue.values)) {
      message = unknownCategory(issue.input);
    } else if (issue.code === 'custom' && typeof issue.input === 'string') {
      // a date (or a range of two, or a date-time) shaped right that is not a day of the calendar
      const why = issue.input.split('/').map(notACalendarDay).find((w) => w !== undefined);
      if (why) message = `${JSON.stringify(shown(issue.input))} is not a ${issue.input.includes('/') ? 'range of days' : 'date'}: ${why}`;
    }
    return { unknown, problem: { file: src.file, ...locate(src, path, atKey), path: formatPath(path), message } };
  });
  // zod passes over a key "__proto__" of a record (subjects) without a word: its value would be lost.
  const reported = new Set(out.map((x) => x.problem.path));
  for (const at of prototypeKeys(data)) {
    const path = formatPath(at);
    if (!reported.has(path)) out.push({ unknown: true, problem: { file: src.file, ...locate(src, at, true), path, message: 'unknown key "__proto__"' } });
  }
  // Unknown fields first (a misspelt key also shows up as a missing one), then by position.
  return out
    .sort((a, b) => Number(b.unknown) - Number(a.unknown) || (a.problem.line ?? 0) - (b.problem.line ?? 0) || (a.problem.column ?? 0) - (b.problem.column ?? 0))
    .map((x) => x.problem);
}

/** The paths of every own key "__proto__" in the data (read as a plain key by JSON.parse and the YAML parser). */
function prototypeKeys(data: unknown): PropertyKey[][] {
  // Paths are built only for what is found: each visited value keeps its parent's step.
  const out: PropertyKey[][] = [];
  const stack: { value: unknown; step: Step | undefined }[] = [{ value: data, step: undefined }];
  while (stack.length > 0) {
    const { value, step } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') stack.push({ value: item, step: { parent: step, key: i } });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (key === '__proto__') out.push(pathOf({ parent: step, key }));
      else if (item !== null && typeof item === 'object') stack.push({ value: item, step: { parent: step, key } });
    }
  }
  return out;
}

/** The value of the data at `path`, if there is one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const seg of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[seg];
  }
  return value;
}

/** zod's definition of a schema, as far as walking down to a field needs it. */
interface WalkedDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): WalkedDef {
  return (schema as unknown as { _zod: { def: WalkedDef } })._zod.def;
}

/** The schema itself, past optional, default, pipe and lazy wrappers; a union's option that the data at it picks. */
function unwrapped(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  for (let i = 0; i < 20; i++) {
    const def = defOf(schema);
    const next = def.innerType ?? def.in ?? def.getter?.();
    if (next) {
      schema = next;
      continue;
    }
    if (def.type === 'union') {
      // a tagged union (events[].kind): the option whose tag the value carries
      const tag = def.discriminator;
      const given = tag !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[tag] : undefined;
      const option = def.options?.find((o) => {
        const shape = defOf(o).shape;
        return tag !== undefined && shape?.[tag] !== undefined && shape[tag]!.safeParse(given).success;
      });
      if (!option) return undefined;
      schema = option;
      continue;
    }
    return schema;
  }
  return undefined;
}

/** The fields of the mapping at `path` as the schema declares them, when the schema has one there. */
function fieldsAt(root: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] | undefined {
  let schema: z.ZodType | undefined = root;
  let value = data;
  for (let i = 0; ; i++) {
    schema = schema && unwrapped(schema, value);
    if (!schema) return undefined;
    const def = defOf(schema);
    if (i === path.length) return def.type === 'object' && def.shape ? Object.keys(def.shape).filter((k) => k !== '$schema') : undefined;
    const seg = path[i]!;
    schema = def.type === 'object' ? def.shape?.[String(seg)] : def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  }
}

/**
 * The field an unknown key was meant to be: a near spelling (`subject`, `datset`,
 * `organized_in`), or the field with a word added after it (`startDate`, `expiresOn`).
 */
function nearestField(given: string, fields: readonly string[]): string | undefined {
  const near = nearestWord(given, fields);
  if (near) return near;
  const stem = /^(.+?)[-_]?(date|day|on|at|time)$/i.exec(given)?.[1];
  return stem === undefined ? undefined : fields.find((f) => f.toLowerCase() === stem.toLowerCase());
}

/** True when an enum's values are the data categories (datasets[].categories, a negative list). */
function isCategoryList(values: readonly unknown[]): boolean {
  return values.length === CATEGORY_IDS.length && values.every((v, i) => v === CATEGORY_IDS[i]);
}

/** zod's names of types, in words. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/**
 * What was given, as written: a string quoted (cut), a number or word as in the text (0123, .nan,
 * 1e400, which the value alone would show as 123, NaN, Infinity), else what kind of value it is.
 */
function found(src: SourceDoc, path: readonly PropertyKey[], input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(shown(input));
  if (input === null) return 'nothing (an empty value)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return typeof input === 'number' && Number.isFinite(input) ? `the number ${written(src, path, input)}` : written(src, path, input);
}

/** A number or word as written in the text (9007199254740993, not the 9007199254740992 it is read as), cut. */
function written(src: SourceDoc, path: readonly PropertyKey[], input: unknown): string {
  const node = nodeAt(src, path);
  return shown(isScalar(node) && typeof node.source === 'string' && node.source !== '' ? node.source : String(input));
}

/** The node at exactly `path`, if there is one. */
function nodeAt(src: SourceDoc, path: readonly PropertyKey[]): unknown {
  let node: unknown = src.doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((it) => String(isNode(it.key) ? (it.key as { value?: unknown }).value : it.key) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  return node;
}

function describeIssue(issue: z.core.$ZodIssue, given: () => string, asWritten: () => string): string {
  if (issue.input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
    return 'required field is missing';
  }
  const primitive = typeof issue.input === 'string' || typeof issue.input === 'number' || typeof issue.input === 'boolean';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field "${issue.keys.map((k) => shown(k)).join('", "')}"`;
    case 'invalid_key':
      // a record's key (subjects: country → count)
      return `expected a key that is ${issue.issues.map((i) => i.message).join('; ')}; got "${shown(String(issue.input))}"`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${given()}`;
    case 'invalid_type': {
      const got = given();
      const quote = issue.expected === 'string' && /^the number /.test(got) ? ` (quote it: "${got.slice('the number '.length)}")` : '';
      // 1_000_000 and 1,000,000 are strings in YAML 1.2 and JSON
      const grouped = issue.expected === 'number' && typeof issue.input === 'string' && /^[+-]?\d{1,3}([_,]\d{3})+$/.test(issue.input) ? ` (write the digits alone: ${issue.input.replace(/[_,]/g, '')})` : '';
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${got}${quote}${grouped}`;
    }
    case 'invalid_format':
    case 'custom':
      // a pattern or a check of one value (an id, a country code, a date): what it should be, and what it is
      if (!primitive) return issue.message;
      return `${issue.message}; got ${given()}`;
    case 'invalid_union': {
      // a tagged union (events[].kind): the tags it takes, and the one given
      const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown };
      if (typeof discriminator !== 'string' || !Array.isArray(options) || options.length === 0) return issue.message;
      const given = issue.input !== null && typeof issue.input === 'object' ? (issue.input as Record<string, unknown>)[discriminator] : undefined;
      const oneOf = `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
      return given === undefined ? `required field is missing: expected ${oneOf}` : `expected ${oneOf}, got ${typeof given === 'string' ? JSON.stringify(shown(given)) : shown(JSON.stringify(given) ?? String(given))}`;
    }
    case 'too_small':
    case 'too_big':
      return describeBound(issue.code === 'too_small', issue.origin, Number(issue.code === 'too_small' ? issue.minimum : issue.maximum), issue.inclusive ?? true, issue.input, asWritten) ?? issue.message;
    default:
      return issue.message;
  }
}

/** "expected at most 100, got 150", "must not be empty": a bound in words, with the value given. */
function describeBound(small: boolean, origin: string, bound: number, inclusive: boolean, input: unknown, asWritten: () => string): string | undefined {
  if (origin === 'string' || origin === 'array') {
    const length = typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
    if (small && bound === 1 && length === 0) return 'must not be empty';
    const unit = origin === 'string' ? 'characters' : 'items';
    return `expected ${small ? 'at least' : 'at most'} ${bound} ${unit}${length !== undefined ? `, got ${length}` : ''}`;
  }
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    const words = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
    const limit = bound === Number.MAX_SAFE_INTEGER ? `${bound} (the largest exact whole number)` : String(bound);
    return `expected a number ${words} ${limit}${typeof input === 'number' ? `, got ${asWritten()}` : ''}`;
  }
  return undefined;
}

/** The top-level sections an inventory file may hold, from the schema: "organization, entities, … or calendars". */
const SECTIONS: readonly string[] = Object.keys(InventoryPart.shape).filter((k) => k !== '$schema' && k !== 'version');
const SECTION_NAMES = `${SECTIONS.slice(0, -1).join(', ')} or ${SECTIONS[SECTIONS.length - 1]}`;

/** Validates one source document as an inventory part. */
export function parsePart(src: SourceDoc): Part {
  let data: unknown = src.data;
  try {
    if (data === undefined) data = src.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof RangeError) throw new InputError({ file: src.file, message: 'cannot read the document: the document is nested too deeply' });
    const unresolved = /^Unresolved alias[^:]*: (.*)$/m.exec((e as Error).message);
    if (unresolved) {
      const name = unresolved[1]!;
      const [alias] = findNodes(src.doc, (node) => isAlias(node) && node.source === name, true);
      const offset = alias?.node.range?.[0];
      const pos = offset === undefined ? {} : { line: src.lines.linePos(offset).line, column: src.lines.linePos(offset).col };
      throw new InputError({ file: src.file, ...pos, message: `cannot read the document: the alias *${shown(name)} has no anchor &${shown(name)} before it` });
    }
    if (/alias count/i.test((e as Error).message)) {
      // "Excessive alias count indicates a resource exhaustion attack": point at the first alias
      const [first] = findNodes(src.doc, (node) => isAlias(node), true);
      const offset = first?.node.range?.[0];
      const pos = offset === undefined ? {} : { line: src.lines.linePos(offset).line, column: src.lines.linePos(offset).col };
      throw new InputError({ file: src.file, ...pos, message: 'cannot read the document: its aliases (*name) repeat values too many times (an alias bomb?): write the values out' });
    }
    throw new InputError({ file: src.file, message: `cannot read the document: ${(e as Error).message.split('\n')[0]}` });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const contents = src.doc.contents;
    const what =
      contents === null || (isScalar(contents) && contents.value === null && !contents.source)
        ? src.doc.commentBefore || src.doc.comment
          ? 'the file holds only comments: '
          : 'the file is empty: '
        : '';
    throw new InputError({ file: src.file, line: 1, column: 1, message: `${what}expected a mapping with ${SECTION_NAMES}${what ? '' : `, got ${found(src, [], data)}`}` });
  }
  const result = InventoryPart.safeParse(data, { reportInput: true });
  if (!result.success) throw new InputError(zodProblems(src, result.error, data));
  const hidden = prototypeKeys(data);
  if (hidden.length > 0) throw new InputError(hidden.map((at) => ({ file: src.file, ...locate(src, at, true), path: formatPath(at), message: 'unknown key "__proto__"' })));
  return result.data;
}

/**
 * Reads an inventory file as UTF-8 text. A file that is not text (NUL bytes, UTF-16, bytes that
 * are not UTF-8) is an InputError naming the file and the line of the first offending byte.
 */
export function readInventoryFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readWhole(file, 'an inventory file');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file, message: `cannot read: ${(e as Error).message}` });
  }
  return decodeUtf8(bytes, file, 'an inventory is YAML or JSON text in UTF-8', { refuseNul: true });
}

/**
 * Reads and parses every file (or directory) given, as documents not yet merged. Every file is
 * read before any problem is reported: one run names the problems of all of them.
 */
export function readSources(paths: readonly string[]): SourceDoc[] {
  const sources: SourceDoc[] = [];
  const problems: InputProblem[] = [];
  for (const file of expandInputs(paths)) {
    try {
      sources.push(parseSource(file, readInventoryFile(file)));
    } catch (e) {
      if (e instanceof InputError) pushAll(problems, e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return sources;
}

/** Loads and merges files (or directories) into one validated inventory. */
export function loadInventory(paths: readonly string[]): Inventory {
  return mergeSources(readSources(paths));
}

/** Parses inventory text held in memory (library callers, tests). */
export function parseInventoryText(text: string, file = '<inventory>'): Inventory {
  return mergeSources([parseSource(file, text)]);
}

/** Merges parts; checks one organization, unique ids, and every reference. */
export function mergeSources(sources: readonly SourceDoc[]): Inventory {
  const problems: InputProblem[] = [];
  const parts: { src: SourceDoc; part: Part }[] = [];
  for (const src of sources) {
    try {
      parts.push({ src, part: parsePart(src) });
    } catch (e) {
      if (e instanceof InputError) pushAll(problems, e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);

  const orgs = parts.filter((p) => p.part.organization);
  if (orgs.length === 0) {
    throw new InputError({ file: sources.map((s) => s.file).join(', '), path: 'organization', message: 'no file declares the organization (who "we" are)' });
  }
  if (orgs.length > 1) {
    const second = orgs[1]!;
    const firstLine = locate(orgs[0]!.src, ['organization'], true).line;
    throw new InputError({
      file: second.src.file,
      ...locate(second.src, ['organization'], true),
      path: 'organization',
      message: `organization is declared twice (also in ${orgs[0]!.src.file}${firstLine ? `:${firstLine}` : ''})`,
    });
  }

  const merged = {
    version: 1 as const,
    organization: orgs[0]!.part.organization!,
    organizationWhere: { file: orgs[0]!.src.file, path: 'organization', locate: (p: readonly PropertyKey[]) => locate(orgs[0]!.src, ['organization', ...p]) },
    entities: [] as Located<Inventory['entities'][number]>[],
    systems: [] as Located<Inventory['systems'][number]>[],
    datasets: [] as Located<Inventory['datasets'][number]>[],
    flows: [] as Located<Inventory['flows'][number]>[],
    assets: [] as Located<Inventory['assets'][number]>[],
    events: [] as Located<Inventory['events'][number]>[],
  };
  // Where each id was first declared; located only when it is declared again.
  const seen = new Map<string, { src: SourceDoc; index: number }>();
  // The organization is a party too: an entity may not take its id (a reference to it would be ambiguous).
  seen.set(`entities:${merged.organization.id}`, { src: orgs[0]!.src, index: -1 });
  const sections = ['entities', 'systems', 'datasets', 'flows', 'assets', 'events'] as const;
  for (const { src, part } of parts) {
    for (const section of sections) {
      const items = (part[section] ?? []) as { id: string }[];
      items.forEach((item, index) => {
        const key = `${section}:${item.id}`;
        const prior = seen.get(key);
        if (prior) {
          const priorLine = locate(prior.src, prior.index < 0 ? ['organization', 'id'] : [section, prior.index, 'id']).line;
          problems.push({
            file: src.file,
            ...locate(src, [section, index, 'id']),
            path: `${section}[${index}].id`,
            message: `duplicate id "${shown(item.id)}" (${prior.index < 0 ? 'the organization\'s id, declared' : 'first declared'} in ${prior.src.file}${priorLine ? `:${priorLine}` : ''})`,
          });
          return;
        }
        seen.set(key, { src, index });
        (merged[section] as Located<{ id: string }>[]).push({ value: item, where: { file: src.file, path: `${section}[${index}]`, locate: (p) => locate(src, [section, index, ...p]) } });
      });
    }
  }
  if (problems.length) throw new InputError(problems);

  // Supplied holiday years, by calendar: each year once across all the files.
  let calendars: Inventory['calendars'];
  const yearSeen = new Map<number, { src: SourceDoc; index: number }>();
  for (const { src, part } of parts) {
    const years = part.calendars?.CN;
    if (!years) continue;
    calendars ??= { CN: [] };
    years.forEach((y, index) => {
      const prior = yearSeen.get(y.year);
      if (prior) {
        const priorLine = locate(prior.src, ['calendars', 'CN', prior.index, 'year']).line;
        problems.push({
          file: src.file,
          ...locate(src, ['calendars', 'CN', index, 'year']),
          path: `calendars.CN[${index}].year`,
          message: `${y.year} is declared twice (also in ${prior.src.file}${priorLine ? `:${priorLine}` : ''})`,
        });
        return;
      }
      yearSeen.set(y.year, { src, index });
      calendars!.CN.push(y);
    });
  }
  if (problems.length) throw new InputError(problems);

  pushAll(problems, checkReferences(merged));
  if (problems.length) throw new InputError(problems);

  const inventory: Inventory = {
    version: 1,
    organization: merged.organization,
    entities: merged.entities.map((x) => x.value),
    systems: merged.systems.map((x) => x.value),
    datasets: merged.datasets.map((x) => x.value),
    flows: merged.flows.map((x) => x.value),
    assets: merged.assets.map((x) => x.value),
    events: merged.events.map((x) => x.value),
    ...(calendars ? { calendars } : {}),
  };
  // Each part went through the same element schemas (defaults applied, no transforms), so the
  // merged inventory is valid as it stands: no second parse.
  return inventory;
}

/**
 * Edits the `designations` of some entities in an inventory file's own text (YAML or JSON),
 * leaving every other byte as it was: comments, spacing, key order, flow or block lists, quoting,
 * line ends, a byte order mark. `datacustoms screen --write` writes its findings this way, so a
 * user's file changes only where the designations do.
 */
import { Document, isMap, isNode, isScalar, isSeq, type YAMLMap } from 'yaml';

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How a designations list is laid out in the file, so a rewrite keeps the author's style. */
interface ListStyle {
  /** `[ … ]` on one line. */
  readonly flowSeq: boolean;
  /** A block list of `- { … }` items. */
  readonly flowItems: boolean;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  readonly padding: boolean;
  /** `- ` indented under its key rather than level with it. */
  readonly indentSeq: boolean;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of a node, not counting the line break a block node's range takes in. */
function nodeEnd(text: string, node: { range?: [number, number, number] | null | undefined }, fallback: number): number {
  let end = node.range?.[1] ?? fallback;
  if (end > 0 && text[end - 1] === '\n') end--;
  if (end > 0 && text[end - 1] === '\r') end--;
  return end;
}

/** One designation, as YAML starting at `column` (the column after `- `). */
function renderItem(item: object, style: ListStyle, column: number): string {
  const doc = new Document(item);
  if (isMap(doc.contents)) doc.contents.flow = style.flowSeq || style.flowItems;
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: style.padding }).replace(/\n$/, '');
  return body.split('\n').map((l, n) => (n === 0 ? l : ' '.repeat(column) + l)).join('\n');
}

/**
 * The `designations` pair, its key at `keyColumn`; `kept[k]`, when set, is the source text of an
 * item that stays as the author wrote it.
 */
function renderDesignations(d: readonly object[], style: ListStyle, keyColumn: number, kept: readonly (string | undefined)[] = []): string {
  const column = keyColumn + (style.indentSeq ? 2 : 0);
  const items = d.map((x, k) => kept[k] ?? renderItem(x, style, column + 2));
  if (style.flowSeq) return style.padding ? `designations: [ ${items.join(', ')} ]` : `designations: [${items.join(', ')}]`;
  return 'designations:' + items.map((x) => `\n${' '.repeat(column)}- ${x}`).join('');
}

/** The source text of each item of `d` that is unchanged from the existing list `value`. */
function keptItems(text: string, doc: Document.Parsed, value: unknown, d: readonly object[]): (string | undefined)[] {
  if (!isSeq(value)) return [];
  const old = value.items.map((it) => ({ json: JSON.stringify(isNode(it) ? it.toJS(doc) : it), node: it }));
  let from = 0;
  return d.map((x) => {
    const json = JSON.stringify(x);
    const at = old.findIndex((o, j) => j >= from && o.json === json);
    if (at < 0) return undefined;
    from = at + 1;
    const node = old[at]!.node;
    const start = isNode(node) ? node.range?.[0] : undefined;
    return isNode(node) && start !== undefined ? text.slice(start, nodeEnd(text, node, start)) : undefined;
  });
}

/** The layout of an existing designations value, or the default for a new one. */
function listStyle(text: string, value: unknown, keyColumn: number, entityFlow: boolean, entityStart: number): ListStyle {
  const padAt = (start: number | undefined): boolean => start === undefined || text[start + 1] === ' ';
  if (!isSeq(value)) return { flowSeq: entityFlow, flowItems: false, padding: entityFlow ? padAt(entityStart) : true, indentSeq: true };
  if (value.flow) return { flowSeq: true, flowItems: false, padding: padAt(value.range?.[0]), indentSeq: true };
  const first = value.items[0];
  const flowItems = isMap(first) && first.flow === true;
  let indentSeq = true;
  const firstStart = isNode(first) ? first.range?.[0] : undefined;
  if (firstStart !== undefined) {
    const dash = text.slice(lineStartOf(text, firstStart), firstStart).indexOf('-');
    if (dash >= 0) indentSeq = dash > keyColumn;
  }
  return { flowSeq: false, flowItems, padding: flowItems ? padAt(firstStart) : true, indentSeq };
}

/**
 * Writes designations into the YAML text by editing only the `designations` of the entities
 * that changed: every other byte (comments, spacing, flow lists, quoting) stays as it was.
 */
export function setYamlDesignations(source: string, doc: Document.Parsed, fresh: readonly (readonly object[] | undefined)[]): string {
  return editEntities(source, doc, fresh, (text, item, d, edits) => {
    const pairs = item.items;
    const keyOf = (p: (typeof pairs)[number]) => (isScalar(p.key) ? p.key.value : p.key);
    const firstKey = pairs[0]!.key;
    const firstStart = isNode(firstKey) ? (firstKey.range?.[0] ?? 0) : 0;
    const keyColumn = firstStart - lineStartOf(text, firstStart);
    const entityFlow = item.flow === true;
    const pair = pairs.find((p) => keyOf(p) === 'designations');
    if (pair && isNode(pair.key)) {
      const start = pair.key.range?.[0] ?? 0;
      const end = isNode(pair.value) ? nodeEnd(text, pair.value, start) : nodeEnd(text, pair.key, start);
      if (d.length > 0) {
        const style = listStyle(text, pair.value, keyColumn, entityFlow, item.range?.[0] ?? 0);
        edits.push({ start, end, text: renderDesignations(d, style, keyColumn, keptItems(text, doc, pair.value, d)) });
        return;
      }
      // Nothing left: drop the lines of the pair when it has them to itself, else leave an empty list.
      const lineStart = lineStartOf(text, start);
      const after = text.indexOf('\n', end);
      const lineEnd = after < 0 ? text.length : after + 1;
      const ownLines = !entityFlow && /^ *$/.test(text.slice(lineStart, start)) && /^[ \t]*(#.*)?\r?\n?$/.test(text.slice(end, lineEnd));
      if (ownLines) edits.push({ start: lineStart, end: lineEnd, text: '' });
      else edits.push({ start, end, text: 'designations: []' });
      return;
    }
    if (d.length === 0) return;
    const last = pairs[pairs.length - 1]!;
    const lastNode = isNode(last.value) ? last.value : isNode(last.key) ? last.key : undefined;
    if (!lastNode) return;
    const lastEnd = nodeEnd(text, lastNode, firstStart);
    const style = listStyle(text, undefined, keyColumn, entityFlow, item.range?.[0] ?? 0);
    if (entityFlow) {
      edits.push({ start: lastEnd, end: lastEnd, text: `, ${renderDesignations(d, style, keyColumn)}` });
      return;
    }
    const nl = text.indexOf('\n', lastEnd);
    const block = ' '.repeat(keyColumn) + renderDesignations(d, style, keyColumn);
    if (nl < 0) edits.push({ start: text.length, end: text.length, text: `\n${block}\n` });
    else edits.push({ start: nl + 1, end: nl + 1, text: `${block}\n` });
  });
}

/**
 * The frame both formats share: the entities whose designations change (`fresh[i]` given, a
 * mapping with fields) are handed to `edit`, which lists its text edits; they are applied from the
 * end of the text back, with the file's line ends, and its byte order mark is kept (the parser's
 * offsets are into the text without it).
 */
function editEntities(
  source: string,
  doc: Document.Parsed,
  fresh: readonly (readonly object[] | undefined)[],
  edit: (text: string, item: YAMLMap<unknown, unknown>, d: readonly object[], edits: TextEdit[]) => void,
): string {
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const seq = doc.get('entities', true);
  if (!isSeq(seq)) return source;
  const edits: TextEdit[] = [];
  fresh.forEach((d, i) => {
    const item = seq.items[i];
    if (d && isMap(item) && item.items.length > 0) edit(text, item, d, edits);
  });
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text.replace(/\r?\n/g, eol) + out.slice(e.end);
  return bom + out;
}

// --- JSON inventories: the same edit, in JSON ----------------------------------------------

/** The whitespace before the first non-blank character of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** The file's indent step: the leading whitespace of its first indented line (two spaces if none). */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** JSON on one line, with the separators the file uses (`": "` or `":"`, `", "` or `","`, `{ … }` or `{…}`). */
function inlineJson(v: unknown, colon: string, comma: string, pad: boolean): string {
  if (Array.isArray(v)) return `[${v.map((x) => inlineJson(x, colon, comma, pad)).join(comma)}]`;
  if (v !== null && typeof v === 'object') {
    const body = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}${colon}${inlineJson(x, colon, comma, pad)}`).join(comma);
    return body === '' ? '{}' : pad ? `{ ${body} }` : `{${body}}`;
  }
  return JSON.stringify(v);
}

/**
 * Writes designations into JSON text by editing only the `designations` of the entities that
 * changed, as setYamlDesignations does for YAML: every other byte stays. A new list follows the
 * entity's layout (one line, or one item per line in the file's indent step); items that stay
 * keep their source text; CRLF and the byte order mark are kept.
 */
export function setJsonDesignations(source: string, doc: Document.Parsed, fresh: readonly (readonly object[] | undefined)[]): string {
  let unit: string | undefined;
  return editEntities(source, doc, fresh, (text, item, d, edits) => {
    if (!item.range) return;
    unit ??= indentUnit(text);
    const pairs = item.items.map((p) => {
      const key = isNode(p.key) ? p.key.range : undefined;
      const value = isNode(p.value) ? p.value.range : undefined;
      return { name: isScalar(p.key) ? p.key.value : undefined, keyStart: key?.[0] ?? 0, keyEnd: key?.[1] ?? 0, valueStart: value?.[0] ?? 0, valueEnd: value?.[1] ?? 0, value: p.value };
    });
    const first = pairs[0]!;
    const multiLine = text.slice(item.range[0], item.range[1]).includes('\n');
    const colon = text.slice(first.keyEnd, first.valueStart) || ': ';
    const entityComma = pairs.length > 1 ? text.slice(first.valueEnd, pairs[1]!.keyStart) : ', ';
    const pad = text[item.range[0] + 1] === ' ';
    const keyIndent = indentAt(text, first.keyStart);
    const entityIndent = indentAt(text, item.range[0]);
    const step = keyIndent.startsWith(entityIndent) && keyIndent.length > entityIndent.length ? keyIndent.slice(entityIndent.length) : unit;
    const at = pairs.findIndex((p) => p.name === 'designations');
    const old = at >= 0 ? pairs[at]! : undefined;
    const oldText = old ? text.slice(old.valueStart, old.valueEnd) : '';
    // An existing non-empty list on one line stays on one line; else the entity's layout decides.
    const inline = !multiLine || (isSeq(old?.value) && old.value.items.length > 0 && !oldText.includes('\n'));
    const render = (): string => {
      const kept = old ? keptItems(text, doc, old.value, d) : [];
      if (inline) {
        const comma = /,\s/.test(oldText) ? ', ' : oldText.includes(',') ? ',' : multiLine ? ', ' : entityComma;
        return `[${d.map((x, k) => kept[k] ?? inlineJson(x, colon, comma, pad)).join(comma)}]`;
      }
      const inner = keyIndent + step;
      const items = d.map((x, k) => kept[k] ?? JSON.stringify(x, null, step).replace(/\n/g, `\n${inner}`));
      return `[\n${items.map((x) => inner + x).join(',\n')}\n${keyIndent}]`;
    };
    if (old) {
      if (d.length > 0) edits.push({ start: old.valueStart, end: old.valueEnd, text: render() });
      else if (at > 0) edits.push({ start: pairs[at - 1]!.valueEnd, end: old.valueEnd, text: '' }); // the comma before it goes too
      else if (pairs.length > 1) edits.push({ start: old.keyStart, end: pairs[1]!.keyStart, text: '' });
      else edits.push({ start: old.valueStart, end: old.valueEnd, text: '[]' });
      return;
    }
    if (d.length === 0) return;
    const last = pairs[pairs.length - 1]!;
    const sep = multiLine ? `,\n${keyIndent}` : entityComma.includes('\n') ? ', ' : entityComma;
    edits.push({ start: last.valueEnd, end: last.valueEnd, text: `${sep}"designations"${colon}${render()}` });
  });
}

/**
 * CycloneDX XML (specification 1.2–1.6): `<bom><components><component>` entries, walked through
 * nested `<components>` in document order; `<metadata><component>` (the product described) is
 * not matched, its sub-components are. The spec version comes from the namespace
 * `http://cyclonedx.org/schema/bom/1.x`. Field paths are reported in the same shape as for
 * JSON (`components[12].purl`), counting `<component>` elements from 0.
 *
 * A DOCTYPE is refused (CycloneDX needs none, and entity declarations are an expansion risk).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../common/errors.js';
import { isObject } from './json.js';
import { cycloneDxSpecVersion } from './cyclonedx-json.js';
import type { SbomEntry, SbomRead } from './types.js';

/**
 * A parser for one document whose CycloneDX elements carry `prefix` ('' when CycloneDX is the
 * default namespace). Elements of other namespaces (CycloneDX allows extension elements from any
 * other namespace inside a component) are renamed out of the way (`{urn:x}purl` style keys), so an
 * extension `<x:purl>` is neither read as the purl nor makes the component's purl a list.
 */
function parserFor(prefix: string): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: false,
    transformTagName: (name) => {
      const colon = name.indexOf(':');
      const p = colon < 0 ? '' : name.slice(0, colon);
      return p === prefix ? name.slice(colon + 1) : `{${p}}${name.slice(colon + 1)}`;
    },
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // numeric character references (`&#38;`, `&#x40;`) are plain XML and must be decoded like
    // `&amp;`; fast-xml-parser decodes them only with this option (which also maps HTML names)
    htmlEntities: true,
    isArray: (name) => name === 'component',
  });
}

/** Text of a simple element (`<purl>…</purl>`), or undefined; an element with attributes keeps its text in `#text`. */
function elementText(node: Record<string, unknown>, key: string, file: string, path: string): string | undefined {
  const v = node[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (isObject(v) && (v['#text'] === undefined || typeof v['#text'] === 'string')) return (v['#text'] as string | undefined) ?? '';
  throw new InputError({ file, path: `${path}.${key}`, message: 'expected a text element' });
}

function componentList(container: unknown, file: string, path: string): unknown[] {
  if (container === undefined || container === '') return [];
  if (!isObject(container)) throw new InputError({ file, path, message: 'expected <component> elements' });
  const list = container['component'];
  return list === undefined ? [] : (list as unknown[]);
}

export function looksLikeXml(text: string): boolean {
  return /^\s*</.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** XML 1.0 `Char` (§2.2): what a character reference may name. */
const isXmlChar = (c: number): boolean =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * The first entity or character reference XML does not allow here, outside comments, CDATA and
 * processing instructions: without a DOCTYPE only the five predefined entities exist (XML 1.0
 * §4.1, WFC Entity Declared), and a character reference must name a `Char` (WFC Legal Character).
 * The validator checks only their syntax, and the parser (with `htmlEntities`) would turn
 * `&nbsp;` into a character and keep `&xxe;` as text inside a purl.
 */
function badReference(text: string): { index: number; message: string } | undefined {
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&(#x[0-9A-Fa-f]+|#[0-9]+|[^\s;&<]*);/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const ref = m[1];
    if (ref === undefined) continue;
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) return { index: m.index, message: `character reference &${ref}; names no character XML allows` };
    } else if (!PREDEFINED.has(ref)) {
      return { index: m.index, message: `entity &${ref}; is not defined (XML without a DOCTYPE has only &amp; &lt; &gt; &quot; &apos;)` };
    }
  }
  return undefined;
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: index - nl };
}

export function readCycloneDxXml(text: string, file: string): SbomRead {
  if (/<!DOCTYPE/i.test(text)) throw new InputError({ file, message: 'XML with a DOCTYPE is not accepted (CycloneDX needs none)' });
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // Several elements left open at the end: the validator lists their names as a JSON array at 1:1.
    const open = /^Invalid '(\[.*\])' found\.$/.exec(valid.err.msg);
    const names = open ? (JSON.parse(open[1]!) as unknown[]).map(String) : undefined;
    if (names) {
      const line = text.split('\n').length;
      throw new InputError({ file, line, message: `not well-formed XML: the file ends inside ${names.map((n) => `<${n}>`).join(' ')}, which are never closed (the file may be truncated)` });
    }
    throw new InputError({ file, line: valid.err.line, column: valid.err.col, message: `not well-formed XML: ${valid.err.msg}` });
  }
  const bad = badReference(text);
  if (bad) throw new InputError({ file, ...lineColumn(text, bad.index), message: `not well-formed XML: ${bad.message}` });
  // the root's CycloneDX namespace: its version, and the prefix CycloneDX elements carry
  const ns = /<(?:([A-Za-z_][\w.-]*):)?bom\b[^>]*?\bxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*["']http:\/\/cyclonedx\.org\/schema\/bom\/([0-9.]+)["']/.exec(text);
  const specVersion = cycloneDxSpecVersion(ns?.[3], file, 'bom@xmlns');
  const prefix = ns?.[2] ?? '';
  let doc: unknown;
  try {
    doc = parserFor(prefix).parse(text) as unknown;
  } catch (e) {
    throw new InputError({ file, message: `XML could not be read: ${e instanceof Error ? e.message : String(e)}` });
  }
  const root = isObject(doc) ? doc['bom'] : undefined;
  if (root !== '' && !isObject(root)) throw new InputError({ file, path: 'bom', message: 'expected a CycloneDX <bom> root element' });
  const bom = isObject(root) ? root : {};

  const entries: SbomEntry[] = [];
  const roots: { list: unknown[]; path: string }[] = [{ list: componentList(bom['components'], file, 'components'), path: 'components' }];
  const meta = bom['metadata'];
  if (isObject(meta)) {
    const subject = componentList(meta, file, 'metadata')[0];
    if (isObject(subject) && subject['components'] !== undefined) {
      roots.push({ list: componentList(subject['components'], file, 'metadata.component.components'), path: 'metadata.component.components' });
    }
  }
  // pre-order walk with an explicit stack of frames (no recursion)
  for (const r of roots) {
    const stack: { list: unknown[]; path: string; i: number }[] = [{ ...r, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.list.length) {
        stack.pop();
        continue;
      }
      const i = top.i++;
      const c = top.list[i];
      const p = `${top.path}[${i}]`;
      if (!isObject(c)) {
        if (c === '') continue; // an empty <component/>
        throw new InputError({ file, path: p, message: 'expected a component element' });
      }
      entries.push({
        path: p,
        purlField: 'purl',
        purl: elementText(c, 'purl', file, p),
        version: elementText(c, 'version', file, p),
        name: elementText(c, 'name', file, p),
      });
      if (c['components'] !== undefined) stack.push({ list: componentList(c['components'], file, `${p}.components`), path: `${p}.components`, i: 0 });
    }
  }
  return { format: 'CycloneDX XML', specVersion, entries };
}

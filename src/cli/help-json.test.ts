/**
 * The JSON shapes the help texts show (`JSON: {"matches":[{"sbom",…}]}`) are the ones the
 * commands write: each field shown is written (unless marked `?`), and where an object's shape
 * elides none (no `...`), each field written is shown.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  expect(io.stderr()).not.toMatch(/error/);
  return { code, out: io.stdout() };
}

/** The shape after `JSON:` in a help text, its lines joined, up to the closing bracket. */
function shapeIn(help: string): string {
  const at = help.indexOf('\nJSON: ');
  expect(at, 'a JSON: line').toBeGreaterThanOrEqual(0);
  const text = help.slice(at + '\nJSON: '.length).replace(/\n/g, '');
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' || text[i] === '[') depth++;
    else if (text[i] === '}' || text[i] === ']') if (--depth === 0) return text.slice(0, i + 1);
  }
  throw new Error(`unclosed shape: ${text}`);
}

/** A shape: an object's fields (each optional or not, with its value's shape), an array, or any value. */
type Shape =
  | { readonly kind: 'object'; readonly fields: readonly Field[]; readonly open: boolean }
  | { readonly kind: 'array'; readonly item?: Shape }
  | { readonly kind: 'any' };
interface Field {
  readonly name: string;
  readonly optional: boolean;
  readonly value?: Shape;
}

/**
 * Reads the notation of the help texts: `{"a","b"?,"c":{...},"d":[{"e"}],"f":"x|y",...}` —
 * `"b"?` may be absent, `...` in an object stands for more fields, `[...]` for any items.
 */
function parseShape(text: string): Shape {
  let i = 0;
  const fail = (what: string) => new Error(`${what} at ${i} in ${text}`);
  const eat = (s: string) => {
    if (!text.startsWith(s, i)) throw fail(`expected ${s}`);
    i += s.length;
  };
  const quoted = () => {
    eat('"');
    const end = text.indexOf('"', i);
    if (end < 0) throw fail('unclosed "');
    const word = text.slice(i, end);
    i = end + 1;
    return word;
  };
  const value = (): Shape => {
    if (text[i] === '{') {
      eat('{');
      const fields: Field[] = [];
      let open = false;
      while (text[i] !== '}') {
        if (text.startsWith('...', i)) {
          eat('...');
          open = true;
        } else {
          const name = quoted();
          const optional = text[i] === '?';
          if (optional) eat('?');
          let v: Shape | undefined;
          if (text[i] === ':') {
            eat(':');
            v = value();
          }
          fields.push({ name, optional, ...(v ? { value: v } : {}) });
        }
        if (text[i] === ',') eat(',');
        else if (text[i] !== '}') throw fail('expected , or }');
      }
      eat('}');
      return { kind: 'object', fields, open };
    }
    if (text[i] === '[') {
      eat('[');
      if (text.startsWith('...', i)) {
        eat('...');
        eat(']');
        return { kind: 'array' };
      }
      const item = value();
      eat(']');
      return { kind: 'array', item };
    }
    if (text[i] === '"') {
      quoted();
      return { kind: 'any' };
    }
    throw fail('expected {, [ or "');
  };
  const shape = value();
  if (i !== text.length) throw fail('trailing text');
  return shape;
}

/** Where `value` differs from `shape`: missing fields, fields not shown, wrong kinds. */
function differences(shape: Shape, value: unknown, path = '$'): string[] {
  if (shape.kind === 'any') return [];
  if (shape.kind === 'array') {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    return shape.item ? value.flatMap((v, n) => differences(shape.item!, v, `${path}[${n}]`)) : [];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  const obj = value as Record<string, unknown>;
  const out: string[] = [];
  for (const f of shape.fields) {
    if (!(f.name in obj)) {
      if (!f.optional) out.push(`${path}.${f.name}: missing (not marked ? in the help)`);
    } else if (f.value) out.push(...differences(f.value, obj[f.name], `${path}.${f.name}`));
  }
  if (!shape.open) for (const k of Object.keys(obj)) if (!shape.fields.some((f) => f.name === k)) out.push(`${path}.${k}: written, not shown in the help`);
  return out;
}

async function expectShape(helpArgs: string[], output: string) {
  const help = (await run(...helpArgs, '--help')).out;
  const found = differences(parseShape(shapeIn(help)), JSON.parse(output));
  expect([...new Set(found.map((d) => d.replace(/\[\d+\]/g, '[]')))]).toEqual([]);
}

describe('the JSON shape in each help', () => {
  it('shapeIn and parseShape read the notation; differences finds what the help does not say', () => {
    const help = 'x\nJSON: {"store","files":[{"file","status":"a|b",...}],\n"totals":{...}} (docs).';
    const shape = parseShape(shapeIn(help));
    expect(shapeIn(help)).toBe('{"store","files":[{"file","status":"a|b",...}],"totals":{...}}');
    expect(differences(shape, { store: 's', files: [{ file: 'f', status: 'a', more: 1 }], totals: { n: 1 } })).toEqual([]);
    expect(differences(shape, { store: 's', files: [{ status: 'a' }], totals: {}, extra: true })).toEqual(['$.files[0].file: missing (not marked ? in the help)', '$.extra: written, not shown in the help']);
    const optional = parseShape('[{"id","url"?,"when":{"from","until"?},"tags":[...]}]');
    expect(differences(optional, [{ id: 1, when: { from: 'a' }, tags: [1] }, { id: 2, url: 'u', when: { from: 'b', until: 'c' }, tags: [] }])).toEqual([]);
    expect(differences(optional, [{ id: 1, when: { from: 'a', to: 'b' } }])).toEqual(['$[0].when.to: written, not shown in the help', '$[0].tags: missing (not marked ? in the help)']);
  });
  it('rules', async () => {
    const r = await run('rules', '--format', 'json');
    expect(r.code).toBe(0);
    await expectShape(['rules'], r.out);
  });
  it('sbom', async () => {
    const r = await run('sbom', '../shared/data/sbom/dropwizard-1.3.15.cdx.json', '--advisories', '../shared/data/osv', '--format', 'json');
    expect(r.code).toBe(1);
    await expectShape(['sbom'], r.out);
  });
  it('lists import and lists', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'dc-help-json-')), 'store.sqlite');
    const imported = await run('lists', 'import', '../shared/data/lists/bis_mieu', '--store', store, '--format', 'json');
    expect(imported.code).toBe(0);
    await expectShape(['lists', 'import'], imported.out);
    const shown = await run('lists', '--store', store, '--format', 'json', '--as-of', '2026-12-01');
    expect(shown.code).toBe(0);
    await expectShape(['lists'], shown.out);
  });
});

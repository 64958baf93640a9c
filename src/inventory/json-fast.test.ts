import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keysInText, keysInValue, looksLikeJson, parseStrictJson } from './json-fast.js';

/** JSON text of a value with arbitrary layout between tokens. */
function layout(value: unknown, blanks: readonly string[]): string {
  let k = 0;
  const ws = () => blanks[k++ % blanks.length] ?? '';
  const write = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${ws()}${v.map((x) => write(x)).join(`${ws()},${ws()}`)}${ws()}]`;
    return `{${ws()}${Object.entries(v).map(([key, x]) => `${JSON.stringify(key)}${ws()}:${ws()}${write(x)}`).join(`${ws()},${ws()}`)}${ws()}}`;
  };
  return write(value);
}

const blank = fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  '), { minLength: 1, maxLength: 8 });
/** Keys and strings full of the characters the key scan must not be fooled by. */
const tricky = fc.string({ unit: fc.constantFrom('a', '"', '\\', ':', ' ', '{', '}', ',', '[', 'é', '身', '\n', '\u2028'), maxLength: 12 });
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
  leaf: fc.oneof(tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
  arr: fc.array(tie('v'), { maxLength: 4 }),
  obj: fc.dictionary(tricky, tie('v'), { maxKeys: 4 }),
})).v;

describe('JSON fast path (json-fast.ts)', () => {
  it('property: the keys counted in the text equal the keys of the parsed value, whatever the layout and escapes', () => {
    fc.assert(
      fc.property(value, blank, (v, ws) => {
        const text = layout(v, ws);
        expect(keysInText(text)).toBe(keysInValue(JSON.parse(text)));
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
  it('property: a key written twice in one object is refused (the YAML path then reports it)', () => {
    fc.assert(
      fc.property(fc.dictionary(tricky, value, { minKeys: 1, maxKeys: 4 }), value, blank, (obj, again, ws) => {
        const key = Object.keys(obj)[0]!;
        const text = layout(obj, ws).replace(/}$/, `,${JSON.stringify(key)}:${JSON.stringify(again) ?? 'null'}}`);
        expect(parseStrictJson(text)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  it('adversarial inputs: escapes, equal keys spelled differently, deep nesting, not JSON', () => {
    expect(parseStrictJson('{"a\\"":1,"a":2}')).toEqual({ 'a"': 1, a: 2 });
    expect(parseStrictJson('{"x":"\\\\","y":"\\\\\\"":1}')).toBeUndefined(); // not JSON
    expect(parseStrictJson('{"x":"\\\\","y":"\\\\\\""}')).toEqual({ x: '\\', y: '\\"' });
    expect(parseStrictJson('{"a":1,"\\u0061":2}')).toBeUndefined(); // the same key, escaped
    expect(parseStrictJson('{"a":{"b":1},"c":{"b":2}}')).toEqual({ a: { b: 1 }, c: { b: 2 } }); // same key, different objects
    expect(parseStrictJson('{"__proto__":{"x":1}}')).toEqual(JSON.parse('{"__proto__":{"x":1}}'));
    expect(parseStrictJson('{a: 1}')).toBeUndefined();
    expect(parseStrictJson('{"a": 1} # comment')).toBeUndefined();
    // JSON.parse nests without recursion, and so does the key count: 200,000 levels are read.
    expect(Array.isArray(parseStrictJson('[' + '['.repeat(200_000) + ']'.repeat(200_001)))).toBe(true);
    const deep = '{"k":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    expect(keysInValue(JSON.parse(deep))).toBe(5_000);
    expect(parseStrictJson(deep)).toBeDefined();
  });
  it('tells JSON from YAML by the first non-blank character', () => {
    expect(looksLikeJson('\n  {"a":1}')).toBe(true);
    expect(looksLikeJson('[1]')).toBe(true);
    expect(looksLikeJson('organization: {}')).toBe(false);
    expect(looksLikeJson('# {"a":1}')).toBe(false);
    expect(looksLikeJson('   ')).toBe(false);
  });
  it('a 1 MB adversarial string of quotes and backslashes is scanned in linear time', () => {
    const text = JSON.stringify({ k: '\\"'.repeat(250_000), ['"'.repeat(1000)]: '\\'.repeat(100_000) });
    const t0 = performance.now();
    expect(parseStrictJson(text)).toBeDefined();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

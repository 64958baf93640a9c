/**
 * Inventories as a hostile or careless author writes them: YAML and JSON hazards, each
 * reported with file, line:column, field path, what was expected and what was found.
 */
import { describe, expect, it } from 'vitest';
import { parseInventoryText } from './load.js';
import { InputError, type InputProblem } from '../common/errors.js';

const ORG = 'organization: { id: acme, name: Acme, organizedIn: US }\n';
const ORG_JSON = '"organization": {"id": "acme", "name": "Acme", "organizedIn": "US"}';

function problems(fn: () => unknown): readonly InputProblem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('a key written twice in one mapping', () => {
  it('names the key and the line it was first written on, in YAML and in JSON', () => {
    const [p] = problems(() => parseInventoryText('organization:\n  id: acme\n  name: Acme\n  organizedIn: US\n  name: Other\n', 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 5, column: 3, path: 'organization.name' });
    expect(p!.message).toBe('the key "name" is written twice in this mapping (first on line 3): keep one');
    const [q] = problems(() => parseInventoryText(`{\n  ${ORG_JSON},\n  "entities": [{"id": "e", "name": "E",\n    "kind": "company", "name": "F"}]\n}\n`, 'x.json'));
    expect(q).toMatchObject({ file: 'x.json', line: 4, column: 24, path: 'entities[0].name' });
    expect(q!.message).toBe('the key "name" is written twice in this mapping (first on line 3): keep one');
  });
});

describe('__proto__ and constructor as keys', () => {
  it('a count under __proto__ in subjects is refused, not dropped without a word (YAML and JSON)', () => {
    const yaml = ORG + 'datasets:\n  - id: d\n    categories: [health]\n    subjects:\n      US: 10\n      __proto__: { US: 5000000 }\n';
    const [p] = problems(() => parseInventoryText(yaml, 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 7, column: 7, path: 'datasets[0].subjects.__proto__', message: 'unknown key "__proto__"' });
    const json = `{${ORG_JSON},\n"datasets": [{"id": "d", "categories": ["health"],\n "subjects": {"__proto__": {"US": 5000000}}}]}`;
    const [q] = problems(() => parseInventoryText(json, 'x.json'));
    expect(q).toMatchObject({ file: 'x.json', line: 3, column: 15, path: 'datasets[0].subjects.__proto__', message: 'unknown key "__proto__"' });
    expect(({} as Record<string, unknown>)['US']).toBeUndefined();
  });
  it('a key that is not a country code in subjects says what a key must be and the key given', () => {
    const line = 'datasets: [{ id: d, categories: [health], subjects: { constructor: 3 } }]';
    const [p] = problems(() => parseInventoryText(`${ORG}${line}\n`, 'x.yaml'));
    expect(p).toMatchObject({ line: 2, column: line.indexOf('constructor') + 1, path: 'datasets[0].subjects.constructor' });
    expect(p!.message).toBe('expected a key that is an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE; got "constructor"');
  });
});

describe('every problem says what was found, as written, without dumping a huge value', () => {
  const messages = (text: string, file = 'x.yaml') => problems(() => parseInventoryText(text, file)).map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
  it('a value of the wrong type: a number where an id goes (0123 unquoted), NaN, infinity, binary data, a list, a mapping, nothing', () => {
    const text = ORG + 'systems:\n  - { id: 0123, location: US }\n  - { id: s, location: [US] }\n  - { id: t, location: { c: US } }\n  - { id: u, location: }\n  - { id: v, location: !!binary VVM= }\ndatasets: [{ id: d, categories: [health], subjects: { US: .nan, CN: 1e400, SG: true } }]\n';
    expect(messages(text)).toEqual([
      '3:11 systems[0].id: expected a string, got the number 0123 (quote it: "0123")',
      '4:24 systems[1].location: expected a string, got a list',
      '5:24 systems[2].location: expected a string, got a mapping',
      '6:24 systems[3].location: expected a string, got nothing (an empty value)',
      '7:33 systems[4].location: expected a string, got binary data (!!binary)',
      '8:59 datasets[0].subjects.US: expected a number, got .nan',
      '8:69 datasets[0].subjects.CN: expected a number, got 1e400',
      '8:80 datasets[0].subjects.SG: expected a number, got true',
    ]);
  });
  it('a value of the wrong form: a country code, a date with a time, an id with a space, a kind not in the list', () => {
    const text = ORG + 'entities:\n  - { id: "e 1", name: E, kind: firm, organizedIn: USA }\nflows: [{ id: f, dataset: d, recipient: acme, destination: CN, kind: transfer, start: 2025-04-08T10:00:00Z }]\ndatasets: [{ id: d, categories: [health] }]\n';
    expect(messages(text)).toEqual([
      '3:11 entities[0].id: expected an id: letters, digits and . _ : - (not starting with punctuation); got "e 1"',
      '3:33 entities[0].kind: expected one of "company", "individual", "government"; got "firm"',
      '3:52 entities[0].organizedIn: expected an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE; got "USA"',
      '4:87 flows[0].start: expected a calendar date as YYYY-MM-DD; got "2025-04-08T10:00:00Z"',
    ]);
  });
  it('a value, a key or a path thousands of characters long is shown cut', () => {
    const long = 'k'.repeat(100_000);
    const ps = problems(() => parseInventoryText(`{${ORG_JSON}, "systems": [{"id": "s", "location": "${'U'.repeat(100_000)}"}], "${long}": 1}`, 'x.json'));
    expect(ps.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `${'k'.repeat(59)}…: unknown field "${'k'.repeat(59)}…"`,
      `systems[0].location: expected an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE; got "${'U'.repeat(59)}…"`,
    ]);
  });
});

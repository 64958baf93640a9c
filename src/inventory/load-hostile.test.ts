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

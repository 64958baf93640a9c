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

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../common/errors.js';
import { InventoryPart } from '../inventory/schema.js';
import { datasetIdFor, jsonIndent, writeInventory, type DatasetUpdate } from './write-inventory.js';
import { parseInventoryText } from '../inventory/load.js';
import { problemsOf } from '../testing/input-error.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-inv-'));
const at = '2026-03-01T10:00:00.000Z';
const people: DatasetUpdate = {
  id: 'people',
  name: 'data/people.csv',
  categories: ['government_id', 'contact'],
  subjects: { CN: 1200, US: 3 },
  errors: { CN: 19, US: 0 },
  source: 'data/people.csv',
  at,
};

describe('dataset ids from sources', () => {
  it('uses the file stem, db.schema.table, or file-stem.table', () => {
    expect(datasetIdFor('data/people.csv')).toBe('people');
    expect(datasetIdFor('/x/logs/app.log.gz')).toBe('app');
    expect(datasetIdFor('postgres://postgres@127.0.0.1:5432/test#public.people')).toBe('test.public.people');
    expect(datasetIdFor('mysql://root@127.0.0.1:3306/crm#users')).toBe('crm.users');
    // a table whose name holds "#" (quoted in the label): the URL ends at the first "#"
    expect(datasetIdFor('postgres://postgres@127.0.0.1:5432/test#public."line#2"')).toBe('test.public.-line-2-');
    expect(datasetIdFor('app.db#orders')).toBe('app.orders');
    expect(datasetIdFor('客户 名单.csv')).toBe('dataset');
    expect(datasetIdFor('_x y.csv')).toBe('x-y');
  });
});

describe('writing scan results into an inventory', () => {
  it('creates a YAML file that is a valid inventory part', () => {
    const f = join(tmp(), 'inv.yaml');
    expect(writeInventory(f, [people])).toEqual({ added: ['people'], updated: [] });
    const data = parseDocument(readFileSync(f, 'utf8')).toJS();
    expect(InventoryPart.safeParse(data).success).toBe(true);
    expect(data.datasets[0]).toEqual({
      id: 'people',
      name: 'data/people.csv',
      categories: ['contact', 'government_id'],
      subjects: { CN: 1200, US: 3 },
      scan: { source: 'data/people.csv', at, error: { CN: 19, US: 0 } },
    });
  });

  it('updates an existing YAML dataset in place, keeping comments, order and declared facts', () => {
    const f = join(tmp(), 'inv.yaml');
    const before = [
      '# Our inventory — hand written',
      'organization: { id: acme, name: Acme, organizedIn: US }',
      'datasets:',
      '  # the customer table',
      '  - id: people',
      '    categories: [health] # declared by the DPO',
      '    subjects: { CN: 5, EU: 0, DE: 40 }',
      '    system: crm # where it lives',
      '  - id: other',
      '    categories: [business]',
      'flows: [] # none yet',
      '',
    ].join('\n');
    writeFileSync(f, before);
    expect(writeInventory(f, [people, { ...people, id: 'fresh', name: undefined }])).toEqual({ added: ['fresh'], updated: ['people'] });
    const after = readFileSync(f, 'utf8');
    for (const kept of ['# Our inventory — hand written', '# the customer table', '# declared by the DPO', 'system: crm # where it lives', 'flows: [] # none yet']) expect(after).toContain(kept);
    const data = parseDocument(after).toJS();
    expect(data.datasets[0].categories).toEqual(['health', 'contact', 'government_id']);
    expect(data.datasets[0].subjects).toEqual({ CN: 1200, EU: 0, DE: 40, US: 3 });
    expect(data.datasets[0].scan.error).toEqual({ CN: 19, US: 0 });
    expect(data.datasets[1]).toEqual({ id: 'other', categories: ['business'] });
    expect(data.datasets[2].id).toBe('fresh');
    expect(data.datasets[2].name).toBeUndefined();
    // a second run with the same results changes nothing
    writeInventory(f, [people, { ...people, id: 'fresh', name: undefined }]);
    expect(readFileSync(f, 'utf8')).toBe(after);
  });

  it('updates JSON inventories as JSON', () => {
    const f = join(tmp(), 'inv.json');
    writeFileSync(f, JSON.stringify({ organization: { id: 'a', name: 'A', organizedIn: 'CN' }, datasets: [{ id: 'people', categories: ['name'] }] }));
    writeInventory(f, [people]);
    const data = JSON.parse(readFileSync(f, 'utf8'));
    expect(data.organization.id).toBe('a');
    expect(data.datasets[0].categories).toEqual(['name', 'contact', 'government_id']);
    expect(InventoryPart.safeParse(data).success).toBe(true);
  });

  it('writes JSON back with the indentation it had: one line, two or four spaces, a tab', () => {
    const inv = { organization: { id: 'a', name: 'A', organizedIn: 'CN' }, datasets: [{ id: 'people', categories: ['name'] }] };
    for (const indent of [undefined, 2, 4, '\t']) {
      const f = join(tmp(), 'inv.json');
      writeFileSync(f, JSON.stringify(inv, null, indent) + '\n');
      writeInventory(f, [people]);
      const text = readFileSync(f, 'utf8');
      const data = JSON.parse(text);
      expect(data.datasets[0].categories).toEqual(['name', 'contact', 'government_id']);
      expect(text).toBe(JSON.stringify(data, null, indent) + '\n');
    }
    expect(jsonIndent('')).toBe(2);
    expect(jsonIndent('{\n"a": {\n    "b": 1}}')).toBe('    ');
  });

  it('refuses invalid input without touching the file', () => {
    const d = tmp();
    const f = join(d, 'inv.yaml');
    writeFileSync(f, 'datasets:\n  - id: x\n    categories: [not_a_category]\n');
    expect(() => writeInventory(f, [people])).toThrow(InputError);
    expect(readFileSync(f, 'utf8')).toBe('datasets:\n  - id: x\n    categories: [not_a_category]\n');
    writeFileSync(f, 'datasets: [\n');
    expect(() => writeInventory(f, [people])).toThrow(/syntax error/);
    writeFileSync(f, 'datasets: 3\n');
    expect(() => writeInventory(f, [people])).toThrow(/datasets: expected a list/);
    expect(() => writeInventory(join(d, 'n.yaml'), [{ ...people, id: '-bad' }])).toThrow(InputError);
    expect(() => writeInventory(join(d, 'n.yaml'), [{ ...people, categories: [] }])).toThrow(InputError);
    expect(existsSync(join(d, 'n.yaml'))).toBe(false);
    expect(readdirSync(d)).toEqual(['inv.yaml']); // no temporary files left behind
  });

  it('names a directory given as the inventory in plain words', () => {
    const d = tmp();
    expect(() => writeInventory(d, [people])).toThrow(new RegExp(`^${d}: cannot read: it is a directory; give an inventory file$`));
  });

  it('masks a value in an unknown key it quotes (a data file given as the inventory by mistake)', () => {
    const d = tmp();
    const f = join(d, 'users.yaml');
    const text = 'zhang.san@example.com:\n  phone: "13812345678"\n';
    writeFileSync(f, text);
    expect(() => writeInventory(f, [people])).toThrow(/users\.yaml:1:1: z\*+@e\*+\.com: unknown field "z\*+@e\*+\.com"$/);
    expect(() => writeInventory(f, [people])).not.toThrow(/zhang\.san/);
    expect(readFileSync(f, 'utf8')).toBe(text);
    writeFileSync(f, 'foo: 1\n');
    expect(() => writeInventory(f, [people])).toThrow(/users\.yaml:1:1: foo: unknown field "foo"$/);
  });

  it('reports a bad inventory as check does: every problem at its line:column and field, nothing written', () => {
    const d = tmp();
    const f = join(d, 'inv.yaml');
    const text = 'organization: { id: acme, name: Acme, organizedIn: US }\ndatasets:\n  - id: crm\n    categories: [email]\n    subject: { US: 10 }\nflows:\n  - { id: f, dataset: crm, recipient: acme, destination: CN, kind: transfer, start: 2026-02-30 }\n';
    writeFileSync(f, text);
    const checked = problemsOf(() => parseInventoryText(text, f));
    const written = problemsOf(() => writeInventory(f, [people]));
    expect(written).toEqual(checked);
    expect(written.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual(['5:5 datasets[0].subject', '4:18 datasets[0].categories[0]', '7:85 flows[0].start']);
    expect(readFileSync(f, 'utf8')).toBe(text);
    // a YAML syntax error, in check's words too
    writeFileSync(f, 'organization:\n  name: Acme: the company\n');
    expect(() => writeInventory(f, [people])).toThrow(/inv\.yaml:2:9: syntax error: the value "Acme: the company" holds ": "/);
  });

  it('masks a value it quotes from a bad inventory', () => {
    const d = tmp();
    const f = join(d, 'inv.yaml');
    writeFileSync(f, 'organization: { id: acme, name: Acme, organizedIn: "13812345678" }\n');
    const [p] = problemsOf(() => writeInventory(f, [people]));
    expect(p).toMatchObject({ line: 1, column: 52, path: 'organization.organizedIn' });
    expect(p!.message).not.toContain('13812345678');
  });

  it('places a JSON syntax error by line and column without quoting the text', () => {
    const d = tmp();
    const f = join(d, 'inv.json');
    // (a valid inventory part as YAML, which JSON.parse refuses)
    const text = '{\n  "datasets": [\n    {"id": 13812345678x, "categories": ["name"]}\n  ]\n}\n';
    writeFileSync(f, text);
    const err = (() => {
      try {
        writeInventory(f, [people]);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err!.message).toBe(`${f}:3:23: invalid JSON`);
    expect(readFileSync(f, 'utf8')).toBe(text);
  });
});

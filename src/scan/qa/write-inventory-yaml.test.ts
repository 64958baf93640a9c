/**
 * A YAML inventory whose aliases cannot be resolved — an alias without its anchor, or a
 * "billion laughs" file — is bad input naming the file (and the line), never an internal error
 * quoting the alias's name, and the file is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../common/errors.js';
import { writeInventory, type DatasetUpdate } from '../write-inventory.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-qa-inv-'));
const update: DatasetUpdate = {
  id: 'people',
  name: 'data/people.csv',
  categories: ['contact'],
  subjects: { CN: 2 },
  errors: { CN: 0 },
  source: 'data/people.csv',
  at: '2026-03-01T10:00:00.000Z',
};

function attempt(text: string): { error: unknown; after: string } {
  const file = join(tmp(), 'inventory.yaml');
  writeFileSync(file, text);
  let error: unknown;
  try {
    writeInventory(file, [update]);
  } catch (e) {
    error = e;
  }
  return { error, after: readFileSync(file, 'utf8') };
}

describe('YAML aliases that cannot be resolved', () => {
  it('an alias without its anchor: bad input at its line and column, the name not quoted', () => {
    const text = 'datasets:\n  - id: *a13812345678\n    categories: [contact]\n';
    const { error, after } = attempt(text);
    expect(error).toBeInstanceOf(InputError);
    const p = (error as InputError).problems[0]!;
    expect([p.line, p.column]).toEqual([2, 9]);
    expect(p.message).toMatch(/alias/);
    expect(JSON.stringify((error as InputError).problems)).not.toContain('13812345678');
    expect(after).toBe(text);
  });

  it('aliases expanding beyond the limit: bad input, the file unchanged', () => {
    const text =
      'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const { error, after } = attempt(text);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]!.message).toMatch(/too many/);
    expect(after).toBe(text);
  });
});

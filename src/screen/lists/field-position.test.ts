import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type InputProblem } from '../../common/errors.js';
import { fieldStart, parseCsv } from './csv.js';
import { parseListFile } from './parse.js';

const dir = mkdtempSync(join(tmpdir(), 'dc-field-pos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problem(name: string, text: string): InputProblem {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    parseListFile(path);
  } catch (e) {
    if (e instanceof InputError) return e.problems[0]!;
    throw e;
  }
  throw new Error('expected an InputError');
}

const MIEU = 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n';

describe('list rows: a bad value is named at the line and column where its field starts', () => {
  it('CSV records know where each field starts, quoted fields spanning lines included', () => {
    const [, rec] = parseCsv('a,b,c\nx,"two\nlines",  z\n', { file: 'f.csv' });
    expect([0, 1, 2, 3].map((i) => fieldStart(rec!, i))).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 8 },
      { line: 2, column: 1 }, // no such field: the record's start
    ]);
  });

  it('a bad date, a missing name, dates out of order: file, line:column and field', () => {
    expect(problem('a.csv', `${MIEU}Organization,Acme Org,,CN,,US-BIS-MIEU,31/02/2021,,\n`)).toMatchObject({ line: 2, column: 40, path: 'Date', message: 'not a date: "31/02/2021"' });
    expect(problem('b.csv', `${MIEU}Organization,Good,,CN,,US-BIS-MIEU,2021-03-16,,\nOrganization,,,CN,,US-BIS-MIEU,2021-03-16,,\n`)).toMatchObject({ line: 3, column: 14, path: 'Name' });
    expect(problem('c.csv', `${MIEU}Organization,Acme Org,,CN,,US-BIS-MIEU,2021-03-16,2021-03-15,\n`)).toMatchObject({ line: 2, column: 51, path: 'End date' });
  });

  it('after a cell that spans lines, the field is found on the line it starts on', () => {
    const text = `${MIEU}Organization,Acme Org,"ACME\nAcme Two",CN,,US-BIS-MIEU,2021-02-30,,\n`;
    expect(problem('d.csv', text)).toMatchObject({ line: 3, column: 27, path: 'Date', message: 'not a date: "2021-02-30"' });
  });

  it('OFAC legacy rows: the entity number, name and type fields', () => {
    const ok = '12,"X",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n';
    expect(problem('sdn.csv', `${ok}13,"Y",robot,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`)).toMatchObject({ line: 2, column: 8, path: 'SDN_Type' });
    expect(problem('sdn.csv', `${ok}14,-0- ,-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`)).toMatchObject({ line: 2, column: 4, path: 'SDN_Name' });
  });
});

/**
 * CSV headers with duplicate or empty names: two columns are never reported as one field (a
 * finding's field names one column), and cells past the header's end do not fall into a
 * column named by a number.
 */
import { describe, expect, it } from 'vitest';
import { createSourceScanner } from '../core/scanner.js';
import { readCsv } from '../readers/index.js';

async function fields(text: string) {
  const sc = createSourceScanner();
  await readCsv([text], { source: 'h.csv' }, sc);
  const r = sc.result();
  return { fields: r.fields.map((f) => f.field), findings: r.findings.map((f) => [f.field, f.masked]) };
}

describe('CSV header names', () => {
  it('a duplicate name gets its column number', async () => {
    const r = await fields('phone,phone,name\n13912345678,13912345679,x\n');
    expect(r.findings).toEqual([
      ['phone', '139****5678'],
      ['phone (column 2)', '139****5679'],
    ]);
  });

  it('an empty name is the column number; a cell past the end keeps its own number', async () => {
    const r = await fields('a,,2\n13912345678,13912345679,13912345670,13912345671\n');
    expect(r.fields).toEqual(['a', '2', '2 (column 3)', '4']);
  });

  it('a cell past the end of a header that names a column "3" is not put in that column', async () => {
    const r = await fields('3,b\nx,y,13912345678\n');
    expect(r.fields).toEqual(['column 3']);
  });
});

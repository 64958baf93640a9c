/**
 * Names taken from the data — nested JSON keys, `schema.table`, dotted file names — are masked
 * part by part: a value after a dot is not seen by the detectors in running text, but in a name
 * the dot only joins keys.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { scan } from '../index.js';
import { detect, mask } from '../detectors/index.js';
import { safeName } from '../sources/record-id.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-qa-names-'));
const MOBILE = '13812345678';
const SSN = '536-22-4187';

describe('names from the data are masked part by part', () => {
  it('masks each dotted part of a name, and an e-mail address across its dots', () => {
    expect(safeName(`contacts.${MOBILE}`, detect, mask)).toBe('contacts.138****5678');
    expect(safeName(`public.${MOBILE}`, detect, mask)).toBe('public.138****5678');
    expect(safeName(`users[].${SSN}.ssn`, detect, mask)).toBe('users[].***-**-4187.ssn');
    expect(safeName('by.alice@example.com', detect, mask)).not.toContain('alice@example.com');
    expect(safeName('address.city', detect, mask)).toBe('address.city');
  });

  for (const ext of ['json', 'jsonl']) {
    it(`masks nested JSON keys that are values (${ext})`, async () => {
      const d = tmp();
      const file = join(d, `people.${ext}`);
      writeFileSync(file, `{"id":1,"contacts":{"${MOBILE}":"13912345678","${SSN}":{"ssn":"${SSN}"}}}\n`);
      const run = await scan([file], { key: 'qa-test', stateDir: join(d, '.state') });
      const text = JSON.stringify(run.report);
      expect(run.report.sources[0]!.findingsTotal).toBe(2);
      expect(text).not.toContain(MOBILE);
      expect(text).not.toContain(SSN);
      expect(run.report.sources[0]!.fields.map((f) => f.field)).toEqual(['contacts.138****5678', 'contacts.***-**-4187.ssn']);
    });
  }

  it('masks a value in a dotted file name', async () => {
    const d = tmp();
    const file = join(d, `export.${MOBILE}.csv`);
    writeFileSync(file, `name,phone\n张三,13912345678\n`);
    const run = await scan([file], { key: 'qa-test', stateDir: join(d, '.state') });
    expect(run.report.sources[0]!.source).toBe(join(d, 'export.138****5678.csv'));
    expect(JSON.stringify(run.report)).not.toContain(MOBILE);
  });

  it('masks a PostgreSQL table named by a value in the source label', async () => {
    const url = process.env['DATACUSTOMS_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `dc_qa_names_${process.pid}_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`CREATE TABLE "${schema}"."${MOBILE}" (a text)`);
      await client.query(`INSERT INTO "${schema}"."${MOBILE}" VALUES ('13912345678')`);
      const d = tmp();
      const run = await scan([`${url}?schema=${schema}`], { key: 'qa-test', stateDir: join(d, '.state') });
      expect(run.report.sources.map((s) => s.source)).toEqual([`${url}#${schema}.138****5678`]);
      expect(JSON.stringify(run.report)).not.toContain(MOBILE);
    } finally {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    }
  });
});

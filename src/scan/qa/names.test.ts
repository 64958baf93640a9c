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
import Database from 'better-sqlite3';
import { InputError } from '../../common/errors.js';
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
      // the run's label in the sketch file keeps the URL's ?table=, masked like the table
      const named = await scan([`${url}?table=${schema}.${MOBILE}`], { key: 'qa-test', stateDir: join(d, '.state') });
      expect(named.sketches.sources[0]!.source).toBe(`${url}?table=${schema}.138****5678`);
      expect(JSON.stringify(named.sketches)).not.toContain(MOBILE);
      // a table that is not there is named masked in the error
      const missing = await scan([`${url}?table=${schema}.13912345678`], { key: 'qa-test', stateDir: join(d, '.state') }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(InputError);
      expect(String((missing as Error).message)).toContain('139****5678');
      expect(String((missing as Error).message)).not.toContain('13912345678');
    } finally {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    }
  });

  it('masks a table name that is a value in the error for a missing SQLite table', async () => {
    const d = tmp();
    const file = join(d, 'app.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE people (phone text); INSERT INTO people VALUES ('13912345678')`);
    db.close();
    const e = await scan([`sqlite:${file}?table=${MOBILE}`], { key: 'qa-test', stateDir: join(d, '.state') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems.map((p) => `${p.file} ${p.message}`).join('\n')).not.toContain(MOBILE);
    expect((e as InputError).problems[0]!.message).toContain('"138****5678"');
  });

  it('masks keys that are values in the error for a --merge file that is not a sketch file', async () => {
    const d = tmp();
    const csv = join(d, 'people.csv');
    writeFileSync(csv, 'phone\n13912345678\n');
    const base = { format: 'datacustoms-subject-sketches', version: 1, key: '0123456789abcdef' };
    for (const [i, doc] of [
      { ...base, [MOBILE]: 1, sources: [] },
      { ...base, sources: [{ source: 'x', records: 1, subjects: { [MOBILE]: { p: 14, registers: '' } } }] },
    ].entries()) {
      const file = join(d, `m${i}.json`);
      writeFileSync(file, JSON.stringify(doc));
      const e = await scan([csv], { key: 'qa-test', stateDir: join(d, '.state'), merge: [file] }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      const shown = (e as InputError).problems.map((p) => `${p.file} ${p.path ?? ''} ${p.message}`).join('\n');
      expect(shown).toContain('138****5678');
      expect(shown).not.toContain(MOBILE);
    }
  });
});

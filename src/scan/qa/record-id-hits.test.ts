/**
 * A record id that the id masker lets through (a bare 9-digit SSN is only an SSN in a field
 * that says so) is masked when the same value is detected in its record: shown beside the
 * finding that masks it, it would give the value away.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { scan } from '../index.js';
import { createSourceScanner } from '../core/scanner.js';

const SSN = '536224187';
const tmp = () => mkdtempSync(join(tmpdir(), 'dc-qa-rid-'));

describe('record ids that hold a value detected in their record', () => {
  it('JSON lines: an id equal to the ssn field, as text or number, and written another way', async () => {
    const d = tmp();
    const file = join(d, 'people.jsonl');
    writeFileSync(file, `{"id":"${SSN}","ssn":"${SSN}"}\n{"id":${SSN},"ssn":"536-22-4187"}\n{"id":"u-536224187-x","ssn":"${SSN}"}\n{"id":"u-77","ssn":"${SSN}"}\n`);
    const run = await scan([file], { key: 'qa-test', stateDir: join(d, '.state') });
    expect(run.report.sources[0]!.findings.map((f) => [f.record, f.masked])).toEqual([
      ['*****4187', '*****4187'],
      ['*****4187', '***-**-4187'],
      ['u-*****4187-x', '*****4187'],
      ['u-77', '*****4187'],
    ]);
    expect(JSON.stringify(run.report)).not.toContain(SSN);
  });

  it('a SQLite table keyed by its ssn column', async () => {
    const d = tmp();
    const file = join(d, 'app.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE people (ssn text PRIMARY KEY, name text); INSERT INTO people VALUES ('${SSN}', 'x')`);
    db.close();
    const run = await scan([file], { key: 'qa-test', stateDir: join(d, '.state') });
    expect(run.report.sources[0]!.findings.map((f) => [f.record, f.field, f.masked])).toEqual([['*****4187', 'ssn', '*****4187']]);
    expect(JSON.stringify(run.report)).not.toContain(SSN);
  });

  it('row numbers and ids without the value are left as they are', () => {
    const sc = createSourceScanner();
    sc.scanRecord(12345678, [['phone', '13912345678']]);
    sc.scanRecord('order-139', [['phone', '13912345678']]);
    expect(sc.result().findings.map((f) => f.record)).toEqual([12345678, 'order-139']);
  });
});

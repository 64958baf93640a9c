/**
 * A file reached under two names — a symbolic link beside its target in a directory, or both
 * named on the command line — is one source: its records are not counted twice, nor written
 * as two datasets.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { scan } from '../index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-qa-links-'));

describe('a file and a link to it are scanned once', () => {
  it('in a directory: CSV and SQLite', async () => {
    const d = tmp();
    const data = join(d, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'a.csv'), 'phone\n13912345678\n13912345679\n');
    symlinkSync('a.csv', join(data, 'b.csv'));
    const db = new Database(join(data, 'app.db'));
    db.exec(`CREATE TABLE people (phone text); INSERT INTO people VALUES ('13912345670')`);
    db.close();
    symlinkSync('app.db', join(data, 'copy.db'));
    const run = await scan([data], { key: 'qa-test', stateDir: join(d, '.state') });
    expect(run.report.sources.map((s) => s.source)).toEqual([join(data, 'a.csv'), join(data, 'app.db#people')]);
    expect(run.report.total.records).toBe(3);
  });

  it('on the command line: the target, then the link', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.csv'), 'phone\n13912345678\n');
    symlinkSync('a.csv', join(d, 'b.csv'));
    const run = await scan([join(d, 'a.csv'), join(d, 'b.csv')], { key: 'qa-test', stateDir: join(d, '.state') });
    expect(run.report.sources.map((s) => s.source)).toEqual([join(d, 'a.csv')]);
    expect(run.report.total.records).toBe(1);
  });
});


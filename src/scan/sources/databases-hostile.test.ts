/**
 * Database scanning as a demanding user hits it: odd identifiers, keys that are themselves
 * sensitive values, awkward column types, views and inheritance, URLs whose password holds
 * URL syntax. Against the real PostgreSQL and MariaDB on this machine (.ci/run starts them)
 * and SQLite files; every test makes its own `qa_h3_`-prefixed objects and drops them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';
import { InputError } from '../../common/errors.js';
import { detect, mask } from '../detectors/index.js';
import { openTarget } from './index.js';
import { parseDbTarget } from './url.js';
import { recordingScanner, testContext } from './testkit.js';

const PG_URL = process.env['DATACUSTOMS_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MY_URL = process.env['DATACUSTOMS_TEST_MYSQL'] ?? 'mysql://root@127.0.0.1:3306/test';
const tag = `qa_h3_${process.pid}_${Date.now().toString(36)}`;
/** The real detectors and masker, as the scan uses them. */
const realContext = (over = {}) => testContext({ detect, mask, ...over });

async function scanAll(target: string, ctx = realContext()) {
  const g = await openTarget(target, ctx);
  const out = [];
  try {
    for (const u of g.units) {
      const s = recordingScanner();
      const outcome = await u.run(s, () => undefined);
      out.push({ name: u.name, outcome, records: s.records });
    }
  } finally {
    await g.close();
  }
  return { units: out, skipped: g.skipped };
}

const fieldsOf = (r: { fields: [string, string][] }) => Object.fromEntries(r.fields);

describe('database URLs whose password holds URL syntax', () => {
  it('refuses a URL with "@" after the host, never showing the password that a "/", "?" or "#" in it cut short', () => {
    // each parses as a valid URL: the host is the user, the port the password's digits
    for (const [url, secret] of [
      ['postgres://postgres:5432/9999@127.0.0.1:5432/test', '9999'],
      ['mysql://root:2024#Secure@db.example:3306/shop', 'Secure'],
      ['postgres://app:1?x=Hunter@db/crm', 'Hunter'],
      ['postgres://app:p@ss/word@db/crm', 'ss/word'],
      ['mysql://root:@x/y@db/shop', '@x/y'],
    ] as const) {
      let err: unknown;
      try {
        parseDbTarget(url);
      } catch (e) {
        err = e;
      }
      expect(err, url).toBeInstanceOf(InputError);
      expect((err as Error).message, url).not.toContain(secret);
      expect((err as Error).message, url).toMatch(/percent-encode/);
    }
    // an encoded password is fine
    expect(parseDbTarget('mysql://root:2024%23Secure@db.example:3306/shop').label).toBe('mysql://root@db.example:3306/shop');
  });
});

describe('PostgreSQL', () => {
  let admin: pg.Client;
  const schema = tag;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
    } catch (e) {
      throw new Error(`PostgreSQL is not reachable at ${PG_URL} (${(e as Error).message}); start it (.ci/run does) or set DATACUSTOMS_TEST_PG`);
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
  });

  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin?.end().catch(() => undefined);
  });

  it('masks a primary key that is a value only its column name makes sensitive (a name, a bare SSN)', async () => {
    await admin.query(`CREATE TABLE ${schema}.by_name (name text PRIMARY KEY, city text)`);
    await admin.query(`INSERT INTO ${schema}.by_name VALUES ('张伟', 'x')`);
    await admin.query(`CREATE TABLE ${schema}.by_pair (surname text, ssn text, v text, PRIMARY KEY (surname, ssn))`);
    await admin.query(`INSERT INTO ${schema}.by_pair VALUES ('Smith', '536224187', 'y')`);
    const { units } = await scanAll(`${PG_URL}?table=${schema}.by_name,${schema}.by_pair`);
    expect(units.map((u) => u.records.map((r) => r.record))).toEqual([['张*'], ['S****,*****4187']]);
  });

  it('names tables unambiguously: a dot, quote or space in a schema or table name is quoted in the label', async () => {
    const base = `${schema}_ids`;
    const dotted = `${base}.x`;
    await admin.query(`CREATE SCHEMA ${base}`);
    await admin.query(`CREATE SCHEMA "${dotted}"`);
    try {
      await admin.query(`CREATE TABLE "${dotted}".t (v text)`);
      await admin.query(`INSERT INTO "${dotted}".t VALUES ('ann@example.com')`);
      await admin.query(`CREATE TABLE ${base}."x.t" (v text)`);
      await admin.query(`INSERT INTO ${base}."x.t" VALUES ('bob@example.com')`);
      await admin.query(`CREATE TABLE ${base}."My ""Tab""" ("身份证号" text, "select" text, "Col\`x" text)`);
      await admin.query(`INSERT INTO ${base}."My ""Tab""" VALUES ('11010519491231002X', 'a', 'b')`);
      await admin.query(`CREATE TABLE ${base}."Mixed" (v text)`);
      await admin.query(`CREATE TABLE ${base}.mixed (v text)`);
      const { units } = await scanAll(`${PG_URL}?schema=${base},${dotted}`);
      // "a.x".t and a."x.t" were both a.x.t: the scan kept the first and dropped the other unread
      expect(units.map((u) => u.name.slice(u.name.indexOf('#') + 1))).toEqual([`${base}.Mixed`, `${base}."My ""Tab"""`, `${base}.mixed`, `${base}."x.t"`, `"${dotted}".t`]);
      expect(fieldsOf(units[1]!.records[0]!)).toEqual({ 身份证号: '11010519491231002X', select: 'a', 'Col`x': 'b' });
      expect(units[3]!.records.map(fieldsOf)).toEqual([{ v: 'bob@example.com' }]);
      expect(units[4]!.records.map(fieldsOf)).toEqual([{ v: 'ann@example.com' }]);
      // ?table= takes the names as the label writes them (a comma inside quotes is part of a name)
      const picked = await scanAll(`${PG_URL}?table=${encodeURIComponent(`"${dotted}".t,${base}."My ""Tab"""`)}`);
      expect(picked.units.map((u) => u.name.slice(u.name.indexOf('#') + 1))).toEqual([`${base}."My ""Tab"""`, `"${dotted}".t`]);
      const comma = await scanAll(`${PG_URL}?table=${encodeURIComponent(`${base}."a,b"`)}`).catch((e: unknown) => e);
      expect((comma as Error).message).toMatch(/no readable table named .*"a,b"/);
    } finally {
      await admin.query(`DROP SCHEMA "${dotted}", ${base} CASCADE`);
    }
  });
});

describe('MySQL / MariaDB', () => {
  let admin: mysql.Connection;
  const made: string[] = [];
  const table = async (name: string, ddl: string) => {
    made.push(name);
    await admin.query(`CREATE TABLE \`${name}\` ${ddl}`);
  };

  beforeAll(async () => {
    try {
      admin = await mysql.createConnection({ uri: MY_URL });
    } catch (e) {
      throw new Error(`MariaDB/MySQL is not reachable at ${MY_URL} (${(e as Error).message}); start it (.ci/run does) or set DATACUSTOMS_TEST_MYSQL`);
    }
  });

  afterAll(async () => {
    for (const t of made) await admin?.query(`DROP TABLE IF EXISTS \`${t}\``).catch(() => undefined);
    await admin?.end().catch(() => undefined);
  });

  it('masks a primary key that is a value only its column name makes sensitive', async () => {
    await table(`${tag}_by_name`, '(name VARCHAR(20) CHARACTER SET utf8mb4 PRIMARY KEY, v INT)');
    await admin.query(`INSERT INTO \`${tag}_by_name\` VALUES ('张伟', 1)`);
    const { units } = await scanAll(`${MY_URL}?table=${tag}_by_name`);
    expect(units[0]!.records.map((r) => r.record)).toEqual(['张*']);
  });

  it('lists tables in code-unit order, not the server collation order (stable across servers)', async () => {
    await table(`${tag}_a`, '(v INT)');
    await table(`${tag}_B`, '(v INT)');
    await table(`${tag}_身份`, '(v INT)');
    const { units } = await scanAll(`${MY_URL}?table=${tag}_a,${tag}_B,${tag}_身份`);
    expect(units.map((u) => u.name.slice(u.name.indexOf('#') + 1))).toEqual([`${tag}_B`, `${tag}_a`, `${tag}_身份`]);
  });
});

describe('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qa_h3-'));

  it('masks a primary key that is a value only its column name makes sensitive', async () => {
    const file = join(dir, 'names.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE people (name TEXT PRIMARY KEY, v INT); INSERT INTO people VALUES ('张伟', 1)`);
    db.close();
    const { units } = await scanAll(file);
    expect(units[0]!.records.map((r) => r.record)).toEqual(['张*']);
  });
});

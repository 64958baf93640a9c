/**
 * Database scanning as a demanding user hits it: odd identifiers, keys that are themselves
 * sensitive values, awkward column types, views and inheritance, URLs whose password holds
 * URL syntax. Against the real PostgreSQL and MariaDB on this machine (.ci/run starts them)
 * and SQLite files; every test makes its own `qa_h3_`-prefixed objects and drops them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import mysql from 'mysql2/promise';
import mysqlCallbacks from 'mysql2';
import Database from 'better-sqlite3';
import { InputError } from '../../common/errors.js';
import { detect, mask } from '../detectors/index.js';
import { openTarget } from './index.js';
import { parseDbTarget } from './url.js';
import { MY_URL, PG_URL, myAdmin, pgAdmin, recordingScanner, scanTarget, testContext } from './testkit.js';

const tag = `qa_h3_${process.pid}_${Date.now().toString(36)}`;
/** The real detectors and masker, as the scan uses them. */
const realContext = (over = {}) => testContext({ detect, mask, ...over });

const scanAll = (target: string, ctx = realContext()) => scanTarget(target, ctx);

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
    // a bad port is not blamed on the password
    expect(() => parseDbTarget('mysql://root@127.0.0.1:99999/test')).toThrow(/^<argv>: malformed database URL: mysql:\/\/root@127\.0\.0\.1:99999\/test$/);
    expect(() => parseDbTarget('postgres://u:pa#ss@h:5432/db')).toThrow(/percent-encode/);
    // an encoded password is fine
    expect(parseDbTarget('mysql://root:2024%23Secure@db.example:3306/shop').label).toBe('mysql://root@db.example:3306/shop');
  });
});

describe('PostgreSQL', () => {
  let admin: pg.Client;
  const schema = tag;

  beforeAll(async () => {
    admin = await pgAdmin();
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

  it('reads an inheritance parent ONLY (its children are tables of their own) and says which relations it did not read, and why', async () => {
    const s = `${schema}_kinds`;
    const role = `${tag}_r`;
    await admin.query(`CREATE SCHEMA ${s}`);
    await admin.query(`CREATE SCHEMA ${s}_hidden`);
    try {
      await admin.query(`CREATE TABLE ${s}.parent (id int PRIMARY KEY, e text)`);
      await admin.query(`CREATE TABLE ${s}.child (x int) INHERITS (${s}.parent)`);
      await admin.query(`INSERT INTO ${s}.parent VALUES (1, 'ann@example.com')`);
      await admin.query(`INSERT INTO ${s}.child VALUES (2, 'bob@example.com', 5)`);
      await admin.query(`CREATE VIEW ${s}.v AS SELECT * FROM ${s}.parent`);
      await admin.query(`CREATE MATERIALIZED VIEW ${s}.mv_empty AS SELECT e FROM ${s}.parent WITH NO DATA`);
      await admin.query(`CREATE EXTENSION IF NOT EXISTS file_fdw`);
      await admin.query(`CREATE SERVER ${tag}_files FOREIGN DATA WRAPPER file_fdw`);
      await admin.query(`CREATE FOREIGN TABLE ${s}.ft (line text) SERVER ${tag}_files OPTIONS (filename '/dev/null')`);
      await admin.query(`CREATE TABLE ${s}.secret (e text)`);
      await admin.query(`INSERT INTO ${s}.secret VALUES ('carol@example.com')`);
      await admin.query(`CREATE TABLE ${s}_hidden.granted (e text)`);

      const all = await scanAll(`${PG_URL}?schema=${s}`);
      expect(all.units.map((u) => [u.name.slice(u.name.indexOf('#') + 1), u.records.length])).toEqual([
        [`${s}.child`, 1],
        [`${s}.parent`, 1], // not 2: child's row was counted twice
        [`${s}.secret`, 1],
      ]);
      const why = (g: { skipped: readonly { source: string; reason: string }[] }) => g.skipped.map((k) => [k.source.slice(k.source.indexOf('#') + 1), k.reason]);
      expect(why(all)).toEqual([
        [`${s}.ft`, expect.stringMatching(/^foreign table/)],
        [`${s}.mv_empty`, expect.stringMatching(/^materialized view not populated/)],
        [`${s}.v`, expect.stringMatching(/^view/)],
      ]);

      // a user who may not read every table: those are named as skipped, not left out unsaid,
      // and a table in a schema it may not use does not stop the whole scan
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
      await admin.query(`GRANT SELECT ON ${s}.parent, ${s}.child, ${s}_hidden.granted TO ${role}`);
      const url = new URL(PG_URL);
      url.username = role;
      url.password = '';
      const limited = await scanAll(`${url.toString()}?schema=${s},${s}_hidden`);
      expect(limited.units.map((u) => u.name.slice(u.name.indexOf('#') + 1))).toEqual([`${s}.child`, `${s}.parent`]);
      expect(why(limited)).toEqual([
        [`${s}.ft`, expect.stringMatching(/^no SELECT privilege/)],
        [`${s}.mv_empty`, expect.stringMatching(/^no SELECT privilege/)],
        [`${s}.secret`, expect.stringMatching(/^no SELECT privilege/)],
        [`${s}.v`, expect.stringMatching(/^no SELECT privilege/)],
        [`${s}_hidden.granted`, expect.stringMatching(/^no USAGE privilege on its schema/)],
      ]);
    } finally {
      await admin.query(`DROP SCHEMA ${s}, ${s}_hidden CASCADE`);
      await admin.query(`DROP SERVER IF EXISTS ${tag}_files CASCADE`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  it('takes the row count of a large partitioned table from its partitions\' estimates, not a COUNT(*) over all of them', async () => {
    const s = `${schema}_parts`;
    await admin.query(`CREATE SCHEMA ${s}`);
    try {
      await admin.query(`CREATE TABLE ${s}.events (id int, e text) PARTITION BY RANGE (id)`);
      await admin.query(`CREATE TABLE ${s}.events_a PARTITION OF ${s}.events FOR VALUES FROM (0) TO (1000)`);
      await admin.query(`CREATE TABLE ${s}.events_b PARTITION OF ${s}.events FOR VALUES FROM (1000) TO (2000) PARTITION BY RANGE (id)`);
      await admin.query(`CREATE TABLE ${s}.events_b1 PARTITION OF ${s}.events_b FOR VALUES FROM (1000) TO (2000)`);
      await admin.query(`INSERT INTO ${s}.events SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 1999) g`);
      // what ANALYZE of a table of 3 million rows would have written (the server's own estimate)
      await admin.query(`UPDATE pg_class SET reltuples = 1500000 WHERE oid IN ('${s}.events_a'::regclass, '${s}.events_b1'::regclass)`);
      const { units } = await scanAll(`${PG_URL}?schema=${s}`, realContext({ sample: 50 }));
      // (the Bernoulli pre-filter then keeps about 121 of 3,000,000 rows: of these 1,999, none or few)
      expect(units.map((u) => [u.name.slice(u.name.indexOf('#') + 1), u.outcome.sample?.of])).toEqual([[`${s}.events`, 3_000_000]]);
    } finally {
      await admin.query(`DROP SCHEMA ${s} CASCADE`);
    }
  });

  it('scans JSON by its paths under the column, \\u escapes (as Python writes them) read as the text they stand for; json keeps them, jsonb does not', async () => {
    await admin.query(`CREATE TABLE ${schema}.docs (id int PRIMARY KEY, j json, b jsonb, t text)`);
    const doc = String.raw`{"name": "\u5f20\u4f1f", "mail": "ann\u0040example.com", "ids": ["11010519491231002\u0058"]}`;
    await admin.query(`INSERT INTO ${schema}.docs VALUES (1, $1::text::json, $1::text::jsonb, $1::text), (2, NULL, NULL, $2), (3, NULL, NULL, $3)`, [doc, String.raw`{"cut": "\u5f20`, String.raw`[\u0040]`]);
    const { units } = await scanAll(`${PG_URL}?table=${schema}.docs`);
    const paths = (c: string) => ({ [`${c}.name`]: '张伟', [`${c}.mail`]: 'ann@example.com', [`${c}.ids[]`]: '11010519491231002X' });
    expect(units[0]!.records.map(fieldsOf)).toEqual([
      { id: '1', ...paths('j'), ...paths('b'), ...paths('t') },
      // not JSON: as it is
      { id: '2', t: String.raw`{"cut": "\u5f20` },
      { id: '3', t: String.raw`[\u0040]` },
    ]);
  });

  it('fetches rows of large documents a few at a time: memory stays flat however large the rows', async () => {
    await admin.query(`CREATE TABLE ${schema}.documents (id int PRIMARY KEY, body text)`);
    // 40 documents of 2 MB, an e-mail address at the end of each
    await admin.query(`INSERT INTO ${schema}.documents SELECT g, repeat('lorem ipsum ', 175000) || ' u' || g || '@example.com' FROM generate_series(1, 40) g`);
    const fetched: number[] = [];
    const query = pg.Client.prototype.query;
    // a spy on every query of every client: the size of what each FETCH brought back
    pg.Client.prototype.query = async function (this: pg.Client, ...args: unknown[]) {
      const res = await (query as (...a: unknown[]) => Promise<pg.QueryResult<unknown[]>>).apply(this, args);
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      if (text?.startsWith('FETCH')) fetched.push(res.rows.reduce((n, row) => n + row.reduce<number>((m, v) => m + String(v ?? '').length, 0), 0));
      return res;
    } as typeof query;
    let units;
    try {
      ({ units } = await scanAll(`${PG_URL}?table=${schema}.documents`));
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(units[0]!.records).toHaveLength(40);
    expect(units[0]!.records.every((r) => /@example\.com$/.test(fieldsOf(r)['body']!))).toBe(true);
    // the first FETCH is small (4 rows), the next ones hold about 16 MB: never all 80 MB at once
    expect(Math.max(...fetched)).toBeLessThanOrEqual(18 * 1024 * 1024);
    expect(fetched.length).toBeGreaterThan(2);
  });

  it('reads a SQL_ASCII database holding GBK text (it stopped the scan: invalid byte sequence for UTF8)', async () => {
    const dbName = `${tag}_ascii`;
    await admin.query(`CREATE DATABASE ${dbName} ENCODING 'SQL_ASCII' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    const legacy = new pg.Client({ connectionString: url.toString() });
    try {
      await legacy.connect();
      await legacy.query(`CREATE TABLE people (id int PRIMARY KEY, name text, city text, photo bytea)`);
      // the bytes a GBK application wrote: 张伟, and UTF-8 beside it
      const gbk = Buffer.from([0xd5, 0xc5, 0xce, 0xb0]).toString('hex');
      await legacy.query(`INSERT INTO people VALUES (10, convert_from('\\x${gbk}'::bytea, 'SQL_ASCII'), '北京', '\\x00ff'), (2, 'Smith', NULL, NULL)`);
      await legacy.end();
      const { units } = await scanAll(`${url.toString()}?table=people`);
      // in key order (2 before 10: the key, not its text as bytes); the binary photo unscanned
      expect(units[0]!.records).toEqual([
        { record: '2', fields: [['id', '2'], ['name', 'Smith']] },
        { record: '10', fields: [['id', '10'], ['name', '张伟'], ['city', '北京']] },
      ]);
      const sampled = await scanAll(`${url.toString()}?table=people`, realContext({ sample: 1 }));
      expect(sampled.units[0]!.records).toHaveLength(1);
    } finally {
      await legacy.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
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
    admin = await myAdmin();
  });

  afterAll(async () => {
    for (const t of made.reverse()) {
      for (const kind of ['VIEW', 'SEQUENCE', 'TABLE']) await admin?.query(`DROP ${kind} IF EXISTS \`${t}\``).catch(() => undefined);
    }
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

  it('reads system-versioned tables (current rows) and lists views and sequences as skipped, with the reason', async () => {
    await table(`${tag}_hist`, '(id INT PRIMARY KEY, e VARCHAR(50)) WITH SYSTEM VERSIONING');
    await admin.query(`INSERT INTO \`${tag}_hist\` VALUES (1, 'ann@example.com')`);
    made.push(`${tag}_v`);
    await admin.query(`CREATE VIEW \`${tag}_v\` AS SELECT * FROM \`${tag}_hist\``);
    made.push(`${tag}_seq`);
    await admin.query(`CREATE SEQUENCE \`${tag}_seq\``);
    const g = await scanAll(`${MY_URL}?table=${tag}_hist,${tag}_v,${tag}_seq`);
    expect(g.units.map((u) => [u.name.slice(u.name.indexOf('#') + 1), u.records.map(fieldsOf)])).toEqual([[`${tag}_hist`, [{ id: '1', e: 'ann@example.com' }]]]);
    expect(g.skipped.map((k) => [k.source.slice(k.source.indexOf('#') + 1), k.reason])).toEqual([
      [`${tag}_seq`, expect.stringMatching(/^sequence/)],
      [`${tag}_v`, expect.stringMatching(/^view/)],
    ]);
  });

  it('scans a text column holding a control character, and binary columns padded or ended with NUL bytes', async () => {
    await table(`${tag}_ctl`, '(id INT PRIMARY KEY, note TEXT CHARACTER SET utf8mb4, code BINARY(24), raw BLOB)');
    await admin.query(`INSERT INTO \`${tag}_ctl\` VALUES
      (1, CONCAT('call ', CHAR(7), '13812345678 or ann@example.com', CHAR(0), ' end'), 'bob@example.com', CONCAT('carol@example.com', CHAR(0))),
      (2, CONCAT(CHAR(27), '[1m张伟', CHAR(27), '[0m'), NULL, UNHEX('89504E470D0A1A0A0000'))`);
    const { units } = await scanAll(`${MY_URL}?table=${tag}_ctl`);
    expect(units[0]!.records.map(fieldsOf)).toEqual([
      { id: '1', note: 'call \u000713812345678 or ann@example.com\u0000 end', code: 'bob@example.com', raw: 'carol@example.com' },
      { id: '2', note: '\u001b[1m张伟\u001b[0m' }, // the PNG header stays unscanned
    ]);
  });

  it('scans a JSON column by its paths, \\u escapes read as the text they stand for', async () => {
    await table(`${tag}_docs`, '(id INT PRIMARY KEY, j JSON)');
    await admin.query(`INSERT INTO \`${tag}_docs\` VALUES (1, ?)`, [String.raw`{"name": "\u5f20\u4f1f", "mail": "ann\u0040example.com"}`]);
    const { units } = await scanAll(`${MY_URL}?table=${tag}_docs`);
    expect(units[0]!.records.map(fieldsOf)).toEqual([{ id: '1', 'j.name': '张伟', 'j.mail': 'ann@example.com' }]);
  });

  it('scans each row as the driver parses it, holding no rows ahead (1,000 rows of large documents were buffered)', async () => {
    await table(`${tag}_rows`, '(id INT PRIMARY KEY, v VARCHAR(40))');
    const values = Array.from({ length: 3000 }, (_, i) => [i + 1, `u${i + 1}@example.com`]);
    await admin.query(`INSERT INTO \`${tag}_rows\` VALUES ?`, [values]);
    // a spy on the driver: how many rows it has handed out when the scan gets each one
    let parsed = 0;
    const proto = mysqlCallbacks.Connection.prototype as unknown as { query: (...a: unknown[]) => { on(e: string, f: () => void): unknown } };
    const query = proto.query;
    const g = await openTarget(`${MY_URL}?table=${tag}_rows`, realContext());
    proto.query = function (this: unknown, ...args: unknown[]) {
      const q = query.apply(this, args);
      q.on('result', () => parsed++);
      return q;
    };
    const ahead: number[] = [];
    const s = recordingScanner();
    const scanRecord = s.scanRecord.bind(s);
    s.scanRecord = (record, fields) => {
      ahead.push(parsed - s.records.length);
      scanRecord(record, fields);
    };
    try {
      await g.units[0]!.run(s, () => undefined);
    } finally {
      proto.query = query;
      await g.close();
    }
    expect(s.records).toHaveLength(3000);
    expect(s.records[2999]).toEqual({ record: '3000', fields: [['id', '3000'], ['v', 'u3000@example.com']] });
    // (the key lookup before the rows is a query too: a constant offset)
    expect(Math.max(...ahead) - Math.min(...ahead)).toBe(0);
  });
});

describe('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qa_h3-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('masks a primary key that is a value only its column name makes sensitive', async () => {
    const file = join(dir, 'names.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE people (name TEXT PRIMARY KEY, v INT); INSERT INTO people VALUES ('张伟', 1)`);
    db.close();
    const { units } = await scanAll(file);
    expect(units[0]!.records.map((r) => r.record)).toEqual(['张*']);
  });

  it('lists views and virtual tables as skipped (a module this build lacks no longer stops the scan) and reads shadow tables once', async () => {
    const file = join(dir, 'kinds.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE t (e TEXT); INSERT INTO t VALUES ('ann@example.com');
             CREATE VIEW v AS SELECT * FROM t;
             CREATE VIRTUAL TABLE f USING fts5(body); INSERT INTO f VALUES ('bob@example.com');`);
    // a virtual table of a module the scan does not have (an application's own)
    // (a factory makes a module for CREATE VIRTUAL TABLE; the typings know only the object form)
    const factory = () => ({ columns: ['v'], *rows() {} });
    db.table('qa_h3_app_module', factory as unknown as Parameters<typeof db.table>[1]);
    db.exec(`CREATE VIRTUAL TABLE sp USING qa_h3_app_module(1)`);
    db.close();
    const g = await scanAll(file);
    // f's text is read once, from its content table (f itself read it a second time)
    expect(g.units.map((u) => [u.name.slice(u.name.indexOf('#') + 1), u.records.flatMap((r) => r.fields.map(([, v]) => v)).filter((v) => v.includes('@'))])).toEqual([
      ['f_config', []],
      ['f_content', ['bob@example.com']],
      ['f_data', []],
      ['f_docsize', []],
      ['f_idx', []],
      ['t', ['ann@example.com']],
    ]);
    expect(g.skipped.map((k) => [k.source.slice(k.source.indexOf('#') + 1), k.reason])).toEqual([
      ['f', expect.stringMatching(/^virtual table/)],
      ['sp', expect.stringMatching(/^virtual table/)],
      ['v', expect.stringMatching(/^view/)],
    ]);
  });

  it('gives the rowid as record of a table without a primary key, in a full pass and in a sample', async () => {
    const file = join(dir, 'rowid.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE logs (line TEXT); CREATE TABLE shadowed (rowid TEXT, line TEXT)`);
    const ins = db.prepare('INSERT INTO logs VALUES (?)');
    db.transaction(() => {
      for (let i = 1; i <= 300; i++) ins.run(`line ${i}`);
    })();
    db.exec(`DELETE FROM logs WHERE rowid % 3 = 0; INSERT INTO shadowed VALUES ('x', 'a'), ('y', 'b'); DELETE FROM shadowed WHERE line = 'a'`);
    db.close();
    const full = await scanAll(`sqlite:${file}?table=logs,shadowed`);
    expect(full.units[0]!.records.slice(0, 4).map((r) => [r.record, fieldsOf(r)])).toEqual([
      [1, { line: 'line 1' }],
      [2, { line: 'line 2' }],
      [4, { line: 'line 4' }],
      [5, { line: 'line 5' }],
    ]);
    // a column named rowid: the rowid is still found (as _rowid_), the column read as a column
    expect(full.units[1]!.records.map((r) => [r.record, fieldsOf(r)])).toEqual([[2, { rowid: 'y', line: 'b' }]]);
    const sample = await scanAll(`sqlite:${file}?table=logs`, realContext({ sample: 20, seed: 3 }));
    // each record id names its row: the row holds "line <id>"
    for (const r of sample.units[0]!.records) expect(fieldsOf(r)['line']).toBe(`line ${r.record}`);
    expect(sample.units[0]!.records).toHaveLength(20);
  });
});

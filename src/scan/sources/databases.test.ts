/**
 * Against the real PostgreSQL and MariaDB on this machine (.ci/run starts them). Each test
 * makes its own uniquely named schema / tables and drops them, so runs can overlap. A server
 * that is down fails these tests with a message saying so; nothing is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { InputError } from '../../common/errors.js';
import { openTarget } from './index.js';
import { connectionError, parseDbTarget, redactUrl } from './url.js';
import { MY_URL, PG_URL, myAdmin, pgAdmin, scanTarget, testContext } from './testkit.js';

const tag = `dc_${process.pid}_${Date.now().toString(36)}`;

const scanAll = async (target: string, ctx = testContext()) => (await scanTarget(target, ctx)).units;

describe('database URLs', () => {
  it('strips our parameters and never shows a password', () => {
    const t = parseDbTarget('postgresql://app:s3cret@db.example:5433/crm?schema=a,b&table=people&sslmode=disable');
    expect(t.kind).toBe('postgres');
    expect(t.schemas).toEqual(['a', 'b']);
    expect(t.tables).toEqual(['people']);
    expect(t.connect).toBe('postgres://app:s3cret@db.example:5433/crm?sslmode=disable');
    expect(t.label).toBe('postgres://app@db.example:5433/crm?sslmode=disable');
    expect(parseDbTarget('mariadb://root:pw@h/test').label).toBe('mysql://root@h/test');
    expect(parseDbTarget('sqlite:data/app.db?table=t').tables).toEqual(['t']);
    expect(redactUrl('mysql://u:pw@h/db')).toBe('mysql://u:***@h/db');
  });

  it('refuses a ?table= or ?schema= that names nothing (it scanned nothing and said so nowhere)', () => {
    expect(() => parseDbTarget('postgres://u:pw@h/db?table=')).toThrow(/^postgres:\/\/u:\*\*\*@h\/db\?table=: table: \?table= names no table/);
    expect(() => parseDbTarget('postgres://u@h/db?schema=,')).toThrow(/schema: \?schema= names no schema/);
    expect(() => parseDbTarget('sqlite:app.db?table= ')).toThrow(/^app\.db: table: /);
    expect(parseDbTarget('mysql://u@h/db?table=a,,b').tables).toEqual(['a', 'b']);
  });

  it('redacts a password holding "@", "/" or ":", and one after a user holding "@"', () => {
    // a malformed URL is quoted in the error; the password ran to its first "@" only
    const leaks = ['postgres://u:p@ss@[::1', 'postgres://u:a/b@h/db', 'postgres://u@corp:pw@h/db', 'mysql://root:x:y@h:99999/db', 'mysql://root:p@ss@h/db'];
    for (const s of leaks) {
      const shown = redactUrl(s);
      expect(shown).toContain(':***@');
      expect(shown).not.toMatch(/ss@|a\/b|pw|x:y/);
      const err = (() => {
        try {
          parseDbTarget(s);
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      if (err) expect(err.message).not.toMatch(/ss@|a\/b|pw|x:y/);
    }
    expect(redactUrl('postgres://h:5432/db?x=a@b')).toBe('postgres://h:5432/db?x=a@b');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
    expect(connectionError('postgres://u@h/db', new Error('failed for postgres://u:p@ss@h/db')).message).not.toContain('ss@');
  });

  it('parses any string into a target or a clear InputError (property)', async () => {
    const { default: fc } = await import('fast-check');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl().map((u) => u.replace(/^https?/, 'postgres')), fc.string().map((s) => `mysql://${s}`), fc.string().map((s) => `sqlite:${s}`)), (s) => {
        try {
          const t = parseDbTarget(s);
          expect(t.label).not.toMatch(/:[^/@]*:[^@]*@/); // never user:password@
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports a refused connection as bad input without the password', async () => {
    const err = await openTarget('postgres://postgres:hunter2@127.0.0.1:1/test', testContext()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/postgres:\/\/postgres@127\.0\.0\.1:1\/test: cannot connect: connection refused/);
    expect((err as Error).message).not.toContain('hunter2');
    const err2 = await openTarget('mysql://root:hunter2@127.0.0.1:1/test', testContext()).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(InputError);
    expect((err2 as Error).message).not.toContain('hunter2');
  });

  it('names a host that cannot be resolved, in one line without the password: the "…" of an example URL, a name with no address', async () => {
    for (const url of ['postgres://app:hunter2@…/crm', 'mysql://root:hunter2@…/shop']) {
      const err = await openTarget(url, testContext()).catch((e: unknown) => e);
      expect(err, url).toBeInstanceOf(InputError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/: cannot connect: host "…" is not a host name: put the database server's host name or address in the URL$/);
      expect(msg).not.toMatch(/EINVAL|getaddrinfo|hunter2|\n/);
    }
    const dns = (code: string, hostname?: string) => Object.assign(new Error(`getaddrinfo ${code} ${hostname ?? ''}`), { code, syscall: 'getaddrinfo', ...(hostname ? { hostname } : {}) });
    expect(connectionError('postgres://app@db.example.test:5432/crm', dns('ENOTFOUND', 'db.example.test')).message).toBe(
      'postgres://app@db.example.test:5432/crm: cannot connect: host "db.example.test" not found (no address for that name; check its spelling)',
    );
    // the host from the label when the error does not carry it
    expect(connectionError('mysql://root@db.example.test/shop', dns('ENOTFOUND')).message).toMatch(/host "db\.example\.test" not found/);
    expect(connectionError('postgres://app@db.example.test/crm', dns('EAI_AGAIN', 'db.example.test')).message).toMatch(/cannot connect: host "db\.example\.test" could not be looked up \(the name server did not answer/);
    expect(connectionError('postgres://app@%E2%80%A6/crm', dns('EINVAL')).message).toMatch(/host "…" is not a host name/);
    // an internationalised name is a host name; it has no address here
    expect(connectionError('postgres://app@bücher.invalid/crm', dns('ENOTFOUND', 'bücher.invalid')).message).toMatch(/host "bücher\.invalid" not found/);
  });

  it('labels a URL with a non-ASCII host as typed, without the password (was: postgres://app@%E2%80%A6/crm)', () => {
    expect(parseDbTarget('postgres://app:hunter2@…/crm').label).toBe('postgres://app@…/crm');
    expect(parseDbTarget('mysql://root:hunter2@bücher.example:3306/shop?table=t').label).toBe('mysql://root@bücher.example:3306/shop');
    expect(parseDbTarget('postgresql://app@…:5432/crm?password=hunter2').label).toBe('postgres://app@…:5432/crm?password=***');
  });

  it('reports connection options the driver refuses as bad input', async () => {
    // mysql2 throws from createConnection itself for an unknown SSL profile
    const err = await openTarget('mysql://root:hunter2@127.0.0.1:1/test?ssl=nonsense', testContext()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^mysql:\/\/root@127\.0\.0\.1:1\/test\?ssl=nonsense: cannot connect: /);
    expect((err as Error).message).not.toContain('hunter2');
  });
});

describe('PostgreSQL', () => {
  let admin: pg.Client;
  const schema = tag;

  beforeAll(async () => {
    admin = await pgAdmin();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(`CREATE TABLE ${schema}.people (
        id bigint PRIMARY KEY, name text, idno varchar(18), phone text, born date, balance numeric(20,2),
        email text, photo bytea, notes bytea, tags text[], extra jsonb, big numeric(30,0))`);
    await admin.query(`INSERT INTO ${schema}.people
        SELECT g, '张' || g, '11010519491231002X', '+86 138' || lpad(g::text, 8, '0'), date '1990-01-01' + g,
               g * 1.5, CASE WHEN g % 2 = 0 THEN 'u' || g || '@example.com' END,
               '\\x000102'::bytea, convert_to('note ' || g, 'UTF8'), ARRAY['a', 'b'], jsonb_build_object('k', g),
               123456789012345678901234567890
          FROM generate_series(1, 2000) g`);
    await admin.query(`CREATE TABLE ${schema}.keyed (email text, seq int, v text, PRIMARY KEY (email, seq))`);
    await admin.query(`INSERT INTO ${schema}.keyed VALUES ('ann@example.com', 1, 'x'), ('bob@example.com', 2, 'y')`);
    await admin.query(`CREATE TABLE ${schema}.nokey (line text)`);
    await admin.query(`INSERT INTO ${schema}.nokey VALUES ('one'), ('two')`);
    await admin.query(`CREATE TABLE ${schema}.parted (id int, v text) PARTITION BY RANGE (id)`);
    await admin.query(`CREATE TABLE ${schema}.parted_a PARTITION OF ${schema}.parted FOR VALUES FROM (0) TO (100)`);
    await admin.query(`INSERT INTO ${schema}.parted VALUES (1, 'p')`);
    await admin.query(`CREATE MATERIALIZED VIEW ${schema}.people_mv AS SELECT id, email FROM ${schema}.people WHERE id <= 10`);
    await admin.query(`CREATE VIEW ${schema}.people_v AS SELECT id FROM ${schema}.people`);
  });

  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin?.end().catch(() => undefined);
  });

  it('scans every table and column, primary key as record id, values in text form', async () => {
    const units = await scanAll(`${PG_URL}?schema=${schema}`);
    // tables and materialized views; plain views are not read (their tables are)
    expect(units.map((u) => u.name)).toEqual(['keyed', 'nokey', 'parted', 'people', 'people_mv'].map((t) => `${PG_URL}#${schema}.${t}`));
    expect(units[4]!.records).toHaveLength(10);
    const people = units[3]!;
    expect(people.records).toHaveLength(2000);
    expect(people.outcome).toEqual({ format: 'postgres' });
    expect(people.progress.at(-1)).toBe(2000);
    const r2 = people.records[1]!;
    expect(r2.record).toBe('2');
    expect(Object.fromEntries(r2.fields)).toEqual({
      id: '2',
      name: '张2',
      idno: '11010519491231002X',
      phone: '+86 13800000002',
      born: '1990-01-03',
      balance: '3.00',
      email: 'u2@example.com',
      notes: 'note 2',
      tags: '{a,b}',
      // a jsonb value is scanned by its paths under the column
      'extra.k': '2',
      big: '123456789012345678901234567890',
    });
    // ordered by primary key
    expect(people.records.map((r) => r.record).slice(0, 3)).toEqual(['1', '2', '3']);
    // composite key, with the e-mail in it masked
    expect(units[0]!.records.map((r) => r.record)).toEqual(['a*************m,1', 'b*************m,2']);
    expect(units[1]!.records.map((r) => r.record)).toEqual([1, 2]);
    // partitions are read once, through the parent
    expect(units[2]!.records).toHaveLength(1);
  });

  it('samples N random rows reproducibly and says so', async () => {
    const run = async (seed: number) => {
      const [u] = await scanAll(`${PG_URL}?table=${schema}.people`, testContext({ sample: 100, seed }));
      expect(u!.outcome.sample).toEqual({ rows: 100, of: 2000 });
      expect(u!.size).toBe(100);
      return u!.records.map((r) => r.record);
    };
    const a = await run(7);
    expect(new Set(a).size).toBe(100);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });

  it('samples a large table through TABLESAMPLE BERNOULLI, uniformly', async () => {
    await admin.query(`CREATE TABLE ${schema}.large (id int PRIMARY KEY, v text)`);
    await admin.query(`INSERT INTO ${schema}.large SELECT g, 'v' || g FROM generate_series(1, 120000) g`);
    const [u] = await scanAll(`${PG_URL}?table=${schema}.large`, testContext({ sample: 2000, seed: 5 }));
    expect(u!.outcome.sample).toEqual({ rows: 2000, of: 120_000 });
    const ids = u!.records.map((r) => Number(r.record));
    expect(new Set(ids).size).toBe(2000);
    // spread over the whole table, not the first pages: each third holds about a third
    const thirds = [0, 0, 0];
    for (const id of ids) thirds[Math.min(2, Math.floor((id - 1) / 40_000))]!++;
    for (const t of thirds) expect(t).toBeGreaterThan(550);
    await admin.query(`DROP TABLE ${schema}.large`);
  });

  it('gives up on a table locked by another session with a message, instead of waiting as long as the lock is held', async () => {
    await admin.query(`CREATE TABLE ${schema}.locked (v text)`);
    const locker = new pg.Client({ connectionString: PG_URL });
    await locker.connect();
    let result: unknown;
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema}.locked IN ACCESS EXCLUSIVE MODE`);
      // a lock_timeout set by the connection wins over the scan's own (10 s)
      const opened = openTarget(`${PG_URL}?table=${schema}.locked&options=-c%20lock_timeout%3D300`, testContext()).then(
        (g) => g.close().then(() => 'opened'),
        (e: unknown) => e,
      );
      result = await Promise.race([opened, new Promise((r) => setTimeout(() => r('still waiting after 5 s'), 5000))]);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end().catch(() => undefined);
    }
    expect(result).toBeInstanceOf(InputError);
    expect((result as Error).message).toMatch(/: a table is locked by another session/);
    await admin.query(`DROP TABLE ${schema}.locked`);
  }, 20_000);

  it('names an unknown schema or table', async () => {
    await expect(openTarget(`${PG_URL}?schema=${schema}_missing`, testContext())).rejects.toThrow(/no readable table in schema/);
    await expect(openTarget(`${PG_URL}?table=${schema}.nope`, testContext())).rejects.toThrow(/no readable table named/);
  });
});

describe('MySQL / MariaDB', () => {
  let admin: mysql.Connection;
  const t1 = `${tag}_people`;
  const t2 = `${tag}_keyed`;

  beforeAll(async () => {
    admin = await myAdmin();
    await admin.query(`CREATE TABLE \`${t1}\` (id INT PRIMARY KEY, name VARCHAR(50) CHARACTER SET utf8mb4, idno CHAR(18), born DATE,
        amount DECIMAL(30,0), score DOUBLE, email VARCHAR(100), photo BLOB, note VARBINARY(100))`);
    const rows = Array.from({ length: 1500 }, (_, i) => [i + 1, `张${i + 1}`, '11010519491231002X', '1990-01-02', '123456789012345678901234567890', (i + 1) / 4, i % 2 ? `u${i + 1}@example.com` : null, Buffer.from([0, 1, 2]), Buffer.from(`note ${i + 1}`)]);
    await admin.query(`INSERT INTO \`${t1}\` VALUES ?`, [rows]);
    await admin.query(`CREATE TABLE \`${t2}\` (email VARCHAR(100), seq INT, PRIMARY KEY (email, seq))`);
    await admin.query(`INSERT INTO \`${t2}\` VALUES ('ann@example.com', 1)`);
  });

  afterAll(async () => {
    await admin?.query(`DROP TABLE IF EXISTS \`${t1}\`, \`${t2}\``).catch(() => undefined);
    await admin?.end().catch(() => undefined);
  });

  it('scans every column as text with the primary key as record id', async () => {
    const units = await scanAll(`${MY_URL}?table=${t1},${t2}`);
    expect(units.map((u) => u.name)).toEqual([`${MY_URL}#${t2}`, `${MY_URL}#${t1}`]);
    const people = units[1]!;
    expect(people.records).toHaveLength(1500);
    expect(people.records[1]).toEqual({
      record: '2',
      fields: [
        ['id', '2'],
        ['name', '张2'],
        ['idno', '11010519491231002X'],
        ['born', '1990-01-02'],
        ['amount', '123456789012345678901234567890'],
        ['score', '0.5'],
        ['email', 'u2@example.com'],
        ['note', 'note 2'],
      ],
    });
    expect(units[0]!.records[0]!.record).toBe('a*************m,1');
  });

  it('samples N random rows reproducibly', async () => {
    const run = async (seed: number) => {
      const [u] = await scanAll(`${MY_URL}?table=${t1}`, testContext({ sample: 60, seed }));
      expect(u!.outcome.sample).toEqual({ rows: 60, of: 1500 });
      return u!.records.map((r) => r.record);
    };
    const a = await run(3);
    expect(new Set(a).size).toBe(60);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('samples a large table through a RAND() pre-filter, uniformly', async () => {
    const t3 = `${tag}_large`;
    await admin.query(`CREATE TABLE \`${t3}\` (id INT PRIMARY KEY, v VARCHAR(20))`);
    const digits = '(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
    await admin.query(
      `INSERT INTO \`${t3}\` SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d, 'v'
         FROM ${digits} a, ${digits} b, ${digits} c, ${digits} e, ${digits} f, (SELECT 0 d UNION ALL SELECT 1) g`,
    );
    try {
      const [u] = await scanAll(`${MY_URL}?table=${t3}`, testContext({ sample: 2000, seed: 5 }));
      expect(u!.outcome.sample).toEqual({ rows: 2000, of: 200_000 });
      const ids = u!.records.map((r) => Number(r.record));
      expect(new Set(ids).size).toBe(2000);
      const thirds = [0, 0, 0];
      for (const id of ids) thirds[Math.min(2, Math.floor(((id - 1) * 3) / 200_000))]!++;
      for (const t of thirds) expect(t).toBeGreaterThan(550);
    } finally {
      await admin.query(`DROP TABLE IF EXISTS \`${t3}\``);
    }
  });

  it('gives up on a table locked by another session after 10 s with a message, instead of waiting as long as the lock is held', async () => {
    const t = `${tag}_locked`;
    await admin.query(`CREATE TABLE \`${t}\` (v TEXT)`);
    const locker = await mysql.createConnection({ uri: MY_URL });
    let result: unknown;
    try {
      await locker.query(`LOCK TABLES \`${t}\` WRITE`);
      const opened = openTarget(`${MY_URL}?table=${t}`, testContext()).then(
        (g) => g.close().then(() => 'opened'),
        (e: unknown) => e,
      );
      result = await Promise.race([opened, new Promise((r) => setTimeout(() => r('still waiting after 15 s'), 15_000))]);
    } finally {
      await locker.query('UNLOCK TABLES').catch(() => undefined);
      await locker.end().catch(() => undefined);
    }
    await admin.query(`DROP TABLE IF EXISTS \`${t}\``);
    expect(result).toBeInstanceOf(InputError);
    expect((result as Error).message).toMatch(/: a table is locked by another session/);
  }, 30_000);

  it('names an unknown table', async () => {
    await expect(openTarget(`${MY_URL}?table=${tag}_nope`, testContext())).rejects.toThrow(/no table named/);
  });
});

/**
 * The store as users and operators get it wrong: a folder, a damaged file, a read-only one, a
 * folder that cannot be made, a URL, a store of a newer or older version, two processes making
 * one store at once. Each is one InputError naming the store, and nothing is half-written.
 */
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../common/errors.js';
import { MIGRATIONS, migrateStore } from './migrations.js';
import { openStore, resolveStorePath, STORE_FILE, storeLabel } from './store.js';
import { pgStoreProblem } from './store-errors.js';
import { oneLineFailure } from '../testing/input-error.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-store-fail-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const failure = oneLineFailure;

const tableNames = (file: string): string[] => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[]);
  } finally {
    db.close();
  }
};

async function storeWithEntries(path: string, n: number): Promise<void> {
  const s = await openStore(path, { create: true });
  const rows = Array.from({ length: n }, (_, i) => ({
    entity_id: `e-${String(i).padStart(5, '0')}`,
    list: 'x.list',
    data_json: JSON.stringify({ name: `Party number ${i} with a long enough name to fill pages` }),
    data_list_date: '2026-01-01',
    data_import: 1,
    source_from: null,
    source_until: null,
    listed_from: '2026-01-01',
    listed_until: null,
    active: 1,
    first_import: 1,
    last_import: 1,
  }));
  for (let i = 0; i < rows.length; i += 200) await s.db.insertInto('list_entry').values(rows.slice(i, i + 200)).execute();
  await s.close();
}

describe('store paths that are not a store file', () => {
  it('a folder is named as one, with a file to use instead (was: "unable to open database file")', async () => {
    const d = tmp();
    for (const create of [false, true]) {
      const err = await failure(openStore(d, { create }));
      expect(err.message).toBe(`${d}: --store: a folder, not a store file: name a file, e.g. ${join(d, STORE_FILE)}`);
    }
  });

  it('a folder that cannot be made is bad input naming it (was: ENOTDIR, an internal error)', async () => {
    const d = tmp();
    writeFileSync(join(d, 'afile'), 'x');
    const path = join(d, 'afile', 'sub', 'store.sqlite');
    const err = await failure(openStore(path, { create: true }));
    expect(err.message).toBe(`${path}: --store: cannot make the store's folder ${join(d, 'afile', 'sub')} (a file is in the way); name another path with --store or $DATACUSTOMS_STORE`);
  });

  it('a URL of another kind of server is refused without making a folder, and its password is never shown', () => {
    const d = tmp();
    const url = 'mysql://qa:s3cret-pw@127.0.0.1:3306/qa_store_x?sslpassword=other-secret';
    for (const loc of [{ store: url, cwd: d }, { env: { DATACUSTOMS_STORE: url }, cwd: d }]) {
      let err: unknown;
      try {
        resolveStorePath(loc);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      const msg = (err as InputError).message;
      expect(msg).toMatch(/^mysql:\/\/qa:\*\*\*@127\.0\.0\.1:3306\/qa_store_x\?sslpassword=\*\*\*: (--store|DATACUSTOMS_STORE): a mysql URL: the store is a SQLite file or a PostgreSQL database/);
      expect(msg).not.toMatch(/s3cret|other-secret/);
    }
    expect(existsSync(join(d, 'mysql:'))).toBe(false);
  });

  it('a PostgreSQL URL is the location as given (it is connected to when opened), printed with its password masked; a malformed one is refused', () => {
    const d = tmp();
    for (const url of ['postgres://qa:s3cret-pw@127.0.0.1:5432/qa', 'postgresql://qa@db.example:5432/qa?schema=dc']) {
      expect(resolveStorePath({ store: url, cwd: d })).toBe(url);
      expect(resolveStorePath({ env: { DATACUSTOMS_STORE: url }, cwd: d })).toBe(url);
    }
    expect(storeLabel('postgres://qa:s3cret-pw@127.0.0.1:5432/qa?sslpassword=x')).toBe('postgres://qa:***@127.0.0.1:5432/qa?sslpassword=***');
    expect(storeLabel(join(d, 's.sqlite'))).toBe(join(d, 's.sqlite'));
    let err: unknown;
    try {
      resolveStorePath({ env: { DATACUSTOMS_STORE: 'postgres://qa:pa:ss@[bad/qa' }, cwd: d });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/^postgres:\/\/qa:\*\*\*@\[bad\/qa: DATACUSTOMS_STORE: malformed PostgreSQL URL/);
    expect(() => resolveStorePath({ store: 'postgres://h/db?schema=', cwd: d })).toThrow(/--store: \?schema= names one schema/);
    expect(existsSync(join(d, 'postgres:'))).toBe(false);
  });
});

describe('a PostgreSQL host that cannot be looked up', () => {
  const dns = (code: string, hostname?: string) =>
    Object.assign(new Error(`getaddrinfo ${code} ${hostname ?? ''}`), { code, syscall: 'getaddrinfo', ...(hostname ? { hostname } : {}) });

  it('names the host in one line, as scan does (was: "host not found", or "getaddrinfo EINVAL …" for a host that is no host name)', () => {
    const label = 'postgres://qa:***@db.example.test:5432/qa';
    expect(pgStoreProblem(label, dns('ENOTFOUND', 'db.example.test'))?.message).toBe(
      `${label}: --store: cannot connect to the store: host "db.example.test" not found (no address for that name; check its spelling)`,
    );
    expect(pgStoreProblem(label, dns('EAI_AGAIN'))?.message).toBe(
      `${label}: --store: cannot connect to the store: host "db.example.test" could not be looked up (the name server did not answer; check the name and the network)`,
    );
    expect(pgStoreProblem('postgres://qa:***@…/qa', dns('EINVAL', '…'))?.message).toBe(
      'postgres://qa:***@…/qa: --store: cannot connect to the store: host "…" is not a host name: put the database server\'s host name or address in the URL',
    );
  });

  it('a store label shows a non-ASCII host as typed, the password masked', () => {
    expect(storeLabel('postgres://qa:s3cret-pw@…:5432/qa')).toBe('postgres://qa:***@…:5432/qa');
    expect(storeLabel('postgres://qa:s3cret-pw@bücher.example/qa')).toBe('postgres://qa:***@bücher.example/qa');
  });
});

describe('a damaged or read-only store', () => {
  it('damage past the first page is bad input naming the store when read (was: "database disk image is malformed", an internal error)', async () => {
    const path = join(tmp(), 's.sqlite');
    await storeWithEntries(path, 3000);
    const raw = new BetterSqlite3(path);
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const root = raw.prepare("select rootpage from sqlite_master where name = 'list_entry'").pluck().get() as number;
    raw.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    const s = await openStore(path);
    const err = await failure(s.db.selectFrom('list_entry').selectAll().execute());
    expect(err.problems[0]).toMatchObject({ file: path, path: '--store', message: expect.stringMatching(/^the store file is damaged \(.*\); nothing was written: restore it from a backup/) });
    await s.close();
  });

  it('a write refused as read-only is bad input naming the store, and nothing is written (was: an internal error)', async () => {
    const path = join(tmp(), 's.sqlite');
    await storeWithEntries(path, 5);
    const s = await openStore(path);
    await sql`pragma query_only = 1`.execute(s.db);
    const err = await failure(s.db.deleteFrom('list_entry').execute());
    expect(err.problems[0]).toMatchObject({ file: path, path: '--store', message: expect.stringMatching(/^the store cannot be written \(the file or its folder is read-only\)/) });
    await sql`pragma query_only = 0`.execute(s.db);
    expect(await s.db.selectFrom('list_entry').select('entity_id').execute()).toHaveLength(5);
    await s.close();
  });
});

describe('schema versions', () => {
  it('a store of a newer version is refused before anything is written (was: "corrupted migrations", an internal error)', async () => {
    const path = join(tmp(), 's.sqlite');
    await (await openStore(path, { create: true })).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("insert into store_migration (name, timestamp) values ('lists/9999-from-the-future', '2030-01-01T00:00:00.000Z')").run();
    raw.close();
    const before = readFileSync(path);
    for (const create of [false, true]) {
      const err = await failure(openStore(path, { create }));
      expect(err.message).toBe(
        `${path}: --store: cannot open the store: written by a newer version of datacustoms (its schema has migration lists/9999-from-the-future, unknown to this version); upgrade datacustoms, or name another store`,
      );
    }
    expect(readFileSync(path)).toEqual(before);
  });

  it('a store of an older version is brought up to date once', async () => {
    const path = join(tmp(), 's.sqlite');
    const raw = new BetterSqlite3(path);
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    await migrateStore(old, MIGRATIONS.slice(0, 1));
    await old.destroy();
    const s = await openStore(path);
    const cols = await sql<{ name: string }>`select name from pragma_table_info('list_entry')`.execute(s.db);
    expect(cols.rows.map((r) => r.name)).toContain('data_import');
    await s.close();
    const again = await openStore(path);
    const done = await sql<{ name: string }>`select name from store_migration order by name`.execute(again.db);
    expect(done.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    await again.close();
  });

  it('a migration that fails midway leaves the schema as it was (was: half of it, and every later open failed)', async () => {
    const path = join(tmp(), 's.sqlite');
    // a store whose first migration has not run, with a table in the way of its last step
    const raw = new BetterSqlite3(path);
    raw.exec('create table store_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)');
    raw.exec('create table list_period (x text)');
    raw.close();
    const err = await failure(openStore(path));
    expect(err.message).toMatch(/--store: cannot open the store: store migration lists\/0001-imports-entries-history failed: .*list_period.*already exists; the store is left as it was$/);
    expect(tableNames(path)).toEqual(['list_period', 'store_migration']);
  });

  it('three openings of one new store at once all get it, migrated once (was: the second ran the first migration again, "table list_import already exists")', async () => {
    const d = tmp();
    mkdirSync(join(d, 'x'));
    const path = join(d, 'x', 's.sqlite');
    const stores = await Promise.all([openStore(path, { create: true }), openStore(path, { create: true }), openStore(path, { create: true })]);
    for (const s of stores) await s.close();
    const s = await openStore(path);
    const done = await sql<{ name: string }>`select name from store_migration order by name`.execute(s.db);
    expect(done.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    await s.close();
  });
});

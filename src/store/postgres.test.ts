/**
 * The store on the local PostgreSQL server (a fresh database per test, dropped afterwards):
 * migrations on an empty database and on a migrated one, an older schema brought up to date, a
 * newer one refused, another program's tables left alone, concurrent openings, `?schema=`, and
 * servers that cannot be reached or refuse the user, each one line without the password.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { InputError } from '../common/errors.js';
import { MIGRATIONS, migrateStore } from './migrations.js';
import { openExistingStore, openStore, resolveStorePath } from './store.js';
import { dropPgDatabases, freshPgDatabase, PG_URL } from './pg-testing.js';
import { parseStoreUrl } from './postgres.js';
import { oneLineFailure } from '../testing/input-error.js';

afterEach(async () => {
  await dropPgDatabases();
});

const failure = oneLineFailure;

/** Runs `f` on a plain client of the database at `url`. */
async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

const tablesOf = (url: string, schema = 'public') =>
  withClient(url, async (c) => (await c.query<{ t: string }>('select table_name as t from information_schema.tables where table_schema = $1 order by 1', [schema])).rows.map((r) => r.t));
const appliedIn = (url: string, schema = 'public') =>
  withClient(url, async (c) => (await c.query<{ name: string }>(`select name from "${schema}".store_migration order by name`)).rows.map((r) => r.name));

describe('a PostgreSQL store', () => {
  it('is made in an empty database by every migration, then opened as it is (nothing run twice)', async () => {
    const url = await freshPgDatabase();
    expect(await openExistingStore(url)).toBeUndefined();
    await expect(openStore(url)).rejects.toThrow(/--store: no store here yet \(run `datacustoms lists import` first\)$/);
    expect(await tablesOf(url)).toEqual([]);
    const s1 = await openStore(url, { create: true });
    expect(s1.dialect).toBe('postgres');
    expect(await tablesOf(url)).toEqual(['list_entry', 'list_import', 'list_observation', 'list_period', 'store_migration', 'store_migration_lock']);
    await s1.close();
    const stamps = await withClient(url, async (c) => (await c.query('select name, timestamp from store_migration order by name')).rows);
    const s2 = await openStore(url);
    expect(await migrateStore(s2.db as unknown as Kysely<unknown>, MIGRATIONS, { schema: 'public' })).toEqual([]);
    await s2.close();
    const s3 = await openExistingStore(url);
    expect(s3?.dialect).toBe('postgres');
    await s3?.close();
    expect(await withClient(url, async (c) => (await c.query('select name, timestamp from store_migration order by name')).rows)).toEqual(stamps);
    expect(await appliedIn(url)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    // entity ids are byte-ordered whatever the database's collation
    const collations = await withClient(
      url,
      async (c) => (await c.query<{ t: string; c: string }>("select table_name as t, collation_name as c from information_schema.columns where column_name = 'entity_id' order by 1")).rows,
    );
    expect(collations).toEqual(['list_entry', 'list_observation', 'list_period'].map((t) => ({ t, c: 'C' })));
  });

  it('an older schema is brought up to date once', async () => {
    const url = await freshPgDatabase();
    const old = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) });
    await migrateStore(old, MIGRATIONS.slice(0, 1));
    await old.destroy();
    expect(await appliedIn(url)).toEqual([MIGRATIONS[0]!.id]);
    const s = await openStore(url);
    const cols = await sql<{ c: string }>`select column_name as c from information_schema.columns where table_name = 'list_entry'`.execute(s.db);
    expect(cols.rows.map((r) => r.c)).toContain('data_import');
    await s.close();
    expect(await appliedIn(url)).toEqual(MIGRATIONS.map((m) => m.id).sort());
  });

  it('a schema written by a newer version is refused before anything is written', async () => {
    const url = await freshPgDatabase();
    await (await openStore(url, { create: true })).close();
    await withClient(url, (c) => c.query("insert into store_migration (name, timestamp) values ('lists/9999-from-the-future', '2030-01-01T00:00:00.000Z')"));
    const before = await appliedIn(url);
    for (const open of [() => openStore(url), () => openStore(url, { create: true }), () => openExistingStore(url)]) {
      const err = await failure(open());
      expect(err.message).toBe(
        `${url}: --store: cannot open the store: written by a newer version of datacustoms (its schema has migration lists/9999-from-the-future, unknown to this version); upgrade datacustoms, or name another store`,
      );
    }
    expect(await appliedIn(url)).toEqual(before);
  });

  it('a migration that fails leaves the schema as it was', async () => {
    const url = await freshPgDatabase({});
    await withClient(url, async (c) => {
      await c.query('create table store_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)');
      await c.query('create table list_period (x text)');
    });
    const err = await failure(openStore(url));
    expect(err.message).toMatch(/--store: cannot open the store: store migration lists\/0001-imports-entries-history failed: .*list_period.*already exists; the store is left as it was$/);
    expect(await tablesOf(url)).toEqual(['list_period', 'store_migration', 'store_migration_lock']);
    expect(await appliedIn(url)).toEqual([]);
  });

  it("leaves another program's tables alone: a schema holding them is not made into a store", async () => {
    const url = await freshPgDatabase();
    await withClient(url, (c) => c.query('create table notes (x text)'));
    for (const create of [false, true]) {
      const err = await failure(openStore(url, { create }));
      expect(err.message).toBe(
        `${url}: --store: not a datacustoms store: schema public holds tables of another program (notes); name an empty database, or a schema of the store's own with ?schema=NAME`,
      );
    }
    expect(await tablesOf(url)).toEqual(['notes']);
    // ?schema= puts the store beside them, made on first import
    const inSchema = `${url}?schema=dc store`;
    expect(await openExistingStore(inSchema)).toBeUndefined();
    const s = await openStore(inSchema, { create: true });
    expect(s.path).toBe(inSchema);
    await s.close();
    expect(await tablesOf(url, 'dc store')).toEqual(['list_entry', 'list_import', 'list_observation', 'list_period', 'store_migration', 'store_migration_lock']);
    expect(await tablesOf(url)).toEqual(['notes']);
    const other = await openStore(`${url}?schema=second`, { create: true });
    await other.close();
    expect(await appliedIn(url, 'second')).toEqual(MIGRATIONS.map((m) => m.id).sort());
  });

  it('three openings of one new store at once all get it, migrated once', async () => {
    const url = await freshPgDatabase();
    for (const target of [url, `${url}?schema=fresh`]) {
      const stores = await Promise.all([openStore(target, { create: true }), openStore(target, { create: true }), openStore(target, { create: true })]);
      for (const s of stores) await s.close();
    }
    expect(await appliedIn(url)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    expect(await appliedIn(url, 'fresh')).toEqual(MIGRATIONS.map((m) => m.id).sort());
  });
});

describe('store URLs', () => {
  it('?schema= is taken out of what pg is given, the rest is passed as written (a socket URL too)', () => {
    expect(parseStoreUrl('postgres://u:pw@h:5432/db?sslmode=disable&schema=dc%20x&application_name=a')).toEqual({
      connect: 'postgres://u:pw@h:5432/db?sslmode=disable&application_name=a',
      label: 'postgres://u:***@h:5432/db?sslmode=disable&schema=dc%20x&application_name=a',
      schema: 'dc x',
    });
    expect(parseStoreUrl('postgresql://u@/db?host=/var/run/postgresql')).toEqual({ connect: 'postgresql://u@/db?host=/var/run/postgresql', label: 'postgresql://u@/db?host=/var/run/postgresql' });
    expect(parseStoreUrl('postgres:///db?schema=s')).toEqual({ connect: 'postgres:///db', label: 'postgres:///db?schema=s', schema: 's' });
    expect(() => parseStoreUrl('postgres://h/db?schema=a&schema=b')).toThrow(/--store: \?schema= names one schema/);
    expect(() => parseStoreUrl('postgres://u:p w@h:port/db', 'DATACUSTOMS_STORE')).toThrow(/^postgres:\/\/u:\*\*\*@h:port\/db: DATACUSTOMS_STORE: malformed PostgreSQL URL/);
  });

  it('a store reached through the server\'s socket', async () => {
    const url = new URL(await freshPgDatabase());
    const socket = `postgres://${url.username}@/${url.pathname.slice(1)}?host=/var/run/postgresql&schema=by_socket`;
    const s = await openStore(socket, { create: true });
    await s.close();
    expect(await appliedIn(url.toString(), 'by_socket')).toEqual(MIGRATIONS.map((m) => m.id).sort());
  });
});

describe('a PostgreSQL store that cannot be used', () => {
  const server = new URL(PG_URL);

  it('a server that is not there: one line naming the URL, the password masked (port 1)', async () => {
    const url = `postgres://qa:s3cret-pw@127.0.0.1:1/qa?sslpassword=other-secret`;
    for (const open of [() => openStore(url, { create: true }), () => openStore(url), () => openExistingStore(url)]) {
      const err = await failure(open());
      expect(err.message).toBe('postgres://qa:***@127.0.0.1:1/qa?sslpassword=***: --store: cannot connect to the store: connection refused (is the server running, and on that host and port?)');
      expect(err.message).not.toMatch(/s3cret|other-secret/);
    }
  });

  it('a host that is not a host name (the README\'s "…"), or one with no address: one line naming it, the password masked (was: getaddrinfo EINVAL …)', async () => {
    const cases: [string, RegExp][] = [
      ['postgres://qa:s3cret-pw@…/qa', /^postgres:\/\/qa:\*\*\*@…\/qa: --store: cannot connect to the store: host "…" is not a host name: put the database server's host name or address in the URL$/],
      ['postgresql://qa:s3cret-pw@…:5432/qa?schema=dc', /^postgresql:\/\/qa:\*\*\*@…:5432\/qa\?schema=dc: --store: cannot connect to the store: host "…" is not a host name/],
      ['postgres://qa:s3cret-pw@db.invalid/qa', /^postgres:\/\/qa:\*\*\*@db\.invalid\/qa: --store: cannot connect to the store: host "db\.invalid" (not found \(no address for that name; check its spelling\)|could not be looked up .*)$/],
      ['postgres://qa:s3cret-pw@bücher.invalid/qa', /^postgres:\/\/qa:\*\*\*@bücher\.invalid\/qa: --store: cannot connect to the store: host "bücher\.invalid" (not found|could not be looked up)/],
    ];
    for (const [url, line] of cases) {
      for (const open of [() => openStore(url, { create: true }), () => openExistingStore(url)]) {
        const err = await failure(open());
        expect(err.message, url).toMatch(line);
        expect(err.message).not.toMatch(/s3cret|getaddrinfo|EINVAL|ENOTFOUND/);
      }
    }
  });

  it('a user the server does not know, and a database it does not have', async () => {
    const nobody = `postgres://no_such_user_dc:s3cret-pw@${server.host}/test`;
    const err = await failure(openStore(nobody, { create: true }));
    expect(err.message).toMatch(/^postgres:\/\/no_such_user_dc:\*\*\*@[^ ]+\/test: --store: cannot connect to the store: the server refused the connection \(.*no_such_user_dc.*\)$/);
    expect(err.message).not.toMatch(/s3cret/);
    const noDb = new URL(PG_URL);
    noDb.pathname = '/no_such_database_dc';
    const err2 = await failure(openStore(noDb.toString(), { create: true }));
    expect(err2.message).toMatch(/--store: cannot connect to the store: database "no_such_database_dc" does not exist: create it first, or name another database$/);
  });

  it('a user that may not create tables: not allowed, nothing written', async () => {
    const url = await freshPgDatabase();
    const role = `dc_reader_${process.pid}`;
    await withClient(url, async (c) => {
      await c.query(`drop role if exists ${role}`);
      await c.query(`create role ${role} login`);
      await c.query(`revoke create on schema public from public`);
    });
    try {
      const as = new URL(url);
      as.username = role;
      as.password = 'pw-not-shown';
      const err = await failure(openStore(as.toString(), { create: true }));
      expect(err.message).toMatch(/^postgres:\/\/dc_reader_\d+:\*\*\*@.*: --store: not allowed \(permission denied for schema public\); nothing was written: grant the user what it needs on the store.s schema, or name another store$/);
      expect(await tablesOf(url)).toEqual([]);
    } finally {
      await dropPgDatabases();
      await withClient(PG_URL, (c) => c.query(`drop role if exists ${role}`));
    }
  });

  it('a connection lost midway (the server ends it): one line, not an internal error; the next command connects again', async () => {
    const url = await freshPgDatabase();
    const store = await openStore(url, { create: true });
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)).rows[0]!.pid;
      const sleeping = sql`select pg_sleep(30)`.execute(store.db).then(
        () => undefined,
        (e: unknown) => e,
      );
      await withClient(url, async (c) => {
        for (let i = 0; i < 100; i++) {
          const busy = await c.query("select 1 from pg_stat_activity where pid = $1 and state = 'active'", [pid]);
          if (busy.rows.length > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await c.query('select pg_terminate_backend($1)', [pid]);
      });
      const err = await sleeping;
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toMatch(
        /^postgres:\/\/\S+: --store: the connection to the store was lost \(terminating connection due to administrator command\); run the command again \(an import already made is not made twice\)$/,
      );
    } finally {
      await store.close();
    }
    const again = await openStore(url);
    await again.close();
  });

  it('resolveStorePath keeps the URL for connecting; only its label is printed', () => {
    const url = `postgresql://qa:s3cret@${server.host}/test`;
    expect(resolveStorePath({ store: url })).toBe(url);
  });
});

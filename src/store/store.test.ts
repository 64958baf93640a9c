import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { InputError } from '../common/errors.js';
import { MIGRATIONS, migrateStore, type StoreMigration } from './migrations.js';
import { openStore, resolveStorePath, STORE_DIR, STORE_FILE } from './store.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('resolveStorePath', () => {
  it('prefers --store, then DATACUSTOMS_STORE, then .datacustoms/ in the working folder', () => {
    expect(resolveStorePath({ store: 'a.sqlite', env: { DATACUSTOMS_STORE: 'b.sqlite' }, cwd: '/w' })).toBe('/w/a.sqlite');
    expect(resolveStorePath({ env: { DATACUSTOMS_STORE: '/abs/b.sqlite' }, cwd: '/w' })).toBe('/abs/b.sqlite');
    expect(resolveStorePath({ env: {}, cwd: '/w' })).toBe(`/w/${STORE_DIR}/${STORE_FILE}`);
    expect(resolveStorePath({ store: ':memory:' })).toBe(':memory:');
  });
});

describe('openStore', () => {
  it('creates the file and runs every migration once', async () => {
    const path = join(tmp(), 'sub', 'x.sqlite');
    const s1 = await openStore(path, { create: true });
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(s1.db);
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['list_entry', 'list_import', 'list_observation', 'list_period', 'store_migration']));
    await s1.close();
    const s2 = await openStore(path);
    const done = await sql<{ name: string }>`select name from store_migration order by name`.execute(s2.db);
    expect(done.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    await s2.close();
  });

  it('refuses a missing store unless asked to create it, and a file that is not a database', async () => {
    const d = tmp();
    await expect(openStore(join(d, 'none.sqlite'))).rejects.toBeInstanceOf(InputError);
    const junk = join(d, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text '.repeat(100));
    const err = await openStore(junk).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/junk\.sqlite: --store: /);
  });

  it('leaves another program\'s SQLite database, and an empty file it only reads, as they were', async () => {
    const d = tmp();
    const other = join(d, 'other.sqlite');
    const db = new BetterSqlite3(other);
    db.exec('create table notes (x text)');
    db.close();
    const before = readFileSync(other);
    for (const create of [false, true]) {
      const err = await openStore(other, { create }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toBe(`${other}: --store: not a datacustoms store: a SQLite database of another program (tables notes); name another file`);
      expect(readFileSync(other)).toEqual(before);
      expect(existsSync(`${other}-wal`)).toBe(false);
    }
    const empty = join(d, 'empty.sqlite');
    writeFileSync(empty, '');
    await expect(openStore(empty)).rejects.toThrow(/empty\.sqlite: --store: no store here yet, the file is empty/);
    expect(readFileSync(empty).length).toBe(0);
    // lists import (create) makes an empty file into a store
    await (await openStore(empty, { create: true })).close();
    await (await openStore(empty)).close();
  });
});

describe('migrateStore', () => {
  it('runs a later feature’s migrations even when their ids sort before applied ones', async () => {
    const s = await openStore(':memory:');
    const db = s.db as unknown as Kysely<unknown>;
    const extra: StoreMigration = {
      id: 'audit/0001-log',
      up: async (d) => {
        await d.schema.createTable('audit_log').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
      },
    };
    expect(await migrateStore(db, [...MIGRATIONS, extra])).toEqual(['audit/0001-log']);
    expect(await migrateStore(db, [...MIGRATIONS, extra])).toEqual([]);
    await s.close();
  });

  it('rejects malformed and duplicate ids, and reports a failing migration', async () => {
    const s = await openStore(':memory:');
    const db = s.db as unknown as Kysely<unknown>;
    const ok = async () => {};
    await expect(migrateStore(db, [{ id: 'NoFeature', up: ok }])).rejects.toThrow(/bad migration id/);
    await expect(migrateStore(db, [{ id: 'x/0001-a', up: ok }, { id: 'x/0001-a', up: ok }])).rejects.toThrow(/duplicate/);
    const boom: StoreMigration = { id: 'x/0002-boom', up: async () => Promise.reject(new Error('kaput')) };
    await expect(migrateStore(db, [...MIGRATIONS, boom])).rejects.toThrow(/x\/0002-boom failed: kaput/);
    await s.close();
  });
});

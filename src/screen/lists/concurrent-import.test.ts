import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { openStore } from '../../store/store.js';
import { sharedPath } from '../../testing/shared.js';
import { parseListFile } from './parse.js';
import { importParsedLists, listSummaries, loadListEntries } from './store.js';
import { isSkipped, type ParsedList } from './types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-concurrent-'));
  dirs.push(d);
  return d;
};
const parse = (file: string, listDate: string): ParsedList[] => {
  const o = parseListFile(sharedPath('data', 'lists', file), { listDate });
  return isSkipped(o) ? [] : [o];
};

/**
 * Another process that writes to the store: it takes the write lock, says so on stdout, adds an
 * import row of a list of its own, holds the lock for `holdMs`, then commits and exits.
 */
function otherWriter(path: string, holdMs: number): Promise<{ done: Promise<number> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    db.exec('begin immediate');
    db.prepare("insert into list_import (id, list, format, file, files_json, content_hash, list_date, list_date_source, imported_at, partial, rows, entries, notes_json, programs_json, categories_json) values (1000, 'other.list', 'x', 'other', '[]', 'h', '2026-01-01', 'flag', '2026-01-01T00:00:00Z', 0, 0, 0, '[]', '{}', '[]')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('commit');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, path, String(holdMs)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done }));
    child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
}

describe('imports into a store another process is writing to', () => {
  it('wait for the other write to end, then import on top of it (was: "database is locked", an internal error)', async () => {
    const path = join(tmp(), 'store.sqlite');
    const store = await openStore(path, { create: true });
    await importParsedLists(store, parse('bis_mieu/mieu.csv', '2026-07-27'));
    const writer = await otherWriter(path, 700);
    const results = await importParsedLists(store, parse('dod_1260h/sanctions.csv', '2026-06-08'));
    expect(await writer.done).toBe(0);
    expect(results.map((r) => [r.list, r.status])).toEqual([['dod.1260h', 'imported']]);
    expect((await listSummaries(store)).map((s) => s.list)).toEqual(['bis.mieu', 'dod.1260h']);
    expect((await store.db.selectFrom('list_import').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 1000, 1001]);
    await store.close();
  });

  it('a write that outlasts the wait is bad input naming the store, and nothing is imported', async () => {
    const path = join(tmp(), 'store.sqlite');
    const store = await openStore(path, { create: true });
    await importParsedLists(store, parse('bis_mieu/mieu.csv', '2026-07-27'));
    const before = await loadListEntries(store);
    const writer = await otherWriter(path, 1500);
    const error = await importParsedLists(store, parse('dod_1260h/sanctions.csv', '2026-06-08'), { busyTimeoutMs: 200 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: path, path: '--store', message: expect.stringMatching(/^the store is busy: .*nothing was imported/) });
    expect(await writer.done).toBe(0);
    expect(await loadListEntries(store)).toEqual(before);
    expect((await listSummaries(store)).map((s) => s.list)).toEqual(['bis.mieu']);
    await store.close();
  });
});

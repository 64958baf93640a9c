/**
 * `lists import`, `lists` and `screen` with the store on PostgreSQL (`--store postgres://…` or
 * `$DATACUSTOMS_STORE`), against the same commands on a SQLite store: the same output but for
 * the store's name. A server that cannot be reached is one line without the password, exit 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { sharedPath } from '../../testing/shared.js';
import { dropPgDatabases, freshPgDatabase } from '../../store/pg-testing.js';

const dir = mkdtempSync(join(tmpdir(), 'dc-cli-pg-store-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropPgDatabases();
});

async function run(args: string[], env: Record<string, string> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const io = memoryIo();
    const code = await main(args, io);
    return { code, out: io.stdout(), err: io.stderr() };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const LISTS = [sharedPath('data', 'lists', 'dod_1260h'), sharedPath('data', 'lists', 'fcc_covered_list'), sharedPath('data', 'lists', 'bis_mieu')];
const NAMES = ['Zhejiang Dahua Technology Company Limited', 'Huawei Cafe LLC', 'Beijing Megvii Technology', 'Hikvision'];


/** Every command that opens the store, given the store by flag and by environment. */
function everyStoreCommand(url: string): readonly (readonly [readonly string[], Record<string, string>])[] {
  return [
    [['lists', 'import', LISTS[0]!, '--store', url], {}],
    [['lists', '--store', url], {}],
    [['screen', 'Huawei', '--store', url], {}],
    [['lists', 'import', LISTS[0]!], { DATACUSTOMS_STORE: url }],
  ];
}

describe('the store on PostgreSQL, through the CLI', () => {
  it('lists import, lists and screen answer as they do on SQLite', async () => {
    const sqlite = join(dir, 'store.sqlite');
    const url = await freshPgDatabase();
    // a password in the URL (trust auth ignores it) is never printed
    const u = new URL(url);
    u.password = 's3cret-pw';
    const withPw = u.toString();
    const label = withPw.replace('s3cret-pw', '***');
    expect(label).toMatch(/^postgres:\/\/\w+:\*\*\*@/);
    const outputs: Record<string, string[]> = {};
    for (const [name, store, env] of [
      ['sqlite', sqlite, {}],
      ['postgres', withPw, {}],
    ] as const) {
      const flag = ['--store', store];
      const out: string[] = [];
      const first = await run(['lists', 'import', ...LISTS, ...flag, '--list-date', '2026-07-27', '--format', 'json'], env);
      expect([first.code, first.err]).toEqual([0, '']);
      const again = await run(['lists', 'import', ...LISTS, ...flag, '--list-date', '2026-07-27', '--format', 'json'], env);
      expect(again.code).toBe(0);
      expect((JSON.parse(again.out) as { totals: { imported: number } }).totals.imported).toBe(0);
      const shown = await run(['lists', ...flag, '--as-of', '2026-08-22', '--format', 'json']);
      expect(shown.code).toBe(0);
      expect((JSON.parse(shown.out) as { store: string }).store).toBe(name === 'sqlite' ? sqlite : label);
      const screened = await run(['screen', ...NAMES, ...flag, '--as-of', '2026-08-22', '--format', 'json']);
      expect(screened.code).toBe(1);
      const text = await run(['lists', ...flag, '--as-of', '2026-08-22']);
      out.push(first.out, again.out.replace(/"importedAt": "[^"]*"/g, ''), shown.out.replace(/"importedAt": "[^"]*"/g, ''), screened.out, text.out.slice(text.out.indexOf('\n\n')));
      for (const o of [first, again, shown, screened, text]) expect(o.out + o.err).not.toMatch(/s3cret/);
      outputs[name] = out.map((o) => o.split(name === 'sqlite' ? JSON.stringify(sqlite).slice(1, -1) : label).join('<store>'));
    }
    expect(outputs['postgres']).toEqual(outputs['sqlite']);
    // $DATACUSTOMS_STORE names it as well
    const viaEnv = await run(['screen', NAMES[0]!, '--as-of', '2026-08-22', '--format', 'json'], { DATACUSTOMS_STORE: withPw });
    expect(viaEnv.code).toBe(1);
  }, 120_000);

  it('an empty database: lists says nothing is loaded, screen says to import first (exit 2)', async () => {
    const url = await freshPgDatabase();
    const shown = await run(['lists', '--store', url]);
    expect(shown.code).toBe(0);
    expect(shown.out.replace(/\s+/g, ' ')).toContain(`No lists loaded in ${url}.`);
    const screened = await run(['screen', 'Huawei', '--store', url]);
    expect(screened.code).toBe(2);
    expect(screened.err).toBe(`datacustoms: ${url}: --store: no lists loaded: run \`datacustoms lists import <file|dir>\` first (e.g. \`datacustoms lists import ../shared/data/lists\`)\n`);
  });

  it('a host that is not a host name (the README\'s "…" pasted as is) or has no address: one line naming it, no password, exit 2, for every command (was: getaddrinfo EINVAL …)', async () => {
    const cases: [string, RegExp][] = [
      ['postgres://qa:s3cret-pw@…/qa', /^datacustoms: postgres:\/\/qa:\*\*\*@…\/qa: --store: cannot connect to the store: host "…" is not a host name: put the database server's host name or address in the URL$/],
      ['postgres://qa:s3cret-pw@db.invalid/x', /^datacustoms: postgres:\/\/qa:\*\*\*@db\.invalid\/x: --store: cannot connect to the store: host "db\.invalid" (not found \(no address for that name; check its spelling\)|could not be looked up .*)$/],
    ];
    for (const [url, line] of cases) {
      for (const [args, env] of everyStoreCommand(url)) {
        const r = await run([...args], env);
        expect(r.code, `${args.join(' ')} ${url}`).toBe(2);
        expect(r.out).toBe('');
        const lines = r.err.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(line);
        expect(r.err).not.toMatch(/s3cret|getaddrinfo|EINVAL|ENOTFOUND/);
      }
    }
  });

  it('a server that is not there (port 1): one line naming the URL without its password, exit 2, for every command', async () => {
    const url = 'postgres://qa:s3cret-pw@127.0.0.1:1/qa';
    const line = 'postgres://qa:***@127.0.0.1:1/qa: --store: cannot connect to the store: connection refused (is the server running, and on that host and port?)';
    for (const [args, env] of everyStoreCommand(url)) {
      const r = await run([...args], env);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toEqual([`datacustoms: ${line}`]);
    }
  });
});

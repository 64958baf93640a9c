import { mkdtempSync, rmSync, writeFileSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { sharedPath } from '../../testing/shared.js';
import { displayWidth } from '../render/text.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-cli-lists-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const LISTS = sharedPath('data', 'lists');

describe('datacustoms lists import', () => {
  it('imports a folder, one summary line per file, then reports unchanged on re-import', async () => {
    const store = join(tmp(), 's.sqlite');
    const first = await run('lists', 'import', join(LISTS, 'dod_1260h'), join(LISTS, 'ofac_nonsdn_consolidated_2025'), '--store', store);
    expect(first.code).toBe(0);
    // one block per file: status and file, then what was read (wrapped to 80 columns)
    const flat = first.out.replace(/\s+/g, ' ');
    expect(first.out.split('\n').filter((l) => displayWidth(l) > 80 && /\S\s+\S/.test(l.trim()))).toEqual([]);
    expect(flat).toMatch(/skipped \S*COLUMNS\.md Markdown notes, not a list file/);
    expect(flat).toMatch(/imported \S*dod_1260h\/sanctions\.csv dod\.1260h · 227 entries \(227 new\) · list date 2026-06-08 \(SOURCES\.md\)/);
    expect(flat).toMatch(/imported \S*cons_prim\.csv \+ cons_alt\.csv, cons_add\.csv, cons_comments\.csv ofac\.cons · 442 entries/);
    expect(flat).toMatch(/skipped \S*cons_alt\.csv read with cons_prim\.csv/);
    expect(flat).toMatch(/2 imported \(669 entries\), 0 unchanged, 4 skipped → /);
    const again = await run('lists', 'import', join(LISTS, 'dod_1260h', 'sanctions.csv'), '--store', store, '--format', 'json');
    expect(again.code).toBe(0);
    const json = JSON.parse(again.out) as { store: string; files: { status: string; list: string; entries: number }[]; totals: Record<string, number> };
    expect(json.store).toBe(store);
    expect(json.files).toEqual([expect.objectContaining({ status: 'unchanged', list: 'dod.1260h', entries: 227 })]);
    expect(json.totals).toEqual({ imported: 0, unchanged: 1, skipped: 0, entries: 0 });
  });

  it('nothing but files that are not lists: exit 2 naming one and its reason, no store created (0 imported with exit 0 let screening run against lists never loaded)', async () => {
    const d = tmp();
    writeFileSync(join(d, 'notes.txt'), 'hello');
    writeFileSync(join(d, 'more.md'), '# notes');
    const store = join(d, 'store', 's.sqlite');
    const r = await run('lists', 'import', join(d, 'notes.txt'), '--store', store, '--format', 'json');
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`datacustoms: ${join(d, 'notes.txt')}: no list file to import: ${join(d, 'notes.txt')} is skipped (plain text, not a list file)\n`);
    expect(existsSync(store)).toBe(false);
    const both = await run('lists', 'import', d, '--store', store);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/no list file to import: .* is skipped \(.*\); 1 more file skipped as well/);
    expect(existsSync(store)).toBe(false);
  });

  it('a malformed list file is exit 2 with file:line and field, and nothing is written', async () => {
    const d = tmp();
    writeFileSync(join(d, 'ok.csv'), 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\nOrganization,Good Org,,CN,,US-BIS-MIEU,2021-03-16,,\n');
    writeFileSync(join(d, 'bad.csv'), 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\nOrganization,Bad Org,,CN,,US-BIS-MIEU,16th of March,,\n');
    const store = join(d, 's.sqlite');
    const r = await run('lists', 'import', join(d, 'ok.csv'), join(d, 'bad.csv'), '--store', store);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`datacustoms: ${join(d, 'bad.csv')}:2:39: Date: not a date: "16th of March"\n`);
    expect(existsSync(store)).toBe(false);
  });

  it('rejects bad flags and missing paths as usage errors', async () => {
    expect((await run('lists', 'import', LISTS, '--list-date', '2026-13-01', '--store', ':memory:')).err).toMatch(/--list-date: "2026-13-01" is not a date: there is no month 13/);
    expect((await run('lists', 'import', LISTS, '--encoding', 'ebcdic', '--store', ':memory:')).code).toBe(2);
    const missing = await run('lists', 'import', join(tmp(), 'nope.csv'), '--store', ':memory:');
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/nope\.csv: no such file or folder/)]);
  });

  it('names a symbolic link loop as one, not as a missing file', async () => {
    const d = tmp();
    symlinkSync(join(d, 'b.csv'), join(d, 'a.csv'));
    symlinkSync(join(d, 'a.csv'), join(d, 'b.csv'));
    const r = await run('lists', 'import', join(d, 'a.csv'), '--store', ':memory:');
    expect([r.code, r.err]).toEqual([2, `datacustoms: ${join(d, 'a.csv')}: a symbolic link that loops back on itself\n`]);
  });
});

describe('datacustoms lists', () => {
  it('fits 80 columns with every list of shared/data/lists, dates, programs and files whole', async () => {
    const store = join(tmp(), 's.sqlite');
    const imp = await run('lists', 'import', LISTS, '--store', store);
    expect(imp.code).toBe(0);
    const r = await run('lists', '--store', store, '--as-of', '2026-12-01');
    const json = JSON.parse((await run('lists', '--store', store, '--as-of', '2026-12-01', '--format', 'json')).out) as {
      lists: { list: string; listDate: string; file: string; programs: { program: string }[] }[];
    };
    expect(json.lists.length).toBeGreaterThan(5);
    for (const out of [imp.out, r.out, r.err]) {
      // a line over 80 holds one token (a long path) after its indent, never two
      expect(out.split('\n').filter((l) => displayWidth(l) > 80 && /\S\s+\S/.test(l.trim()))).toEqual([]);
    }
    const flat = r.out.replace(/\s+/g, ' ');
    for (const l of json.lists) {
      expect(r.out).toMatch(new RegExp(`^${l.list.replace(/\./g, '\\.')}\\s+\\d+\\s+\\d+\\s+${l.listDate}`, 'm'));
      // the path goes on the label's line, or whole on the next one when it is too long for it
      expect(flat).toContain(`file: ${l.file}`);
      for (const p of l.programs.slice(0, 3)) expect(flat).toContain(p.program);
    }
  });

  it('shows loaded lists with dates, counts and age warnings', async () => {
    const store = join(tmp(), 's.sqlite');
    await run('lists', 'import', join(LISTS, 'bis_mieu'), join(LISTS, 'ofac_nonsdn_consolidated_2025'), '--store', store);
    const r = await run('lists', '--store', store, '--as-of', '2026-09-01');
    expect(r.code).toBe(0);
    // PROGRAMS and FILE do not fit in 80 columns: each on a line of its own below the row
    expect(r.out).toMatch(/^bis\.mieu\s+13\s+13\s+2026-07-27\s+36 d\s+SOURCES\.md\n {4}programs: US-BIS-MIEU\n {4}file: \S*bis_mieu\/mieu\.csv\n/m);
    expect(r.out.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    expect(r.out).toMatch(/^ofac\.cons\s+442\s+442\s+2025-12-19\s+256 d/m);
    expect(r.out).toMatch(/2 lists, 455 entries/);
    expect(r.err).toBe('warning: ofac.cons: list date 2025-12-19 is 256 days old (more than 90); import\n  a current copy\n');
    const quiet = await run('lists', '--store', store, '--as-of', '2026-09-01', '--max-age', '5000');
    expect(quiet.err).toBe('');
    const json = JSON.parse((await run('lists', '--store', store, '--as-of', '2026-09-01', '--max-age', '30', '--format', 'json')).out);
    expect(json).toMatchObject({ store, asOf: '2026-09-01', maxAgeDays: 30 });
    expect(json.lists.map((l: { list: string; stale: boolean; ageDays: number }) => [l.list, l.stale, l.ageDays])).toEqual([
      ['bis.mieu', true, 36],
      ['ofac.cons', true, 256],
    ]);
    expect(json.lists[0]).toMatchObject({ entries: 13, current: 13, delisted: 0, imports: 1, listDateSource: 'sources-md', format: 'bis-mieu-csv', programs: [{ program: 'US-BIS-MIEU', entries: 13 }] });
    expect(json.warnings).toHaveLength(2);
  });

  it('reads the age limit from the environment, and explains an empty store', async () => {
    const store = join(tmp(), 's.sqlite');
    await run('lists', 'import', join(LISTS, 'bis_mieu'), '--store', store);
    const before = process.env['DATACUSTOMS_LISTS_MAX_AGE'];
    process.env['DATACUSTOMS_LISTS_MAX_AGE'] = '10';
    try {
      expect((await run('lists', '--store', store, '--as-of', '2026-09-01')).err).toMatch(/bis\.mieu: .* 36 days old \(more than 10\)/);
      process.env['DATACUSTOMS_LISTS_MAX_AGE'] = 'ten';
      expect((await run('lists', '--store', store)).code).toBe(2);
    } finally {
      if (before === undefined) delete process.env['DATACUSTOMS_LISTS_MAX_AGE'];
      else process.env['DATACUSTOMS_LISTS_MAX_AGE'] = before;
    }
    const empty = await run('lists', '--store', join(tmp(), 'none.sqlite'));
    expect([empty.code, empty.out]).toEqual([0, expect.stringMatching(/^No lists loaded in .*none\.sqlite\./)]);
    expect((await run('lists', '--store', store, '--max-age', '-1')).code).toBe(2);
  });

  it('teaches with examples in --help', async () => {
    const r = await run('lists', 'import', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Examples:\n {2}\$ datacustoms lists import/);
  });
});

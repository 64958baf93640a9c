/**
 * `clocks --drafts` with ids that make a file name longer than a file system takes: bad input
 * naming the event's id, and nothing written, not even the folder. `-o` or a draft that would
 * land on an input file: bad input, the inventory left as it was.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(['clocks', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('clocks --drafts: a draft file name over 255 bytes', () => {
  it('names the event id (file, line:column) and creates neither the folder nor -o; 214 characters still work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-drafts-'));
    const file = join(dir, 'events.yaml');
    const write = (eventId: string) =>
      writeFileSync(
        file,
        [
          `organization: { id: ${'o'.repeat(100)}, name: Acme, organizedIn: CN, timeZone: Asia/Shanghai, cn: { networkProductProvider: true } }`,
          'events:',
          `  - { id: ${eventId}, kind: vulnerability, learned: 2021-11-24, product: { name: G } }`,
          '',
        ].join('\n'),
      );
    write('e'.repeat(200));
    const drafts = join(dir, 'drafts');
    const out = join(dir, 'out.txt');
    const r = await run(file, '--as-of', '2021-11-25', '--drafts', drafts, '-o', out);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(
      `datacustoms: ${file}:3:11: events[0].id: the draft file name for event "${'e'.repeat(59)}…" (314 characters: the organization id, the event id and .openvex.json) is longer than the 255 a file name may have; give the event a shorter id\n`,
    );
    expect(existsSync(drafts)).toBe(false);
    expect(existsSync(out)).toBe(false);

    write('e'.repeat(100));
    const ok = await run(file, '--as-of', '2021-11-25', '--drafts', drafts);
    expect(ok.code).toBe(0);
    expect(existsSync(join(drafts, `${'o'.repeat(100)}-${'e'.repeat(100)}.openvex.json`))).toBe(true);
  });
});

describe('clocks -o or --drafts naming an input file', () => {
  const INVENTORY = [
    'organization: { id: acme, name: Acme, organizedIn: CN, timeZone: Asia/Shanghai, cn: { networkProductProvider: true } }',
    'events:',
    '  - { id: v1, kind: vulnerability, learned: 2021-11-24, product: { name: G } }',
    '',
  ].join('\n');

  it('-o the inventory file, directly or through a link: exit 2 and the inventory is unchanged (it was replaced by the report)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-self-'));
    const file = join(dir, 'inventory.yaml');
    writeFileSync(file, INVENTORY);
    const r = await run(file, '--as-of', '2021-12-01', '-o', file);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`datacustoms: <argv>: --output: ${file} is an input file (${file}); writing the output there would replace it; name another file\n`);
    const link = join(dir, 'link.yaml');
    symlinkSync(file, link);
    const viaLink = await run(dir, '--as-of', '2021-12-01', '--format', 'json', '-o', link);
    expect(viaLink.code).toBe(2);
    expect(viaLink.err).toMatch(/--output: .*link\.yaml is an input file/);
    expect(readFileSync(file, 'utf8')).toBe(INVENTORY);
  });

  it('a draft whose name is an input file in the drafts folder: exit 2, neither written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-self-'));
    const file = join(dir, 'acme-v1.json');
    const json = JSON.stringify({ organization: { id: 'acme', name: 'Acme', organizedIn: 'CN', timeZone: 'Asia/Shanghai', cn: { networkProductProvider: true } }, events: [{ id: 'v1', kind: 'vulnerability', learned: '2021-11-24', product: { name: 'G' } }] });
    writeFileSync(file, json);
    const r = await run(file, '--as-of', '2021-12-01', '--drafts', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--drafts: .*acme-v1\.json is an input file .*writing the draft there would replace it/);
    expect(readFileSync(file, 'utf8')).toBe(json);
    expect(existsSync(join(dir, 'acme-v1.openvex.json'))).toBe(false);
  });

  it('drafts or a JSON output inside a folder given as the inventory: exit 2, nothing written (the next run read them as inventory and failed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-inside-'));
    writeFileSync(join(dir, 'inventory.yaml'), INVENTORY);
    const drafts = await run(dir, '--as-of', '2021-12-01', '--drafts', join(dir, 'drafts'));
    expect([drafts.code, drafts.out]).toEqual([2, '']);
    expect(drafts.err).toMatch(/--drafts: .*drafts\/acme-v1\.json is inside the inventory folder .*: the next run would read the draft \(\.json\) as part of the inventory; write it outside that folder/);
    expect(existsSync(join(dir, 'drafts'))).toBe(false);
    const json = await run(dir, '--as-of', '2021-12-01', '--format', 'json', '-o', join(dir, 'clocks.json'));
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/--output: .*clocks\.json is inside the inventory folder/);
    // a calendar is not read as inventory: it may go there; so may drafts outside the folder
    // (exit 1: the MIIT report is overdue by 2021-12-01)
    expect((await run(dir, '--as-of', '2021-12-01', '--format', 'ics', '-o', join(dir, 'clocks.ics'))).code).toBe(1);
    const outside = mkdtempSync(join(tmpdir(), 'dc-clocks-outside-'));
    expect((await run(dir, '--as-of', '2021-12-01', '--drafts', outside)).code).toBe(1);
    expect(existsSync(join(outside, 'acme-v1.json'))).toBe(true);
    expect((await run(dir, '--as-of', '2021-12-01')).code).toBe(1);
  });
});

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { sharedPath } from '../../testing/shared.js';
import { loadAdvisories } from './load.js';
import { parseAdvisory, parseAdvisoryDocument } from './parse.js';
import { firstProblem } from '../../testing/input-error.js';

const rec = (id: string, modified: string, extra: object = {}) => ({
  id,
  modified,
  affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }],
  ...extra,
});
const problem = firstProblem;

// A folder the process may not list (permissions cannot be denied to root, who runs some CI).
vi.mock('node:fs', async (original) => (await import('../../testing/unlistable-fs.js')).withUnlistable(await original<typeof import('node:fs')>()));

describe('OSV records', () => {
  it('read the saved GHSA records, including the per-package GHSA hint', () => {
    const set = loadAdvisories([sharedPath('data', 'osv', 'GHSA-fp5r-v3w9-4333.json')]);
    expect(set.advisories).toHaveLength(1);
    const a = set.advisories[0]!;
    expect(a).toMatchObject({ id: 'GHSA-fp5r-v3w9-4333', aliases: ['CVE-2021-4104'], databaseSeverity: 'HIGH' });
    expect(a.affected[0]).toMatchObject({ ecosystem: 'Maven', name: 'log4j:log4j', lastKnownAffected: '<= 1.2.17' });
  });

  it('load a file, a directory (recursively, *.json and *.zip) and a zip, in a stable order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(rec('B-1', '2024-01-01T00:00:00Z')));
    writeFileSync(join(dir, 'sub', 'a.json'), JSON.stringify([rec('A-1', '2024-01-01T00:00:00Z'), rec('A-2', '2024-01-01T00:00:00Z')]));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const zip = zipSync({ 'x/C-1.json': strToU8(JSON.stringify(rec('C-1', '2024-01-01T00:00:00Z'))), 'README.md': strToU8('# no') });
    writeFileSync(join(dir, 'sub', 'all.zip'), zip);
    const set = loadAdvisories([dir]);
    expect(set.advisories.map((a) => a.id)).toEqual(['A-1', 'A-2', 'B-1', 'C-1']);
    expect(set.documents).toBe(3);
    expect(set.advisories.find((a) => a.id === 'C-1')!.source).toBe(`${join(dir, 'sub', 'all.zip')}!x/C-1.json`);
    // a zip named anything is still a zip
    const odd = join(dir, 'advisories.bin');
    writeFileSync(odd, zip);
    expect(loadAdvisories([odd]).advisories.map((a) => a.id)).toEqual(['C-1']);
  });

  it('keep the record with the later modified, and set withdrawn ones aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-'));
    writeFileSync(join(dir, '1.json'), JSON.stringify(rec('X-1', '2024-05-01T00:00:00Z', { aliases: ['new'] })));
    writeFileSync(join(dir, '2.json'), JSON.stringify(rec('X-1', '2023-01-01T00:00:00Z', { aliases: ['old'] })));
    writeFileSync(join(dir, '3.json'), JSON.stringify(rec('W-1', '2024-01-01T00:00:00Z', { withdrawn: '2024-02-01T00:00:00Z' })));
    const set = loadAdvisories([dir]);
    expect(set.advisories.map((a) => [a.id, a.aliases])).toEqual([['X-1', ['new']]]);
    expect(set.superseded).toBe(1);
    expect(set.withdrawn).toEqual(['W-1']);
  });

  it('name the file and field of a malformed record', () => {
    expect(problem(() => parseAdvisory({ modified: 'x' }, 'a.json'))).toMatchObject({ file: 'a.json', path: 'id' });
    expect(problem(() => parseAdvisory({ id: 'A', modified: 'x', affected: {} }, 'a.json')).path).toBe('affected');
    expect(problem(() => parseAdvisory({ id: 'A', modified: 'x', affected: [{ package: { name: 'p' } }] }, 'a.json')).path).toBe('affected[0].package.ecosystem');
    const twoKeys = { id: 'A', modified: 'x', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { introduced: '1.0.0', fixed: '2.0.0' }] }] }] };
    expect(problem(() => parseAdvisory(twoKeys, 'a.json'))).toMatchObject({ path: 'affected[0].ranges[0].events[1]' });
    const numeric = { id: 'A', modified: 'x', affected: [{ package: { ecosystem: 'npm', name: 'p' }, versions: ['1.0.0', 2] }] };
    expect(problem(() => parseAdvisory(numeric, 'a.json')).path).toBe('affected[0].versions[1]');
    expect(problem(() => parseAdvisoryDocument([rec('A', 'x'), { id: 3 }], 'arr.json')).path).toBe('[1].id');
    const dir = mkdtempSync(join(tmpdir(), 'osv-'));
    writeFileSync(join(dir, 'broken.json'), '{"id": "A",\n "modified": }');
    expect(problem(() => loadAdvisories([dir]))).toMatchObject({ file: join(dir, 'broken.json'), line: 2 });
    writeFileSync(join(dir, 'broken.zip'), 'PK\u0003\u0004garbage');
    expect(problem(() => loadAdvisories([join(dir, 'broken.zip')])).message).toMatch(/zip/);
    expect(problem(() => loadAdvisories([join(dir, 'missing')])).message).toMatch(/ENOENT/);
  });

  it('refuse a directory or zip without any advisory file: it would pass every SBOM as clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-'));
    mkdirSync(join(dir, 'empty', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'empty', 'README.md'), '# the export goes here');
    expect(problem(() => loadAdvisories([join(dir, 'empty')]))).toMatchObject({ file: join(dir, 'empty'), message: expect.stringMatching(/no \.json or \.zip file/) });
    writeFileSync(join(dir, 'none.zip'), zipSync({ 'README.md': strToU8('# no records') }));
    expect(problem(() => loadAdvisories([join(dir, 'none.zip')]))).toMatchObject({ file: join(dir, 'none.zip'), message: expect.stringMatching(/no \.json entry/) });
  });

  it('a folder under the advisories that cannot be listed is bad input naming it, not an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-'));
    mkdirSync(join(dir, 'unlistable'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(rec('A-1', '2024-01-01T00:00:00Z')));
    expect(problem(() => loadAdvisories([dir]))).toEqual({ file: join(dir, 'unlistable'), message: 'cannot read advisories: permission denied (EACCES)' });
  });

  it('refuse a file or zip entry whose bytes are not UTF-8 (Latin-1 é in a string), with file, line and offset; UTF-8 and a BOM pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-'));
    const text = JSON.stringify(rec('L-1', '2024-01-01T00:00:00Z', { summary: 'Défaut' }), null, 1);
    const latin1 = Buffer.from(text, 'latin1');
    const offset = latin1.indexOf(0xe9);
    const line = text.slice(0, text.indexOf('é')).split('\n').length;
    writeFileSync(join(dir, 'latin1.json'), latin1);
    expect(problem(() => loadAdvisories([join(dir, 'latin1.json')]))).toEqual({
      file: join(dir, 'latin1.json'),
      line,
      message: `not UTF-8 text: byte 0xE9 (offset ${offset}) is not valid UTF-8 (an OSV advisory is JSON text in UTF-8)`,
    });
    writeFileSync(join(dir, 'latin1.zip'), zipSync({ 'npm/L-1.json': latin1 }));
    expect(problem(() => loadAdvisories([join(dir, 'latin1.zip')]))).toMatchObject({ file: `${join(dir, 'latin1.zip')}!npm/L-1.json`, line, message: expect.stringMatching(/^not UTF-8 text: byte 0xE9/) });
    writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(problem(() => loadAdvisories([join(dir, 'utf16.json')])).message).toMatch(/^not UTF-8 text: the file is UTF-16/);
    writeFileSync(join(dir, 'utf8.json'), '\uFEFF' + text);
    expect(loadAdvisories([join(dir, 'utf8.json')]).advisories.map((a) => a.summary)).toEqual(['Défaut']);
  });

  it('accept records the matcher can use even when the schema would want more', () => {
    const a = parseAdvisory({ id: 'G', modified: 'x', affected: [{ ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: 'abc' }] }] }] }, 'g.json');
    expect(a.affected).toEqual([]); // no package: nothing a purl can match
  });
});

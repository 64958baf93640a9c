import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { loadAdvisories } from './load.js';
import { firstProblem } from '../../testing/input-error.js';

const MIB = 1024 * 1024;
const MAX_ZIP_ENTRY_BYTES = 256 * MIB; // the limits of load.ts, as documented in docs/sbom.md
const MAX_ZIP_TOTAL_BYTES = 4096 * MIB;

const rec = (id: string) =>
  JSON.stringify({
    id,
    modified: '2024-01-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }],
  });

/**
 * A zip whose central directory declares the given uncompressed sizes for its entries (in order),
 * as a zip bomb does: a few bytes that say (truthfully, in a real bomb) they inflate to gigabytes.
 */
function zipDeclaring(entries: Record<string, string>, declared: readonly number[]): Uint8Array {
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let n = 0;
  for (let i = 0; i + 4 <= zip.length && n < declared.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, declared[n++]!, true);
  }
  return zip;
}

describe('OSV zip archives: bounded inflation', () => {
  it('refuse an entry that declares more than the entry limit before inflating it, naming the entry (exit 2, not an out-of-memory crash)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-zip-'));
    const file = join(dir, 'bomb.zip');
    writeFileSync(file, zipDeclaring({ 'a/A-1.json': rec('A-1'), 'b/big.json': rec('B-1') }, [10, MAX_ZIP_ENTRY_BYTES + 1]));
    const p = firstProblem(() => loadAdvisories([file]));
    expect(p.file).toBe(`${file}!b/big.json`);
    expect(p.message).toMatch(/inflates to 256 MiB, over the 256 MiB an advisory file may take \(a zip bomb\?\)/);
  });

  it('refuse an archive whose entries together declare more than the archive limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-zip-'));
    const file = join(dir, 'many.zip');
    const count = Math.floor(MAX_ZIP_TOTAL_BYTES / MAX_ZIP_ENTRY_BYTES) + 1;
    const entries = Object.fromEntries(Array.from({ length: count }, (_, i) => [`x/R-${i}.json`, rec(`R-${i}`)]));
    writeFileSync(file, zipDeclaring(entries, Array(count).fill(MAX_ZIP_ENTRY_BYTES)));
    const p = firstProblem(() => loadAdvisories([file]));
    expect(p.file).toBe(file);
    expect(p.message).toMatch(/\.json entries inflate to \d+ MiB, over the 4096 MiB one archive may take/);
  });

  it('still read every record of an archive under the limits, in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-zip-'));
    const file = join(dir, 'all.zip');
    const records = Array.from({ length: 40 }, (_, i) => `R-${String(i).padStart(2, '0')}`);
    writeFileSync(file, zipSync(Object.fromEntries(records.reverse().map((id) => [`${id}.json`, strToU8(rec(id))]))));
    const set = loadAdvisories([file]);
    expect(set.documents).toBe(40);
    expect(set.advisories.map((a) => a.id)).toEqual([...records].sort());
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWhole } from './read-whole.js';
import { firstProblem } from '../testing/input-error.js';

const dir = mkdtempSync(join(tmpdir(), 'dc-whole-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A named pipe that `script` (sh) writes into. */
function fifo(name: string, script: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const child = spawn('sh', ['-c', `${script} > "$0"`, path], { stdio: 'ignore' });
  child.on('error', () => undefined);
  children.push(child);
  return path;
}


describe('reading a document whole, with a ceiling', () => {
  it('reads a regular file, and refuses one over the ceiling from its size, naming the file', () => {
    const f = join(dir, 'big.yaml');
    writeFileSync(f, 'x'.repeat(2000));
    expect(readWhole(f, 'an inventory file', 2000).length).toBe(2000);
    expect(firstProblem(() => readWhole(f, 'an inventory file', 1999))).toEqual({ file: f, message: 'is 2,000 bytes: an inventory file is read whole, up to 1,999 bytes; split it into smaller files' });
  });

  it('reads a pipe to its end', () => {
    const p = fifo('short', "printf 'organization: {}\\n'");
    expect(readWhole(p, 'an inventory file').toString()).toBe('organization: {}\n');
  });

  it('refuses a pipe that does not end once it passes the ceiling, instead of filling memory', () => {
    const p = fifo('endless', 'yes');
    const t0 = Date.now();
    expect(firstProblem(() => readWhole(p, 'an inventory file', 4 * 1024 * 1024))).toEqual({
      file: p,
      message: 'gave more than 4 MiB: an inventory file is read whole, up to 4 MiB (a pipe that does not end?); split it into smaller files',
    });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a pipe exactly at the ceiling is read; one byte more is refused', () => {
    expect(readWhole(fifo('at', "head -c 3000 /dev/zero | tr '\\\\0' x"), 'a list file', 3000).length).toBe(3000);
    expect(() => readWhole(fifo('over', "head -c 3001 /dev/zero | tr '\\\\0' x"), 'a list file', 3000)).toThrow(/gave more than 3,000 bytes/);
  });

  it('file-system errors pass through for the caller to word', () => {
    expect(() => readWhole(join(dir, 'missing'), 'an SBOM')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirs } from './make-dirs.js';

const root = mkdtempSync(join(tmpdir(), 'make-dirs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('makeDirs', () => {
  it('makes the missing folders and returns the first one made; nothing made when it exists', () => {
    const target = join(root, 'a', 'b', 'c');
    expect(makeDirs(target)).toBe(join(root, 'a'));
    expect(statSync(target).isDirectory()).toBe(true);
    expect(makeDirs(target)).toBeUndefined();
    expect(makeDirs(join(root, 'a', 'b', 'd'))).toBe(join(root, 'a', 'b', 'd'));
  });

  it('a file in the way is an error, not a loop', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeDirs(join(root, 'file', 'sub'))).toThrow(/ENOTDIR|EEXIST/);
  });

  it.runIf(process.platform === 'linux')('a folder the system says cannot be made under an existing one (/proc) fails at once; recursive mkdirSync spun for ever there', () => {
    const t0 = Date.now();
    expect(() => makeDirs('/proc/datacustoms-no-such/x')).toThrow(/ENOENT/);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});

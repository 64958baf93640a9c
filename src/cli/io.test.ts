import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeOutputFiles } from './io.js';
import { InputError } from '../common/errors.js';

const root = mkdtempSync(join(tmpdir(), 'io-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const d = join(root, String(n++));
  mkdirSync(d);
  return d;
};
const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('output folders the system will not make', () => {
  it.runIf(process.platform === 'linux')('a target under /proc is bad input naming it, at once (it spun at full CPU: Node 20\'s recursive mkdir loops on ENOENT)', () => {
    let err: unknown;
    try {
      writeOutputFiles([{ path: '/proc/datacustoms-no-such/report.json', data: '{}' }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('/proc/datacustoms-no-such');
  });
});

describe('writeFileAtomic', () => {
  it('writes a new file, creating its folder, with the mode writeFileSync gives', () => {
    const d = freshDir();
    const target = join(d, 'sub', 'out.json');
    writeFileAtomic(target, '{"a":1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    writeFileSync(join(d, 'plain'), 'x');
    expect(modeOf(target)).toBe(modeOf(join(d, 'plain')));
    expect(readdirSync(join(d, 'sub'))).toEqual(['out.json']);
  });

  it('keeps the permissions of the file it replaces', () => {
    const d = freshDir();
    for (const mode of [0o600, 0o640, 0o755]) {
      const target = join(d, `f-${mode.toString(8)}`);
      writeFileSync(target, 'old');
      chmodSync(target, mode);
      writeFileAtomic(target, new TextEncoder().encode('new'));
      expect(readFileSync(target, 'utf8')).toBe('new');
      expect(modeOf(target)).toBe(mode);
    }
  });

  it('removes its temporary file when the rename fails (the target is a folder that is not empty)', () => {
    const d = freshDir();
    const target = join(d, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(d)).toEqual(['out']);
    expect(readdirSync(target)).toEqual(['keep']);
  });

  it('writes through a symbolic link: the file it points to is replaced, the link stays', () => {
    const d = freshDir();
    mkdirSync(join(d, 'real'));
    const target = join(d, 'real', 'inventory.yaml');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    symlinkSync(join('real', 'inventory.yaml'), join(d, 'link.yaml'));
    writeFileAtomic(join(d, 'link.yaml'), 'new');
    expect(lstatSync(join(d, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(modeOf(target)).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['link.yaml', 'real']);
    expect(readdirSync(join(d, 'real'))).toEqual(['inventory.yaml']);
  });

  it('creates the file a dangling symbolic link names, and keeps the link', () => {
    const d = freshDir();
    symlinkSync('made.json', join(d, 'out.json'));
    writeFileAtomic(join(d, 'out.json'), '{}');
    expect(lstatSync(join(d, 'out.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'made.json'), 'utf8')).toBe('{}');
  });

  it('removes its temporary file when the write fails', () => {
    const d = freshDir();
    const target = join(d, 'out');
    // not a string or bytes: writeFileSync throws after the temporary file is created
    expect(() => writeFileAtomic(target, 42 as unknown as string)).toThrow();
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('writeOutputFiles', () => {
  it('writes every file or none: a file the system refuses leaves no other file, and no folder made for them', () => {
    const d = freshDir();
    writeFileSync(join(d, 'keep.ics'), 'old');
    const tooLong = join(d, 'drafts', `${'x'.repeat(300)}.json`);
    let err: unknown;
    try {
      writeOutputFiles([
        { path: join(d, 'keep.ics'), data: 'new' },
        { path: join(d, 'drafts', 'first.json'), data: '{}' },
        { path: tooLong, data: '{}' },
      ]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ file: tooLong });
    expect((err as InputError).message).toMatch(/cannot write the file: .*\(ENAMETOOLONG\)/);
    expect(readFileSync(join(d, 'keep.ics'), 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['keep.ics']);
  });

  it('puts them all in place when every one can be written', () => {
    const d = freshDir();
    writeOutputFiles([
      { path: join(d, 'a.ics'), data: 'A' },
      { path: join(d, 'drafts', 'b.json'), data: 'B' },
    ]);
    expect([readFileSync(join(d, 'a.ics'), 'utf8'), readFileSync(join(d, 'drafts', 'b.json'), 'utf8')]).toEqual(['A', 'B']);
    expect(readdirSync(join(d, 'drafts'))).toEqual(['b.json']);
  });
});

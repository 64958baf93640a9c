import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'datacustoms');

describe('bin/datacustoms (the built CLI, as a shell runs it)', () => {
  it('stops quietly when the reader closes the pipe early (datacustoms demo | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // the banner comes first; the decisions follow once the check has run, into a closed pipe
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('src/cli/main.ts run from source (npx tsx src/cli/main.ts …)', () => {
  const MAIN = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');
  const runSource = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (child: ReturnType<typeof runSource>) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  };
  it('runs the CLI: output and exit code as the built one gives them', async () => {
    expect(await collect(runSource(['--version']))).toEqual({ code: 0, out: '0.1.0\n', err: '' });
    const bad = await collect(runSource(['check', 'no-such-inventory.yaml']));
    expect(bad).toEqual({ code: 2, out: '', err: 'datacustoms: no-such-inventory.yaml: no such file or directory\n' });
  });
  it('stops quietly when the reader of --format json closes the pipe early', async () => {
    const child = runSource(['demo', '--format', 'json']);
    const done = collect(child);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const r = await done;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

#!/usr/bin/env node
/**
 * Builds the WebAssembly scan engine (native/scan-engine/*.c → wasm/scan-engine.wasm) with
 * clang and wasm-ld (Debian: apt-get install clang lld). The .wasm is committed, so users and
 * `npm ci` need no compiler; `.ci/run` rebuilds it and checks that the committed file is what
 * these sources give (`--check`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'native', 'scan-engine');
const outArg = process.argv.indexOf('--out');
/** `--out FILE` builds elsewhere (to try a change without touching the committed module). */
const outFile = outArg > 0 ? process.argv[outArg + 1] : join(root, 'wasm', 'scan-engine.wasm');
const check = process.argv.includes('--check');

const sources = readdirSync(srcDir).filter((f) => f.endsWith('.c')).sort().map((f) => join('native', 'scan-engine', f));
const tmp = mkdtempSync(join(tmpdir(), 'dc-wasm-'));
const out = join(tmp, 'scan-engine.wasm');
const args = [
  '--target=wasm32', '-O3', '-flto', '-std=c11', '-nostdlib', '-ffreestanding', '-ffp-contract=off',
  '-Wall', '-Wextra', '-Werror', '-Wno-unused-parameter',
  '-mbulk-memory', '-msimd128', '-fno-builtin-memset',
  '-Wl,--no-entry', '-Wl,--lto-O3', '-Wl,--export-dynamic', '-Wl,--strip-all', '-Wl,-z,stack-size=1048576',
  '-o', out, ...sources,
];
try {
  execFileSync('clang', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
} catch (e) {
  process.stderr.write(`build-wasm: clang failed (${e.code === 'ENOENT' ? 'clang is not installed: apt-get install clang lld' : e.message})\n`);
  process.exit(1);
}
const built = readFileSync(out);
rmSync(tmp, { recursive: true, force: true });
if (check) {
  let committed;
  try { committed = readFileSync(outFile); } catch { committed = Buffer.alloc(0); }
  if (!committed.equals(built)) {
    process.stderr.write('build-wasm: wasm/scan-engine.wasm is not what native/scan-engine/*.c builds: run `npm run build:wasm` and commit it\n');
    process.exit(1);
  }
  process.stdout.write(`build-wasm: wasm/scan-engine.wasm matches its sources (${built.length} bytes)\n`);
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, built);
  process.stdout.write(`build-wasm: wrote ${outFile} (${built.length} bytes)\n`);
}

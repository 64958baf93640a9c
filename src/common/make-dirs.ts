/**
 * `mkdir -p` that always ends. Node 20's `mkdirSync(path, { recursive: true })` loops for ever
 * when the system says a folder's parent does not exist although it does (mkdir under /proc,
 * some FUSE and network file systems answer ENOENT so): the process spun at full CPU. Here each
 * missing folder is made once, from the first that exists down, and the system's answer is
 * final.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Makes `dir` and the folders above it that are missing; returns the first one made (undefined when none was). */
export function makeDirs(dir: string): string | undefined {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (statSync(at).isDirectory()) break;
      // a file in the way, as mkdir -p says it
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${resolve(dir)}'`), { code: 'ENOTDIR', path: at });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]!);
  return missing.length > 0 ? missing[missing.length - 1] : undefined;
}

/**
 * `node:fs` for tests, with folders whose name ends in "unlistable" refusing to be listed
 * (EACCES), as a folder the process may not read would: permissions cannot be denied to root,
 * who runs some CI. Use in a test file as
 * `vi.mock('node:fs', async (original) => (await import('<path>/testing/unlistable-fs.js')).withUnlistable(await original()))`.
 */
import type * as fs from 'node:fs';

export function withUnlistable(real: typeof fs): typeof fs {
  const readdirSync = ((path: string, options: unknown) => {
    if (String(path).endsWith('unlistable')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (real.readdirSync as (p: string, o: unknown) => unknown)(path, options);
  }) as typeof real.readdirSync;
  return { ...real, readdirSync, default: { ...real, readdirSync } } as typeof fs;
}

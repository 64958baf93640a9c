import { describe, expect, it } from 'vitest';
import { PG_SSL_NOTE, quietDependencyNotices } from './dependency-notices.js';
import { main } from './main.js';
import type { Io } from './io.js';

describe('notices of the libraries about their own defaults', () => {
  it('the pg driver\'s ten-line SSL-mode warning becomes one line of ours, to the running command\'s error stream; other warnings are untouched', async () => {
    const err: string[] = [];
    await main(['--version'], { out: () => undefined, outBytes: () => undefined, err: (s: string) => void err.push(s), isTTY: false, errIsTTY: false } as unknown as Io);
    const seen: string[] = [];
    const onWarning = (w: Error) => void seen.push(w.message);
    process.on('warning', onWarning);
    try {
      process.emitWarning("SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.\nIn the next major version …");
      process.emitWarning('something else');
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(err).toEqual([PG_SSL_NOTE]);
    expect(seen).toEqual(['something else']);
    quietDependencyNotices();
  });
});

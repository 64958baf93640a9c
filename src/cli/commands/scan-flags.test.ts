/**
 * `scan --min-confidence` takes a decimal from 0 to 1 as written: an empty value or a hex
 * literal is bad input (Number() read them as 0 and 1).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

async function cli(args: string[]) {
  const io = memoryIo();
  const code = await main(['scan', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('scan --min-confidence', () => {
  const d = mkdtempSync(join(tmpdir(), 'dc-qa-flags-'));
  const file = join(d, 'people.csv');
  writeFileSync(file, 'phone\n13912345678\n');
  const key = ['--key', 'qa-test'];

  for (const bad of ['', ' 0.5', '0x1', '1e-1', '-0', 'NaN', '1.5']) {
    it(`refuses "${bad}"`, async () => {
      const r = await cli([file, `--min-confidence=${bad}`, ...key]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--min-confidence: expected a number from 0 to 1/);
    });
  }

  for (const good of ['0', '0.5', '.5', '1', '1.0']) {
    it(`takes "${good}"`, async () => {
      const r = await cli([file, `--min-confidence=${good}`, '--format', 'json', ...key]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).sources).toHaveLength(1);
    });
  }
});

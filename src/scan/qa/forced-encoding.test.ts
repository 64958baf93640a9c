/**
 * `--encoding` forces the text encoding of files: a UTF-16 or UTF-32 file without a byte-order
 * mark holds NUL bytes, and is text in the forced encoding, not a binary file to skip.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { scan } from '../index.js';
import { nulIsText } from '../sources/files.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-qa-enc-'));
const CSV = '姓名,身份证\n张三,11010519491231002X\n';

describe('a forced UTF-16 encoding reads files without a byte-order mark', () => {
  it('knows which encodings hold NUL bytes in text', () => {
    expect(nulIsText('utf-16le')).toBe(true);
    expect(nulIsText('UTF16BE')).toBe(true);
    expect(nulIsText('ucs2')).toBe(true);
    expect(nulIsText('utf-32le')).toBe(true);
    expect(nulIsText('utf-8')).toBe(false);
    expect(nulIsText('gb18030')).toBe(false);
    expect(nulIsText(undefined)).toBe(false);
  });

  for (const [name, bytes] of [
    ['people.csv', iconv.encode(CSV, 'utf-16le')],
    ['people.csv.gz', gzipSync(iconv.encode(CSV, 'utf-16le'))],
  ] as const) {
    it(`scans ${name} as UTF-16LE text with --encoding utf-16le`, async () => {
      const d = tmp();
      const file = join(d, name);
      writeFileSync(file, bytes);
      const run = await scan([file], { key: 'qa-test', stateDir: join(d, '.state'), encoding: 'utf-16le' });
      expect(run.report.skipped).toBeUndefined();
      expect(run.report.sources).toHaveLength(1);
      expect(run.report.sources[0]!.findings.map((f) => [f.field, f.type, f.masked])).toEqual([
        ['姓名', 'person_name', '张*'],
        ['身份证', 'cn_resident_id', '110105********002X'],
      ]);
      // without it, the NUL bytes make it a binary file
      const detected = await scan([file], { key: 'qa-test', stateDir: join(d, '.state') });
      expect(detected.report.sources).toHaveLength(0);
      expect(detected.report.skipped?.[0]?.reason).toMatch(/^binary file/);
    });
  }
});

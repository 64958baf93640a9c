import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { InputError } from '../../common/errors.js';
import { openTarget } from './index.js';
import { detectEncoding, isUtf8, magic } from './decode.js';
import { firstRowIsHeader, formatFromName, sniffJson, walk } from './files.js';
import { readJsonDocument, MAX_NESTING } from './json-document.js';
import { flatten } from './flatten.js';
import { KeyFolder } from '../core/field-paths.js';
import { safeRecordId } from './record-id.js';
import { cutAt, emailDetect, recordingScanner, scanTarget, starMask, testContext } from './testkit.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-src-'));

const scanAll = async (target: string, ctx = testContext()) => ({ ...(await scanTarget(target, ctx)), ctx });

async function* chunks(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

describe('encoding and format detection', () => {
  it('recognises magic numbers', () => {
    expect(magic(Buffer.from([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(magic(Buffer.from('PAR1xxxx'))).toBe('parquet');
    expect(magic(Buffer.from('SQLite format 3\0rest'))).toBe('sqlite');
    expect(magic(Buffer.from('a,b\n1,2'))).toBe('none');
  });

  it('detects BOMs, UTF-8, GB18030 and binary', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('姓名,手机号\n张三,13812345678', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('姓名,手机号\n张三,13812345678', 'gbk'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from([0x41, 0, 0x42, 0x43]))).toBeUndefined();
  });

  it('reads GBK text behind a UTF-8 BOM as GB18030, without the BOM', async () => {
    const d = tmp();
    const gbk = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('姓名,手机号\n张三,13812345678\n', 'gbk')]);
    expect(detectEncoding(gbk)).toBe('gb18030');
    writeFileSync(join(d, 'bom-gbk.csv'), gbk);
    writeFileSync(join(d, 'bom-gbk-forced.txt'), gbk);
    const { units, ctx } = await scanAll(join(d, 'bom-gbk.csv'));
    expect(units[0]!.outcome.encoding).toBe('gb18030');
    expect(ctx.readers.calls[0]!.text).toBe('姓名,手机号\n张三,13812345678\n');
    const forced = await scanAll(join(d, 'bom-gbk-forced.txt'), testContext({ encoding: 'gbk' }));
    expect(forced.ctx.readers.calls[0]!.text).toBe('姓名,手机号\n张三,13812345678\n');
  });

  it('accepts a UTF-8 head cut in the middle of a character', () => {
    const b = Buffer.from('身份证号', 'utf8');
    expect(isUtf8(b.subarray(0, b.length - 1))).toBe(true);
    expect(isUtf8(Buffer.from([0xc3, 0x28]))).toBe(false);
  });

  it('tells a header row from a data row', () => {
    expect(firstRowIsHeader('name,email\nAnn,ann@example.com\n', ',', emailDetect)).toBe(true);
    expect(firstRowIsHeader('\uFEFFAnn,"ann@example.com"\nBo,bo@example.com\n', ',', emailDetect)).toBe(false);
    expect(firstRowIsHeader('a\tb@x.io', '\t', emailDetect)).toBe(false);
  });

  it('ends the first row at a lone CR too (old Mac line ends)', () => {
    // the whole head was taken as the first row, so a data row further down made the header data
    expect(firstRowIsHeader('name,email\rAnn,ann@example.com\r', ',', emailDetect)).toBe(true);
    expect(firstRowIsHeader('Ann,ann@example.com\rBo,bo@example.com\r', ',', emailDetect)).toBe(false);
  });

  it('maps names and sniffs JSON shapes', () => {
    expect(formatFromName('a/people.CSV')).toBe('csv');
    expect(formatFromName('x.tsv.gz')).toBe('tsv');
    expect(formatFromName('events.ndjson')).toBe('jsonl');
    expect(formatFromName('README')).toBeUndefined();
    expect(sniffJson('[{"a":1}]')).toBe('json');
    expect(sniffJson('{"a":1}\n{"a":2}\n')).toBe('jsonl');
    expect(sniffJson('{\n  "a": 1\n}')).toBe('json');
    expect(sniffJson('hello')).toBeUndefined();
  });
});

describe('files and directories', () => {
  it('reads a UTF-8 CSV with a BOM, without the BOM', async () => {
    const d = tmp();
    writeFileSync(join(d, 'p.csv'), '\uFEFFname,email\nAnn,ann@example.com\n');
    const { units, ctx } = await scanAll(join(d, 'p.csv'));
    expect(units).toHaveLength(1);
    expect(units[0]!.outcome).toEqual({ encoding: 'utf-8', format: 'csv' });
    expect(ctx.readers.calls[0]!.text.startsWith('name,')).toBe(true);
    expect(units[0]!.records[0]!.fields).toEqual([
      ['name', 'Ann'],
      ['email', 'ann@example.com'],
    ]);
  });

  it('decodes GBK text as GB18030', async () => {
    const d = tmp();
    writeFileSync(join(d, 'gbk.csv'), iconv.encode('姓名,身份证号\n张三,11010519491231002X\n', 'gbk'));
    const { units } = await scanAll(join(d, 'gbk.csv'));
    expect(units[0]!.outcome.encoding).toBe('gb18030');
    expect(units[0]!.records[0]!.fields).toEqual([
      ['姓名', '张三'],
      ['身份证号', '11010519491231002X'],
    ]);
  });

  it('decodes GB18030 split across stream chunks (a large file)', async () => {
    const d = tmp();
    const line = '张三,住址北京市朝阳区\n';
    writeFileSync(join(d, 'big.txt'), iconv.encode(line.repeat(120_000), 'gb18030'));
    const { units, ctx } = await scanAll(join(d, 'big.txt'));
    expect(units[0]!.outcome).toEqual({ encoding: 'gb18030', format: 'text' });
    expect(ctx.readers.calls[0]!.text).toBe(line.repeat(120_000));
    expect(units[0]!.progress.at(-1)).toBe(iconv.encode(line.repeat(120_000), 'gb18030').length);
  });

  it('honours a forced encoding and rejects an unknown one', async () => {
    const d = tmp();
    writeFileSync(join(d, 'big5.txt'), iconv.encode('身分證', 'big5'));
    const { ctx } = await scanAll(join(d, 'big5.txt'), testContext({ encoding: 'big5' }));
    expect(ctx.readers.calls[0]!.text).toBe('身分證');
    await expect(openTarget(join(d, 'big5.txt'), testContext({ encoding: 'klingon' }))).rejects.toThrow(/unknown encoding/);
  });

  it('reads UTF-16LE with a BOM', async () => {
    const d = tmp();
    writeFileSync(join(d, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello 世界', 'utf16le')]));
    const { ctx } = await scanAll(join(d, 'u16.txt'));
    expect(ctx.readers.calls[0]!.text).toBe('hello 世界');
  });

  it('skips a gzip file holding binary data (a .tar.gz), a gzipped Parquet or SQLite file, and scans the rest', async () => {
    const d = tmp();
    const tarLike = Buffer.concat([Buffer.from('data/\0\0\0\0\0\0'), Buffer.alloc(500)]);
    writeFileSync(join(d, 'backup.tar.gz'), gzipSync(tarLike));
    writeFileSync(join(d, 'p.parquet.gz'), gzipSync(Buffer.from('PAR1\0\0\0\0PAR1')));
    writeFileSync(join(d, 'q.txt'), 'me@example.com\n');
    writeFileSync(join(d, 'r.csv.gz'), gzipSync('a\n1\n'));
    const { units, skipped } = await scanAll(d);
    expect(units.map((u) => u.name)).toEqual([join(d, 'q.txt'), join(d, 'r.csv.gz')]);
    expect(skipped).toEqual([
      { source: join(d, 'backup.tar.gz'), reason: 'binary file inside gzip; not a supported format' },
      { source: join(d, 'p.parquet.gz'), reason: 'gzip-compressed Parquet file; decompress it first (random access is needed)' },
    ]);
    // corrupt gzip data is still named when read
    writeFileSync(join(d, 'z.txt.gz'), gzipSync('hello '.repeat(1000)).subarray(0, 40));
    await expect(scanAll(join(d, 'z.txt.gz'))).rejects.toThrow(/z\.txt\.gz: corrupt gzip data/);
  });

  it('undoes gzip and picks the reader from the inner name', async () => {
    const d = tmp();
    writeFileSync(join(d, 'e.jsonl.gz'), gzipSync('{"id":"a","email":"x@example.com"}\n{"id":"b"}\n'));
    writeFileSync(join(d, 't.tsv.gz'), gzipSync('a\tb\n1\t2\n'));
    const { units, ctx } = await scanAll(d);
    expect(units.map((u) => u.outcome.format)).toEqual(['jsonl+gzip', 'tsv+gzip']);
    expect(ctx.readers.calls.map((c) => c.reader)).toEqual(['jsonl', 'csv']);
    expect(ctx.readers.calls[1]!.opts).toMatchObject({ delimiter: '\t' });
  });

  it('sniffs JSON lines and documents behind a .json or unknown extension', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.json'), '{"email":"a@example.com"}\n{"email":"b@example.com"}\n');
    writeFileSync(join(d, 'b.data'), '[{"email":"c@example.com"}]');
    const { units } = await scanAll(d);
    expect(units.map((u) => u.outcome.format)).toEqual(['jsonl', 'json']);
  });

  it('reports corrupt gzip as bad input', async () => {
    const d = tmp();
    const z = gzipSync('x'.repeat(10_000));
    writeFileSync(join(d, 'bad.txt.gz'), Buffer.concat([z.subarray(0, 20), Buffer.alloc(50, 7)]));
    await expect(scanAll(join(d, 'bad.txt.gz'))).rejects.toThrow(InputError);
  });

  it('walks directories in name order, skipping hidden entries and binaries, following file links only', async () => {
    const d = tmp();
    mkdirSync(join(d, 'sub'));
    mkdirSync(join(d, '.git'));
    writeFileSync(join(d, 'b.txt'), 'b');
    writeFileSync(join(d, 'a.txt'), 'a');
    writeFileSync(join(d, 'sub', 'c.log'), 'c');
    writeFileSync(join(d, '.git', 'x.txt'), 'x');
    writeFileSync(join(d, 'img.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(join(d, 'blob.bin'), Buffer.from([1, 0, 2, 0, 3]));
    symlinkSync(join(d, 'sub'), join(d, 'loop'));
    symlinkSync(join(d, 'a.txt'), join(d, 'z-link.txt'));
    expect(walk(d).map((f) => f.slice(d.length + 1))).toEqual(['a.txt', 'b.txt', 'blob.bin', 'img.png', 'sub/c.log', 'z-link.txt']);
    const { units, skipped } = await scanAll(d);
    expect(units.map((u) => u.name.slice(d.length + 1))).toEqual(['a.txt', 'b.txt', 'sub/c.log', 'z-link.txt']);
    expect(skipped.map((s) => s.source.slice(d.length + 1))).toEqual(['blob.bin', 'img.png']);
  });

  it('names a missing path', async () => {
    await expect(openTarget('/nonexistent/x.csv', testContext())).rejects.toThrow(/\/nonexistent\/x.csv: no such file/);
  });

  it('refuses a pipe, a link loop and "-" with a message that says what they are (a FIFO would block the scan forever)', async () => {
    const d = tmp();
    const fifo = join(d, 'p.csv');
    execFileSync('mkfifo', [fifo]);
    expect(() => walk(fifo)).toThrow(/p\.csv: not a regular file or directory/);
    symlinkSync(join(d, 'l2'), join(d, 'l1'));
    symlinkSync(join(d, 'l1'), join(d, 'l2'));
    expect(() => walk(join(d, 'l1'))).toThrow(/l1: cannot read: ELOOP/);
    expect(() => walk('-')).toThrow(/-: reading standard input is not supported/);
    expect(() => walk('')).toThrow(/^<argv>: an empty path \(""\)/);
  });
});

describe('nested columns (Parquet) flattened with a key folder', () => {
  it('a map column keyed by ids reads its keys as * past the bound; the column name itself is never folded', () => {
    const folder = new KeyFolder(2, 100);
    const fields: [string, string][] = [];
    for (const row of [{ tags: { a: 'x', b: 'y', c: 'z' } }, { tags: { a: 'w', d: 'v' } }]) for (const [k, v] of Object.entries(row)) flatten(v, k, fields, 0, folder);
    expect(fields).toEqual([['tags.a', 'x'], ['tags.b', 'y'], ['tags.*', 'z'], ['tags.a', 'w'], ['tags.*', 'v']]);
    // without a folder, as before
    const plain: [string, string][] = [];
    flatten({ c: 'z' }, 'tags', plain);
    expect(plain).toEqual([['tags.c', 'z']]);
  });
});

describe('JSON documents', () => {
  const run = async (parts: string[]) => {
    const s = recordingScanner();
    const n = await readJsonDocument(chunks(parts), { source: 'd.json', recordId: (id) => safeRecordId(id, emailDetect, starMask) }, s);
    return { n, records: s.records };
  };

  it('a document whose objects are maps keyed by ids: past 1,000 keys per object path, new keys read as * (the field names stay bounded)', async () => {
    const users: Record<string, { phone: string }> = {};
    for (let i = 0; i < 3_000; i++) users[`u${i}`] = { phone: `p${i}` };
    const { records } = await run([JSON.stringify({ users, total: 3 })]);
    expect(records).toHaveLength(1);
    const names = records[0]!.fields.map(([f]) => f);
    expect(new Set(names).size).toBe(1_000 + 2);
    expect(names.slice(0, 2)).toEqual(['users.u0.phone', 'users.u1.phone']);
    expect(names.filter((f) => f === 'users.*.phone')).toHaveLength(2_000);
    expect(names.at(-1)).toBe('total');
  });

  it('streams a top-level array element by element with flattened paths', async () => {
    const { n, records } = await run(['[{"id":7,"name":"Ann","addr":{"city":"Beijing"},"phones":["+86 138","x"]},', ' "solo", 42, {"ok":true,"n":null}]']);
    expect(n).toBe(4);
    expect(records).toEqual([
      { record: 7, fields: [['id', '7'], ['name', 'Ann'], ['addr.city', 'Beijing'], ['phones[]', '+86 138'], ['phones[]', 'x']] },
      { record: 2, fields: [['value', 'solo']] },
      { record: 3, fields: [['value', '42']] },
      { record: 4, fields: [] },
    ]);
  });

  it('masks an id that is itself sensitive', async () => {
    const { records } = await run(['[{"id":"ann@example.com","x":"1"}]']);
    expect(records[0]!.record).toBe('a*************m');
  });

  it('keeps numbers exactly as written and streams non-array documents too', async () => {
    const { records } = await run(['{"idno": 110105194912', '310021, "f": 1.50e3, "neg": -0', ', "n": {"m": [[1], {"k": "v"}]}}']);
    expect(records).toEqual([{ record: 1, fields: [['idno', '110105194912310021'], ['f', '1.50e3'], ['neg', '-0'], ['n.m[][]', '1'], ['n.m[].k', 'v']] }]);
  });

  it('reads a long string cut into many chunks in linear time', async () => {
    const body = 'a\\"'.repeat(200_000);
    const text = `[{"s":"${body}"}]`;
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += 1000) parts.push(text.slice(i, i + 1000));
    const t0 = cpuMs();
    const { records } = await run(parts);
    expect(records[0]!.fields[0]![1]).toBe('a"'.repeat(200_000));
    expect(cpuMs() - t0).toBeLessThan(1000);
  });

  it('reads a non-array document whole as one record', async () => {
    const { n, records } = await run(['{"a":{"b":"c"},', '"d":[1,2]}']);
    expect(n).toBe(1);
    expect(records[0]!.fields).toEqual([['a.b', 'c'], ['d[]', '1'], ['d[]', '2']]);
  });

  it('gives the same records however the text is chunked (property)', async () => {
    const value = fc.array(
      fc.oneof(
        fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }))),
        fc.string({ maxLength: 6 }),
        fc.integer(),
      ),
      { maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(value, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (arr, cuts, pretty) => {
        const text = JSON.stringify(arr, null, pretty ? 2 : undefined);
        const parts = cutAt(text, cuts.map((c) => c % (text.length + 1)));
        const whole = await run([text]);
        const split = await run(parts);
        expect(split).toEqual(whole);
        expect(whole.n).toBe(arr.length);
      }),
      { numRuns: 150 },
    );
  });

  it('reports invalid JSON with its line', async () => {
    await expect(run(['[\n{"a":1},\n{"a":tru}\n]'])).rejects.toThrow(/d\.json:3:6: invalid JSON: unexpected token/);
    await expect(run(['[\n{"a":1},', '\n  {"a" 1}]'])).rejects.toThrow(/d\.json:3:8: invalid JSON: expected ":"/);
    await expect(run(['[{"a":1}'])).rejects.toThrow(/unexpected end of the document \(unclosed array\)/);
    await expect(run(['[{"a":"x'])).rejects.toThrow(/inside a string/);
    await expect(run(['[1] 2'])).rejects.toThrow(/after the end of the document/);
    await expect(run(['{"a":1,}'])).rejects.toThrow(/member name/);
    await expect(run(['[1,,2]'])).rejects.toThrow(/unexpected character ","/);
    expect((await run(['  '])).n).toBe(0);
  });

  it('refuses hostile nesting quickly (1 MB of brackets)', async () => {
    const t0 = performance.now();
    await expect(run(['['.repeat(1_000_000)])).rejects.toThrow(new RegExp(`deeper than ${MAX_NESTING}`));
    await expect(run(['{"a":' + '['.repeat(1_000_000)])).rejects.toThrow(/deeper/);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('rejects any malformed text with a located InputError, never anything else (property)', async () => {
    const alphabet = fc.constantFrom('[', ']', '{', '}', ',', ':', '"', '\\', 'a', '1', '-', '.', 'e', ' ', '\n', 't', 'n', 'u', 'l');
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.integer({ min: 1, max: 7 }), async (text, size) => {
        const parts: string[] = [];
        for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
        try {
          await run(parts);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems[0]!.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads 1 MB hostile tokens cut into small chunks in linear time', async () => {
    const chunked = (text: string, size = 4096) => {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
      return parts;
    };
    const inputs = [
      `[${'7'.repeat(1_000_000)}]`,
      `["${'\\\\'.repeat(500_000)}"]`,
      `[${' '.repeat(1_000_000)}1]`,
      `[${'"@",'.repeat(250_000)}"@"]`,
      `{${'"k":0,'.repeat(160_000)}"k":0}`,
    ];
    for (const text of inputs) {
      const t0 = cpuMs();
      await run(chunked(text));
      expect(cpuMs() - t0, text.slice(0, 12)).toBeLessThan(1500);
    }
  });

  it('handles 1 MB of quotes and backslashes in linear time', async () => {
    const t0 = cpuMs();
    const s = '\\"'.repeat(250_000);
    const { records } = await run([`[{"a":"${s}"}]`]);
    expect(records[0]!.fields[0]![1]).toHaveLength(250_000);
    expect(cpuMs() - t0).toBeLessThan(500);
  });
});

describe('parsers never fail on odd input', () => {
  it('detectEncoding, magic and sniffJson take any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b = Buffer.from(bytes);
        expect(['gzip', 'parquet', 'sqlite', 'zip', 'pdf', 'image', 'none']).toContain(magic(b));
        const e = detectEncoding(b);
        expect(e === undefined || typeof e === 'string').toBe(true);
        const r = sniffJson(b.toString('latin1'));
        expect(r === undefined || r === 'json' || r === 'jsonl').toBe(true);
      }),
    );
  });
});

describe('record ids', () => {
  it('keeps plain ids and masks sensitive ones', () => {
    expect(safeRecordId(42, emailDetect, starMask)).toBe(42);
    expect(safeRecordId('row-1', emailDetect, starMask)).toBe('row-1');
    expect(safeRecordId('k:bo@x.io', emailDetect, starMask)).toBe('k:b*****o');
    // long numbers are checked as text: an ID or a phone number can be the key
    expect(safeRecordId(13812345678, (v) => (v.length === 11 ? [{ type: 'cn_mobile', start: 0, end: 11, confidence: 1, category: 'contact' }] : []), starMask)).toBe('1*********8');
  });
});

describe('Parquet', () => {
  it('reads every column of every row group, nested ones flattened', async () => {
    const d = tmp();
    const n = 2500;
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: Array.from({ length: n }, (_, i) => BigInt(i + 1)), type: 'INT64' },
        { name: 'email', data: Array.from({ length: n }, (_, i) => (i % 2 ? `u${i}@example.com` : null)), type: 'STRING' },
        { name: 'score', data: Array.from({ length: n }, (_, i) => i / 4), type: 'DOUBLE' },
        { name: 'meta', data: Array.from({ length: n }, (_, i) => ({ city: `c${i}` })), type: 'JSON' },
      ],
      rowGroupSize: 1000,
    });
    writeFileSync(join(d, 'p.parquet'), new Uint8Array(buf));
    const { units } = await scanAll(join(d, 'p.parquet'));
    expect(units).toHaveLength(1);
    const recs = units[0]!.records;
    expect(recs).toHaveLength(n);
    expect(recs[1]).toEqual({ record: '2', fields: [['id', '2'], ['email', 'u1@example.com'], ['score', '0.25'], ['meta.city', 'c1']] });
    expect(units[0]!.progress).toHaveLength(3); // one per row group
  });

  it('reports a damaged Parquet file as bad input', async () => {
    const d = tmp();
    writeFileSync(join(d, 'bad.parquet'), Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(100, 3), Buffer.from('PAR1')]));
    await expect(scanAll(join(d, 'bad.parquet'))).rejects.toThrow(InputError);
  });
});

describe('SQLite', () => {
  function makeDb(): string {
    const file = join(tmp(), 'app.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, idno INTEGER, email TEXT, photo BLOB, score REAL);
             CREATE TABLE pairs (a TEXT, b TEXT, note TEXT, PRIMARY KEY (b, a)) WITHOUT ROWID;
             CREATE TABLE logs (line TEXT);`);
    const ins = db.prepare('INSERT INTO people (id, name, idno, email, photo, score) VALUES (?, ?, ?, ?, ?, ?)');
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    for (let i = 1; i <= 500; i++) ins.run(i, `P${i}`, 110105194912310021n + BigInt(i), i % 3 ? `p${i}@example.com` : null, Buffer.from([0, 1, 2]), i + 0.5);
    db.prepare('INSERT INTO pairs VALUES (?, ?, ?)').run('x', 'me@example.com', 'hi');
    db.prepare('INSERT INTO logs VALUES (?)').run('started');
    db.close();
    return file;
  }

  it('scans every table with primary keys as record ids and exact big integers', async () => {
    const file = makeDb();
    const { units } = await scanAll(file);
    expect(units.map((u) => u.name)).toEqual([`${file}#logs`, `${file}#pairs`, `${file}#people`]);
    const people = units[2]!;
    expect(people.records).toHaveLength(500);
    expect(people.records[0]).toEqual({ record: 1, fields: [['id', '1'], ['name', 'P1'], ['idno', '110105194912310022'], ['email', 'p1@example.com'], ['score', '1.5']] });
    // composite key (b, a), and its e-mail part masked
    expect(units[1]!.records[0]!.record).toBe('m************m,x');
    expect(units[0]!.records[0]!.record).toBe(1);
    expect(people.outcome.sample).toBeUndefined();
  });

  it('a text column holding JSON is scanned by its paths under the column; long integers keep their digits; text that only looks like JSON stays whole', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dc-sqlite-json-')), 'j.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT)');
    const put = db.prepare('INSERT INTO t VALUES (?, ?)');
    put.run(1, '{"name": "\\u5f20\\u4f1f", "card": 6222021234567890123, "tags": ["a", {"k": "v"}]}');
    put.run(2, '{"cut": "x"');
    put.run(3, '[]');
    db.close();
    const { units } = await scanAll(file);
    expect(units[0]!.records.map((r) => r.fields)).toEqual([
      [['id', '1'], ['doc.name', '张伟'], ['doc.card', '6222021234567890123'], ['doc.tags[]', 'a'], ['doc.tags[].k', 'v']],
      [['id', '2'], ['doc', '{"cut": "x"']],
      [['id', '3']],
    ]);
  });

  it('samples N random rows, the same ones for the same seed', async () => {
    const file = makeDb();
    const ids = async (seed: number) => {
      const { units } = await scanAll(`sqlite:${file}?table=people`, testContext({ sample: 50, seed }));
      expect(units).toHaveLength(1);
      expect(units[0]!.outcome.sample).toEqual({ rows: 50, of: 500 });
      return units[0]!.records.map((r) => r.record);
    };
    const a = await ids(1);
    expect(new Set(a).size).toBe(50);
    expect(await ids(1)).toEqual(a);
    expect(await ids(2)).not.toEqual(a);
    expect(a).not.toEqual([...a].sort((x, y) => Number(x) - Number(y))); // not just the first rows
  });

  it('reads everything when the sample is larger than the table', async () => {
    const file = makeDb();
    const { units } = await scanAll(`sqlite:${file}?table=people`, testContext({ sample: 5000 }));
    expect(units[0]!.outcome.sample).toBeUndefined();
    expect(units[0]!.records).toHaveLength(500);
  });

  it('a corrupt page met while reading rows is an InputError naming file and table', async () => {
    const file = makeDb();
    const bytes = readFileSync(file);
    // overwrite the middle of every page after the schema (row data), keep the header valid
    const page = bytes.readUInt16BE(16);
    for (let o = 2 * page; o + page <= bytes.length; o += page) bytes.fill(0xa5, o + 40, o + page - 40);
    writeFileSync(file, bytes);
    const err = await scanAll(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/app\.db(#\w+)?: (cannot read( the schema)?): /);
  });

  it('names a missing table', async () => {
    const file = makeDb();
    await expect(openTarget(`sqlite:${file}?table=nope`, testContext())).rejects.toThrow(/no table named "nope"/);
  });
});

/** CPU milliseconds used by this process so far (steadier than wall time on a shared machine). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { createSourceScanner } from '../core/scanner.js';
import type { Finding, SourceScanner } from '../core/types.js';
import { cutAt, recordingScanner } from '../sources/testkit.js';
import { readCsv, readJsonLines, readText, sniffDelimiter } from './index.js';

const key = (f: Finding) => `${String(f.record)}|${f.field}|${f.type}|${f.start}|${f.end}|${f.masked}`;

/** A string or its UTF-8 bytes cut at the given points, without empty pieces. */
const cut = (text: string, points: number[]): string[] => cutAt(text, points).filter((c) => c.length > 0);
const cutBuffer = (buf: Buffer, points: number[]): Buffer[] => cutAt(buf, points).filter((c) => c.length > 0);

async function csv(text: string | string[], opts = {}) {
  const sc = createSourceScanner({ maxFindings: 10_000 });
  const stats = await readCsv(Array.isArray(text) ? text : [text], { source: 't.csv', ...opts }, sc);
  return { stats, result: sc.result() };
}

describe('CSV', () => {
  it('reads a header, quoted fields with delimiters, doubled quotes and newlines', async () => {
    const text = 'name,phone,note\n"Doe, Jane",13812345678,"said ""call 13912345678""\nthen left"\r\nBob,,plain\n';
    const { stats, result } = await csv(text);
    expect(stats.records).toBe(2);
    expect(result.records).toBe(2);
    const fs = result.findings.map((f) => [f.record, f.field, f.type, f.start, f.end]);
    expect(fs).toContainEqual([1, 'phone', 'cn_mobile', 0, 11]);
    // offsets are into the unquoted value: said "call 139…
    expect(fs).toContainEqual([1, 'note', 'cn_mobile', 11, 22]);
    expect(result.fields.map((f) => f.field)).toEqual(['name', 'phone', 'note']);
  });
  it('strips a BOM, sniffs the delimiter, skips blank lines', async () => {
    for (const d of [',', '\t', ';', '|']) {
      const text = `\ufeffid${d}email\n1${d}a@example.com\n\n2${d}b@example.org\n`;
      const { stats, result } = await csv(text);
      expect(stats.records).toBe(2);
      expect(result.fields).toMatchObject([{ field: 'email', types: [{ type: 'email', count: 2 }] }]);
    }
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('"a,b";c\n"1,2";3\n')).toBe(';');
  });
  it('uses the record key column for record ids', async () => {
    const { result } = await csv('mobile,uid\n13812345678,u-77\n', { recordKey: 'uid' });
    expect(result.findings[0]?.record).toBe('u-77');
    await expect(csv('a,b\n1,2\n', { recordKey: 'zz' })).rejects.toThrow(InputError);
  });
  it('names columns 1, 2, … without a header, and extra cells', async () => {
    const { result } = await csv('13812345678,x\nfoo,bar,a@b.cn\n', { header: false });
    expect(result.fields.map((f) => f.field)).toEqual(['1', '3']);
  });
  it('an unterminated quote is an InputError naming the line it opened on', async () => {
    const err = await csv('a,b\n1,2\n3,"open\nstill open\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(String((err as Error).message)).toMatch(/t\.csv:3: unterminated quoted field/);
  });
  it('gives the same findings whatever the chunking (property)', async () => {
    const text =
      'name,身份证号,notes\n"Li, Wei",11010519491231002X,"电话 13812345678, ""quoted"" 4111 1111 1111 1111"\r\n' +
      'Ann,110102199101010078,"multi\nline jane@example.com"\n' +
      'x,,"tail ""q"""\n';
    const whole = (await csv(text)).result.findings.map(key);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), async (points) => {
        const got = (await csv(cut(text, points))).result.findings.map(key);
        expect(got).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
  it('accepts Buffer chunks split inside a multi-byte character', async () => {
    const buf = Buffer.from('姓名,手机号\n张伟,13812345678\n', 'utf8');
    const sc = createSourceScanner();
    await readCsv([buf.subarray(0, 4), buf.subarray(4)], { source: 'b.csv' }, sc);
    expect(sc.result().fields.map((f) => f.field)).toEqual(['姓名', '手机号']);
  });
  it('scans a field longer than the window in pieces, in flat memory', async () => {
    const long = 'x'.repeat(3 << 20) + ' a@example.com';
    const { result } = await csv(['h\n"', long.slice(0, 1 << 20), long.slice(1 << 20), '"\n']);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ type: 'email', start: long.length - 13, end: long.length });
  });
  it('works with any SourceScanner (no fast path)', async () => {
    const inner = createSourceScanner();
    const plain: SourceScanner = {
      beginRecord: (r) => inner.beginRecord(r),
      setRecordId: (r) => inner.setRecordId(r),
      scanField: (f, v) => inner.scanField(f, v),
      endRecord: () => inner.endRecord(),
      scanRecord: (r, f) => inner.scanRecord(r, f),
      result: () => inner.result(),
    };
    await readCsv(['email\na@example.com\n'], { source: 'x' }, plain);
    expect(inner.result().findingsTotal).toBe(1);
  });
  it('any table of strings, written with RFC 4180 quoting and cut anywhere, reads back cell for cell (property)', async () => {
    const unit = fc.oneof(fc.constantFrom('"', ',', ';', '\t', '|', '\n', '\r', ' ', 'a', '张', '😀', 'é'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const cellArb = fc.string({ unit, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(',', '\t', ';', '|'),
        fc.boolean(), // quote every cell, or only those that need it
        fc.boolean(), // header row
        fc.boolean(), // byte chunks (cut inside characters too) or string chunks
        fc.array(fc.nat({ max: 400 }), { maxLength: 10 }),
        async (rows, eol, d, always, header, bytes, points) => {
          const quote = (c: string) => (always || c === '' || /["\r\n,;\t|]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          const width = Math.max(...rows.map((r) => r.length));
          const names = Array.from({ length: width }, (_, k) => `c${k + 1}`);
          const text = (header ? [names, ...rows] : rows).map((r) => r.map(quote).join(d)).join(eol) + eol;
          const sc = recordingScanner();
          const input = bytes ? cutBuffer(Buffer.from(text, 'utf8'), points) : cut(text, points);
          const stats = await readCsv(input, { source: 'p.csv', delimiter: d, ...(header ? {} : { header: false }) }, sc);
          expect(stats.records).toBe(rows.length);
          expect(sc.records).toEqual(rows.map((r, i) => ({ record: i + 1, fields: r.flatMap((c, k) => (c === '' ? [] : [[header ? names[k]! : String(k + 1), c]])) })));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('fuzz: never throws anything but InputError on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '1', '3', '@', ' ', '\t') }), async (text) => {
        try {
          await csv(text);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON lines', () => {
  it('scans strings and numbers, nested ones under their path; record is the id field or the line number', async () => {
    const sc = createSourceScanner();
    const text = '{"id":"u1","phone":"13812345678","nested":{"x":"a@b.cn"}}\n\n{"mobile":13912345678,"lat":39.904211}\n"just a@example.com"\n';
    const stats = await readJsonLines([text], { source: 'x.jsonl' }, sc);
    expect(stats.records).toBe(3);
    const r = sc.result();
    expect(r.findings.map((f) => [f.record, f.field, f.type])).toEqual([
      ['u1', 'phone', 'cn_mobile'],
      ['u1', 'nested.x', 'email'],
      [3, 'mobile', 'cn_mobile'],
      [3, 'lat', 'geo_coordinates'],
      [4, 'value', 'email'],
    ]);
  });
  it('does not skip values nested in objects and arrays (as JSON documents do not)', async () => {
    const sc = createSourceScanner();
    const text =
      '{"id":"u2","user":{"contact":{"phone":"13812345678"}},"phones":["13912345678",{"m":"13612345678"}]}\n' +
      '["a@example.com",["b@example.org"]]\n';
    await readJsonLines([text], { source: 'n.jsonl' }, sc);
    expect(sc.result().findings.map((f) => [f.record, f.field, f.type])).toEqual([
      ['u2', 'user.contact.phone', 'cn_mobile'],
      ['u2', 'phones[]', 'cn_mobile'],
      ['u2', 'phones[].m', 'cn_mobile'],
      [2, 'value[]', 'email'],
      [2, 'value[][]', 'email'],
    ]);
  });
  it('refuses nesting deeper than 512 levels inside a line, naming the line', async () => {
    const deep = '{"a":'.repeat(600) + '"x"' + '}'.repeat(600);
    const err = await readJsonLines(['{"a":1}\n' + deep + '\n'], { source: 'd.jsonl' }, createSourceScanner()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe('d.jsonl:2: nesting deeper than 512 levels');
  });
  it('bad JSON is an InputError with line and column, without quoting the data', async () => {
    const sc = createSourceScanner();
    const err = await readJsonLines(['{"a":1}\n{"ssn":"078-05-1123",}\n'], { source: 'p.jsonl' }, sc).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const msg = String((err as Error).message);
    expect(msg).toMatch(/^p\.jsonl:2:\d+: not valid JSON$/);
    expect(msg).not.toContain('078');
  });
  it('any lines of objects, cut anywhere, read back as JSON.parse sees them, nested values by path (property)', async () => {
    const str = fc.string({ unit: fc.oneof(fc.constantFrom('张', '😀', '"', '\\', '\n', '\u2028'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 6 });
    const keyArb = fc.string({ maxLength: 4 }).filter((k) => k !== 'id' && k !== '__proto__');
    const leaf = fc.oneof(str, fc.integer(), fc.constantFrom(true, null));
    const val = fc.oneof({ weight: 4, arbitrary: leaf }, fc.array(leaf, { maxLength: 3 }), fc.dictionary(keyArb, leaf, { maxKeys: 3 }));
    const flat = (v: unknown, path: string, out: [string, string][]): void => {
      if (typeof v === 'string') {
        if (v !== '') out.push([path, v]);
      } else if (typeof v === 'number') out.push([path, String(v)]);
      else if (Array.isArray(v)) for (const x of v) flat(x, `${path}[]`, out);
      else if (v !== null && typeof v === 'object') for (const k in v) flat((v as Record<string, unknown>)[k], `${path}.${k}`, out);
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(keyArb, val, { maxKeys: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat({ max: 400 }), { maxLength: 8 }),
        async (objs, eol, bytes, points) => {
          const text = objs.map((o) => JSON.stringify(o)).join(eol) + eol;
          const sc = recordingScanner();
          await readJsonLines(bytes ? cutBuffer(Buffer.from(text, 'utf8'), points) : cut(text, points), { source: 'p.jsonl' }, sc);
          const want = objs.map((o, i) => {
            const fields: [string, string][] = [];
            const parsed = JSON.parse(JSON.stringify(o)) as Record<string, unknown>; // the order JavaScript enumerates
            for (const k in parsed) flat(parsed[k], k, fields);
            return { record: i + 1, fields };
          });
          expect(sc.records).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('lines that are maps keyed by ids: past 1,000 keys per object, new keys read as *, so the fields stay bounded and each key keeps one name', async () => {
    // top-level keys and nested map keys both new on every line; some lines flat (the fast
    // path), some nested (JSON.parse)
    const lines: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      lines.push(JSON.stringify(i % 2 === 0 ? { id: i, [`k${i}`]: 'x' } : { id: i, users: { [`u${i}`]: { phone: 'p' } }, [`k${i}`]: 'y' }));
    }
    lines.push(JSON.stringify({ id: 'again', k0: 'z', users: { u1: { phone: 'q' } } }));
    const sc = recordingScanner();
    await readJsonLines([lines.join('\n') + '\n'], { source: 'maps.jsonl' }, sc);
    const names = new Set(sc.records.flatMap((r) => r.fields.map(([f]) => f)));
    expect(names.size).toBeLessThanOrEqual(2_002);
    expect(names.has('*')).toBe(true);
    expect(names.has('users.*.phone')).toBe(true);
    // a key kept by name is read under that name on a later line too
    expect(sc.records.at(-1)!.fields).toEqual([['id', 'again'], ['k0', 'z'], ['users.u1.phone', 'q']]);
    // the top level keeps id, users and k0 … k997 (1,000 keys): lines 998 … 4,999 have a * field
    expect(sc.records.filter((r) => r.fields.some(([f]) => f === '*'))).toHaveLength(5_000 - 998);
  });
  it('CRLF line ends and chunking anywhere', async () => {
    const text = '{"email":"a@example.com"}\r\n{"email":"b@example.com"}\r\n';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 }), async (points) => {
        const sc = createSourceScanner();
        await readJsonLines(cut(text, points), { source: 'x' }, sc);
        expect(sc.result().findings.map((f) => [f.record, f.start, f.end])).toEqual([
          [1, 0, 13],
          [2, 0, 13],
        ]);
      }),
    );
  });
});

describe('plain text', () => {
  it('one record per non-blank line, field "text"', async () => {
    const sc = createSourceScanner();
    const stats = await readText(['2024-01-05 login from 10.0.0.7\n\nuser 13812345678 ok\n'], { source: 'app.log' }, sc);
    expect(stats.records).toBe(2);
    expect(sc.result().findings.map((f) => [f.record, f.field, f.type])).toEqual([
      [1, 'text', 'ip_address'],
      [3, 'text', 'cn_mobile'],
    ]);
  });
});

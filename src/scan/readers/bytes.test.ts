import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSourceScanner } from '../core/scanner.js';
import type { Finding } from '../core/types.js';
import { ByteView, viewChunks } from './bytes.js';
import { readCsv, readJsonLines } from './index.js';
import { cutAt } from '../sources/testkit.js';

const key = (f: Finding) => `${String(f.record)}|${f.field}|${f.type}|${f.start}|${f.end}|${f.masked}`;

/** Bytes cut at the given points (anywhere, also inside a multi-byte character). */
const cutBytes = (buf: Buffer, points: number[]): Buffer[] => cutAt(buf, points);

/** Values rich in what the detectors look at, in both scripts, with CSV / JSON specials. */
const valueArb = fc
  .array(
    fc.constantFrom(
      '13812345678',
      '张伟',
      '北京市朝阳区建国路88号',
      'a@example.com',
      '110105194912310021',
      '4111 1111 1111 1111',
      '078-05-1120',
      ' ',
      ',',
      '"',
      '\n',
      '\\',
      '姓名：李四',
      '😀',
      'é',
      'x',
      '10.0.0.7',
      '\t',
    ),
    { maxLength: 8 },
  )
  .map((a) => a.join(''));

describe('byte views', () => {
  it('drop a BOM cut by the chunking, and keep a surrogate pair cut between string chunks', async () => {
    const got: string[] = [];
    for await (const v of viewChunks([Buffer.from([0xef]), Buffer.from([0xbb, 0xbf, 0x61])])) got.push(v.text(0, v.s.length));
    expect(got.join('')).toBe('a');
    const bytes: Buffer[] = [];
    for await (const v of viewChunks([Buffer.from('x'), '\ud83d', '\ude00y'])) bytes.push(Buffer.from(v.s, 'latin1'));
    expect(Buffer.concat(bytes).toString('utf8')).toBe('x😀y');
  });
});

describe('CSV from bytes', () => {
  it('gives the findings and fields of the same text read as strings, cut anywhere (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(valueArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (rows, cuts) => {
          const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
          const text = '名字,phone,notes,身份证\n' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\n';
          const viaText = createSourceScanner({ maxFindings: 1e6 });
          await readCsv([text], { source: 't.csv' }, viaText);
          const buf = Buffer.from(text, 'utf8');
          const viaBytes = createSourceScanner({ maxFindings: 1e6 });
          await readCsv(
            cutBytes(
              buf,
              cuts.map((c) => c % (buf.length + 1)),
            ),
            { source: 't.csv' },
            viaBytes,
          );
          const a = viaText.result();
          const b = viaBytes.result();
          expect(b.findings.map(key)).toEqual(a.findings.map(key));
          expect(b.fields).toEqual(a.fields);
          expect(b.records).toBe(a.records);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decodes a long non-ASCII field cut into windows without losing a character', async () => {
    const long = '张'.repeat(400_000) + ' 13812345678'; // 1.2 MB of UTF-8: more than one window
    const sc = createSourceScanner();
    const buf = Buffer.from(`notes\n"${long}"\n`, 'utf8');
    await readCsv(cutBytes(buf, [100_001, 700_000, 1_100_002]), { source: 'x' }, sc);
    expect(sc.result().findings.map((f) => [f.type, f.start, f.end])).toEqual([['cn_mobile', long.length - 11, long.length]]);
  });
});

describe('ByteView.ascii (the search for bytes ≥ 0x80)', () => {
  it('answers as a test of the latin1 view does, at any buffer alignment (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0x41, 0x20, 0x2c, 0x7f, 0x80, 0xe4, 0xff), { maxLength: 80 }),
        fc.nat(7),
        fc.array(fc.tuple(fc.nat(90), fc.nat(12)), { maxLength: 12 }),
        (bytes, shift, asks) => {
          // the view's bytes at an offset of `shift` in a larger buffer (as pooled reads give)
          const buf = Buffer.from([...new Array<number>(shift).fill(0x41), ...bytes]).subarray(shift);
          const v = ByteView.ofBytes(buf);
          const ranges = asks.map(([a, n]) => [Math.min(a, buf.length), Math.min(a + n, buf.length)] as const).sort((x, y) => x[0] - y[0]);
          for (const [a, b] of ranges) expect(v.ascii(a, b)).toBe(!/[\u0080-\u00ff]/.test(v.s.slice(a, b)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('takes a view of a few bytes at the very end of its ArrayBuffer, at any alignment', async () => {
    // not from the pool: the view's aligned start can lie past the end of its memory
    for (let total = 8; total < 16; total++) {
      for (let len = 1; len <= 4; len++) {
        const buf = Buffer.alloc(total, 0x41).subarray(total - len);
        const v = ByteView.ofBytes(buf);
        expect(v.ascii(0, len)).toBe(true);
        expect(v.text(0, len)).toBe('A'.repeat(len));
      }
    }
    // and as the last chunk a reader gets
    const sc = createSourceScanner();
    const head = Buffer.from('phone\n13812345678\n');
    const whole = Buffer.alloc(5403, 0x20);
    head.copy(whole, 0);
    Buffer.from('\nx\n').copy(whole, 5400);
    const st = await readCsv([whole.subarray(0, 5401), whole.subarray(5401)], { source: 't.csv' }, sc);
    expect(st.records).toBe(3);
  });
});

/** The JSON.parse reading of a JSON-lines text (the reference the fast path must match). */
function reference(text: string): ReturnType<ReturnType<typeof createSourceScanner>['result']> {
  const sc = createSourceScanner({ maxFindings: 1e6 });
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[\s\ufeff]*$/.test(line)) return;
    const value = JSON.parse(line) as unknown;
    // nested values under their path: `a.b`, `a[]`
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string') {
        if (v.length) sc.scanField(path, v);
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) sc.scanField(path, String(v));
      } else if (Array.isArray(v)) for (const x of v) walk(x, `${path}[]`);
      else if (v !== null && typeof v === 'object') for (const k in v) walk((v as Record<string, unknown>)[k], `${path}.${k}`);
    };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      sc.beginRecord(i + 1);
      walk(value, 'value');
      sc.endRecord();
      return;
    }
    const obj = value as Record<string, unknown>;
    const id = obj['id'];
    sc.beginRecord(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : i + 1);
    for (const k in obj) {
      const v = obj[k];
      if (typeof v === 'string') sc.scanField(k, v);
      else if (typeof v === 'number' && Number.isFinite(v) && k !== 'id') sc.scanField(k, String(v));
      else if (v !== null && typeof v === 'object') walk(v, k);
    }
    sc.endRecord();
  });
  return sc.result();
}

describe('JSON lines from bytes (flat fast path)', () => {
  const keyArb = fc.constantFrom('id', 'phone', '手机号', 'notes', 'email', '2', 'a"b', 'x\\ny', 'lat');
  const valArb = fc.oneof(
    valueArb.map((v) => JSON.stringify(v)),
    valueArb.map((v) => JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
    fc.constantFrom('13912345678', '39.904211', '-1.5e3', '0', '1e999', 'true', 'false', 'null', '{"n":"a@b.cn"}', '[1,"13812345678"]'),
  );
  const lineArb = fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.tuple(keyArb, valArb, fc.constantFrom('', ' ', '\t')), { maxLength: 6 }).map((kv) => `{${kv.map(([k, v, w]) => `${w}${JSON.stringify(k)}${w}:${w}${v}`).join(',')}}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', '"just a@example.com"', '[1,2]', '42', ' {"id" : 7 , "m":"13812345678"} ') },
  );

  it('gives what JSON.parse of each line gives, bytes cut anywhere (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (lines, cuts, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n') + '\n';
        const want = reference(text);
        const buf = Buffer.from(text, 'utf8');
        for (const input of [cutBytes(buf, cuts.map((c) => c % (buf.length + 1))), [text]]) {
          const sc = createSourceScanner({ maxFindings: 1e6 });
          const stats = await readJsonLines(input, { source: 'x.jsonl' }, sc);
          const got = sc.result();
          expect(got.findings.map(key)).toEqual(want.findings.map(key));
          expect(got.fields).toEqual(want.fields);
          expect(stats.records).toBe(want.records);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON.parse rejects, with the line number (property)', async () => {
    const bad = fc.constantFrom('{"a":1,}', '{"a":01}', '{"a":"x\ty"}', '{"a":"\\x"}', '{a:1}', '{"a":1}}', '{"a":-}', '{"a":1.}', '{"a":tru}', '{"a":"b"');
    await fc.assert(
      fc.asyncProperty(bad, fc.nat({ max: 3 }), async (line, before) => {
        const text = '{"ok":"1"}\n'.repeat(before) + line + '\n';
        const err = await readJsonLines([Buffer.from(text, 'utf8')], { source: 'b.jsonl' }, createSourceScanner()).catch((e: unknown) => e);
        expect(String((err as Error).message)).toMatch(new RegExp(`^b\\.jsonl:${before + 1}(:\\d+)?: not valid JSON$`));
      }),
    );
  });
});

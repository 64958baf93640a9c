/**
 * The module's JSON-lines reader (native/scan-engine/jsonl.c, readers/jsonl-module.ts) against
 * jsonl.ts, its reference: the same records, counts, findings (offsets, masked samples, record
 * ids), field order, subject keys and errors, for any lines cut into any chunks, with the lines
 * the module hands back to jsonl.ts in between, and across the handoffs of the rest of a file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../corpus/index.js';
import { createSourceScanner, unitsText } from '../core/scanner.js';
import type { FastSourceScanner } from '../core/scanner.js';
import type { JsonLinesOptions } from '../core/types.js';
import { readJsonLines } from '../readers/jsonl.js';
import type { JsonlModuleLimits } from '../readers/jsonl-module.js';
import type { Outcome, Read } from './reader-parity.js';
import { corpusValues, expectSameOutcome } from './reader-parity.js';

/** Records the module read (booked), and records read in all by the module runs: the module must read a good part. */
const booked = { module: 0, all: 0 };

/** readJsonLines with `opts` (and, for the module's reader, `limits`). */
const jsonlRead =
  (opts: JsonLinesOptions, limits?: JsonlModuleLimits): Read =>
  (chunks, target, module) =>
    readJsonLines(chunks, { source: 'p.jsonl', ...opts }, target, module ? limits : undefined);

/** Counts the records the module booked. */
const countBooked = (sc: FastSourceScanner): void => {
  const book = sc.bookModuleRecords!;
  sc.bookModuleRecords = (r) => {
    booked.module += r.count;
    book(r);
  };
};

async function expectSame(bytes: Buffer, cuts: number[], opts: JsonLinesOptions = {}, limits?: JsonlModuleLimits, maxFindings?: number): Promise<Outcome> {
  const mod = await expectSameOutcome(jsonlRead(opts, limits), bytes, cuts, maxFindings, countBooked);
  booked.all += mod.records ?? 0;
  return mod;
}

const corpus = corpusValues(23);

const b = (s: string | number[]): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));
const INVALID_UTF8 = [[0xff], [0xe4, 0xb8], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80]];

/** Keys as written: names (some the id key), escaped ones, index-like ones, invalid UTF-8. */
const key = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('phone', '手机号', 'ssn', 'email', 'notes', '身份证号', 'lat', '', 'card_no', 'user', 'ID', 'phone ').map((k) => b(JSON.stringify(k))) },
  { weight: 1, arbitrary: fc.constantFrom('"0"', '"12"', '"1a"', '"a\\u0062"', '"i\\u0064"', '"x\\"y"', '"-1"').map(b) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_UTF8).map((u) => Buffer.concat([b('"k'), b(u), b('"')])) },
);

/** The inside of a string as written: text, escapes of every kind (lone surrogates too), raw bytes. */
const strPiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', ' ', 'é', '中', '😀', '１３８', '+86 ', '13812345678', 'x@example.com', '\u007f', '\u0085').map(b) },
  { weight: 3, arbitrary: fc.constantFrom('\\n', '\\"', '\\\\', '\\/', '\\b', '\\f', '\\r', '\\t', '\\u00e9', '\\u4E2D', '\\ud83d', '\\ude00', '\\ud83d\\ude00', '\\u0000', '\\u0031', '\\uFFFF').map(b) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_UTF8).map(b) },
);
const str = fc.array(strPiece, { maxLength: 6 }).map((ps) => Buffer.concat([b('"'), ...ps, b('"')]));

const integer = fc.constantFrom('0', '-0', '7', '-45', '13812345678', '123456789012345', '-123456789012345', '1234567890123456', '-110101199003077777', '98765432109876543210', '1'.repeat(300)).map(b);
/** Numbers jsonl.ts writes with String(Number(t)), or not at all (not finite). */
const otherNumber = fc.oneof(
  fc.constantFrom('1'.repeat(301), '9'.repeat(320), '1.5', '-0.0', '1e3', '2E-2', '11010119900307.0', '5362241870e0', '0.000001', '0.0000001', '-0.0000015', '0.30000000000000004', '123456789012.345', '123456789012.3456', '39.9042', '116.407396', '1.10').map(b),
  // decimals of every length: the module reads those JavaScript writes back as written, jsonl.ts the others
  fc
    .tuple(fc.boolean(), fc.constantFrom('0', '1', '39', '5362241870', '110101199003071'), fc.nat(7), fc.stringMatching(/^[0-9]{1,12}$/))
    .map(([neg, int, zeros, frac]) => b(`${neg ? '-' : ''}${int}.${'0'.repeat(zeros)}${frac}`)),
  // and with trailing zeros, or a fraction of zeros only: JavaScript writes them without
  fc
    .tuple(fc.boolean(), fc.constantFrom('0', '1', '39', '100', '5362241870', '110101199003071', '1234567890123456'), fc.nat(7), fc.stringMatching(/^[0-9]{0,12}$/), fc.integer({ min: 1, max: 4 }))
    .map(([neg, int, zeros, frac, tz]) => b(`${neg ? '-' : ''}${int}.${'0'.repeat(zeros)}${frac}${'0'.repeat(tz)}`)),
);

const value = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...corpus).map((s) => b(JSON.stringify(s))) },
  { weight: 4, arbitrary: str },
  { weight: 4, arbitrary: integer },
  { weight: 1, arbitrary: otherNumber },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null').map(b) },
  { weight: 1, arbitrary: fc.constantFrom('{"a":"13812345678","b":[1,"x"]}', '[]', '["536-22-4187", 2]', '{}', '{"0":"a@example.com"}').map(b) },
);

const ws = fc.constantFrom('', '', '', ' ', '\t', '\r', '  ', ' \r ').map(b);

/** A field that makes a finding (the record's id then shows in the result). */
const found = fc.constantFrom('"ssn_no":"536-22-4187"', '"remark":"call 13812345678"', '"mail":"a.b@example.com"').map(b);
/** An id field of any kind (under the default id key). */
const idField = fc.oneof({ weight: 4, arbitrary: str }, { weight: 4, arbitrary: integer }, { weight: 1, arbitrary: otherNumber }, { weight: 1, arbitrary: fc.constantFrom('null', '"u-1"', '{"x":1}').map(b) }).map((v) => Buffer.concat([b('"id":'), v]));

/** An object line: its fields (keys as given, or random ones), maybe an id field and a field that makes a finding. */
const objectOf = (keys: fc.Arbitrary<Buffer[]>) =>
  fc.tuple(ws, keys.chain((ks) => fc.tuple(...ks.map((k) => fc.tuple(ws, ws, ws, value, ws).map(([w0, w1, w2, v, w3]) => Buffer.concat([w0, k, w1, b(':'), w2, v, w3]))))), fc.option(idField), fc.option(found), fc.nat(8), ws).map(([w0, fs, id, f, at, w1]) => {
    const parts: Buffer[] = [...fs];
    if (id) parts.splice(at % (parts.length + 1), 0, id);
    if (f) parts.splice((at * 7) % (parts.length + 1), 0, f);
    return Buffer.concat([w0, b('{'), ...parts.flatMap((x, i) => (i ? [b(','), x] : [x])), b('}'), w1]);
  });

/** Lines that are not JSON, or not objects: jsonl.ts reads them (and stops at the first that is not JSON). */
const other = fc.constantFrom(
  '"str 13812345678"', '42', '[1,"a@example.com"]', 'null', '\ufeff{"a":"b"}', '{"a":1,}', '{"a" 1}', '{"a":1}x', 'not json', '{',
  '{"a":01}', '{"a":-}', '{"a":1.}', '{"a":nul}', '{"a":True}', '{"a":"\\x"}', '{"a":"\\u12"}', '{"a":"\t"}', '{"\u0001":1}', '{"a":"b"', '{"a":"b"}}',
).map(b);

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\n\n').map(b);

/** A file: most lines with the keys of its schema (as exports are), some with any keys, blank lines, lines that are not objects. */
const jsonlBytes = fc.uniqueArray(key, { minLength: 1, maxLength: 6, selector: (k) => k.toString('latin1') }).chain((schema) => {
  const line = fc.oneof(
    { weight: 30, arbitrary: objectOf(fc.constant(schema)) },
    { weight: 8, arbitrary: objectOf(fc.array(key, { maxLength: 7 })) },
    { weight: 2, arbitrary: ws },
    { weight: 1, arbitrary: other },
  );
  return fc
    .tuple(fc.array(fc.tuple(line, lineEnd), { minLength: 1, maxLength: 30, size: 'large' }), fc.boolean())
    .map(([ls, lastEnd]) => Buffer.concat(ls.flatMap(([l, e], i) => (i < ls.length - 1 || lastEnd ? [l, e] : [l]))));
});

const cuts = (bytes: Buffer) => fc.array(fc.nat(bytes.length), { maxLength: 6 });

const idKeys = fc.constantFrom<JsonLinesOptions>({}, { idKey: 'user' }, { idKey: '手机号' }, { idKey: 'k\ufffd' }, { idKey: 'lat' });

describe('the module JSON-lines reader and jsonl.ts', () => {
  it('scans a number it reads as jsonl.ts writes it: String(Number(token)), a long integer as written (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(otherNumber, integer).map((t) => t.toString('latin1')), { minLength: 1, maxLength: 30 }), async (tokens) => {
        const sc = createSourceScanner();
        const w = sc.wasm!;
        const seen = new Map<number, string>();
        const book = sc.bookModuleRecords!;
        sc.bookModuleRecords = (m) => {
          // every value the module read, with its line (the record id: the lines have no id)
          const { i32, u16 } = w.mem;
          for (let v = 0; v < m.values; v++) {
            const at = (m.units >> 1) + i32[m.off + v]!;
            seen.set(Number(m.recordId(i32[m.rec + v]!)), unitsText(u16, at, at + i32[m.len + v]!));
          }
          book(m);
        };
        const lines = ['{"n":"names the key"}', ...tokens.map((t) => `{"n":${t}}`)];
        await readJsonLines([b(lines.join('\n'))], { source: 'n.jsonl' }, sc);
        // jsonl.ts: an integer of 16 digits or more as written (a number would round it), any other as String(Number(t))
        const written = (t: string) => (/^-?\d{16,}$/.test(t) ? t : String(Number(t)));
        for (const [line, text] of seen) if (line > 1) expect(text).toBe(written(tokens[line - 2]!));
      }),
      { numRuns: 300 },
    );
  });

  it('books alike when two keys decode to one name (invalid UTF-8), with few findings kept', async () => {
    // "k\xe4\xb8" and "k\xff" are both read as "k\ufffd": one field, two keys of the module
    const k1 = Buffer.from([0x6b, 0xe4, 0xb8]);
    const k2 = Buffer.from([0x6b, 0xff]);
    const line = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? b(p) : p)));
    const bytes = Buffer.concat([
      line('{"id":null,"phone":"1","', k1, '":0.1,"ssn":true,"手机号":"1","', k2, '":"","lat":"1"}\n'),
      line('{"ssn_no":"536-22-4187"}\n'),
      line('{"phone":0,"', k1, '":"苏S38S44","ssn":"1","手机号":"1","', k2, '":"","lat":0}\n'),
      line('{"', k1, '":"13812345678","', k2, '":"13912345678"}\n{}'),
    ]);
    for (const maxFindings of [0, 1, 2]) await expectSame(bytes, [], {}, undefined, maxFindings);
  });

  /** 100 lines of `line(i)` give jsonl.ts's result, and the module reads all but the first (which names the keys) itself. */
  async function expectModuleReads(line: (i: number) => string): Promise<void> {
    const before = booked.module;
    const lines = Array.from({ length: 100 }, (_, i) => line(i));
    const o = await expectSame(b(lines.join('\n')), [777]);
    expect(o.records).toBe(100);
    expect(booked.module - before).toBe(99);
  }

  it('reads lines with decimals JavaScript writes back as written itself', async () => {
    await expectModuleReads((i) => `{"id":"r${i}","amount":${i}.25,"lat":39.9042,"lng":-116.407396,"phone":"1381234${String(i).padStart(4, '0')}"}`);
  });

  it('reads decimals with trailing fraction zeros itself, as JavaScript writes them (12.50 as 12.5, 1.0 as 1, -0.0 as 0)', async () => {
    await expectModuleReads((i) => `{"id":"r${i}","amount":${i}.50,"rate":1.0,"zero":-0.0,"lat":39.904200,"phone":"1381234${String(i).padStart(4, '0')}"}`);
  });

  it('read the same from any lines cut into any chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonlBytes.chain((x) => fc.tuple(fc.constant(x), cuts(x))),
        idKeys,
        async ([bytes, points], opts) => {
          await expectSame(bytes, points, opts);
        },
      ),
      { numRuns: 600 },
    );
    expect(booked.module).toBeGreaterThan(booked.all / 4);
  });

  it('read the same where the module hands the rest to jsonl.ts (many keys, long lines) (property)', async () => {
    const small: JsonlModuleLimits = { maxKeys: 4, maxLine: 60 };
    await fc.assert(
      fc.asyncProperty(
        jsonlBytes.chain((x) => fc.tuple(fc.constant(x), cuts(x))),
        idKeys,
        async ([bytes, points], opts) => {
          await expectSame(bytes, points, opts, small);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('read the same with few findings kept (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonlBytes.chain((x) => fc.tuple(fc.constant(x), cuts(x))),
        fc.constantFrom(0, 1, 4),
        async ([bytes, points], maxFindings) => {
          await expectSame(bytes, points, {}, undefined, maxFindings);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('read a corpus file alike, whole lines cut anywhere, with ids of every kind', async () => {
    const g = new CorpusGenerator(5);
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      const f = g.next().fields;
      const o: Record<string, unknown> = {};
      // ids: numbers, long integers written as numbers, strings, absent, null
      const id = [i, `u-${i}`, null, undefined, -i][i % 5];
      if (id !== undefined) o['id'] = id;
      for (const [k, v] of Object.entries(f)) o[k] = v.value;
      let text = JSON.stringify(o);
      if (i % 7 === 3) text = text.replace(/^\{/, `{"id":${'4'.repeat(18)},"n":${i},`).replace(/,"id":[^,]*,/, ',');
      if (i % 11 === 5) text = text.replace(/\}$/, ',"nested":{"phone":"13812345678"}}');
      lines.push(text);
    }
    const bytes = Buffer.from(lines.join('\r\n') + '\n', 'utf8');
    for (const step of [1, 7, 4096, bytes.length]) {
      const points = Array.from({ length: Math.floor(bytes.length / step) }, (_, k) => (k + 1) * step);
      const o = await expectSame(bytes, points.slice(0, 3000));
      expect(o.records).toBe(600);
      expect((o.result as { findingsTotal: number }).findingsTotal).toBeGreaterThan(600);
    }
  });

  it('say the same about a line that is not JSON, with its line and column', async () => {
    const bytes = Buffer.from('{"phone":"13812345678"}\n\n{"a":1}\r\n{"ssn":"078-05-1123",}\n{"b":2}\n', 'utf8');
    for (const points of [[], [5], [12, 13, 30]]) {
      const o = await expectSame(bytes, points);
      expect(o.error).toMatch(/^p\.jsonl:4:22: not valid JSON/);
    }
  });

  it('fold keys of maps keyed by ids as jsonl.ts does, past the module’s keys', async () => {
    // 1,200 distinct top-level keys: KeyFolder names the first 1,000 and folds the rest into `*`
    const lines: string[] = [];
    for (let i = 0; i < 1200; i++) lines.push(JSON.stringify({ [`u${i}`]: `138${String(10_000_000 + i)}`, ...(i % 3 ? {} : { z: null }) }));
    const o = await expectSame(Buffer.from(lines.join('\n'), 'utf8'), [100, 40_000]);
    const fields = (o.result as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toContain('*');
    // `z` and u0 … u998 are the 1,000 keys named
    expect(fields).toContain('u998');
    expect(fields).not.toContain('u999');
  });

  it('is what reads bytes on the WebAssembly engine; text goes to jsonl.ts', async () => {
    const calls = async (input: (Buffer | string)[]) => {
      const sc = createSourceScanner();
      const w = sc.wasm!;
      let n = 0;
      let lines = 0;
      const write = w.jsonlWrite.bind(w);
      w.jsonlWrite = (...a) => (n++, write(...a));
      const more = w.jsonlMore.bind(w);
      w.jsonlMore = (...a) => (lines++, more(...a));
      const st = await readJsonLines(input, { source: 'p.jsonl' }, sc);
      expect(st.records).toBe(3);
      expect(sc.result().findingsTotal).toBe(3);
      return [n, lines];
    };
    const text = '{"phone":"13812345678"}\n{"phone":"13912345678","n":1}\n{"phone":"13712345678","n":2}\n';
    // the first two lines name their keys through jsonl.ts (one call back each); the third is the module's
    expect(await calls([Buffer.from(text)])).toEqual([2, 2]);
    expect(await calls([text])).toEqual([0, 0]);
  });
});

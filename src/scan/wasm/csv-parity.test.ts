/**
 * The module's CSV reader (native/scan-engine/csv.c, readers/csv-module.ts) against csv.ts,
 * its reference: the same records, counts, findings (offsets, masked samples, record ids),
 * field order, subject keys and errors, for any bytes cut into any chunks, and across the
 * handoffs where the module leaves a record to csv.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../corpus/index.js';
import { createSourceScanner } from '../core/scanner.js';
import type { CsvOptions } from '../core/types.js';
import { readCsv } from '../readers/csv.js';
import type { CsvModuleLimits } from '../readers/csv-module.js';
import { CSV_MODULE_LIMITS } from '../readers/csv-module.js';
import type { Outcome, Read } from './reader-parity.js';
import { corpusValues, expectSameOutcome } from './reader-parity.js';
import { SubjectCounter } from '../subjects/counter.js';
import { subjectKeyFrom } from '../subjects/key.js';

/** readCsv with `opts` (and, for the module's reader, `limits`). */
const csvRead =
  (opts: CsvOptions, limits?: CsvModuleLimits): Read =>
  (chunks, target, module) =>
    readCsv(chunks, { source: 'p.csv', ...opts }, target, module ? limits : undefined);

async function expectSame(bytes: Buffer, cuts: number[], opts: CsvOptions = {}, limits?: CsvModuleLimits, maxFindings?: number): Promise<Outcome> {
  return expectSameOutcome(csvRead(opts, limits), bytes, cuts, maxFindings);
}

const corpus = corpusValues(17);

/** CSV lines of `n` corpus records (seeded): an id, then the first `cells` values of each, quoted. */
function corpusLines(seed: number, n: number, header: string): string[] {
  const g = new CorpusGenerator(seed);
  const cells = header.split(',').length - 1;
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const v = Object.values(g.next().fields).map((x) => x.value);
    lines.push([i, ...v.slice(0, cells)].map((x) => `"${String(x).replace(/"/g, '""')}"`).join(','));
  }
  return lines;
}

const NAMES = ['id', 'phone', '手机号', 'ssn', 'email', 'notes', '身份证号', 'lat', 'lng', '', 'phone', 'card_no'];

/** Raw bytes a cell may hold: corpus values, CSV's own characters, other scripts, invalid UTF-8. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...corpus).map((s) => Buffer.from(s, 'utf8')) },
  { weight: 3, arbitrary: fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r', '\r\n', ' ', 'a', 'é', '中', '１３８', '😀', '+86 ').map((s) => Buffer.from(s, 'utf8')) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((u) => Buffer.from(u)) },
  { weight: 1, arbitrary: fc.constantFrom([0xe4], [0xe4, 0xb8], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff]).map((b) => Buffer.from(b)) },
);

/** A cell as it is written: bare, quoted with its quotes doubled, or quoted with text after the closing quote. */
const cell = fc.tuple(fc.array(piece, { maxLength: 3 }), fc.nat(9)).map(([ps, how]) => {
  const raw = Buffer.concat(ps);
  if (how < 5) return raw;
  const quoted = Buffer.concat([Buffer.from('"'), Buffer.from(raw.toString('latin1').replace(/"/g, '""'), 'latin1'), Buffer.from('"')]);
  return how < 9 ? quoted : Buffer.concat([quoted, Buffer.from('x"y')]);
});

const lineEnd = fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n');

const csvBytes = fc
  .tuple(fc.array(fc.tuple(fc.array(cell, { maxLength: 14 }), lineEnd), { minLength: 1, maxLength: 12 }), fc.constantFrom(',', ';', '\t'), fc.boolean())
  .map(([rows, d, lastEnd]) => {
    const head = Buffer.from(NAMES.join(d) + '\n', 'utf8');
    const body = rows.map(([cells, end], i) => Buffer.concat([Buffer.concat(cells.flatMap((c, k) => (k ? [Buffer.from(d), c] : [c]))), Buffer.from(i < rows.length - 1 || lastEnd ? end : '')]));
    return Buffer.concat([head, ...body]);
  });

const cuts = (bytes: Buffer) => fc.array(fc.nat(bytes.length), { maxLength: 6 });

describe('the module CSV reader and csv.ts', () => {
  it('read the same from any bytes cut into any chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvBytes.chain((b) => fc.tuple(fc.constant(b), cuts(b))),
        async ([bytes, points]) => {
          await expectSame(bytes, points);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('book alike once no more findings are kept and the module counts the hits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvBytes.chain((b) => fc.tuple(fc.constant(b), cuts(b))),
        fc.constantFrom(0, 1, 4),
        fc.constantFrom<CsvOptions>({}, { header: false }, { recordKey: 'id' }),
        async ([bytes, points], maxFindings, opts) => {
          await expectSame(bytes, points, opts, undefined, maxFindings);
          await expectSame(bytes, points, opts, { maxField: 24, maxRecord: 96, headerColumns: 20, extraColumns: 3 }, maxFindings);
        },
      ),
      { numRuns: 300 },
    );
    // a whole corpus file, where the module books nearly every record (counts, sums, subject keys)
    const lines = corpusLines(9, 1500, 'id,name,phone,手机号,email,ssn,身份证号,notes');
    const o = await expectSame(Buffer.from(lines.join('\n'), 'utf8'), [5000, 70_000], {}, undefined, 10);
    expect((o.result as { findingsTotal: number }).findingsTotal).toBeGreaterThan(5000);
    expect(o.subjects!.length).toBeGreaterThan(1000);
  });

  it('count the same subjects when the module hashes the keys with the counter\'s key', async () => {
    const lines = corpusLines(21, 3000, 'id,name,phone,手机号,email,ssn,身份证号,notes');
    // full-width and spaced identifiers too: keys normalised from the narrowed text
    lines.push('9001,x,１３８ ００１３ ８０００,,,５３６－２２－４１８７,,"call +1 (415) 555-0100"');
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const counted = async (module: boolean) => {
      const counter = new SubjectCounter(subjectKeyFrom('parity'), { frequencies: true });
      const sc = createSourceScanner({ maxFindings: 5, subjectSink: counter });
      await readCsv([bytes.subarray(0, 100_000), bytes.subarray(100_000)], { source: 'p.csv' }, module ? sc : { ...sc, wasm: undefined });
      const js = counter.jurisdictions();
      return { result: sc.result(), sketches: counter.toJSON(), freq: js.map((j) => [j, counter.frequencies(j)]) };
    };
    const a = await counted(false);
    const b = await counted(true);
    expect(b).toEqual(a);
    expect(Object.keys(a.sketches).length).toBeGreaterThan(2);
  });

  it('read the same with a record key, without a header, and with a given delimiter (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvBytes.chain((b) => fc.tuple(fc.constant(b), cuts(b))),
        fc.constantFrom<CsvOptions>({ recordKey: 'notes' }, { recordKey: 'id' }, { header: false }, { delimiter: ',' }, { delimiter: ';', header: false }),
        async ([bytes, points], opts) => {
          await expectSame(bytes, points, opts);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('read the same where the module hands records to csv.ts (long fields, long records, wide records)', async () => {
    const small: CsvModuleLimits = { maxField: 24, maxRecord: 96, headerColumns: 20, extraColumns: 3 };
    await fc.assert(
      fc.asyncProperty(
        csvBytes.chain((b) => fc.tuple(fc.constant(b), cuts(b))),
        async ([bytes, points]) => {
          await expectSame(bytes, points, {}, small);
          await expectSame(bytes, points, { header: false }, small);
        },
      ),
      { numRuns: 200 },
    );
    // a header wider than the module takes is read by csv.ts from the start
    const wide = Buffer.from(`${Array.from({ length: 30 }, (_, k) => `c${k}`).join(',')}\n${'13812345678,'.repeat(29)}x\n`);
    const o = await expectSame(wide, [7], {}, small);
    expect(o.records).toBe(1);
  });

  it('read a corpus file alike, whole records cut anywhere', async () => {
    const lines = corpusLines(3, 400, 'id,name,phone,email,ssn,notes');
    const bytes = Buffer.from(lines.join('\r\n'), 'utf8');
    for (const step of [1, 7, 4096, bytes.length]) {
      const points = Array.from({ length: Math.floor(bytes.length / step) }, (_, k) => (k + 1) * step);
      const o = await expectSame(bytes, points.slice(0, 2000));
      expect(o.records).toBe(400);
    }
  });

  it('say the same about an unterminated quoted field, with its lines', async () => {
    const bytes = Buffer.from('a,b\n1,2\n3,"open\nstill\n\nopen', 'utf8');
    for (const points of [[], [9], [12, 13, 20]]) {
      const o = await expectSame(bytes, points);
      expect(o.error).toMatch(/:3: unterminated quoted field \(record starting on line 3\)/);
    }
  });

  it('say the same about a record key the header lacks', async () => {
    const o = await expectSame(Buffer.from('a,b\n1,2\n'), [], { recordKey: 'nope' });
    expect(o.error).toMatch(/no column named "nope"/);
  });

  it('decode invalid UTF-8 as TextDecoder does (record ids and field names show it)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.uint8Array({ minLength: 1, maxLength: 12 }), async (name, id) => {
        // no line ends, quotes or delimiters the reader would sniff (, \t ; |): one header cell, one value
        const clean = (u: Uint8Array) => Buffer.from(u.map((b) => (b === 10 || b === 13 || b === 44 || b === 34 || b === 9 || b === 59 || b === 124 ? 0x80 : b)));
        const bytes = Buffer.concat([Buffer.from('key,'), clean(name), Buffer.from('\n'), clean(id), Buffer.from(',ssn 536-22-4187 and a@example.com\n')]);
        const o = await expectSame(bytes, [], { recordKey: 'key' });
        const r = o.result as { findings: { record: unknown; field: string }[] };
        expect(r.findings.length).toBeGreaterThan(0);
        expect(r.findings[0]!.field).toBe(new TextDecoder().decode(clean(name)).trim() || '2');
      }),
      { numRuns: 300 },
    );
  });

  it('is what reads bytes on the WebAssembly engine; text goes to csv.ts', async () => {
    const calls = async (input: (Buffer | string)[]) => {
      const sc = createSourceScanner();
      const w = sc.wasm!;
      let n = 0;
      const write = w.csvWrite.bind(w);
      w.csvWrite = (...a) => (n++, write(...a));
      const st = await readCsv(input, { source: 'p.csv' }, sc);
      expect(st.records).toBe(2);
      expect(sc.result().findingsTotal).toBe(2);
      return n;
    };
    const text = 'phone\n13812345678\n13912345678\n';
    expect(await calls([Buffer.from(text)])).toBeGreaterThan(0);
    expect(await calls([text])).toBe(0);
    // the window size is where csv.ts starts reading a field in windows
    expect(CSV_MODULE_LIMITS.maxField).toBe(1 << 20);
  });
});

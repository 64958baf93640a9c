/**
 * Released WebAssembly engines are reused (wasm-engine.ts `release`, `createWasmEngine`): a
 * scanner on a reused instance must give exactly what it gives on a new one, whatever the
 * sources before it left in the module (booked counts, subject keys, a SipHash key, parser
 * state, grown memory).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator, csvHeader, csvRow, jsonLine } from '../corpus/index.js';
import { createSourceScanner, type FastSourceScanner } from '../core/scanner.js';
import { readCsv } from '../readers/csv.js';
import { readJsonLines } from '../readers/jsonl.js';
import { SubjectCounter } from '../subjects/counter.js';
import { subjectKeyFrom } from '../subjects/key.js';

/** One source: how it is read, how many findings the scanner keeps, and where its subjects go. */
interface Source {
  readonly name: string;
  readonly kind: 'csv' | 'jsonl' | 'fields';
  readonly bytes: Buffer;
  readonly maxFindings: number;
  /** A counter with this secret (the module then hashes keys with its SipHash key), or the keys themselves. */
  readonly secret?: string;
}

function corpus(seed: number, n: number): { csv: Buffer; jsonl: Buffer } {
  const g = new CorpusGenerator(seed);
  const rows = [csvHeader()];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = g.next();
    rows.push(csvRow(r));
    lines.push(jsonLine(r));
  }
  return { csv: Buffer.from(rows.join('\n'), 'utf8'), jsonl: Buffer.from(lines.join('\n'), 'utf8') };
}

const a = corpus(3, 400);
const b = corpus(5, 150);
// a field of 200,000 units: the module's memory grows for it
const wide = Buffer.from(`id,notes\n1,"${'call 138 0013 8000 or mail a.b@example.com; '.repeat(4_500)}"\n2,x\n`, 'utf8');

const SOURCES: readonly Source[] = [
  { name: 'csv booked, hashed', kind: 'csv', bytes: a.csv, maxFindings: 3, secret: 'one' },
  { name: 'jsonl booked, keys', kind: 'jsonl', bytes: a.jsonl, maxFindings: 0 },
  { name: 'csv all findings, keys', kind: 'csv', bytes: b.csv, maxFindings: 1_000_000 },
  { name: 'csv booked, other secret', kind: 'csv', bytes: b.csv, maxFindings: 10, secret: 'two' },
  { name: 'jsonl hashed', kind: 'jsonl', bytes: b.jsonl, maxFindings: 50, secret: 'one' },
  { name: 'wide field', kind: 'csv', bytes: wide, maxFindings: 1 },
  { name: 'fields one by one', kind: 'fields', bytes: b.csv, maxFindings: 5 },
];

interface Scanned {
  readonly outcome: unknown;
  readonly memory: WebAssembly.Memory;
}

async function scan(src: Source, release: boolean): Promise<Scanned> {
  const keys: string[] = [];
  const counter = src.secret !== undefined ? new SubjectCounter(subjectKeyFrom(src.secret), { frequencies: true }) : undefined;
  const sc: FastSourceScanner = createSourceScanner({ maxFindings: src.maxFindings, ...(counter ? { subjectSink: counter } : { onSubject: (j: string, k: string) => keys.push(`${j} ${k}`) }) });
  const memory = (sc.wasm!.testExports() as { memory: WebAssembly.Memory }).memory;
  const half = src.bytes.length >> 1;
  const chunks = [src.bytes.subarray(0, half), src.bytes.subarray(half)];
  let records: number;
  if (src.kind === 'csv') records = (await readCsv(chunks, { source: 's.csv' }, sc)).records;
  else if (src.kind === 'jsonl') records = (await readJsonLines(chunks, { source: 's.jsonl' }, sc)).records;
  else {
    // through the scanner's own batches (no module reader)
    const lines = src.bytes.toString('utf8').split('\n');
    const header = lines[0]!.split(',');
    records = 0;
    for (const line of lines.slice(1)) {
      sc.beginRecord(++records);
      line.split(',').forEach((v, k) => sc.scanField(header[k] ?? `c${k}`, v));
      sc.endRecord();
    }
  }
  const result = sc.result();
  if (release) sc.release!();
  const subjects = counter ? { sketches: counter.toJSON(), freq: counter.jurisdictions().map((j) => [j, counter.frequencies(j)]) } : keys;
  return { outcome: { records, result, subjects }, memory };
}

describe('reused WebAssembly engines', () => {
  it('give each source what a new engine gives, after any sources before it (and are reused)', async () => {
    // first, every source on a new instance: nothing is released yet, so nothing is reused
    const fresh: unknown[] = [];
    const memories = new Set<WebAssembly.Memory>();
    for (const src of SOURCES) {
      const s = await scan(src, false);
      fresh.push(s.outcome);
      memories.add(s.memory);
    }
    expect(memories.size).toBe(SOURCES.length);
    // every source kept findings, counted subjects, or both
    for (const o of fresh) expect(JSON.stringify(o)).toMatch(/"findingsTotal":[1-9]/);

    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: SOURCES.length - 1 }), { minLength: 2, maxLength: 6 }), async (order) => {
        let last: WebAssembly.Memory | undefined;
        let reused = 0;
        for (const i of order) {
          const s = await scan(SOURCES[i]!, true);
          expect(s.outcome, SOURCES[i]!.name).toEqual(fresh[i]);
          if (s.memory === last) reused++;
          last = s.memory;
        }
        // one after another, each scanner takes the instance the one before released
        expect(reused).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it('refuse to be used after release', async () => {
    const sc = createSourceScanner({});
    sc.beginRecord(1);
    sc.scanField('phone', '138 0013 8000');
    sc.endRecord();
    expect(sc.result().findingsTotal).toBe(1);
    sc.release!();
    expect(() => {
      sc.beginRecord(2);
      sc.scanField('phone', '138 0013 8000');
      sc.endRecord();
    }).toThrow(/used after it was released/);
  });
});

/**
 * Tests: the reader parity tests' shared part (csv-parity.test.ts, jsonl-parity.test.ts). A
 * reader reads the same chunks twice on the WebAssembly engine, once with the module's reader
 * and once without (the readers then take their JavaScript path, the reference), and the two
 * outcomes must be equal.
 */
import { expect } from 'vitest';
import { InputError } from '../../common/errors.js';
import type { FastSourceScanner } from '../core/scanner.js';
import { createSourceScanner } from '../core/scanner.js';
import type { ReadStats } from '../core/types.js';
import { cutAt } from '../sources/testkit.js';
import { CorpusGenerator } from '../corpus/index.js';

/** What a read gives: its stats, the scanner's result and the subject keys in order, or the InputError's message. */
export interface Outcome {
  readonly records?: number;
  readonly units?: number;
  readonly result?: unknown;
  readonly subjects?: readonly string[];
  readonly error?: string;
}

/** Reads the chunks into a fresh scanner (past `maxFindings` findings the module books hits itself, book.c). */
export type Read = (chunks: readonly Buffer[], target: FastSourceScanner, module: boolean) => Promise<ReadStats>;

/** The outcome of `read` with the module's reader (`module`) or without it. `watch` sees the scanner first. */
export async function outcome(read: Read, chunks: readonly Buffer[], module: boolean, maxFindings = 1_000_000, watch?: (sc: FastSourceScanner) => void): Promise<Outcome> {
  const subjects: string[] = [];
  const sc = createSourceScanner({ maxFindings, onSubject: (j, k) => subjects.push(`${j} ${k}`) });
  expect(sc.wasm).toBeDefined();
  watch?.(sc);
  // without `wasm`, the readers do not use the module's reader
  const target: FastSourceScanner = module ? sc : { ...sc, wasm: undefined };
  try {
    const st = await read(chunks, target, module);
    return { records: st.records, units: st.units, result: sc.result(), subjects };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    throw e;
  }
}

/** Both outcomes of the bytes cut at `cuts`, required equal; the module's. */
export async function expectSameOutcome(read: Read, bytes: Buffer, cuts: readonly number[], maxFindings?: number, watch?: (sc: FastSourceScanner) => void): Promise<Outcome> {
  const chunks = cutAt(bytes, [...cuts]).filter((c) => c.length > 0);
  const js = await outcome(read, chunks, false, maxFindings);
  const mod = await outcome(read, chunks, true, maxFindings, watch);
  expect(mod).toEqual(js);
  return mod;
}

/** Every non-empty value of `records` corpus records (seeded): what random cells and lines are made of. */
export function corpusValues(seed: number, records = 200): string[] {
  const g = new CorpusGenerator(seed);
  const values: string[] = [];
  for (let i = 0; i < records; i++) for (const v of Object.values(g.next().fields)) if (v.value) values.push(v.value);
  return values;
}

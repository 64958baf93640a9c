/**
 * The WebAssembly engine (what `datacustoms scan` runs) and the TypeScript engine it was
 * ported from give the same hits, confidences, jurisdictions and narrowed text on every input:
 * the labelled corpus, every string literal of the detector tests, and seeded random strings
 * made of the shapes the detectors look for.
 */
import { describe, expect, it } from 'vitest';
import { checkParity, corpusInputs, randomInputs, testLiteralInputs } from './parity.js';
import { createWasmEngine } from './wasm-engine.js';

const wasm = createWasmEngine();

describe('the WebAssembly scan engine against the TypeScript engine', () => {
  it.each([
    ['the labelled corpus', () => corpusInputs(1_500)],
    ['the detector tests\' literals', () => testLiteralInputs()],
    ['random shape-making strings', () => randomInputs(40_000, 17)],
  ])('finds the same in %s', (_, inputs) => {
    const r = checkParity(inputs(), { wasm, limit: 5 });
    expect(r.mismatches, JSON.stringify(r.mismatches, null, 1)).toEqual([]);
    expect(r.inputs).toBeGreaterThan(1_000);
  }, 120_000);

  it('finds the same in values denser in hits than the engine keeps room for (its arrays grow)', () => {
    const codes = Array.from({ length: 3000 }, (_, k) => `${String.fromCharCode(65 + (k % 26))}${10 + (k % 89)}`).join(' ');
    const cards = Array.from({ length: 400 }, () => '4539 1488 0343 6467').join(',');
    const inputs = [
      { field: 'diagnosis_code', value: codes },
      { field: 'notes', value: `dx ${codes}` },
      { field: 'card_no', value: cards },
    ];
    const r = checkParity(inputs, { wasm, limit: 1 });
    expect(r.mismatches.map((m) => [m.ts.length, m.wasm.length])).toEqual([]);
    // and the scan of a batch of them (one call for several values)
    expect(checkParity([...inputs, ...inputs], { wasm }).mismatches).toEqual([]);
  });

  it('finds the same at another confidence threshold', () => {
    const r = checkParity([...corpusInputs(200), ...randomInputs(5_000, 23)], { wasm, minConf: 0.3, limit: 5 });
    expect(r.mismatches, JSON.stringify(r.mismatches, null, 1)).toEqual([]);
  });

  it('catches a difference (a value the engines would read differently is reported)', () => {
    // the check itself must be able to fail: a comparison restricted to one type sees one engine's
    // hits only when the other side is given nothing
    const r = checkParity([{ field: 'email', value: 'jane@example.com' }], { wasm, types: ['email'] });
    expect(r.mismatches).toEqual([]);
    const fake = { ...wasm, scan: () => undefined, hits: { n: 0, ti: [], start: [], end: [], conf: [], jur: [] }, narrowedValue: false, offset: 0, s: '' };
    const r2 = checkParity([{ field: 'email', value: 'jane@example.com' }], { wasm: fake as unknown as typeof wasm });
    expect(r2.mismatches.length).toBe(1);
  });
});

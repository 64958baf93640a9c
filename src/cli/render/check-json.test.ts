import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeCheckJson } from './check-json.js';
import { check } from '../../check.js';
import type { CheckResult } from '../../engine/types.js';
import { DEMO_AS_OF, DEMO_DIR } from '../commands/demo.js';

function written(result: CheckResult): { text: string; chunks: number } {
  const parts: Uint8Array[] = [];
  // Each chunk must be valid UTF-8 on its own (a fatal decoder throws otherwise).
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  writeCheckJson(result, (c) => parts.push(Uint8Array.from(c)));
  return { text: parts.map((p) => utf8.decode(p)).join(''), chunks: parts.length };
}

/** Any JSON value, with text that looks like JSON layout inside strings (escaped line breaks, quotes). */
const text = fc.string({ unit: fc.constantFrom('a', '\n', '"', '\\', ' ', '{', '[', ',', '身', '\u2028'), maxLength: 10 });
const json = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
  leaf: fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
  arr: fc.array(tie('v'), { maxLength: 3 }),
  obj: fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 3 }),
})).v;

describe('check JSON writer (check-json.ts)', () => {
  it('writes exactly JSON.stringify(result, null, 2) for the demo', () => {
    const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
    expect(written(result).text).toBe(JSON.stringify(result, null, 2) + '\n');
  });
  it('property: the same text as JSON.stringify for any result, decisions shared between flows or not', () => {
    const decision = fc.dictionary(fc.constantFrom('regime', 'outcome', 'reasons', 'rules', 'x', 'obligations'), json, { maxKeys: 5 });
    fc.assert(
      fc.property(
        fc.array(decision, { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ flow: text, picks: fc.array(fc.nat(), { maxLength: 4 }), extra: fc.option(json, { nil: undefined }) }), { maxLength: 6 }),
        fc.array(decision, { maxLength: 2 }),
        json,
        (pool, flows, organization, summary) => {
          const result = {
            asOf: '2026-06-30',
            packs: [{ id: 'p', version: '1' }],
            organization,
            flows: flows.map((f) => ({ flow: f.flow, decisions: f.picks.map((k) => pool[k % pool.length]!), ...(f.extra !== undefined ? { extra: f.extra } : {}) })),
            assets: [],
            summary,
          } as unknown as CheckResult;
          expect(written(result).text).toBe(JSON.stringify(result, null, 2) + '\n');
        },
      ),
      { numRuns: 300 },
    );
  });
  it('hands a large result over in chunks of 64 KiB at most, each valid UTF-8 on its own, not as one string', () => {
    const d = { regime: 'r', outcome: 'o', reasons: ['x'.repeat(200), '↳ 身份证 — 😀'] };
    const result = { asOf: '2026-06-30', packs: [], organization: [], flows: Array.from({ length: 20_000 }, (_, i) => ({ flow: `f${i}`, decisions: [d, d] })), assets: [], summary: {} } as unknown as CheckResult;
    const { text: out, chunks } = written(result);
    expect(out).toBe(JSON.stringify(result, null, 2) + '\n');
    const bytes = Buffer.byteLength(out);
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(bytes / 65_536));
    expect(chunks).toBeLessThan(Math.ceil(bytes / 65_536) * 1.1 + 1);
  });
  it('fills its chunks with decisions of several kilobytes too (their UTF-8 length is known, not guessed at three bytes a character)', () => {
    const big = (i: number) => ({ regime: 'r', outcome: 'o', reasons: [`${i} `.repeat(1500), 'é — 身'] });
    const pool = Array.from({ length: 50 }, (_, i) => big(i));
    const result = { asOf: '2026-06-30', packs: [], organization: [], flows: Array.from({ length: 3_000 }, (_, i) => ({ flow: `f${i}`, decisions: [pool[i % 50], pool[(i * 7) % 50]] })), assets: [], summary: {} } as unknown as CheckResult;
    const { text: out, chunks } = written(result);
    expect(out).toBe(JSON.stringify(result, null, 2) + '\n');
    const bytes = Buffer.byteLength(out);
    expect(chunks).toBeLessThan(Math.ceil(bytes / 65_536) * 1.1 + 1);
  });
});

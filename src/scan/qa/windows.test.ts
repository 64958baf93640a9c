/**
 * Values longer than a reader holds (a text line or a CSV field over WINDOW_UNITS) are scanned
 * in windows. A value cut by a window edge is found whole, once, at its offset in the field.
 */
import { describe, expect, it } from 'vitest';
import { createSourceScanner } from '../core/scanner.js';
import { readCsv, readText } from '../readers/index.js';
import { WINDOW_UNITS } from '../readers/input.js';

const ID = '11010519491231002X';
const MOBILE = '13912345678';

async function* chunks(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

/** A value of `length` filler units with IDs at `at` offsets. */
function value(length: number, at: number[]): string {
  const v = ('x '.repeat(length / 2 + 1)).slice(0, length).split('');
  for (const a of at) {
    v[a - 1] = ' ';
    for (let i = 0; i < ID.length; i++) v[a + i] = ID[i]!;
    v[a + ID.length] = ' ';
  }
  return v.join('');
}

function found(sc: ReturnType<typeof createSourceScanner>) {
  return sc.result().findings.map((f) => [f.record, f.field, f.type, f.start, f.end]);
}

describe('values across window edges', () => {
  it('text: an ID cut by the edge of the first window, and others around it', async () => {
    const W = WINDOW_UNITS;
    const at = [100, W - 9, W + 3000, 2 * W - 1000 - 9, 2 * W - 5];
    const line = value(3 * W, at) + ' ' + MOBILE;
    // chunks of exactly W units: the windows end at W, 2W
    const parts = [line.slice(0, W), line.slice(W, 2 * W), line.slice(2 * W), '\n'];
    const sc = createSourceScanner();
    await readText(chunks(parts), { source: 't.txt' }, sc);
    expect(found(sc)).toEqual([
      ...at.map((a) => [1, 'text', 'cn_resident_id', a, a + ID.length]),
      [1, 'text', 'cn_mobile', 3 * W + 1, 3 * W + 1 + MOBILE.length],
    ]);
  });

  it('CSV: an ID cut by a window edge inside a long quoted field', async () => {
    const W = WINDOW_UNITS;
    const head = 'id,note\n1,"';
    // the chunks are W units: the first window of the field ends 2W - head.length units in
    const field = value(2 * W + 500, [5, W - head.length - 9, 2 * W - head.length - 4]);
    const text = `${head}${field}",${MOBILE}\n`;
    const parts: string[] = [];
    for (let p = 0; p < text.length; p += W) parts.push(text.slice(p, p + W));
    const sc = createSourceScanner();
    await readCsv(chunks(parts), { source: 'c.csv' }, sc);
    const ats = [5, W - head.length - 9, 2 * W - head.length - 4];
    expect(found(sc)).toEqual([...ats.map((a) => [1, 'note', 'cn_resident_id', a, a + ID.length]), [1, '3', 'cn_mobile', 0, MOBILE.length]]);
  });
});

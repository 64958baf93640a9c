/**
 * The whole scanner gives the same result with either engine: counts, confidences, findings
 * (masked samples, offsets, record ids) and subject keys, over records whose values the
 * WebAssembly engine takes a record at a time, with values long enough to be read in windows,
 * full-width values (read through their ASCII twins) and a record id that holds a detected value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../corpus/index.js';
import { createSourceScanner } from '../core/scanner.js';

const saved = process.env['DATACUSTOMS_SCAN_ENGINE'];
afterEach(() => {
  if (saved === undefined) delete process.env['DATACUSTOMS_SCAN_ENGINE'];
  else process.env['DATACUSTOMS_SCAN_ENGINE'] = saved;
});

function scanWith(engine: 'ts' | 'wasm', feed: (s: ReturnType<typeof createSourceScanner>) => void): { result: unknown; subjects: string[] } {
  process.env['DATACUSTOMS_SCAN_ENGINE'] = engine;
  const subjects: string[] = [];
  const sc = createSourceScanner({ maxFindings: 100_000, onSubject: (j, k) => subjects.push(`${j}:${k}`) });
  feed(sc);
  return { result: sc.result(), subjects };
}

describe('the scanner with the WebAssembly engine and with the TypeScript engine', () => {
  it('gives the same result over the corpus, record by record', () => {
    const feed = (sc: ReturnType<typeof createSourceScanner>) => {
      const g = new CorpusGenerator(5);
      for (let r = 0; r < 1500; r++) {
        const rec = g.next();
        sc.beginRecord(r % 7 === 0 ? `id-${Object.values(rec.fields)[0]?.value ?? r}` : r);
        for (const [f, v] of Object.entries(rec.fields)) {
          // some values inside a larger string, as the readers pass chunk ranges
          if (r % 3 === 0) {
            const s = `«${v.value}»`;
            sc.scanSlot(sc.slot(f), s, 1, s.length - 1, 0);
          } else sc.scanField(f, v.value);
        }
        if (r % 5 === 0) {
          // full-width values (read through their ASCII twins), also inside a larger string
          const w = 'call １３８ ００１３ ８０００ or ＳＳＮ ５３６－２２－４１８７ today';
          if (r % 2 === 0) sc.scanField('notes', w);
          else sc.scanSlot(sc.slot('notes'), `..${w}..`, 2, w.length + 2, 0);
        }
        if (r === 10) {
          // values denser in hits than the engine keeps room for: its batch arrays grow
          const codes = Array.from({ length: 3000 }, (_, k) => `${String.fromCharCode(65 + (k % 26))}${10 + (k % 89)}`).join(' ');
          sc.scanField('diagnosis_code', codes);
          sc.scanField('notes', `dx ${codes}`);
          sc.scanField('icd10', codes);
        }
        sc.endRecord();
      }
    };
    const a = scanWith('ts', feed);
    const b = scanWith('wasm', feed);
    expect((a.result as { findingsTotal: number }).findingsTotal).toBeGreaterThan(10_000);
    expect(b.result).toEqual(a.result);
    expect(b.subjects).toEqual(a.subjects);
  });

  it('gives the same result for values read in windows between whole values', () => {
    const feed = (sc: ReturnType<typeof createSourceScanner>) => {
      const g = new CorpusGenerator(9);
      const pieces: string[] = [];
      for (let k = 0; k < 400; k++) pieces.push(Object.values(g.next().fields).map((v) => v.value).join(' | '));
      const long = pieces.join(' ; ');
      sc.beginRecord(1);
      sc.scanField('email', 'jane@example.com');
      // a long value in windows of 4,000 units, with whole values before and after
      const size = 4000;
      for (let at = 0; at < long.length; at += size) {
        const end = Math.min(long.length, at + size);
        sc.scanSlot(sc.slot('notes'), long, at, end, at, end < long.length);
      }
      sc.scanField('phone', '+1 415 555 2671');
      sc.endRecord();
      sc.scanRecord(2, [['ssn', '536-22-4187'], ['notes', long.slice(0, 3000)]]);
    };
    const a = scanWith('ts', feed);
    const b = scanWith('wasm', feed);
    expect((a.result as { findingsTotal: number }).findingsTotal).toBeGreaterThan(500);
    expect(b.result).toEqual(a.result);
    expect(b.subjects).toEqual(a.subjects);
  });
});

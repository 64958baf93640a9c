/**
 * A source with very many distinct field names (JSON maps keyed by user id, one key per line)
 * keeps one slot per name: a name without hits must not cost per-type counters.
 */
import { describe, expect, it } from 'vitest';
import { createSourceScanner } from '../core/scanner.js';

describe('fields without hits cost no counters', () => {
  it('100,000 distinct field names without hits allocate no typed arrays', () => {
    const sc = createSourceScanner();
    const before = process.memoryUsage().arrayBuffers;
    sc.beginRecord(1);
    for (let i = 0; i < 100_000; i++) sc.scanField(`k${i}`, 'x');
    sc.endRecord();
    const grown = process.memoryUsage().arrayBuffers - before;
    // one Int32Array and one Float64Array per name would be ≈ 12 bytes × types × 100,000 ≈ 50 MB+
    expect(grown).toBeLessThan(8 * 1024 * 1024);
    expect(sc.result().fields).toEqual([]);
  });

  it('counts hits in fields named after ones without hits, and totals only theirs', () => {
    const sc = createSourceScanner();
    sc.scanRecord(1, [
      ['note', 'nothing here'],
      ['phone', '13912345678'],
      ['other', 'x'],
      ['phone', '13912345679'],
    ]);
    const r = sc.result();
    expect(r.fields.map((f) => [f.field, f.types.map((t) => [t.type, t.count])])).toEqual([['phone', [['cn_mobile', 2]]]]);
    expect(r.findingsTotal).toBe(2);
  });
});

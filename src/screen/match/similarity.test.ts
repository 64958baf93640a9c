import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commonPrefix, editBudget, isSubsequence, jaroWinkler, osaDistance } from './similarity.js';

/** Reference optimal-string-alignment distance (unbounded, straightforward). */
function osaRef(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'h', 'u', 'w', 'e', 'i'), maxLength: 12 });

describe('osaDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(osaDistance('huawie', 'huawei', 2)).toBe(1);
    expect(osaDistance('dahau', 'dahua', 2)).toBe(1);
    expect(osaDistance('hikvison', 'hikvision', 2)).toBe(1);
    expect(osaDistance('kasperek', 'kaspersky', 1)).toBe(2); // budget + 1
  });

  it('agrees with the reference within the bound, and reports max+1 beyond it (property)', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const ref = osaRef(a, b);
        const got = osaDistance(a, b, max);
        expect(got).toBe(ref <= max ? ref : max + 1);
        expect(osaDistance(b, a, max)).toBe(got);
      }),
      { numRuns: 800 },
    );
  });
});

describe('jaroWinkler', () => {
  it('is 1 on equal words, in [0, 1] and symmetric (property)', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
        if (a.length > 0) expect(jaroWinkler(a, a)).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('ranks a typo above an unrelated word', () => {
    expect(jaroWinkler('hikvison', 'hikvision')).toBeGreaterThan(0.95);
    expect(jaroWinkler('skydance', 'skydio')).toBeLessThan(jaroWinkler('skydiio', 'skydio'));
  });
});

describe('word helpers', () => {
  it('gives no edit budget to short words', () => {
    expect(editBudget('dji', 'dj')).toBe(0);
    expect(editBudget('moble', 'mobile')).toBe(1);
    expect(editBudget('semiconducter', 'semiconductor')).toBe(2);
  });

  it('reads abbreviations as letters in order with the same first letter', () => {
    expect(isSubsequence('grp', 'group')).toBe(true);
    expect(isSubsequence('srvces', 'services')).toBe(true);
    expect(isSubsequence('comm', 'communications')).toBe(true);
    expect(isSubsequence('rgp', 'group')).toBe(false);
    expect(isSubsequence('group', 'group')).toBe(false);
    expect(commonPrefix('kasperskogo', 'kaspersky')).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { at, param, valueAt } from './params.js';
import { defineRule, inForce, runRules } from './rule.js';

describe('dated parameters and effective windows: both ends inclusive', () => {
  const p = param<number>('test.p', 'test', [
    { from: '2024-01-01', until: '2025-03-31', value: 1, citation: 'a' },
    { from: '2025-04-01', value: 2, citation: 'b' },
  ]);

  it('at() picks the value whose window holds the date, on its first and last day', () => {
    expect(() => at(p, '2023-12-31')).toThrow(RangeError);
    expect(valueAt(p, '2023-12-31')).toBeUndefined();
    expect(at(p, '2024-01-01')).toBe(1);
    expect(at(p, '2025-03-31')).toBe(1);
    expect(at(p, '2025-04-01')).toBe(2);
    expect(at(p, '9999-12-31')).toBe(2);
  });

  it('a rule is in force on its from and until days, and runRules agrees with inForce', () => {
    const rule = defineRule<null>({ id: 'r', title: 'r', citation: 'r', effective: { from: '2025-01-01', until: '2025-12-31' }, reads: [], evaluate: () => ({ reasons: ['r'] }) });
    for (const [date, want] of [['2024-12-31', false], ['2025-01-01', true], ['2025-12-31', true], ['2026-01-01', false]] as const) {
      expect(inForce(rule, date), date).toBe(want);
      expect(runRules([rule], null, date).fired.length, date).toBe(want ? 1 : 0);
    }
  });
});

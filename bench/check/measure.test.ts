import { describe, expect, it } from 'vitest';
import { retainedMb } from './measure.js';

describe('retainedMb (the heap a result holds)', () => {
  it('counts what the result keeps alive, and not what was only made on the way', () => {
    // a million doubles in one array: 8 MB of elements
    const held = retainedMb(() => Array.from({ length: 1_000_000 }, (_, i) => i + 0.5));
    expect(held).toBeGreaterThan(7.5);
    expect(held).toBeLessThan(9);
    // the same made and dropped: nothing held
    const dropped = retainedMb(() => {
      const xs = Array.from({ length: 1_000_000 }, (_, i) => i + 0.5);
      return xs.length;
    });
    expect(Math.abs(dropped!)).toBeLessThan(0.5);
  });
});

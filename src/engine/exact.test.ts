import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exact } from './exact.js';

describe('exact (the lists a decision keeps)', () => {
  it('holds the same items in the same order, in an array of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), { maxLength: 40 }), (items) => {
        // grown by push, as the packs grow reasons and duties
        const grown: unknown[] = [];
        for (const x of items) grown.push(x);
        const copy = exact(grown);
        expect(copy).toEqual(items);
        expect(copy).not.toBe(grown);
        expect(copy.length).toBe(items.length);
        // later pushes to the list it was made from do not reach the decision's copy
        grown.push('later');
        expect(copy.length).toBe(items.length);
      }),
    );
  });

  it('copies a frozen list into a mutable one', () => {
    const frozen = Object.freeze(['a', 'b']);
    const copy = exact(frozen);
    copy.push('c');
    expect(copy).toEqual(['a', 'b', 'c']);
    expect(frozen).toEqual(['a', 'b']);
  });
});

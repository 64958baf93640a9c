import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLDED_KEY, KeyFolder } from './field-paths.js';

describe('KeyFolder: keys of maps keyed by ids fold into *', () => {
  it('keeps the first keys of an object path by name, then reads new ones as *', () => {
    const f = new KeyFolder(3, 100);
    expect(['a', 'b', 'c', 'd', 'a', 'e', 'c'].map((k) => f.key(undefined, k))).toEqual(['a', 'b', 'c', '*', 'a', '*', 'c']);
    // another object path has its own allowance
    expect(['x', 'y', 'z', 'w'].map((k) => f.path('users', k))).toEqual(['users.x', 'users.y', 'users.z', 'users.*']);
    // the top level is not the object whose path is the empty key
    expect(f.path('', 'a')).toBe('.a');
  });

  it('past the overall bound, every new key is *, also under a new path', () => {
    const f = new KeyFolder(10, 2);
    expect(f.key(undefined, 'a')).toBe('a');
    expect(f.path('p', 'b')).toBe('p.b');
    expect(f.path('q', 'c')).toBe('q.*');
    expect(f.key(undefined, 'a')).toBe('a');
  });

  it('property: a key under a path is always read the same way; the kept names never exceed either bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.constantFrom('', 'u', 'u.*', 'v[]'), { nil: undefined }), fc.string({ maxLength: 3 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 60 }),
        (calls, perObject, overall) => {
          const f = new KeyFolder(perObject, overall);
          const first = new Map<string, string>();
          const kept = new Map<string, Set<string>>();
          for (const [parent, key] of calls) {
            const got = f.key(parent, key);
            const id = `${parent === undefined ? '<top>' : `=${parent}`}\u0000${key}`;
            if (!first.has(id)) first.set(id, got);
            expect(got, id).toBe(first.get(id));
            expect(got === key || got === FOLDED_KEY).toBe(true);
            if (got === key && key !== FOLDED_KEY) {
              const p = parent === undefined ? '<top>' : `=${parent}`;
              if (!kept.has(p)) kept.set(p, new Set());
              kept.get(p)!.add(key);
            }
          }
          for (const s of kept.values()) expect(s.size).toBeLessThanOrEqual(perObject);
          expect([...kept.values()].reduce((n, s) => n + s.size, 0)).toBeLessThanOrEqual(overall);
        },
      ),
      { numRuns: 500 },
    );
  });
});

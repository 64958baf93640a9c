import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nugetOrder } from './nuget.js';

const cmp = (a: string, b: string): number => nugetOrder.compare(nugetOrder.parse(a)!, nugetOrder.parse(b)!);

describe('NuGet order (NuGet.Versioning VersionComparer.Default)', () => {
  it('pads to four numeric parts and reads leading zeros as numbers', () => {
    expect(cmp('1', '1.0.0.0')).toBe(0);
    expect(cmp('1.0', '1.0.0')).toBe(0);
    expect(cmp('1.01', '1.1')).toBe(0);
    expect(cmp('1.0.0.1', '1.0.0')).toBe(1);
    expect(cmp('1.10', '1.9')).toBe(1);
  });
  it('puts a prerelease below its release and compares labels part by part', () => {
    expect(cmp('1.0.0-alpha', '1.0.0')).toBe(-1);
    expect(cmp('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(cmp('1.0.0-alpha.1', '1.0.0-alpha.beta')).toBe(-1); // a number below a word
    expect(cmp('1.0.0-beta.2', '1.0.0-beta.11')).toBe(-1);
    expect(cmp('1.0.0-beta2', '1.0.0-beta11')).toBe(1); // one word: compared as text (legacy SemVer 1 labels)
    expect(cmp('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(cmp('1.0.0.1-rc', '1.0.0')).toBe(1);
  });
  it('compares labels case-insensitively and ignores metadata', () => {
    expect(cmp('1.0.0-RC.1', '1.0.0-rc.1')).toBe(0);
    expect(cmp('1.0.0-Beta', '1.0.0-alpha')).toBe(1);
    expect(cmp('1.0.0+abc', '1.0.0+def')).toBe(0);
    expect(cmp('1.0.0-rc.1+abc', '1.0.0-rc.1')).toBe(0);
  });
  it('refuses what NuGet refuses', () => {
    for (const bad of ['', 'v1.0.0', '1.0.0.0.0', '1.0.0-', '1.0.0-a..b', '1.0.0-a_b', '1..0', '2147483648.0', 'latest', '1.0.0+']) {
      expect(nugetOrder.parse(bad), bad).toBeUndefined();
    }
    expect(nugetOrder.parse('2147483647.0')).toBeDefined();
  });
  const label = fc.constantFrom('0', '1', '2', '10', '01', '-1', '9999999999', 'a', 'A', 'alpha', 'Beta', 'rc', 'x-y');
  const version = fc
    .tuple(
      fc.array(fc.constantFrom('0', '1', '2', '10', '01'), { minLength: 1, maxLength: 4 }),
      fc.array(label, { maxLength: 3 }),
      fc.option(fc.constantFrom('sha', '1.2')),
    )
    .map(([nums, labels, meta]) => nums.join('.') + (labels.length ? `-${labels.join('.')}` : '') + (meta === null ? '' : `+${meta}`));
  it('is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });
});

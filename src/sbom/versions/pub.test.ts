import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pubOrder } from './pub.js';
import { rangeOrder } from './registry.js';

const cmp = (a: string, b: string): number => pubOrder.compare(pubOrder.parse(a)!, pubOrder.parse(b)!);

describe('Pub order (pub_semver Version.compareTo)', () => {
  it('is SemVer precedence first', () => {
    expect(cmp('1.0.0-dev', '1.0.0')).toBe(-1);
    expect(cmp('1.0.0-alpha.2', '1.0.0-alpha.10')).toBe(-1);
    expect(cmp('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(cmp('1.0.0+9', '1.0.1')).toBe(-1);
    expect(cmp('1.0.0-beta+9', '1.0.0')).toBe(-1);
  });
  it('then compares build metadata, which pub.dev uses for distinct releases (0.4.0+8 < 0.4.0+9)', () => {
    expect(cmp('0.4.0+8', '0.4.0+9')).toBe(-1);
    expect(cmp('1.0.0', '1.0.0+1')).toBe(-1);
    expect(cmp('1.0.0+2', '1.0.0+10')).toBe(-1);
    expect(cmp('1.0.0+10', '1.0.0+a')).toBe(-1);
    expect(cmp('1.0.0+1', '1.0.0+1.1')).toBe(-1);
    expect(cmp('1.0.0+01.2', '1.0.0+1.3')).toBe(-1);
    expect(cmp('1.0.0+1', '1.0.0+1')).toBe(0);
  });
  it('is the order of Pub ECOSYSTEM ranges; SEMVER ranges keep SemVer 2.0.0 (build ignored)', () => {
    const eco = rangeOrder('ECOSYSTEM', 'Pub')!;
    expect(eco.compare(eco.parse('0.4.0+8'), eco.parse('0.4.0+9'))).toBe(-1);
    const sv = rangeOrder('SEMVER', 'Pub')!;
    expect(sv.compare(sv.parse('0.4.0+8'), sv.parse('0.4.0+9'))).toBe(0);
  });
  // SemVer allows leading zeros in build identifiers only
  const ids = (extra: string[]) => fc.array(fc.constantFrom('0', '1', '2', '10', 'a', 'b', 'dev', 'x-1', ...extra), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('.'));
  const version = fc
    .tuple(fc.constantFrom('0.4.0', '1.0.0', '1.0.1'), fc.option(ids([])), fc.option(ids(['01', '002'])))
    .map(([core, pre, build]) => core + (pre === null ? '' : `-${pre}`) + (build === null ? '' : `+${build}`));
  it('is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});

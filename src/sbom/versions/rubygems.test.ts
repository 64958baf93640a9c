import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareGem, parseGem, rubygemsOrder } from './rubygems.js';
import { rubygemsMatrix } from './fixtures.js';

const cmp = (a: string, b: string): number => compareGem(parseGem(a)!, parseGem(b)!);

describe('RubyGems Gem::Version', () => {
  it('agrees with RubyGems 3.3 on validity and on every pair of the fixture corpus', () => {
    const { versions, invalid, expected } = rubygemsMatrix();
    expect(versions.length).toBeGreaterThan(150);
    for (const v of invalid) expect(rubygemsOrder.parse(v), v).toBeUndefined();
    const parsed = versions.map((v) => parseGem(v));
    const wrong: string[] = [];
    for (let i = 0; i < versions.length; i++) {
      for (let j = 0; j < versions.length; j++) {
        const a = parsed[i];
        const b = parsed[j];
        if (!a || !b || compareGem(a, b) !== expected(i, j)) wrong.push(`${versions[i]} vs ${versions[j]}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('orders prereleases below their release', () => {
    expect(cmp('1.0.0.rc1', '1.0.0')).toBe(-1);
    expect(cmp('1.0-pre', '1.0')).toBe(-1);
    expect(cmp('1.0.0', '1')).toBe(0);
    expect(cmp('7.0.4.3', '7.0.4')).toBe(1);
  });

  const gem = fc
    .tuple(fc.array(fc.nat(12), { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom('.rc1', '.beta', '.pre.2', '-alpha', '.a')))
    .map(([n, s]) => n.join('.') + (s ?? ''));
  it('compare is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(gem, gem, gem, (a, b, c) => {
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 600 },
    );
  });
});

describe('RubyGems: a Bundler version-platform string', () => {
  const order = (a: string, b: string): number => rubygemsOrder.compare(rubygemsOrder.parse(a)!, rubygemsOrder.parse(b)!);
  it.each(['1.13.10-java', '1.13.10-x86_64-linux', '1.13.10-x86_64-linux-gnu', '1.13.10-aarch64-linux-musl', '1.13.10-arm64-darwin', '1.13.10-universal-darwin-9', '1.13.10-x64-mingw-ucrt', '1.13.10-x86-mswin32-60', '1.13.10-jruby'])(
    '%s is version 1.13.10',
    (v) => expect(order(v, '1.13.10')).toBe(0),
  );
  it('keeps real prereleases, and the platform of a prerelease', () => {
    expect(order('1.0.0-rc1', '1.0.0')).toBe(-1);
    expect(order('1.0-x', '1.0')).toBe(-1);
    expect(order('1.14.0.rc1-java', '1.14.0.rc1')).toBe(0);
    expect(order('1.14.0.rc1-java', '1.14.0')).toBe(-1);
  });
});

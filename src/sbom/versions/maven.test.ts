import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalMaven, compareMaven, mavenOrder, parseMaven } from './maven.js';
import { mavenMatrix } from './fixtures.js';

const cmp = (a: string, b: string): number => compareMaven(parseMaven(a), parseMaven(b));

describe('Maven ComparableVersion', () => {
  it('agrees with maven-artifact 3.8.7 on every pair of the fixture corpus', () => {
    const { versions, expected } = mavenMatrix();
    expect(versions.length).toBeGreaterThan(300);
    const parsed = versions.map(parseMaven);
    const wrong: string[] = [];
    for (let i = 0; i < versions.length; i++) {
      for (let j = 0; j < versions.length; j++) {
        if (compareMaven(parsed[i]!, parsed[j]!) !== expected(i, j)) wrong.push(`${versions[i]} vs ${versions[j]}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  // the orderings the reference notes call out (vuln-sbom.md §4.1)
  it.each([
    ['2.0-beta9', '2.0-rc1'],
    ['2.0-rc1', '2.0'],
    ['2.0', '2.3.1'],
    ['2.12.6', '2.12.6.1'],
    ['5.2.20.RELEASE', '5.3.0-RC1'],
    ['5.3.0-RC1', '5.3.0'],
    ['1.9', '1.10.0'],
    ['1.0-SNAPSHOT', '1.0'],
    ['1.0', '1.0-sp1'],
    ['1.0-alpha1', '1.0-beta1'],
    ['1.0-beta1', '1.0-M1'],
    ['1.0-M1', '1.0-rc1'],
    ['1.0-rc1', '1.0-SNAPSHOT'],
    ['1.0-sp1', '1.0-xyz'],
    ['1.0-abc', '1.0-xyz'],
    ['2.13.2', '2.13.2.1'],
  ])('%s < %s', (a, b) => {
    expect(cmp(a, b)).toBe(-1);
    expect(cmp(b, a)).toBe(1);
  });

  it.each([
    ['5.2.20.RELEASE', '5.2.20'],
    ['1.0-ga', '1.0'],
    ['1.0.Final', '1'],
    ['2.4', '2.4.0'],
    ['1.0-cr1', '1.0-rc1'],
    ['1.0-b2', '1.0-beta-2'],
    ['1.0rc1', '1.0-rc1'],
    ['1.0.RC1', '1.0-rc-1'],
    ['1.0-RC1', '1.0-rc1'],
    ['1.010', '1.10'],
  ])('%s = %s', (a, b) => expect(cmp(a, b)).toBe(0));

  it('prints the canonical form Maven prints', () => {
    expect(canonicalMaven(parseMaven('1.0.RC1'))).toBe('1-rc-1');
    expect(canonicalMaven(parseMaven('5.2.20.RELEASE'))).toBe('5.2.20');
    expect(canonicalMaven(parseMaven('2.0.a'))).toBe('2-a');
  });

  const token = fc.constantFrom('0', '1', '2', '10', '007', 'alpha', 'a', 'b', 'm', 'rc', 'cr', 'snapshot', 'ga', 'final', 'release', 'sp', 'x', 'foo', 'RC', '');
  const version = fc.array(fc.tuple(token, fc.constantFrom('.', '-', '')), { minLength: 1, maxLength: 6 }).map((ts) => ts.map(([t, s]) => t + s).join(''));

  it('is reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(cmp(a, a)).toBe(0);
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
      }),
      { numRuns: 800 },
    );
  });

  // Maven's order is not transitive on every odd string (hence the full matrix fixture); it is on
  // the versions that real releases use: numbers and known qualifiers in their usual places.
  const releaseLike = fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
      fc.option(fc.tuple(fc.constantFrom('-alpha', '-beta', '-M', '-rc', '-SNAPSHOT', '.RELEASE', '-sp', '.Final', '-jre'), fc.option(fc.integer({ min: 1, max: 12 })))),
    )
    .map(([nums, q]) => nums.join('.') + (q ? q[0] + (q[1] ?? '') : ''));
  it('is transitive on release-like versions', () => {
    fc.assert(
      fc.property(releaseLike, releaseLike, releaseLike, (a, b, c) => {
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses huge versions instead of parsing them, and survives odd input', () => {
    expect(mavenOrder.parse('1.'.repeat(500_000))).toBeUndefined();
    expect(mavenOrder.parse('-'.repeat(256))).toBeDefined();
    const deep = mavenOrder.parse('1-'.repeat(128))!;
    expect(mavenOrder.compare(deep, deep)).toBe(0);
    expect(mavenOrder.compare(deep, mavenOrder.parse('1')!)).toBe(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.string({ maxLength: 64 }), (a, b) => {
        const [x, y] = [mavenOrder.parse(a), mavenOrder.parse(b)];
        if (x !== undefined && y !== undefined) expect([-1, 0, 1]).toContain(mavenOrder.compare(x, y));
        expect(mavenOrder.compare(parseMaven(a), parseMaven(b))).toBe(-mavenOrder.compare(parseMaven(b), parseMaven(a)) || 0);
      }),
    );
  });
});

describe('Maven strings that are not one concrete version', () => {
  it.each(['${log4j.version}', '2.${minor}', '[2.0,3.0)', '(,2.15.0)', 'LATEST', 'RELEASE', 'latest', '', '   ', '2.14 .1', '2.14,1'])('%j is unorderable', (v) => {
    expect(mavenOrder.parse(v)).toBeUndefined();
  });
  it('surrounding spaces are not part of the version; words that real versions use still order', () => {
    const c = (a: string, b: string): number => mavenOrder.compare(mavenOrder.parse(a)!, mavenOrder.parse(b)!);
    expect(c(' 2.14.1 ', '2.14.1')).toBe(0);
    expect(c('r09', '11.0')).toBe(-1); // guava's old r03..r09 releases sort below 11.0, as in Maven
    expect(c('1.0-RELEASE', '1.0')).toBe(0);
  });
});

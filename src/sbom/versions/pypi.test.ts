import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparePep440, formatPep440, normalizePypiName, parsePep440, pypiOrder } from './pypi.js';
import { rankedFixture } from './fixtures.js';

const cmp = (a: string, b: string): number => comparePep440(parsePep440(a)!, parsePep440(b)!);

describe('PyPI PEP 440', () => {
  const rows = rankedFixture('pypi-order.txt');

  it('agrees with packaging.version on validity, normal form and order of the fixture corpus', () => {
    expect(rows.length).toBeGreaterThan(200);
    const wrong: string[] = [];
    for (const a of rows) {
      const p = parsePep440(a.version);
      if (a.rank === 'invalid') {
        if (p) wrong.push(`accepted ${a.version}`);
        continue;
      }
      if (!p) {
        wrong.push(`rejected ${a.version}`);
        continue;
      }
      if (formatPep440(p) !== a.normalized) wrong.push(`normal form of ${a.version}: ${formatPep440(p)} ≠ ${a.normalized}`);
      for (const b of rows) {
        if (b.rank === 'invalid') continue;
        if (comparePep440(p, parsePep440(b.version)!) !== Math.sign(a.rank - b.rank)) wrong.push(`${a.version} vs ${b.version}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('orders one release as dev < a < b < rc < release < post', () => {
    const chain = ['1.0.dev1', '1.0a1', '1.0b1', '1.0rc1', '1.0', '1.0.post1'];
    for (let i = 0; i + 1 < chain.length; i++) expect(cmp(chain[i]!, chain[i + 1]!)).toBe(-1);
    expect(cmp('1!0.1', '2.0')).toBe(1); // the epoch dominates
    expect(cmp('5.4', '5.4.0')).toBe(0);
    expect(cmp('1.0+local', '1.0')).toBe(1);
  });

  it('compares a local segment as a number only when it is all digits (1alpha2 is alphanumeric, below 12)', () => {
    expect(cmp('1.0+ubuntu-1alpha2', '1.0+ubuntu-12')).toBe(-1);
    expect(cmp('1.0+1a', '1.0+1')).toBe(-1);
    expect(cmp('1.0+20230101git1a2b3c', '1.0+abc')).toBe(-1); // both alphanumeric: lexical
    expect(cmp('1.0+9z.1', '1.0+10')).toBe(-1);
  });

  it('treats legacy strings as unorderable', () => {
    for (const v of ['2004d', '1.0-SNAPSHOT', 'latest', '', '1.0+', 'dev']) expect(pypiOrder.parse(v)).toBeUndefined();
  });

  const pep440 = fc
    .record({
      epoch: fc.option(fc.nat(3)),
      release: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }),
      pre: fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc', 'alpha', 'c', 'preview'), fc.nat(5))),
      post: fc.option(fc.nat(5)),
      dev: fc.option(fc.nat(5)),
      local: fc.option(fc.array(fc.oneof(fc.nat(30).map(String), fc.constantFrom('ubuntu', 'abc', 'x1')), { minLength: 1, maxLength: 3 })),
    })
    .map(
      (r) =>
        (r.epoch !== null ? `${r.epoch}!` : '') +
        r.release.join('.') +
        (r.pre ? r.pre[0] + r.pre[1] : '') +
        (r.post !== null ? `.post${r.post}` : '') +
        (r.dev !== null ? `.dev${r.dev}` : '') +
        (r.local ? `+${r.local.join('.')}` : ''),
    );

  it('parse ∘ format is the identity on normal forms, and equal to the input version', () => {
    fc.assert(
      fc.property(pep440, (s) => {
        const v = parsePep440(s)!;
        const text = formatPep440(v);
        expect(formatPep440(parsePep440(text)!)).toBe(text);
        expect(comparePep440(parsePep440(text)!, v)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('compare is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(pep440, pep440, pep440, (a, b, c) => {
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 600 },
    );
  });

  it('normalizes names per PEP 503', () => {
    expect(normalizePypiName('PyYAML')).toBe('pyyaml');
    expect(normalizePypiName('Foo__Bar.-baz')).toBe('foo-bar-baz');
    expect(normalizePypiName('zope.interface')).toBe('zope-interface');
  });

  it('stays linear on adversarial input', () => {
    const t = performance.now();
    for (const s of ['1' + '.1'.repeat(120) + 'x', '1'.repeat(250) + '!', 'v'.repeat(255), '1.0+' + 'a.'.repeat(120)]) expect(pypiOrder.parse(s)).toBeUndefined();
    expect(pypiOrder.parse('1.'.repeat(200_000))).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(200);
  });
});

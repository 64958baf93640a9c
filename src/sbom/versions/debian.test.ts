import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDebian, debianOrder, parseDebian } from './debian.js';
import { rankedFixture } from './fixtures.js';

const cmp = (a: string, b: string): number => compareDebian(parseDebian(a)!, parseDebian(b)!);

describe('Debian dpkg order', () => {
  it('agrees with `dpkg --compare-versions` on every pair of the fixture corpus', () => {
    const rows = rankedFixture('debian-order.txt');
    expect(rows.length).toBeGreaterThan(90);
    const wrong: string[] = [];
    for (const a of rows) {
      for (const b of rows) {
        const pa = parseDebian(a.version);
        const pb = parseDebian(b.version);
        if (!pa || !pb) {
          wrong.push(`unparsed ${a.version} / ${b.version}`);
          continue;
        }
        if (compareDebian(pa, pb) !== Math.sign((a.rank as number) - (b.rank as number))) wrong.push(`${a.version} vs ${b.version}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('sorts ~ before everything and honours epochs', () => {
    expect(cmp('1.0~rc1', '1.0')).toBe(-1);
    expect(cmp('1.0', '1.0+dfsg')).toBe(-1);
    expect(cmp('1:0.9', '2.0')).toBe(1);
    expect(cmp('2:8.39-12ubuntu0.1', '2:8.39-12')).toBe(1);
  });

  it('refuses strings dpkg would refuse', () => {
    for (const v of ['', 'a1.0', '1.0-', 'x:1.0', '1.0 beta', '1:2:3-']) expect(debianOrder.parse(v)).toBeUndefined();
  });

  const part = fc.stringMatching(/^[0-9][0-9a-z.+~]{0,8}$/);
  const deb = fc.tuple(fc.option(fc.nat(3)), part, fc.option(fc.stringMatching(/^[0-9a-z.+~]{1,6}$/))).map(
    ([e, u, r]) => `${e !== null ? `${e}:` : ''}${u}${r !== null ? `-${r}` : ''}`,
  );
  it('compare is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(deb, deb, deb, (a, b, c) => {
        expect(cmp(a, a)).toBe(0);
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 600 },
    );
  });
});

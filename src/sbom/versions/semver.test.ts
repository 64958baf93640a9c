import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SemVer } from 'semver';
import { lenientSemverOrder, npmOrder } from './npm.js';
import { goOrder } from './go.js';
import { rangeOrder, ecosystemOrder } from './registry.js';

const npm = (a: string, b: string): number => npmOrder.compare(npmOrder.parse(a)!, npmOrder.parse(b)!);
const go = (a: string, b: string): number => goOrder.compare(goOrder.parse(a)!, goOrder.parse(b)!);

describe('npm (SemVer 2.0.0 precedence)', () => {
  it('orders prereleases below their release, by identifiers (semver.org §11)', () => {
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 0; i + 1 < chain.length; i++) expect(npm(chain[i]!, chain[i + 1]!)).toBe(-1);
  });

  it('is pure ordering: 1.3.0-beta.1 < 1.3.0 although npm ranges would not say so', () => {
    expect(npm('1.3.0-beta.1', '1.3.0')).toBe(-1);
  });

  it('ignores build metadata and refuses non-SemVer', () => {
    expect(npm('1.0.0+build.1', '1.0.0+other')).toBe(0);
    for (const v of ['1.2', 'latest', '01.2.3', '1.2.3.4', '9'.repeat(300)]) expect(npmOrder.parse(v)).toBeUndefined();
  });

  const semverText = fc
    .tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.option(fc.array(fc.oneof(fc.nat(20).map(String), fc.constantFrom('alpha', 'beta', 'rc', 'x-y')), { minLength: 1, maxLength: 3 })))
    .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}`);
  it('parse ∘ format is the identity; compare is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(semverText, semverText, semverText, (a, b, c) => {
        expect(new SemVer(a).format()).toBe(a);
        expect(npmOrder.parse(a)!.format()).toBe(a);
        expect(npm(a, b) + npm(b, a)).toBe(0);
        if (npm(a, b) <= 0 && npm(b, c) <= 0) expect(npm(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 600 },
    );
  });
});

describe('Go module versions', () => {
  it('accepts the v prefix, pseudo-versions and +incompatible', () => {
    expect(go('v1.2.3', '1.2.3')).toBe(0);
    expect(go('v2.0.0+incompatible', 'v2.0.0')).toBe(0);
    expect(go('v0.0.0-20210817142637-7d9622a276b7', 'v0.0.0-20211001000000-aaaaaaaaaaaa')).toBe(-1);
    expect(go('v0.0.0-20210817142637-7d9622a276b7', 'v0.0.1')).toBe(-1);
    expect(go('v1.2.4-0.20210101000000-abcdefabcdef', 'v1.2.3')).toBe(1);
    expect(go('v1.2.4-0.20210101000000-abcdefabcdef', 'v1.2.4')).toBe(-1);
  });

  it('reads Go release names of the standard library', () => {
    expect(go('go1.20.1', '1.20.1')).toBe(0);
    expect(go('go1.21', '1.21.0')).toBe(0);
    expect(go('go1.21rc2', '1.21.0')).toBe(-1);
    expect(go('go1.21rc2', '1.21.0-rc.2')).toBe(0);
  });

  it('refuses (devel) and branch names', () => {
    for (const v of ['(devel)', 'master', 'v1', '']) expect(goOrder.parse(v)).toBeUndefined();
  });
});

describe('registry', () => {
  it('uses the ecosystem order for ECOSYSTEM ranges and SemVer for SEMVER ranges', () => {
    expect(ecosystemOrder('Maven')?.label).toMatch(/Maven/);
    expect(ecosystemOrder('Debian:9')?.label).toMatch(/dpkg/);
    expect(ecosystemOrder('maven')).toBeUndefined(); // ecosystem names are case-sensitive
    expect(ecosystemOrder('NuGet')?.label).toMatch(/NuGet/);
    expect(ecosystemOrder('Alpine:v3.17')).toBeUndefined();
    expect(rangeOrder('SEMVER', 'NuGet')).toBe(rangeOrder('SEMVER', 'crates.io'));
    expect(rangeOrder('SEMVER', 'npm')).toBe(ecosystemOrder('npm')); // strict: no partial versions
    expect(rangeOrder('SEMVER', 'Go')).toBe(ecosystemOrder('Go'));
    expect(rangeOrder('GIT', 'npm')).toBeUndefined();
    expect(lenientSemverOrder.compare(lenientSemverOrder.parse('v1.2')!, lenientSemverOrder.parse('1.2.0')!)).toBe(0);
  });
});

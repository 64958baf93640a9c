/**
 * Adversarial cases for matching, one ecosystem rule at a time: names as each registry compares
 * them, versions[] in ecosystems without an order here, and orders that differ from plain SemVer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Component } from './components.js';
import { AdvisoryIndex, type Match, type NotEvaluated } from './match.js';
import { parseAdvisory } from './osv/parse.js';
import { packageKey, purlIdentity } from './purl.js';
import { ecosystemOrder } from './versions/registry.js';

type Affected = Record<string, unknown>;
const record = (id: string, affected: Affected[]) => parseAdvisory({ id, modified: '2024-01-01T00:00:00Z', affected }, `${id}.json`);
const fixedAt = (ecosystem: string, name: string, fixed: string, type = 'ECOSYSTEM'): Affected => ({
  package: { ecosystem, name },
  ranges: [{ type, events: [{ introduced: '0' }, { fixed }] }],
});
function component(ecosystem: string, name: string, version: string): Component {
  return { sbom: 'bom.json', path: 'components[0]', purl: `pkg:x/${name}@${version}`, ecosystem, name, key: packageKey(ecosystem, name), version };
}
/** A component as the SBOM reader makes it from a purl. */
function fromPurl(purl: string): Component {
  const id = purlIdentity(purl);
  if (id.kind !== 'package') throw new Error(id.reason);
  return { sbom: 'bom.json', path: 'components[0]', purl, ecosystem: id.ecosystem, name: id.name, key: packageKey(id.ecosystem, id.name), version: id.version! };
}
function run(records: ReturnType<typeof record>[], c: Component): { matches: Match[]; undecided: NotEvaluated[] } {
  const matches: Match[] = [];
  const undecided: NotEvaluated[] = [];
  new AdvisoryIndex(records).evaluate(c, matches, undecided);
  return { matches, undecided };
}

describe('package names compared as each registry compares them', () => {
  it('NuGet ids are case-insensitive: newtonsoft.json is Newtonsoft.Json', () => {
    const a = record('GHSA-N', [fixedAt('NuGet', 'Newtonsoft.Json', '13.0.1', 'SEMVER')]);
    expect(run([a], fromPurl('pkg:nuget/newtonsoft.json@12.0.1')).matches).toHaveLength(1);
    expect(run([a], fromPurl('pkg:nuget/Newtonsoft.Json.Bson@12.0.1')).matches).toHaveLength(0);
  });
  it('crates.io names are case-insensitive and treat - and _ as one', () => {
    const a = record('RUSTSEC-C', [fixedAt('crates.io', 'serde_json', '1.0.0', 'SEMVER')]);
    expect(run([a], fromPurl('pkg:cargo/serde-json@0.9.0')).matches).toHaveLength(1);
    expect(run([a], fromPurl('pkg:cargo/Serde_Json@0.9.0')).matches).toHaveLength(1);
    expect(run([a], fromPurl('pkg:cargo/serdejson@0.9.0')).matches).toHaveLength(0);
  });
  it('an advisory name in capitals finds the purl, which packageurl-js lower-cases (GitHub Actions, Packagist, Hex, Pub)', () => {
    for (const [eco, osv, purl] of [
      ['GitHub Actions', 'Azure/setup-helm', 'pkg:github/Azure/setup-helm@v1.0.0'],
      ['Packagist', 'Laravel/Framework', 'pkg:composer/laravel/framework@1.0.0'],
      ['Hex', 'Phoenix', 'pkg:hex/phoenix@1.0.0'],
      ['Pub', 'HTTP', 'pkg:pub/http@1.0.0'],
    ] as const) {
      const a = record(`X-${eco}`, [fixedAt(eco, osv, '2.0.0', 'SEMVER')]);
      expect(run([a], fromPurl(purl)).matches, eco).toHaveLength(1);
    }
  });
  it('case-sensitive registries stay case-sensitive (Go module paths, RubyGems, Maven)', () => {
    const go = record('GO-1', [fixedAt('Go', 'github.com/sirupsen/logrus', '1.8.3', 'SEMVER')]);
    expect(run([go], fromPurl('pkg:golang/github.com/Sirupsen/logrus@v1.0.0')).matches).toHaveLength(0);
    expect(run([go], fromPurl('pkg:golang/github.com/sirupsen/logrus@v1.0.0')).matches).toHaveLength(1);
    const gem = record('GEM-1', [fixedAt('RubyGems', 'RedCloth', '4.3.0')]);
    expect(run([gem], fromPurl('pkg:gem/redcloth@4.2.0')).matches).toHaveLength(0);
    expect(run([gem], fromPurl('pkg:gem/RedCloth@4.2.0')).matches).toHaveLength(1);
    const mvn = record('M-1', [fixedAt('Maven', 'org.example:Lib', '2.0')]);
    expect(run([mvn], fromPurl('pkg:maven/org.example/lib@1.0')).matches).toHaveLength(0);
  });
});

describe('versions[] where the order cannot say two strings are one version', () => {
  const listed = (ecosystem: string, name: string, versions: string[]) => record(`L-${ecosystem}`, [{ package: { ecosystem, name }, versions }]);
  it('in an ecosystem without an order here, a string not in the list is undecided, not "not affected"', () => {
    // Hackage and Alpine have no order here; in Alpine 1.2.3-r0 and 1.2.3-r00 could be one version
    const hackage = listed('Hackage', 'aeson', ['2.0.1.0']);
    expect(run([hackage], component('Hackage', 'aeson', '2.0.1.0')).matches).toHaveLength(1);
    const r = run([hackage], component('Hackage', 'aeson', '2.0.1'));
    expect(r.matches).toEqual([]);
    expect(r.undecided.map((u) => u.reason)).toEqual([expect.stringMatching(/no Hackage version order/)]);
    const apk = listed('Alpine:v3.17', 'musl', ['1.2.3-r0']);
    expect(run([apk], component('Alpine:v3.17', 'musl', '1.2.3-r1')).undecided).toHaveLength(1);
  });
  it('a component version the order cannot read is undecided against a list that does not hold it', () => {
    const py = listed('PyPI', 'p', ['1.0', '2004d']);
    expect(run([py], component('PyPI', 'p', '2004d')).matches).toHaveLength(1); // identical string
    const r = run([py], component('PyPI', 'p', '2004-d'));
    expect(r.matches).toEqual([]);
    expect(r.undecided[0]!.reason).toMatch(/"2004-d" is not valid for PEP 440/);
  });
  it('an ordered ecosystem still decides: equal versions match, others are not affected', () => {
    const mvn = listed('Maven', 'g:a', ['1.0.0']);
    expect(run([mvn], component('Maven', 'g:a', '1.0')).matches).toHaveLength(1);
    expect(run([mvn], component('Maven', 'g:a', '1.0.1'))).toEqual({ matches: [], undecided: [] });
  });
});

describe('Pub: build metadata names distinct releases', () => {
  it('an advisory fixed in 0.4.0+9 affects 0.4.0+8 (plain SemVer calls them equal)', () => {
    const a = record('GHSA-P', [fixedAt('Pub', 'plugin', '0.4.0+9')]);
    expect(run([a], fromPurl('pkg:pub/plugin@0.4.0%2B8')).matches.map((m) => m.fixed)).toEqual(['0.4.0+9']);
    expect(run([a], fromPurl('pkg:pub/plugin@0.4.0%2B9')).matches).toEqual([]);
    expect(run([a], fromPurl('pkg:pub/plugin@0.4.0')).matches).toHaveLength(1);
  });
});

describe('NuGet: NuGet.Versioning order', () => {
  const a = record('GHSA-NU', [fixedAt('NuGet', 'Newtonsoft.Json', '13.0.1')]);
  it.each([
    ['12.0.3', true],
    ['13.0.1-beta1', true], // a prerelease of the fix sorts below it
    ['13.0.1', false],
    ['13.0.1.0', false], // a fourth part 0 is the same version
    ['13.0.01', false], // leading zeros
    ['13.0.1+sha.5', false], // metadata ignored
    ['13.0.2', false],
  ])('ECOSYSTEM [0, 13.0.1): %s → %s', (v, want) => {
    const r = run([a], component('NuGet', 'Newtonsoft.Json', v));
    expect(r.undecided).toEqual([]);
    expect(r.matches.length > 0).toBe(want);
  });
  it('versions[] holds 1.0.0 and the component says 1.0: one version', () => {
    const l = record('L-NU', [{ package: { ecosystem: 'NuGet', name: 'Pkg' }, versions: ['1.0.0'] }]);
    expect(run([l], component('NuGet', 'Pkg', '1.0')).matches).toHaveLength(1);
    expect(run([l], component('NuGet', 'Pkg', '1.0.0.1'))).toEqual({ matches: [], undecided: [] });
  });
});

describe('distribution records without a release', () => {
  it('a Debian record with no :<release> concerns the package in every release', () => {
    const bare = record('DEBIAN-CVE-1', [fixedAt('Debian', 'openssl', '1.1.1n-0+deb11u4')]);
    const c = fromPurl('pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?distro=debian-11');
    expect(c.ecosystem).toBe('Debian:11');
    expect(run([bare], c).matches.map((m) => m.fixed)).toEqual(['1.1.1n-0+deb11u4']);
    expect(run([bare], fromPurl('pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u4?distro=debian-11')).matches).toEqual([]);
    // a record scoped to another release stays out
    const other = record('DSA-1', [fixedAt('Debian:12', 'openssl', '3.0.9-1')]);
    expect(run([other], c)).toEqual({ matches: [], undecided: [] });
  });
  it('an advisory with entries for the release and for every release is one advisory, its entries a union', () => {
    const both = record('DEBIAN-2', [fixedAt('Debian:11', 'zlib', '1:1.2.11.dfsg-2+deb11u2'), { package: { ecosystem: 'Debian', name: 'zlib' }, versions: ['1:1.2.13.dfsg-1'] }]);
    expect(run([both], fromPurl('pkg:deb/debian/zlib@1%3A1.2.11.dfsg-2?distro=debian-11')).matches).toHaveLength(1);
    expect(run([both], fromPurl('pkg:deb/debian/zlib@1%3A1.2.13.dfsg-1?distro=debian-11')).matches).toHaveLength(1);
    expect(run([both], fromPurl('pkg:deb/debian/zlib@1%3A1.2.11.dfsg-2%2Bdeb11u2?distro=debian-11'))).toEqual({ matches: [], undecided: [] });
  });
});

describe('withdrawn records', () => {
  it('are not matched, even when handed to the index directly', () => {
    const gone = parseAdvisory(
      { id: 'GHSA-W', modified: '2024-01-02T00:00:00Z', withdrawn: '2024-01-02T00:00:00Z', affected: [fixedAt('npm', 'p', '2.0.0', 'SEMVER')] },
      'w.json',
    );
    expect(run([gone], component('npm', 'p', '1.0.0')).matches).toEqual([]);
    expect(new AdvisoryIndex([gone]).advisories).toBe(0);
  });
});

describe('RubyGems: versions copied from a Bundler lockfile with their platform', () => {
  const a = record('GHSA-NOKO', [{ package: { ecosystem: 'RubyGems', name: 'nokogiri' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.13.0' }, { fixed: '1.13.10' }] }] }]);
  it.each([
    ['1.13.10-x86_64-linux', false], // the fixed version (was undecided)
    ['1.13.10-java', false], // the fixed version (was read as 1.13.10.pre.java < 1.13.10: affected)
    ['1.13.0-arm64-darwin', true], // introduced (was below 1.13.0: not affected)
    ['1.13.9-java', true],
  ])('nokogiri %s → affected %s', (v, want) => {
    const r = run([a], component('RubyGems', 'nokogiri', v));
    expect(r.undecided).toEqual([]);
    expect(r.matches.length > 0).toBe(want);
  });
});

describe('range evaluation in each ecosystem order, limits and versions[] included', () => {
  const corpora: Record<string, string[]> = {
    PyPI: ['0.9', '1.0.dev0', '1.0a1', '1.0', '1.0.0', '1.0.post1', '1!0.1', '2.0rc1', '2.0', '2.1'],
    Maven: ['1.0-alpha', '1.0-SNAPSHOT', '1.0', '1.0.0', '1.0-sp1', '1.1', '2.0.RELEASE', '2.0-rc1'],
    'Debian:11': ['1.0~rc1', '1.0', '1.0-1', '1:0.5', '1.0+dfsg', '2.0~'],
    NuGet: ['1.0', '1.0.0.0', '1.0.0-rc.1', '1.0.0-RC.1', '1.0.1', '2.0.0-beta'],
    Pub: ['1.0.0', '1.0.0+1', '1.0.0+2', '1.0.0-dev', '1.0.1', '2.0.0'],
    RubyGems: ['1.0', '1.0.0', '1.0.0.rc1', '1.0.1', '1.0.1-java', '2.0.0.beta'],
  };
  it.each(Object.keys(corpora))('%s: agrees with the schema pseudocode run over the ecosystem order', (eco) => {
    const order = ecosystemOrder(eco)!;
    const version = fc.constantFrom(...corpora[eco]!);
    const event = fc.oneof(
      fc.record({ introduced: fc.oneof(version, fc.constant('0')) }),
      fc.record({ fixed: version }),
      fc.record({ last_affected: version }),
      fc.record({ limit: fc.oneof(version, fc.constant('*')) }),
    );
    const entry = fc.record({ events: fc.array(event, { minLength: 1, maxLength: 5 }), versions: fc.array(version, { maxLength: 2 }) });
    const rec = fc
      .array(entry, { minLength: 1, maxLength: 3 })
      .map((es) => record('P', es.map((e) => ({ package: { ecosystem: eco, name: 'p' }, versions: e.versions, ranges: [{ type: 'ECOSYSTEM', events: e.events }] }))));
    // "0" below and "*" above everything; otherwise the ecosystem's order
    const cmp = (a: string, b: string): number =>
      a === b ? 0 : a === '0' || b === '*' ? -1 : b === '0' || a === '*' ? 1 : order.compare(order.parse(a), order.parse(b));
    const reference = (adv: ReturnType<typeof record>, v: string): boolean =>
      adv.affected.some(
        (e) =>
          e.versions.some((x) => cmp(x, v) === 0) ||
          e.ranges.some((r) => {
            const limits = r.events.filter((x) => x.kind === 'limit');
            if (limits.length > 0 && !limits.some((l) => cmp(v, l.version) < 0)) return false;
            const events = r.events
              .filter((x) => x.kind !== 'limit')
              .map((x, i) => ({ x, i }))
              .sort((a, b) => cmp(a.x.version, b.x.version) || a.i - b.i);
            let vulnerable = false;
            for (const { x } of events) {
              if (x.kind === 'introduced' && cmp(v, x.version) >= 0) vulnerable = true;
              else if (x.kind === 'fixed' && cmp(v, x.version) >= 0) vulnerable = false;
              else if (x.kind === 'last_affected' && cmp(v, x.version) > 0) vulnerable = false;
            }
            return vulnerable;
          }),
      );
    fc.assert(
      fc.property(rec, version, (adv, v) => {
        const { matches, undecided } = run([adv], component(eco, 'p', v));
        expect(undecided).toEqual([]);
        expect(matches.length > 0).toBe(reference(adv, v));
        const fixed = matches[0]?.fixed;
        if (fixed !== undefined) {
          expect(cmp(fixed, v)).toBeGreaterThan(0);
          expect(reference(adv, fixed)).toBe(false);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('Maven: a component version that is no version is undecided', () => {
  const log4shell = record('GHSA-jfh8-c2jp-5v3q', [{ package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0-beta9' }, { fixed: '2.15.0' }] }] }]);
  it.each(['${log4j.version}', '[2.0,2.16)', 'LATEST', ' 2.14.1'])('log4j-core %j', (v) => {
    const r = run([log4shell], component('Maven', 'org.apache.logging.log4j:log4j-core', v));
    if (v.trim() === '2.14.1') expect(r.matches).toHaveLength(1);
    else {
      expect(r.matches).toEqual([]);
      expect(r.undecided).toHaveLength(1);
    }
  });
});

describe('GitHub Actions: a moving major or minor tag is not a version', () => {
  for (const type of ['ECOSYSTEM', 'SEMVER']) {
    const a = record(`GHSA-GA-${type}`, [{ package: { ecosystem: 'GitHub Actions', name: 'tj-actions/changed-files' }, ranges: [{ type, events: [{ introduced: '0' }, { fixed: '46.0.1' }] }] }]);
    it.each([
      ['v45.0.0', 'affected'],
      ['46.0.0', 'affected'],
      ['v46.0.1', 'not affected'],
      ['v46', 'undecided'], // whatever v46.x.y was last tagged: it was read as 46.0.0, affected
      ['v46.0', 'undecided'],
      ['a'.repeat(40), 'undecided'], // a commit SHA
    ])(`${type}: %s → %s`, (v, want) => {
      const r = run([a], fromPurl(`pkg:github/tj-actions/changed-files@${v}`));
      expect(r.matches.length > 0 ? 'affected' : r.undecided.length > 0 ? 'undecided' : 'not affected').toBe(want);
    });
  }
});

describe('npm: a partial version is a dependency spec, not a version', () => {
  const a = record('GHSA-NPM', [fixedAt('npm', 'minimist', '1.2.6', 'SEMVER')]);
  it.each([
    ['1.2.5', 'affected'],
    ['v1.2.5', 'affected'],
    ['1.2.6', 'not affected'],
    ['1.2', 'undecided'], // package.json "1.2" is any 1.2.x; it was read as 1.2.0, affected
    ['1', 'undecided'],
  ])('SEMVER [0, 1.2.6): %s → %s', (v, want) => {
    const r = run([a], fromPurl(`pkg:npm/minimist@${v}`));
    expect(r.matches.length > 0 ? 'affected' : r.undecided.length > 0 ? 'undecided' : 'not affected').toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare as semverCompare } from 'semver';
import type { Component } from './components.js';
import { AdvisoryIndex, type Match, type NotEvaluated } from './match.js';
import { parseAdvisory } from './osv/parse.js';
import { packageKey } from './purl.js';
import { matchSboms, parseSbom } from './scan.js';

type Event = Record<string, string>;
function advisory(id: string, ecosystem: string, name: string, ranges: { type?: string; events: Event[] }[], extra: Record<string, unknown> = {}) {
  return parseAdvisory(
    {
      id,
      modified: '2024-01-01T00:00:00Z',
      affected: [{ package: { ecosystem, name }, ranges: ranges.map((r) => ({ type: r.type ?? 'ECOSYSTEM', events: r.events })), ...extra }],
    },
    `${id}.json`,
  );
}
function component(ecosystem: string, name: string, version: string): Component {
  return { sbom: 'bom.json', path: 'components[0]', purl: `pkg:x/${name}@${version}`, ecosystem, name, key: packageKey(ecosystem, name), version };
}
function run(adv: ReturnType<typeof advisory>[], c: Component): { matches: Match[]; undecided: NotEvaluated[] } {
  const matches: Match[] = [];
  const undecided: NotEvaluated[] = [];
  new AdvisoryIndex(adv).evaluate(c, matches, undecided);
  return { matches, undecided };
}
const affects = (adv: ReturnType<typeof advisory>, eco: string, name: string, v: string): boolean => run([adv], component(eco, name, v)).matches.length > 0;

describe('OSV range evaluation (schema "Evaluation")', () => {
  const introducedFixed = advisory('A-1', 'Maven', 'g:a', [{ events: [{ introduced: '2.4' }, { fixed: '2.12.2' }] }]);
  it.each([
    ['2.3.9', false],
    ['2.4', true], // introduced is inclusive
    ['2.4.0', true], // = 2.4 in Maven
    ['2.12.1', true],
    ['2.12.2-rc1', true], // a prerelease of the fix sorts below it
    ['2.12.2', false], // fixed is exclusive
    ['2.12.2.RELEASE', false], // = 2.12.2
    ['2.13.0', false],
  ])('[introduced 2.4, fixed 2.12.2): %s → %s', (v, want) => expect(affects(introducedFixed, 'Maven', 'g:a', v)).toBe(want));

  const lastAffected = advisory('A-2', 'Maven', 'log4j:log4j', [{ events: [{ introduced: '0' }, { last_affected: '1.2.17' }] }]);
  it.each([
    ['1.0', true],
    ['1.2.17', true], // last_affected is inclusive
    ['1.2.17.1', false],
    ['1.2.18', false],
  ])('[0, last_affected 1.2.17]: %s → %s', (v, want) => expect(affects(lastAffected, 'Maven', 'log4j:log4j', v)).toBe(want));

  it('"0" sorts before every version, even ones that parse below "0"', () => {
    const a = advisory('A-3', 'Maven', 'g:a', [{ events: [{ introduced: '0' }, { fixed: '1.0' }] }]);
    expect(affects(a, 'Maven', 'g:a', '0-alpha')).toBe(true);
    expect(affects(a, 'Maven', 'g:a', '0.0.1')).toBe(true);
  });

  it('an introduced-only range is open-ended, and reports the non-normative hint', () => {
    const a = advisory('A-4', 'Maven', 'log4j:log4j', [{ events: [{ introduced: '1.2.0' }] }], {
      database_specific: { last_known_affected_version_range: '<= 1.2.17' },
    });
    const { matches } = run([a], component('Maven', 'log4j:log4j', '9.9'));
    expect(matches).toHaveLength(1); // the hint is not applied
    expect(matches[0]!.fixed).toBeUndefined();
    expect(matches[0]!.detail.openEnded).toBe(true);
    expect(matches[0]!.detail.upperBoundHint).toBe('<= 1.2.17');
    expect(affects(a, 'Maven', 'log4j:log4j', '1.1')).toBe(false);
  });

  it('walks events sorted by version, whatever their order in the record', () => {
    const a = advisory('A-5', 'npm', 'p', [{ events: [{ fixed: '3.0.0' }, { introduced: '2.0.0' }, { fixed: '1.5.0' }, { introduced: '0' }] }]);
    expect(['0.1.0', '1.4.9', '2.0.0', '2.9.9'].map((v) => affects(a, 'npm', 'p', v))).toEqual([true, true, true, true]);
    expect(['1.5.0', '1.9.9', '3.0.0'].map((v) => affects(a, 'npm', 'p', v))).toEqual([false, false, false]);
    const { matches } = run([a], component('npm', 'p', '2.5.0'));
    expect(matches[0]!.fixed).toBe('3.0.0'); // the fix of the stretch the version sits in
  });

  it('limit events bound a range from above (v < some limit)', () => {
    const a = advisory('A-6', 'npm', 'p', [{ events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }]);
    expect(affects(a, 'npm', 'p', '1.9.9')).toBe(true);
    expect(affects(a, 'npm', 'p', '2.0.0')).toBe(false);
    const star = advisory('A-7', 'npm', 'p', [{ events: [{ introduced: '1.0.0' }, { limit: '*' }] }]);
    expect(affects(star, 'npm', 'p', '99.0.0')).toBe(true);
  });

  it('npm: prereleases are ordered, not excluded as npm ranges would', () => {
    const a = advisory('A-8', 'npm', 'p', [{ events: [{ introduced: '0' }, { fixed: '1.3.0' }] }]);
    expect(affects(a, 'npm', 'p', '1.3.0-beta.1')).toBe(true);
    const b = advisory('A-9', 'npm', 'p', [{ events: [{ introduced: '1.3.0' }] }]);
    expect(affects(b, 'npm', 'p', '1.3.0-beta.1')).toBe(false);
  });

  it('versions[] counts on its own, also with ranges that do not match', () => {
    const a = advisory('A-10', 'npm', 'ua-parser-js', [{ events: [{ introduced: '0.7.29' }, { fixed: '0.7.30' }] }], { versions: ['0.7.29', '0.6.0'] });
    expect(affects(a, 'npm', 'ua-parser-js', '0.6.0')).toBe(true);
    expect(affects(a, 'npm', 'ua-parser-js', '0.7.28')).toBe(false);
    const { matches } = run([a], component('npm', 'ua-parser-js', '0.6.0'));
    expect(matches[0]!.fixed).toBeUndefined(); // a versions[] hit gives no fixed version
    expect(matches[0]!.detail.listed).toBe(true);
  });

  it('versions[] compares with the ecosystem order (Maven 1.0 = 1.0.0, NuGet 7.0.1 = 7.0.1.0), or exactly when there is none', () => {
    const a = advisory('A-11', 'Maven', 'g:a', [], { versions: ['1.0'] });
    expect(affects(a, 'Maven', 'g:a', '1.0.0')).toBe(true);
    const nuget = advisory('A-12', 'NuGet', 'Newtonsoft.Json', [], { versions: ['7.0.1'] });
    expect(affects(nuget, 'NuGet', 'Newtonsoft.Json', '7.0.1')).toBe(true);
    expect(affects(nuget, 'NuGet', 'Newtonsoft.Json', '7.0.1.0')).toBe(true);
    const hackage = advisory('A-14', 'Hackage', 'aeson', [], { versions: ['2.0.1'] });
    expect(affects(hackage, 'Hackage', 'aeson', '2.0.1')).toBe(true);
    expect(run([hackage], component('Hackage', 'aeson', '2.0.1.0')).undecided).toHaveLength(1); // not "not affected"
    const gem = advisory('A-13', 'RubyGems', 'rails', [{ events: [{ introduced: '7.0.0' }, { fixed: '7.0.4.3' }] }]);
    expect(['7.0.0.rc1', '7.0.0', '7.0.4.2', '7.0.4.3', '7.0.4.3.1'].map((v) => affects(gem, 'RubyGems', 'rails', v))).toEqual([false, true, true, false, false]);
  });

  it('several affected[] entries for one package are a union (one match per advisory)', () => {
    const a = parseAdvisory(
      {
        id: 'GHSA-union',
        modified: '2024-01-01T00:00:00Z',
        affected: [
          { package: { ecosystem: 'Maven', name: 'g:a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.3.1' }] }] },
          { package: { ecosystem: 'Maven', name: 'g:a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.4' }, { fixed: '2.12.2' }] }] },
          { package: { ecosystem: 'Maven', name: 'g:a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.13.0' }, { fixed: '2.15.0' }] }] },
        ],
      },
      'x.json',
    );
    const hit = (v: string) => run([a], component('Maven', 'g:a', v)).matches;
    expect(hit('2.3.0')).toHaveLength(1);
    expect(hit('2.3.1')).toHaveLength(0);
    expect(hit('2.3.2')).toHaveLength(0); // in the gap between 2.3.1 and 2.4
    expect(hit('2.12.1')[0]!.fixed).toBe('2.12.2');
    expect(hit('2.12.2')).toHaveLength(0);
    expect(hit('2.14.1')[0]!.fixed).toBe('2.15.0');
    expect(hit('2.15.0')).toHaveLength(0);
  });

  it('Debian: an epoch given as a purl qualifier (Trivy) takes part in the dpkg order', () => {
    const bom = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [{ name: 'bsdutils', version: '1:2.33.1-0.1', purl: 'pkg:deb/debian/bsdutils@2.33.1-0.1?arch=amd64&distro=debian-10.13&epoch=1' }],
    });
    const sbom = parseSbom(bom, 'trivy.cdx.json');
    const epoch1 = advisory('DSA-X', 'Debian:10', 'bsdutils', [{ events: [{ introduced: '0' }, { fixed: '1:2.33.1-0.2' }] }]);
    const epoch0 = advisory('DSA-Y', 'Debian:10', 'bsdutils', [{ events: [{ introduced: '0' }, { fixed: '2.34-0.1' }] }]);
    const r = matchSboms([sbom], [epoch1, epoch0]);
    expect(r.matches.map((m) => [m.advisory, m.version, m.fixed])).toEqual([['DSA-X', '1:2.33.1-0.1', '1:2.33.1-0.2']]); // 1:2.33 is above 0:2.34
  });

  it('SEMVER ranges use SemVer in any ecosystem; Go versions keep their v', () => {
    const a = advisory('GO-1', 'Go', 'golang.org/x/sys', [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.1.0' }] }]);
    expect(affects(a, 'Go', 'golang.org/x/sys', 'v0.0.0-20210817142637-7d9622a276b7')).toBe(true);
    expect(affects(a, 'Go', 'golang.org/x/sys', 'v0.1.0')).toBe(false);
    const nuget = advisory('R-1', 'NuGet', 'Pkg', [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.2.3' }] }]);
    expect(affects(nuget, 'NuGet', 'Pkg', '2.1.0')).toBe(true);
  });

  it('reports what it cannot decide instead of guessing', () => {
    const git = advisory('G-1', 'npm', 'p', [{ type: 'GIT', events: [{ introduced: 'abc123' }, { fixed: 'def456' }] }]);
    expect(run([git], component('npm', 'p', '1.0.0')).undecided[0]!.reason).toMatch(/GIT/);
    const hackage = advisory('R-2', 'Hackage', 'pkg', [{ events: [{ introduced: '0' }, { fixed: '2.2.3' }] }]);
    expect(run([hackage], component('Hackage', 'pkg', '2.1.0')).undecided[0]!.reason).toMatch(/no Hackage version order/);
    const py = advisory('P-1', 'PyPI', 'pkg', [{ events: [{ introduced: '0' }, { fixed: '2.0' }] }]);
    const r = run([py], component('PyPI', 'pkg', '2004d'));
    expect(r.matches).toEqual([]);
    expect(r.undecided[0]!.reason).toMatch(/"2004d" is not valid for PEP 440/);
    const badEvent = advisory('N-1', 'npm', 'p', [{ events: [{ introduced: '0' }, { fixed: 'not-a-version' }] }]);
    expect(run([badEvent], component('npm', 'p', '1.0.0')).undecided[0]!.reason).toMatch(/not-a-version/);
  });

  it('treats huge or odd component versions as undecided, quickly, in every order', () => {
    const t = performance.now();
    for (const [eco, name] of [['Maven', 'g:a'], ['npm', 'p'], ['PyPI', 'p'], ['Go', 'm'], ['Debian:9', 'd']] as const) {
      const a = advisory(`H-${eco}`, eco, name, [{ type: eco === 'Go' ? 'SEMVER' : 'ECOSYSTEM', events: [{ introduced: '0' }] }]);
      // Maven reads every string as a version, so only over-long ones are undecided there
      const odd = eco === 'Maven' ? [] : ['\u0000', ' '];
      for (const v of ['1.'.repeat(500_000), '-'.repeat(300), ...odd]) {
        const r = run([a], component(eco, name, v));
        expect(r.matches).toEqual([]);
        expect(r.undecided).toHaveLength(1);
      }
    }
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('matches names the way each registry does', () => {
    const py = advisory('P-2', 'PyPI', 'PyYAML', [{ events: [{ introduced: '0' }, { fixed: '5.4' }] }]);
    expect(affects(py, 'PyPI', 'pyyaml', '5.3.1')).toBe(true);
    expect(affects(py, 'PyPI', 'py-yaml', '5.3.1')).toBe(false);
    const npm = advisory('N-2', 'npm', 'JSONStream', [{ events: [{ introduced: '0' }, { fixed: '1.0.0' }] }]);
    expect(affects(npm, 'npm', 'jsonstream', '0.9.0')).toBe(true);
    const mvn = advisory('M-1', 'Maven', 'org.apache.logging.log4j:log4j-core', [{ events: [{ introduced: '0' }, { fixed: '2.15.0' }] }]);
    expect(affects(mvn, 'Maven', 'org.apache.logging.log4j:log4j-api', '2.10.0')).toBe(false);
    expect(affects(mvn, 'npm', 'org.apache.logging.log4j:log4j-core', '2.10.0')).toBe(false);
  });

  it('takes severity from database_specific, else from the CVSS vector, else UNKNOWN', () => {
    const base = { id: 'S', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'p' }, versions: ['1.0.0'] }] };
    const sev = (extra: object) => run([parseAdvisory({ ...base, ...extra }, 's.json')], component('npm', 'p', '1.0.0')).matches[0]!.severity;
    expect(sev({ database_specific: { severity: 'moderate' } })).toBe('MODERATE');
    expect(sev({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] })).toBe('CRITICAL');
    expect(sev({ severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }] })).toBe('UNKNOWN');
    expect(sev({})).toBe('UNKNOWN');
  });

  it('a database word outside the known levels does not hide a CVSS score that would block; alone it stays as given', () => {
    const base = { id: 'S', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'p' }, versions: ['1.0.0'] }] };
    const sev = (extra: object) => run([parseAdvisory({ ...base, ...extra }, 's.json')], component('npm', 'p', '1.0.0')).matches[0]!.severity;
    const critical = { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] };
    expect(sev({ database_specific: { severity: 'important' }, ...critical })).toBe('CRITICAL');
    expect(sev({ database_specific: { severity: 'important' } })).toBe('IMPORTANT');
    // a known word still wins over the vector
    expect(sev({ database_specific: { severity: 'low' }, ...critical })).toBe('LOW');
  });
});

describe('one match per vulnerability (aliases)', () => {
  const sbom = (purls: string[]) => parseSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: purls.map((purl) => ({ purl })) }), 'bom.json');
  const record = (id: string, aliases: string[], events: Event[], extra: Record<string, unknown> = {}) =>
    parseAdvisory(
      { id, aliases, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events }] }], ...extra },
      `${id}.json`,
    );
  const log4j = (v: string) => `pkg:maven/org.apache.logging.log4j/log4j-core@${v}?type=jar`;

  it('merges a GHSA record and the CVE record it names into one match', () => {
    const ghsa = record('GHSA-jfh8-c2jp-5v3q', ['CVE-2021-44228'], [{ introduced: '2.13.0' }, { fixed: '2.15.0' }], { database_specific: { severity: 'CRITICAL' } });
    const cve = record('CVE-2021-44228', ['GHSA-jfh8-c2jp-5v3q'], [{ introduced: '2.13.0' }, { fixed: '2.15.0' }]);
    const other = record('GHSA-7rjr-3q55-vv33', ['CVE-2021-45046'], [{ introduced: '2.13.0' }, { fixed: '2.16.0' }]);
    const { matches } = matchSboms([sbom([log4j('2.14.1')])], [ghsa, cve, other]);
    expect(matches.map((m) => [m.advisory, m.aliases, m.severity, m.fixed])).toEqual([
      ['CVE-2021-44228', ['GHSA-jfh8-c2jp-5v3q'], 'CRITICAL', '2.15.0'],
      ['GHSA-7rjr-3q55-vv33', ['CVE-2021-45046'], 'UNKNOWN', '2.16.0'],
    ]);
  });

  it('joins records that only share an alias, and keeps fixed only when every record has one', () => {
    const a = record('GHSA-aaaa', ['CVE-2000-1'], [{ introduced: '0' }, { fixed: '2.3.1' }]);
    const b = record('PYSEC-bbbb', ['CVE-2000-1'], [{ introduced: '0' }, { fixed: '2.3.2' }]);
    const c = record('OSV-cccc', ['CVE-2000-1'], [{ introduced: '0' }]);
    expect(matchSboms([sbom([log4j('2.3.0')])], [a, b]).matches.map((m) => [m.advisory, m.aliases, m.fixed])).toEqual([['GHSA-aaaa', ['CVE-2000-1', 'PYSEC-bbbb'], '2.3.2']]);
    expect(matchSboms([sbom([log4j('2.3.0')])], [a, b, c]).matches.map((m) => [m.advisory, m.fixed])).toEqual([['GHSA-aaaa', undefined]]);
  });
});

describe('fixed is a version that leaves every matched range', () => {
  const twoEntries = (second: Record<string, unknown>) =>
    parseAdvisory(
      {
        id: 'F-1',
        modified: '2024-01-01T00:00:00Z',
        affected: [
          { package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }, { introduced: '2.5.0' }, { fixed: '4.0.0' }] }] },
          { package: { ecosystem: 'npm', name: 'p' }, ...second },
        ],
      },
      'f.json',
    );
  it('skips a fix that falls in another stretch of the advisory', () => {
    const a = twoEntries({ ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { fixed: '3.0.0' }] }] });
    // 1.5.0 is in [0, 2.0.0) and [1.0.0, 3.0.0); 3.0.0 is still in [2.5.0, 4.0.0)
    expect(run([a], component('npm', 'p', '3.0.0')).matches).toHaveLength(1);
    expect(run([a], component('npm', 'p', '1.5.0')).matches[0]!.fixed).toBe('4.0.0');
  });
  it('gives no fix when the candidate is listed in versions[] or sits in an open range', () => {
    const listed = twoEntries({ versions: ['3.0.0'], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { fixed: '3.0.0' }] }] });
    expect(run([listed], component('npm', 'p', '1.5.0')).matches[0]!.fixed).toBeUndefined();
    const open = twoEntries({ ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { fixed: '2.0.0' }, { introduced: '2.0.0' }] }] });
    expect(run([open], component('npm', 'p', '1.5.0')).matches[0]!.fixed).toBeUndefined();
  });
});

describe('GIT ranges', () => {
  const pysec = (extra: Record<string, unknown>) =>
    parseAdvisory(
      {
        id: 'PYSEC-2000-1',
        modified: '2024-01-01T00:00:00Z',
        affected: [{ package: { ecosystem: 'PyPI', name: 'p' }, ranges: [{ type: 'GIT', repo: 'https://example.com/p', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] }], ...extra }],
      },
      'p.json',
    );
  it('are left aside when the entry also has versions[] or a version range: an unaffected version is not undecided', () => {
    const withRange = pysec({ versions: ['1.0', '1.1'] });
    expect(run([withRange], component('PyPI', 'p', '1.1')).matches).toHaveLength(1);
    expect(run([withRange], component('PyPI', 'p', '1.3'))).toEqual({ matches: [], undecided: [] });
    const a = parseAdvisory(
      {
        id: 'PYSEC-2000-2',
        modified: '2024-01-01T00:00:00Z',
        affected: [
          {
            package: { ecosystem: 'PyPI', name: 'p' },
            ranges: [
              { type: 'GIT', repo: 'https://example.com/p', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] },
              { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2' }] },
            ],
          },
        ],
      },
      'p.json',
    );
    expect(run([a], component('PyPI', 'p', '1.1')).matches[0]!.fixed).toBe('1.2');
    expect(run([a], component('PyPI', 'p', '1.3'))).toEqual({ matches: [], undecided: [] });
  });
  it('stay undecided when nothing else in the entry speaks of versions', () => {
    expect(run([pysec({})], component('PyPI', 'p', '1.3')).undecided[0]!.reason).toMatch(/GIT/);
  });
});

describe('Log4j CVE-2021-44832 branches (fixed 2.17.1, 2.12.4, 2.3.2; vuln-sbom.md §9, hand-made record)', () => {
  const a = parseAdvisory(
    {
      id: 'GHSA-8489-44mv-ggj8',
      aliases: ['CVE-2021-44832'],
      modified: '2024-01-01T00:00:00Z',
      affected: [
        { package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.13.0' }, { fixed: '2.17.1' }] }] },
        { package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.4' }, { fixed: '2.12.4' }] }] },
        { package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0-beta7' }, { fixed: '2.3.2' }] }] },
      ],
    },
    'g.json',
  );
  it.each([
    ['2.0-beta6', undefined],
    ['2.0-beta7', '2.3.2'],
    ['2.3.1', '2.3.2'],
    ['2.3.2', undefined],
    ['2.4.0', '2.12.4'],
    ['2.12.3', '2.12.4'],
    ['2.12.4', undefined],
    ['2.14.1', '2.17.1'],
    ['2.17.0', '2.17.1'],
    ['2.17.1', undefined],
    ['2.17.1-rc1', '2.17.1'],
  ])('log4j-core %s → fixed %s', (v, fixed) => {
    const { matches } = run([a], component('Maven', 'org.apache.logging.log4j:log4j-core', v));
    expect(matches.map((m) => m.fixed)).toEqual(fixed === undefined ? [] : [fixed]);
  });
});

describe('range evaluation properties (npm order)', () => {
  const version = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('', '-rc.1')).map(([a, b, p]) => `${a}.${b}.0${p}`);
  const event = fc.oneof(
    fc.record({ introduced: fc.oneof(version, fc.constant('0')) }),
    fc.record({ fixed: version }),
    fc.record({ last_affected: version }),
  );
  const entry = fc.record({ events: fc.array(event, { minLength: 1, maxLength: 5 }) });
  const rec = fc.array(entry, { minLength: 1, maxLength: 3 }).map((entries) =>
    parseAdvisory({ id: 'P', modified: '2024-01-01T00:00:00Z', affected: entries.map((e) => ({ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'ECOSYSTEM', events: e.events }] })) }, 'p.json'),
  );
  /** The schema's pseudocode, written out naively (sorted events, "0" first). */
  const reference = (adv: ReturnType<typeof parseAdvisory>, v: string): boolean =>
    adv.affected.some((e) =>
      e.ranges.some((r) => {
        const key = (x: string) => (x === '0' ? -1 : 0);
        const events = [...r.events].sort((x, y) => key(x.version) - key(y.version) || (x.version === '0' || y.version === '0' ? 0 : semverCompare(x.version, y.version)));
        let vulnerable = false;
        for (const ev of events) {
          if (ev.kind === 'introduced' && (ev.version === '0' || semverCompare(v, ev.version) >= 0)) vulnerable = true;
          else if (ev.kind === 'fixed' && semverCompare(v, ev.version) >= 0) vulnerable = false;
          else if (ev.kind === 'last_affected' && semverCompare(v, ev.version) > 0) vulnerable = false;
        }
        return vulnerable;
      }),
    );
  it('agrees with the schema pseudocode, and a reported fix is above the version and not affected', () => {
    fc.assert(
      fc.property(rec, version, (adv, v) => {
        const hit = run([adv], component('npm', 'p', v)).matches;
        expect(hit.length > 0).toBe(reference(adv, v));
        const fixed = hit[0]?.fixed;
        if (fixed !== undefined) {
          expect(semverCompare(fixed, v)).toBeGreaterThan(0);
          expect(reference(adv, fixed)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

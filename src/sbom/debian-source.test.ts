import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../testing/shared.js';
import { parseAdvisory } from './osv/parse.js';
import { matchSboms, parseSbom } from './scan.js';

/** A Debian OSV record as DSA/DLA records are written: the source package, source versions. */
const dsa = (id: string, name: string, fixed: string) =>
  parseAdvisory(
    {
      id,
      modified: '2024-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'Debian:9', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
      database_specific: { severity: 'HIGH' },
    },
    `${id}.json`,
  );

describe('Debian advisories name source packages: binary packages of an SBOM match through their source', () => {
  it('syft SBOM of postgres:11.15-stretch: bsdutils (util-linux, its binary epoch 1: not in the source version) and dirmngr (gnupg2) match their source advisories', () => {
    const file = sharedPath('data', 'sbom', 'postgres-11.15-stretch.syft.cdx.xml');
    const sbom = parseSbom(readFileSync(file, 'utf8'), 'postgres.cdx.xml');
    const report = matchSboms([sbom], [dsa('DLA-TEST-1', 'util-linux', '2.29.2-1+deb9u2'), dsa('DLA-TEST-2', 'gnupg2', '2.1.18-8~deb9u5')]);
    const hits = report.matches.map((m) => [m.advisory, m.component.replace(/\?.*/, ''), m.version]);
    // every binary package built from util-linux / gnupg2 in the image, each at its source version
    expect(hits).toContainEqual(['DLA-TEST-1', 'pkg:deb/debian/bsdutils@1:2.29.2-1+deb9u1', '2.29.2-1+deb9u1']);
    expect(hits).toContainEqual(['DLA-TEST-2', 'pkg:deb/debian/dirmngr@2.1.18-8~deb9u4', '2.1.18-8~deb9u4']);
    expect(hits.filter(([a]) => a === 'DLA-TEST-1').length).toBeGreaterThan(1);
    // the fixed source version is not affected
    const fixed = matchSboms([sbom], [dsa('DLA-TEST-3', 'util-linux', '2.29.2-1+deb9u1')]);
    expect(fixed.matches).toEqual([]);
  });
});

describe('Trivy CycloneDX: the source package is in the component properties', () => {
  const component = (purl: string, props: Record<string, string>) => ({
    type: 'library',
    name: purl.replace(/^.*\/|@.*$/g, ''),
    purl,
    properties: Object.entries(props).map(([k, v]) => ({ name: `aquasecurity:trivy:${k}`, value: v })),
  });
  const bom = JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    components: [
      component('pkg:deb/debian/bsdutils@2.33.1-0.1?arch=amd64&distro=debian-10.13&epoch=1', { PkgType: 'debian', SrcName: 'util-linux', SrcVersion: '2.33.1', SrcRelease: '0.1' }),
      component('pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb10u3?arch=amd64&distro=debian-10.13', { SrcName: 'openssl', SrcVersion: '1.1.1n', SrcRelease: '0+deb10u3' }),
      component('pkg:deb/debian/libgcrypt20@1.8.4-5%2Bdeb10u1?distro=debian-10.13', { SrcName: 'libgcrypt20', SrcEpoch: '2', SrcVersion: '1.8.4', SrcRelease: '5+deb10u1' }),
      component('pkg:npm/lodash@4.17.20', { SrcName: 'not-debian' }),
    ],
  });
  const adv = (id: string, ecosystem: string, name: string, fixed: string) =>
    parseAdvisory({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }] }, `${id}.json`);

  it('binary packages match the DSA of their source, at the source version (epoch included)', () => {
    const sbom = parseSbom(bom, 'trivy.cdx.json');
    const report = matchSboms(
      [sbom],
      [
        adv('DSA-T1', 'Debian:10', 'util-linux', '2.33.1-0.1+deb10u1'),
        adv('DSA-T2', 'Debian:10', 'openssl', '1.1.1n-0+deb10u4'),
        adv('DSA-T3', 'Debian:10', 'libgcrypt20', '2:1.8.4-5+deb10u2'),
        adv('GHSA-T4', 'npm', 'lodash', '4.17.21'),
      ],
    );
    expect(report.matches.map((m) => [m.advisory, m.version])).toEqual([
      ['DSA-T1', '2.33.1-0.1'],
      ['DSA-T3', '2:1.8.4-5+deb10u1'],
      ['DSA-T2', '1.1.1n-0+deb10u3'],
      ['GHSA-T4', '4.17.20'],
    ]);
  });
});

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

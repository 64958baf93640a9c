import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { sharedPath } from '../../testing/shared.js';
import { displayWidth, overflowingLines } from '../render/text.js';

const osv = sharedPath('data', 'osv');
const sbom = (f: string) => sharedPath('data', 'sbom', f);

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(['sbom', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('datacustoms sbom', () => {
  it('prints exactly {"matches":[…]} with the documented keys, in a stable order', async () => {
    const { code, out } = await run(sbom('cern-lhc-vdm-editor-e564943.cdx.json'), '--advisories', osv, '--format', 'json');
    expect(code).toBe(1); // GHSA-xvch is CRITICAL ≥ high
    const doc = JSON.parse(out) as { matches: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['matches']);
    expect(doc.matches).toEqual([
      { sbom: sbom('cern-lhc-vdm-editor-e564943.cdx.json'), component: 'pkg:npm/minimist@0.0.8', version: '0.0.8', advisory: 'GHSA-vh95-rmgr-6w4m', aliases: ['CVE-2020-7598'], severity: 'MODERATE', fixed: '0.2.1' },
      { sbom: sbom('cern-lhc-vdm-editor-e564943.cdx.json'), component: 'pkg:npm/minimist@0.0.8', version: '0.0.8', advisory: 'GHSA-xvch-5gv4-984h', aliases: ['CVE-2021-44906'], severity: 'CRITICAL', fixed: '0.2.4' },
    ]);
    expect(Object.keys(doc.matches[0]!)).toEqual(['sbom', 'component', 'version', 'advisory', 'aliases', 'severity', 'fixed']);
    const again = await run(sbom('cern-lhc-vdm-editor-e564943.cdx.json'), '--advisories', osv, '--format', 'json');
    expect(again.out).toBe(out);
  });

  it('omits fixed when no fix is known', async () => {
    const { out } = await run(sbom('keycloak-10.0.2.cdx.json'), '-a', osv, '--format', 'json');
    const log4j = (JSON.parse(out) as { matches: { component: string; fixed?: string }[] }).matches.filter((m) => m.component.startsWith('pkg:maven/log4j/log4j@'));
    expect(log4j).toHaveLength(2);
    for (const m of log4j) expect('fixed' in m).toBe(false);
  });

  it('exits by --fail-on: 1 at or above the threshold, 0 below it', async () => {
    const dropwizard = sbom('dropwizard-1.3.15.cdx.json'); // HIGH and MODERATE matches only
    expect((await run(dropwizard, '-a', osv)).code).toBe(1);
    expect((await run(dropwizard, '-a', osv, '--fail-on', 'critical')).code).toBe(0);
    expect((await run(dropwizard, '-a', osv, '--fail-on', 'never')).code).toBe(0);
    expect((await run(sbom('trivy-centos-7.cdx.json'), '-a', osv, '--fail-on', 'any')).code).toBe(0); // no match at all
    expect((await run(dropwizard, '-a', osv, '--fail-on', 'severe')).code).toBe(2);
  });

  it('text: grouped by severity, CRITICAL first, with the not-evaluated components listed', async () => {
    const { out } = await run(sbom('juice-shop-11.1.2.cdx.json'), sbom('trivy-centos-7.cdx.json'), '-a', osv);
    const critical = out.indexOf('CRITICAL (3)');
    const high = out.indexOf('HIGH (2)');
    expect(critical).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(critical);
    expect(out).toContain('GHSA-jf85-cpcp-j695');
    expect(out).toMatch(/rpm\s+2\s+purl type "rpm" has no OSV ecosystem/);
    expect(out).toMatch(/5 matches \(3 critical, 2 high\); 5 at or above --fail-on high/);
    expect(out).not.toMatch(/\u001b\[/); // no colour when not a terminal
  });

  it('text: components not looked up are counted per purl type and reason, each reason true of its count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-cli-'));
    const f = join(dir, 'mixed.cdx.json');
    const components = [
      { name: 'pcre3', purl: 'pkg:deb/ubuntu/pcre3@8.39?distro=focal' },
      { name: 'curl', purl: 'pkg:deb/debian/curl@7.64.0' },
      { name: 'zlib', purl: 'pkg:deb/debian/zlib@1.2.11' },
    ];
    writeFileSync(f, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components }));
    const { code, out } = await run(f, '-a', osv);
    expect(code).toBe(0);
    expect(out).toMatch(/3 components not looked up:/);
    expect(out).toMatch(/deb\s+2\s+Debian release unknown/);
    expect(out).toMatch(/deb\s+1\s+Ubuntu release names are not mapped/);
  });

  it('text fits 80 columns off a terminal: every advisory, alias, version, fix, component and SBOM whole', async () => {
    const files = ['cern-lhc-vdm-editor-e564943.cdx.json', 'dropwizard-1.3.15.cdx.json', 'juice-shop-11.1.2.cdx.json', 'keycloak-10.0.2.cdx.json', 'trivy-centos-7.cdx.json', 'scalibr-ubuntu-pcre3.spdx.json'].map(sbom);
    const { out } = await run(...files, '-a', osv);
    // only a line holding a lone purl or path may be longer (nothing is cut)
    expect(overflowingLines(out, 80)).toEqual([]);
    const lines = out.split('\n');
    expect(lines.filter((l) => displayWidth(l) > 80).every((l) => /^ {6}\S+$/.test(l))).toBe(true);
    const { matches } = JSON.parse((await run(...files, '-a', osv, '--format', 'json')).out) as { matches: { sbom: string; component: string; version: string; advisory: string; aliases: string[]; fixed?: string }[] };
    expect(matches.length).toBeGreaterThan(20);
    for (const m of matches) {
      // the row, then its component and SBOM on lines of their own
      const row = lines.findIndex(
        (l, i) => l.startsWith(`  ${m.advisory}  `) && l.includes(`  ${m.version}  `) && lines[i + 1] === `      ${m.component}` && lines[i + 2] === `      ${m.sbom}`,
      );
      expect(row, `${m.advisory} ${m.component}`).toBeGreaterThan(0);
      expect(lines[row]).toContain(m.aliases.join(', '));
      if (m.fixed) expect(lines[row]).toMatch(new RegExp(`  ${m.fixed.replace(/\./g, '\\.')}$`));
    }
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    expect(squeeze(out)).toContain(squeeze('GHSA-fp5r-v3w9-4333 on pkg:maven/log4j/log4j@1.2.17?type=jar: the range has no upper bound in the OSV data; the advisory\'s non-normative database_specific says "<= 1.2.17" (shown, not applied).'));
    expect(squeeze(out)).toContain(squeeze('deb 1 Ubuntu release names are not mapped to OSV ecosystems (Ubuntu:20.04:LTS)'));
    // a reason that wraps keeps the count column in line with the other rows
    expect(out).toMatch(/\n {4}deb {6}1 {2}Ubuntu release names/);
    expect(out).toMatch(/\n {4}rpm {6}2 {2}purl type "rpm" has no OSV ecosystem/);
  });

  it('text: an undecided pair with a long purl puts the purl and the reason below the advisory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-cli-'));
    const advisory = {
      id: 'GHSA-gitr-ange-test',
      modified: '2024-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'npm', name: '@example-organization/a-rather-long-package-name' }, ranges: [{ type: 'GIT', repo: 'https://github.com/example/x', events: [{ introduced: '0' }, { fixed: 'abcdef0123456789abcdef0123456789abcdef01' }] }] }],
    };
    writeFileSync(join(dir, 'advisory.json'), JSON.stringify(advisory));
    const purl = 'pkg:npm/%40example-organization/a-rather-long-package-name@1.2.3';
    writeFileSync(join(dir, 'bom.cdx.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: 'a-rather-long-package-name', purl }] }));
    const { out } = await run(join(dir, 'bom.cdx.json'), '-a', join(dir, 'advisory.json'));
    expect(out.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    expect(out).toContain(`    GHSA-gitr-ange-test\n      ${purl}\n      GIT range (commit hashes need the repository history)\n`);
  });

  it('text fits the terminal width on a terminal: at 240 columns each match is one row', async () => {
    const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 240, configurable: true, writable: true });
    try {
      const io = { ...memoryIo(), isTTY: true };
      await main(['sbom', sbom('dropwizard-1.3.15.cdx.json'), '-a', osv], io);
      const plain = io.stdout().replace(/\u001b\[[0-9;]*m/g, '');
      expect(plain).toMatch(/GHSA-57j2-w4cx-62h2 +CVE-2020-36518 +2\.9\.10 +2\.12\.6\.1 +pkg:maven\/com\.fasterxml\.jackson\.core\/jackson-databind@2\.9\.10\?type=jar +\S*dropwizard-1\.3\.15\.cdx\.json\n/);
    } finally {
      if (before) Object.defineProperty(process.stdout, 'columns', before);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  it('bad input: exit 2, the file and field named, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-cli-'));
    const bad = join(dir, 'bad.cdx.json');
    writeFileSync(bad, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ purl: 'pkg:npm/ok@1.0.0' }, { purl: 'pkg:/nope' }] }));
    const r = await run(bad, '-a', osv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${bad}:1:96: components[1].purl: malformed purl`);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    const noAdv = await run(bad);
    expect(noAdv.code).toBe(2);
    expect(noAdv.err).toMatch(/--advisories/);
    const badAdv = join(dir, 'adv.json');
    writeFileSync(badAdv, JSON.stringify({ id: 'X', modified: 'y', affected: [{ package: { ecosystem: 'npm' } }] }));
    const r2 = await run(sbom('cern-lhc-vdm-editor-e564943.cdx.json'), '-a', badAdv);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain(`${badAdv}:1:49: affected[0].package.name`); // the package object, where the name is missing
    // a wrong path is named in words, not only by its errno code
    const missing = await run(join(dir, 'nope.cdx.json'), '-a', osv);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${join(dir, 'nope.cdx.json')}: cannot read SBOM: no such file or directory (ENOENT)`);
    const aDir = await run(dir, '-a', osv);
    expect(aDir.code).toBe(2);
    expect(aDir.err).toContain(`${dir}: cannot read SBOM: is a directory, not a file (EISDIR)`);
    expect((await run(bad, '-a', join(dir, 'no-osv'))).err).toContain('cannot read advisories: no such file or directory (ENOENT)');
    const emptyAdv = mkdtempSync(join(tmpdir(), 'sbom-cli-osv-'));
    const r3 = await run(sbom('cern-lhc-vdm-editor-e564943.cdx.json'), '-a', emptyAdv, '--fail-on', 'any');
    expect(r3.code).toBe(2); // not 0: an empty advisory directory proves nothing
    expect(r3.out).toBe('');
    expect(r3.err).toContain(`${emptyAdv}: directory holds no .json or .zip file`);
  });

  it('reads SPDX tag-value (.spdx) SBOMs: the same matches as the CycloneDX JSON of the same packages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-cli-'));
    const tv = join(dir, 'app.spdx');
    writeFileSync(
      tv,
      ['SPDXVersion: SPDX-2.3', 'DataLicense: CC0-1.0', '', 'PackageName: minimist', 'PackageVersion: 0.0.8', 'ExternalRef: PACKAGE-MANAGER purl pkg:npm/minimist@0.0.8', ''].join('\n'),
    );
    const cdxFile = join(dir, 'app.cdx.json');
    writeFileSync(cdxFile, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: 'minimist', version: '0.0.8', purl: 'pkg:npm/minimist@0.0.8' }] }));
    const a = await run(tv, '-a', osv, '--format', 'json');
    const b = await run(cdxFile, '-a', osv, '--format', 'json');
    expect(a.code).toBe(1);
    const ids = (out: string) => (JSON.parse(out) as { matches: { advisory: string }[] }).matches.map((m) => m.advisory);
    expect(ids(a.out)).toEqual(['GHSA-vh95-rmgr-6w4m', 'GHSA-xvch-5gv4-984h']);
    expect(ids(a.out)).toEqual(ids(b.out));
  });

  it('refuses an SBOM whose bytes are not UTF-8 (a Latin-1 é), naming the file, line and byte, exit 2, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-cli-'));
    const doc = '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",\n  "metadata": { "supplier": { "name": "Société" } },\n  "components": []\n}\n';
    const f = join(dir, 'latin1.cdx.json');
    writeFileSync(f, Buffer.from(doc, 'latin1'));
    const r = await run(f, '-a', osv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`latin1\\.cdx\\.json:4: not UTF-8 text: byte 0xE9 \\(offset ${Buffer.from(doc, 'latin1').indexOf(0xe9)}\\)`));
  });

  it('reads an SBOM saved as UTF-16 with a byte-order mark (PowerShell redirection), LE or BE, as UTF-8 would be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-cli-'));
    const doc = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: 'minimist', purl: 'pkg:npm/minimist@0.0.8' }] });
    const le = join(dir, 'le.cdx.json');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]));
    const be = join(dir, 'be.cdx.json');
    writeFileSync(be, Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]).swap16()));
    const utf8 = join(dir, 'u8.cdx.json');
    writeFileSync(utf8, doc);
    const ids = (out: string) => (JSON.parse(out) as { matches: { advisory: string }[] }).matches.map((m) => m.advisory);
    const expected = ids((await run(utf8, '-a', osv, '--format', 'json')).out);
    expect(expected).toEqual(['GHSA-vh95-rmgr-6w4m', 'GHSA-xvch-5gv4-984h']);
    for (const f of [le, be]) {
      const r = await run(f, '-a', osv, '--format', 'json');
      expect(r.err).toBe('');
      expect(ids(r.out)).toEqual(expected);
    }
  });

  it('teaches with examples in --help', async () => {
    const io = memoryIo();
    expect(await main(['sbom', '--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/Examples:/);
    expect(io.stdout()).toMatch(/--fail-on/);
  });

  it.runIf(existsSync('/dev/zero'))('a device as the SBOM or the advisories (/dev/zero never ends) is bad input, not a hang', async () => {
    for (const args of [['/dev/zero', '--advisories', osv], [sbom('dropwizard-1.3.15.cdx.json'), '--advisories', '/dev/zero']]) {
      const r = await run(...args);
      expect([r.code, r.err]).toEqual([2, 'datacustoms: /dev/zero: not a regular file (a device or socket): name a file\n']);
    }
  }, 5000);
});

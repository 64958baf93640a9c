/**
 * Exact agreement with OSV semantics on the real data: every (SBOM, purl, advisory) pair below was
 * written by hand from reading the ranges in shared/data/osv (see the comment on each), and the
 * matcher must produce exactly this set — nothing more, nothing less.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../testing/shared.js';
import { loadAdvisories } from './osv/load.js';
import { matchSboms, readSbomFile } from './scan.js';

type Row = readonly [sbom: string, purl: string, advisory: string, severity: string, fixed: string | null];

const EXPECTED: readonly Row[] = [
  // cern-lhc-vdm-editor: minimist 0.0.8 — in [0, 0.2.1) of GHSA-vh95 and [0, 0.2.4) of GHSA-xvch
  ['cern-lhc-vdm-editor-e564943.cdx.json', 'pkg:npm/minimist@0.0.8', 'GHSA-vh95-rmgr-6w4m', 'MODERATE', '0.2.1'],
  ['cern-lhc-vdm-editor-e564943.cdx.json', 'pkg:npm/minimist@0.0.8', 'GHSA-xvch-5gv4-984h', 'CRITICAL', '0.2.4'],
  // dropwizard: jackson-databind 2.9.10 < 2.12.6.1; snakeyaml 1.23 < 2.0; logback-core 1.2.3 < 1.2.9;
  // commons-text 1.2 is below introduced 1.5 of GHSA-599f → no match
  ['dropwizard-1.3.15.cdx.json', 'pkg:maven/ch.qos.logback/logback-core@1.2.3?type=jar', 'GHSA-668q-qrv7-99fm', 'MODERATE', '1.2.9'],
  ['dropwizard-1.3.15.cdx.json', 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10?type=jar', 'GHSA-57j2-w4cx-62h2', 'HIGH', '2.12.6.1'],
  ['dropwizard-1.3.15.cdx.json', 'pkg:maven/org.yaml/snakeyaml@1.23?type=jar', 'GHSA-mjmj-j48q-9wg2', 'HIGH', '2.0'],
  // juice-shop: lodash 2.4.2 < 4.17.12 (jf85) and < 4.17.21 (35jh); lodash 4.17.19 only < 4.17.21;
  // minimist 0.2.1 = fixed of GHSA-vh95 [0, 0.2.1) → NOT affected by vh95, but in [0, 0.2.4) of xvch;
  // minimist 1.2.5 ≥ fixed 1.2.3 of vh95 [1.0.0, 1.2.3) → not affected, but in [1.0.0, 1.2.6) of xvch
  ['juice-shop-11.1.2.cdx.json', 'pkg:npm/lodash@2.4.2', 'GHSA-35jh-r3h4-6jhm', 'HIGH', '4.17.21'],
  ['juice-shop-11.1.2.cdx.json', 'pkg:npm/lodash@2.4.2', 'GHSA-jf85-cpcp-j695', 'CRITICAL', '4.17.12'],
  ['juice-shop-11.1.2.cdx.json', 'pkg:npm/lodash@4.17.19', 'GHSA-35jh-r3h4-6jhm', 'HIGH', '4.17.21'],
  ['juice-shop-11.1.2.cdx.json', 'pkg:npm/minimist@0.2.1', 'GHSA-xvch-5gv4-984h', 'CRITICAL', '0.2.4'],
  ['juice-shop-11.1.2.cdx.json', 'pkg:npm/minimist@1.2.5', 'GHSA-xvch-5gv4-984h', 'CRITICAL', '1.2.6'],
  // keycloak: log4j 1.2.17 = last_affected of GHSA-65fg → affected (inclusive), no fix;
  // GHSA-fp5r is introduced 1.2.0 with no end in the OSV data (the "<= 1.2.17" is non-normative) → affected, open;
  // log4j-api 2.10.0 / log4j-to-slf4j 2.10.0 are not log4j-core → no Log4Shell match;
  // all Spring 3.2–5.0 .RELEASE versions < 5.2.20.RELEASE; spring-boot-starter-web 1.5.x/2.0.x < 2.5.12;
  // logback-core 1.1.11 and 1.2.3 < 1.2.9; snakeyaml 1.14–1.20 < 2.0; jackson-databind 2.10.1 < 2.12.6.1
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/ch.qos.logback/logback-core@1.1.11?type=jar', 'GHSA-668q-qrv7-99fm', 'MODERATE', '1.2.9'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/ch.qos.logback/logback-core@1.2.3?type=jar', 'GHSA-668q-qrv7-99fm', 'MODERATE', '1.2.9'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.1?type=jar', 'GHSA-57j2-w4cx-62h2', 'HIGH', '2.12.6.1'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/log4j/log4j@1.2.17?type=jar', 'GHSA-65fg-84f6-3jq3', 'CRITICAL', null],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/log4j/log4j@1.2.17?type=jar', 'GHSA-fp5r-v3w9-4333', 'HIGH', null],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework.boot/spring-boot-starter-web@1.5.16.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '2.5.12'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework.boot/spring-boot-starter-web@1.5.20.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '2.5.12'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework.boot/spring-boot-starter-web@2.0.5.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '2.5.12'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-beans@3.2.13.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-beans@4.3.18.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-beans@4.3.19.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-beans@4.3.23.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-beans@5.0.5.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-beans@5.0.9.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-webmvc@4.3.19.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-webmvc@4.3.23.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.springframework/spring-webmvc@5.0.9.RELEASE?type=jar', 'GHSA-36p3-wjmg-h94x', 'CRITICAL', '5.2.20.RELEASE'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.yaml/snakeyaml@1.14?type=jar', 'GHSA-mjmj-j48q-9wg2', 'HIGH', '2.0'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.yaml/snakeyaml@1.17?type=jar', 'GHSA-mjmj-j48q-9wg2', 'HIGH', '2.0'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.yaml/snakeyaml@1.19?type=jar', 'GHSA-mjmj-j48q-9wg2', 'HIGH', '2.0'],
  ['keycloak-10.0.2.cdx.json', 'pkg:maven/org.yaml/snakeyaml@1.20?type=jar', 'GHSA-mjmj-j48q-9wg2', 'HIGH', '2.0'],
  // protonmail: lodash 4.17.19 < 4.17.21; minimist 1.2.5 in [1.0.0, 1.2.6);
  // ua-parser-js 0.7.21 is neither listed (0.7.29, 0.8.0, 1.0.0) nor in a one-version range → no match
  ['protonmail-webclient-v4-0912dff.cdx.json', 'pkg:npm/lodash@4.17.19', 'GHSA-35jh-r3h4-6jhm', 'HIGH', '4.17.21'],
  ['protonmail-webclient-v4-0912dff.cdx.json', 'pkg:npm/minimist@1.2.5', 'GHSA-xvch-5gv4-984h', 'CRITICAL', '1.2.6'],
  // postgres (Debian 9 + Go), trivy (rpm), scalibr (Ubuntu deb): no advisory in the saved set covers them
];

describe('shared/data: SBOMs × OSV advisories', () => {
  const advisories = loadAdvisories([sharedPath('data', 'osv')]);
  const files = readdirSync(sharedPath('data', 'sbom')).filter((f) => !f.endsWith('.md')).sort();
  const report = matchSboms(
    files.map((f) => readSbomFile(sharedPath('data', 'sbom', f))),
    advisories.advisories,
  );
  const short = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

  it('loads all 19 advisories and all 9 SBOMs', () => {
    expect(advisories.advisories).toHaveLength(19);
    expect(report.sboms.map((s) => short(s.file))).toEqual(files);
    expect(files).toHaveLength(9);
  });

  it('finds exactly the hand-derived pairs', () => {
    const got = report.matches.map((m) => [short(m.sbom), m.component, m.advisory, m.severity, m.fixed ?? null]);
    expect(got).toEqual(EXPECTED.map((r) => [...r]));
  });

  it('never matches a version equal to fixed, nor neighbours of the affected package', () => {
    const pairs = new Set(report.matches.map((m) => `${m.component} ${m.advisory}`));
    expect(pairs.has('pkg:npm/minimist@0.2.1 GHSA-vh95-rmgr-6w4m')).toBe(false);
    expect(pairs.has('pkg:npm/minimist@1.2.5 GHSA-vh95-rmgr-6w4m')).toBe(false);
    expect([...pairs].some((p) => p.includes('log4j-api'))).toBe(false);
    expect([...pairs].some((p) => p.includes('commons-text'))).toBe(false);
    expect([...pairs].some((p) => p.includes('ua-parser-js'))).toBe(false);
  });

  it('reads every component, and says which ones it could not look up', () => {
    const bySbom = Object.fromEntries(report.sboms.map((s) => [short(s.file), [s.entries, s.scanned]]));
    expect(bySbom).toMatchObject({
      'cern-lhc-vdm-editor-e564943.cdx.json': [43, 43],
      'dropwizard-1.3.15.cdx.json': [167, 167],
      'juice-shop-11.1.2.cdx.json': [840, 840],
      'keycloak-10.0.2.cdx.json': [903, 903],
      'protonmail-webclient-v4-0912dff.cdx.json': [883, 883],
      'postgres-11.15-stretch.syft.cdx.xml': [137, 135], // 132 Debian:9 + 3 Go looked up; 1 generic and the OS component (no purl) not
      'trivy-centos-7.cdx.json': [3, 0], // 2 rpm (no OSV ecosystem) + the OS component (no purl)
      'trivy-centos-7.spdx.json': [4, 0],
      'scalibr-ubuntu-pcre3.spdx.json': [1, 0], // Ubuntu release name "focal" not mapped
    });
    const groups = report.unscanned.map((u) => u.group).sort();
    expect(groups).toEqual(['deb', 'generic', 'no purl', 'no purl', 'no purl', 'no purl', 'rpm', 'rpm', 'rpm', 'rpm']);
  });
});

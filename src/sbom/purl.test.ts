import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sharedPath } from '../testing/shared.js';
import { osvIdentity, parsePurl, purlIdentity } from './purl.js';

/** The identity through packageurl-js only (the reference for the fast path). */
const reference = (text: string) => {
  try {
    return osvIdentity(parsePurl(text));
  } catch {
    return 'error';
  }
};
const fast = (text: string) => {
  try {
    return purlIdentity(text);
  } catch {
    return 'error';
  }
};

describe('purl → OSV identity', () => {
  it('maps each purl type to its OSV ecosystem and name', () => {
    expect(purlIdentity('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar')).toEqual({ kind: 'package', ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' });
    expect(purlIdentity('pkg:npm/%40Babel/Core@7.0.0')).toMatchObject({ ecosystem: 'npm', name: '@babel/core' });
    expect(purlIdentity('pkg:pypi/Django_REST.framework@3.0')).toMatchObject({ ecosystem: 'PyPI', name: 'django-rest-framework' });
    expect(purlIdentity('pkg:golang/github.com/Sirupsen/logrus@v1.0.0')).toMatchObject({ ecosystem: 'Go', name: 'github.com/Sirupsen/logrus' });
    expect(purlIdentity('pkg:cargo/serde@1.0.0')).toMatchObject({ ecosystem: 'crates.io', name: 'serde' });
    expect(purlIdentity('pkg:composer/laravel/framework@9.0.0')).toMatchObject({ ecosystem: 'Packagist', name: 'laravel/framework' });
    expect(purlIdentity('pkg:deb/debian/libc6@2.24-11%2Bdeb9u4?distro=debian-9.13')).toMatchObject({ ecosystem: 'Debian:9', version: '2.24-11+deb9u4' });
    expect(purlIdentity('pkg:deb/debian/libc6@2.24?distro=bookworm')).toMatchObject({ ecosystem: 'Debian:12' });
    expect(purlIdentity('pkg:apk/alpine/musl@1.2.3-r0?distro=alpine-3.17.2')).toMatchObject({ ecosystem: 'Alpine:v3.17' });
    expect(purlIdentity('pkg:deb/debian/libc6@2.24')).toMatchObject({ kind: 'unsupported' });
    expect(purlIdentity('pkg:deb/ubuntu/pcre3@2%3A8.39-12ubuntu0.1?distro=focal')).toMatchObject({ kind: 'unsupported', type: 'deb' });
    expect(purlIdentity('pkg:rpm/centos/bash@4.2')).toMatchObject({ kind: 'unsupported', type: 'rpm' });
    expect(purlIdentity('pkg:github/actions/checkout@v4')).toMatchObject({ ecosystem: 'GitHub Actions', name: 'actions/checkout' });
  });

  it('a Debian purl takes its dpkg epoch from an epoch qualifier (Trivy) as well as from the version (%3A)', () => {
    expect(purlIdentity('pkg:deb/debian/bsdutils@2.33.1-0.1?arch=amd64&distro=debian-10.13&epoch=1')).toMatchObject({ ecosystem: 'Debian:10', version: '1:2.33.1-0.1' });
    expect(purlIdentity('pkg:deb/debian/pcre3@2%3A8.39-12?distro=debian-10')).toMatchObject({ version: '2:8.39-12' });
    expect(purlIdentity('pkg:deb/debian/pcre3@2%3A8.39-12?distro=debian-10&epoch=2')).toMatchObject({ version: '2:8.39-12' }); // not twice
    expect(purlIdentity('pkg:deb/debian/curl@7.64.0-4?distro=debian-10&epoch=0')).toMatchObject({ version: '0:7.64.0-4' });
    expect(purlIdentity('pkg:deb/debian/curl@7.64.0-4?distro=debian-10&epoch=x')).toMatchObject({ version: '7.64.0-4' });
    expect(purlIdentity('pkg:deb/debian/curl?distro=debian-10&epoch=1')).toMatchObject({ version: undefined });
  });

  it('rejects malformed purls with a reason', () => {
    for (const bad of ['', 'not a purl', 'pkg:', 'pkg:maven/only-name@1', 'pkg:npm/', 'pkg:golang/x/y@vnot-semver']) {
      expect(() => purlIdentity(bad), bad).toThrow();
    }
  });

  it('the fast path agrees with packageurl-js on every purl in shared/data', () => {
    const purls = new Set<string>();
    const dir = sharedPath('data', 'sbom');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      for (const m of text.matchAll(/"(pkg:[^"]+)"/g)) purls.add(JSON.parse(`"${m[1]!}"`) as string);
    }
    expect(purls.size).toBeGreaterThan(2000);
    for (const p of purls) expect(fast(p), p).toEqual(reference(p));
  });

  it('the fast path agrees with packageurl-js on generated purls, odd ones included', () => {
    const seg = fc.stringMatching(/^[A-Za-z0-9._~%@-]{0,12}$/);
    const purl = fc
      .tuple(fc.constantFrom('maven', 'npm', 'pypi', 'MAVEN', 'golang'), fc.array(seg, { minLength: 1, maxLength: 3 }), fc.option(fc.stringMatching(/^[A-Za-z0-9._~+!%:-]{0,10}$/)), fc.option(fc.stringMatching(/^[a-zA-Z0-9]{1,4}=[A-Za-z0-9.%-]{0,5}$/)))
      .map(([t, segs, v, q]) => `pkg:${t}/${segs.join('/')}${v !== null ? `@${v}` : ''}${q !== null ? `?${q}` : ''}`);
    fc.assert(
      fc.property(purl, (p) => {
        expect(fast(p)).toEqual(reference(p));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('purls packageurl-js fails on', () => {
  it('a golang version "v" + non-SemVer is malformed with the reason, not packageurl-js\'s "throws is not defined"', () => {
    for (const bad of ['pkg:golang/github.com/foo/bar@v1.2', 'pkg:golang/x@v1%00', 'pkg:golang/x/y@vnot-semver']) {
      expect(() => purlIdentity(bad), bad).toThrow(/^golang "version" component starting with a "v" must be followed by a valid semver version$/);
    }
    expect(purlIdentity('pkg:golang/github.com/foo/bar@v1.2.3')).toMatchObject({ ecosystem: 'Go', name: 'github.com/foo/bar', version: 'v1.2.3' });
  });
});

describe('Debian binary packages are looked up as their source package', () => {
  it('the upstream qualifier (syft) gives the source name, and the source version when it differs', () => {
    expect(purlIdentity('pkg:deb/debian/bsdutils@1:2.29.2-1+deb9u1?arch=amd64&upstream=util-linux%402.29.2-1+deb9u1&distro=debian-9')).toEqual({
      kind: 'package',
      ecosystem: 'Debian:9',
      name: 'util-linux',
      version: '2.29.2-1+deb9u1',
    });
    expect(purlIdentity('pkg:deb/debian/bsdutils@1:2.29.2-1+deb9u1?upstream=util-linux%402.29.2-1%2Bdeb9u1&distro=debian-9')).toMatchObject({ version: '2.29.2-1+deb9u1' });
    expect(purlIdentity('pkg:deb/debian/dirmngr@2.1.18-8~deb9u4?arch=amd64&upstream=gnupg2&distro=debian-9')).toEqual({ kind: 'package', ecosystem: 'Debian:9', name: 'gnupg2', version: '2.1.18-8~deb9u4' });
    expect(purlIdentity('pkg:deb/debian/adduser@3.115?arch=all&distro=debian-9')).toMatchObject({ name: 'adduser', version: '3.115' });
  });
});

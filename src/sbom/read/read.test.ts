import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../common/errors.js';
import { sharedPath } from '../../testing/shared.js';
import { parseSbom } from '../scan.js';
import { parseJson, syntaxErrorOffset } from './json.js';
import { readSbomText } from './sbom.js';
import { firstProblem } from '../../testing/input-error.js';

const cdx = (components: unknown, specVersion = '1.5') => JSON.stringify({ bomFormat: 'CycloneDX', specVersion, components });
const problem = firstProblem;

describe('SBOM readers', () => {
  it('recognise the format by content', () => {
    const read = (f: string) => readSbomText(readFileSync(sharedPath('data', 'sbom', f), 'utf8'), f);
    expect(read('keycloak-10.0.2.cdx.json')).toMatchObject({ format: 'CycloneDX JSON', specVersion: '1.2' });
    expect(read('trivy-centos-7.cdx.json')).toMatchObject({ format: 'CycloneDX JSON', specVersion: '1.5' });
    expect(read('postgres-11.15-stretch.syft.cdx.xml')).toMatchObject({ format: 'CycloneDX XML', specVersion: '1.4' });
    expect(read('trivy-centos-7.spdx.json')).toMatchObject({ format: 'SPDX JSON', specVersion: '2.2' });
    expect(read('scalibr-ubuntu-pcre3.spdx.json')).toMatchObject({ format: 'SPDX JSON', specVersion: '2.3' });
  });

  it('decode purls: qualifiers dropped, %40 scopes, %3A epochs, Maven group:artifact, PEP 503 names', () => {
    const s = parseSbom(
      cdx([
        { purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar' },
        { purl: 'pkg:npm/%40vitest/mocker@1.0.0' },
        { purl: 'pkg:pypi/PyYAML@5.3.1' },
        { purl: 'pkg:golang/golang.org/x/sys@v0.0.0-20210817142637-7d9622a276b7' },
        { purl: 'pkg:deb/debian/libc6@2.24-11%2Bdeb9u4?arch=amd64&distro=debian-9' },
        { purl: 'pkg:deb/debian/openssl@1.1.0l-1~deb9u1?distro=stretch' },
      ]),
      'bom.json',
    );
    expect(s.components.map((c) => [c.ecosystem, c.name, c.version])).toEqual([
      ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1'],
      ['npm', '@vitest/mocker', '1.0.0'],
      ['PyPI', 'pyyaml', '5.3.1'],
      ['Go', 'golang.org/x/sys', 'v0.0.0-20210817142637-7d9622a276b7'],
      ['Debian:9', 'libc6', '2.24-11+deb9u4'],
      ['Debian:9', 'openssl', '1.1.0l-1~deb9u1'],
    ]);
    expect(s.components[0]!.purl).toBe('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar');
  });

  it('CycloneDX XML: decode numeric character references like &amp; (a purl written with &#38; keeps its distro)', () => {
    const xml = (purl: string) =>
      `<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>libc6</name><purl>${purl}</purl></component></components></bom>`;
    const [dec] = parseSbom(xml('pkg:deb/debian/libc6@2.24-11%2Bdeb9u4?arch=amd64&#38;distro=debian-9'), 'a.xml').components;
    expect(dec).toMatchObject({ ecosystem: 'Debian:9', name: 'libc6', version: '2.24-11+deb9u4', purl: 'pkg:deb/debian/libc6@2.24-11%2Bdeb9u4?arch=amd64&distro=debian-9' });
    const [hex] = parseSbom(xml('pkg:npm/&#x25;40scope/x&#x40;1.0.0'), 'b.xml').components;
    expect(hex).toMatchObject({ ecosystem: 'npm', name: '@scope/x', version: '1.0.0' });
    // &amp; is decoded once, last: "&amp;#38;" is the text "&#38;", not "&"
    const [amp] = readSbomText(xml('pkg:npm/x@1.0.0?note=a&amp;#38;b'), 'c.xml').entries;
    expect(amp!.purl).toBe('pkg:npm/x@1.0.0?note=a&#38;b');
  });

  it('CycloneDX XML cut short: the elements left open are named, at the end of the file, not as a JSON array at 1:1', () => {
    const text = readFileSync(sharedPath('data', 'sbom', 'postgres-11.15-stretch.syft.cdx.xml'), 'utf8').slice(0, 3000);
    const p = problem(() => readSbomText(text, 'cut.cdx.xml'));
    expect(p).toMatchObject({ file: 'cut.cdx.xml', line: text.split('\n').length });
    expect(p.message).toMatch(/^not well-formed XML: the file ends inside <bom> <components> <component> .*, which are never closed \(the file may be truncated\)$/);
  });

  it('SPDX tag-value: packages with their ExternalRef purls, PackageVersion as the fallback, <text> blocks and comments skipped', () => {
    const tv = [
      'SPDXVersion: SPDX-2.3',
      'DataLicense: CC0-1.0',
      'SPDXID: SPDXRef-DOCUMENT',
      'DocumentName: app',
      'Creator: Tool: hand-made',
      '',
      '##### Package: minimist',
      'PackageName: minimist',
      'SPDXID: SPDXRef-minimist',
      'PackageVersion: 0.0.8',
      'PackageComment: <text>vendored copy',
      'ExternalRef: PACKAGE-MANAGER purl pkg:npm/inside-a-comment@1.0.0',
      '</text>',
      'ExternalRef: SECURITY cpe23Type cpe:2.3:a:minimist:minimist:0.0.8:*:*:*:*:*:*:*',
      'ExternalRef: PACKAGE-MANAGER purl pkg:npm/minimist@0.0.8',
      'ExternalRefComment: <text>from package-lock.json</text>',
      '',
      'PackageName: lodash',
      'PackageVersion: 4.17.19',
      'ExternalRef: PACKAGE_MANAGER purl pkg:npm/lodash',
      '',
      'PackageName: no-purl',
      'PackageVersion: 1.0',
      '',
      'FileName: ./index.js',
      'SPDXID: SPDXRef-File',
      '',
      'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-minimist',
    ].join('\r\n');
    const s = parseSbom('\ufeff' + tv, 'app.spdx');
    expect(s).toMatchObject({ format: 'SPDX tag-value', specVersion: '2.3', entries: 3 });
    expect(s.components.map((c) => [c.path, c.purl, c.name, c.version])).toEqual([
      ['packages[0]', 'pkg:npm/minimist@0.0.8', 'minimist', '0.0.8'],
      ['packages[1]', 'pkg:npm/lodash', 'lodash', '4.17.19'],
    ]);
    expect(s.unscanned).toMatchObject([{ path: 'packages[2]', name: 'no-purl', reason: 'no purl' }]);
    // the same packages as SPDX JSON give the same components
    const json = JSON.stringify({
      spdxVersion: 'SPDX-2.3',
      packages: [
        { name: 'minimist', versionInfo: '0.0.8', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/minimist@0.0.8' }] },
        { name: 'lodash', versionInfo: '4.17.19', externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/lodash' }] },
        { name: 'no-purl', versionInfo: '1.0' },
      ],
    });
    const strip = (x: { components: readonly object[] }) => x.components.map((c) => ({ ...c, sbom: '' }));
    expect(strip(s)).toEqual(strip(parseSbom(json, 'app.spdx')));
  });

  it('SPDX tag-value: bad input names the line, column and field', () => {
    const doc = (...lines: string[]) => ['SPDXVersion: SPDX-2.2', 'PackageName: a', ...lines].join('\n');
    expect(problem(() => parseSbom(doc('ExternalRef: PACKAGE-MANAGER purl pkg:/x'), 'b.spdx'))).toMatchObject({
      line: 3,
      column: 35,
      path: 'packages[0].ExternalRef',
      message: expect.stringMatching(/malformed purl "pkg:\/x"/),
    });
    expect(problem(() => parseSbom(doc('ExternalRef: PACKAGE-MANAGER purl'), 'b.spdx'))).toMatchObject({ line: 3, path: 'packages[0].ExternalRef' });
    expect(problem(() => parseSbom(doc('PackageComment: <text>never closed', 'PackageVersion: 1'), 'b.spdx'))).toMatchObject({ line: 3, message: expect.stringMatching(/<\/text>/) });
    expect(problem(() => parseSbom(doc('this line has no tag'), 'b.spdx'))).toMatchObject({ line: 3, column: 1 });
    expect(problem(() => parseSbom('SPDXVersion: SPDX-3.0\n', 'b.spdx'))).toMatchObject({ line: 1, path: 'SPDXVersion' });
  });

  it('fall back to the component version when the purl has none (osv-scanner#3007), and list what they skip', () => {
    const s = parseSbom(cdx([{ purl: 'pkg:npm/lodash', version: '4.17.20' }, { name: 'no-purl', version: '1' }, { purl: 'pkg:npm/x' }, { purl: 'pkg:rpm/centos/bash@4.2' }]), 'b.json');
    expect(s.components.map((c) => c.version)).toEqual(['4.17.20']);
    expect(s.unscanned.map((u) => [u.path, u.group])).toEqual([
      ['components[1]', 'no purl'],
      ['components[2]', 'npm'],
      ['components[3]', 'rpm'],
    ]);
  });

  it('walk nested components in document order, without recursion (10,000 levels deep)', () => {
    const s = parseSbom(cdx([{ purl: 'pkg:npm/a@1.0.0', components: [{ purl: 'pkg:npm/b@1.0.0', components: [{ purl: 'pkg:npm/c@1.0.0' }] }] }, { purl: 'pkg:npm/d@1.0.0' }]), 'n.json');
    expect(s.components.map((c) => `${c.name} ${c.path}`)).toEqual([
      'a components[0]',
      'b components[0].components[0]',
      'c components[0].components[0].components[0]',
      'd components[1]',
    ]);
    const depth = 10_000;
    const deep = '{"bomFormat":"CycloneDX","specVersion":"1.6","components":' + '[{"purl":"pkg:npm/x@1.0.0","components":'.repeat(depth) + '[]' + '}]'.repeat(depth) + '}';
    expect(parseSbom(deep, 'deep.json').components).toHaveLength(depth);
    const xml = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>' + '<component><purl>pkg:npm/x@1.0.0</purl><components>'.repeat(depth) + '</components></component>'.repeat(depth) + '</components></bom>';
    expect(problem(() => parseSbom(xml, 'deep.xml')).message).toMatch(/XML could not be read|nested/);
  });

  it('name the file and the field of a malformed purl', () => {
    const e = problem(() => parseSbom(cdx([{ purl: 'pkg:npm/a@1' }, ...Array(11).fill({ name: 'x' }), { purl: 'not a purl' }]), 'bad.json'));
    expect(e.path).toBe('components[12].purl');
    expect(e.message).toMatch(/malformed purl "not a purl"/);
    expect(problem(() => parseSbom(cdx([{ purl: 42 }]), 'b.json')).path).toBe('components[0].purl');
    expect(problem(() => parseSbom(cdx([{ purl: 'pkg:maven/only-name@1' }]), 'b.json')).message).toMatch(/namespace/);
    expect(problem(() => parseSbom(cdx([{ purl: 'pkg:npm/' + 'a'.repeat(5000) + '@1' }]), 'b.json')).message).toMatch(/longer than/);
    const spdx = JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ name: 'p', externalRefs: [{ referenceType: 'purl', referenceLocator: 'pkg:' }] }] });
    expect(problem(() => parseSbom(spdx, 's.json')).path).toBe('packages[0].externalRefs[0].referenceLocator');
    // a purl reference without its purl is bad input, not a package without a purl
    for (const ref of [{ referenceType: 'purl' }, { referenceType: 'purl', referenceLocator: ' ' }]) {
      const doc = JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ name: 'q' }, { name: 'p', externalRefs: [ref] }] });
      expect(problem(() => parseSbom(doc, 's.json'))).toMatchObject({ path: 'packages[1].externalRefs[0].referenceLocator', message: expect.stringMatching(/referenceLocator/) });
    }
    const xml = '<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component><purl>pkg:npm/a@1</purl></component><component><purl>%%%</purl></component></components></bom>';
    expect(problem(() => parseSbom(xml, 'b.xml')).path).toBe('components[1].purl');
  });

  it('reject what is not an SBOM, with a location', () => {
    expect(problem(() => parseSbom('{"bomFormat":"CycloneDX","specVersion":"2.0"}', 'v.json')).path).toBe('specVersion');
    expect(problem(() => parseSbom('{"bomFormat":"SWID"}', 'v.json')).path).toBe('bomFormat');
    expect(problem(() => parseSbom('{"spdxVersion":"SPDX-3.0"}', 'v.json')).path).toBe('spdxVersion');
    expect(problem(() => parseSbom('[]', 'v.json')).message).toMatch(/JSON object/);
    expect(problem(() => parseSbom(cdx({ a: 1 }), 'v.json')).path).toBe('components');
    expect(problem(() => parseSbom(cdx([1]), 'v.json')).path).toBe('components[0]');
    expect(problem(() => parseSbom('{\n  "bomFormat": "CycloneDX",\n  "components": [ x ]\n}', 'v.json'))).toMatchObject({ line: 3, column: 19 });
    expect(problem(() => parseSbom('<bom><a></b></bom>', 'v.xml'))).toMatchObject({ line: 1 });
    expect(problem(() => parseSbom('<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaa">]><bom/>', 'v.xml')).message).toMatch(/DOCTYPE/);
    expect(problem(() => parseSbom('<bom xmlns="urn:other"/>', 'v.xml')).path).toBe('bom@xmlns');
  });

  it('refuse a key repeated in one JSON object (JSON.parse would keep the last and hide the first), with its line and column', () => {
    const twice = '{\n  "bomFormat": "CycloneDX", "specVersion": "1.5",\n  "components": [{ "purl": "pkg:npm/minimist@0.0.8" }],\n  "components": []\n}';
    expect(problem(() => parseSbom(twice, 'd.json'))).toMatchObject({ line: 4, column: 3, message: 'key "components" is repeated in one object' });
    const doc = (second: string) => `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"purl":"pkg:npm/a@1.0.0","p\\"u":1},{"purl":"pkg:npm/b@1.0.0",${second}}]}`;
    expect(problem(() => parseSbom(doc('"name":"b","purl":"pkg:npm/c@1.0.0"'), 'd.json'))).toMatchObject({ line: 1, message: 'key "purl" is repeated in one object' });
    // the same key in different objects, escaped quotes, and key-like text inside values are fine
    expect(parseSbom(doc('"name":"\\"purl\\": }{ ["'), 'ok.json').components).toHaveLength(2);
    // no false alarm on any JSON without repeats, __proto__ keys and odd strings included
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        expect(parseJson(text, 'p.json')).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
    expect(parseJson('{"__proto__":1,"a":{"__proto__":[]}}', 'p.json')).toEqual(JSON.parse('{"__proto__":1,"a":{"__proto__":[]}}'));
  });

  it('survive random bytes and mutated SBOMs: an InputError or a result, never a crash', () => {
    const base = cdx([{ purl: 'pkg:npm/a@1.0.0', components: [{ purl: 'pkg:maven/g/a@1' }] }]);
    const tagValue = 'SPDXVersion: SPDX-2.3\nPackageName: a\nPackageComment: <text>x\n</text>\nExternalRef: PACKAGE-MANAGER purl pkg:npm/a@1.0.0\n';
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(base.length), fc.nat(20), (junk, at, cut) => {
        for (const text of [junk, base.slice(0, at) + junk + base.slice(at + cut), '<' + junk, tagValue.slice(0, at) + junk + tagValue.slice(at + cut)]) {
          try {
            parseSbom(text, 'fuzz');
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseJson locations', () => {
  it('point at the first syntax error', () => {
    for (const [text, offset] of [
      ['{"a": x}', 6],
      ['[1, 2,, 3]', 6],
      ['{"a" 1}', 5],
      ['# not json', 0],
      ['{"a": "\u0001"}', 7],
      ['[1] [2]', 4],
      ['{"a": [1, {"b": tru}]}', 16],
    ] as const) {
      expect(syntaxErrorOffset(text)).toBe(offset);
    }
    expect(() => parseJson('', 'e.json')).toThrow(InputError);
  });
});

describe('a file that is not JSON text', () => {
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  it('says a file with NUL bytes is not text, at the first NUL', () => {
    const p = problem(() => parseJson('\u0000\u0001\u0002\u0003PK', 'image.json'));
    expect(p).toMatchObject({ file: 'image.json', line: 1, column: 1 });
    expect(p.message).toBe('not valid JSON: the file is not text (it holds NUL bytes, U+0000)');
    expect(problem(() => parseJson('{\n "a": "x\u0000y"}', 'a.json'))).toMatchObject({ line: 2, column: 9, message: expect.stringMatching(/not text/) });
  });
  it('says a text file that is not JSON, XML or tag-value (a README, a CSV) is not an SBOM, at its first character', () => {
    const p = problem(() => parseSbom('\n\n  # datacustoms\n', 'README.md'));
    expect(p).toMatchObject({ file: 'README.md', line: 3, column: 3 });
    expect(p.message).toBe('not an SBOM: expected CycloneDX JSON or XML, or SPDX JSON or tag-value; the text starts with "#"');
    expect(problem(() => parseSbom('\ufeffname,version\n', 'c.csv'))).toMatchObject({ line: 1, column: 2, message: expect.stringMatching(/starts with "n"$/) });
    // a JSON SBOM with an error in it still gets the JSON error
    expect(problem(() => parseSbom('{"bomFormat": }', 'bad.json')).message).toMatch(/^not valid JSON/);
  });
  it('says bytes that were not UTF-8 (read as U+FFFD) make it not UTF-8 text', () => {
    const p = problem(() => parseSbom('\ufffdPNG\r\n\u001a\n', 'logo.json'));
    expect(p).toMatchObject({ file: 'logo.json', line: 1, column: 1 });
    expect(p.message).toMatch(/not UTF-8 text/);
    expect(p.message).not.toMatch(RAW);
  });
  it('shows any other offending control character escaped, with its line and column', () => {
    const esc = problem(() => parseJson('{\n "a": \u001b[31m}', 'esc.json'));
    expect(esc).toMatchObject({ line: 2, column: 7 });
    expect(esc.message).toBe("not valid JSON: Unexpected token 'U+001B'");
    expect(problem(() => parseJson('[1,\u202e2]', 'bidi.json')).message).toBe("not valid JSON: Unexpected token 'U+202E'");
  });
  it('never echoes a raw control character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('\u0000', '\u0007', '\u001b', '\u0085', '\u202e', '\ufffd', '{', '"', 'a', ':', '1', ' ', '\n'), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        try {
          parseJson(text, 'f.json');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).message).not.toMatch(RAW);
        }
      }),
    );
  });
});

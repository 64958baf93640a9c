import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstProblem } from '../../testing/input-error.js';
import { loadAdvisories } from '../osv/load.js';
import { parseSbom } from '../scan.js';
import { jsonPathOffset, splitJsonPath } from './json.js';

describe('JSON field paths located in the text', () => {
  it('split paths, and refuse what is not a path', () => {
    expect(splitJsonPath('components[12].purl')).toEqual(['components', 12, 'purl']);
    expect(splitJsonPath('[0].affected[1].ranges[0].events[2]')).toEqual([0, 'affected', 1, 'ranges', 0, 'events', 2]);
    expect(splitJsonPath('bom@xmlns')).toEqual(['bom@xmlns']);
    for (const bad of ['', 'a..b', '.a', 'a.', 'a[x]']) expect(splitJsonPath(bad), bad).toBeUndefined();
  });

  it('find the value through strings holding brackets, commas, colons and escaped quotes', () => {
    const text = '{"a\\"b": "x]},[:\\"", "list": [ {"k": [1, {"z": "}"}]}, {"k": 2, "target" : "here"} ], "n": -1.5e3}';
    expect(text.slice(jsonPathOffset(text, ['list', 1, 'target']))).toMatch(/^"here"/);
    expect(text.slice(jsonPathOffset(text, ['list', 0, 'k', 1, 'z']))).toMatch(/^"\}"/);
    expect(text.slice(jsonPathOffset(text, ['n']))).toMatch(/^-1\.5e3/);
    expect(text.slice(jsonPathOffset(text, ['a"b']))).toMatch(/^"x\]/);
    // a key or element that is not there: the innermost value that is
    expect(text.slice(jsonPathOffset(text, ['list', 1, 'missing']))).toMatch(/^\{"k": 2/);
    expect(text.slice(jsonPathOffset(text, ['list', 7]))).toMatch(/^\[ \{"k"/);
  });
});

describe('a bad field of a JSON SBOM or advisory is named with file, line:column and field', () => {
  it('CycloneDX JSON: a malformed purl, a purl that is not a string', () => {
    const doc = (purl: string) =>
      `{"bomFormat": "CycloneDX", "specVersion": "1.5",\n "components": [\n  {"type": "library", "name": "a", "purl": "pkg:npm/a@1.0.0"},\n  {"type": "library", "name": "b",\n   "purl": ${purl}}]}`;
    expect(firstProblem(() => parseSbom(doc('"pkg:npm/"'), 'bom.json'))).toMatchObject({ file: 'bom.json', line: 5, column: 12, path: 'components[1].purl' });
    expect(firstProblem(() => parseSbom(doc('42'), 'bom.json'))).toMatchObject({ file: 'bom.json', line: 5, column: 12, path: 'components[1].purl', message: 'expected a string, got number' });
  });

  it('SPDX JSON: a purl reference without its locator', () => {
    const text = `{"spdxVersion": "SPDX-2.3",\n "packages": [{"name": "a",\n  "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl"}]}]}`;
    expect(firstProblem(() => parseSbom(text, 'bom.spdx.json'))).toMatchObject({ line: 3, column: 20, path: 'packages[0].externalRefs[0].referenceLocator' });
  });

  it('OSV records, in a file and in a zip entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osv-locate-'));
    const text = `[{"id": "A", "modified": "2024-01-01T00:00:00Z", "affected": [\n {"package": {"ecosystem": "npm", "name": "p"},\n  "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"},\n    {"introduced": "1.0.0", "fixed": "2.0.0"}]}]}]}]`;
    writeFileSync(join(dir, 'a.json'), text);
    expect(firstProblem(() => loadAdvisories([join(dir, 'a.json')]))).toMatchObject({
      file: join(dir, 'a.json'),
      line: 4,
      column: 5,
      path: '[0].affected[0].ranges[0].events[1]',
    });
  });
});

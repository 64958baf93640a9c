import { describe, expect, it } from 'vitest';
import { readSbomText } from './sbom.js';

const purls = (text: string) => readSbomText(text, 'bom.xml').entries.map((e) => [e.path, e.purl ?? null]);

describe('CycloneDX XML: only elements of the CycloneDX namespace are read', () => {
  it('an extension element of another namespace named like a CycloneDX one is neither the purl nor an error', () => {
    const text = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" xmlns:x="urn:example:ext">
  <components>
    <component type="library"><name>foo</name><purl>pkg:npm/foo@0.1.0</purl><x:purl>pkg:npm/other@9.9.9</x:purl></component>
    <component type="library"><name>bar</name><x:purl>pkg:npm/foo@0.2.0</x:purl></component>
    <component type="library"><name>baz</name><purl>pkg:npm/baz@1.0.0</purl>
      <x:components><x:component><x:purl>pkg:npm/hidden@1.0.0</x:purl></x:component></x:components>
    </component>
  </components>
</bom>`;
    expect(purls(text)).toEqual([
      ['components[0]', 'pkg:npm/foo@0.1.0'],
      ['components[1]', null],
      ['components[2]', 'pkg:npm/baz@1.0.0'],
    ]);
  });

  it('a document whose CycloneDX elements carry a prefix (cdx:), with unprefixed elements of another default namespace', () => {
    const text = `<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.4" xmlns="urn:example:other">
  <cdx:components>
    <cdx:component type="library"><cdx:purl>pkg:npm/a@1.0.0</cdx:purl><purl>pkg:npm/not-cdx@1.0.0</purl>
      <cdx:components><cdx:component type="library"><cdx:purl>pkg:npm/b@2.0.0</cdx:purl></cdx:component></cdx:components>
    </cdx:component>
  </cdx:components>
  <components><component><purl>pkg:npm/not-cdx-either@1.0.0</purl></component></components>
</cdx:bom>`;
    expect(readSbomText(text, 'bom.xml').specVersion).toBe('1.4');
    expect(purls(text)).toEqual([
      ['components[0]', 'pkg:npm/a@1.0.0'],
      ['components[0].components[0]', 'pkg:npm/b@2.0.0'],
    ]);
  });
});

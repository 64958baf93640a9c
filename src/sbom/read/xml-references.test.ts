import { describe, expect, it } from 'vitest';
import { readSbomText } from './sbom.js';
import { firstProblem } from '../../testing/input-error.js';

const xml = (purl: string) =>
  `<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n<components>\n<component type="library"><name>foo</name><purl>${purl}</purl></component>\n</components>\n</bom>\n`;
const column = (purl: string, at: string) => '<component type="library"><name>foo</name><purl>'.length + purl.indexOf(at) + 1;

describe('CycloneDX XML: entity and character references', () => {
  it('an undeclared entity (&xxe;, or an HTML name such as &nbsp;) is not well-formed XML: bad input at its line and column, not part of a purl', () => {
    for (const purl of ['pkg:npm/foo@0.4.0&xxe;', 'pkg:npm/foo@0.3.0&nbsp;', 'pkg:npm/foo@1.0.0?a=1&copy;']) {
      const p = firstProblem(() => readSbomText(xml(purl), 'bom.xml'));
      expect(p).toMatchObject({ file: 'bom.xml', line: 4, column: column(purl, '&') });
      expect(p.message).toMatch(/^not well-formed XML: entity &\w+; is not defined/);
    }
  });

  it('a character reference to a character XML does not allow (&#0;, &#xFFFF;) is bad input', () => {
    for (const purl of ['pkg:npm/foo@0.5.0&#0;', 'pkg:npm/foo@0.5.0&#xFFFF;']) {
      const p = firstProblem(() => readSbomText(xml(purl), 'bom.xml'));
      expect(p).toMatchObject({ file: 'bom.xml', line: 4 });
      expect(p.message).toMatch(/^not well-formed XML: character reference &#x?\w+; names no character XML allows$/);
    }
  });

  it('the predefined entities and legal character references still read, and & inside CDATA or a comment is text', () => {
    const read = (text: string) => readSbomText(text, 'bom.xml').entries.map((e) => e.purl);
    expect(read(xml('pkg:npm/foo@1.0.0?a=1&amp;b=&#x32;&#51;&lt;&gt;&quot;&apos;'))).toEqual([`pkg:npm/foo@1.0.0?a=1&b=23<>"'`]);
    expect(read(xml('<![CDATA[pkg:npm/foo@1.0.0?a=1&b=2&nbsp;]]>'))).toEqual(['pkg:npm/foo@1.0.0?a=1&b=2&nbsp;']);
    expect(read(xml('pkg:npm/foo@1.0.0').replace('<components>', '<components><!-- &xxe; -->'))).toEqual(['pkg:npm/foo@1.0.0']);
  });
});

/**
 * CSAF 2.0 and OpenVEX drafts from hostile but plausible events (an empty vendor, repeated
 * aliases, control characters, odd versions and purls, as-of instants with milliseconds or in
 * year 1) still validate against the schemas and the CSAF mandatory tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import csafSchema from '@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js';
import cvss20 from '@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js';
import cvss30 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js';
import cvss31 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import validate from '@secvisogram/csaf-validator-lib/lib/validate.js';
import { VulnerabilityEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { csafAdvisory, openVex } from './drafts.js';

type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

function ajv(): Ajv2020 {
  const a = new Ajv2020({ strict: false, allErrors: true });
  addFormats(a);
  // RFC 3987 IRI: the OpenVEX schema uses it; an absolute IRI has a scheme and no spaces.
  a.addFormat('iri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
  return a;
}

const csafAjv = ajv();
csafAjv.addSchema(cvss20, 'https://www.first.org/cvss/cvss-v2.0.json');
csafAjv.addSchema(cvss30, 'https://www.first.org/cvss/cvss-v3.0.json');
csafAjv.addSchema(cvss31, 'https://www.first.org/cvss/cvss-v3.1.json');
const validateCsaf = csafAjv.compile(csafSchema);
const openVexSchema = JSON.parse(readFileSync(new URL('./schemas/openvex-0.2.0.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validateOpenVex = ajv().compile(openVexSchema);

const org = Organization.parse({ id: 'example-networks', name: 'Example Networks Co., Ltd.', organizedIn: 'CN' });
const asOf = parseInstant('2021-12-10T00:00:00+08:00', 'UTC')!.instant;
const variants: [string, Record<string, unknown>, Record<string, unknown>?][] = [
  ['empty vendor', { product: { name: 'Gate', vendor: '' } }],
  ['fixedIn equal to version', { product: { name: 'Gate', version: '1.0', fixedIn: '1.0', purl: 'pkg:generic/acme/gate@1.0' } }],
  ['empty title', { title: '' }],
  ['whitespace title', { title: '   ' }],
  ['cve repeated in aliases', { cve: 'CVE-2021-44228', aliases: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q', 'GHSA-jfh8-c2jp-5v3q'] }],
  ['control characters', { title: 'a\u0000b', product: { name: 'G\u001b[2J', version: 'v\n1' } }],
  ['fixedIn without version', { product: { name: 'Gate', fixedIn: '2.0', purl: 'pkg:generic/acme/gate' } }],
  ['bad purl', { product: { name: 'Gate', version: '1', purl: 'not a purl', fixedIn: '2' } }],
];
describe('hostile drafts', () => {
  for (const [name, extra] of variants) {
    it(`CSAF and OpenVEX valid: ${name}`, async () => {
      const e = VulnerabilityEvent.parse({ id: 'x', kind: 'vulnerability', learned: '2026-02-01', product: { name: 'Gate' }, ...extra });
      for (const at of [asOf, parseInstant('2021-12-10T00:00:00.5Z', 'UTC')!.instant, parseInstant('0001-01-01T00:00Z', 'UTC')!.instant]) {
        const doc = csafAdvisory(org, e, at);
        expect(validateCsaf(doc), JSON.stringify(validateCsaf.errors)).toBe(true);
        const res = await validate(Object.values(mandatory), doc);
        expect(res.tests.filter((t) => !t.isValid).map((t) => ({ test: t.name, errors: t.errors }))).toEqual([]);
        expect(validateOpenVex(openVex(org, e, at)), JSON.stringify(validateOpenVex.errors)).toBe(true);
      }
    });
  }
});

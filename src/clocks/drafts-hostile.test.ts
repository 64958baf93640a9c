/**
 * CSAF 2.0 and OpenVEX drafts from hostile but plausible events (an empty vendor, repeated
 * aliases, control characters, odd versions and purls, as-of instants with milliseconds or in
 * year 1) still validate against the schemas and the CSAF mandatory tests.
 */
import { describe, expect, it } from 'vitest';
import { VulnerabilityEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { csafAdvisory, openVex } from './drafts.js';
import { csafMandatory, validateCsaf, validateOpenVex } from './testing/draft-schemas.js';

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
        const res = await csafMandatory(doc);
        expect(res.tests.filter((t) => !t.isValid).map((t) => ({ test: t.name, errors: t.errors }))).toEqual([]);
        expect(validateOpenVex(openVex(org, e, at)), JSON.stringify(validateOpenVex.errors)).toBe(true);
      }
    });
  }
});

/**
 * Tests: validators for the drafts `clocks --drafts` writes — the OASIS CSAF 2.0 JSON schema
 * (with the CVSS schemas it refers to), the CSAF mandatory tests, and the OpenVEX 0.2.0 schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import csafSchema from '@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js';
import cvss20 from '@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js';
import cvss30 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js';
import cvss31 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import validate from '@secvisogram/csaf-validator-lib/lib/validate.js';

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
/** The OASIS CSAF 2.0 JSON schema. */
export const validateCsaf = csafAjv.compile(csafSchema);
const openVexSchema = JSON.parse(readFileSync(new URL('../schemas/openvex-0.2.0.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
/** The OpenVEX 0.2.0 JSON schema. */
export const validateOpenVex = ajv().compile(openVexSchema);

/** The CSAF 2.0 mandatory tests (section 6.1) run on a document. */
export function csafMandatory(doc: unknown): ReturnType<typeof validate> {
  return validate(Object.values(mandatory), doc);
}

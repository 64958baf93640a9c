/**
 * Reads an SBOM of any supported format, recognised by content (not by file name):
 * `<` first → CycloneDX XML; JSON with `bomFormat: "CycloneDX"` → CycloneDX JSON;
 * JSON with `spdxVersion` → SPDX JSON; `SPDXVersion:` as the first tag → SPDX tag-value.
 */
import { InputError } from '../../common/errors.js';
import { isObject, parseJson } from './json.js';
import { readCycloneDxJson } from './cyclonedx-json.js';
import { looksLikeXml, readCycloneDxXml } from './cyclonedx-xml.js';
import { readSpdxJson } from './spdx-json.js';
import { looksLikeSpdxTagValue, readSpdxTagValue } from './spdx-tag.js';
import type { SbomRead } from './types.js';

export function readSbomText(text: string, file: string): SbomRead {
  if (looksLikeXml(text)) return readCycloneDxXml(text, file);
  if (looksLikeSpdxTagValue(text)) return readSpdxTagValue(text, file);
  const doc = parseJson(text, file);
  if (!isObject(doc)) throw new InputError({ file, message: 'expected a JSON object (a CycloneDX or SPDX document)' });
  if (doc['bomFormat'] === 'CycloneDX') return readCycloneDxJson(doc, file);
  if (doc['spdxVersion'] !== undefined) return readSpdxJson(doc, file);
  if (doc['bomFormat'] !== undefined) {
    throw new InputError({ file, path: 'bomFormat', message: `expected "CycloneDX", got ${JSON.stringify(doc['bomFormat'])}` });
  }
  throw new InputError({ file, message: 'not an SBOM: expected CycloneDX (bomFormat) or SPDX (spdxVersion) JSON, CycloneDX XML, or SPDX tag-value' });
}

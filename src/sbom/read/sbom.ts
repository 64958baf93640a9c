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
  // text that does not start as JSON is not a JSON SBOM with an error in it (a README, a CSV);
  // bytes that are not text or not UTF-8 are left to the JSON reader, which says so
  const first = /\S/u.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (first !== null && first[0] !== '{' && first[0] !== '[' && !text.includes('\u0000') && !text.includes('\ufffd')) {
    const at = text.slice(0, first.index + (text.charCodeAt(0) === 0xfeff ? 1 : 0)).split('\n');
    throw new InputError({ file, line: at.length, column: at[at.length - 1]!.length + 1, message: `not an SBOM: expected CycloneDX JSON or XML, or SPDX JSON or tag-value; the text starts with ${shown(first[0])}` });
  }
  const doc = parseJson(text, file);
  if (!isObject(doc)) throw new InputError({ file, message: 'expected a JSON object (a CycloneDX or SPDX document)' });
  if (doc['bomFormat'] === 'CycloneDX') return readCycloneDxJson(doc, file);
  if (doc['spdxVersion'] !== undefined) return readSpdxJson(doc, file);
  if (doc['bomFormat'] !== undefined) {
    throw new InputError({ file, path: 'bomFormat', message: `expected "CycloneDX", got ${JSON.stringify(doc['bomFormat'])}` });
  }
  throw new InputError({ file, message: 'not an SBOM: expected CycloneDX (bomFormat) or SPDX (spdxVersion) JSON, CycloneDX XML, or SPDX tag-value' });
}

/** A character as an error message shows it: printable ones quoted, others as U+XXXX. */
function shown(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x20 && cp < 0x7f ? `"${ch}"` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * SPDX tag-value (the `.spdx` text form of SPDX 2.x, e.g. `SPDXVersion: SPDX-2.3`): one `Tag: value`
 * per line; a value may span lines between `<text>` and `</text>`; lines starting with `#` are
 * comments. A package starts at `PackageName:` and takes the `PackageVersion:` and
 * `ExternalRef: <category> <type> <locator>` lines that follow it; the purl is the locator of an
 * `ExternalRef` of type `purl` (one component per such reference, as for SPDX JSON). `FileName:`,
 * `SnippetSPDXID:` and `LicenseID:` start sections that belong to no package.
 *
 * Entries are numbered `packages[i]` in document order, like SPDX JSON, and also carry the line
 * and column of their purl so that a malformed one is reported where it is.
 */
import { InputError } from '../../common/errors.js';
import type { SbomEntry, SbomRead } from './types.js';

const TAG = /^([A-Za-z][A-Za-z0-9_.-]*):[ \t]*(.*)$/;

/** True when the first line that is neither blank nor a comment is `SPDXVersion: …`. */
export function looksLikeSpdxTagValue(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*SPDXVersion[ \t]*:/.test(body);
}

interface Pkg {
  name: string;
  version: string | undefined;
  refs: { purl: string; line: number; column: number }[];
}

export function readSpdxTagValue(text: string, file: string): SbomRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  let specVersion: string | undefined;
  const packages: Pkg[] = [];
  let current: Pkg | undefined;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = TAG.exec(trimmed);
    if (!m) throw new InputError({ file, line: n + 1, column: 1, message: 'expected "Tag: value" (SPDX tag-value)' });
    const tag = m[1]!;
    let value = m[2]!.trim();
    if (value.startsWith('<text>')) {
      // a multi-line value: everything up to the closing </text>, possibly lines below
      const start = n;
      let joined = value.slice('<text>'.length);
      while (!joined.includes('</text>')) {
        n++;
        if (n >= lines.length) throw new InputError({ file, line: start + 1, column: 1, path: tag, message: '<text> is not closed by </text>' });
        joined += '\n' + lines[n]!;
      }
      value = joined.slice(0, joined.indexOf('</text>')).trim();
    }
    switch (tag) {
      case 'SPDXVersion':
        if (!/^SPDX-2\.\d+$/.test(value)) {
          throw new InputError({ file, line: n + 1, column: 1, path: tag, message: `expected SPDX-2.2 or SPDX-2.3, got ${JSON.stringify(value)}` });
        }
        specVersion ??= value.slice(5);
        break;
      case 'PackageName':
        current = { name: value, version: undefined, refs: [] };
        packages.push(current);
        break;
      case 'PackageVersion':
        if (current) current.version = value;
        break;
      case 'ExternalRef': {
        if (!current) break;
        const parts = value.split(/[ \t]+/);
        if (parts[1] !== 'purl') break;
        const locator = parts.slice(2).join(' ');
        if (locator === '') {
          throw new InputError({ file, line: n + 1, column: 1, path: `packages[${packages.length - 1}].ExternalRef`, message: 'a purl reference needs its purl after the category and type' });
        }
        current.refs.push({ purl: locator, line: n + 1, column: raw.lastIndexOf(locator) + 1 || 1 });
        break;
      }
      case 'FileName':
      case 'SnippetSPDXID':
      case 'LicenseID':
        current = undefined;
        break;
      default:
        break;
    }
  }
  if (specVersion === undefined) throw new InputError({ file, path: 'SPDXVersion', message: 'no SPDXVersion line: not an SPDX tag-value document' });
  const entries: SbomEntry[] = [];
  packages.forEach((p, i) => {
    const path = `packages[${i}]`;
    if (p.refs.length === 0) entries.push({ path, purlField: 'ExternalRef', purl: undefined, version: p.version, name: p.name });
    for (const r of p.refs) entries.push({ path, purlField: 'ExternalRef', purl: r.purl, version: p.version, name: p.name, line: r.line, column: r.column });
  });
  return { format: 'SPDX tag-value', specVersion, entries };
}

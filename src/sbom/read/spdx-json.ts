/**
 * SPDX JSON (2.2 and 2.3; other 2.x accepted): every `packages[]` entry. The purl is the
 * `externalRefs[]` entry with `referenceType: "purl"` (category `PACKAGE-MANAGER`, also spelled
 * `PACKAGE_MANAGER`); `versionInfo` is the fallback version. A package with several purl
 * references yields one entry per reference.
 */
import { InputError } from '../../common/errors.js';
import { isObject } from './json.js';
import type { SbomEntry, SbomRead } from './types.js';

function str(obj: Record<string, unknown>, key: string, file: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InputError({ file, path: `${path}.${key}`, message: `expected a string, got ${typeof v}` });
  return v;
}

export function readSpdxJson(doc: Record<string, unknown>, file: string): SbomRead {
  const sv = doc['spdxVersion'];
  if (typeof sv !== 'string' || !/^SPDX-2\.\d+$/.test(sv)) {
    throw new InputError({ file, path: 'spdxVersion', message: `expected SPDX-2.2 or SPDX-2.3, got ${JSON.stringify(sv) ?? 'nothing'}` });
  }
  const packages = doc['packages'] ?? [];
  if (!Array.isArray(packages)) throw new InputError({ file, path: 'packages', message: 'expected an array of packages' });
  const entries: SbomEntry[] = [];
  packages.forEach((pkg: unknown, i: number) => {
    const p = `packages[${i}]`;
    if (!isObject(pkg)) throw new InputError({ file, path: p, message: 'expected a package object' });
    const version = str(pkg, 'versionInfo', file, p);
    const name = str(pkg, 'name', file, p);
    const refs = pkg['externalRefs'] ?? [];
    if (!Array.isArray(refs)) throw new InputError({ file, path: `${p}.externalRefs`, message: 'expected an array' });
    let found = false;
    refs.forEach((ref: unknown, j: number) => {
      const rp = `${p}.externalRefs[${j}]`;
      if (!isObject(ref)) throw new InputError({ file, path: rp, message: 'expected an external reference object' });
      if (ref['referenceType'] !== 'purl') return;
      found = true;
      const purl = str(ref, 'referenceLocator', file, rp);
      if (purl === undefined || purl.trim() === '') {
        throw new InputError({ file, path: `${rp}.referenceLocator`, message: 'a purl reference needs its purl in referenceLocator' });
      }
      entries.push({ path: p, purlField: `externalRefs[${j}].referenceLocator`, purl, version, name });
    });
    if (!found) entries.push({ path: p, purlField: 'externalRefs', purl: undefined, version, name });
  });
  return { format: 'SPDX JSON', specVersion: sv.slice(5), entries };
}

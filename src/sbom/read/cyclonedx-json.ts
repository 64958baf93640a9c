/**
 * CycloneDX JSON (specification 1.2–1.6; later 1.x accepted, same component model): every
 * `components[]` entry, walked depth-first through nested `components[]` in document order, plus
 * the sub-components of `metadata.component`. `metadata.component` itself is the product the
 * SBOM describes, not one of its components, and is not matched.
 */
import { InputError } from '../../common/errors.js';
import { isObject } from './json.js';
import type { SbomEntry, SbomRead } from './types.js';

export function cycloneDxSpecVersion(raw: unknown, file: string, path: string): string {
  if (typeof raw !== 'string' || !/^1\.\d+$/.test(raw) || Number(raw.slice(2)) < 2) {
    throw new InputError({ file, path, message: `expected a CycloneDX spec version 1.2–1.6, got ${JSON.stringify(raw) ?? 'nothing'}` });
  }
  return raw;
}

function optionalString(obj: Record<string, unknown>, key: string, file: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InputError({ file, path: `${path}.${key}`, message: `expected a string, got ${typeof v}` });
  return v;
}

function asList(v: unknown, file: string, path: string): unknown[] {
  if (!Array.isArray(v)) throw new InputError({ file, path, message: 'expected an array of components' });
  return v;
}

/**
 * The source package Trivy records in a component's properties: `SrcName`, and the version
 * `[SrcEpoch:]SrcVersion[-SrcRelease]` (the dpkg form of the source's version). Anything not in
 * that shape is ignored: properties are free-form.
 */
function trivySource(props: unknown): SbomEntry['source'] {
  if (!Array.isArray(props)) return undefined;
  const get = (key: string): string | undefined => {
    for (const p of props) {
      if (isObject(p) && p['name'] === `aquasecurity:trivy:${key}` && typeof p['value'] === 'string' && p['value'].trim() !== '') return p['value'].trim();
    }
    return undefined;
  };
  const name = get('SrcName');
  if (name === undefined) return undefined;
  const version = get('SrcVersion');
  const epoch = get('SrcEpoch');
  const release = get('SrcRelease');
  const full = version === undefined ? undefined : `${epoch !== undefined && epoch !== '0' ? `${epoch}:` : ''}${version}${release !== undefined ? `-${release}` : ''}`;
  return { name, version: full };
}

export function readCycloneDxJson(doc: Record<string, unknown>, file: string): SbomRead {
  const specVersion = cycloneDxSpecVersion(doc['specVersion'], file, 'specVersion');
  const entries: SbomEntry[] = [];
  // pre-order walk with an explicit stack of frames (no recursion): any nesting depth is safe
  const roots: { list: unknown; path: string }[] = [];
  if (doc['components'] !== undefined) roots.push({ list: doc['components'], path: 'components' });
  const meta = doc['metadata'];
  if (isObject(meta) && isObject(meta['component']) && meta['component']['components'] !== undefined) {
    roots.push({ list: meta['component']['components'], path: 'metadata.component.components' });
  }
  for (const root of roots) {
    const stack: { list: unknown[]; path: string; i: number }[] = [{ list: asList(root.list, file, root.path), path: root.path, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.list.length) {
        stack.pop();
        continue;
      }
      const i = top.i++;
      const c = top.list[i];
      const p = `${top.path}[${i}]`;
      if (!isObject(c)) throw new InputError({ file, path: p, message: 'expected a component object' });
      const source = trivySource(c['properties']);
      entries.push({
        path: p,
        purlField: 'purl',
        purl: optionalString(c, 'purl', file, p),
        version: optionalString(c, 'version', file, p),
        name: optionalString(c, 'name', file, p),
        ...(source ? { source } : {}),
      });
      if (c['components'] !== undefined) stack.push({ list: asList(c['components'], file, `${p}.components`), path: `${p}.components`, i: 0 });
    }
  }
  return { format: 'CycloneDX JSON', specVersion, entries };
}

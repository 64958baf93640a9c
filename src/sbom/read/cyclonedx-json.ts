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

export function readCycloneDxJson(doc: Record<string, unknown>, file: string): SbomRead {
  const specVersion = cycloneDxSpecVersion(doc['specVersion'], file, 'specVersion');
  const entries: SbomEntry[] = [];
  // explicit stack (no recursion): arbitrarily deep nesting cannot overflow the call stack
  const stack: { list: unknown; path: string }[] = [];
  const meta = doc['metadata'];
  if (isObject(meta) && isObject(meta['component']) && meta['component']['components'] !== undefined) {
    stack.push({ list: meta['component']['components'], path: 'metadata.component.components' });
  }
  if (doc['components'] !== undefined) stack.push({ list: doc['components'], path: 'components' });
  while (stack.length > 0) {
    const { list, path } = stack.pop()!;
    if (!Array.isArray(list)) throw new InputError({ file, path, message: 'expected an array of components' });
    // push children in reverse so they pop (and are listed) in document order
    const children: { list: unknown; path: string }[] = [];
    list.forEach((c: unknown, i: number) => {
      const p = `${path}[${i}]`;
      if (!isObject(c)) throw new InputError({ file, path: p, message: 'expected a component object' });
      entries.push({
        path: p,
        purlPath: `${p}.purl`,
        purl: optionalString(c, 'purl', file, p),
        version: optionalString(c, 'version', file, p),
        name: optionalString(c, 'name', file, p),
      });
      if (c['components'] !== undefined) children.push({ list: c['components'], path: `${p}.components` });
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { format: 'CycloneDX JSON', specVersion, entries };
}

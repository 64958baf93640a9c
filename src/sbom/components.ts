/**
 * From SBOM entries to matchable components: each purl is parsed (a malformed purl is bad input,
 * reported at its field path) and mapped to its OSV package; entries that cannot be matched are
 * kept, with the reason, so that nothing is dropped silently.
 */
import { InputError } from '../common/errors.js';
import { packageKey, purlIdentity, type PurlIdentity } from './purl.js';
import type { SbomEntry, SbomFormat, SbomRead } from './read/types.js';

export interface Component {
  /** The SBOM file as the user named it. */
  readonly sbom: string;
  /** Field path in the SBOM, e.g. `components[12]`. */
  readonly path: string;
  /** The purl as written in the SBOM (trimmed). */
  readonly purl: string;
  readonly ecosystem: string;
  /** The OSV package name (`group:artifact` for Maven, `@scope/name` for npm, module path for Go). */
  readonly name: string;
  /** `packageKey(ecosystem, name)`: what advisories are looked up by. */
  readonly key: string;
  /** From the purl, else from the component's version field. */
  readonly version: string;
}

export interface Unscanned {
  readonly sbom: string;
  readonly path: string;
  readonly purl?: string;
  readonly name?: string;
  /** Why it cannot be matched: no purl, no version, or an ecosystem OSV has no name for. */
  readonly reason: string;
  /** Grouping label for summaries: the purl type, or `no purl`. */
  readonly group: string;
}

export interface LoadedSbom {
  readonly file: string;
  readonly format: SbomFormat;
  readonly specVersion: string;
  readonly entries: number;
  readonly components: readonly Component[];
  readonly unscanned: readonly Unscanned[];
}

/** Longest purl accepted; a longer one is bad input (no real purl comes near). */
export const MAX_PURL_LENGTH = 4096;

export function resolveComponents(read: SbomRead, file: string): LoadedSbom {
  const components: Component[] = [];
  const unscanned: Unscanned[] = [];
  const cache = new Map<string, PurlIdentity>();
  for (const e of read.entries) resolveOne(e, file, cache, components, unscanned);
  return { file, format: read.format, specVersion: read.specVersion, entries: read.entries.length, components, unscanned };
}

function resolveOne(e: SbomEntry, file: string, cache: Map<string, PurlIdentity>, out: Component[], skipped: Unscanned[]): void {
  const label = (): { name?: string } => (e.name !== undefined ? { name: e.name } : {});
  if (e.purl === undefined || e.purl.trim() === '') {
    skipped.push({ sbom: file, path: e.path, ...label(), reason: 'no purl', group: 'no purl' });
    return;
  }
  const purl = e.purl.trim();
  let id = cache.get(purl);
  if (id === undefined) {
    const at = { file, ...(e.line !== undefined ? { line: e.line, column: e.column } : {}), path: `${e.path}.${e.purlField}` };
    if (purl.length > MAX_PURL_LENGTH) {
      throw new InputError({ ...at, message: `purl longer than ${MAX_PURL_LENGTH} characters` });
    }
    try {
      id = purlIdentity(purl);
    } catch (err) {
      const why = err instanceof Error ? err.message.replace(/^Invalid purl: /, '') : String(err);
      throw new InputError({ ...at, message: `malformed purl ${JSON.stringify(purl.slice(0, 200))}: ${why}` });
    }
    cache.set(purl, id);
  }
  if (id.kind === 'unsupported') {
    skipped.push({ sbom: file, path: e.path, purl, ...label(), reason: id.reason, group: id.type });
    return;
  }
  // a Debian binary package is looked up as the source package Trivy names (docs/sbom.md)
  const debian = e.source !== undefined && id.ecosystem.startsWith('Debian:') ? e.source : undefined;
  const name = debian?.name ?? id.name;
  const version = debian?.version ?? id.version ?? (e.version?.trim() || undefined);
  if (version === undefined) {
    skipped.push({ sbom: file, path: e.path, purl, ...label(), reason: 'no version in the purl or the component', group: id.ecosystem });
    return;
  }
  out.push({ sbom: file, path: e.path, purl, ecosystem: id.ecosystem, name, key: packageKey(id.ecosystem, name), version });
}

/**
 * Go module version order: SemVer 2.0.0 with the mandatory `v` prefix of Go (`v1.2.3`); OSV Go
 * records carry the same versions without the `v`, so it is optional here.
 *
 * - `+incompatible` (a v2+ module without go.mod) is build metadata and does not affect order.
 * - Pseudo-versions (`v0.0.0-20210817142637-7d9622a276b7`, `v1.2.4-0.20210101000000-abcdef`) are
 *   SemVer prereleases and order correctly by their timestamp.
 * - The standard library (`stdlib`, `toolchain`) uses Go release names: `go1.20.1` → `1.20.1`,
 *   `go1.21` → `1.21.0`, `go1.21rc2` → `1.21.0-rc.2` (the form OSV's Go records use).
 * - Anything else that is not SemVer (`(devel)`, a branch name) is unorderable.
 * Source: go.dev/ref/mod#versions and #pseudo-versions.
 */
import type { SemVer } from 'semver';
import { MAX_VERSION_LENGTH, type VersionOrder } from './order.js';
import { compareSemver, parseSemver } from './npm.js';

/** `go1.21rc2` / `1.21rc2` / `go1.20` → SemVer text, or undefined when not a Go release name. */
function goReleaseName(s: string): string | undefined {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(s);
  if (!m) return undefined;
  const pre = m[4] ? `-${m[4]}.${m[5]}` : '';
  return `${m[1]}.${m[2]}.${m[3] ?? '0'}${pre}`;
}

export function parseGo(raw: string): SemVer | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  const s = raw.startsWith('v') ? raw.slice(1) : raw;
  const direct = parseSemver(s);
  if (direct) return direct;
  const release = goReleaseName(s);
  return release === undefined ? undefined : parseSemver(release);
}

export const goOrder: VersionOrder<SemVer> = {
  label: 'Go module versions (SemVer 2.0.0, v prefix, pseudo-versions, go1.x release names)',
  parse: parseGo,
  compare: compareSemver,
};

/**
 * npm version order: SemVer 2.0.0 precedence (semver.org §11), via the `semver` package that npm
 * itself uses. Build metadata (`+…`) is ignored; a prerelease sorts below its release
 * (`1.3.0-beta.1` < `1.3.0`); numeric prerelease identifiers compare numerically and sort below
 * alphanumeric ones.
 *
 * This is pure ordering (`semver.compare`), never range satisfaction: npm ranges such as
 * `<1.3.0` exclude prereleases unless `includePrerelease` is set, which OSV evaluation must not do.
 * Strings that are not strict SemVer (`1.2`, `latest`) are unorderable.
 */
import { SemVer } from 'semver';
import { MAX_VERSION_LENGTH, type VersionOrder } from './order.js';

export function parseSemver(raw: string): SemVer | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  try {
    return new SemVer(raw);
  } catch {
    return undefined;
  }
}

export const compareSemver = (a: SemVer, b: SemVer): number => a.compare(b);

export const npmOrder: VersionOrder<SemVer> = {
  label: 'SemVer 2.0.0 precedence (semver package)',
  parse: parseSemver,
  compare: compareSemver,
};

/**
 * SemVer for ecosystems whose tools are more lenient than npm (crates.io, Hex, Pub, SwiftURL,
 * ConanCenter, GitHub Actions) and for OSV `SEMVER` ranges: a leading `v` is dropped and a
 * missing minor or patch counts as 0 (`1.2` = `1.2.0`), as OSV's own tooling does.
 */
export function parseLenientSemver(raw: string): SemVer | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  let s = raw.trim();
  if (s.startsWith('v') || s.startsWith('V')) s = s.slice(1);
  const strict = parseSemver(s);
  if (strict) return strict;
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?([-+].*)?$/.exec(s);
  if (!m) return undefined;
  return parseSemver(`${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}`);
}

export const lenientSemverOrder: VersionOrder<SemVer> = {
  label: 'SemVer 2.0.0 precedence, lenient (leading v, missing minor/patch = 0)',
  parse: parseLenientSemver,
  compare: compareSemver,
};

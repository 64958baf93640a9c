/**
 * GitHub Actions version order: SemVer 2.0.0 precedence over release tags, with the leading `v`
 * that action tags carry (`v4.1.7`). A tag with a missing minor or patch (`v4`, `v4.1`) is not a
 * version but a pointer: GitHub's guidance for action authors is to move the major (and minor)
 * tag to each new release, so `actions/checkout@v4` is whatever v4.x.y was last tagged. Read as
 * 4.0.0 it would be reported affected by an advisory fixed in 4.0.1 that the workflow already runs,
 * and not affected by one introduced in 4.2.0 that it does run; it is unorderable (undecided).
 * A commit SHA is unorderable too (it needs the repository's history).
 */
import type { SemVer } from 'semver';
import { MAX_VERSION_LENGTH, type VersionOrder } from './order.js';
import { compareSemver, parseSemver } from './npm.js';

export function parseActionVersion(raw: string): SemVer | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  const s = raw.trim().replace(/^[vV]/, '');
  return /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(s) ? parseSemver(s) : undefined;
}

export const githubActionsOrder: VersionOrder<SemVer> = {
  label: 'GitHub Actions release tags (SemVer 2.0.0 with a leading v; a moving v4 or v4.1 tag is not a version)',
  parse: parseActionVersion,
  compare: compareSemver,
};

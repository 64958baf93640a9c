/**
 * Pub (Dart, pub.dev) version order: `Version.compareTo` of the `pub_semver` package, which the
 * pub client and pub.dev use. It is SemVer 2.0.0 precedence, with one departure that matters for
 * matching: build metadata is compared rather than ignored. pub.dev publishes versions that
 * differ only in it (Flutter plugins: `0.4.0+8`, `0.4.0+9`), so an advisory fixed in `0.4.0+9`
 * does not cover `0.4.0+8`, which plain SemVer would call equal to the fix.
 *
 * - major.minor.patch numerically; a prerelease below its release; prerelease identifiers as in
 *   SemVer (numbers numerically, numbers below words, a missing identifier below a present one);
 * - then build metadata: none below some (`1.0.0` < `1.0.0+1`), identifiers compared the same way
 *   as prerelease ones (`1.0.0+2` < `1.0.0+10` < `1.0.0+a`, `1.0.0+1` < `1.0.0+1.1`).
 * Parsing is the lenient SemVer of the other SemVer ecosystems (a leading `v`, `1.2` = `1.2.0`).
 */
import type { SemVer } from 'semver';
import { compareDigits, stripZeros, type VersionOrder } from './order.js';
import { compareSemver, parseLenientSemver } from './npm.js';

const isNumber = (s: string): boolean => /^\d+$/.test(s);

/** pub_semver's `_compareLists`: each part a number (`int.tryParse`) or a string. */
function compareParts(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    const xn = isNumber(x);
    const yn = isNumber(y);
    let c: number;
    if (xn && yn) c = compareDigits(stripZeros(x), stripZeros(y));
    else if (xn !== yn) c = xn ? -1 : 1; // strings come after numbers
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

export function comparePub(a: SemVer, b: SemVer): number {
  return compareSemver(a, b) || compareParts(a.build, b.build);
}

export const pubOrder: VersionOrder<SemVer> = {
  label: 'Pub pub_semver (SemVer 2.0.0 precedence, then build metadata)',
  parse: parseLenientSemver,
  compare: comparePub,
};

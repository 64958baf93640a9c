/**
 * RubyGems version order: `Gem::Version#<=>` (rubygems/version.rb).
 *
 * - A version is `N(.X)*` with an optional `-suffix` (`[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?`),
 *   surrounding spaces allowed; each `-` reads as `.pre.`.
 * - Segments are the runs of digits (numbers) and of letters (strings): `1.0.rc1` → 1, 0, "rc", 1.
 *   Any letter makes the version a prerelease, and a prerelease sorts below its release.
 * - Canonical segments: trailing zeros dropped from the numeric part before the first string, and
 *   from what follows it (`1.0.0` = `1`, `1.0.a` = `1.a`).
 * - Compared segment by segment, missing ones as 0: numbers numerically, strings by bytes
 *   (case-sensitive), and a string below a number (`1.a` < `1.0` < `1.1`).
 */
import { MAX_VERSION_LENGTH, compareDigits, stripZeros, type VersionOrder } from './order.js';

/** Numbers as digit strings without leading zeros; strings tagged to tell them apart. */
type Segment = { readonly n: string } | { readonly s: string };
export type GemVersion = readonly Segment[];

const VALID = /^\s*(?:[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?\s*$/;
const ZERO: Segment = { n: '0' };
const isZero = (x: Segment): boolean => 'n' in x && x.n === '0';

function dropTrailingZeros(xs: Segment[]): Segment[] {
  let end = xs.length;
  while (end > 0 && isZero(xs[end - 1]!)) end--;
  return xs.slice(0, end);
}

export function parseGem(raw: string): GemVersion | undefined {
  if (raw.length > MAX_VERSION_LENGTH || !VALID.test(raw)) return undefined;
  const text = raw.trim() === '' ? '0' : raw.trim().replace(/-/g, '.pre.');
  const segments: Segment[] = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((t) => (/^[0-9]/.test(t) ? { n: stripZeros(t) } : { s: t }));
  const firstString = segments.findIndex((x) => 's' in x);
  const numeric = firstString < 0 ? segments : segments.slice(0, firstString);
  const rest = firstString < 0 ? [] : segments.slice(firstString);
  return [...dropTrailingZeros(numeric), ...dropTrailingZeros(rest)];
}

export function compareGem(a: GemVersion, b: GemVersion): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const l = a[i] ?? ZERO;
    const r = b[i] ?? ZERO;
    if ('n' in l && 'n' in r) {
      const c = compareDigits(l.n, r.n);
      if (c !== 0) return c;
    } else if ('s' in l && 's' in r) {
      if (l.s !== r.s) return l.s < r.s ? -1 : 1;
    } else return 's' in l ? -1 : 1;
  }
  return 0;
}

/**
 * A Bundler lockfile writes a platform-specific gem as `version-platform` (`nokogiri
 * (1.13.10-x86_64-linux)`, `(1.13.10-java)`, `(1.13.10-arm64-darwin)`), and SBOM tools that copy
 * the lockfile (syft) carry that into the component version. The platform is not part of the
 * version (Gem::Platform is a separate field; purls put it in a `platform` qualifier), but
 * Gem::Version would read `1.13.10-java` as the prerelease `1.13.10.pre.java`, below 1.13.10: a
 * fix in 1.13.10 would then be reported missing, and an advisory introduced in 1.13.10 would miss
 * it. A trailing `-<platform>` of the forms RubyGems names platforms with (`java`, `jruby`,
 * `mswin32`, `x64-mingw-ucrt`, `<cpu>-<os>[-<suffix>][-<version>]`) is therefore dropped before
 * parsing; no advisory version carries one.
 */
const PLATFORM_SUFFIX =
  /-(?:java|jruby|dalvik\d*|mswin(?:32|64)|mingw32|(?:universal|x86|x86_64|x64|i[3-6]86|arm|arm64|aarch64|armv\d+[a-z]*|powerpc|powerpc64|powerpc64le|ppc64le|s390x|sparc|sparc64|riscv64|mips64el)-(?:linux|darwin|mingw32|mingw|mswin32|mswin64|mingw-ucrt|java|freebsd|openbsd|netbsd|solaris|aix|cygwin)(?:-[a-z]+)?(?:-?\d+)?)\s*$/;

/** The version of a Bundler `version-platform` string (`1.13.10-java` → `1.13.10`), else the string. */
export function withoutPlatform(raw: string): string {
  const m = PLATFORM_SUFFIX.exec(raw);
  return m === null ? raw : raw.slice(0, m.index);
}

export const rubygemsOrder: VersionOrder<GemVersion> = {
  label: 'RubyGems Gem::Version',
  parse: (raw) => (raw.length > MAX_VERSION_LENGTH ? undefined : (parseGem(withoutPlatform(raw)) ?? parseGem(raw))),
  compare: compareGem,
};

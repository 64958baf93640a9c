/**
 * Package URL → OSV package identity (ecosystem, name), per the purl spec and the mapping OSV's
 * own scanner uses (vuln-sbom.md §3.2). Qualifiers and subpath never take part in identity;
 * percent-encoding is decoded by packageurl-js (`%40scope` → `@scope`, `2%3A8.39` → `2:8.39`).
 */
import { PackageURL } from 'packageurl-js';
import { normalizePypiName } from './versions/pypi.js';

export type PurlIdentity =
  | { readonly kind: 'package'; readonly ecosystem: string; readonly name: string; readonly version: string | undefined }
  | { readonly kind: 'unsupported'; readonly type: string; readonly reason: string };

/** Parses a purl; throws an Error whose message says what is wrong. */
export function parsePurl(text: string): PackageURL {
  try {
    return PackageURL.fromString(text);
  } catch (e) {
    // packageurl-js 2.0.1's golang validator rejects a version of "v" + non-SemVer ("v1.2") by
    // calling a `throws` it never declared: a ReferenceError whose message ("throws is not
    // defined") says nothing about the purl. Report the rule it meant to report.
    if (e instanceof ReferenceError && /^pkg:golang\//i.test(text)) {
      throw new Error(`golang "version" component starting with a "v" must be followed by a valid semver version`);
    }
    throw e;
  }
}

const joined = (p: PackageURL, sep: string): string => (p.namespace ? `${p.namespace}${sep}${p.name}` : p.name);

/** purl types whose OSV ecosystem does not depend on qualifiers. */
const SIMPLE: Readonly<Record<string, { ecosystem: string; name: (p: PackageURL) => string }>> = {
  maven: { ecosystem: 'Maven', name: (p) => joined(p, ':') },
  npm: { ecosystem: 'npm', name: (p) => joined(p, '/') },
  pypi: { ecosystem: 'PyPI', name: (p) => p.name },
  golang: { ecosystem: 'Go', name: (p) => joined(p, '/') },
  cargo: { ecosystem: 'crates.io', name: (p) => p.name },
  composer: { ecosystem: 'Packagist', name: (p) => joined(p, '/') },
  gem: { ecosystem: 'RubyGems', name: (p) => p.name },
  nuget: { ecosystem: 'NuGet', name: (p) => p.name },
  hex: { ecosystem: 'Hex', name: (p) => p.name },
  pub: { ecosystem: 'Pub', name: (p) => p.name },
  hackage: { ecosystem: 'Hackage', name: (p) => p.name },
  cran: { ecosystem: 'CRAN', name: (p) => p.name },
  conan: { ecosystem: 'ConanCenter', name: (p) => p.name },
  swift: { ecosystem: 'SwiftURL', name: (p) => joined(p, '/') },
  // OSV's scanner maps `github` purls to GitHub Actions; a repository that is not an action
  // then matches nothing (osv-scanner#535).
  github: { ecosystem: 'GitHub Actions', name: (p) => joined(p, '/') },
};

/** Debian release codenames → release numbers, for `distro=stretch` style qualifiers (debian.org/releases). */
const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  buzz: '1.1', rex: '1.2', bo: '1.3', hamm: '2.0', slink: '2.1', potato: '2.2', woody: '3.0', sarge: '3.1',
  etch: '4', lenny: '5', squeeze: '6', wheezy: '7', jessie: '8', stretch: '9', buster: '10', bullseye: '11',
  bookworm: '12', trixie: '13', forky: '14',
};

function distroRelease(p: PackageURL, distro: string): string | undefined {
  const q = p.qualifiers?.['distro'];
  if (!q) return undefined;
  const d = q.toLowerCase();
  if (distro === 'debian') {
    const m = /^(?:debian-)?(\d+(?:\.\d+)?)/.exec(d);
    if (m) return m[1]!.replace(/\.\d+$/, '');
    return DEBIAN_CODENAMES[d.replace(/^debian-/, '')];
  }
  if (distro === 'alpine') {
    if (/^(?:alpine-)?edge$/.test(d)) return 'edge';
    const m = /^(?:alpine-)?v?(\d+)\.(\d+)/.exec(d);
    return m ? `v${m[1]}.${m[2]}` : undefined;
  }
  return undefined;
}

/**
 * The dpkg epoch of an OS package: scalibr/osv-scanner write it inside the version (`2%3A8.39-…`,
 * vuln-sbom.md §4.5), Trivy as an `epoch` qualifier with the version bare (as the purl spec's rpm
 * type does; the saved Trivy SBOMs carry `epoch=1`). Dropping the qualifier would compare
 * `1:2.33` as `0:2.33`, below every version of epoch 1. A version that already has an epoch keeps it.
 */
function withEpochQualifier(p: PackageURL, version: string | undefined): string | undefined {
  const epoch = p.qualifiers?.['epoch'];
  if (version === undefined || epoch === undefined || !/^\d+$/.test(epoch) || version.includes(':')) return version;
  return `${epoch}:${version}`;
}

/**
 * The source package of a Debian binary package, from the `upstream` qualifier syft writes
 * (`pkg:deb/debian/bsdutils@1:2.29.2-1+deb9u1?upstream=util-linux%402.29.2-1+deb9u1`: the source
 * name, and its version when it differs from the binary's). Debian's OSV records (DSA, DLA,
 * DEBIAN-CVE) name source packages with source versions, so a binary package is looked up as its
 * source: as `bsdutils` it would match no record, and with the binary's epoch (`1:`) it would sort
 * above every util-linux version.
 */
function debianSource(p: PackageURL): { name: string; version: string | undefined } | undefined {
  const up = p.qualifiers?.['upstream']?.trim();
  if (!up) return undefined;
  const at = up.indexOf('@');
  const name = (at < 0 ? up : up.slice(0, at)).trim();
  // packageurl-js reads qualifier values as form data, where `+` is a space; syft writes the `+`
  // of `+deb9u1` unencoded, and no Debian version holds a space
  const version = at < 0 ? undefined : up.slice(at + 1).trim().replace(/ /g, '+');
  if (name === '') return undefined;
  return { name, version: version === '' ? undefined : version };
}

/**
 * Fast path for the commonest purls (plain `pkg:maven|npm|pypi/…@version`, no percent-encoding
 * except an npm `%40` scope, simple qualifiers): the identity packageurl-js would give, without
 * building a PackageURL (the single hottest step on large SBOMs). Anything else returns undefined
 * and goes through packageurl-js; purl.test.ts checks both paths agree.
 */
const SIMPLE_PURL = /^pkg:(maven|npm|pypi)\/((?:%40)?[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*)@([A-Za-z0-9._~+!-]+)(?:\?([a-z][a-z0-9._-]*=[A-Za-z0-9._~-]+(?:&[a-z][a-z0-9._-]*=[A-Za-z0-9._~-]+)*))?$/;

function fastIdentity(text: string): PurlIdentity | undefined {
  const m = SIMPLE_PURL.exec(text);
  if (!m) return undefined;
  const type = m[1]!;
  const path = m[2]!;
  const slash = path.lastIndexOf('/');
  let ns = slash < 0 ? '' : path.slice(0, slash);
  let name = path.slice(slash + 1);
  if (ns.startsWith('%40')) {
    if (type !== 'npm' || ns.includes('/')) return undefined;
    ns = '@' + ns.slice(3);
  } else if (ns.includes('%40')) return undefined;
  if (name === '' || name.startsWith('%40')) return undefined;
  const version = m[3]!;
  if (type === 'maven') {
    if (ns === '') return undefined; // packageurl-js rejects it: let it say why
    return { kind: 'package', ecosystem: 'Maven', name: `${ns}:${name}`, version };
  }
  if (type === 'npm') {
    ns = ns.toLowerCase();
    name = name.toLowerCase();
    return { kind: 'package', ecosystem: 'npm', name: ns ? `${ns}/${name}` : name, version };
  }
  if (ns !== '') return undefined;
  return { kind: 'package', ecosystem: 'PyPI', name: normalizePypiName(name), version };
}

/** Parses a purl and maps it to its OSV identity; throws an Error (with the reason) for a malformed purl. */
export function purlIdentity(text: string): PurlIdentity {
  return fastIdentity(text) ?? osvIdentity(parsePurl(text));
}

/** The OSV identity of a parsed purl. */
export function osvIdentity(p: PackageURL): PurlIdentity {
  const version = p.version ? p.version : undefined;
  const simple = SIMPLE[p.type];
  if (simple) {
    const raw = simple.name(p);
    const name = p.type === 'pypi' ? normalizePypiName(raw) : raw;
    return { kind: 'package', ecosystem: simple.ecosystem, name, version };
  }
  const ns = p.namespace?.toLowerCase();
  if (p.type === 'deb' && ns === 'debian') {
    const rel = distroRelease(p, 'debian');
    if (rel === undefined) return { kind: 'unsupported', type: 'deb', reason: 'Debian release unknown (no usable distro qualifier)' };
    const source = debianSource(p);
    if (source) return { kind: 'package', ecosystem: `Debian:${rel}`, name: source.name, version: source.version ?? withEpochQualifier(p, version) };
    return { kind: 'package', ecosystem: `Debian:${rel}`, name: p.name, version: withEpochQualifier(p, version) };
  }
  if (p.type === 'apk' && ns === 'alpine') {
    const rel = distroRelease(p, 'alpine');
    if (rel === undefined) return { kind: 'unsupported', type: 'apk', reason: 'Alpine release unknown (no usable distro qualifier)' };
    return { kind: 'package', ecosystem: `Alpine:${rel}`, name: p.name, version };
  }
  if (p.type === 'deb' && ns === 'ubuntu') {
    return { kind: 'unsupported', type: 'deb', reason: 'Ubuntu release names are not mapped to OSV ecosystems (Ubuntu:20.04:LTS)' };
  }
  return { kind: 'unsupported', type: p.type, reason: `purl type "${p.type}" has no OSV ecosystem` };
}

/**
 * Ecosystems whose registry treats names that differ only in letter case as one package, so an
 * SBOM's `newtonsoft.json` is the advisory's `Newtonsoft.Json`: npm (legacy capitals included),
 * NuGet (package ids are case-insensitive), Packagist (vendor/name are lower-case), Hex and Pub
 * (lower-case names), GitHub Actions (GitHub owner/repository names are case-insensitive).
 * Case-sensitive names are kept as written: Maven coordinates, Go module paths (the module proxy
 * escapes capitals as `!x` because they differ), RubyGems (`RedCloth`), Hackage, CRAN.
 */
const CASE_INSENSITIVE: ReadonlySet<string> = new Set(['npm', 'NuGet', 'Packagist', 'Hex', 'Pub', 'GitHub Actions']);

/**
 * The key two package names must share to match: per ecosystem, the name as the registry
 * compares it. PyPI: PEP 503 (runs of `-_.` are one `-`, case folded). crates.io: case folded,
 * and `-` = `_` (crates.io refuses a crate whose name differs from an existing one only so, and
 * Cargo resolves `serde-json` to `serde_json`). Others in CASE_INSENSITIVE: case folded.
 */
export function packageKey(ecosystem: string, name: string): string {
  let n = name;
  if (ecosystem === 'PyPI') n = normalizePypiName(name);
  else if (ecosystem === 'crates.io') n = name.toLowerCase().replace(/_/g, '-');
  else if (CASE_INSENSITIVE.has(ecosystem)) n = name.toLowerCase();
  return `${ecosystem}\u0000${n}`;
}

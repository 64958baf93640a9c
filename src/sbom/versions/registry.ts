/**
 * Which version order evaluates which OSV ecosystem (OSV schema, "Affected versions" and the
 * ecosystem list). Ecosystem names are case-sensitive; distributions carry a release after a
 * colon (`Debian:9`, `Ubuntu:22.04:LTS`), which does not change the order.
 *
 * An ecosystem absent here is "not evaluated": its `ECOSYSTEM` ranges are reported, not guessed
 * (its `versions[]` lists and `SEMVER` ranges are still evaluated).
 */
import { erase, type AnyVersionOrder } from './order.js';
import { mavenOrder } from './maven.js';
import { lenientSemverOrder, npmOrder } from './npm.js';
import { pypiOrder } from './pypi.js';
import { goOrder } from './go.js';
import { debianOrder } from './debian.js';
import { rubygemsOrder } from './rubygems.js';
import { pubOrder } from './pub.js';
import { nugetOrder } from './nuget.js';
import { githubActionsOrder } from './github-actions.js';

const ORDERS: ReadonlyMap<string, AnyVersionOrder> = new Map([
  ['Maven', erase(mavenOrder)],
  ['npm', erase(npmOrder)],
  ['PyPI', erase(pypiOrder)],
  ['Go', erase(goOrder)],
  // Ecosystems whose versions are SemVer 2.0.0 (OSV schema; each registry's docs)
  ['crates.io', erase(lenientSemverOrder)],
  ['Hex', erase(lenientSemverOrder)],
  // SemVer, and build metadata counts (pub_semver)
  ['Pub', erase(pubOrder)],
  ['SwiftURL', erase(lenientSemverOrder)],
  // release tags; a moving major/minor tag (v4) is not a version
  ['GitHub Actions', erase(githubActionsOrder)],
  ['RubyGems', erase(rubygemsOrder)],
  ['NuGet', erase(nugetOrder)],
  // dpkg order
  ['Debian', erase(debianOrder)],
  ['Ubuntu', erase(debianOrder)],
]);

/** The base of an ecosystem name: `Debian:9` → `Debian`, `Ubuntu:Pro:18.04:LTS` → `Ubuntu`. */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

/** The order for an OSV ecosystem's `ECOSYSTEM` ranges, or undefined when not implemented. */
export function ecosystemOrder(ecosystem: string): AnyVersionOrder | undefined {
  return ORDERS.get(baseEcosystem(ecosystem));
}

/**
 * The order for a range of the given OSV type in the given ecosystem, or undefined when this
 * build cannot evaluate it. `SEMVER` ranges use SemVer 2.0.0 in every ecosystem (Go's reading,
 * which also accepts the `v` prefix and `go1.x` release names, for Go; release tags only for
 * GitHub Actions, where `v4` is a moving tag; strict SemVer for npm, whose registry holds no
 * partial version); `ECOSYSTEM` ranges use
 * the ecosystem's own order; `GIT` ranges need a commit graph and are never evaluated here.
 */
export function rangeOrder(type: string, ecosystem: string): AnyVersionOrder | undefined {
  if (type === 'SEMVER') {
    const base = baseEcosystem(ecosystem);
    // npm versions are strict SemVer (the registry holds no other), so a partial `1.2` in an npm
    // SBOM is a copied dependency spec (package.json "1.2" means any 1.2.x), not version 1.2.0
    return base === 'Go' || base === 'GitHub Actions' || base === 'npm' ? ORDERS.get(base) : SEMVER_RANGE_ORDER;
  }
  if (type === 'ECOSYSTEM') return ecosystemOrder(ecosystem);
  return undefined;
}
const SEMVER_RANGE_ORDER: AnyVersionOrder = erase(lenientSemverOrder);

/** Every implemented ecosystem with its order's label (for docs and `--help`). */
export function implementedEcosystems(): readonly { ecosystem: string; order: string }[] {
  return [...ORDERS].map(([ecosystem, o]) => ({ ecosystem, order: o.label }));
}

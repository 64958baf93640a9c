/**
 * Matching SBOM components against OSV advisories, following the OSV schema's evaluation
 * algorithm ("Evaluation", ossf/osv-schema docs/schema.md):
 *
 *     IsVulnerable(pkg, v): some affected[] entry for pkg has v in versions[], or v in one of its ranges
 *     in a range (only if v < some `limit`, when there are limit events): walk the events sorted
 *     by version, "0" first —
 *         introduced and v >= introduced      → vulnerable
 *         fixed and v >= fixed                → not vulnerable
 *         last_affected and v > last_affected → not vulnerable
 *
 * So an affected version lies in [introduced, fixed) or [introduced, last_affected]; several
 * affected[] entries for one package are a union; `database_specific` never changes the result.
 *
 * Advisories are indexed by (ecosystem, normalized package name) and their event versions parsed
 * once, so the cost is one hash look-up per component plus the ranges of its own package.
 */
import type { Component } from './components.js';
import type { OsvAdvisory, OsvAffected, OsvEvent, OsvRange } from './osv/model.js';
import { packageKey } from './purl.js';
import { severityFromCvss, severityRank, UNKNOWN } from './severity.js';
import type { AnyVersionOrder } from './versions/order.js';
import { baseEcosystem, ecosystemOrder, rangeOrder } from './versions/registry.js';

export interface Match {
  readonly sbom: string;
  /** The component's purl as written in the SBOM. */
  readonly component: string;
  /** The version that was evaluated (from the purl, else the component's version field). */
  readonly version: string;
  readonly advisory: string;
  readonly aliases: readonly string[];
  readonly severity: string;
  /** The version that leaves every matched range, when each matched range has a `fixed` event above `version`. */
  readonly fixed?: string;
  /** Extra facts for the text report (not in the JSON contract). */
  readonly detail: MatchDetail;
}

export interface MatchDetail {
  readonly path: string;
  readonly ecosystem: string;
  readonly package: string;
  readonly summary?: string;
  readonly modified: string;
  readonly published?: string;
  /** True when the version was listed in `versions[]`. */
  readonly listed: boolean;
  /** True when some matched range has no upper bound at all (only `introduced`). */
  readonly openEnded: boolean;
  /** GHSA's non-normative upper bound for an open-ended range (`<= 1.2.17`), shown but never applied. */
  readonly upperBoundHint?: string;
}

/** A (component, advisory) pair that could not be decided, and why. */
export interface NotEvaluated {
  readonly sbom: string;
  readonly component: string;
  readonly version: string;
  readonly advisory: string;
  readonly reason: string;
}

/** "0" in an `introduced` event: before every version. */
const ZERO = Symbol('introduced-0');
/** `limit: "*"`: after every version. */
const INFINITY = Symbol('limit-*');
type Bound = unknown;

interface PreparedEvent {
  readonly kind: OsvEvent['kind'];
  readonly raw: string;
  readonly at: Bound;
}

type PreparedRange =
  | { readonly ok: true; readonly order: AnyVersionOrder; readonly events: readonly PreparedEvent[]; readonly limits: readonly Bound[] }
  | { readonly ok: false; readonly reason: string };

interface PreparedAffected {
  readonly advisory: OsvAdvisory;
  readonly entry: OsvAffected;
  readonly listed: ReadonlySet<string>;
  /** `versions[]` parsed with the ecosystem's order (empty when it has none). */
  readonly listedParsed: readonly unknown[];
  readonly ranges: readonly PreparedRange[];
  readonly severity: string;
}

function compareBound(order: AnyVersionOrder, a: Bound, b: Bound): number {
  if (a === b) return 0;
  if (a === ZERO || b === INFINITY) return -1;
  if (b === ZERO || a === INFINITY) return 1;
  return order.compare(a, b);
}

function prepareRange(range: OsvRange, ecosystem: string): PreparedRange {
  const order = rangeOrder(range.type, ecosystem);
  if (order === undefined) {
    if (range.type === 'GIT') return { ok: false, reason: 'GIT range (commit hashes need the repository history)' };
    if (range.type === 'ECOSYSTEM') return { ok: false, reason: `no ${baseEcosystem(ecosystem)} version order implemented` };
    return { ok: false, reason: `unknown range type "${range.type}"` };
  }
  const events: PreparedEvent[] = [];
  const limits: Bound[] = [];
  for (const e of range.events) {
    let at: Bound;
    if (e.kind === 'introduced' && e.version === '0') at = ZERO;
    else if (e.kind === 'limit' && e.version === '*') at = INFINITY;
    else {
      at = order.parse(e.version);
      if (at === undefined) return { ok: false, reason: `advisory version "${e.version}" is not valid for ${order.label}` };
    }
    if (e.kind === 'limit') limits.push(at);
    else events.push({ kind: e.kind, raw: e.version, at });
  }
  // stable sort: events at the same version keep the advisory's order
  events.sort((a, b) => compareBound(order, a.at, b.at));
  return { ok: true, order, events, limits };
}

/**
 * A GIT range is undecidable for a version string, but when its entry also has `versions[]` (the
 * schema's enumeration of the affected versions, which OSV fills from the GIT ranges) or a range
 * in versions, those decide the entry and the GIT range adds nothing a version can be checked
 * against: it is dropped rather than reported as undecided for every unaffected version.
 */
function withoutCoveredGit(entry: OsvAffected, ranges: PreparedRange[]): PreparedRange[] {
  const git = entry.ranges.map((r) => r.type === 'GIT');
  if (!git.includes(true)) return ranges;
  const covered = entry.versions.length > 0 || ranges.some((r, i) => !git[i] && r.ok);
  return covered ? ranges.filter((_, i) => !git[i]) : ranges;
}

/**
 * The database's word when it is one of the known levels; else a computable CVSS rating; else
 * the database's own word (ranked below every level but `any`), else UNKNOWN. A word outside
 * the known levels ("IMPORTANT", "UNSPECIFIED") does not hide a CVSS score that would block.
 */
function prepareSeverity(a: OsvAdvisory, entry: OsvAffected): string {
  const word = a.databaseSeverity;
  if (word !== undefined && severityRank(word) >= 0) return word;
  return severityFromCvss(a.severity) ?? severityFromCvss(entry.severity) ?? word ?? UNKNOWN;
}

/** Advisories indexed by package, ready to evaluate. */
export class AdvisoryIndex {
  /** package key → the advisories concerning it, each with its affected[] entries for that package */
  private readonly byKey = new Map<string, { advisory: OsvAdvisory; entries: PreparedAffected[] }[]>();
  /** affected[] entries indexed. */
  readonly size: number;
  /** Advisories indexed (withdrawn ones are not). */
  readonly advisories: number;

  constructor(advisories: readonly OsvAdvisory[]) {
    let n = 0;
    let kept = 0;
    for (const advisory of advisories) {
      // OSV schema: a record with `withdrawn` set is no longer valid (the loader sets these aside
      // too; this keeps the library call matchSboms(sboms, records) from reporting one)
      if (advisory.withdrawn !== undefined) continue;
      kept++;
      for (const entry of advisory.affected) {
        const key = packageKey(entry.ecosystem, entry.name);
        const order = ecosystemOrder(entry.ecosystem);
        const prepared: PreparedAffected = {
          advisory,
          entry,
          listed: new Set(entry.versions),
          listedParsed: order ? entry.versions.map((s) => order.parse(s)).filter((x) => x !== undefined) : [],
          ranges: withoutCoveredGit(entry, entry.ranges.map((r) => prepareRange(r, entry.ecosystem))),
          severity: prepareSeverity(advisory, entry),
        };
        let groups = this.byKey.get(key);
        if (groups === undefined) this.byKey.set(key, (groups = []));
        const last = groups[groups.length - 1];
        if (last !== undefined && last.advisory === advisory) last.entries.push(prepared);
        else groups.push({ advisory, entries: [prepared] });
        n++;
      }
    }
    this.size = n;
    this.advisories = kept;
  }

  /**
   * The advisories concerning the component's package. A record of a distribution without a
   * release (`Debian`) concerns the package in every release (OSV schema, ecosystems: the
   * `:<RELEASE>` suffix is optional and scopes a package to one release), so a `Debian:12`
   * component is looked up under its own ecosystem and under the bare one; an advisory with
   * entries under both is evaluated once, with all of them.
   */
  private candidates(c: Component): readonly { advisory: OsvAdvisory; entries: PreparedAffected[] }[] | undefined {
    const own = this.byKey.get(c.key);
    const base = baseEcosystem(c.ecosystem);
    if (base === c.ecosystem) return own;
    const bare = this.byKey.get(packageKey(base, c.name));
    if (bare === undefined) return own;
    if (own === undefined) return bare;
    const merged = own.map((g) => ({ advisory: g.advisory, entries: [...g.entries] }));
    for (const g of bare) {
      const same = merged.find((m) => m.advisory === g.advisory);
      if (same) same.entries.push(...g.entries);
      else merged.push({ advisory: g.advisory, entries: g.entries });
    }
    return merged;
  }

  /** Every advisory that affects the component, plus the pairs that could not be decided. */
  evaluate(c: Component, out: Match[], undecided: NotEvaluated[]): void {
    const candidates = this.candidates(c);
    if (candidates === undefined) return;
    // the component's version parsed once per order (almost always a single order)
    const orders: AnyVersionOrder[] = [];
    const parsed: unknown[] = [];
    const versionAt = (order: AnyVersionOrder): unknown => {
      const i = orders.indexOf(order);
      if (i >= 0) return parsed[i];
      const v = order.parse(c.version);
      orders.push(order);
      parsed.push(v);
      return v;
    };
    for (const { advisory, entries } of candidates) {
      const verdict = evaluateAdvisory(c, entries, versionAt);
      if (verdict.kind === 'affected') {
        const detail: MatchDetail = {
          path: c.path,
          ecosystem: c.ecosystem,
          package: c.name,
          modified: advisory.modified,
          listed: verdict.listed,
          openEnded: verdict.openEnded,
          ...(advisory.summary !== undefined ? { summary: advisory.summary } : {}),
          ...(advisory.published !== undefined ? { published: advisory.published } : {}),
          ...(verdict.hint !== undefined ? { upperBoundHint: verdict.hint } : {}),
        };
        out.push({
          sbom: c.sbom,
          component: c.purl,
          version: c.version,
          advisory: advisory.id,
          aliases: advisory.aliases,
          severity: verdict.severity,
          ...(verdict.fixed !== undefined ? { fixed: verdict.fixed } : {}),
          detail,
        });
      } else if (verdict.kind === 'undecided') {
        undecided.push({ sbom: c.sbom, component: c.purl, version: c.version, advisory: advisory.id, reason: verdict.reason });
      }
    }
  }
}

type Verdict =
  | { kind: 'affected'; severity: string; fixed?: string; listed: boolean; openEnded: boolean; hint?: string }
  | { kind: 'not-affected' }
  | { kind: 'undecided'; reason: string };

interface RangeHit {
  readonly order: AnyVersionOrder;
  /** The `fixed` event that ends the matched stretch, or undefined (open-ended / last_affected). */
  readonly fix: PreparedEvent | undefined;
  readonly openEnded: boolean;
}

function evaluateAdvisory(c: Component, entries: readonly PreparedAffected[], versionAt: (o: AnyVersionOrder) => unknown): Verdict {
  let listed = false;
  const hits: RangeHit[] = [];
  let reason: string | undefined;
  let severity: string | undefined;
  let hint: string | undefined;
  for (const p of entries) {
    let hit = false;
    const inList = isListed(p, c.version, versionAt);
    if (inList === true) {
      listed = true;
      hit = true;
    } else if (inList !== false) reason ??= inList;
    for (const r of p.ranges) {
      if (!r.ok) {
        reason ??= r.reason;
        continue;
      }
      const v = versionAt(r.order);
      if (v === undefined) {
        reason ??= `component version "${c.version}" is not valid for ${r.order.label}`;
        continue;
      }
      const h = inRange(r, v);
      if (h) {
        hits.push(h);
        hit = true;
        if (h.openEnded && p.entry.lastKnownAffected !== undefined) hint ??= p.entry.lastKnownAffected;
      }
    }
    if (hit) severity ??= p.severity;
  }
  if (!listed && hits.length === 0) return reason === undefined ? { kind: 'not-affected' } : { kind: 'undecided', reason };
  const fixed = hits.length > 0 && hits.every((h) => h.fix !== undefined) ? firstUnaffectedFix(entries, highestFix(hits)) : undefined;
  return {
    kind: 'affected',
    severity: severity ?? UNKNOWN,
    listed,
    openEnded: hits.some((h) => h.openEnded),
    ...(fixed !== undefined ? { fixed } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
}

/**
 * `versions[]`: the same string, or (when the ecosystem has an order) an equal version (`1.0` =
 * `1.0.0` in Maven). Without an order, or when the component's version is not valid for it, a
 * string not in the list may still name a listed version (NuGet `1.0` = `1.0.0`, Alpine, an npm
 * `v1.0.0`): the answer is then the reason it cannot be decided, never "not listed".
 */
function isListed(p: PreparedAffected, version: string, versionAt: (o: AnyVersionOrder) => unknown): boolean | string {
  if (p.listed.size === 0) return false;
  if (p.listed.has(version)) return true;
  const order = ecosystemOrder(p.entry.ecosystem);
  if (order === undefined) return `no ${baseEcosystem(p.entry.ecosystem)} version order implemented (versions[] holds no identical string)`;
  const v = versionAt(order);
  if (v === undefined) return `component version "${version}" is not valid for ${order.label} (versions[] holds no identical string)`;
  return p.listedParsed.some((w) => order.compare(v, w) === 0);
}

/** The OSV range walk for one parsed version; undefined when the version is outside the range. */
function inRange(r: Extract<PreparedRange, { ok: true }>, v: unknown): RangeHit | undefined {
  const { order, events, limits } = r;
  if (limits.length > 0 && !limits.some((l) => compareBound(order, v, l) < 0)) return undefined;
  let vulnerable = false;
  for (const e of events) {
    if (e.kind === 'introduced') {
      if (compareBound(order, v, e.at) >= 0) vulnerable = true;
    } else if (e.kind === 'fixed') {
      if (compareBound(order, v, e.at) >= 0) vulnerable = false;
    } else if (e.kind === 'last_affected') {
      if (compareBound(order, v, e.at) > 0) vulnerable = false;
    }
  }
  if (!vulnerable) return undefined;
  // the end of the stretch v sits in: the first fixed above v, or last_affected at/above v
  for (const e of events) {
    if (e.kind === 'fixed' && compareBound(order, e.at, v) > 0) return { order, fix: e, openEnded: false };
    if (e.kind === 'last_affected' && compareBound(order, e.at, v) >= 0) return { order, fix: undefined, openEnded: false };
  }
  return { order, fix: undefined, openEnded: true };
}

/**
 * The highest fix can still lie in another stretch of the matched ranges (`[0, 2.0)` with
 * `[2.5, 4.0)`, and `[1.0, 3.0)`: 3.0 is affected). Move on to the fix of the stretch the
 * candidate sits in until a candidate leaves every range; undefined when that stretch has no fix
 * or the candidate is listed in `versions[]`. Runs only for matches, never on the hot path.
 */
function firstUnaffectedFix(entries: readonly PreparedAffected[], candidate: string | undefined): string | undefined {
  let fix = candidate;
  for (let guard = 0; fix !== undefined && guard < 1000; guard++) {
    const hits: RangeHit[] = [];
    for (const p of entries) {
      const at = fix;
      if (isListed(p, fix, (o) => o.parse(at)) !== false) return undefined;
      for (const r of p.ranges) {
        if (!r.ok) continue;
        const v = r.order.parse(fix);
        if (v === undefined) continue;
        const h = inRange(r, v);
        if (h) hits.push(h);
      }
    }
    if (hits.length === 0) return fix;
    if (!hits.every((h) => h.fix !== undefined)) return undefined;
    const next = highestFix(hits);
    if (next === fix) return undefined;
    fix = next;
  }
  return undefined;
}

function highestFix(hits: readonly RangeHit[]): string | undefined {
  let best: RangeHit | undefined;
  for (const h of hits) {
    if (best === undefined || (h.order === best.order && compareBound(h.order, h.fix!.at, best.fix!.at) > 0)) best = h;
  }
  return best?.fix?.raw;
}

/** Deterministic order: SBOM (as given), then component purl, version, advisory id. */
export function sortMatches<T extends { sbom: string; component: string; version: string; advisory: string }>(
  list: T[],
  sbomOrder: readonly string[],
): T[] {
  const pos = new Map(sbomOrder.map((s, i) => [s, i] as const));
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return list.sort(
    (a, b) =>
      (pos.get(a.sbom) ?? 0) - (pos.get(b.sbom) ?? 0) ||
      cmp(a.component, b.component) ||
      cmp(a.version, b.version) ||
      cmp(a.advisory, b.advisory),
  );
}

/** OSV advisories as the matcher uses them (ossf/osv-schema `docs/schema.md`). */

export type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
export const EVENT_KINDS: readonly EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

export interface OsvEvent {
  readonly kind: EventKind;
  readonly version: string;
}

export interface OsvRange {
  /** `SEMVER`, `ECOSYSTEM` or `GIT` (others are kept and reported as not evaluated). */
  readonly type: string;
  readonly events: readonly OsvEvent[];
}

export interface OsvSeverity {
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`, … */
  readonly type: string;
  readonly score: string;
}

export interface OsvAffected {
  readonly ecosystem: string;
  readonly name: string;
  readonly ranges: readonly OsvRange[];
  readonly versions: readonly string[];
  /** Per-package severity (the schema allows it instead of the top-level one). */
  readonly severity: readonly OsvSeverity[];
  /** GHSA's non-normative `database_specific.last_known_affected_version_range` (e.g. `<= 1.2.17`). */
  readonly lastKnownAffected?: string;
}

export interface OsvAdvisory {
  readonly id: string;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly summary?: string;
  readonly aliases: readonly string[];
  readonly severity: readonly OsvSeverity[];
  /** `database_specific.severity` (GHSA: LOW, MODERATE, HIGH, CRITICAL), upper-cased. */
  readonly databaseSeverity?: string;
  readonly affected: readonly OsvAffected[];
  /** Where it was read from: a file, or `archive.zip!entry.json`. */
  readonly source: string;
}

/**
 * An advisory's severity word: `database_specific.severity` when it is a known level (GHSA: LOW, MODERATE,
 * HIGH, CRITICAL), else the rating of a computable CVSS base score (v3.x preferred over v2; the
 * advisory's own `severity[]`, then the matched package's), else UNKNOWN.
 */
import { InputError } from '../common/errors.js';
import { cvssBaseScore, cvssRating, type CvssVersion } from './cvss.js';
import type { OsvSeverity } from './osv/model.js';

export const UNKNOWN = 'UNKNOWN';

/** Rank for ordering and thresholds; MODERATE (GHSA) and MEDIUM (CVSS) are the same level. */
const RANK: Readonly<Record<string, number>> = { CRITICAL: 4, HIGH: 3, MODERATE: 2, MEDIUM: 2, LOW: 1, NONE: 0 };
export function severityRank(word: string): number {
  return RANK[word] ?? -1;
}

export function severityFromCvss(list: readonly OsvSeverity[]): string | undefined {
  for (const type of ['CVSS_V3', 'CVSS_V2'] as const satisfies readonly CvssVersion[]) {
    for (const s of list) {
      if (s.type !== type) continue;
      const score = cvssBaseScore(type, s.score);
      if (score !== undefined) return cvssRating(type, score);
    }
  }
  return undefined;
}

/** Thresholds accepted by `--fail-on`, lowest first. */
export const FAIL_ON = ['any', 'low', 'moderate', 'medium', 'high', 'critical', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Minimum rank that blocks, for a `--fail-on` value (`any` includes UNKNOWN; `never` blocks nothing). */
export function failThreshold(value: string): number {
  const v = value.toLowerCase();
  if (v === 'any') return -Infinity;
  if (v === 'never') return Infinity;
  const r = RANK[v.toUpperCase()];
  if (r === undefined || v === 'none') {
    throw new InputError({ file: '<argv>', path: '--fail-on', message: `expected one of ${FAIL_ON.join(', ')}, got "${value}"` });
  }
  return r;
}

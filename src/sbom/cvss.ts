/**
 * CVSS base scores from vector strings, for advisories that carry a vector but no severity word.
 *
 * - v3.0 and v3.1: FIRST, "CVSS v3.1 Specification Document" §7.1 (base equations), §7.4 (metric
 *   values), Appendix A (Roundup, v3.1 floating-point-safe form); v3.0 rounds up with
 *   `ceil(x × 10) / 10` (v3.0 specification §8.1).
 * - v2: FIRST, "A Complete Guide to the CVSS Version 2" §3.2.1 (base equation).
 * Only base metrics count; temporal and environmental metrics in the vector are accepted and
 * ignored. CVSS v4.0 scores come from a lookup of macro-vectors and are not computed here.
 */

const V3_WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  PR: { N: 0.85, L: 0.62, H: 0.27 },
  UI: { N: 0.85, R: 0.62 },
  S: { U: 0, C: 1 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
} as const;
/** Privileges Required when Scope is Changed (§7.4). */
const V3_PR_CHANGED = { N: 0.85, L: 0.68, H: 0.5 } as const;
const V3_OTHER = new Set(['E', 'RL', 'RC', 'CR', 'IR', 'AR', 'MAV', 'MAC', 'MPR', 'MUI', 'MS', 'MC', 'MI', 'MA']);

type V3Key = keyof typeof V3_WEIGHTS;

function metrics(parts: readonly string[], base: ReadonlySet<string>, other: ReadonlySet<string>): Map<string, string> | undefined {
  const m = new Map<string, string>();
  for (const part of parts) {
    const i = part.indexOf(':');
    if (i <= 0) return undefined;
    const k = part.slice(0, i);
    const v = part.slice(i + 1);
    if (m.has(k) || (!base.has(k) && !other.has(k))) return undefined;
    m.set(k, v);
  }
  for (const k of base) if (!m.has(k)) return undefined;
  return m;
}

/** v3.1 Roundup (Appendix A): the smallest one-decimal number ≥ x, robust to floating-point error. */
export function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

const roundUp30 = (x: number): number => Math.ceil(x * 10) / 10;

function cvss3(vector: string): number | undefined {
  const m = /^CVSS:3\.([01])\/(.*)$/.exec(vector.trim());
  if (!m) return undefined;
  const mm = metrics(m[2]!.split('/'), new Set(Object.keys(V3_WEIGHTS)), V3_OTHER);
  if (!mm) return undefined;
  const w = (k: V3Key): number | undefined => (V3_WEIGHTS[k] as Readonly<Record<string, number>>)[mm.get(k)!];
  const scope = w('S');
  const [av, ac, ui, c, i, a] = [w('AV'), w('AC'), w('UI'), w('C'), w('I'), w('A')];
  const prValue = mm.get('PR')!;
  const pr = scope === 1 ? (V3_PR_CHANGED as Readonly<Record<string, number>>)[prValue] : w('PR');
  if ([scope, av, ac, ui, c, i, a, pr].some((x) => x === undefined)) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = scope === 1 ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  const round = m[1] === '1' ? roundUp31 : roundUp30;
  return scope === 1 ? round(Math.min(1.08 * (impact + exploitability), 10)) : round(Math.min(impact + exploitability, 10));
}

const V2_WEIGHTS = {
  AV: { L: 0.395, A: 0.646, N: 1.0 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
} as const;
const V2_OTHER = new Set(['E', 'RL', 'RC', 'CDP', 'TD', 'CR', 'IR', 'AR']);

function cvss2(vector: string): number | undefined {
  const body = vector.trim().replace(/^\(|\)$/g, '').replace(/^CVSS:2\.0\//, '');
  const mm = metrics(body.split('/'), new Set(Object.keys(V2_WEIGHTS)), V2_OTHER);
  if (!mm) return undefined;
  const w = (k: keyof typeof V2_WEIGHTS): number | undefined => (V2_WEIGHTS[k] as Readonly<Record<string, number>>)[mm.get(k)!];
  const [av, ac, au, c, i, a] = [w('AV'), w('AC'), w('Au'), w('C'), w('I'), w('A')];
  if ([av, ac, au, c, i, a].some((x) => x === undefined)) return undefined;
  const impact = 10.41 * (1 - (1 - c!) * (1 - i!) * (1 - a!));
  const exploitability = 20 * av! * ac! * au!;
  const f = impact === 0 ? 0 : 1.176;
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10) / 10;
}

export type CvssVersion = 'CVSS_V2' | 'CVSS_V3';

/** Base score of a CVSS vector of the given OSV severity type, or undefined when not computable. */
export function cvssBaseScore(type: string, vector: string): number | undefined {
  if (vector.length > 512) return undefined;
  if (type === 'CVSS_V3') return cvss3(vector);
  if (type === 'CVSS_V2') return cvss2(vector);
  return undefined;
}

/**
 * Qualitative rating of a base score: v3 "Qualitative Severity Rating Scale" (§5): 0 NONE,
 * 0.1–3.9 LOW, 4.0–6.9 MEDIUM, 7.0–8.9 HIGH, 9.0–10.0 CRITICAL; v2 has no CRITICAL (NVD:
 * 0–3.9 LOW, 4.0–6.9 MEDIUM, 7.0–10.0 HIGH).
 */
export function cvssRating(type: CvssVersion, score: number): string {
  if (type === 'CVSS_V2') return score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW';
  if (score === 0) return 'NONE';
  return score >= 9 ? 'CRITICAL' : score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW';
}

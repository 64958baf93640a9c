/**
 * Test and benchmark support (not shipped): the real lists of ../shared/data/lists parsed once,
 * the screening cases, and the scoring of any engine against them.
 */
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../../testing/shared.js';
import { parseListDir, isSkipped } from '../../lists/index.js';
import type { ListEntry } from '../../types.js';
import { analyzeName } from '../analyze.js';
import { matchSettings } from '../params.js';

let cached: ListEntry[] | undefined;

/** Every entry of every list in ../shared/data/lists (parsed by the list parsers). */
export function sharedEntries(): ListEntry[] {
  cached ??= parseListDir(sharedPath('data/lists')).flatMap((o) => (isSkipped(o) ? [] : [...o.entries]));
  return cached;
}

export interface ScreeningCase {
  readonly query: string;
  readonly query_country: string | null;
  readonly expected_match_name: string | null;
  readonly kind: string;
  readonly note: string;
}

export function screeningCases(): ScreeningCase[] {
  return readFileSync(sharedPath('cases/screening-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ScreeningCase);
}

/** Names accepted for a case: the expected name and any `accept_also=` in the note. */
export function acceptedNames(c: ScreeningCase): string[] {
  if (!c.expected_match_name) return [];
  const also = /accept_also=([^;(]+)/.exec(c.note)?.[1]?.trim();
  return also ? [c.expected_match_name, also] : [c.expected_match_name];
}

const s = matchSettings();
/** A name's words without legal forms: "Huawei Technologies Company" = "HUAWEI TECHNOLOGIES CO., LTD.". */
export function coreName(name: string): string {
  return analyzeName(name, s)
    .tokens.filter((t) => t.kind !== 'legal')
    .map((t) => t.text)
    .join(' ');
}

/** A ranked hit of any engine (datacustoms or a peer) at or above its own threshold. */
export interface RankedHit {
  readonly entry: ListEntry;
  readonly score: number;
}

export interface CaseOutcome {
  readonly case: ScreeningCase;
  readonly verdict: 'tp' | 'fn' | 'fp' | 'tn' | 'wrong';
  readonly top?: RankedHit;
}

export interface Evaluation {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly recall: number;
  readonly precision: number;
  readonly outcomes: readonly CaseOutcome[];
}

/**
 * Scores an engine on the cases. A positive case is found when an entry bearing the expected
 * name (legal forms set aside; name or alias) is among the top-scored alerts (ties included).
 * Precision counts every query that alerted: its top alert is right or it is a false positive
 * (a negative case that alerted, or a positive case whose top alert is another party).
 */
export function evaluate(cases: readonly ScreeningCase[], search: (c: ScreeningCase) => readonly RankedHit[]): Evaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const hits = search(c);
    const top = hits[0];
    const accept = acceptedNames(c).map(coreName);
    if (accept.length === 0) {
      if (top) {
        fp++;
        outcomes.push({ case: c, verdict: 'fp', top });
      } else {
        tn++;
        outcomes.push({ case: c, verdict: 'tn' });
      }
      continue;
    }
    const best = top ? hits.filter((h) => h.score === top.score) : [];
    const ok = best.some((h) => [h.entry.name, ...h.entry.aliases].some((n) => accept.includes(coreName(n))));
    if (ok) {
      tp++;
      outcomes.push({ case: c, verdict: 'tp', ...(top ? { top } : {}) });
    } else {
      fn++;
      if (top) fp++;
      outcomes.push({ case: c, verdict: top ? 'wrong' : 'fn', ...(top ? { top } : {}) });
    }
  }
  return { tp, fp, fn, tn, recall: tp / Math.max(1, tp + fn), precision: tp / Math.max(1, tp + fp), outcomes };
}

/** One line per failed case, for assertion messages and the benchmark report. */
export function failures(e: Evaluation): string[] {
  return e.outcomes
    .filter((o) => o.verdict === 'fn' || o.verdict === 'fp' || o.verdict === 'wrong')
    .map((o) => `${o.verdict.toUpperCase()} [${o.case.kind}] ${JSON.stringify(o.case.query)} expected ${JSON.stringify(o.case.expected_match_name)}, top ${o.top ? `${JSON.stringify(o.top.entry.name)} (${o.top.score.toFixed(3)})` : 'none'}`);
}

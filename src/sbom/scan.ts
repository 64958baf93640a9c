/**
 * The `sbom` check as a library: read SBOMs and advisories, match, and summarise.
 * `matchSboms` is pure; `readSbomFile` is the only function here that touches the disk.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../common/errors.js';
import { resolveComponents, type LoadedSbom, type Unscanned } from './components.js';
import { AdvisoryIndex, sortMatches, type Match, type NotEvaluated } from './match.js';
import type { OsvAdvisory } from './osv/model.js';
import { readSbomText } from './read/sbom.js';

export interface SbomSummary {
  readonly file: string;
  readonly format: string;
  readonly specVersion: string;
  /** Components/packages listed. */
  readonly entries: number;
  /** Components that could be looked up (purl with an OSV ecosystem and a version). */
  readonly scanned: number;
}

export interface SbomReport {
  readonly matches: readonly Match[];
  readonly notEvaluated: readonly NotEvaluated[];
  readonly unscanned: readonly Unscanned[];
  readonly sboms: readonly SbomSummary[];
  readonly advisories: number;
}

/** Reads and resolves one SBOM file (bad input → InputError naming the file and field). */
export function readSbomFile(file: string): LoadedSbom {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_STRING_TOO_LONG') throw new InputError({ file, message: 'SBOM too large to read as one document (over ~512 MB)' });
    throw new InputError({ file, message: `cannot read SBOM: ${code ?? String(e)}` });
  }
  return parseSbom(text, file);
}

export function parseSbom(text: string, file: string): LoadedSbom {
  return resolveComponents(readSbomText(text, file), file);
}

/** Matches every component of every SBOM against the advisories; deterministic output. */
export function matchSboms(sboms: readonly LoadedSbom[], advisories: readonly OsvAdvisory[] | AdvisoryIndex): SbomReport {
  const index = advisories instanceof AdvisoryIndex ? advisories : new AdvisoryIndex(advisories);
  const matches: Match[] = [];
  const undecided: NotEvaluated[] = [];
  for (const s of sboms) for (const c of s.components) index.evaluate(c, matches, undecided);
  const order = sboms.map((s) => s.file);
  return {
    matches: dedupe(sortMatches(matches, order)),
    notEvaluated: dedupe(sortMatches(undecided, order)),
    unscanned: sboms.flatMap((s) => s.unscanned),
    sboms: sboms.map((s) => ({ file: s.file, format: s.format, specVersion: s.specVersion, entries: s.entries, scanned: s.components.length })),
    advisories: advisories instanceof AdvisoryIndex ? advisories.advisories : advisories.length,
  };
}

/** Drops repeats of one (sbom, component, version, advisory) — an SBOM may list a component twice. */
function dedupe<T extends { sbom: string; component: string; version: string; advisory: string }>(sorted: T[]): T[] {
  return sorted.filter((m, i) => {
    const p = sorted[i - 1];
    return !(p && p.sbom === m.sbom && p.component === m.component && p.version === m.version && p.advisory === m.advisory);
  });
}

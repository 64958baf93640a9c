/**
 * The `sbom` check as a library: read SBOMs and advisories, match, and summarise.
 * `matchSboms` is pure; `readSbomFile` is the only function here that touches the disk.
 */
import { refuseDevice } from '../common/input-kind.js';
import { readWhole } from '../common/read-whole.js';
import { InputError } from '../common/errors.js';
import { decodeUtf8 } from '../common/utf8.js';
import { fsReason } from '../common/fs-errors.js';
import { resolveComponents, type LoadedSbom, type Unscanned } from './components.js';
import { AdvisoryIndex, sortMatches, type Match, type NotEvaluated } from './match.js';
import type { OsvAdvisory } from './osv/model.js';
import { readSbomText } from './read/sbom.js';
import { locateInJson } from './read/json.js';
import { severityRank } from './severity.js';
import { ecosystemOrder } from './versions/registry.js';

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
  let bytes: Buffer;
  refuseDevice(file);
  try {
    bytes = readWhole(file, 'an SBOM');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file, message: `cannot read SBOM: ${fsReason(e)}` });
  }
  let text: string;
  try {
    text = decodeSbomText(bytes, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_STRING_TOO_LONG') throw new InputError({ file, message: 'SBOM too large to read as one document (over ~512 MB)' });
    throw e;
  }
  return parseSbom(text, file);
}

/**
 * SBOM bytes as text: UTF-8, unless a UTF-16 byte-order mark says otherwise (Windows PowerShell's
 * `>` writes UTF-16LE with a BOM, so an SBOM saved that way is common on Windows build agents).
 */
export function decodeSbomText(bytes: Buffer, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // bytes that are not UTF-8 (a Latin-1 "é") are refused, not read as U+FFFD
  return decodeUtf8(bytes, file, 'an SBOM is JSON, XML or SPDX tag-value text in UTF-8, or UTF-16 with a byte order mark');
}

export function parseSbom(text: string, file: string): LoadedSbom {
  try {
    return resolveComponents(readSbomText(text, file), file);
  } catch (e) {
    // a bad field of a JSON SBOM is named with the line and column of its value too
    if (e instanceof InputError && /^\ufeff?\s*[{[]/.test(text.slice(0, 1024))) throw locateInJson(e, text, file);
    throw e;
  }
}

/** Matches every component of every SBOM against the advisories; deterministic output. */
export function matchSboms(sboms: readonly LoadedSbom[], advisories: readonly OsvAdvisory[] | AdvisoryIndex): SbomReport {
  const index = advisories instanceof AdvisoryIndex ? advisories : new AdvisoryIndex(advisories);
  const matches: Match[] = [];
  const undecided: NotEvaluated[] = [];
  for (const s of sboms) for (const c of s.components) index.evaluate(c, matches, undecided);
  const order = sboms.map((s) => s.file);
  return {
    matches: mergeAliases(dedupe(sortMatches(matches, order))),
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

/**
 * One match per vulnerability: advisories of one component that name each other in `aliases`
 * (or share an alias; OSV aliases are symmetric and transitive), such as a GHSA record and a CVE
 * record for the same issue, become one match. It keeps the id that sorts first, adds the other
 * ids and aliases to `aliases`, takes the highest severity, and keeps `fixed` only when every
 * record gives one (the highest). Input and output are sorted; runs only over the matches.
 */
function mergeAliases(sorted: Match[]): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    const a = sorted[i]!;
    while (j < sorted.length && sorted[j]!.sbom === a.sbom && sorted[j]!.component === a.component && sorted[j]!.version === a.version) j++;
    if (j - i === 1) out.push(a);
    else out.push(...mergeGroup(sorted.slice(i, j)));
    i = j;
  }
  return out;
}

function mergeGroup(group: readonly Match[]): Match[] {
  // union-find over the advisories of one component, joined by shared names (id or alias)
  const parent = group.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const owner = new Map<string, number>();
  group.forEach((m, k) => {
    for (const name of [m.advisory, ...m.aliases]) {
      const o = owner.get(name);
      if (o === undefined) owner.set(name, k);
      else parent[find(k)] = find(o);
    }
  });
  const merged: Match[] = [];
  group.forEach((m, k) => {
    const root = find(k);
    const members = group.filter((_, x) => find(x) === root);
    if (members[0] !== m) return; // merged under the first member (the id that sorts first)
    if (members.length === 1) {
      merged.push(m);
      return;
    }
    const aliases: string[] = [];
    for (const x of members) for (const name of [x.advisory, ...x.aliases]) if (name !== m.advisory && !aliases.includes(name)) aliases.push(name);
    const severity = members.reduce((s, x) => (severityRank(x.severity) > severityRank(s) ? x.severity : s), m.severity);
    const fixed = highestFixed(members, m.detail.ecosystem);
    const { fixed: _drop, ...rest } = m;
    merged.push({ ...rest, aliases, severity, ...(fixed !== undefined ? { fixed } : {}) });
  });
  return merged;
}

function highestFixed(members: readonly Match[], ecosystem: string): string | undefined {
  if (members.some((x) => x.fixed === undefined)) return undefined;
  const order = ecosystemOrder(ecosystem);
  let best = members[0]!.fixed!;
  for (const x of members) {
    const f = x.fixed!;
    if (f === best) continue;
    const a = order?.parse(f);
    const b = order?.parse(best);
    if (order === undefined || a === undefined || b === undefined) return undefined; // fixes that cannot be ordered
    if (order.compare(a, b) > 0) best = f;
  }
  return best;
}

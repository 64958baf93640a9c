/**
 * The two-stage matcher over list entries.
 *
 * Stage 1, candidates (generous, cheap): an inverted index from word compare forms to the names
 * holding them, looked up with each query word, its typo neighbours (symmetric single-character
 * deletions, verified by edit distance), its 5-letter prefix (inflections), adjacent words joined
 * (Chang Xin → changxin) and words split in two (Digitalsystem → digital system), plus acronyms
 * and the literal key. Names are ranked by the summed inverse document frequency of the words
 * found; the best `candidates` names go to stage 2.
 *
 * Stage 2, the explainable scorer (compare.ts) on each candidate name, best name per entry.
 */
import type { ListEntry } from '../types.js';
import { akaNames, analyzeName, type AnalyzedName, type Token } from './analyze.js';
import { compareNames, explainComparison, newSimCache, scoreNames, type SimCache } from './compare.js';
import { matchSettings, type MatchSettings } from './params.js';
import { editBudget, osaDistance, commonPrefix } from './similarity.js';
import { registeredNamesForKeys } from '../registered-names/index.js';
import { byCodeUnit } from '../code-unit-order.js';

export type NameKind = 'name' | 'alias' | 'weakAlias' | 'registered';

interface IndexedName {
  readonly entry: number;
  readonly analyzed: AnalyzedName;
  readonly kind: NameKind;
  /** The name as listed (for a derived pinyin/gloss variant: the Han name it came from). */
  readonly listed: string;
  /** For registered names: the table citation. */
  readonly citation?: string;
}

export interface MatcherOptions {
  readonly settings?: MatchSettings;
  /** Add the shipped registered Chinese names to entries they belong to (default true). */
  readonly registeredNames?: boolean;
  /** Names scored per query (stage 2), default 64. */
  readonly candidates?: number;
}

export interface MatchQuery {
  readonly name: string;
  /** ISO alpha-2 country of the screened party, when known. */
  readonly country?: string;
  readonly type?: 'company' | 'person';
}

export interface EntryMatch {
  readonly entry: ListEntry;
  readonly score: number;
  /** The list's name (or alias) that matched. */
  readonly matchedName: string;
  readonly nameKind: NameKind;
  readonly explanation: string;
}

const PREFIX = 5;
/** Words on more names than this are left out of candidate retrieval when the query has rarer ones. */
const MAX_DF = 1000;
/** Names whose retrieval weight is below this share of the best are not scored. */
const RETRIEVAL_FLOOR = 0.4;
/** Query words held by fewer names than this are also looked up by their typo and inflection neighbours. */
const EXPAND_BELOW_DF = 3;
/** Countries treated as one for the country qualifier (the PRC and its special administrative regions). */
const COUNTRY_GROUPS: readonly (readonly string[])[] = [['CN', 'HK', 'MO']];

function related(a: string, b: string): boolean {
  if (a === b) return true;
  return COUNTRY_GROUPS.some((g) => g.includes(a) && g.includes(b));
}

const indexable = (t: Token) => t.kind !== 'legal';

export class Matcher {
  readonly settings: MatchSettings;
  readonly entries: readonly ListEntry[];
  private readonly names: IndexedName[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly deletes = new Map<string, string[]>();
  private readonly prefixes = new Map<string, string[]>();
  private readonly literal = new Map<string, number[]>();
  private readonly acronyms = new Map<string, number[]>();
  private readonly candidateCount: number;
  private readonly expansions = new Map<string, readonly (readonly [string, number])[]>();
  private acc: Float64Array;
  private readonly touched: number[] = [];

  constructor(entries: readonly ListEntry[], options: MatcherOptions = {}) {
    this.settings = options.settings ?? matchSettings();
    this.entries = entries;
    this.candidateCount = options.candidates ?? 48;
    const withTable = options.registeredNames ?? true;
    entries.forEach((entry, i) => {
      const seen = new Set<string>();
      const cores: string[] = [];
      const add = (listed: string, kind: NameKind, citation?: string) => {
        const analyzed = analyzeName(listed, this.settings, entry.type === 'person');
        if (kind !== 'registered') cores.push(coreOf(analyzed));
        if (analyzed.tokens.length === 0 || seen.has(analyzed.key)) return;
        seen.add(analyzed.key);
        this.addName({ entry: i, analyzed, kind, listed, ...(citation ? { citation } : {}) });
        for (const v of analyzed.variants) {
          if (seen.has(v.key)) continue;
          seen.add(v.key);
          this.addName({ entry: i, analyzed: v, kind, listed, ...(citation ? { citation } : {}) });
        }
      };
      add(entry.name, 'name');
      for (const a of entry.aliases) add(a, 'alias');
      for (const a of entry.weakAliases ?? []) add(a, 'weakAlias');
      if (withTable && (entry.type === 'company' || entry.type === 'unknown')) {
        for (const row of registeredNamesForKeys(cores, this.settings)) add(row.registeredName, 'registered', row.citation);
      }
    });
    this.acc = new Float64Array(this.names.length);
  }

  /** Number of indexed names (names, aliases and derived keys). */
  get size(): number {
    return this.names.length;
  }

  private addName(n: IndexedName): void {
    const id = this.names.length;
    this.names.push(n);
    const push = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    };
    push(this.literal, n.analyzed.key);
    const toks = n.analyzed.tokens.filter(indexable);
    for (const t of toks) {
      const fresh = !this.postings.has(t.text);
      push(this.postings, t.text);
      if (fresh && !t.han && t.kind !== 'number') {
        if (t.text.length >= 4) for (const d of deletions(t.text)) pushWord(this.deletes, d, t.text);
        if (t.text.length >= PREFIX) pushWord(this.prefixes, t.text.slice(0, PREFIX), t.text);
      }
    }
    if (toks.length >= 2 && toks.every((t) => !t.han)) push(this.acronyms, toks.map((t) => t.surface[0]).join(''));
  }

  private idf(df: number): number {
    return Math.log(1 + this.names.length / df);
  }

  /** Vocabulary words near a query word (typos, shared long prefix, split in two), with retrieval factors. */
  private expand(t: Token): readonly (readonly [string, number])[] {
    const key = t.text + '\u0000' + t.surface;
    const cached = this.expansions.get(key);
    if (cached) return cached;
    const out: [string, number][] = [];
    const seen = new Set<string>([t.text]);
    for (const d of deletions(t.text)) {
      for (const w of this.deletes.get(d) ?? []) {
        if (seen.has(w)) continue;
        seen.add(w);
        const b = editBudget(t.text, w);
        if (b > 0 && osaDistance(t.text, w, b) <= b) out.push([w, 0.8]);
      }
    }
    if (t.text.length >= PREFIX) {
      for (const w of this.prefixes.get(t.text.slice(0, PREFIX)) ?? []) {
        if (seen.has(w)) continue;
        if (commonPrefix(t.text, w) >= Math.ceil(0.8 * Math.min(t.text.length, w.length))) {
          seen.add(w);
          out.push([w, 0.7]);
        }
      }
    }
    for (let k = 2; k <= t.surface.length - 2; k++) {
      const a = t.surface.slice(0, k);
      const b = t.surface.slice(k);
      if (this.postings.has(a) && this.postings.has(b)) out.push([a, 0.6], [b, 0.6]);
    }
    if (this.expansions.size >= 50_000) this.expansions.clear();
    this.expansions.set(key, out);
    return out;
  }

  /** Forgets memoised word expansions (benchmarks measure from cold). */
  clearCaches(): void {
    this.expansions.clear();
  }

  /** Stage 1: ids of the names worth scoring for one analysed query. */
  private candidates(q: AnalyzedName, out: Set<number>): void {
    const acc = this.acc;
    const touched = this.touched;
    const hit = (word: string, factor: number) => {
      const list = this.postings.get(word);
      if (!list) return;
      const w = this.idf(list.length) * factor;
      for (const id of list) {
        if (acc[id] === 0) touched.push(id);
        acc[id]! += w;
      }
    };
    for (const id of this.literal.get(q.key) ?? []) out.add(id);
    const all = q.tokens.filter(indexable);
    // Very frequent words and name particles only count when nothing rarer is there.
    const rare = all.filter((t) => t.kind !== 'particle' && (this.postings.get(t.text)?.length ?? 0) <= MAX_DF);
    const toks = rare.length > 0 ? rare : all;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      hit(t.text, 1);
      // Typo, inflection and split neighbours, for words the lists hold on few names or none.
      if (!t.han && t.kind !== 'number' && t.text.length >= 4 && (this.postings.get(t.text)?.length ?? 0) < EXPAND_BELOW_DF) {
        for (const [w, f] of this.expand(t)) hit(w, f);
      }
      // two or three words written as one
      let joined = t.surface;
      for (let k = i + 1; k < toks.length && k < i + 4; k++) {
        if (toks[k]!.han) break;
        joined += toks[k]!.surface;
        hit(joined, 1);
      }
    }
    // acronyms, both ways
    if (toks.length === 1 && !toks[0]!.han) for (const id of this.acronyms.get(toks[0]!.surface) ?? []) out.add(id);
    if (toks.length >= 2 && toks.every((t) => !t.han)) hit(toks.map((t) => t.surface[0]).join(''), 0.5);

    // best candidates by accumulated weight (names far below the best are not worth scoring)
    if (touched.length <= this.candidateCount) {
      for (const id of touched) out.add(id);
    } else {
      let max = 0;
      for (const id of touched) if (acc[id]! > max) max = acc[id]!;
      const floor = max * RETRIEVAL_FLOOR;
      const kept = touched.filter((id) => acc[id]! >= floor);
      if (kept.length > this.candidateCount) kept.sort((a, b) => acc[b]! - acc[a]! || a - b);
      for (let k = 0; k < kept.length && k < this.candidateCount; k++) out.add(kept[k]!);
    }
    for (const id of touched) acc[id] = 0;
    touched.length = 0;
  }

  private scoreForm(query: MatchQuery, forms: readonly AnalyzedName[], caches: readonly SimCache[], fi: number, best: Map<number, { score: number; form: number; name: IndexedName }>): void {
    const s = this.settings;
    const f = forms[fi]!;
    const ids = new Set<number>();
    this.candidates(f, ids);
    for (const id of ids) {
      const n = this.names[id]!;
      if (f.han !== n.analyzed.han) continue; // Han is compared with Han; pinyin/gloss keys with Latin
      const entry = this.entries[n.entry]!;
      if (query.type && entry.type !== 'unknown' && entry.type !== query.type) continue; // vessels and aircraft only without --type
      let score = scoreNames(f, n.analyzed, s, caches[fi]);
      if (score <= 0) continue;
      // a name the query states itself (a.k.a.) is not a derived key
      if ((f.derivation !== undefined && f.derivation !== 'a.k.a. name') || n.analyzed.derivation !== undefined) score *= s.derivedFactor;
      if (n.kind === 'weakAlias') score = f.key === n.analyzed.key ? Math.min(score, s.weakAliasExact) : score * s.weakAliasFactor;
      if (query.country && entry.countries.length > 0 && !entry.countries.some((c) => related(c, query.country!))) {
        score -= s.countryMismatch;
      }
      score = Math.max(0, Math.min(1, score));
      const prior = best.get(n.entry);
      if (!prior || score > prior.score) best.set(n.entry, { score, form: fi, name: n });
    }
  }

  /** Scores one query against the lists: the best name per entry, best first, down to `floor`. */
  match(query: MatchQuery, floor = this.settings.candidateFloor, limit = 50): EntryMatch[] {
    const s = this.settings;
    const analyzed = analyzeName(query.name, s);
    const forms = analyzed.parts ? [analyzed, ...analyzed.variants, ...analyzed.parts] : [analyzed, ...analyzed.variants];
    // "X a.k.a. Y": each name the query states is screened as a name of its own.
    for (const piece of akaNames(query.name) ?? []) {
      const a = analyzeName(piece, s);
      forms.push({ ...a, derivation: 'a.k.a. name' }, ...a.variants, ...(a.parts ?? []));
    }
    const caches = forms.map(newSimCache);
    const best = new Map<number, { score: number; form: number; name: IndexedName }>();
    // The query as written first; its pinyin and gloss keys (Chinese queries), the Chinese
    // and the Latin part of a name written in both scripts, and the names it states with
    // "a.k.a.", only when the query as written found no match: they are secondary keys.
    this.scoreForm(query, forms, caches, 0, best);
    if (forms.length > 1) {
      let top = 0;
      for (const b of best.values()) top = Math.max(top, b.score);
      if (top < s.alertThreshold) for (let fi = 1; fi < forms.length; fi++) this.scoreForm(query, forms, caches, fi, best);
    }
    const kept: [number, { score: number; form: number; name: IndexedName }][] = [];
    // Compared as reported (rounded to 3 decimals): a 0.7999… shown as 0.8 is at a 0.8 floor,
    // whether the floor is the alert threshold or the lower --all floor.
    for (const kv of best) if (round(kv[1].score) >= floor) kept.push(kv);
    kept.sort((a, b) => b[1].score - a[1].score || byCodeUnit(this.entries[a[0]]!.entityId, this.entries[b[0]]!.entityId));
    // Explanations (a second, recording alignment) only for what is returned.
    const out: EntryMatch[] = [];
    for (const [i, b] of kept.slice(0, limit)) {
      const f = forms[b.form]!;
      const entry = this.entries[i]!;
      out.push({
        entry,
        score: round(b.score),
        matchedName: b.name.listed,
        nameKind: b.name.kind,
        explanation: viaOf(f, b.name, query.country, entry, s) + explainComparison(compareNames(f, b.name.analyzed, s)),
      });
    }
    return out;
  }
}

function viaOf(q: AnalyzedName, n: IndexedName, country: string | undefined, entry: ListEntry, s: MatchSettings): string {
  const parts: string[] = [];
  if (n.kind === 'alias') parts.push(`alias "${n.listed}"`);
  else if (n.kind === 'weakAlias') parts.push(`weak alias "${n.listed}"`);
  else if (n.kind === 'registered') parts.push(`registered Chinese name ${n.listed} (shipped table, ${n.citation ?? 'cited'})`);
  if (n.analyzed.derivation) parts.push(`${n.analyzed.derivation} of ${n.listed}`);
  if (q.derivation === 'a.k.a. name') parts.push(`the query's name "${q.name}" (stated with a.k.a. or the like)`);
  else if (q.derivation) parts.push(`${q.derivation} of the query`);
  if (country && entry.countries.length > 0 && !entry.countries.some((c) => related(c, country))) {
    parts.push(`country ${country} not in ${entry.countries.join('/')} (−${s.countryMismatch})`);
  }
  return parts.length ? `via ${parts.join(', ')}: ` : '';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Adds a word under a key; callers add each word once per key. */
function pushWord(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else list.push(word);
}

/** The word itself and every distinct single-character deletion of it (symmetric-delete typo index). */
function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) {
    if (i > 0 && w.charCodeAt(i) === w.charCodeAt(i - 1)) continue; // same deletion as the previous one
    out.push(w.slice(0, i) + w.slice(i + 1));
  }
  return out;
}

/** A name's words without legal forms (the registered-names table key). */
function coreOf(a: AnalyzedName): string {
  let out = '';
  for (const t of a.tokens) if (t.kind !== 'legal') out += (out ? ' ' : '') + t.text;
  return out;
}

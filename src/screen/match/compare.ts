/**
 * The explainable scorer: two analysed names → a score in [0, 1] and the alignment behind it.
 *
 * 1. Literal: equal comparable keys (same words, legal forms mapped to compare forms) → 1.
 * 2. Token alignment, one-to-one, best pairs first: exact word, legal forms (same compare form,
 *    same generic class), split/joined words (Chang Xin = ChangXin, Digital System =
 *    Digitalsystem), abbreviations (Lab = Laboratories, Comm = Communications), shared stems
 *    (Kasperskogo ≈ Kaspersky) and typos within an edit budget (Hikvison ≈ Hikvision).
 *    Numbers only match equal numbers. Han words only match equal Han words.
 * 3. Score = Σ weight·similarity over the pairs ÷ (Σ pair weights + query words left over ×
 *    extra.query + list words left over × extra.result). Each token weighs by its class:
 *    distinctive word 1, place 0.5, legal form 0.3, weak word 0.25, number 1.3. When the query
 *    has no distinctive word or number, list words other than legal forms left over weigh
 *    extra.query: a generic query does not match a longer name through its generic words.
 * 4. Numbers present on both sides that disagree multiply the score by the number penalty.
 * 5. Acronyms: a one-word name equal to the initials of the other scores `acronymScore`.
 */
import type { AnalyzedName, Token } from './analyze.js';
import type { MatchSettings } from './params.js';
import { ABBREVIATIONS } from './words.js';
import { commonPrefix, editBudget, isSubsequence, jaroWinkler, osaDistance } from './similarity.js';

export type PairHow = 'same' | 'typo' | 'stem' | 'abbrev' | 'joined' | 'legal';

export interface AlignedPair {
  /** Query token indexes (several when joined). */
  readonly q: readonly number[];
  /** List-name token indexes (several when joined). */
  readonly r: readonly number[];
  readonly sim: number;
  readonly weight: number;
  readonly how: PairHow;
}

export interface Comparison {
  readonly score: number;
  readonly literal: boolean;
  readonly acronym: boolean;
  readonly pairs: readonly AlignedPair[];
  readonly query: AnalyzedName;
  readonly result: AnalyzedName;
  readonly extraQuery: readonly number[];
  readonly extraResult: readonly number[];
  readonly numberMismatch: boolean;
}

const HOW_SAME = 0;
const HOW_TYPO = 1;
const HOW_STEM = 2;
const HOW_ABBREV = 3;
const HOW_LEGAL = 4;
const HOWS: readonly PairHow[] = ['same', 'typo', 'stem', 'abbrev', 'legal'];
/** Packs how a pair matched with its similarity (0 < sim ≤ 1) into one number. */
const enc = (how: number, sim: number): number => how * 2 + sim;

/**
 * Per-query memo of word similarities: one map per query token, list word → how·2 + sim
 * (0 = no match). Create one with {@link newSimCache} for each analysed query.
 */
export type SimCache = Map<string, number>[];

export const newSimCache = (query: AnalyzedName): SimCache => query.tokens.map(() => new Map<string, number>());

function legalSim(a: Token, b: Token, s: MatchSettings): number {
  if (a.text === b.text) return 1;
  if (a.generic && a.generic === b.generic) return s.legalSameGeneric;
  return s.legalOther;
}

/** Similarity of two non-legal, non-number, non-Han words, packed with how it matched. */
function wordSim(a: string, b: string, s: MatchSettings): number {
  if (a === b) return enc(HOW_SAME, 1);
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  // abbreviation: known short form, or a prefix/letters-in-order of a longer word
  const expanded = ABBREVIATIONS.get(short);
  if (expanded !== undefined && (expanded === long || long.startsWith(expanded))) return enc(HOW_ABBREV, s.abbrevSim);
  const budget = editBudget(a, b);
  if (budget > 0) {
    const d = osaDistance(a, b, budget);
    if (d <= budget) return enc(HOW_TYPO, Math.max(s.typoFloor, jaroWinkler(a, b)));
  }
  const cp = commonPrefix(a, b);
  if (cp >= 5 && cp >= Math.ceil(0.8 * short.length)) return enc(HOW_STEM, s.stemSim);
  if (short.length >= 3 && long.length >= short.length + 2) {
    if (cp === short.length) return enc(HOW_ABBREV, s.abbrevSim);
    if (isSubsequence(short, long) && short.length * 2 <= long.length + 1) return enc(HOW_ABBREV, s.abbrevSim * 0.95);
  }
  return 0;
}

function tokenSim(q: Token, r: Token, s: MatchSettings, memo: Map<string, number> | undefined): number {
  if (q.kind === 'legal' || r.kind === 'legal') {
    if (q.kind !== r.kind) return 0;
    return enc(HOW_LEGAL, legalSim(q, r, s));
  }
  if (q.kind === 'number' || r.kind === 'number') return q.kind === r.kind && q.text === r.text ? enc(HOW_SAME, 1) : 0;
  if (q.text === r.text) return enc(HOW_SAME, 1);
  if (q.han || r.han) return 0;
  // Quick reject: with different first letters only a typo can match (abbreviations and stems
  // share the first letter), and a typo keeps the lengths and the first two letters close.
  const a = q.text;
  const b = r.text;
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  if (a0 !== b0) {
    const budget = editBudget(a, b);
    if (budget === 0 || Math.abs(a.length - b.length) > budget) return 0;
    const a1 = a.charCodeAt(1);
    const b1 = b.charCodeAt(1);
    if (budget === 1 && a1 !== b1 && a0 !== b1 && a1 !== b0) return 0;
  }
  if (!memo) return wordSim(a, b, s);
  let v = memo.get(b);
  if (v === undefined) {
    v = wordSim(a, b, s);
    memo.set(b, v);
  }
  return v;
}

const joinable = (t: Token) => !t.han && (t.kind === 'word' || t.kind === 'weak' || t.kind === 'place');

interface Join {
  readonly a0: number;
  readonly a1: number;
  readonly b: number;
  readonly weight: number;
  readonly aIsQuery: boolean;
}

/** Joined words: tokens a0..a1 on one side spell token b on the other (no allocation unless found). */
function findJoins(a: readonly Token[], b: readonly Token[], aIsQuery: boolean, out: Join[]): void {
  for (let j = 0; j < b.length; j++) {
    const o = b[j]!;
    if (!joinable(o)) continue;
    const target = o.surface;
    for (let i = 0; i < a.length - 1; i++) {
      const first = a[i]!;
      if (!joinable(first) || !target.startsWith(first.surface)) continue;
      let pos = first.surface.length;
      let weight = first.weight;
      for (let k = i + 1; k < a.length && k < i + 4; k++) {
        const t = a[k]!;
        if (!joinable(t) || !target.startsWith(t.surface, pos)) break;
        pos += t.surface.length;
        weight += t.weight;
        if (pos === target.length) {
          out.push({ a0: i, a1: k, b: j, weight: (weight + o.weight) / 2, aIsQuery });
          break;
        }
      }
    }
  }
}

function initials(tokens: readonly Token[]): string | undefined {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'legal') continue;
    if (t.han) return undefined;
    out += t.surface[0];
  }
  return out.length >= 2 ? out : undefined;
}

/**
 * The one distinctive word of a name that could be an acronym ("IRISL"), or undefined. A generic
 * word, place, particle or number is no acronym: "Co., Ltd." keeps "co" as a weak word, whose
 * letters are the initials of every two-word name starting C…, O… ("Conte, Ousmane").
 */
function soleWord(tokens: readonly Token[]): string | undefined {
  let only: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'legal') continue;
    if (only) return undefined;
    only = t;
  }
  return only && only.kind === 'word' && !only.han && only.surface.length >= 2 && only.surface.length <= 10 ? only.surface : undefined;
}

let simBuf = new Float64Array(256);
let howBuf = new Uint8Array(256);

/** What an alignment found besides the score (module state: the hot path allocates nothing). */
let lastLiteral = false;
let lastAcronym = false;
let lastNumberMismatch = false;
let usedQBuf = new Uint8Array(64);
let usedRBuf = new Uint8Array(64);
const NO_JOINS: Join[] = [];

function align(query: AnalyzedName, result: AnalyzedName, s: MatchSettings, cache: SimCache | undefined, record: AlignedPair[] | null, usedQ: Uint8Array, usedR: Uint8Array): number {
  const qt = query.tokens;
  const rt = result.tokens;
  const nq = qt.length;
  const nr = rt.length;
  lastLiteral = false;
  lastAcronym = false;
  lastNumberMismatch = false;
  if (nq === 0 || nr === 0) return 0;
  usedQ.fill(0, 0, nq);
  usedR.fill(0, 0, nr);
  if (query.key === result.key) {
    if (record) for (let i = 0; i < nq; i++) record.push({ q: [i], r: [i], sim: 1, weight: qt[i]!.weight, how: 'same' });
    usedQ.fill(1, 0, nq);
    usedR.fill(1, 0, nr);
    lastLiteral = true;
    return 1;
  }
  const cells = nq * nr;
  if (cells > simBuf.length) {
    simBuf = new Float64Array(cells * 2);
    howBuf = new Uint8Array(cells * 2);
  }
  const sim = simBuf;
  const how = howBuf;
  let allSame = true;
  for (let i = 0; i < nq; i++) {
    const q = qt[i]!;
    const memo = cache?.[i];
    let any = false;
    for (let j = 0; j < nr; j++) {
      const v = tokenSim(q, rt[j]!, s, memo);
      const h = v === 0 ? 0 : Math.floor(v / 2);
      sim[i * nr + j] = v === 0 ? 0 : v - h * 2;
      how[i * nr + j] = h;
      if (v !== 0 && h === HOW_SAME) any = true;
    }
    if (!any) allSame = false;
  }
  let joins = NO_JOINS;
  if (!allSame || nq !== nr) {
    joins = [];
    findJoins(qt, rt, true, joins);
    findJoins(rt, qt, false, joins);
  }

  let num = 0;
  let den = 0;
  // Greedy one-to-one: take the best remaining pair (joins compete as pairs of weight·1).
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < nq; i++) {
      if (usedQ[i]) continue;
      const wq = qt[i]!.weight;
      for (let j = 0; j < nr; j++) {
        if (usedR[j]) continue;
        const x = sim[i * nr + j]!;
        if (x === 0) continue;
        const rank = x * ((wq + rt[j]!.weight) / 2) + (how[i * nr + j] === HOW_SAME ? 1e-6 : 0);
        if (rank > best) {
          best = rank;
          bi = i;
          bj = j;
        }
      }
    }
    let bestJoin: Join | undefined;
    for (const jn of joins) {
      if (jn.weight <= best) continue;
      let free = true;
      for (let k = jn.a0; k <= jn.a1 && free; k++) if (jn.aIsQuery ? usedQ[k] : usedR[k]) free = false;
      if (!free || (jn.aIsQuery ? usedR[jn.b] : usedQ[jn.b])) continue;
      best = jn.weight;
      bestJoin = jn;
    }
    if (bestJoin) {
      const span: number[] = [];
      for (let k = bestJoin.a0; k <= bestJoin.a1; k++) {
        if (bestJoin.aIsQuery) usedQ[k] = 1;
        else usedR[k] = 1;
        if (record) span.push(k);
      }
      if (bestJoin.aIsQuery) usedR[bestJoin.b] = 1;
      else usedQ[bestJoin.b] = 1;
      num += bestJoin.weight;
      den += bestJoin.weight;
      if (record) record.push(bestJoin.aIsQuery ? { q: span, r: [bestJoin.b], sim: 1, weight: bestJoin.weight, how: 'joined' } : { q: [bestJoin.b], r: span, sim: 1, weight: bestJoin.weight, how: 'joined' });
      continue;
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedR[bj] = 1;
    const x = sim[bi * nr + bj]!;
    const w = (qt[bi]!.weight + rt[bj]!.weight) / 2;
    num += w * x;
    den += w;
    if (record) record.push({ q: [bi], r: [bj], sim: x, weight: w, how: HOWS[how[bi * nr + bj]!]! });
  }
  let qNum = false;
  let rNum = false;
  for (let i = 0; i < nq; i++) {
    if (usedQ[i]) continue;
    den += s.extraQuery * qt[i]!.weight;
    if (qt[i]!.kind === 'number') qNum = true;
  }
  // A query with no distinctive word ("China Company Limited", 中国) names no one in particular:
  // a list name saying more than it (other generic or place words) is another party, so its
  // words left over weigh as the query's would.
  let distinctive = false;
  for (let i = 0; i < nq && !distinctive; i++) distinctive = qt[i]!.kind === 'word' || qt[i]!.kind === 'number';
  for (let j = 0; j < nr; j++) {
    if (usedR[j]) continue;
    den += (distinctive || rt[j]!.kind === 'legal' ? s.extraResult : s.extraQuery) * rt[j]!.weight;
    if (rt[j]!.kind === 'number') rNum = true;
  }
  let score = den > 0 ? num / den : 0;
  const numberMismatch = qNum && rNum;
  if (numberMismatch) score *= s.numberMismatch;

  // Acronyms: "IRISL" against "Islamic Republic of Iran Shipping Lines", either way round.
  let acronym = false;
  if (score < s.acronymScore) {
    const qs = soleWord(qt);
    const rs = qs ? undefined : soleWord(rt);
    if ((qs && qs === initials(rt)) || (rs && rs === initials(qt))) {
      acronym = true;
      score = s.acronymScore;
    }
  }
  lastAcronym = acronym;
  lastNumberMismatch = numberMismatch;
  return Math.min(1, score);
}

/** Score only (the hot path): no explanation is kept. */
export function scoreNames(query: AnalyzedName, result: AnalyzedName, s: MatchSettings, cache?: SimCache): number {
  const n = Math.max(query.tokens.length, result.tokens.length);
  if (n > usedQBuf.length) {
    usedQBuf = new Uint8Array(n * 2);
    usedRBuf = new Uint8Array(n * 2);
  }
  return align(query, result, s, cache, null, usedQBuf, usedRBuf);
}

/** Scores a query name against a list name and keeps the alignment for {@link explainComparison}. */
export function compareNames(query: AnalyzedName, result: AnalyzedName, s: MatchSettings, cache?: SimCache): Comparison {
  const usedQ = new Uint8Array(query.tokens.length);
  const usedR = new Uint8Array(result.tokens.length);
  const pairs: AlignedPair[] = [];
  const score = align(query, result, s, cache, pairs, usedQ, usedR);
  const acronym = lastAcronym;
  const extraQuery: number[] = [];
  const extraResult: number[] = [];
  usedQ.forEach((u, i) => void (u ? 0 : extraQuery.push(i)));
  usedR.forEach((u, j) => void (u ? 0 : extraResult.push(j)));
  return {
    query,
    result,
    score,
    literal: lastLiteral,
    acronym,
    numberMismatch: lastNumberMismatch,
    pairs: acronym ? [] : pairs,
    extraQuery: acronym ? [] : extraQuery,
    extraResult: acronym ? [] : extraResult,
  };
}

const fmt = (tokens: readonly Token[], idx: readonly number[]) => idx.map((i) => tokens[i]!.surface).join('+');

/** A short human explanation of a comparison: what matched and what weighed. */
export function explainComparison(c: Comparison): string {
  if (c.literal) return 'all words match';
  if (c.acronym) {
    // the side whose sole word is the acronym, as align() decided it (the query's first)
    const q = soleWord(c.query.tokens);
    const [word, of] = q !== undefined && q === initials(c.result.tokens) ? [q, c.result] : [soleWord(c.result.tokens), c.query];
    return `acronym: "${word}" = initials of ${of.tokens.filter((t) => t.kind !== 'legal').map((t) => t.surface).join(' ')}`;
  }
  const parts: string[] = [];
  const same: string[] = [];
  const other: string[] = [];
  for (const p of c.pairs) {
    const q = fmt(c.query.tokens, p.q);
    const r = fmt(c.result.tokens, p.r);
    const kind = c.query.tokens[p.q[0]!]!.kind;
    const tag = kind === 'weak' ? ' (weak)' : kind === 'place' ? ' (place)' : '';
    if (p.how === 'same' && kind !== 'legal') same.push(q + tag);
    else if (p.how === 'legal') other.push(`legal form ${q}${q === r ? '' : `≈${r}`}`);
    else if (p.how === 'same') other.push(`legal form ${q}`);
    else other.push(`${q}~${r} (${p.how}${tag ? `, ${tag.slice(2, -1)}` : ''})`);
  }
  if (same.length) parts.push(`matched ${same.join(', ')}`);
  parts.push(...other);
  if (c.extraQuery.length) parts.push(`only in query: ${c.extraQuery.map((i) => describe(c.query.tokens[i]!)).join(', ')}`);
  if (c.extraResult.length) parts.push(`only in list name: ${c.extraResult.map((i) => describe(c.result.tokens[i]!)).join(', ')}`);
  if (c.numberMismatch) parts.push('numbers differ');
  return parts.join('; ');
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'weak':
      return `${t.surface} (weak)`;
    case 'place':
      return `${t.surface} (place)`;
    case 'legal':
      return `${t.surface} (legal form)`;
    default:
      return t.surface;
  }
}

/**
 * Name analysis: a name becomes a list of typed tokens (distinctive word, weak word, place,
 * number, legal form, name particle), each with a compare form and a weight. Chinese names get
 * two secondary variants: their pinyin and an English gloss (han.ts).
 */
import { foldText, splitRuns } from './text.js';
import { legalFormAt, wordsOf } from './legal-forms.js';
import { segmentHan, pinyinKey, type HanSegment } from './han.js';
import { ABBREVIATIONS, PARTICLES, PLACES, STOPWORDS, WEAK_WORDS, numberOf, stem } from './words.js';
import type { MatchSettings } from './params.js';

export type TokenKind = 'word' | 'weak' | 'place' | 'number' | 'legal' | 'particle';

export interface Token {
  /** Compare form: stemmed word, digits, legal-form compare form, or Han characters. */
  readonly text: string;
  /** The folded surface form, for explanations. */
  readonly surface: string;
  readonly kind: TokenKind;
  readonly weight: number;
  /** Han characters (no fuzzy comparison). */
  readonly han: boolean;
  /** Legal forms: generic class. */
  readonly generic?: string;
}

export type Derivation = 'pinyin' | 'gloss' | 'Chinese part' | 'Latin part' | 'a.k.a. name';

export interface AnalyzedName {
  readonly name: string;
  readonly tokens: readonly Token[];
  /** Literal comparable key: the token compare forms in order. Equal keys = literal match. */
  readonly key: string;
  /** Secondary keys of a Chinese name (pinyin, English gloss), or empty. */
  readonly variants: readonly AnalyzedName[];
  /**
   * A query written in both scripts, each part a name of its own ("华为技术有限公司 Huawei
   * Technologies Co., Ltd."): its Chinese part and its Latin part, scored as further keys.
   * Absent when the scripts meet inside a word (AEVEX航天公司 is one name).
   */
  readonly parts?: readonly AnalyzedName[];
  /** Set on a variant: how it was derived. */
  readonly derivation?: Derivation;
  /** True when a token is in Han script (compared only with names that have Han tokens). */
  readonly han: boolean;
}

/** Boilerplate that some lists append to names ("; and any successor, sub-unit, or subsidiary thereof"). */
const BOILERPLATE = /[;,]\s*(?:and\s+)?(?:any|all|its)\s+(?:successors?|sub-units?|subsidiar(?:y|ies)|branches)\b.*$/is;

/**
 * Words by which a name states another name of the same party: "X a.k.a. Y", "X f/k/a Y",
 * "X d/b/a Y", "X (formerly known as Y)", "X trading as Y". The short forms count only with
 * their dots or slashes (a plain "DBA" or "AKA" can be part of a name).
 */
const AKA_MARK =
  /(?:^|(?<=[\s,;(\[]))(?:[afn]\.\s?k\.\s?a\.?|[afn]\/k\/a|d\.\s?b\.\s?a\.?|d\/b\/a)(?=[\s:,]|$)|\b(?:also|formerly|previously|now) known as\b|\bdoing business as\b|\btrading as\b/gi;

/**
 * The names a query states with "a.k.a." and the like, each on its own ("Huawei Technologies
 * Co., Ltd. a.k.a. Huawei" → both), or undefined when it states one name.
 */
export function akaNames(name: string): string[] | undefined {
  const text = name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
  if (!/k[./]\s?a|b[./]\s?a|known as|business as|trading as/i.test(text)) return undefined;
  const pieces = text
    .split(AKA_MARK)
    .map((p) => p.replace(/^[\s,;:)\]]+|[\s,;:(\[]+$/g, ''))
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  return pieces.length > 1 ? pieces.slice(0, MAX_AKA_NAMES) : undefined;
}

/** Most names taken from one query's a.k.a. list. */
const MAX_AKA_NAMES = 8;

/** Longest input analysed, in characters: names beyond it are cut (lists carry no longer names). */
export const MAX_NAME_LENGTH = 512;

function weightOf(kind: TokenKind, s: MatchSettings): number {
  switch (kind) {
    case 'word':
      return s.weightWord;
    case 'weak':
      return s.weightWeak;
    case 'place':
      return s.weightPlace;
    case 'number':
      return s.weightNumber;
    case 'legal':
      return s.weightLegal;
    case 'particle':
      return s.weightParticle;
  }
}

function latinTokens(words: readonly string[], s: MatchSettings, out: Token[], person: boolean): void {
  let i = 0;
  while (i < words.length) {
    const legal = person ? undefined : legalFormAt(words, i);
    // A legal form never swallows the whole name ("Company" alone stays a word), and a short
    // one-word form (AO, SA, KG) counts only first or last: mid-name it is more likely a name part.
    const shortMid = legal !== undefined && legal.length === 1 && words[i]!.length <= 3 && i > 0 && i < words.length - 1;
    if (legal && !shortMid && !(legal.length === words.length && out.length === 0)) {
      const surface = words.slice(i, i + legal.length).join(' ');
      out.push({ text: legal.form.compare, surface, kind: 'legal', weight: s.weightLegal, han: false, generic: legal.form.generic });
      i += legal.length;
      continue;
    }
    const w = words[i]!;
    // The first word of a name made only of legal forms ("Co., Ltd.", "Company Limited") is kept
    // as a generic word, not a distinctive one.
    const wholeLegal = legal !== undefined && legal.length === words.length && out.length === 0;
    i++;
    if (STOPWORDS.has(w) && words.length > 1) continue;
    const num = numberOf(w);
    let kind: TokenKind;
    let text = w;
    if (num !== undefined) {
      kind = 'number';
      text = num;
    } else if (PARTICLES.has(w)) kind = 'particle';
    else if (wholeLegal || WEAK_WORDS.has(w) || WEAK_WORDS.has(ABBREVIATIONS.get(w) ?? '')) {
      kind = 'weak';
      text = stem(ABBREVIATIONS.get(w) ?? w);
    } else if (PLACES.has(w)) kind = 'place';
    else {
      kind = 'word';
      text = stem(w);
    }
    out.push({ text, surface: w, kind, weight: weightOf(kind, s), han: false });
  }
}

function hanKind(seg: HanSegment): TokenKind | undefined {
  switch (seg.kind) {
    case 'legal':
      return 'legal';
    case 'weak':
      return 'weak';
    case 'loc':
      return 'place';
    case 'stop':
      return undefined;
    default:
      return 'word';
  }
}

function makeName(name: string, tokens: Token[], variants: AnalyzedName[] = [], derivation?: Derivation): AnalyzedName {
  return { name, tokens, key: tokens.map((t) => t.text).join(' '), variants, han: tokens.some((t) => t.han), ...(derivation ? { derivation } : {}) };
}

/**
 * Analyses one name. Never throws; an empty or punctuation-only name has no tokens.
 * `person`: a personal name (no legal forms are looked for: "Yu", "Pao" are names there).
 */
export function analyzeName(name: string, s: MatchSettings, person = false): AnalyzedName {
  let text = name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
  text = text.replace(BOILERPLATE, '');
  const runs = splitRuns(foldText(text));
  const tokens: Token[] = [];
  const pinyin: Token[] = [];
  const gloss: Token[] = [];
  const hanPart: Token[] = [];
  const latinPart: Token[] = [];
  let glued = false;
  let hasHan = false;
  let latin: string[] = [];
  const flushLatin = () => {
    if (latin.length === 0) return;
    const before = tokens.length;
    latinTokens(wordsOf(latin.join(' ')), s, tokens, person);
    for (const t of tokens.slice(before)) {
      pinyin.push(t);
      gloss.push(t);
      latinPart.push(t);
    }
    latin = [];
  };
  for (const run of runs) {
    if (run.glued) glued = true;
    if (!run.cjk) {
      latin.push(run.text);
      continue;
    }
    flushLatin();
    hasHan = true;
    for (const seg of segmentHan(run.text)) {
      const kind = hanKind(seg);
      if (!kind) continue;
      if (kind === 'legal') {
        const t: Token = { text: seg.gloss, surface: seg.text, kind, weight: s.weightLegal, han: false, ...(seg.generic ? { generic: seg.generic } : {}) };
        tokens.push(t);
        pinyin.push(t);
        gloss.push(t);
        hanPart.push(t);
        continue;
      }
      const weight = weightOf(kind, s);
      const h: Token = { text: seg.text, surface: seg.text, kind, weight, han: true };
      tokens.push(h);
      hanPart.push(h);
      const py = pinyinKey(seg.text);
      if (py) pinyin.push({ text: py, surface: py, kind, weight, han: false });
      if (seg.gloss) {
        for (const g of seg.gloss.split(' ')) gloss.push({ text: stem(g), surface: g, kind, weight, han: false });
      } else if (py) gloss.push({ text: py, surface: py, kind, weight, han: false });
    }
  }
  flushLatin();
  if (!hasHan) return makeName(name, tokens);
  const variants: AnalyzedName[] = [];
  const pv = makeName(name, pinyin, [], 'pinyin');
  variants.push(pv);
  const gv = makeName(name, gloss, [], 'gloss');
  if (gv.key !== pv.key) variants.push(gv);
  const named = (ts: readonly Token[]) => ts.some((t) => t.kind !== 'legal');
  if (!glued && named(hanPart) && named(latinPart)) {
    return { ...makeName(name, tokens, variants), parts: [makeName(name, hanPart, [], 'Chinese part'), makeName(name, latinPart, [], 'Latin part')] };
  }
  return makeName(name, tokens, variants);
}

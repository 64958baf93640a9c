/**
 * The legal-form dictionary: every spelling of an organizational form ("Co., Ltd.", "Company
 * Limited", "S.A.", "Aktsionernoe Obshchestvo", "Youxian Gongsi") is mapped to a compare form
 * ("coltd", "ltd", "sa", "ao", "ltd") and a generic class (LLC, JSC …) — mapped, not deleted,
 * so "11420 Corp." never collapses to nothing.
 *
 * Source: rigour `org_types.yml` (MIT, converted into org-types.data.ts) plus datacustoms'
 * own additions below (the English "Co"/"Corp" family rigour leaves out, the pinyin forms of
 * the Chinese organizational forms, and a few combined forms).
 */
import { RIGOUR_ORG_TYPES } from './org-types.data.js';
import { foldText, hasCjk } from './text.js';
import { STOPWORDS } from './words.js';

export interface LegalForm {
  /** Compare form: equal compare forms are the same legal form. */
  readonly compare: string;
  /** Generic class (LLC, JSC, LP, CO …); equal classes are similar forms. */
  readonly generic: string;
  /** Human-readable form. */
  readonly display: string;
}

/** datacustoms additions: [display, compare, generic, aliases]. Listed first, so they win. */
const ADDITIONS: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['Co Ltd', 'coltd', 'LLC', ['Co Ltd', 'Co. Ltd.', 'Co., Ltd.', 'Company Limited', 'Co Limited', 'Co. Limited', 'Company Ltd', 'Corp Ltd', 'Corporation Limited', 'Corp Limited', 'Co Ltda']],
  ['Co', 'co', 'CO', ['Co', 'Co.', 'Company', 'Comp', 'Compnay', 'Cie', 'Companie']],
  ['Corp', 'corp', 'CO', ['Corp', 'Corp.', 'Corporation', 'Corpn', 'Corporacion', 'Corporación', 'Korporatsiya']],
  ['Inc', 'inc', 'LLC', ['Inc', 'Inc.', 'Incorporated']],
  ['Pty Ltd', 'ptyltd', 'LLC', ['Pty Ltd', 'Pty. Ltd.', 'Proprietary Limited']],
  // Pinyin is written by word (Youxian Gongsi), run together, or by syllable (You Xian Gong Si).
  ['Ltd', 'ltd', 'LLC', ['Youxian Gongsi', 'Youxiangongsi', 'You Xian Gong Si']],
  ['JSC', 'jsc', 'JSC', ['Gufen Youxian Gongsi', 'Gufenyouxiangongsi', 'Gu Fen You Xian Gong Si', 'Kabushiki Kaisha', 'Kabushikigaisha', 'Kabushiki Gaisha']],
  ['LLC', 'llc', 'LLC', ['Youxian Zeren Gongsi', 'Youxianzerengongsi', 'You Xian Ze Ren Gong Si']],
  ['Corp', 'corp', 'CO', ['Zonggongsi', 'Zong Gongsi', 'Zong Gong Si']],
  ['Co', 'co', 'CO', ['Gongsi', 'Gong Si']],
];

/**
 * Single-word aliases in the rigour file that are also ordinary words or name particles in
 * the names we screen; tagging them as legal forms would hide real words.
 */
const SKIP_SINGLE = new Set(['in', 'll', 'lc', 'lt', 'ek', 'ku', 'se', 'de', 'as', 'is', 'an', 'the', 'and', 'limite', 'eg']);

interface TrieNode {
  next?: Map<string, TrieNode>;
  form?: LegalForm;
}

/** Splits folded text into words and joins runs of single letters ("s a" → "sa", "j s c" → "jsc"). */
export function wordsOf(folded: string): string[] {
  const raw = folded.split(' ').filter(Boolean);
  const out: string[] = [];
  let letters = '';
  for (const w of raw) {
    if (w.length === 1 && w >= 'a' && w <= 'z') {
      letters += w;
      continue;
    }
    if (letters) out.push(letters);
    letters = '';
    out.push(w);
  }
  if (letters) out.push(letters);
  return out;
}

const norm = (s: string | null): string => (s ? foldText(s).replace(/ /g, '') : '');

let root: TrieNode | undefined;
let maxDepth = 1;

function add(node: TrieNode, words: readonly string[], form: LegalForm): void {
  let cur = node;
  for (const w of words) {
    cur.next ??= new Map();
    let n = cur.next.get(w);
    if (!n) cur.next.set(w, (n = {}));
    cur = n;
  }
  cur.form ??= form;
  maxDepth = Math.max(maxDepth, words.length);
}

function build(): TrieNode {
  const r: TrieNode = {};
  const addRow = (display: string | null, compare: string | null, generic: string | null, aliases: readonly string[]) => {
    const cmp = norm(compare) || norm(display) || norm(generic);
    if (!cmp) return;
    const form: LegalForm = { compare: cmp, generic: generic ?? cmp.toUpperCase(), display: display ?? compare ?? generic ?? cmp };
    for (const alias of [...aliases, ...(display ? [display] : [])]) {
      if (hasCjk(alias)) continue; // Han forms are segmented by han.ts
      const words = wordsOf(foldText(alias));
      if (words.length === 0) continue;
      if (words.length === 1 && (SKIP_SINGLE.has(words[0]!) || STOPWORDS.has(words[0]!))) continue;
      add(r, words, form);
    }
  };
  for (const [display, compare, generic, aliases] of ADDITIONS) addRow(display, compare, generic, aliases);
  for (const [display, compare, generic, aliases] of RIGOUR_ORG_TYPES) addRow(display, compare, generic, aliases);
  return r;
}

/** The longest legal form starting at `words[start]`: its length in words and the form. */
export function legalFormAt(words: readonly string[], start: number): { length: number; form: LegalForm } | undefined {
  root ??= build();
  let cur: TrieNode | undefined = root;
  let best: { length: number; form: LegalForm } | undefined;
  for (let i = start; i < words.length && i - start < maxDepth; i++) {
    cur = cur.next?.get(words[i]!);
    if (!cur) break;
    if (cur.form) best = { length: i - start + 1, form: cur.form };
  }
  return best;
}

/** The legal form a whole string spells, if it is exactly one ("Company Limited" → coltd). */
export function legalFormOf(text: string): LegalForm | undefined {
  const words = wordsOf(foldText(text));
  const hit = legalFormAt(words, 0);
  return hit && hit.length === words.length ? hit.form : undefined;
}

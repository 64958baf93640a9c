/**
 * Text folding for name matching: one canonical, lower-case, punctuation-free form per name.
 *
 * - Repairs C1 control characters that are cp1252 mojibake (U+0092 → ’, as in a CSL row).
 * - Drops invisible format characters (soft hyphen, zero-width joiners, direction marks,
 *   byte-order mark): they sit inside words, so they do not split them. A zero-width space is a
 *   word break.
 * - Unicode NFKC (full-width letters, compatibility ideographs), lower case, strips combining
 *   marks (é → e), folds a few letters NFKD keeps (ø, æ, ß, ł, ı …).
 * - Transliterates Cyrillic and Greek to Latin (a simple, deterministic table in the spirit of
 *   BGN/PCGN). Han and Kana are NOT romanised here (see han.ts: pinyin is a secondary key only).
 * - Folds traditional Han characters to simplified (華為 = 华为), see han-fold.ts.
 * - Apostrophes vanish (Xi'an → xian), "&" becomes "and", other punctuation becomes a space.
 *
 * The result is safe to split on single spaces. Runs of CJK characters are kept together.
 */
import { foldHanChar } from './han-fold.js';

/** cp1252 meanings of the C1 range (U+0080–U+009F) that real list files carry as mojibake. */
const CP1252_C1: Record<number, string> = {
  0x80: '€', 0x82: ',', 0x83: 'f', 0x84: '"', 0x85: ' ', 0x86: ' ', 0x87: ' ', 0x88: '^', 0x89: ' ',
  0x8a: 'S', 0x8b: ' ', 0x8c: 'OE', 0x8e: 'Z', 0x91: "'", 0x92: "'", 0x93: '"', 0x94: '"', 0x95: ' ',
  0x96: '-', 0x97: '-', 0x98: '~', 0x99: ' ', 0x9a: 's', 0x9b: ' ', 0x9c: 'oe', 0x9e: 'z', 0x9f: 'Y',
};

/** Letters that survive NFKD without a base letter of their own. */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't', ĸ: 'k', ŋ: 'ng', ſ: 's', ẞ: 'ss',
};

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj',
  џ: 'dz', ѓ: 'g', ќ: 'k', ѕ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const APOSTROPHES = new Set(["'", '’', '‘', '`', '´', 'ʼ', 'ʻ', '′', '＇']);

/** True for a character of a CJK script that has no spaces between words (Han, Kana). */
export function isCjkChar(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified
    (cp >= 0x3400 && cp <= 0x4dbf) || // extension A
    (cp >= 0x20000 && cp <= 0x3134f) || // extensions B–G
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility
    (cp >= 0x3040 && cp <= 0x30ff) || // Hiragana, Katakana
    cp === 0x3005 // 々
  );
}

const ASCII_SIMPLE = /^[\x20-\x7e]*$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Folds a name into its canonical matching text (see the module comment). Never throws. */
export function foldText(input: string): string {
  let s = input;
  if (!ASCII_SIMPLE.test(s)) s = foldUnicode(s);
  else s = s.toLowerCase();
  let out = '';
  let space = true;
  for (const ch of s) {
    if (ch === ' ') {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39)) {
        out += ch;
        space = false;
      } else if (ch === '&') {
        out += space ? 'and ' : ' and ';
        space = true;
      } else if (APOSTROPHES.has(ch)) {
        // joins: xi'an → xian
      } else if (!space) {
        out += ' ';
        space = true;
      }
      continue;
    }
    if (APOSTROPHES.has(ch)) continue;
    if (LETTER_OR_DIGIT.test(ch)) {
      if (isCjkChar(cp)) {
        out += foldHanChar(ch);
      } else out += ch;
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return space && out.endsWith(' ') ? out.slice(0, -1) : out;
}

function foldUnicode(input: string): string {
  let s = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 && cp <= 0x9f) s += CP1252_C1[cp] ?? ' ';
    else if (cp < 0x20 || cp === 0x7f || cp === 0x200b || cp === 0x2028 || cp === 0x2029) s += ' '; // zero-width *space* marks a word break
    else if (isInvisibleFormat(cp)) continue; // inside a word, not between words: Da\u00adhua = Dahua
    else s += ch;
  }
  // Transliterate before and after stripping marks: й and ё are letters of their own in
  // Cyrillic (before), accented Greek letters are their base letter (after).
  s = transliterate(s.normalize('NFKC').toLowerCase());
  return transliterate(s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC'));
}

/**
 * Invisible format characters that text copied from documents carries inside words: soft hyphen,
 * zero-width non-joiner / joiner, direction marks and embeddings, word joiner and invisible
 * operators, byte-order mark, Arabic letter mark, Mongolian vowel separator.
 */
function isInvisibleFormat(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x61c ||
    cp === 0x180e ||
    (cp >= 0x200c && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff
  );
}

function transliterate(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp >= 0x400 && cp <= 0x52f) out += CYRILLIC[ch] ?? ch;
    else if (cp >= 0x370 && cp <= 0x3ff) out += GREEK[ch] ?? ch;
    else out += SPECIAL_LETTERS[ch] ?? ch;
  }
  return out;
}

/** A piece of folded text: a space-separated word, or a run of CJK characters. */
export interface TextRun {
  readonly text: string;
  readonly cjk: boolean;
  /** The run follows the previous one inside a word (a change of script with no space: AEVEX航天). */
  readonly glued?: true;
}

/** Splits folded text into words, separating CJK runs from Latin (and other) letters. */
export function splitRuns(folded: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const word of folded.split(' ')) {
    if (!word) continue;
    let cur = '';
    let curCjk = false;
    let glued = false;
    for (const ch of word) {
      const cjk = isCjkChar(ch.codePointAt(0)!);
      if (cur && cjk !== curCjk) {
        runs.push(glued ? { text: cur, cjk: curCjk, glued } : { text: cur, cjk: curCjk });
        cur = '';
        glued = true;
      }
      cur += ch;
      curCjk = cjk;
    }
    if (cur) runs.push(glued ? { text: cur, cjk: curCjk, glued } : { text: cur, cjk: curCjk });
  }
  return runs;
}

/** True when the text holds at least one CJK character. */
export function hasCjk(s: string): boolean {
  for (const ch of s) if (isCjkChar(ch.codePointAt(0)!)) return true;
  return false;
}

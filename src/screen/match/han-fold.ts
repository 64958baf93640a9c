/**
 * Simplified = traditional: folds each Han character to its simplified form, character by
 * character, with OpenCC's tables (opencc-js: MIT; OpenCC data: Apache-2.0). Character-level on
 * purpose: both sides of a comparison are folded the same way, so phrase-level choices (which
 * OpenCC makes when converting prose) cannot make two spellings of one name differ.
 *
 * Taiwan and Hong Kong variant forms are first mapped to OpenCC's standard traditional forms
 * (為 → 爲), then traditional to simplified (爲 → 为).
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';

let table: Map<string, string> | undefined;

function parsePairs(dict: string, into: Map<string, string>, through?: Map<string, string>): void {
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || into.has(from)) continue;
    into.set(from, through?.get(to) ?? to);
  }
}

function build(): Map<string, string> {
  const ts = new Map<string, string>();
  parsePairs(TS_CHARACTERS, ts);
  const out = new Map(ts);
  // Regional variants: variant → standard traditional → simplified.
  for (const dict of [TW_VARIANTS_REV, HK_VARIANTS_REV]) {
    const variants = new Map<string, string>();
    parsePairs(dict, variants, ts);
    for (const [k, v] of variants) if (!out.has(k)) out.set(k, v);
  }
  // chains to their end, so folding is idempotent: 麼 → 么 and 么 → 幺 fold both to 幺 (a
  // cycle, should a table hold one, to its smallest character)
  for (const k of out.keys()) {
    const seen = [k];
    let v = out.get(k)!;
    while (out.has(v) && !seen.includes(v)) {
      seen.push(v);
      v = out.get(v)!;
    }
    out.set(k, seen.includes(v) ? seen.reduce((a, b) => (a < b ? a : b)) : v);
  }
  return out;
}

/** The simplified form of one Han character (itself when it has none). */
export function foldHanChar(ch: string): string {
  table ??= build();
  return table.get(ch) ?? ch;
}

/** Folds every Han character of a string to simplified. */
export function foldHan(s: string): string {
  let out = '';
  for (const ch of s) out += foldHanChar(ch);
  return out;
}

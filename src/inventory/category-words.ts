/**
 * The category of common data, by the word a data map or a column name usually has for it —
 * the "Which category?" table of docs/inventory.md, word for word (category-words.test.ts
 * holds the two together) — and what to say of a category that is not in the taxonomy.
 */
import { CATEGORY_IDS, type CategoryId } from './taxonomy.js';

/** One line of docs/inventory.md's "Which category?": the words as written there, and their category. */
export interface CategoryWords {
  /** The words as the docs write them ("email, phone, postal address"). */
  readonly text: string;
  readonly category: CategoryId;
  /** The words looked up, one by one (normalized: see `wordKey`). */
  readonly words: readonly string[];
}

export const CATEGORY_WORDS: readonly CategoryWords[] = [
  { text: 'name', category: 'name', words: ['name'] },
  { text: 'email, phone, postal address', category: 'contact', words: ['email', 'e-mail', 'phone', 'postal address'] },
  { text: 'date of birth, birthplace, ZIP code', category: 'demographic', words: ['date of birth', 'birthplace', 'ZIP code', 'ZIP'] },
  { text: 'SSN, resident ID, passport, driver licence', category: 'government_id', words: ['SSN', 'resident ID', 'passport', 'driver licence', 'driver license'] },
  { text: 'card or bank account number, PIN', category: 'financial_account', words: ['card number', 'bank account number', 'bank account', 'PIN'] },
  { text: 'transactions, statements, credit reports', category: 'financial', words: ['transactions', 'statements', 'credit reports'] },
  { text: 'IMEI, MAC, SIM', category: 'device_id', words: ['IMEI', 'MAC', 'SIM'] },
  { text: 'IDFA, GAID, MAID', category: 'advertising_id', words: ['IDFA', 'GAID', 'MAID'] },
  { text: 'IP address, cookie', category: 'network_id', words: ['IP address', 'IP', 'cookie'] },
  { text: 'username, password, security answers', category: 'account_credentials', words: ['username', 'password', 'security answers'] },
  { text: 'GPS positions within 1,000 m', category: 'precise_geolocation', words: ['GPS positions', 'GPS'] },
  { text: 'job, salary, performance', category: 'employment', words: ['job', 'salary', 'performance'] },
  { text: 'browsing and app usage', category: 'online_activity', words: ['browsing', 'app usage'] },
];

/**
 * A word as looked up: lower case, runs of other characters than letters and digits as one
 * `_`, a plural `s` dropped (`Credit-Reports` → `credit_report`; `address` keeps its `ss`).
 */
export function wordKey(word: string): string {
  const key = word.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return key.length > 4 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

const BY_WORD: ReadonlyMap<string, CategoryWords> = new Map(CATEGORY_WORDS.flatMap((line) => line.words.map((w) => [wordKey(w), line] as const)));

/** The docs' line for a common word (`email`, `phone_number`, `IP address`), if there is one. */
export function categoryForWord(word: string): CategoryWords | undefined {
  const key = wordKey(word);
  // a `_number` or `_address` after the word: `phone_number`, `email_address`
  return BY_WORD.get(key) ?? BY_WORD.get(key.replace(/_(number|address)$/, ''));
}

/**
 * Levenshtein distance between two words, or `limit + 1` as soon as it is known to be larger
 * (the lengths alone can tell).
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/**
 * The closest of `candidates` to `word`: the same but for case and `_`/`-`, else within an
 * edit distance of 2 (1 for a word of 4 letters or fewer, where 2 would make any word near);
 * ties go to the first candidate.
 */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const loose = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const limit = Math.min(word.length, c.length) <= 4 ? 1 : 2;
    const d = loose(c) === loose(word) ? 0 : editDistance(word, c, limit);
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Why a value is not a data category, in one line: the category meant, when that can be told. */
export function unknownCategory(given: string): string {
  const what = `unknown data category ${JSON.stringify(given.length > 60 ? `${given.slice(0, 59)}…` : given)}`;
  const line = categoryForWord(given);
  if (line) return `${what}: ${line.text} → "${line.category}" ("Which category?" in docs/inventory.md)`;
  const near = nearestWord(given, CATEGORY_IDS);
  if (near) return `${what} (did you mean "${near}"?)`;
  return `${what}: \`datacustoms schema\` lists the categories, and "The taxonomy" in docs/inventory.md says which holds what`;
}

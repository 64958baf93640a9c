/**
 * Small text helpers shared by the list parsers: tidy a name as printed, split alias cells,
 * tell a short all-caps acronym, and derive stable slug ids.
 */

/** Windows-1252 characters that mojibake leaves behind as C1 controls (U+0080–U+009F). */
const CP1252_C1: Readonly<Record<number, string>> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
  0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
  0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[^\x20-\x7e]|^ | $|  /;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A name as printed, tidied: C1 mojibake mapped back to the Windows-1252 character it stood
 * for (the 2019 CSL has "Gui\u0092an" for "Gui’an"), other control characters turned into
 * spaces, Unicode NFC, runs of blanks collapsed, ends trimmed. Nothing else changes: legal
 * forms, punctuation and case stay as the list prints them.
 */
export function cleanText(s: string): string {
  // Fast path: printable ASCII with single inner spaces and no blanks at the ends.
  if (!NEEDS_CLEANING.test(s)) return s;
  const mapped = s.replace(CONTROL, (c) => CP1252_C1[c.charCodeAt(0)] ?? ' ');
  return mapped.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** `-0-` (OFAC's null) and blanks become undefined; anything else is cleaned. */
export function nonEmpty(s: string | undefined): string | undefined {
  if (s === undefined || s === '' || s === '-0- ' || s === '-0-') return undefined;
  const t = cleanText(s);
  return t === '' || t === '-0-' ? undefined : t;
}

/** Splits a multi-valued cell on the given separators, dropping blanks and duplicates. */
export function splitCell(s: string | undefined, separator: RegExp): string[] {
  if (!s) return [];
  const out: string[] = [];
  for (const part of s.split(separator)) {
    const t = nonEmpty(part);
    if (t !== undefined && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * A short all-capitals acronym ("DJI", "CATL", "IRGC-IO", "J2"): such aliases are the
 * "weak aliases" of the lists (1260H COLUMNS.md; OFAC "weak a.k.a."): they name the party but
 * also match many others.
 */
export function isShortAcronym(s: string): boolean {
  return /^[A-Z][A-Z0-9&\-.]{1,7}$/u.test(s) && /[A-Z].*[A-Z0-9]/.test(s) && s.length >= 2;
}

/**
 * A stable id part from a name: letters and digits of any script, lower-cased and without
 * accents, joined by `-` ("Shenzhen DJI Technology Co., Ltd." → `shenzhen-dji-technology-co-ltd`).
 */
export function slug(s: string): string {
  const base = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return base.length > 120 ? base.slice(0, 120).replace(/-+$/, '') : base;
}

/** Adds `value` to `list` unless it is already there (or equals `except`). */
export function pushUnique(list: string[], value: string | undefined, except?: string): void {
  if (value === undefined || value === '' || value === except || list.includes(value)) return;
  list.push(value);
}

/**
 * Maven version order: `org.apache.maven.artifact.versioning.ComparableVersion` as shipped in
 * maven-artifact 3.8.7 (the Maven 3 line), re-implemented from its documented behaviour and
 * checked against that jar (see maven.test.ts and fixtures/maven-order.txt).
 *
 * How a version is read:
 * - lower-cased, then split at `.` and `-`, and at every letter↔digit transition;
 * - a `-`, a letter↔digit transition, and a trailing word each open a nested list, so
 *   `1.0-rc1`, `1.0rc1` and `1.0.RC1` all read as `1-rc-1`;
 * - an empty token is `0`; leading zeros are dropped; numbers have any length;
 * - `a1`/`b1`/`m1` (one letter followed by a digit) mean alpha/beta/milestone;
 *   `cr` = `rc`; `ga`, `final` and `release` = the release ("");
 * - "null" items (`0`, "", empty list) are trimmed from the end of each list, skipping over
 *   nested lists, so `2.4.0` = `2.4` and `5.2.20.RELEASE` = `5.2.20`.
 *
 * How two versions compare, item by item (a missing item is compared as "null"):
 * - qualifiers: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp
 *   < any other word (other words sort alphabetically among themselves);
 * - a number is greater than any word and any nested list; a nested list is greater than a word;
 * - so `2.0-beta9` < `2.0-rc1` < `2.0` < `2.0-sp1` < `2.0.1`, and `1.0-SNAPSHOT` < `1.0`.
 *
 * Difference from Java: only ASCII 0-9 count as digits (Java's `Character.isDigit` also accepts
 * other Unicode decimal digits, which do not occur in real Maven versions).
 */
import { MAX_VERSION_LENGTH, compareDigits, sign, stripZeros, type VersionOrder } from './order.js';

const INT = 0;
const STR = 1;
const LIST = 2;

type Item = { readonly t: typeof INT; readonly d: string } | { readonly t: typeof STR; readonly q: string } | MavenList;

/** A parsed Maven version: a list of items (numbers, qualifiers, nested lists). */
export interface MavenList {
  readonly t: typeof LIST;
  readonly items: Item[];
}

/** Known qualifiers in ascending order; "" is the release. */
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'] as const;
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
/** Sort key of the release qualifier (its index in QUALIFIERS). */
const RELEASE_KEY = String(QUALIFIERS.indexOf(''));

/** Sort key of a qualifier: its index when known, else `7-<word>` (after every known one). */
function qualifierKey(word: string): string {
  const i = (QUALIFIERS as readonly string[]).indexOf(word);
  return i === -1 ? `${QUALIFIERS.length}-${word}` : String(i);
}

function stringItem(word: string, followedByDigit: boolean): Item {
  let w = word;
  if (followedByDigit && w.length === 1) {
    if (w === 'a') w = 'alpha';
    else if (w === 'b') w = 'beta';
    else if (w === 'm') w = 'milestone';
  }
  w = ALIASES[w] ?? w;
  return { t: STR, q: qualifierKey(w) };
}

const ZERO: Item = { t: INT, d: '0' };

function parseItem(isDigit: boolean, token: string): Item {
  return isDigit ? { t: INT, d: stripZeros(token) } : stringItem(token, false);
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

function isNull(item: Item): boolean {
  if (item.t === INT) return item.d === '0';
  if (item.t === STR) return item.q === RELEASE_KEY;
  return item.items.length === 0;
}

/** Parses any string (Maven accepts every string as a version). */
export function parseMaven(raw: string): MavenList {
  const v = raw.toLowerCase();
  const root: MavenList = { t: LIST, items: [] };
  let list = root;
  const stack: MavenList[] = [root];
  const open = (): void => {
    const next: MavenList = { t: LIST, items: [] };
    list.items.push(next);
    list = next;
    stack.push(next);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 /* . */ || c === 45 /* - */) {
      list.items.push(i === start ? ZERO : parseItem(isDigit, v.slice(start, i)));
      start = i + 1;
      if (c === 45) open();
    } else if (isAsciiDigit(c)) {
      if (!isDigit && i > start) {
        // word → number: the word is a qualifier in its own list, the number opens another
        if (list.items.length > 0) open();
        list.items.push(stringItem(v.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        // number → word
        list.items.push(parseItem(true, v.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (v.length > start) {
    if (!isDigit && list.items.length > 0) open();
    list.items.push(parseItem(isDigit, v.slice(start)));
  }
  // normalize, innermost list first: drop trailing nulls, skipping over nested lists
  for (let s = stack.length - 1; s >= 0; s--) {
    const items = stack[s]!.items;
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i]!;
      if (isNull(it)) items.splice(i, 1);
      else if (it.t !== LIST) break;
    }
  }
  return root;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an item with another item, or with "null" (a missing item) when `b` is undefined. */
function compareItem(a: Item, b: Item | undefined): number {
  switch (a.t) {
    case INT:
      if (b === undefined) return a.d === '0' ? 0 : 1;
      if (b.t === INT) return compareDigits(a.d, b.d);
      return 1; // 1.1 > 1-sp, 1.1 > 1-1
    case STR:
      if (b === undefined) return cmpStr(a.q, RELEASE_KEY); // 1-rc < 1, 1-sp > 1
      if (b.t === STR) return cmpStr(a.q, b.q);
      return -1; // a word is below a number and below a nested list
    case LIST: {
      if (b === undefined) {
        for (const it of a.items) {
          const r = compareItem(it, undefined);
          if (r !== 0) return r;
        }
        return 0;
      }
      if (b.t === INT) return -1; // 1-1 < 1.1
      if (b.t === STR) return 1; // 1-1 > 1-sp
      const n = Math.max(a.items.length, b.items.length);
      for (let i = 0; i < n; i++) {
        const l = a.items[i];
        const r = b.items[i];
        const c = l === undefined ? (r === undefined ? 0 : -compareItem(r, undefined)) : compareItem(l, r);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

export function compareMaven(a: MavenList, b: MavenList): number {
  return sign(compareItem(a, b));
}

/** Canonical text of a parsed version (Maven's `getCanonical()` form, e.g. `1-rc-1`). */
export function canonicalMaven(v: MavenList): string {
  const show = (it: Item): string => {
    if (it.t === INT) return it.d;
    if (it.t === STR) return it.q.length > 1 ? it.q.slice(2) : (QUALIFIERS[Number(it.q)] ?? '');
    let out = '';
    it.items.forEach((x, i) => {
      if (i > 0) out += x.t === LIST ? '-' : '.';
      out += show(x);
    });
    return out;
  };
  return show(v);
}

/**
 * Strings that are not one concrete version, though ComparableVersion orders every string: an
 * unresolved property (`${log4j.version}`), a version range (`[2.0,3.0)`), Maven's meta-versions
 * `LATEST` and `RELEASE`, an empty string, or one with whitespace or a comma. Ordered as words they
 * sort below every number, so `${log4j.version}` came out "not affected" by Log4Shell.
 */
function notConcrete(v: string): boolean {
  return v === '' || v.includes('${') || /^[[(]/.test(v) || /[\s,]/.test(v) || /^(?:latest|release)$/i.test(v);
}

export const mavenOrder: VersionOrder<MavenList> = {
  label: 'Maven ComparableVersion (maven-artifact 3.8.7)',
  parse: (raw) => {
    if (raw.length > MAX_VERSION_LENGTH) return undefined;
    const v = raw.trim();
    return notConcrete(v) ? undefined : parseMaven(v);
  },
  compare: compareMaven,
};

/**
 * String similarity on single words: bounded optimal-string-alignment distance (Damerau:
 * a transposition costs 1), Jaro-Winkler, and the abbreviation and shared-stem tests.
 * All functions are total (any strings, including empty) and allocation-light.
 */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment distance, or `max + 1` as soon as it must exceed `max`.
 * Compares UTF-16 code units (the callers pass folded Latin words).
 */
export function osaDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA; // i-2
  let prev = rowB; // i-1
  let cur = rowC; // i
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m]!;
  return d > max ? max + 1 : d;
}

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters), in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const aMatch = new Uint8Array(n);
  const bMatch = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(m - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (!bMatch[j] && b.charCodeAt(j) === c) {
        aMatch[i] = 1;
        bMatch[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edit budget for two words: none below 4 characters, 1 up to 9, 2 from 10 (on the shorter word). */
export function editBudget(a: string, b: string): number {
  const len = Math.min(a.length, b.length);
  if (len < 4) return 0;
  if (len < 10) return 1;
  return 2;
}

/** Length of the common prefix. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** True when `short` reads as an abbreviation of `long`: its letters in order, same first letter. */
export function isSubsequence(short: string, long: string): boolean {
  if (short.length === 0 || short.length >= long.length || short.charCodeAt(0) !== long.charCodeAt(0)) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    const c = short.charCodeAt(i);
    while (j < long.length && long.charCodeAt(j) !== c) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

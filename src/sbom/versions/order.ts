/**
 * A version order: how one ecosystem parses and sorts its version strings.
 *
 * `parse` returns `undefined` for a string the ecosystem cannot order (the matcher then
 * reports the component as "not evaluated" instead of guessing). `compare` is only ever
 * called with values produced by the same order's `parse`.
 */
export interface VersionOrder<V> {
  /** Short label for docs and notes, e.g. `Maven ComparableVersion`. */
  readonly label: string;
  parse(raw: string): V | undefined;
  compare(a: V, b: V): number;
}

/** An order whose parsed type is hidden, so orders of different ecosystems fit one registry. */
export type AnyVersionOrder = VersionOrder<unknown>;

/** Hides the parsed type (sound because the matcher only compares values from the same order). */
export function erase<V>(order: VersionOrder<V>): AnyVersionOrder {
  return order as unknown as AnyVersionOrder;
}

/**
 * Longest version string any order accepts; longer strings are "unorderable". Real versions are
 * far shorter (the longest Go pseudo-versions are ~60 characters); the cap keeps adversarial
 * input (a 1 MB "version") from costing time or stack.
 */
export const MAX_VERSION_LENGTH = 256;

/** Compares two strings of ASCII digits without leading zeros (any length) numerically. */
export function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Strips leading zeros from a digit string ("" and "000" become "0"). */
export function stripZeros(d: string): string {
  let i = 0;
  while (i < d.length - 1 && d.charCodeAt(i) === 48) i++;
  return d.length === 0 ? '0' : d.slice(i);
}

export const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

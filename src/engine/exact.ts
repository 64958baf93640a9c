/**
 * Exact-length copies of lists that were grown by `push`.
 *
 * V8 gives an array that grows from empty room for 17 elements on its first `push` (152 bytes),
 * and never gives it back. A decision's reasons, duties and rules usually hold one to three
 * items and live as long as the result, so a run of 100,000 flows kept ≈ 100,000 such arrays:
 * ≈ 15 MB of a ≈ 70 MB result, copied twice by the young-generation collector before it is
 * promoted. A decision stores an exact copy instead (the grown array dies young, which costs
 * the collector nothing).
 */

/** A copy of `xs` whose storage is exactly its length (`slice` allocates no spare room). */
export function exact<T>(xs: readonly T[]): T[] {
  return xs.slice();
}

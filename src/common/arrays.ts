/**
 * Array helpers for inputs of any length. Spreading an array into a call (`out.push(...items)`,
 * `Math.max(...values)`) passes every element as an argument on the stack, and past a few
 * hundred thousand of them V8 throws "Maximum call stack size exceeded": a report of a large
 * inventory, a directory of many files or a long list of problems must not fail that way.
 */

/** Appends `items` to `to`, one by one; returns `to`. */
export function pushAll<T>(to: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) to.push(items[i]!);
  return to;
}

/** The largest `f(x)` over `xs`, or `floor` when none is larger (0 by default). */
export function maxOf<T>(xs: readonly T[], f: (x: T) => number, floor = 0): number {
  let m = floor;
  for (let i = 0; i < xs.length; i++) {
    const v = f(xs[i]!);
    if (v > m) m = v;
  }
  return m;
}

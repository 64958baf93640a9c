/**
 * Text helpers for reasons and obligations.
 *
 * A string built by concatenation or a template is, in V8, a tree of "cons" nodes (one per `+`),
 * each 32 bytes, kept alive as long as the string is. Reasons built once and held for the whole
 * run (shared by many decisions) are flattened into one contiguous string when made: reading a
 * character forces V8 to flatten the tree, which frees its inner nodes. Semantically a no-op.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/**
 * Texts made once per key and reused. A duty's words that name only its recipient, or only a
 * dated parameter, repeat on thousands of flows: made afresh for each, every copy is a string of
 * its own, kept for as long as the result and copied by each young-generation collection until
 * promoted. `make` runs once per (a, b); its text is flattened (see `flat`). Bounded: past `max`
 * keys the memo starts over (still correct, just made again).
 */
export class TextMemo<A, B = undefined> {
  private readonly texts = new Map<A, Map<B, string>>();
  private size = 0;

  constructor(
    private readonly make: (a: A, b: B) => string,
    private readonly max = 50_000,
  ) {}

  of(a: A, b: B): string {
    let byB = this.texts.get(a);
    if (byB === undefined) {
      if (this.size >= this.max) {
        this.texts.clear();
        this.size = 0;
      }
      this.texts.set(a, (byB = new Map()));
    }
    let t = byB.get(b);
    if (t === undefined) {
      byB.set(b, (t = flat(this.make(a, b))));
      this.size++;
    }
    return t;
  }
}

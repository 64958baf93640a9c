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

/**
 * The words of one kind of duty that name a party (`make(name, b)`), as `PartyTexts.of` makes
 * them. Make each kind once, at module level: its index is its slot in every party's texts.
 */
export class PartyText<B = undefined> {
  private static count = 0;
  readonly index = PartyText.count++;
  constructor(readonly make: (name: string, b: B) => string) {}
}

/**
 * One party's duty words, made once per kind and key and kept with the party: a rule that has
 * found the party (once per flow) reads them by slot, not by the party's name in a table of every
 * party (which costs a lookup among thousands per duty). Texts are flattened (see `flat`).
 */
export class PartyTexts {
  private readonly made: (Map<unknown, string> | undefined)[] = [];
  constructor(readonly name: string) {}

  of<B>(kind: PartyText<B>, b: B): string {
    const made = this.made;
    while (made.length <= kind.index) made.push(undefined);
    let byB = made[kind.index];
    if (byB === undefined) made[kind.index] = byB = new Map();
    let t = byB.get(b);
    if (t === undefined) byB.set(b, (t = flat(kind.make(this.name, b))));
    return t;
  }
}

/** Each party's texts by its name, shared from run to run. Bounded: past `max` parties it starts over (still correct, just made again). */
export class PartyTextsByName {
  private readonly parties = new Map<string, PartyTexts>();
  constructor(private readonly max = 20_000) {}

  of(name: string): PartyTexts {
    let p = this.parties.get(name);
    if (p === undefined) {
      if (this.parties.size >= this.max) this.parties.clear();
      this.parties.set(name, (p = new PartyTexts(name)));
    }
    return p;
  }
}

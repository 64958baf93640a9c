/**
 * Field paths of nested records, kept to a bounded number.
 *
 * A JSON object used as a map — keyed by user id, e-mail, phone number, date — has a new key on
 * nearly every record. Each key named as a field of its own would make a field per record: the
 * scan's memory would grow with the input (a slot, a field context and the reader's key tables
 * per name) and the report would list the same field under a million names. So the keys of one
 * object path are kept by name up to MAX_KEYS_PER_OBJECT; every later new key under that path is
 * read as `*` (`users.*.phone`), and so is every new key once MAX_FIELD_PATHS names are kept in
 * all. Keys seen before the limit keep their names, so a field is always reported under one name.
 */

/** Distinct keys of one object path kept by name; later new keys under it are read as `*`. */
export const MAX_KEYS_PER_OBJECT = 1_000;

/** Distinct keys kept by name over a whole source; later new keys are read as `*`. */
export const MAX_FIELD_PATHS = 50_000;

/** The key a map's other keys are read as. */
export const FOLDED_KEY = '*';

export class KeyFolder {
  /** The keys kept by name at the top level of a record. */
  private readonly top = new Set<string>();
  /** Per object path: the keys kept by name under it. */
  private readonly kept = new Map<string, Set<string>>();
  private total = 0;

  constructor(
    private readonly perObject = MAX_KEYS_PER_OBJECT,
    private readonly overall = MAX_FIELD_PATHS,
  ) {}

  /**
   * The name `key` is read as under the object path `parent` (undefined: the top level of a
   * record): itself, or `*` past the limits. The same key under the same path is always read
   * the same way.
   */
  key(parent: string | undefined, key: string): string {
    let keys = parent === undefined ? this.top : this.kept.get(parent);
    if (keys === undefined) {
      if (this.total >= this.overall) return FOLDED_KEY;
      this.kept.set(parent!, (keys = new Set()));
    }
    if (keys.has(key)) return key;
    if (keys.size >= this.perObject || this.total >= this.overall) return FOLDED_KEY;
    keys.add(key);
    this.total++;
    return key;
  }

  /** The path of `key` inside the object at path `parent`: `parent.key` (or `parent.*`). */
  path(parent: string, key: string): string {
    return `${parent}.${this.key(parent, key)}`;
  }
}

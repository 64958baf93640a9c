/**
 * The fast path of the JSON-lines reader: one flat object per line, read in place.
 *
 * `JSON.parse` of every line made a third of a JSON-lines scan (it builds an object, a
 * string per key and per value, all decoded from UTF-8). Almost every line of a JSON-lines
 * export is a flat object of strings, numbers, booleans and nulls, so this reads such a
 * line straight from the chunk view: string values become ranges of the view (decoded only
 * when not ASCII, unescaped only when they hold a backslash), keys are looked up in a hash
 * table by their characters, without making a string.
 *
 * It accepts only text that `JSON.parse` accepts and reports what `for (key in
 * JSON.parse(line))` would see, in the same order. Anything else — a nested value, a
 * duplicate key, a key that looks like an array index (enumerated first by JavaScript), a
 * syntax error — returns false and the caller parses the line with `JSON.parse` (which
 * also produces the error message). Linear in the line length.
 */
/** Field kinds. */
export const PLAIN = 0; // a string without escapes: v.s[start, end) in the view
export const ESCAPED = 1; // a string with escapes: v.s[start, end) is the quoted JSON token
export const NUMBER = 2; // a number token v.s[start, end)
export const LITERAL = 3; // true, false or null: not scanned, but the key is present

/**
 * Keys seen by one reader: key text (view form) → entry number. Open addressing on an FNV-1a hash.
 * At most `limit` keys: a new key past it is not added (`find` returns -1), so a file whose
 * lines are maps keyed by ids does not grow the table with every line.
 */
export class KeyTable {
  constructor(private readonly limit = 4_096) {}

  private mask = 63;
  private hashes = new Int32Array(64);
  private entries = new Int32Array(64).fill(-1);
  /** Per entry: the key as it appears in the view (latin1 bytes or text). */
  readonly raw: string[] = [];
  /** Per entry: the line (serial) it was last seen on, to catch duplicate keys. */
  stamp = new Int32Array(64);
  /** Per entry: the entry that followed it on the last line it was on (-1: none yet). */
  next = new Int32Array(64).fill(-1);

  /** The entry of key v.s[a, b) with hash h, added when new (-1: new, and the table is full). */
  find(s: string, a: number, b: number, h: number): number {
    let i = h & this.mask;
    for (;;) {
      const e = this.entries[i]!;
      if (e < 0) break;
      if (this.hashes[i] === h && sameKey(this.raw[e]!, s, a, b)) return e;
      i = (i + 1) & this.mask;
    }
    const e = this.raw.length;
    if (e >= this.limit) return -1;
    this.raw.push(s.slice(a, b));
    this.entries[i] = e;
    this.hashes[i] = h;
    if (e >= this.stamp.length) {
      const st = new Int32Array(this.stamp.length * 2);
      st.set(this.stamp);
      this.stamp = st;
      const nx = new Int32Array(this.next.length * 2).fill(-1);
      nx.set(this.next);
      this.next = nx;
    }
    if (this.raw.length * 2 > this.mask) this.grow();
    return e;
  }

  private grow(): void {
    const oldH = this.hashes;
    const oldE = this.entries;
    this.mask = this.mask * 2 + 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.entries = new Int32Array(this.mask + 1).fill(-1);
    for (let k = 0; k < oldE.length; k++) {
      const e = oldE[k]!;
      if (e < 0) continue;
      let i = oldH[k]! & this.mask;
      while (this.entries[i]! >= 0) i = (i + 1) & this.mask;
      this.entries[i] = e;
      this.hashes[i] = oldH[k]!;
    }
  }
}

function sameKey(k: string, s: string, a: number, b: number): boolean {
  if (k.length !== b - a) return false;
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== s.charCodeAt(a + i)) return false;
  return true;
}

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/** The fields of the last line read (parallel arrays, reused). */
export class FlatLine {
  n = 0;
  kind = new Uint8Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  entry = new Int32Array(64);
  /** 1 when a PLAIN string holds a character ≥ 0x80 (in a byte view: needs decoding). */
  high = new Uint8Array(64);
  private serial = 0;
  /** The entry of the first key of the last line read (-1: none yet). */
  private first = -1;

  constructor(readonly keys: KeyTable) {}

  /**
   * Reads s[a, b) as a flat JSON object. Returns 1 when it is one (fields in this object),
   * 0 for a blank line (JSON whitespace only), -1 when the caller must use JSON.parse.
   */
  read(s: string, a: number, b: number): number {
    this.n = 0;
    const keys = this.keys;
    const serial = ++this.serial;
    let p = a;
    while (p < b && isWs(s.charCodeAt(p))) p++;
    if (p === b) return 0;
    if (s.charCodeAt(p) !== 123 /* { */) return -1;
    p++;
    while (p < b && isWs(s.charCodeAt(p))) p++;
    if (p < b && s.charCodeAt(p) === 125 /* } */) return this.tail(s, p + 1, b);
    let prev = -1; // the entry of the previous key on this line
    for (;;) {
      // key
      if (p >= b || s.charCodeAt(p) !== 34) return -1;
      const k0 = p + 1;
      let q = k0;
      let e = -1;
      // Lines of one export mostly repeat their keys in the same order: first try the key
      // that followed the previous one last time (the first key of the last line for the
      // first). Table keys hold no quote, backslash or control character and never start
      // with a digit, so a match followed by '"' is exactly what the search below would find.
      const guess = prev < 0 ? this.first : keys.next[prev]!;
      if (guess >= 0) {
        const raw = keys.raw[guess]!;
        const end = k0 + raw.length;
        if (end < b && s.charCodeAt(end) === 34 && sameKey(raw, s, k0, end)) {
          e = guess;
          q = end;
        }
      }
      if (e < 0) {
        let h = 0x811c9dc5 | 0;
        for (;;) {
          if (q >= b) return -1;
          const c = s.charCodeAt(q);
          if (c === 34) break;
          if (c === 92 || c < 32) return -1; // escaped keys: rare, leave them to JSON.parse
          h = Math.imul(h ^ c, 0x01000193);
          q++;
        }
        // "0", "12" … are array indices: JavaScript enumerates them first, whatever the order
        if (q > k0 && isDigit(s.charCodeAt(k0))) return -1;
        e = keys.find(s, k0, q, h);
        if (e < 0) return -1; // the table is full: a map keyed by ids, read through JSON.parse
      }
      if (keys.stamp[e] === serial) return -1; // duplicate key: the last one wins in JSON.parse
      keys.stamp[e] = serial;
      if (prev < 0) this.first = e;
      else keys.next[prev] = e;
      prev = e;
      p = q + 1;
      while (p < b && isWs(s.charCodeAt(p))) p++;
      if (p >= b || s.charCodeAt(p) !== 58 /* : */) return -1;
      p++;
      while (p < b && isWs(s.charCodeAt(p))) p++;
      if (p >= b) return -1;
      // value
      const c0 = s.charCodeAt(p);
      if (c0 === 34) {
        let r = p + 1;
        let esc = false;
        let high = 0;
        for (;;) {
          if (r >= b) return -1;
          const c = s.charCodeAt(r);
          if (c === 34) break;
          if (c < 32) return -1;
          if (c === 92) {
            esc = true;
            const d = r + 1 < b ? s.charCodeAt(r + 1) : 0;
            if (d === 117 /* u */) {
              if (r + 5 >= b || !isHex(s.charCodeAt(r + 2)) || !isHex(s.charCodeAt(r + 3)) || !isHex(s.charCodeAt(r + 4)) || !isHex(s.charCodeAt(r + 5))) return -1;
              r += 6;
            } else if (d === 34 || d === 92 || d === 47 || d === 98 || d === 102 || d === 110 || d === 114 || d === 116) r += 2;
            else return -1;
            continue;
          }
          high |= c;
          r++;
        }
        if (esc) this.push(ESCAPED, p, r + 1, e, 0);
        else this.push(PLAIN, p + 1, r, e, high >= 128 ? 1 : 0);
        p = r + 1;
      } else if (c0 === 45 || isDigit(c0)) {
        const r = numberEnd(s, p, b);
        if (r < 0) return -1;
        this.push(NUMBER, p, r, e, 0);
        p = r;
      } else {
        const r = c0 === 116 && s.startsWith('true', p) ? p + 4 : c0 === 102 && s.startsWith('false', p) ? p + 5 : c0 === 110 && s.startsWith('null', p) ? p + 4 : -1;
        if (r < 0) return -1; // a nested object or array, or not JSON
        this.push(LITERAL, p, r, e, 0);
        p = r;
      }
      while (p < b && isWs(s.charCodeAt(p))) p++;
      if (p >= b) return -1;
      const sep = s.charCodeAt(p);
      if (sep === 125) return this.tail(s, p + 1, b);
      if (sep !== 44) return -1;
      p++;
      while (p < b && isWs(s.charCodeAt(p))) p++;
    }
  }

  /** After the closing brace: only whitespace may follow. */
  private tail(s: string, p: number, b: number): number {
    while (p < b && isWs(s.charCodeAt(p))) p++;
    return p === b ? 1 : -1;
  }

  private push(kind: number, start: number, end: number, entry: number, high: number): void {
    const k = this.n++;
    if (k === this.kind.length) this.growFields();
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
    this.entry[k] = entry;
    this.high[k] = high;
  }

  private growFields(): void {
    const n = this.kind.length * 2;
    this.kind = grown(this.kind, new Uint8Array(n));
    this.start = grown(this.start, new Int32Array(n));
    this.end = grown(this.end, new Int32Array(n));
    this.entry = grown(this.entry, new Int32Array(n));
    this.high = grown(this.high, new Uint8Array(n));
  }
}

/** End of the JSON number starting at p (RFC 8259 grammar), or -1. */
function numberEnd(s: string, p: number, b: number): number {
  if (s.charCodeAt(p) === 45) p++;
  if (p >= b) return -1;
  const c = s.charCodeAt(p);
  if (c === 48) p++;
  else if (c >= 49 && c <= 57) while (p < b && isDigit(s.charCodeAt(p))) p++;
  else return -1;
  if (p < b && s.charCodeAt(p) === 46) {
    p++;
    const f = p;
    while (p < b && isDigit(s.charCodeAt(p))) p++;
    if (p === f) return -1;
  }
  if (p < b && (s.charCodeAt(p) | 32) === 101) {
    p++;
    if (p < b && (s.charCodeAt(p) === 43 || s.charCodeAt(p) === 45)) p++;
    const x = p;
    while (p < b && isDigit(s.charCodeAt(p))) p++;
    if (p === x) return -1;
  }
  return p;
}

/** `to`, a larger array, holding `from`'s values first. */
function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

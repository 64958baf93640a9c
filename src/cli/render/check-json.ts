/**
 * The JSON form of a check result (docs/check.md), written as UTF-8 in chunks: the bytes
 * are exactly those of `JSON.stringify(result, null, 2) + '\n'`, but that text is never held
 * whole, and each distinct decision is stringified and encoded once.
 *
 * A large inventory's result repeats itself: 100,000 flows × 3 regimes reference ≈ 72,000
 * distinct decision objects (a pack shares a decision between the flows it fits). Encoding the
 * whole text (a quarter-gigabyte for 100,000 flows) would cost more than deciding the flows;
 * here a repeated decision is a copy of bytes made once, and memory holds one chunk of output.
 * (Keeping each decision's text instead of its bytes, and encoding it where it appears, wrote the
 * bench result in ≈ 25 % less CPU but raised the command's peak RSS by ≈ 100 MB: the texts
 * then live in the JavaScript heap.)
 *
 * Layout of `JSON.stringify(v, null, 2)`: a value nested at depth d is the same text as on its
 * own with every line break followed by 2·d more spaces (line breaks inside strings are escaped,
 * so every raw line break is structural). That is what `nested` does.
 */
import type { CheckResult } from '../../engine/types.js';

/**
 * Bytes handed to `write` at a time (a piece larger than this is written on its own). Each
 * chunk is a new buffer (the consumer may keep it); at 64 KiB they come from the allocator's
 * recycled memory, where 1 MiB ones were fresh pages each time: writing the 247 MB result of
 * the benchmark inventory cost 0.2–0.5 s of CPU more that way (page faults), measured.
 */
const CHUNK = 1 << 16;

/** Depth of a decision in the result: `{ "flows": [ { "decisions": [ <here> ] } ] }`. */
const DECISION_DEPTH = 4;

/** Writes the UTF-8 bytes of `JSON.stringify(result, null, 2) + '\n'` through `write`, in chunks. */
export function writeCheckJson(result: CheckResult, write: (chunk: Uint8Array) => void): void {
  const out = new ChunkWriter(write);
  // The bytes of each distinct decision, by object: decisions are shared and frozen.
  const encoded = new Map<object, Buffer>();
  const decision = (d: unknown): void => {
    if (d === null || typeof d !== 'object') {
      out.text(nested(d, DECISION_DEPTH) ?? 'null');
      return;
    }
    let bytes = encoded.get(d);
    if (!bytes) encoded.set(d, (bytes = Buffer.from(nestedObject(d, DECISION_DEPTH), 'utf8')));
    out.bytes(bytes);
  };
  const decisions = (ds: unknown): void => writeArray(ds as readonly unknown[], DECISION_DEPTH - 1, out, decision);
  const flowField = (key: string) => (key === 'decisions' ? decisions : undefined);
  const flow = (f: unknown): void => writeObject(f as object, 2, out, flowField);
  const flows = (fs: unknown): void => writeArray(fs as readonly unknown[], 1, out, flow);
  writeObject(result, 0, out, (key) => (key === 'flows' ? flows : undefined));
  out.text('\n');
  out.flush();
}

const NEWLINE_AT = Array.from({ length: DECISION_DEPTH + 2 }, (_, d) => `\n${'  '.repeat(d)}`);

/**
 * An object at `depth`, laid out as `JSON.stringify(…, null, 2)` does: its keys in order, each
 * value nested one level deeper (undefined values left out). `own` names the keys whose values
 * it writes itself.
 */
function writeObject(obj: object, depth: number, out: ChunkWriter, own: (key: string) => ((value: unknown) => void) | undefined): void {
  const inner = NEWLINE_AT[depth + 1]!;
  out.text('{');
  let first = true;
  for (const key of Object.keys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    const writeValue = own(key);
    const text = writeValue ? '' : nested(value, depth + 1);
    if (text === undefined) continue;
    out.text(`${first ? '' : ','}${inner}${JSON.stringify(key)}: ${text}`);
    if (writeValue) writeValue(value);
    first = false;
  }
  out.text(first ? '}' : `${NEWLINE_AT[depth]!}}`);
}

/** An array at `depth`: each item one level deeper, written by `item`. */
function writeArray(items: readonly unknown[], depth: number, out: ChunkWriter, item: (x: unknown) => void): void {
  if (items.length === 0) {
    out.text('[]');
    return;
  }
  const inner = NEWLINE_AT[depth + 1]!;
  out.text('[');
  for (let i = 0; i < items.length; i++) {
    out.text(i === 0 ? inner : `,${inner}`);
    item(items[i]);
  }
  out.text(`${NEWLINE_AT[depth]!}]`);
}

/**
 * The text of an object as it reads nested `depth` levels deep, made by stringifying it inside
 * `depth` arrays and cutting them off: the same text as `nested`, without a second pass over
 * it to indent its lines.
 */
function nestedObject(obj: object, depth: number): string {
  const { before, after } = (WRAPS[depth] ??= wrapAt(depth));
  let wrapped: unknown = obj;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(before, text.length - after);
}
/** Per depth, the lengths of the text around a value stringified inside that many arrays. */
const WRAPS: { before: number; after: number }[] = [];
function wrapAt(depth: number): { before: number; after: number } {
  let wrapped: unknown = 0;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const at = text.indexOf('0');
  return { before: at, after: text.length - at - 1 };
}

/** The text of a value as it reads nested `depth` levels deep (undefined where JSON omits it). */
function nested(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return undefined;
  return text.includes('\n') ? text.replaceAll('\n', `\n${'  '.repeat(depth)}`) : text;
}

/** Collects UTF-8 bytes into chunks of CHUNK bytes; whole pieces only, so each chunk is valid UTF-8. */
class ChunkWriter {
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  constructor(private readonly write: (chunk: Uint8Array) => void) {}

  /** A piece of text, encoded into the chunk (at most 3 bytes per UTF-16 unit). */
  text(s: string): void {
    if (this.at + s.length * 3 > CHUNK) {
      this.flush();
      if (s.length * 3 > CHUNK) {
        this.write(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.at += this.chunk.write(s, this.at, 'utf8');
  }

  /** Bytes encoded before, copied into the chunk (TypedArray#set: a memmove, where Buffer#copy of small pieces is not). */
  bytes(b: Buffer): void {
    if (this.at + b.length > CHUNK) {
      this.flush();
      if (b.length > CHUNK) {
        this.write(b);
        return;
      }
    }
    this.chunk.set(b, this.at);
    this.at += b.length;
  }

  flush(): void {
    if (this.at === 0) return;
    this.write(this.chunk.subarray(0, this.at));
    this.chunk = Buffer.allocUnsafe(CHUNK);
    this.at = 0;
  }
}

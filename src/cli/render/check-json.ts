/**
 * The JSON form of a check result (docs/check-json.md), written as UTF-8 in chunks: the bytes
 * are exactly those of `JSON.stringify(result, null, 2) + '\n'`, but that text is never held
 * whole, and each distinct decision is stringified and encoded once.
 *
 * A large inventory's result repeats itself: 100,000 flows × 4 regimes reference ≈ 55,000
 * distinct decision objects (a pack shares a decision between the flows it fits). Encoding the
 * whole text (a quarter-gigabyte for 100,000 flows) would cost more than deciding the flows;
 * here a repeated decision is a copy of bytes made once, and memory holds one chunk of output.
 *
 * Layout of `JSON.stringify(v, null, 2)`: a value nested at depth d is the same text as on its
 * own with every line break followed by 2·d more spaces (line breaks inside strings are escaped,
 * so every raw line break is structural). That is what `nested` does.
 */
import type { CheckResult } from '../../engine/types.js';

/** Bytes handed to `write` at a time (a piece larger than this is written on its own). */
const CHUNK = 1 << 20;

/** Depth of a decision in the result: `{ "flows": [ { "decisions": [ <here> ] } ] }`. */
const DECISION_DEPTH = 4;

/** Writes the UTF-8 bytes of `JSON.stringify(result, null, 2) + '\n'` through `write`, in chunks. */
export function writeCheckJson(result: CheckResult, write: (chunk: Uint8Array) => void): void {
  const out = new ChunkWriter(write);
  out.text('{');
  let first = true;
  for (const key of Object.keys(result) as (keyof CheckResult)[]) {
    if (key === 'flows') {
      out.text(`${first ? '' : ','}\n  "flows": `);
      writeFlows(result.flows, out);
    } else {
      const value = nested(result[key], 1);
      if (value === undefined) continue;
      out.text(`${first ? '' : ','}\n  ${JSON.stringify(key)}: ${value}`);
    }
    first = false;
  }
  out.text(first ? '}\n' : '\n}\n');
  out.flush();
}

/** The flows array at depth 1: each flow object at depth 2, its fields at 3, its decisions at 4. */
function writeFlows(flows: CheckResult['flows'], out: ChunkWriter): void {
  if (flows.length === 0) {
    out.text('[]');
    return;
  }
  // The bytes of each distinct decision, by object: decisions are shared and frozen.
  const decisions = new Map<object, Buffer>();
  const decision = (d: unknown): void => {
    if (d === null || typeof d !== 'object') {
      out.text(nested(d, DECISION_DEPTH) ?? 'null');
      return;
    }
    let bytes = decisions.get(d);
    if (!bytes) decisions.set(d, (bytes = Buffer.from(nested(d, DECISION_DEPTH)!, 'utf8')));
    out.bytes(bytes);
  };
  out.text('[');
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!;
    out.text(i === 0 ? '\n    {' : ',\n    {');
    let first = true;
    for (const key of Object.keys(f) as (keyof typeof f)[]) {
      if (key === 'decisions') {
        out.text(`${first ? '' : ','}\n      "decisions": `);
        const ds = f.decisions;
        if (ds.length === 0) out.text('[]');
        else {
          out.text('[');
          for (let k = 0; k < ds.length; k++) {
            out.text(k === 0 ? '\n        ' : ',\n        ');
            decision(ds[k]);
          }
          out.text('\n      ]');
        }
      } else {
        const value = nested(f[key], 3);
        if (value === undefined) continue;
        out.text(`${first ? '' : ','}\n      ${JSON.stringify(key)}: ${value}`);
      }
      first = false;
    }
    out.text(first ? '}' : '\n    }');
  }
  out.text('\n  ]');
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

  /** Bytes encoded before, copied into the chunk. */
  bytes(b: Buffer): void {
    if (this.at + b.length > CHUNK) {
      this.flush();
      if (b.length > CHUNK) {
        this.write(b);
        return;
      }
    }
    b.copy(this.chunk, this.at);
    this.at += b.length;
  }

  flush(): void {
    if (this.at === 0) return;
    this.write(this.chunk.subarray(0, this.at));
    this.chunk = Buffer.allocUnsafe(CHUNK);
    this.at = 0;
  }
}

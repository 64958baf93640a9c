/**
 * Line splitting over chunk views (see bytes.ts): calls `line(v, a, b, lineNo)` for each
 * line as a range of a chunk when it lies in one (no copy), joined only when it spans chunks.
 * LF or CRLF ends (a lone CR is kept in the line). Lines longer than `maxUnits` go to
 * `long(piece, lineNo, base)` in windows instead (memory stays flat).
 */
import type { ByteView } from './bytes.js';

export interface LineSink {
  line(v: ByteView, a: number, b: number, lineNo: number): void;
  /** A window of a line longer than `maxUnits` (the view's whole string); `last` marks its final piece. */
  long(piece: ByteView, lineNo: number, base: number, last: boolean): void;
  progress?(units: number): void;
}

/** `units`: the length of all chunk strings (bytes for byte views, UTF-16 units for text views). */
export async function eachLine(chunks: AsyncIterable<ByteView>, maxUnits: number, sink: LineSink): Promise<{ lines: number; units: number }> {
  let lineNo = 0;
  let units = 0;
  let pieces: string[] = [];
  let piecesLen = 0;
  let base = 0; // units of the current line already sent as windows
  const emit = (v: ByteView, a: number, b: number): void => {
    lineNo++;
    if (b > a && v.s.charCodeAt(b - 1) === 13) b--;
    if (base > 0) {
      sink.long(v.like(v.s.slice(a, b)), lineNo, base, true);
      base = 0;
    } else sink.line(v, a, b, lineNo);
  };
  let last: ByteView | undefined;
  for await (const v of chunks) {
    last = v;
    const c = v.s;
    units += c.length;
    let p = 0;
    const n = c.length;
    while (p < n) {
      const q = c.indexOf('\n', p);
      if (q < 0) {
        pieces.push(c.slice(p));
        piecesLen += n - p;
        if (piecesLen >= maxUnits) {
          const w = pieces.join('');
          sink.long(v.like(w), lineNo + 1, base, false);
          base += w.length;
          pieces = [];
          piecesLen = 0;
        }
        break;
      }
      if (pieces.length) {
        pieces.push(c.slice(p, q));
        const j = pieces.join('');
        pieces = [];
        piecesLen = 0;
        emit(v.like(j), 0, j.length);
      } else emit(v, p, q);
      p = q + 1;
    }
    sink.progress?.(units);
  }
  if (pieces.length || base > 0) {
    const j = pieces.join('');
    emit(last!.like(j), 0, j.length);
  }
  return { lines: lineNo, units };
}

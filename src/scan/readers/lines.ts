/**
 * Line splitting over text chunks: calls `line(s, a, b, lineNo)` for each line as a range of
 * a chunk when it lies in one (no copy), joined only when it spans chunks. LF or CRLF ends
 * (a lone CR is kept in the line). Lines longer than `maxUnits` go to `long(piece, lineNo,
 * base)` in windows instead (memory stays flat).
 */
import type { TextInput } from '../core/types.js';
import { textChunks } from './input.js';

export interface LineSink {
  line(s: string, a: number, b: number, lineNo: number): void;
  /** A window of a line longer than `maxUnits`; `last` marks its final piece. */
  long(piece: string, lineNo: number, base: number, last: boolean): void;
  progress?(units: number): void;
}

export async function eachLine(input: TextInput, maxUnits: number, sink: LineSink): Promise<{ lines: number; units: number }> {
  let lineNo = 0;
  let units = 0;
  let pieces: string[] = [];
  let piecesLen = 0;
  let base = 0; // units of the current line already sent as windows
  let first = true;
  const emit = (s: string, a: number, b: number): void => {
    lineNo++;
    if (b > a && s.charCodeAt(b - 1) === 13) b--;
    if (base > 0) {
      sink.long(s.slice(a, b), lineNo, base, true);
      base = 0;
    } else sink.line(s, a, b, lineNo);
  };
  for await (let c of textChunks(input)) {
    if (first) {
      first = false;
      if (c.charCodeAt(0) === 0xfeff) c = c.slice(1);
    }
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
          sink.long(w, lineNo + 1, base, false);
          base += w.length;
          pieces = [];
          piecesLen = 0;
        }
        break;
      }
      if (pieces.length) {
        pieces.push(c.slice(p, q));
        const v = pieces.join('');
        pieces = [];
        piecesLen = 0;
        emit(v, 0, v.length);
      } else emit(c, p, q);
      p = q + 1;
    }
    sink.progress?.(units);
  }
  if (pieces.length || base > 0) {
    const v = pieces.join('');
    emit(v, 0, v.length);
  }
  return { lines: lineNo, units };
}

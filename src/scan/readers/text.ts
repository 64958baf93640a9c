/**
 * Plain text and logs: each line is a record (its 1-based line number), scanned as the
 * value of the field `text`. Lines longer than WINDOW_UNITS are scanned in windows.
 */
import { fastPath } from '../core/scanner.js';
import type { ReadStats, SourceScanner, TextInput, TextOptions } from '../core/types.js';
import { WINDOW_UNITS } from './input.js';
import { viewChunks } from './bytes.js';
import { eachLine } from './lines.js';

export const TEXT_FIELD = 'text';

export async function readText(input: TextInput, opts: TextOptions, target: SourceScanner): Promise<ReadStats> {
  const scanner = fastPath(target);
  const slot = scanner.slot(TEXT_FIELD);
  let records = 0;
  let openLong = -1;
  // text views (decoded): log lines are scanned whole, so there is nothing to save by
  // decoding per field
  const r = await eachLine(viewChunks(input, true), WINDOW_UNITS, {
    line(v, a, b, lineNo) {
      if (b <= a) return; // blank lines are not records
      records++;
      scanner.beginRecord(lineNo);
      scanner.scanSlot(slot, v.s, a, b, 0);
      scanner.endRecord();
    },
    long(piece, lineNo, base, last) {
      if (openLong !== lineNo) {
        records++;
        scanner.beginRecord(lineNo);
        openLong = lineNo;
      }
      scanner.scanSlot(slot, piece.s, 0, piece.s.length, base, !last);
      if (last) {
        scanner.endRecord();
        openLong = -1;
      }
    },
    ...(opts.onProgress ? { progress: opts.onProgress } : {}),
  });
  return { records, units: r.units };
}

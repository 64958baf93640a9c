/**
 * Reading a file the user names as one document (an inventory, an SBOM, an advisory file, a
 * list), with a ceiling. A regular file larger than the ceiling is refused from its size before
 * anything is read. A pipe (`<(…)`, /dev/stdin fed by another program) has no size: it is read
 * until it ends or passes the ceiling, so one that never ends is refused instead of filling
 * memory until the process dies.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { InputError } from './errors.js';

const MIB = 1024 * 1024;

/** Default ceiling: a JavaScript string holds at most ~512 M characters, so text larger cannot be parsed anyway. */
export const MAX_DOCUMENT_BYTES = 512 * MIB;

/** "512 MiB", "1.5 GiB", "2,000 bytes" */
function size(bytes: number): string {
  if (bytes >= 1024 * MIB) return `${+(bytes / (1024 * MIB)).toFixed(1)} GiB`;
  if (bytes >= MIB) return `${+(bytes / MIB).toFixed(1)} MiB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/**
 * The file's bytes. File-system errors are thrown as they come (callers word them); a file or
 * pipe over `limit` bytes is an {@link InputError} naming the file. `what` says what the file is
 * read as ("an inventory"), for the message.
 */
export function readWhole(path: string, what: string, limit: number = MAX_DOCUMENT_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const tooLarge = (known: boolean) =>
      new InputError({ file: path, message: `${known ? `is ${size(st.size)}` : `gave more than ${size(limit)}`}: ${what} is read whole, up to ${size(limit)}${known ? '' : ' (a pipe that does not end?)'}; split it into smaller files` });
    if (st.isFile()) {
      if (st.size > limit) throw tooLarge(true);
      return readFileSync(fd);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MIB, limit - total + 1));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooLarge(false);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

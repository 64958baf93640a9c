/**
 * What SQLite's failures mean for a person running a command: one line naming the store and
 * what to do, as an {@link InputError} (exit 2). A busy store is left as it is: the import
 * waits for it and says so itself (src/screen/lists/store.ts).
 */
import { InputError } from '../common/errors.js';

const codeOf = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '');
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The store's own problem for a SQLite error, or undefined when the error is not about the store file. */
export function storeProblem(path: string, e: unknown): InputError | undefined {
  if (e instanceof InputError) return e;
  const code = codeOf(e);
  const msg = messageOf(e);
  const problem = (message: string) => new InputError({ file: path, path: '--store', message });
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code) || /disk image is malformed|file is not a database/i.test(msg)) {
    return problem(`the store file is damaged (${msg}); nothing was written: restore it from a backup, or move it away and run \`datacustoms lists import\` again`);
  }
  if (/^SQLITE_READONLY/.test(code)) {
    return problem('the store cannot be written (the file or its folder is read-only); nothing was written: make both writable, or name another store with --store');
  }
  if (/^SQLITE_FULL/.test(code)) return problem('the disk holding the store is full; nothing was written: free some space and try again');
  if (/^SQLITE_(IOERR|CANTOPEN|PERM|AUTH)/.test(code)) return problem(`cannot read or write the store (${msg}); nothing was written`);
  return undefined;
}

/** {@link storeProblem}, else the error itself. */
export function asStoreError(path: string, e: unknown): unknown {
  return storeProblem(path, e) ?? e;
}

/**
 * What the store's failures (SQLite's, PostgreSQL's) mean for a person running a command: one
 * line naming the store and what to do, as an {@link InputError} (exit 2). A busy store is left
 * as it is: a write waits for it and says so itself (`Store.writeTransaction`, store.ts).
 */
import { InputError } from '../common/errors.js';
import { hostLookupFailure } from '../common/host-lookup.js';

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

/**
 * What a PostgreSQL store's failures mean: one line naming the store by its URL with the
 * password shown as *** (`label`), as an {@link InputError} (exit 2); undefined for an error
 * that is not about the server, the connection or the rights it gives (a bug stays exit 3).
 * The server's own messages name users, databases and schemas, never a password; a driver
 * message that quotes a URL has its user information masked all the same.
 */
export function pgStoreProblem(label: string, e: unknown): InputError | undefined {
  if (e instanceof InputError) return e;
  const code = codeOf(e);
  const msg = messageOf(e).replace(/:\/\/\S*@/g, '://***@');
  const problem = (message: string) => new InputError({ file: label, path: '--store', message });
  const cannotConnect = (why: string) => problem(`cannot connect to the store: ${why}`);
  if (code === 'ECONNREFUSED') return cannotConnect('connection refused (is the server running, and on that host and port?)');
  // a host with no address, or none at all (the README's "…", which getaddrinfo refuses with EINVAL)
  const lookup = hostLookupFailure(label, e);
  if (lookup !== undefined) return cannotConnect(lookup);
  if (code === 'ETIMEDOUT' || /timeout expired|connection timeout/i.test(msg)) return cannotConnect('connection timed out');
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return cannotConnect('host unreachable');
  if (code === 'ENOENT' && /\.s\.PGSQL\./.test(msg)) return cannotConnect('no server listens on that socket');
  if (/client password must be a string/i.test(msg)) return cannotConnect('the server asks for a password and the URL gives none');
  if (code === '28P01') return cannotConnect(`the server refused the password (${msg}): check the user name and password`);
  if (code === '28000') return cannotConnect(`the server refused the connection (${msg})`);
  if (code === '3D000') return cannotConnect(`${msg}: create it first, or name another database`);
  if (code === '53300') return cannotConnect(`the server has no connection to spare (${msg}); try again`);
  if (code === '25006') return problem(`the server is read-only (a standby?) (${msg}); nothing was written: name the primary`);
  if (code === '42501') return problem(`not allowed (${msg}); nothing was written: grant the user what it needs on the store's schema, or name another store`);
  if (code === '53100') return problem(`the disk of the server is full (${msg}); nothing was written`);
  if (/^(57P0[1-3]|08)/.test(code) || code === 'ECONNRESET' || code === 'EPIPE' || /connection terminated|server closed the connection/i.test(msg)) {
    return problem(`the connection to the store was lost (${msg}); run the command again (an import already made is not made twice)`);
  }
  if (/SSL|certificate/i.test(msg) && /^(E[A-Z_]+|)$/.test(code)) return cannotConnect(msg);
  return undefined;
}

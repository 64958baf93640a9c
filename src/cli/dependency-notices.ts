/**
 * Notices that the libraries datacustoms uses print about their own future defaults, turned into
 * one line of ours. The pg driver warns in ten lines, on every run with `sslmode=require`, that
 * it treats that mode as `verify-full`; a person scanning a database needs the one fact.
 */
const PG_SSL_MODES = "SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.";

export const PG_SSL_NOTE = "datacustoms: note: the PostgreSQL driver reads sslmode=prefer, require and verify-ca as verify-full (the server's certificate and host name are verified; add uselibpqcompat=true to the URL for libpq's meaning)\n";

let installed = false;
let writer: (s: string) => void = (s) => void process.stderr.write(s);

/** Installs the filter once per process (the note goes to the latest `write`); other warnings go on as Node prints them. */
export function quietDependencyNotices(write: (s: string) => void = (s) => void process.stderr.write(s)): void {
  writer = write;
  if (installed) return;
  installed = true;
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith(PG_SSL_MODES)) {
      writer(PG_SSL_NOTE);
      return;
    }
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * Database URLs: `postgres://user@host:port/db`, `mysql://root@host:3306/db` (also
 * `postgresql://`, `mariadb://`), `sqlite:path`. datacustoms' own query parameters select
 * what to scan and are removed before connecting:
 *   ?schema=a,b   (PostgreSQL) only these schemas
 *   ?table=t1,s.t2  only these tables
 * The label printed for a URL never includes the password.
 */
import { InputError } from '../../common/errors.js';
import { hostLookupFailure, withTypedHost } from '../../common/host-lookup.js';

export type DbKind = 'postgres' | 'mysql' | 'sqlite';

export interface DbTarget {
  readonly kind: DbKind;
  /** What to connect with (password kept; never printed). */
  readonly connect: string;
  /** Printable: the URL with the password removed and without our parameters. */
  readonly label: string;
  readonly schemas?: readonly string[];
  readonly tables?: readonly string[];
}

export function dbKind(target: string): DbKind | undefined {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(target);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'mysql' || scheme === 'mariadb') return 'mysql';
  if (scheme === 'sqlite') return 'sqlite';
  return undefined;
}

/** A `?table=` / `?schema=` list; one that names nothing is refused (it scanned nothing, silently). */
function list(v: string | null, param: string, shown: string): string[] | undefined {
  if (v === null) return undefined;
  const names = splitNames(v).map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new InputError({ file: shown, path: param, message: `?${param}= names no ${param} (leave it out to scan every ${param})` });
  return names;
}

/** Splits at commas outside double quotes (`"a,b".t` is one name, as SQL writes it). */
function splitNames(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of v) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function parseDbTarget(target: string): DbTarget {
  const kind = dbKind(target);
  if (kind === undefined) throw new InputError({ file: '<argv>', message: `not a database URL: ${redactUrl(target)}` });
  if (kind === 'sqlite') {
    const rest = target.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    const [path, query] = splitOnce(rest, '?');
    if (path.length === 0) throw new InputError({ file: '<argv>', message: 'sqlite: URL without a path (write sqlite:path/to/file.db)' });
    const tables = list(new URLSearchParams(query ?? '').get('table'), 'table', path);
    return { kind, connect: path, label: path, ...(tables ? { tables } : {}) };
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    // the hint where a password (or a second "@") may be what broke it, not for a bad port
    const start = target.indexOf('://') + 3;
    const at = target.lastIndexOf('@');
    const colon = target.indexOf(':', start);
    const hint = (colon >= start && colon < at) || target.indexOf('@') < at ? ` (${ENCODE_HINT})` : '';
    throw new InputError({ file: '<argv>', message: `malformed database URL: ${redactUrl(target)}${hint}` });
  }
  // A password holding "/", "?" or "#" ends the host part early; when what came before is a
  // number (`root:2024#Secure@db`) the URL is still valid — host "root", port 2024 — and the
  // rest of the password would be printed as path or fragment. An "@" after the host is
  // refused (it is %40 in a parameter value), and the error masks up to the last "@".
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(target);
  if (scheme) {
    const authorityEnd = target.slice(scheme[0].length).search(/[/?#]/);
    if (authorityEnd >= 0 && target.indexOf('@', scheme[0].length + authorityEnd) >= 0) {
      throw new InputError({ file: '<argv>', message: `ambiguous database URL: ${maskToLastAt(target)}: an "@" after the host (${ENCODE_HINT})` });
    }
  }
  const schemas = list(url.searchParams.get('schema'), 'schema', redactUrl(target));
  const tables = list(url.searchParams.get('table'), 'table', redactUrl(target));
  url.searchParams.delete('schema');
  url.searchParams.delete('table');
  if (kind === 'mysql' && url.protocol === 'mariadb:') url.protocol = 'mysql:';
  if (kind === 'postgres' && url.protocol === 'postgresql:') url.protocol = 'postgres:';
  const connect = url.toString();
  const shown = new URL(connect);
  shown.password = '';
  // a non-ASCII host as typed (`…`), not as the URL parser percent-encodes it (`%E2%80%A6`)
  return { kind, connect, label: withTypedHost(redactUrl(shown.toString())), ...(schemas ? { schemas } : {}), ...(tables ? { tables } : {}) };
}

/**
 * A URL (or anything that looks like one) with its password replaced. The user information
 * ends at the last "@" of the authority (a password may hold "@"); in a string that is not a
 * valid URL the authority's end is unknown (a password may hold "/"), so at the last "@".
 */
export function redactUrl(s: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\//i.exec(s);
  if (!m) return s;
  // a password can be a query parameter too (`?password=`, `sslpassword=`: the drivers take them)
  s = s.replace(SECRET_PARAM, '$1***');
  const start = m[0].length;
  let valid = true;
  try {
    new URL(s);
  } catch {
    valid = false;
  }
  const stop = valid ? s.slice(start).search(/[/?#]/) : -1;
  const at = s.lastIndexOf('@', stop < 0 ? s.length : start + stop - 1);
  const colon = s.indexOf(':', start);
  if (at < start || colon < 0 || colon > at) return s;
  return `${s.slice(0, colon)}:***${s.slice(at)}`;
}

const ENCODE_HINT = 'percent-encode "@", "/", "?", "#", ":" and "%" in a user name or password: %40, %2F, %3F, %23, %3A, %25';

/** The URL with everything from the first ":" after the scheme to the last "@" masked. */
function maskToLastAt(s: string): string {
  const start = s.indexOf('://') + 3;
  const at = s.lastIndexOf('@');
  const colon = s.indexOf(':', start);
  const shown = colon < 0 || colon > at ? s : `${s.slice(0, colon)}:***${s.slice(at)}`;
  return shown.replace(SECRET_PARAM, '$1***');
}

/** Query parameters that carry a secret, with their value (up to `&` or `#`). */
const SECRET_PARAM = /([?&](?:[a-z_]*pass(?:word|wd|phrase)?|pwd|secret|[a-z_]*token|api_?key)=)[^&#]*/gi;

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/**
 * Turns a driver's connection failure into an InputError naming the (redacted) URL. A host that
 * cannot be resolved is named ("host "db.example" not found"); one that is not a host name at all
 * (the "…" of an example URL, which getaddrinfo refuses with EINVAL) says so (../../common/host-lookup.ts,
 * shared with the PostgreSQL store).
 */
export function connectionError(label: string, e: unknown): InputError {
  const lookup = hostLookupFailure(label, e);
  if (lookup !== undefined) return new InputError({ file: label, message: `cannot connect: ${lookup}` });
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? '';
  const why =
    code === 'ECONNREFUSED'
      ? 'connection refused (is the server running?)'
      : code === 'ETIMEDOUT'
        ? 'connection timed out'
        : (err.message || String(e)).replace(/:\/\/\S*@/g, '://***@');
  return new InputError({ file: label, message: `cannot connect: ${why}` });
}

/**
 * A database host that cannot be turned into an address, said in one line for a person: the
 * scan's database sources (src/scan/sources/url.ts) and the PostgreSQL store
 * (src/store/store-errors.ts) both print it. And a URL label with a non-ASCII host shown as
 * typed (`postgres://app@…/crm`), not as the URL parser percent-encodes it (`%E2%80%A6`).
 */
import { domainToASCII } from 'node:url';

/** getaddrinfo's codes for a name it could not turn into an address (Node's dns errors). */
const LOOKUP_FAILED: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

/** A host name as DNS can hold it: letters, digits, "-", "_" and dots; or an IPv6 address. */
const HOST_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?$|^\[?[0-9a-f:.]+\]?$/i;

/** Whether a host is a name DNS can hold, directly or as an internationalised name (`bücher.example`). */
function isHostName(host: string): boolean {
  if (HOST_NAME.test(host)) return true;
  const ascii = domainToASCII(host);
  return ascii !== '' && HOST_NAME.test(ascii);
}

/** The host a label names ("…" for `postgres://%E2%80%A6/db`), or undefined. */
function hostOf(label: string): string | undefined {
  try {
    const h = new URL(label).hostname;
    if (!h) return undefined;
    try {
      return decodeURIComponent(h);
    } catch {
      return h;
    }
  } catch {
    return undefined;
  }
}

/** The host quoted as JSON writes a string (control characters escaped), at most 80 characters. */
function quoteHost(host: string): string {
  return JSON.stringify(host.length > 80 ? `${host.slice(0, 79)}…` : host);
}

/**
 * What a failed host look-up means, as the end of a "cannot connect: …" line, or undefined when
 * `e` is not one. The host is the error's (`hostname`), else the one `label` names (a URL with
 * its password removed). A host that is not a host name at all (the "…" of an example URL,
 * which getaddrinfo refuses with EINVAL) says so; a name without an address is "not found";
 * EAI_AGAIN (no answer from the name server) "could not be looked up".
 */
export function hostLookupFailure(label: string, e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const err = e as { code?: unknown; syscall?: unknown; hostname?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  if (!(LOOKUP_FAILED.has(code) || (code === 'EINVAL' && err.syscall === 'getaddrinfo'))) return undefined;
  const host = typeof err.hostname === 'string' && err.hostname !== '' ? err.hostname : hostOf(label);
  const name = host === undefined ? 'the host' : `host ${quoteHost(host)}`;
  if (host !== undefined && !isHostName(host)) return `${name} is not a host name: put the database server's host name or address in the URL`;
  if (code === 'EAI_AGAIN') return `${name} could not be looked up (the name server did not answer; check the name and the network)`;
  return `${name} not found (no address for that name; check its spelling)`;
}

/** A character shown as itself in a label: a letter, mark, digit, punctuation or symbol (no control, format or space character). */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * The URL with the percent-encoded non-ASCII characters of its host shown as typed
 * (`postgres://app@%E2%80%A6:5432/crm` → `postgres://app@…:5432/crm`). ASCII escapes (`%2F`),
 * bytes that are not UTF-8, and characters that would not show as themselves (controls,
 * bidirectional marks, spaces) stay encoded; the rest of the URL is left as it is.
 */
export function withTypedHost(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!m) return url;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1).replace(/(?:%[89a-f][0-9a-f])+/gi, (run) => {
    let text: string;
    try {
      text = decodeURIComponent(run);
    } catch {
      return run;
    }
    return [...text].map((c) => (PRINTABLE.test(c) ? c : encodeURIComponent(c))).join('');
  });
  return `${m[1]!}${authority.slice(0, at + 1)}${host}${url.slice(m[0].length)}`;
}

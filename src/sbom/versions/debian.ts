/**
 * Debian (dpkg) version order, also used by OSV for `Debian:<release>` and `Ubuntu:<release>`.
 * Source: Debian Policy §5.6.12 "Version" (deb-version(7)).
 *
 * `[epoch:]upstream_version[-debian_revision]`: the epoch (a number, default 0) dominates; the
 * revision is what follows the last `-` (none = empty). Upstream and revision are compared the
 * same way, alternating two kinds of runs from the left:
 * - a run of non-digits, compared character by character where `~` sorts before everything
 *   (even the end of the string), then the end, then letters, then all other characters (by
 *   ASCII): so `1.0~rc1` < `1.0` < `1.0+dfsg` and `1.0a` < `1.0+`;
 * - a run of digits, compared numerically (an absent run counts as 0).
 * Strings with characters outside those the policy allows (alphanumerics and `. + - ~`, plus `:`
 * in the upstream part when there is an epoch) are unorderable.
 */
import { MAX_VERSION_LENGTH, compareDigits, stripZeros, type VersionOrder } from './order.js';

export interface DebianVersion {
  readonly epoch: string;
  readonly upstream: string;
  readonly revision: string;
}

const VALID_UPSTREAM = /^[0-9][A-Za-z0-9.+~:-]*$/;
const VALID_REVISION = /^[A-Za-z0-9.+~]*$/;

export function parseDebian(raw: string): DebianVersion | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  const s = raw.trim();
  let epoch = '0';
  let rest = s;
  const colon = s.indexOf(':');
  if (colon >= 0) {
    const e = s.slice(0, colon);
    if (!/^\d+$/.test(e)) return undefined;
    epoch = stripZeros(e);
    rest = s.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : '';
  if (!VALID_UPSTREAM.test(upstream) || !VALID_REVISION.test(revision)) return undefined;
  if (dash >= 0 && revision === '') return undefined; // dpkg: "revision number is empty"
  if (colon < 0 && upstream.includes(':')) return undefined;
  return { epoch, upstream, revision };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Weight of one character in a non-digit run; NaN (end of run) weighs 0. */
function weight(c: number): number {
  if (Number.isNaN(c)) return 0;
  if (c === 126 /* ~ */) return -1;
  if (isLetter(c)) return c;
  return c + 256;
}

function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // non-digit run
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ca = i < a.length && !isDigit(a.charCodeAt(i)) ? a.charCodeAt(i) : NaN;
      const cb = j < b.length && !isDigit(b.charCodeAt(j)) ? b.charCodeAt(j) : NaN;
      const d = weight(ca) - weight(cb);
      if (d !== 0) return d < 0 ? -1 : 1;
      if (!Number.isNaN(ca)) i++;
      if (!Number.isNaN(cb)) j++;
    }
    // digit run
    const si = i;
    while (i < a.length && isDigit(a.charCodeAt(i))) i++;
    const sj = j;
    while (j < b.length && isDigit(b.charCodeAt(j))) j++;
    const c = compareDigits(stripZeros(a.slice(si, i)), stripZeros(b.slice(sj, j)));
    if (c !== 0) return c;
  }
  return 0;
}

export function compareDebian(a: DebianVersion, b: DebianVersion): number {
  return compareDigits(a.epoch, b.epoch) || compareFragment(a.upstream, b.upstream) || compareFragment(a.revision, b.revision);
}

export const debianOrder: VersionOrder<DebianVersion> = {
  label: 'Debian dpkg version order (Debian Policy §5.6.12)',
  parse: parseDebian,
  compare: compareDebian,
};

/**
 * PyPI version order: PEP 440 ("Version Identification and Dependency Specification"), the
 * order `packaging.version.Version` implements, and PEP 503 name normalization.
 *
 * Form: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`, case-insensitive, surrounding spaces and a
 * leading `v` allowed. Accepted spellings (PEP 440 "Normalization"): `alpha`→`a`, `beta`→`b`,
 * `c`/`pre`/`preview`→`rc`, `rev`/`r`→`post`, `-N` = `.postN`, separators `.`/`-`/`_` optional
 * before a pre/post/dev label and its number, a missing number = 0, local separators `-`/`_` = `.`.
 *
 * Order: epoch first; release segments numerically with trailing zeros ignored (`5.4` = `5.4.0`);
 * then within one release `.devN` < `aN` < `bN` < `rcN` < release < `.postN`, with dev releases of
 * a pre/post release just below it (`1.0a1.dev1` < `1.0a1`, `1.0.post1.dev1` < `1.0.post1`); a
 * local version sorts after the same public version, its segments compared numerically when
 * numeric, lexically otherwise, numeric above alphanumeric.
 *
 * Strings outside PEP 440 ("legacy" versions such as `2004d` or `1.0-SNAPSHOT`) are unorderable:
 * tools disagree on them, so the matcher reports them rather than guessing.
 */
import { MAX_VERSION_LENGTH, compareDigits, stripZeros, type VersionOrder } from './order.js';

export interface Pep440 {
  /** Digit strings without leading zeros. */
  readonly epoch: string;
  /** Release segments as written (trailing zeros kept for display; compare pads with zeros). */
  readonly release: readonly string[];
  /** 0 = a, 1 = b, 2 = rc. */
  readonly pre?: readonly [0 | 1 | 2, string];
  readonly post?: string;
  readonly dev?: string;
  /** Local segments, lower-cased; numeric ones without leading zeros. */
  readonly local?: readonly string[];
}

// Linear-time: every repetition is anchored on a separator, and each optional part is bounded.
const PEP440 = new RegExp(
  '^\\s*v?' +
    '(?:(\\d+)!)?' + // epoch
    '(\\d+(?:\\.\\d+)*)' + // release
    '(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?' + // pre
    '(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?' + // post
    '(?:[-_.]?(dev)[-_.]?(\\d+)?)?' + // dev
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?' + // local
    '\\s*$',
  'i',
);

const PRE_KIND: Readonly<Record<string, 0 | 1 | 2>> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parsePep440(raw: string): Pep440 | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  const m = PEP440.exec(raw);
  if (!m) return undefined;
  const [, epoch, rel, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
  const release = rel!.split('.').map(stripZeros);
  const v: {
    epoch: string;
    release: string[];
    pre?: readonly [0 | 1 | 2, string];
    post?: string;
    dev?: string;
    local?: string[];
  } = { epoch: stripZeros(epoch ?? '0'), release };
  if (preL !== undefined) v.pre = [PRE_KIND[preL.toLowerCase()]!, stripZeros(preN ?? '0')];
  if (postN1 !== undefined) v.post = stripZeros(postN1);
  else if (postL !== undefined) v.post = stripZeros(postN2 ?? '0');
  if (devL !== undefined) v.dev = stripZeros(devN ?? '0');
  if (local !== undefined) v.local = local.toLowerCase().split(/[-_.]/).map((s) => (/^\d+$/.test(s) ? stripZeros(s) : s));
  return v;
}

/** Normalized text (PEP 440 canonical form), e.g. `1!2.0rc1.post3.dev4+ubuntu.1`. */
export function formatPep440(v: Pep440): string {
  let s = v.epoch !== '0' ? `${v.epoch}!` : '';
  s += v.release.join('.');
  if (v.pre) s += `${['a', 'b', 'rc'][v.pre[0]]}${v.pre[1]}`;
  if (v.post !== undefined) s += `.post${v.post}`;
  if (v.dev !== undefined) s += `.dev${v.dev}`;
  if (v.local) s += `+${v.local.join('.')}`;
  return s;
}

/** A local segment made of digits only (`12`, not `1alpha2`, which is alphanumeric). */
const isNum = (s: string): boolean => /^\d+$/.test(s);

function compareRelease(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Pre-release slot: a dev release of a final release (no pre, no post) sorts before every
 * pre-release of it; no pre-release sorts after all of them.
 */
function preKey(v: Pep440): number {
  if (v.pre) return 0;
  if (v.post === undefined && v.dev !== undefined) return -1;
  return 1;
}

function compareLocal(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const xn = isNum(x);
    const yn = isNum(y);
    let c: number;
    if (xn && yn) c = compareDigits(x, y);
    else if (xn !== yn) c = xn ? 1 : -1; // numeric segments sort above alphanumeric ones
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

export function comparePep440(a: Pep440, b: Pep440): number {
  let c = compareDigits(a.epoch, b.epoch);
  if (c !== 0) return c;
  c = compareRelease(a.release, b.release);
  if (c !== 0) return c;
  const pa = preKey(a);
  const pb = preKey(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.pre && b.pre) {
    if (a.pre[0] !== b.pre[0]) return a.pre[0] < b.pre[0] ? -1 : 1;
    c = compareDigits(a.pre[1], b.pre[1]);
    if (c !== 0) return c;
  }
  // no post-release sorts first
  if (a.post !== b.post) {
    if (a.post === undefined) return -1;
    if (b.post === undefined) return 1;
    c = compareDigits(a.post, b.post);
    if (c !== 0) return c;
  }
  // no dev release sorts last
  if (a.dev !== b.dev) {
    if (a.dev === undefined) return 1;
    if (b.dev === undefined) return -1;
    c = compareDigits(a.dev, b.dev);
    if (c !== 0) return c;
  }
  return compareLocal(a.local, b.local);
}

export const pypiOrder: VersionOrder<Pep440> = {
  label: 'PEP 440 (packaging.version order)',
  parse: parsePep440,
  compare: comparePep440,
};

/** PEP 503 name normalization: runs of `-`, `_`, `.` become `-`, lower-cased (`PyYAML` → `pyyaml`). */
export function normalizePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * NuGet version order: `NuGet.Versioning.VersionComparer` with `VersionComparison.Default`, the
 * order nuget.org, the NuGet client and GitHub's NuGet advisories use (NuGet docs, "Package
 * versioning"; NuGet.Client `src/NuGet.Core/NuGet.Versioning`).
 *
 * Form: `Major[.Minor[.Patch[.Revision]]][-label(.label)*][+metadata]`, each number a non-negative
 * 32-bit integer, leading zeros allowed (`1.01` = `1.1`), a missing part 0 (`1` = `1.0` = `1.0.0.0`).
 * Label parts are `[0-9A-Za-z-]+`.
 *
 * Order: Major, Minor, Patch, Revision numerically; a prerelease below its release; labels part by
 * part, where two parts that read as 32-bit integers compare numerically, a numeric part sorts
 * below a word, and words compare case-insensitively (`1.0.0-RC.1` = `1.0.0-rc.1`, NuGet follows
 * SemVer 2.0.0 there except for case); more parts sort above fewer when the common ones are equal.
 * Build metadata is ignored. Strings outside this form are unorderable.
 */
import { MAX_VERSION_LENGTH, compareDigits, stripZeros, type VersionOrder } from './order.js';

export interface NuGetVersion {
  /** Major, Minor, Patch, Revision as digit strings without leading zeros. */
  readonly parts: readonly [string, string, string, string];
  readonly labels: readonly string[];
}

const FORM = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const INT32_MAX = '2147483647';

const fitsInt32 = (digits: string): boolean => compareDigits(digits, INT32_MAX) <= 0;

export function parseNuGet(raw: string): NuGetVersion | undefined {
  if (raw.length > MAX_VERSION_LENGTH) return undefined;
  const m = FORM.exec(raw.trim());
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3], m[4]].map((p) => stripZeros(p ?? '0')) as [string, string, string, string];
  if (!parts.every(fitsInt32)) return undefined;
  return { parts, labels: m[5] === undefined ? [] : m[5].split('.') };
}

/** `Int32.TryParse` of a label part (an optional `-` sign, digits, within 32 bits), or undefined. */
function int32(part: string): bigint | undefined {
  const m = /^(-?)(\d+)$/.exec(part);
  if (!m) return undefined;
  const digits = stripZeros(m[2]!);
  if (digits.length > 10) return undefined;
  const n = BigInt(m[1] + digits);
  return n >= -2147483648n && n <= 2147483647n ? n : undefined;
}

function compareLabel(a: string, b: string): number {
  const x = int32(a);
  const y = int32(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (x !== undefined || y !== undefined) return x !== undefined ? -1 : 1; // numeric labels come before words
  // StringComparer.OrdinalIgnoreCase: code units of the upper-cased strings (labels are ASCII)
  const p = a.toUpperCase();
  const q = b.toUpperCase();
  return p < q ? -1 : p > q ? 1 : 0;
}

export function compareNuGet(a: NuGetVersion, b: NuGetVersion): number {
  for (let i = 0; i < 4; i++) {
    const c = compareDigits(a.parts[i]!, b.parts[i]!);
    if (c !== 0) return c;
  }
  const ap = a.labels.length > 0;
  const bp = b.labels.length > 0;
  if (ap !== bp) return ap ? -1 : 1;
  const n = Math.min(a.labels.length, b.labels.length);
  for (let i = 0; i < n; i++) {
    const c = compareLabel(a.labels[i]!, b.labels[i]!);
    if (c !== 0) return c;
  }
  return a.labels.length === b.labels.length ? 0 : a.labels.length < b.labels.length ? -1 : 1;
}

export const nugetOrder: VersionOrder<NuGetVersion> = {
  label: 'NuGet.Versioning (4 numeric parts, case-insensitive prerelease labels)',
  parse: parseNuGet,
  compare: compareNuGet,
};

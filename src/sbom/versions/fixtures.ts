/** Test-only: reads the reference-implementation fixtures in ./fixtures (see each generator's header). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const lines = (name: string): string[] => readFileSync(join(dir, name), 'utf8').trimEnd().split('\n');

/** maven-order.txt: each version with its comparison row against every version (from maven-artifact 3.8.7). */
export function mavenMatrix(): { versions: string[]; expected: (i: number, j: number) => number } {
  const rows = lines('maven-order.txt').map((l) => {
    const t = l.lastIndexOf('\t');
    return { v: l.slice(0, t), row: l.slice(t + 1) };
  });
  const sign: Record<string, number> = { '<': -1, '=': 0, '>': 1 };
  return { versions: rows.map((r) => r.v), expected: (i, j) => sign[rows[i]!.row[j]!]! };
}

/** rubygems-order.txt: valid versions with their comparison rows (from Gem::Version), then invalid ones. */
export function rubygemsMatrix(): { versions: string[]; invalid: string[]; expected: (i: number, j: number) => number } {
  const all = lines('rubygems-order.txt');
  const invalid = all.filter((l) => l.startsWith('invalid\t')).map((l) => l.slice('invalid\t'.length));
  const rows = all
    .filter((l) => !l.startsWith('invalid\t'))
    .map((l) => {
      const t = l.lastIndexOf('\t');
      return { v: l.slice(0, t), row: l.slice(t + 1) };
    });
  const sign: Record<string, number> = { '<': -1, '=': 0, '>': 1 };
  return { versions: rows.map((r) => r.v), invalid, expected: (i, j) => sign[rows[i]!.row[j]!]! };
}

/** `<rank>\t…\t<version>` files sorted by a reference implementation; equal versions share a rank. */
export function rankedFixture(name: string): { rank: number | 'invalid'; normalized?: string; version: string }[] {
  return lines(name).map((l) => {
    const parts = l.split('\t');
    const rank = parts[0] === 'invalid' ? ('invalid' as const) : Number(parts[0]);
    const version = parts[parts.length - 1]!;
    return parts.length === 3 ? { rank, normalized: parts[1]!, version } : { rank, version };
  });
}

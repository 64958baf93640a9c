/**
 * The list date documented for a file in a `SOURCES.md` beside it (or in a parent folder),
 * as ../shared/data/lists/SOURCES.md does: a Markdown table whose first column holds the file
 * paths in backticks (`ofac_sdn_2021/sdn.csv`, `add.csv` …: later names are relative to the
 * first one's folder), with a "Data as of" and a "Commit (date)" column. The latest ISO date in
 * "Data as of" is taken, else the date in "Commit (date)".
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, posix } from 'node:path';
import { maxDate, parseListDate } from './dates.js';

const cache = new Map<string, Map<string, string>>();

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

function isoDates(cell: string): string[] {
  const out: string[] = [];
  for (const m of cell.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)) {
    const d = parseListDate(m[1], 'undocumented'); // ISO dates only
    if (d) out.push(d);
  }
  return out;
}

/** Path (relative to the SOURCES.md folder, `/`-separated) → documented date. */
export function readSourcesMd(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let cols: { path: number; asOf: number; commit: number } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim().startsWith('|')) {
      cols = undefined;
      continue;
    }
    const cells = splitRow(line);
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue;
    if (!cols) {
      const path = cells.findIndex((c) => /^path$/i.test(c));
      if (path < 0) continue;
      cols = {
        path,
        asOf: cells.findIndex((c) => /as of/i.test(c)),
        commit: cells.findIndex((c) => /^commit/i.test(c)),
      };
      continue;
    }
    const pathCell = cells[cols.path] ?? '';
    const date = maxDate(isoDates(cells[cols.asOf] ?? '')) ?? maxDate(isoDates(cells[cols.commit] ?? ''));
    if (!date) continue;
    let folder = '';
    for (const m of pathCell.matchAll(/`([^`]+)`/g)) {
      const p = m[1]!.trim();
      const full = p.includes('/') ? p : folder ? `${folder}/${p}` : p;
      if (p.includes('/')) folder = posix.dirname(p);
      out.set(full.replace(/\/$/, ''), date);
    }
  }
  return out;
}

/** The documented date of `file`, looking for SOURCES.md up to three folders up. */
export function sourcesMdDate(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (let depth = 0; depth < 4; depth++) {
    const md = join(dir, 'SOURCES.md');
    if (existsSync(md)) {
      let table = cache.get(md);
      if (!table) {
        table = readSourcesMd(readFileSync(md, 'utf8'));
        cache.set(md, table);
      }
      const rel = relative(dir, resolve(file)).split(sep).join('/');
      const exact = table.get(rel);
      if (exact) return exact;
      // A folder entry (`opensanctions_ftm_sample/`) covers the files in it.
      for (const [p, d] of table) if (rel.startsWith(`${p}/`)) return d;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

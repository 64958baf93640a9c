/**
 * One entry point for every kind of target: a database URL, a `.sqlite`/`.db` file, or any
 * file or directory (formats detected per file).
 */
import { existsSync } from 'node:fs';
import { openFiles } from './files.js';
import { dbKind, parseDbTarget } from './url.js';
import type { SourceContext, SourceGroup } from './types.js';

export type { SourceContext, SourceGroup, SourceUnit, Skipped, TextReaders, UnitOutcome } from './types.js';
export { redactUrl } from './url.js';

export async function openTarget(target: string, ctx: SourceContext): Promise<SourceGroup> {
  // A path that exists wins over a scheme-looking name (e.g. a file called `sqlite:x`).
  const kind = existsSync(target) ? undefined : dbKind(target);
  if (kind === undefined) return openFiles(target, ctx);
  const t = parseDbTarget(target);
  // drivers load on first use: the CLI starts fast and a file scan never loads them
  if (kind === 'postgres') return (await import('./postgres.js')).openPostgres(t, ctx);
  if (kind === 'mysql') return (await import('./mysql.js')).openMysql(t, ctx);
  return (await import('./sqlite.js')).openSqlite(t.connect, ctx, t.tables);
}

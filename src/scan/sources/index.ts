/**
 * One entry point for every kind of target: a database URL, a `.sqlite`/`.db` file, or any
 * file or directory (formats detected per file).
 */
import { existsSync } from 'node:fs';
import { openFiles } from './files.js';
import { openMysql } from './mysql.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { dbKind, parseDbTarget } from './url.js';
import type { SourceContext, SourceGroup } from './types.js';

export type { SourceContext, SourceGroup, SourceUnit, Skipped, TextReaders, UnitOutcome } from './types.js';
export { redactUrl } from './url.js';

export async function openTarget(target: string, ctx: SourceContext): Promise<SourceGroup> {
  // A path that exists wins over a scheme-looking name (e.g. a file called `sqlite:x`).
  const kind = existsSync(target) ? undefined : dbKind(target);
  if (kind === undefined) return openFiles(target, ctx);
  const t = parseDbTarget(target);
  if (kind === 'postgres') return openPostgres(t, ctx);
  if (kind === 'mysql') return openMysql(t, ctx);
  return openSqlite(t.connect, ctx, t.tables);
}

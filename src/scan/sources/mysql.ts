/**
 * MySQL and MariaDB over a real connection (mysql2). Every base table (and MariaDB
 * system-versioned table, its current rows) of the URL's database; views and sequences are
 * listed as skipped. Every column as raw bytes of the text protocol (numbers and dates as the
 * server writes them, so no precision is lost): text columns decoded as UTF-8 (the connection
 * is utf8mb4), binary ones when they hold UTF-8 text. Rows are scanned as the driver parses
 * them, one at a time, ordered by the primary key when there is one. `--sample N`:
 * `ORDER BY RAND(seed) LIMIT N` for small tables, a `RAND(seed) < p` pre-filter for large
 * ones. Row counts: COUNT(*), or information_schema's estimate above 1,000,000 rows.
 */
import mysql from 'mysql2';
import type { Connection, FieldPacket, RowDataPacket } from 'mysql2';
import { InputError } from '../../common/errors.js';
import type { Sample } from '../subjects/extrapolate.js';
import { ESTIMATE_ROWS_ABOVE, plan, quoteMy, scanRow } from './rows.js';
import { connectionError, type DbTarget } from './url.js';
import type { Skipped, SourceContext, SourceGroup, SourceUnit } from './types.js';
import { KeyFolder } from '../core/field-paths.js';

/** The character set number of binary columns and of numbers and dates (MySQL's `binary`). */
const BINARY_CHARSET = 63;

/** information_schema.tables.table_type values whose rows are read. */
const READ_TYPES = new Set(['BASE TABLE', 'SYSTEM VERSIONED']);
const SKIP_REASON: Record<string, string> = {
  VIEW: 'view: not read (the tables it selects from are)',
  SEQUENCE: 'sequence: not read (it holds counters, not rows of data)',
};

function query<T>(conn: Connection, sql: string, values: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    conn.query<RowDataPacket[]>({ sql, values, typeCast: true }, (err, rows) => (err ? reject(err) : resolve(rows as unknown as T[])));
  });
}

export async function openMysql(target: DbTarget, ctx: SourceContext): Promise<SourceGroup> {
  let conn: Connection;
  try {
    conn = mysql.createConnection({
      uri: target.connect,
      connectTimeout: 10_000,
      charset: 'utf8mb4',
      // raw bytes for every column; scanRow decides what is text
      typeCast: (field) => field.buffer(),
    });
  } catch (e) {
    // options the driver refuses before connecting (`?ssl=nonsense`)
    throw connectionError(target.label, e);
  }
  conn.on('error', () => {
    // a dropped connection surfaces as a failed query
  });
  try {
    await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
  } catch (e) {
    conn.destroy();
    throw connectionError(target.label, e);
  }
  const close = () => new Promise<void>((resolve) => conn.end(() => resolve()));
  try {
    // a table locked by another session (ALTER TABLE, LOCK TABLES … WRITE) would make the scan
    // wait as long as the lock is held (the servers' defaults are a day or a year): 10 s at most
    await query(conn, 'SET SESSION lock_wait_timeout = 10');
    const dbRows = await query<{ db: string | null }>(conn, 'SELECT DATABASE() AS db');
    const db = dbRows[0]?.db;
    if (!db) throw new InputError({ file: target.label, message: 'the URL names no database (write mysql://user@host:3306/DATABASE)' });
    const listed = await query<{ name: string; type: string; estimate: number | null }>(
      conn,
      `SELECT table_name AS name, table_type AS type, table_rows AS estimate FROM information_schema.tables
        WHERE table_schema = DATABASE()`,
    );
    // in code-unit order: the server's collation (case-insensitive, by locale) differs by server
    let found = listed
      .map((t) => ({ name: String(t.name), type: String(t.type), estimate: t.estimate === null ? null : Number(t.estimate) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (target.tables) {
      const want = target.tables;
      const missing = want.filter((w) => !found.some((t) => t.name === w));
      if (missing.length > 0) throw new InputError({ file: target.label, path: 'table', message: `no table named ${missing.map((m) => `"${m}"`).join(', ')}` });
      found = found.filter((t) => want.includes(t.name));
    }
    // MariaDB's system-versioned tables are tables (SELECT reads their current rows); the rest
    // is not read, and said so: a relation left out unsaid makes a scan look complete
    const tables = found.filter((t) => READ_TYPES.has(t.type));
    const skipped: Skipped[] = found
      .filter((t) => !READ_TYPES.has(t.type))
      .map((t) => ({ source: `${target.label}#${t.name}`, reason: SKIP_REASON[t.type] ?? `${t.type.toLowerCase()}: not read` }));
    const units: SourceUnit[] = [];
    for (const t of tables) units.push(await tableUnit(conn, target, db, t, ctx));
    return { units, skipped, close };
  } catch (e) {
    await close();
    if (e instanceof InputError) throw e;
    throw new InputError({ file: target.label, message: queryFailed(e) });
  }
}

async function tableUnit(conn: Connection, target: DbTarget, db: string, t: { name: string; estimate: number | null }, ctx: SourceContext): Promise<SourceUnit> {
  const q = quoteMy(t.name);
  const count =
    t.estimate !== null && t.estimate > ESTIMATE_ROWS_ABOVE ? t.estimate : Number((await query<{ n: number | string }>(conn, `SELECT COUNT(*) AS n FROM ${q}`))[0]!.n);
  const p = plan(ctx.sample, count);
  const name = `${target.label}#${t.name}`;
  return {
    name,
    size: p.kind === 'full' ? count : p.rows,
    unit: 'rows',
    async run(scanner, progress) {
      const pkCols = (
        await query<{ c: string }>(
          conn,
          `SELECT column_name AS c FROM information_schema.key_column_usage
            WHERE table_schema = ? AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position`,
          [db, t.name],
        )
      ).map((r) => String(r.c));
      const seed = ctx.seed | 0;
      let sql: string;
      if (p.kind === 'full') sql = `SELECT * FROM ${q}${pkCols.length > 0 ? ` ORDER BY ${pkCols.map(quoteMy).join(', ')}` : ''}`;
      else if (p.method === 'sort') sql = `SELECT * FROM ${q} ORDER BY RAND(${seed}) LIMIT ${p.rows}`;
      else sql = `SELECT * FROM (SELECT * FROM ${q} WHERE RAND(${seed}) < ${(p.percent / 100).toFixed(8)}) AS s ORDER BY RAND(${seed + 1}) LIMIT ${p.rows}`;
      const pairs: [string, string][] = [];
      const folder = new KeyFolder();
      let n = 0;
      let columns: string[] = [];
      let pk: number[] = [];
      let text: number[] = [];
      // Rows are scanned as the driver parses them, one at a time: a streamed query buffered up
      // to 1,000 rows ahead of the scan (1,000 rows of 5 MB documents are 5 GB)
      let failed: unknown;
      try {
        await new Promise<void>((resolve, reject) => {
          const qy = conn.query({ sql, rowsAsArray: true });
          qy.on('fields', (fields: FieldPacket[]) => {
            columns = fields.map((f) => f.name);
            pk = pkCols.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
            // text columns are text whatever they hold: read as bytes, a control character (a
            // NUL, a BEL, a terminal escape) in a note made the value binary and it went unscanned
            text = fields.flatMap((f, i) => (f.characterSet !== BINARY_CHARSET ? [i] : []));
          });
          qy.on('result', (row: unknown) => {
            if (failed !== undefined) return;
            try {
              const r = row as unknown[];
              for (const i of text) {
                const v = r[i];
                if (Buffer.isBuffer(v)) r[i] = v.toString('utf8');
              }
              n++;
              scanRow(scanner, ctx, columns, pk, r, n, pairs, folder);
              if ((n & 1023) === 0) progress(n);
            } catch (e) {
              failed = e; // the rest of the rows are read and dropped; the error is raised at the end
            }
          });
          qy.on('error', reject);
          qy.on('end', () => resolve());
        });
      } catch (e) {
        throw new InputError({ file: name, message: queryFailed(e) });
      }
      if (failed !== undefined) throw failed;
      progress(n);
      const sample: Sample | undefined = p.kind === 'sample' ? { rows: n, of: count } : undefined;
      return sample ? { sample, format: 'mysql' } : { format: 'mysql' };
    },
  };
}

function queryFailed(e: unknown): string {
  if ((e as { errno?: unknown }).errno === 1205) return 'a table is locked by another session (ALTER TABLE, LOCK TABLES, …); gave up waiting for it';
  return `query failed: ${(e as Error).message}`;
}

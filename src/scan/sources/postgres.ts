/**
 * PostgreSQL over a real connection (pg). Every ordinary and partitioned table and
 * materialized view the user may SELECT from (partitions are read through their parent, a
 * table without its inheritance children), every column as PostgreSQL's own text form; views,
 * foreign tables and relations it may not read are listed as skipped, with the reason. Rows stream through a server-side cursor in a READ ONLY transaction, ordered by
 * the primary key when there is one (stable output). `--sample N`: `setseed()` then
 * `ORDER BY random() LIMIT N` for small tables, `TABLESAMPLE BERNOULLI (p) REPEATABLE (seed)`
 * first for large ones. Row counts: COUNT(*), or pg_class.reltuples (summed over the
 * leaf partitions of a partitioned table) above 1,000,000 rows.
 */
import pg from 'pg';
import iconv from 'iconv-lite';
import { InputError } from '../../common/errors.js';
import type { Sample } from '../subjects/extrapolate.js';
import { isUtf8 } from './decode.js';
import { ESTIMATE_ROWS_ABOVE, plan, quotePg, scanRow, shownPg } from './rows.js';
import { connectionError, type DbTarget } from './url.js';
import type { Skipped, SourceContext, SourceGroup, SourceUnit } from './types.js';
import { KeyFolder } from '../core/field-paths.js';

/**
 * Rows per FETCH: at most FETCH_ROWS, and about FETCH_BYTES of text at most, judged from the
 * largest row of the FETCH before (a fixed 1,000 rows of 5 MB documents held 5 GB at once).
 * The first FETCH is small.
 */
const FETCH_ROWS = 1000;
const FETCH_FIRST = 4;
const FETCH_BYTES = 16 * 1024 * 1024;
const BYTEA = 17;
/** How long a query waits for a lock held by another session. */
const LOCK_TIMEOUT = '10s';

interface TableRow {
  oid: number;
  schema: string;
  name: string;
  /** pg_class.relkind: r table, p partitioned table, m materialized view, v view, f foreign table. */
  kind: string;
  /** pg_class.reltuples (of the leaf partitions, for a partitioned table); -1 or 0 when unknown. */
  estimate: number;
}

export async function openPostgres(target: DbTarget, ctx: SourceContext): Promise<SourceGroup> {
  const client = new pg.Client({
    connectionString: target.connect,
    application_name: 'datacustoms scan',
    connectionTimeoutMillis: 10_000,
    // every value as PostgreSQL's text output: no lossy number parsing, no Date conversion
    types: { getTypeParser: () => (v: string) => v },
  });
  client.on('error', () => {
    // a dropped connection surfaces as a failed query
  });
  try {
    await client.connect();
  } catch (e) {
    throw connectionError(target.label, e);
  }
  try {
    // a table locked by another session (ALTER TABLE, LOCK TABLE) would make the scan wait for
    // as long as the lock is held: give up after LOCK_TIMEOUT, unless the connection sets its own
    await client.query(`SELECT set_config('lock_timeout', '${LOCK_TIMEOUT}', false) WHERE current_setting('lock_timeout') = '0'`);
    // A SQL_ASCII database holds bytes the server never checked (often GBK text): sent to a
    // UTF8 client they stopped the scan (invalid byte sequence). Each column is read as its
    // bytes then, and decoded here: UTF-8 when valid, else --encoding or GB18030.
    const legacy = (await client.query<{ e: string }>(`SELECT current_setting('server_encoding') AS e`)).rows[0]?.e === 'SQL_ASCII';
    if (legacy) await client.query(`SET client_encoding = 'SQL_ASCII'`);
    const { tables, skipped } = await listTables(client, target);
    const units = [] as SourceUnit[];
    for (const t of tables) units.push(await tableUnit(client, target, t, ctx, legacy));
    return { units, skipped, close: () => client.end() };
  } catch (e) {
    await client.end().catch(() => undefined);
    if (e instanceof InputError) throw e;
    throw new InputError({ file: target.label, message: queryFailed(e) });
  }
}

/**
 * Every relation that holds or shows rows, readable or not, narrowed by `?schema=`/`?table=`;
 * then split into what is read and what is not, with the reason (a view, a foreign table, an
 * unpopulated materialized view, a missing privilege) — a relation left out unsaid would make
 * a scan look complete when it was not, and one that cannot be read would stop the whole scan.
 */
async function listTables(client: pg.Client, target: DbTarget): Promise<{ tables: TableRow[]; skipped: Skipped[] }> {
  // every value arrives as text (the client's type parser): booleans as 't' / 'f'
  const { rows } = await client.query<Omit<TableRow, 'oid' | 'estimate'> & { oid: string; estimate: string; usable: string; readable: string; populated: string }>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
            CASE WHEN c.relkind = 'p'
                 THEN (SELECT coalesce(sum(greatest(l.reltuples, 0)), 0) FROM pg_partition_tree(c.oid) pt
                         JOIN pg_class l ON l.oid = pt.relid WHERE pt.isleaf)
                 ELSE c.reltuples END::float8 AS estimate,
            has_schema_privilege(n.oid, 'USAGE') AS usable, has_table_privilege(c.oid, 'SELECT') AS readable,
            c.relispopulated AS populated
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm', 'v', 'f') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
  );
  let found = rows.map((r) => ({ ...r, oid: Number(r.oid), estimate: Number(r.estimate), usable: r.usable === 't', readable: r.readable === 't', populated: r.populated === 't' }));
  if (target.schemas) {
    // a schema as it is named, or as a label shows it ("a.x")
    const inSchema = (t: TableRow, s: string) => t.schema === s || shownPg(t.schema) === s;
    const missing = target.schemas.filter((s) => !found.some((t) => inSchema(t, s)));
    if (missing.length > 0) throw new InputError({ file: target.label, path: 'schema', message: `no readable table in schema ${missing.map((m) => `"${m}"`).join(', ')}` });
    found = found.filter((t) => target.schemas!.some((s) => inSchema(t, s)));
  }
  if (target.tables) {
    const want = target.tables;
    // `table`, `schema.table` as written, or either as a label shows it (`"a.x".t`, `s."My Tab"`)
    const matches = (t: TableRow, w: string) =>
      w === t.name || w === shownPg(t.name) || w === `${t.schema}.${t.name}` || w === `${shownPg(t.schema)}.${shownPg(t.name)}`;
    const missing = want.filter((w) => !found.some((t) => matches(t, w)));
    if (missing.length > 0) throw new InputError({ file: target.label, path: 'table', message: `no readable table named ${missing.map((m) => `"${m}"`).join(', ')}` });
    found = found.filter((t) => want.some((w) => matches(t, w)));
  }
  const tables: TableRow[] = [];
  const skipped: Skipped[] = [];
  for (const t of found) {
    const why = !t.usable
      ? 'no USAGE privilege on its schema: not read'
      : !t.readable
        ? 'no SELECT privilege: not read'
        : t.kind === 'v'
          ? 'view: not read (the tables it selects from are)'
          : t.kind === 'f'
            ? 'foreign table: not read (its rows are held by another server)'
            : t.kind === 'm' && !t.populated
              ? 'materialized view not populated (REFRESH MATERIALIZED VIEW): no rows to read'
              : undefined;
    if (why === undefined) tables.push(t);
    else skipped.push({ source: `${target.label}#${shownPg(t.schema)}.${shownPg(t.name)}`, reason: why });
  }
  return { tables, skipped };
}

async function tableUnit(client: pg.Client, target: DbTarget, t: TableRow, ctx: SourceContext, legacy: boolean): Promise<SourceUnit> {
  // a table's inheritance children are tables of their own (listed and read on their own):
  // without ONLY their rows were read twice, once through the parent
  const q = `${t.kind === 'r' ? 'ONLY ' : ''}${quotePg(t.schema)}.${quotePg(t.name)}`;
  const name = `${target.label}#${shownPg(t.schema)}.${shownPg(t.name)}`;
  let count: number;
  try {
    count = t.estimate > ESTIMATE_ROWS_ABOVE ? Math.round(t.estimate) : Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q}`)).rows[0]!.n);
  } catch (e) {
    throw new InputError({ file: name, message: queryFailed(e) });
  }
  const p = plan(ctx.sample, count);
  return {
    name,
    size: p.kind === 'full' ? count : p.rows,
    unit: 'rows',
    async run(scanner, progress) {
      const pkCols = (
        await client.query<{ name: string }>(
          `SELECT a.attname AS name
             FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = $1 AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)`,
          [t.oid],
        )
      ).rows.map((r) => r.name);
      // (dc_t.column: the table's own column, not a re-written one of the same name)
      const order = pkCols.length > 0 ? ` ORDER BY ${pkCols.map((c) => `dc_t.${quotePg(c)}`).join(', ')}` : '';
      const converted = legacy ? await bytesOfColumns(client, t.oid) : undefined;
      const what = converted?.list ?? '*';
      const seed = ((ctx.seed % 2_000_000) / 1_000_000 - 1).toFixed(6); // setseed takes [-1, 1]
      let sql: string;
      if (p.kind === 'full') sql = `SELECT ${what} FROM ${q} AS dc_t${order}`;
      else if (p.method === 'sort') sql = `SELECT ${what} FROM ${q} AS dc_t ORDER BY random() LIMIT ${p.rows}`;
      else sql = `SELECT ${what} FROM ${q} AS dc_t TABLESAMPLE BERNOULLI (${p.percent.toFixed(6)}) REPEATABLE (${ctx.seed | 0}) ORDER BY random() LIMIT ${p.rows}`;
      const pairs: [string, string][] = [];
      const folder = new KeyFolder();
      let n = 0;
      await client.query('BEGIN READ ONLY');
      try {
        if (p.kind === 'sample') await client.query(`SELECT setseed(${seed})`);
        await client.query(`DECLARE dc_scan NO SCROLL CURSOR FOR ${sql}`);
        let want = FETCH_FIRST;
        let columns: string[] | undefined;
        let pk: number[] = [];
        let bytea: number[] = [];
        let legacyCols: number[] = [];
        for (;;) {
          const res = await client.query({ text: `FETCH FORWARD ${want} FROM dc_scan`, rowMode: 'array' });
          if (columns === undefined) {
            columns = res.fields.map((f) => f.name);
            pk = pkCols.map((c) => columns!.indexOf(c)).filter((i) => i >= 0);
            bytea = res.fields.flatMap((f, i) => (f.dataTypeID === BYTEA ? [i] : []));
            legacyCols = converted ? columns.flatMap((c, i) => (converted.names.has(c) ? [i] : [])) : [];
          }
          for (const row of res.rows as unknown[][]) {
            for (const i of bytea) row[i] = byteaValue(row[i]);
            for (const i of legacyCols) row[i] = legacyText(row[i], ctx.encoding);
            n++;
            scanRow(scanner, ctx, columns, pk, row, n, pairs, folder);
          }
          progress(n);
          if (res.rows.length < want) break;
          want = nextFetch(res.rows as unknown[][]);
        }
        await client.query('CLOSE dc_scan');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new InputError({ file: name, message: queryFailed(e) });
      }
      await client.query('COMMIT');
      const sample: Sample | undefined = p.kind === 'sample' ? { rows: n, of: count } : undefined;
      return sample ? { sample, format: 'postgres' } : { format: 'postgres' };
    },
  };
}

/** How many rows to fetch next for at most about FETCH_BYTES, from the largest row just read. */
function nextFetch(rows: readonly unknown[][]): number {
  let largest = 1;
  for (const row of rows) {
    let units = 0;
    for (const v of row) units += typeof v === 'string' ? v.length : v instanceof Uint8Array ? v.length : 8;
    if (units > largest) largest = units;
  }
  return Math.max(1, Math.min(FETCH_ROWS, Math.floor(FETCH_BYTES / largest)));
}

function queryFailed(e: unknown): string {
  if ((e as { code?: unknown }).code === '55P03') return 'a table is locked by another session (ALTER TABLE, LOCK TABLE, …); gave up waiting for it';
  return `query failed: ${(e as Error).message}`;
}

/** The select list of a SQL_ASCII table: each column's text form as bytes, under its name. */
async function bytesOfColumns(client: pg.Client, oid: number): Promise<{ list: string; names: Set<string> }> {
  const { rows } = await client.query<{ name: string; bytea: string }>(
    `SELECT attname AS name, atttypid = 'bytea'::regtype AS bytea FROM pg_attribute
      WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [oid],
  );
  const list = rows.map((r) => (r.bytea === 't' ? `dc_t.${quotePg(r.name)}` : `convert_to(dc_t.${quotePg(r.name)}::text, 'SQL_ASCII') AS ${quotePg(r.name)}`)).join(', ');
  return { list, names: new Set(rows.filter((r) => r.bytea !== 't').map((r) => r.name)) };
}

/** Bytes of a SQL_ASCII text column as text: UTF-8 when valid, else the given encoding or GB18030. */
function legacyText(v: unknown, encoding: string | undefined): unknown {
  if (!Buffer.isBuffer(v)) return v;
  const b = v;
  if (encoding === undefined && isUtf8(b)) return b.toString('utf8');
  return iconv.decode(b, encoding ?? 'gb18030');
}

/** bytea arrives as `\x…` hex text; give the bytes (flatten decides whether they are text). */
function byteaValue(v: unknown): unknown {
  if (typeof v !== 'string' || !v.startsWith('\\x')) return v;
  return Buffer.from(v.slice(2), 'hex');
}

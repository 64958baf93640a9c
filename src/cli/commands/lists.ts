/**
 * `datacustoms lists`: what designation lists are loaded, with dates and counts, and a warning
 * for lists older than `--max-age` days. `datacustoms lists import <file|dir>...`: read list
 * files into the store. See docs/lists.md.
 */
import { relative } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../common/errors.js';
import type { CommandModule } from '../command.js';
import { parseDateFlag, parseFormat, styler, type Styler } from '../format.js';
import { displayWidth, fitColumns, outputWidth, wrap } from '../render/text.js';
import type { Io } from '../io.js';
import { isTextEncoding, TEXT_ENCODINGS } from '../../screen/lists/decode.js';
import { parseListPaths } from '../../screen/lists/parse.js';
import { importParsedLists, listSummaries, type ImportResult, type ListSummary } from '../../screen/lists/store.js';
import { isSkipped, LIST_TITLES, type ListDateSource, type ListId, type ParsedList, type SkippedFile } from '../../screen/lists/types.js';
import { openExistingStore, openStore, resolveStorePath, storeLabel } from '../../store/store.js';
import { daysBetween, today } from '../../time/civil-date.js';
import { maxOf } from '../../common/arrays.js';

/** Lists older than this many days (from their list date) get a warning, unless configured. */
export const DEFAULT_MAX_AGE_DAYS = 90;
export const MAX_AGE_ENV = 'DATACUSTOMS_LISTS_MAX_AGE';

interface ShowOptions {
  store?: string;
  maxAge?: string;
  asOf?: string;
  format?: string;
}

interface ImportOptions {
  store?: string;
  listDate?: string;
  encoding?: string;
  partial?: boolean;
  format?: string;
}

const SHOW_HELP = `
Shows every list in the store: entries (current and delisted), the list date
of the latest import and where that date came from, its age, the file, and
the programs it names. A list whose list date is more than --max-age days
before today (or --as-of) gets a warning: screening against a stale list
misses recent designations.

The store is --store, else $DATACUSTOMS_STORE, else
.datacustoms/datacustoms.sqlite in the working folder. A file path names a
SQLite store; a postgres://user@host:5432/database URL (postgresql:// too)
names a store on a PostgreSQL server, shared by a team (docs/lists.md, "The
store"). Its password is never printed.

Examples:
  $ datacustoms lists import ../shared/data/lists   # first, load some lists
  $ datacustoms lists
  $ datacustoms lists --max-age 30
  $ DATACUSTOMS_LISTS_MAX_AGE=30 datacustoms lists --format json
  $ datacustoms lists --store .datacustoms/datacustoms.sqlite   # the default

Exit codes: 0 ok (stale lists only warn); 2 bad input; 3 internal error.
JSON: {"store","asOf","maxAgeDays","lists":[{"list","title","entries",
"current","delisted","imports","listDate","listDateSource","ageDays","stale",
"file","format","importedAt","partial","programs":[{"program","entries"}]}],
"warnings":[...]} (docs/lists.md).
`;

const IMPORT_HELP = `
Reads designation list files into the store. Each file's format is detected
from its content: OFAC legacy CSV (sdn.csv / cons_prim.csv, with alt, add and
comments files beside them), trade.gov Consolidated Screening List (CSV and
JSON), FollowTheMoney JSON lines (OpenSanctions), and the CSV layouts of the
DoD 1260H list, the FCC Covered List, the BIS military-intelligence end-user
list and the PRC counter-sanctions lists.

Folders are read recursively. Files that are not lists (notes, dictionaries)
are skipped with a one-line note (when every file is skipped, nothing was
imported: exit 2). A file already imported (same content) is
"unchanged". Entries missing from a newer edition of a list are recorded as
delisted as of its list date (unless --partial).

The list date is, in order: --list-date, a date the file states, the date a
SOURCES.md beside the file documents, the latest listing date in the file,
the file's modification time.

Examples:
  $ datacustoms lists import ../shared/data/lists
  # OFAC's sdn.csv (its alt.csv, add.csv and sdn_comments.csv are read too)
  $ datacustoms lists import ../shared/data/lists/ofac_sdn_2021/sdn.csv
  $ datacustoms lists import ../shared/data/lists/bis_mieu/mieu.csv \\
      --list-date 2026-07-27
  # excerpts of the CSL: entries missing from them stay listed
  $ datacustoms lists import ../shared/data/lists/trade_csl_samples \\
      --partial --format json

Nothing is written unless every file reads cleanly (one transaction).
Imports into one store at the same time run one after the other. --store
and $DATACUSTOMS_STORE take a file path or a postgres:// URL, as for
\`datacustoms lists\`.
Exit codes: 0 ok; 2 bad input (a recognised file that is malformed: file:line
and field named; a store that cannot be used, e.g. a server that cannot be
reached); 3 internal error.
JSON: {"store","files":[{"file","status":"imported|unchanged|skipped",...}],
"totals":{...}} (docs/lists.md).
`;

export function maxAgeDays(flag: string | undefined): number {
  const raw = flag ?? process.env[MAX_AGE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_MAX_AGE_DAYS;
  if (!/^\d+$/.test(raw.trim())) {
    throw new InputError({ file: flag !== undefined ? '<argv>' : `$${MAX_AGE_ENV}`, path: '--max-age', message: `expected a whole number of days, got "${raw}"` });
  }
  return Number(raw.trim());
}

const SOURCE_LABEL: Readonly<Record<ListDateSource, string>> = {
  flag: '--list-date',
  file: 'file',
  'sources-md': 'SOURCES.md',
  entries: 'latest entry',
  'file-mtime': 'file time',
};

const display = (file: string): string => {
  const r = relative(process.cwd(), file);
  return r === '' || r.startsWith('..') ? file : r;
};

export const command: CommandModule = {
  register(program: Command, ctx) {
    const lists = program
      .command('lists')
      .summary('Show the designation lists in the store with their dates; import list files.')
      .description('Show the designation lists in the store with their dates and counts; `lists import` reads list files into it.')
      .option('--store <path|url>', 'the store: a SQLite file, or a postgres:// URL (default: $DATACUSTOMS_STORE, else .datacustoms/datacustoms.sqlite)')
      .option('--max-age <days>', `warn for lists older than this (default: $${MAX_AGE_ENV}, else ${DEFAULT_MAX_AGE_DAYS})`)
      .option('--as-of <date>', 'date to compute ages against, YYYY-MM-DD (default: today, UTC)')
      .option('-f, --format <format>', 'output format: text or json', 'text')
      .addHelpText('after', SHOW_HELP)
      .action(async (opts: ShowOptions) => {
        await showLists(ctx.io, opts);
      });

    lists
      .command('import')
      .summary('read list files (or folders of them) into the store')
      .description('Read designation list files into the store, detecting each format; folders are read recursively.')
      .argument('<paths...>', 'list files or folders')
      .option('--store <path|url>', 'the store: a SQLite file, or a postgres:// URL (default: $DATACUSTOMS_STORE, else .datacustoms/datacustoms.sqlite)')
      .option('--list-date <date>', 'the date of the list(s), YYYY-MM-DD, when the files do not say')
      .option('--encoding <name>', `text encoding of files that are not UTF-8 (${TEXT_ENCODINGS.join(', ')}; default: UTF-8, or UTF-16 when the bytes show it)`)
      .option('--partial', 'the files are excerpts: entries missing from them are not taken as delisted')
      .option('-f, --format <format>', 'output format: text or json', 'text')
      .addHelpText('after', IMPORT_HELP)
      .action(async (paths: string[], opts: ImportOptions, cmd: Command) => {
        // `--store` and `--format` may be given before `import` too.
        const parent = cmd.parent?.opts<ShowOptions>() ?? {};
        await importLists(ctx.io, paths, { ...opts, store: opts.store ?? parent.store, format: cmd.getOptionValueSource('format') === 'default' ? (parent.format ?? opts.format) : opts.format });
      });
  },
};

interface ListRow {
  readonly list: string;
  readonly title: string;
  readonly entries: number;
  readonly current: number;
  readonly delisted: number;
  readonly imports: number;
  readonly listDate: string;
  readonly listDateSource: string;
  readonly ageDays: number;
  readonly stale: boolean;
  readonly file: string;
  readonly format: string;
  readonly importedAt: string;
  readonly partial: boolean;
  readonly programs: ListSummary['programs'];
}

async function showLists(io: Io, opts: ShowOptions): Promise<void> {
  const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
  const maxAge = maxAgeDays(opts.maxAge);
  const asOf = opts.asOf !== undefined ? parseDateFlag(opts.asOf, '--as-of') : today();
  const location = resolveStorePath({ store: opts.store });
  const path = storeLabel(location);
  let summaries: ListSummary[] = [];
  const store = await openExistingStore(location);
  if (store) {
    try {
      summaries = await listSummaries(store);
    } finally {
      await store.close();
    }
  }
  const rows: ListRow[] = summaries.map((s) => {
    const ageDays = daysBetween(s.latest.listDate, asOf);
    return {
      list: s.list,
      title: LIST_TITLES[s.list as ListId] ?? s.list,
      entries: s.entries,
      current: s.active,
      delisted: s.delisted,
      imports: s.imports,
      listDate: s.latest.listDate,
      listDateSource: s.latest.listDateSource,
      ageDays,
      stale: ageDays > maxAge,
      file: s.latest.file,
      format: s.latest.format,
      importedAt: s.latest.importedAt,
      partial: s.latest.partial,
      programs: s.programs,
    };
  });
  const warnings = rows
    .filter((r) => r.stale)
    .map((r) => `${r.list}: list date ${r.listDate} is ${r.ageDays} days old (more than ${maxAge}); import a current copy`);
  if (format === 'json') {
    io.out(JSON.stringify({ store: path, asOf, maxAgeDays: maxAge, lists: rows, warnings }, null, 2) + '\n');
    return;
  }
  const st = styler(io.isTTY);
  const width = outputWidth(io);
  if (rows.length === 0) {
    io.out(wrap(`No lists loaded in ${path}. Import some: datacustoms lists import <file|folder>... (see datacustoms lists import --help)`, width, '').join('\n') + '\n');
    return;
  }
  io.out(renderListsText(rows, path, asOf, st, width));
  for (const w of warnings) io.err(wrap(`${st.yellow('warning:')} ${w}`, outputWidth({ isTTY: io.errIsTTY }, process.stderr.columns), '').join('\n') + '\n');
}

function renderListsText(rows: readonly ListRow[], path: string, asOf: string, st: Styler, width: number): string {
  const table: string[][] = [['LIST', 'ENTRIES', 'CURRENT', 'LIST DATE', 'AGE', 'DATE FROM', 'PROGRAMS', 'FILE'].map((h) => st.bold(h))];
  for (const r of rows) {
    const programs = r.programs.slice(0, 3).map((p) => p.program);
    const more = r.programs.length > 3 ? ` +${r.programs.length - 3}` : '';
    table.push([
      r.list,
      String(r.entries).padStart(7),
      String(r.current).padStart(7),
      r.listDate,
      (r.stale ? st.yellow : (s: string) => s)(`${r.ageDays} d`.padStart(6)),
      SOURCE_LABEL[r.listDateSource as ListDateSource] ?? r.listDateSource,
      programs.join(', ') + more,
      st.gray(display(r.file) + (r.partial ? ' (partial)' : '')),
    ]);
  }
  const total = rows.reduce((n, r) => n + r.entries, 0);
  // PROGRAMS and FILE go below their row (labelled) when the table does not fit
  const lines = fitColumns(table, width, { indent: '    ', header: true }).flat();
  const head = wrap(`store ${path} · ages as of\u00a0${asOf}`, width, '').map((l) => st.dim(l));
  return `${head.join('\n')}\n\n${lines.join('\n')}\n\n${rows.length} list${rows.length === 1 ? '' : 's'}, ${total} entries\n`;
}

interface FileReport {
  readonly file: string;
  readonly status: 'imported' | 'unchanged' | 'skipped';
  readonly list?: string;
  readonly format?: string;
  readonly entries?: number;
  readonly added?: number;
  readonly delisted?: number;
  readonly relisted?: number;
  readonly listDate?: string;
  readonly listDateSource?: string;
  readonly files?: readonly string[];
  readonly notes?: readonly string[];
  readonly reason?: string;
  readonly readWith?: string;
}

async function importLists(io: Io, paths: readonly string[], opts: ImportOptions): Promise<void> {
  const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
  if (opts.listDate !== undefined) parseDateFlag(opts.listDate, '--list-date');
  if (opts.encoding !== undefined && !isTextEncoding(opts.encoding)) {
    throw new InputError({ file: '<argv>', path: '--encoding', message: `expected one of ${TEXT_ENCODINGS.join(', ')}, got "${opts.encoding}"` });
  }
  const progress = (msg: string): void => {
    if (io.isTTY) io.err(`\r\u001b[2K${msg}`);
  };
  // Read everything first: a malformed file stops the run before anything is written.
  const outcomes = parseListPaths(
    paths,
    {
      ...(opts.listDate !== undefined ? { listDate: opts.listDate } : {}),
      ...(opts.encoding !== undefined && isTextEncoding(opts.encoding) ? { encoding: opts.encoding } : {}),
    },
    (file, i, total) => progress(`reading ${i + 1}/${total}: ${display(file)}…`),
  );
  if (outcomes.length === 0) throw new InputError({ file: paths.join(', '), message: 'directory holds no file to import' });
  const parsed = outcomes.filter((o): o is ParsedList => !isSkipped(o));
  if (parsed.length === 0) {
    // Nothing but notes and other files: an import that adds nothing would leave screening to
    // pass every name against lists that were never loaded.
    const first = outcomes.find(isSkipped)!;
    const more = outcomes.length > 1 ? `; ${outcomes.length - 1} more file${outcomes.length === 2 ? '' : 's'} skipped as well` : '';
    throw new InputError({ file: paths.join(', '), message: `no list file to import: ${display(first.file)} is skipped (${first.skipped})${more}` });
  }
  const location = resolveStorePath({ store: opts.store });
  const path = storeLabel(location);
  let results: ImportResult[] = [];
  if (parsed.length > 0) {
    progress(`writing ${parsed.reduce((n, p) => n + p.entries.length, 0)} entries to ${path}…`);
    const store = await openStore(location, { create: true });
    try {
      results = await importParsedLists(store, parsed, { partial: opts.partial ?? false });
    } finally {
      await store.close();
    }
  }
  progress('');
  const byFile = new Map(results.map((r) => [r.file, r]));
  const reports: FileReport[] = outcomes.map((o) => (isSkipped(o) ? skippedReport(o) : importedReport(byFile.get(o.file)!)));
  const totals = {
    imported: reports.filter((r) => r.status === 'imported').length,
    unchanged: reports.filter((r) => r.status === 'unchanged').length,
    skipped: reports.filter((r) => r.status === 'skipped').length,
    entries: results.filter((r) => r.status === 'imported').reduce((n, r) => n + r.entries, 0),
  };
  if (format === 'json') {
    io.out(JSON.stringify({ store: path, files: reports, totals }, null, 2) + '\n');
    return;
  }
  io.out(renderImportText(reports, totals, path, styler(io.isTTY), outputWidth(io)));
}

function skippedReport(s: SkippedFile): FileReport {
  return { file: s.file, status: 'skipped', reason: s.skipped, ...(s.companionOf ? { readWith: s.companionOf } : {}) };
}

function importedReport(r: ImportResult): FileReport {
  return {
    file: r.file,
    status: r.status,
    list: r.list,
    format: r.format,
    entries: r.entries,
    added: r.added,
    delisted: r.delisted,
    relisted: r.relisted,
    listDate: r.listDate,
    listDateSource: r.listDateSource,
    files: r.files,
    notes: r.status === 'unchanged' && r.sameAs ? [`same content as imported ${r.sameAs.importedAt.slice(0, 10)} from ${r.sameAs.file}`] : r.notes,
  };
}

function renderImportText(reports: readonly FileReport[], totals: { imported: number; unchanged: number; skipped: number; entries: number }, path: string, st: Styler, width: number): string {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const r of reports) {
    if (r.status === 'skipped') {
      rows.push([st.gray('skipped'), display(r.file), st.gray(r.reason ?? '')]);
      continue;
    }
    const status = r.status === 'imported' ? st.green('imported') : st.cyan('unchanged');
    let count = `${r.entries} entries`;
    if (r.status === 'imported') {
      const changes = [`${r.added} new`];
      if (r.delisted) changes.push(`${r.delisted} delisted`);
      if (r.relisted) changes.push(`${r.relisted} relisted`);
      count += ` (${changes.join(', ')})`;
    }
    const parts = [`${r.list}`, count];
    parts.push(`list date ${r.listDate} (${SOURCE_LABEL[r.listDateSource as ListDateSource] ?? r.listDateSource})`);
    const companions = (r.files ?? []).slice(1).map((f) => f.slice(f.lastIndexOf('/') + 1));
    rows.push([status, display(r.file) + (companions.length ? st.gray(` +\u00a0${companions.join(', ')}`) : ''), parts.join(' · ')]);
    for (const n of r.notes ?? []) notes.push(...wrap(`${display(r.file)}: ${n}`, width, '  ').map((l) => st.dim(l)));
  }
  const summary = wrap(`${totals.imported} imported (${totals.entries} entries), ${totals.unchanged} unchanged, ${totals.skipped} skipped → ${path}`, width, '');
  // status, file, what was read; when that does not fit, the file wraps under itself and what
  // was read goes on the next line, under the file
  const lines = fitColumns(rows, width, { indent: ' '.repeat(maxOf(rows, (r) => displayWidth(r[0]!)) + 2), keep: 2 }).flat();
  return `${lines.join('\n')}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}\n${summary.join('\n')}\n`;
}

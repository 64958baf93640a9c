/**
 * `datacustoms scan <path|url>...`: find, classify and count regulated data in files and
 * databases; optionally write the result into an inventory. See docs/scan.md.
 */
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { processIo } from '../io.js';
import { parseFormat, styler, type Styler } from '../format.js';
import { DEFAULT_WIDTH, displayWidth, fitColumns, outputWidth, wrap } from '../render/text.js';
import { InputError } from '../../common/errors.js';
import { CATEGORIES } from '../../inventory/taxonomy.js';
import { TYPE_INFO } from '../../scan/core/types.js';
import { inventoryUpdates, scan, type ScanProgress, type ScanRun } from '../../scan/index.js';
import { showControls } from '../../common/controls.js';
import { makeDirs } from '../../common/make-dirs.js';

interface ScanCliOptions {
  format?: string;
  sample?: string;
  seed?: string;
  maxFindings?: string;
  minConfidence?: string;
  encoding?: string;
  key?: string;
  writeInventory?: string;
  dataset?: string;
  sketchOut?: string;
  merge?: string[];
}

function positiveInt(value: string | undefined, flag: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new InputError({ file: '<argv>', path: flag, message: `expected a whole number ≥ ${min}, got "${value}"` });
  }
  return Number(value);
}

export const command: CommandModule = {
  register(program, ctx) {
    program
      .command('scan')
      .description('Find, classify and count regulated data (IDs, phones, cards, locations, health, …) in files and databases.')
      .argument('<source...>', 'files, directories (recursive), or database URLs: postgres://…, mysql://…, sqlite:FILE')
      .option('-f, --format <format>', 'text or json', 'text')
      .option('--sample <n>', 'read N random rows per database table (counts become estimates with a 95 % error) (default: every row)')
      .option('--seed <n>', 'sampling seed: the same seed reads the same rows', '1')
      .option('--max-findings <n>', 'findings listed per source (counts stay exact)', '1000')
      .option('--min-confidence <x>', 'drop detections below this confidence, 0–1 (default: the scan.minConfidence parameter, 0.5)')
      .option('--encoding <name>', 'force the text encoding of files (default: detected; e.g. gb18030, utf-16le, big5)')
      .option('--key <secret>', 'secret for the keyed subject hashes (default: $DATACUSTOMS_SCAN_KEY, else .datacustoms/scan.key)')
      .option('--write-inventory <file>', 'add or update `datasets` in this YAML or JSON inventory (created if missing)')
      .option('--dataset <id>', 'with --write-inventory: one dataset for everything scanned, instead of one per source')
      .option('--sketch-out <file>', 'save the subject sketches of this run, to merge with later scans (--merge)')
      .option('--merge <file...>', 'merge subject sketches saved by --sketch-out into the totals; takes every word after it, so put it after the sources')
      .addHelpText(
        'after',
        `
What it reports, per source (file or table): records, each field with the
kinds of data found (count and confidence), distinct data subjects by
jurisdiction (a Chinese ID or +86 mobile → CN, an SSN → US, …) with the 95 %
error of the estimate, and findings with masked samples such as
110105********002X. Raw values are never printed or stored.

Files: CSV/TSV (any delimiter), JSON, JSON lines, text and logs, Parquet,
SQLite; gzip; UTF-8, GBK/GB18030 and UTF-16 detected. Databases: every table
and column; ?schema=a,b and ?table=t narrow the scan; passwords in URLs are
never shown (prefer PGPASSWORD or a .pgpass file).

Subjects are counted with a HyperLogLog sketch over keyed hashes;
--sketch-out and --merge add up scans of parts without counting anyone twice
(same --key needed).

Examples:
  $ datacustoms scan examples/demo
  $ datacustoms scan examples/demo --format json > scan.json
  $ datacustoms scan examples/demo --write-inventory inventory.yaml
  # scans of parts, added up: --merge takes several files, so put it last
  $ datacustoms scan examples/demo --sketch-out part1.sketch.json
  $ datacustoms scan examples/log4shell --write-inventory inventory.yaml \\
      --dataset everything --merge part1.sketch.json

Databases, by URL (put in your own user, host and database):
  datacustoms scan postgres://app@db.internal:5432/crm --sample 10000
  datacustoms scan 'mysql://root@127.0.0.1:3306/shop?table=orders,users'
  datacustoms scan sqlite:app.db   (or app.db: recognised by its content)

Exit codes: 0 when the scan ran (findings do not block: \`check\` decides);
2 bad input (a file that cannot be read, a database that cannot be reached,
a bad flag); 3 internal error. JSON and inventory fields: docs/scan.md.`,
      )
      .action(async (targets: string[], opts: ScanCliOptions) => {
        const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
        const sample = positiveInt(opts.sample, '--sample');
        const seed = positiveInt(opts.seed, '--seed', 0);
        const maxFindings = positiveInt(opts.maxFindings, '--max-findings', 0);
        let minConfidence: number | undefined;
        if (opts.minConfidence !== undefined) {
          // a decimal as written: Number() would take "" as 0 and "0x1" as 1
          minConfidence = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(opts.minConfidence) ? Number(opts.minConfidence) : NaN;
          if (!(minConfidence >= 0 && minConfidence <= 1)) throw new InputError({ file: '<argv>', path: '--min-confidence', message: `expected a number from 0 to 1, got "${opts.minConfidence}"` });
        }
        if (opts.dataset !== undefined && opts.writeInventory === undefined) {
          throw new InputError({ file: '<argv>', path: '--dataset', message: 'only makes sense with --write-inventory' });
        }
        const progress = progressBar(ctx.io);
        let run: ScanRun;
        try {
          run = await scan(targets, {
            ...(sample !== undefined ? { sample } : {}),
            ...(seed !== undefined ? { seed } : {}),
            ...(maxFindings !== undefined ? { maxFindings } : {}),
            ...(minConfidence !== undefined ? { minConfidence } : {}),
            ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
            ...(opts.key !== undefined ? { key: opts.key } : {}),
            ...(opts.merge !== undefined ? { merge: opts.merge } : {}),
            onProgress: progress.update,
          });
        } finally {
          progress.clear();
        }
        if (run.report.sources.length === 0 && !run.report.skipped?.length && run.merged.length === 0) {
          // Only empty directories and databases without tables (a file always gives a source
          // or a skip): say so rather than report a scan of nothing.
          const isDir = (t: string) => existsSync(t) && statSync(t).isDirectory();
          const dirs = targets.filter(isDir).length;
          const what = dirs === targets.length ? 'directory holds no file' : dirs === 0 ? 'database holds no table' : 'no file or table';
          throw new InputError({ file: targets.join(', '), message: `${what} to scan` });
        }
        let written: { file: string; added: readonly string[]; updated: readonly string[]; empty: readonly string[] } | undefined;
        const outputs: Output[] = [];
        if (opts.writeInventory !== undefined) {
          const { updates, empty } = inventoryUpdates(run, opts.dataset !== undefined ? { dataset: opts.dataset } : {});
          // The inventory writer (YAML, zod) loads only when asked for.
          const plan = updates.length > 0 ? (await import('../../scan/write-inventory.js')).planInventory(opts.writeInventory, updates) : undefined;
          if (plan) outputs.push({ file: opts.writeInventory, flag: '--write-inventory', text: plan.text });
          written = { file: opts.writeInventory, added: plan?.added ?? [], updated: plan?.updated ?? [], empty };
        }
        if (opts.sketchOut !== undefined) outputs.push({ file: opts.sketchOut, flag: '--sketch-out', text: JSON.stringify(run.sketches) + '\n' });
        writeAll(outputs);
        if (format === 'json') ctx.io.out(JSON.stringify(run.report, null, 2) + '\n');
        else ctx.io.out(renderText(run, styler(ctx.io.isTTY), written, opts.sketchOut, outputWidth(ctx.io)));
        ctx.setExit(0);
      });
  },
};

interface Output {
  readonly file: string;
  readonly flag: string;
  readonly text: string;
}

/**
 * Writes every output or none: each is written to a temporary file beside it first, and only
 * when all are written are they renamed into place (an inventory is not updated when the
 * sketch file cannot be written, nor the other way round). A failure is bad input naming the
 * file and the flag, not an internal error.
 */
export function writeAll(outputs: readonly Output[]): void {
  const tmps: string[] = [];
  const fail = (o: Output, e: unknown): never => {
    for (const t of tmps) {
      try {
        rmSync(t, { force: true });
      } catch {
        // nothing was written there (its folder is not one)
      }
    }
    throw new InputError({ file: o.file, path: o.flag, message: `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  };
  // two outputs to one file: the second would replace the first (an inventory by a sketch)
  outputs.forEach((o, i) => {
    const other = outputs.slice(0, i).find((p) => resolve(p.file) === resolve(o.file));
    if (other) throw new InputError({ file: o.file, path: o.flag, message: `is also the ${other.flag} file; give another file` });
  });
  for (const [i, o] of outputs.entries()) {
    try {
      if (existsSync(o.file) && statSync(o.file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      makeDirs(dirname(o.file));
      const tmp = `${o.file}.tmp-${process.pid}-${Date.now()}-${i}`;
      tmps.push(tmp);
      writeFileSync(tmp, o.text);
    } catch (e) {
      fail(o, e);
    }
  }
  outputs.forEach((o, i) => {
    try {
      renameSync(tmps[i]!, o.file);
    } catch (e) {
      fail(o, e);
    }
  });
}

const nf = new Intl.NumberFormat('en-US');

const n = (x: number) => nf.format(x);

/** Names from the data (CSV headers, JSON keys, columns, file names) with their control characters shown as `\xNN`. */
const plain = showControls;

/** Spaces inside a value (a masked card number) as no-break spaces: a line never breaks inside it. */
const whole = (text: string) => text.replace(/ /g, '\u00a0');

/**
 * The text report, fitted to `width` columns (80 by default): the field table puts the columns
 * that do not fit below each row, and the other lines wrap with a hanging indent. A path or a
 * value longer than a line stays whole.
 */
export function renderText(
  run: ScanRun,
  s: Styler,
  written?: { file: string; added: readonly string[]; updated: readonly string[]; empty: readonly string[] },
  sketchOut?: string,
  width: number = DEFAULT_WIDTH,
): string {
  const out: string[] = [];
  const para = (text: string, indent: string, hang = indent + '  ') => out.push(...wrap(text, width, indent, hang));
  const subjects = (list: [string, { estimate: number; error: number }][]) =>
    list.map(([j, e]) => whole(`${s.cyan(j)} ${n(e.estimate)}${e.error > 0 ? ` ± ${n(e.error)}` : ''}`)).join(' · ');
  const { report } = run;
  report.sources.forEach((src, i) => {
    const o = run.outcomes[i];
    const how = [o?.format, o?.encoding && o.encoding !== 'utf-8' ? o.encoding : undefined].filter(Boolean).join(', ');
    const recs = src.sample ? `${n(src.sample.rows)} of ${n(src.sample.of)} rows sampled` : `${n(src.records)} record${src.records === 1 ? '' : 's'}`;
    para(`${s.bold(plain(src.source))}  ${s.dim(`${recs}${how ? `; ${how}` : ''}`)}`, '');
    if (src.fields.length === 0) {
      out.push(`  ${s.green('no regulated data found')}`, '');
      return;
    }
    const rows: string[][] = [[s.dim('FIELD'), s.dim('TYPE'), s.dim('CATEGORY'), s.dim(src.sample ? 'COUNT (est.)' : 'COUNT'), s.dim('CONFIDENCE')]];
    for (const f of src.fields) {
      f.types.forEach((t, k) => {
        const count = whole(t.error !== undefined ? `${n(t.count)} ± ${n(t.error)}` : n(t.count));
        const conf = t.confidence >= 0.9 ? s.red(t.confidence.toFixed(2)) : t.confidence >= 0.7 ? s.yellow(t.confidence.toFixed(2)) : t.confidence.toFixed(2);
        rows.push([k === 0 ? plain(f.field) : '', t.type, TYPE_INFO[t.type]?.category ?? '', count, conf]);
      });
    }
    // laid out two columns narrower and indented after (a row keeps its indent when it wraps);
    // the columns that do not fit go below the row, labelled: "count: 30 · confidence: 0.97"
    out.push(...fitColumns(rows, width - 2, { indent: '    ', header: true, join: ' · ' }).flat().map((l) => `  ${l}`));
    para(`${s.dim('subjects')}  ${Object.keys(src.subjects).length === 0 ? 'none identified by jurisdiction' : subjects(Object.entries(src.subjects))}`, '  ', '    ');
    if (src.categories.length > 0) para(`${s.dim('categories')}  ${src.categories.map((c) => `${c}${CATEGORIES[c].personal ? '' : ' (non-personal)'}`).join(', ')}`, '  ', '    ');
    // three samples here; the rest (up to --max-findings) in the JSON output, and the line says so
    const shown = src.findings.slice(0, 3).map((f) => `${whole(f.masked)} ${s.dim(`(${plain(f.field)}, record\u00a0${plain(f.record)})`)}`);
    const listed = src.findings.length;
    const where = listed > shown.length ? (src.findingsTotal > listed ? `, first ${n(listed)} listed in --format json` : ', all listed in --format json') : '';
    const etc = listed > shown.length ? '; …' : '';
    para(`${s.dim('findings')}  ${n(src.findingsTotal)}${where}${shown.length ? `: ${shown.join('; ')}${etc}` : ''}`, '  ', '    ');
    out.push('');
  });
  if (report.skipped?.length) {
    out.push(s.yellow(`skipped ${report.skipped.length}:`));
    for (const k of report.skipped) para(`${plain(k.source)}  ${s.dim(k.reason)}`, '  ', '    ');
    out.push('');
  }
  const t = report.total;
  const tsubj = Object.entries(t.subjects);
  const merged = run.merged.length > 0 ? ` + ${run.merged.length} merged sketch source${run.merged.length === 1 ? '' : 's'}` : '';
  para(
    `${s.bold('total')}  ${n(t.sources)} source${t.sources === 1 ? '' : 's'}${merged}, ${n(t.records)} records; distinct subjects: ${tsubj.length === 0 ? 'none' : subjects(tsubj)}`,
    '',
  );
  if (report.sources.some((x) => x.sample)) para(s.dim('sampled counts are whole-table estimates; ± is the 95 % error (docs/scan.md)'), '');
  if (written) {
    const parts = [written.added.length ? `added ${written.added.join(', ')}` : '', written.updated.length ? `updated ${written.updated.join(', ')}` : ''].filter(Boolean);
    para(`inventory ${written.file}: ${parts.length ? parts.join('; ') : 'nothing to write'}`, '');
    if (written.empty.length) para(s.dim(`not written (no regulated data found): ${written.empty.map(plain).join(', ')}`), '  ', '    ');
  }
  if (sketchOut) para(`sketches saved to ${sketchOut} (merge later with --merge ${sketchOut})`, '');
  return out.join('\n') + '\n';
}

/** The end of `text` that fits in `columns` terminal columns, with `…` for what was cut. */
function fitLeft(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  const chars = [...text];
  let out = '';
  let w = 1; // the ellipsis
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]!);
    if (w + cw > columns && out !== '') break;
    out = chars[i]! + out;
    w += cw;
  }
  return '…' + out;
}

/**
 * A one-line progress bar on stderr, only on a terminal and only once the scan has run for
 * `after` ms (default 1 s): `[2/5] data/people.csv ███████░░░ 63 % 118.2 MB/s ETA 0:04`.
 */
export function progressBar(io: Io, opts: { now?: () => number; after?: number; columns?: number } = {}) {
  const now = opts.now ?? Date.now;
  const after = opts.after ?? 1000;
  // drawn on stderr, so stderr decides (stdout may be a file: `--format json > scan.json`)
  const tty = io.errIsTTY;
  const started = now();
  let unitStarted = started;
  let current = '';
  let lastDraw = -Infinity;
  let drawn = false;
  const width = () => Math.max(40, Math.min(120, opts.columns ?? (io === processIo ? process.stderr.columns : undefined) ?? 80));
  return {
    update: (p: ScanProgress) => {
      if (!tty) return;
      const t = now();
      if (p.source !== current) {
        current = p.source;
        unitStarted = t;
      }
      if (t - started < after || t - lastDraw < 100) return;
      lastDraw = t;
      const secs = Math.max(0.001, (t - unitStarted) / 1000);
      const rate = p.done / secs;
      const rateText = p.unit === 'bytes' ? `${(rate / 1e6).toFixed(1)} MB/s` : `${n(Math.round(rate))} rows/s`;
      const frac = p.size ? Math.min(1, p.done / p.size) : undefined;
      const eta = frac !== undefined && rate > 0 && p.size ? Math.max(0, (p.size - p.done) / rate) : undefined;
      const etaText = eta === undefined ? '' : ` ETA ${Math.floor(eta / 60)}:${String(Math.floor(eta % 60)).padStart(2, '0')}`;
      const barWidth = 20;
      const filled = frac === undefined ? 0 : Math.round(frac * barWidth);
      const bar = frac === undefined ? '' : ` ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)} ${Math.floor(frac * 100)} %`;
      const tail = `${bar} ${rateText}${etaText}`;
      const head = `[${p.index}/${p.count}] `;
      // in terminal columns (a Chinese file name takes two per character): a line wider than
      // the terminal wraps, and `\r` then redraws only its last row, leaving the others behind
      const room = width() - displayWidth(head) - displayWidth(tail) - 1;
      const name = fitLeft(plain(p.source), room);
      io.err(`\r\u001b[K${head}${name}${tail}`);
      drawn = true;
    },
    clear: () => {
      if (drawn) io.err('\r\u001b[K');
    },
  };
}

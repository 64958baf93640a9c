/**
 * `datacustoms screen <name>...` and `datacustoms screen <inventory file|dir>...`: every name
 * against every list in the store; for inventories, every entity name and alias, with hits
 * written back into the inventory file(s) as `designations` (comments kept, atomic write).
 */
import { closeSync, existsSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { isMap } from 'yaml';
import { ExitCode, InputError } from '../../common/errors.js';
import { setJsonDesignations, setYamlDesignations } from '../../inventory/designation-edits.js';
import { expandInputs, loadInventory, parseSource, readInventoryFile } from '../../inventory/load.js';
import type { ListEntry } from '../../screen/types.js';
import { Matcher } from '../../screen/match/matcher.js';
import { designationsFrom, isAlert, mergeDesignations, screen, type ScreenMatch, type ScreenQuery, type ScreenResult } from '../../screen/screen.js';
import { listSummaries, loadListEntries, type ListSummary } from '../../screen/lists/store.js';
import { openExistingStore, resolveStorePath, storeLabel } from '../../store/store.js';
import { daysBetween, today, type CivilDate } from '../../time/civil-date.js';
import { maxAgeDays } from './lists.js';
import type { CommandContext, CommandModule } from '../command.js';
import { parseDateFlag, parseFormat, styler, type Styler } from '../format.js';
import { writeTarget } from '../io.js';
import { DEFAULT_WIDTH, fitColumns, outputWidth, wrap } from '../render/text.js';

const FORMATS = ['text', 'json'] as const;
const INVENTORY_EXT = new Set(['.yaml', '.yml', '.json']);

interface ScreenCliOptions {
  format?: string;
  country?: string;
  type?: string;
  all?: boolean;
  threshold?: string;
  asOf?: string;
  store?: string;
  dryRun?: boolean;
  names?: boolean;
  limit?: string;
}

const HELP = `
Arguments are names to screen, or inventory files and folders (YAML or JSON):
then every entity name and alias is screened and the hits are written back to
the entity as designations (list, program, scope = what an FCC listing
covers, listedFrom, listedUntil = the last day listed, source = list entry
id, matchedName, score). A hit whose list names a listed parent (1260H Parent
Name, FCC wholly-owned subsidiary) also inherits the parent's designations
under each list's ownership rule on --as-of, written with "via" (the path);
OFAC "Linked To" parties are shown, never inherited. Re-running replaces what
an earlier screen wrote; declared designations stay.

Matching is by words, not whole strings: legal forms are mapped (Co., Ltd. =
Company Limited, AO = JSC), generic words (Technology, Group) weigh less,
numbers must agree, word order is free, typos within an edit budget,
acronyms, and Chinese names (simplified = traditional, legal forms segmented,
pinyin as a secondary key, a shipped table of registered Chinese names).

Examples (a match at or above the threshold exits 1):
  $ datacustoms lists import ../shared/data/lists   # once: load the lists
  $ datacustoms screen "Huawei Technologies Co" 华为技术有限公司   # exits 1
  $ datacustoms screen "Huawei Cafe LLC"   # no match
  $ datacustoms screen DJI --country CN --all   # also below it; exits 1
  $ datacustoms screen examples/demo --dry-run   # writes nothing; exits 1
  $ datacustoms screen examples/demo --dry-run --format json   # exits 1

Without --dry-run, \`datacustoms screen inventory/\` writes the hits into the
inventory files.

Exit codes: 0 no match; 1 a match at or above the alert threshold; 2 bad
input or no lists loaded; 3 internal error. JSON: docs/screen.md.`;

function parseOptions(opts: ScreenCliOptions) {
  const format = parseFormat(opts.format, FORMATS, 'text');
  let country: string | undefined;
  if (opts.country !== undefined) {
    country = opts.country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw new InputError({ file: '<argv>', path: '--country', message: `expected an ISO 3166-1 alpha-2 code such as CN or US, got "${opts.country}"` });
  }
  let type: 'company' | 'person' | undefined;
  if (opts.type !== undefined) {
    if (opts.type !== 'company' && opts.type !== 'person') throw new InputError({ file: '<argv>', path: '--type', message: `expected company or person, got "${opts.type}"` });
    type = opts.type;
  }
  let threshold: number | undefined;
  if (opts.threshold !== undefined) {
    threshold = Number(opts.threshold);
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) throw new InputError({ file: '<argv>', path: '--threshold', message: `expected a number in (0, 1], got "${opts.threshold}"` });
  }
  let limit: number | undefined;
  if (opts.limit !== undefined) {
    limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new InputError({ file: '<argv>', path: '--limit', message: `expected a whole number ≥ 1, got "${opts.limit}"` });
  }
  const asOf: CivilDate = opts.asOf !== undefined ? parseDateFlag(opts.asOf, '--as-of') : today();
  return { format, country, type, threshold, limit, asOf, all: Boolean(opts.all) };
}

/**
 * An argument no party's name looks like: a folder (`inventory/`), an inventory file name
 * (`inventory.yaml`) or a relative or absolute path (`./acme`, `/srv/x`). When it does not
 * exist it is a mistyped path, not a name to screen (it would come back "no match", exit 0).
 * A slash inside a name (Maersk A/S) is not enough.
 */
function looksLikePath(arg: string): boolean {
  return /[/\\]$/.test(arg) || INVENTORY_EXT.has(extname(arg).toLowerCase()) || /^\.{0,2}[/\\]/.test(arg);
}

function isInventoryPath(arg: string): boolean {
  try {
    const st = statSync(arg);
    return st.isDirectory() || (st.isFile() && INVENTORY_EXT.has(extname(arg).toLowerCase()));
  } catch {
    return false;
  }
}

async function loadEntries(storeFlag: string | undefined, asOf: CivilDate): Promise<{ entries: ListEntry[]; stale: string | undefined }> {
  const location = resolveStorePath({ store: storeFlag });
  const path = storeLabel(location);
  const hint = 'no lists loaded: run `datacustoms lists import <file|dir>` first (e.g. `datacustoms lists import ../shared/data/lists`)';
  const store = await openExistingStore(location);
  if (!store) throw new InputError({ file: path, path: '--store', message: hint });
  try {
    const entries = await loadListEntries(store);
    if (entries.length === 0) throw new InputError({ file: path, path: '--store', message: hint });
    return { entries, stale: staleWarning(await listSummaries(store), asOf) };
  } finally {
    await store.close();
  }
}

/**
 * One line on the lists older than the age `lists` warns about ($DATACUSTOMS_LISTS_MAX_AGE, else
 * 90 days) on the screening date: "no match" against such a list misses later designations.
 */
function staleWarning(lists: readonly ListSummary[], asOf: CivilDate): string | undefined {
  const maxAge = maxAgeDays(undefined);
  const old = lists
    .map((l) => ({ list: l.list, age: daysBetween(l.latest.listDate, asOf) }))
    .filter((l) => l.age > maxAge)
    .sort((a, b) => b.age - a.age || (a.list < b.list ? -1 : 1));
  if (old.length === 0) return undefined;
  const named = old.map((l) => `${l.list} ${l.age} d`).join(', ');
  return `warning: ${old.length === 1 ? 'a list is' : `${old.length} lists are`} more than ${maxAge} days old on ${asOf} (${named}): a designation made since is not matched; import current copies (\`datacustoms lists\` shows each list's date)`;
}

function progress(ctx: CommandContext, text: string): void {
  if (ctx.io.isTTY) ctx.io.err(`\r\u001b[2K${text}`);
}

// --- inventory mode ------------------------------------------------------------------------

interface EntityView {
  readonly id: string;
  readonly names: string[];
  readonly query: Omit<ScreenQuery, 'name'>;
}

function entityView(raw: unknown): EntityView | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const e = raw as Record<string, unknown>;
  if (typeof e['id'] !== 'string' || typeof e['name'] !== 'string') return undefined;
  const aliases = Array.isArray(e['aliases']) ? e['aliases'].filter((a): a is string => typeof a === 'string') : [];
  const kind = e['kind'];
  const citizenships = Array.isArray(e['citizenships']) ? e['citizenships'].filter((c): c is string => typeof c === 'string') : [];
  const country =
    kind === 'individual'
      ? (citizenships[0] ?? (typeof e['primaryResidence'] === 'string' ? e['primaryResidence'] : undefined))
      : typeof e['organizedIn'] === 'string'
        ? e['organizedIn']
        : typeof e['government'] === 'string'
          ? e['government']
          : undefined;
  return {
    id: e['id'],
    names: [...new Set([e['name'], ...aliases])],
    query: { type: kind === 'individual' ? 'person' : 'company', ...(country ? { country } : {}) },
  };
}

interface InventoryRow extends ScreenResult {
  readonly file: string;
  readonly entity: string;
}

interface FileEdit {
  readonly file: string;
  readonly data: string;
  readonly changed: boolean;
}

function screenInventory(
  paths: readonly string[],
  matcher: Matcher,
  o: ReturnType<typeof parseOptions>,
  ctx: CommandContext,
): { rows: InventoryRow[]; edits: FileEdit[] } {
  loadInventory(paths); // validates everything first: bad input stops here, with locations
  const rows: InventoryRow[] = [];
  const edits: FileEdit[] = [];
  const screenOpts = { asOf: o.asOf, all: o.all, ...(o.threshold !== undefined ? { threshold: o.threshold } : {}), ...(o.limit !== undefined ? { limit: o.limit } : {}) };
  for (const file of expandInputs(paths)) {
    const text = readInventoryFile(file);
    const json = extname(file).toLowerCase() === '.json';
    const src = parseSource(file, text);
    // JSON read on the fast path has its data already: its positions (the YAML parser, seconds
    // for a large file) are made only if designations are written back
    const data = (src.data !== undefined ? src.data : src.doc.toJS()) as Record<string, unknown> | null;
    const entities = data && Array.isArray(data['entities']) ? (data['entities'] as unknown[]) : [];
    let changed = false;
    const fresh: (ReturnType<typeof designationsFrom> | undefined)[] = [];
    entities.forEach((raw, index) => {
      const view = entityView(raw);
      if (!view) return;
      progress(ctx, `screening ${file}: ${view.id} (${index + 1}/${entities.length})`);
      const queries = view.names.map((name) => ({ name, ...view.query, ...(o.country ? { country: o.country } : {}), ...(o.type ? { type: o.type } : {}) }));
      const results = screen(queries, matcher, screenOpts);
      for (const r of results) rows.push({ file, entity: view.id, ...r });
      const existing = Array.isArray((raw as Record<string, unknown>)['designations']) ? ((raw as Record<string, unknown>)['designations'] as { score?: number; via?: string; source?: string }[]) : [];
      const merged = mergeDesignations(existing, designationsFrom(results));
      if (JSON.stringify(merged) !== JSON.stringify(existing)) {
        changed = true;
        fresh[index] = merged as ReturnType<typeof designationsFrom>;
      }
    });
    if (!changed) {
      edits.push({ file, data: text, changed: false });
      continue;
    }
    // JSON text (a .json file whose top level is `{ … }`) is edited as JSON; anything else as YAML.
    if (json && isMap(src.doc.contents) && src.doc.contents.flow === true) {
      edits.push({ file, data: setJsonDesignations(text, src.doc, fresh), changed: true });
    } else {
      edits.push({ file, data: setYamlDesignations(text, src.doc, fresh), changed: true });
    }
  }
  progress(ctx, '');
  return { rows, edits };
}

/**
 * Writes every file through a temporary file beside it, renamed over the original only once all
 * of them are written: a file that cannot be written leaves every inventory as it was.
 */
function writeAll(edits: readonly FileEdit[]): void {
  const temps: { file: string; tmp: string }[] = [];
  let current = '';
  try {
    for (const e of edits) {
      current = e.file;
      // A symbolic link is written through: its target gets the designations, the link stays.
      const file = writeTarget(e.file);
      const tmp = `${file}.tmp-${process.pid}`;
      const fd = openSync(tmp, 'wx', statSync(file).mode & 0o777); // never another's file
      temps.push({ file, tmp });
      try {
        writeFileSync(fd, e.data);
      } finally {
        closeSync(fd);
      }
    }
  } catch (err) {
    for (const t of temps) {
      try {
        unlinkSync(t.tmp);
      } catch {
        // already gone
      }
    }
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new InputError({ file: current, message: `cannot write the designations (${reason}): no inventory file was changed` });
  }
  for (const t of temps) renameSync(t.tmp, t.file);
}

// --- output --------------------------------------------------------------------------------

function fmtScore(x: number): string {
  return x.toFixed(3);
}

function renderText(results: readonly (ScreenResult & { file?: string; entity?: string })[], st: Styler, threshold: number, width = DEFAULT_WIDTH): string {
  const out: string[] = [];
  for (const r of results) {
    const alerts = r.matches.filter(isAlert).length;
    const head = r.entity ? `${st.bold(r.query)}  ${st.dim(`(${r.entity} in ${r.file})`)}` : st.bold(r.query);
    // the verdict stays whole at the end of the line ("no match", not "no" / "match")
    out.push(...wrap(`${head}  ${alerts ? st.red(`${alerts}\u00a0match${alerts === 1 ? '' : 'es'}`) : st.green('no\u00a0match')}`, width, ''));
    const rows = r.matches.map((m: ScreenMatch) => {
      const mark = m.notInForce ? st.gray('not in force') : m.belowThreshold ? st.gray('below') : st.red('MATCH');
      const dates = `${m.listedFrom ?? '?'}${m.listedUntil ? `…${m.listedUntil}` : ''}`;
      return [`  ${fmtScore(m.score)}`, mark, m.list, m.name, m.program, dates];
    });
    // what does not fit (program, dates, or the name too) goes on the next line
    const aligned = fitColumns(rows, width, { indent: '         ', join: ' · ' });
    const dim = (lines: string[]) => lines.map((l) => st.dim(l));
    r.matches.forEach((m, i) => {
      out.push(...aligned[i]!);
      const matched = m.matchedName !== m.name ? `matched "${m.matchedName}"; ` : '';
      out.push(...dim(wrap(`${m.entityId}: ${matched}${m.explanation}`, width, '         ')));
      for (const p of m.parents ?? []) {
        const of = p.depth > 1 ? ` of ${p.of}` : '';
        const listed = p.entityIds.length > 0 ? p.entityIds.join(', ') : 'not listed';
        out.push(...dim(wrap(`↑ ${p.kind}${of} per ${p.list}: ${p.name} (${listed})`, width, `         ${'  '.repeat(p.depth - 1)}`)));
      }
      for (const h of m.inherited ?? []) out.push(...wrap(`${st.red('inherits')} ${h.list} from ${h.source}: ${st.dim(h.via)}`, width, '         '));
    });
  }
  out.push(st.dim(`alert threshold ${threshold}`));
  return out.join('\n') + '\n';
}

export const command: CommandModule = {
  register(program: Command, ctx) {
    program
      .command('screen')
      .summary('Screen names, or every entity of an inventory, against the designation lists.')
      .description(
        'Counterparty screening: each name against every imported list (OFAC SDN and non-SDN, DoD 1260H, ' +
          'FCC Covered List, BIS, trade.gov CSL, PRC counter-sanctions, FollowTheMoney exports), with a score, ' +
          'the listed name that matched and an explanation of what matched and what weighed.',
      )
      .argument('<names-or-inventory...>', 'names to screen, or inventory files/folders (then hits are written back as designations)')
      .option('-f, --format <format>', 'text or json', 'text')
      .option('--country <CC>', 'country of the screened party (ISO alpha-2); a list entry elsewhere scores a little lower (default: none; an inventory gives each entity\'s own)')
      .option('--type <type>', 'company or person: only entries of that type (and untyped ones) (default: both; an inventory gives each entity\'s own)')
      .option('--all', 'also show candidates below the alert threshold and listings not in force, marked')
      .option('--threshold <score>', 'alert threshold in (0, 1] (default: the screen.alertThreshold parameter, 0.8)')
      .option('--as-of <date>', 'listings ended before (or starting after) this date, YYYY-MM-DD, do not alert (default: today, UTC)')
      .option('--limit <n>', 'most matches shown per name (default: 20)')
      .option('--store <path|url>', 'the list store: a SQLite file, or a postgres:// URL (default: $DATACUSTOMS_STORE, else .datacustoms/datacustoms.sqlite)')
      .option('--dry-run', 'inventories: report only, write nothing back')
      .option('--names', 'treat every argument as a name, even when a file of that name exists')
      .addHelpText('after', HELP)
      .action(async (args: string[], opts: ScreenCliOptions) => {
        const o = parseOptions(opts);
        const missing = opts.names ? undefined : args.find((a) => looksLikePath(a) && !existsSync(a));
        if (missing !== undefined) throw new InputError({ file: missing, message: 'no such file or directory (to screen it as a name, pass --names)' });
        const inventory = !opts.names && args.length > 0 && args.every(isInventoryPath);
        if (!opts.names && !inventory && args.some(isInventoryPath)) {
          throw new InputError({ file: '<argv>', message: 'some arguments are inventory files and some are names: screen them separately (or pass --names to screen all as names)' });
        }
        if (!inventory) {
          // A name with no letter or digit has no word to match: "no match" would read as cleared.
          const blank = args.findIndex((a) => !/[\p{L}\p{N}]/u.test(a));
          if (blank >= 0) throw new InputError({ file: '<argv>', path: `name ${blank + 1}`, message: `${JSON.stringify(args[blank])} has no letter or digit to screen: expected a party's name` });
        }
        const { entries, stale } = await loadEntries(opts.store, o.asOf);
        progress(ctx, `indexing ${entries.length} list entries…`);
        const matcher = new Matcher(entries);
        progress(ctx, '');
        const threshold = o.threshold ?? matcher.settings.alertThreshold;
        let results: (ScreenResult & { file?: string; entity?: string })[];
        let edits: FileEdit[] = [];
        if (inventory) {
          const r = screenInventory(args, matcher, o, ctx);
          results = r.rows;
          edits = r.edits;
        } else {
          results = screen(args, matcher, {
            asOf: o.asOf,
            all: o.all,
            ...(o.country ? { country: o.country } : {}),
            ...(o.type ? { type: o.type } : {}),
            ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
            ...(o.limit !== undefined ? { limit: o.limit } : {}),
          });
        }
        // Every file is built before any is written: a failure never leaves half of them behind.
        const changed = edits.filter((e) => e.changed);
        if (!opts.dryRun) writeAll(changed);
        ctx.io.out(o.format === 'json' ? JSON.stringify(results, null, 2) + '\n' : renderText(results, styler(ctx.io.isTTY), threshold, outputWidth(ctx.io)));
        if (inventory) {
          const verb = opts.dryRun ? 'would update' : 'updated';
          ctx.io.err(changed.length ? `${verb} designations in ${changed.map((e) => e.file).join(', ')}\n` : 'designations unchanged\n');
        }
        if (stale !== undefined) ctx.io.err(wrap(stale, outputWidth({ isTTY: ctx.io.errIsTTY }, process.stderr.columns), '').join('\n') + '\n');
        ctx.setExit(results.some((r) => r.matches.some(isAlert)) ? ExitCode.findings : ExitCode.ok);
      });
  },
};

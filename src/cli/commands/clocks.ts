/**
 * `datacustoms clocks <file|dir>...`: every reporting duty that follows from the events in an
 * inventory (or a standalone file with `organization` + `events`), with due instants in each
 * regulator's zone and their status as of now (or `--as-of`).
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, InputError, type InputLocation, type InputProblem } from '../../common/errors.js';
import { csafAdvisory, csafFileName, openVex, trackingId } from '../../clocks/drafts.js';
import { evaluateClocks } from '../../clocks/evaluate.js';
import { CLOCK_RANGE, parseClockInstant, skippedLocalTime } from '../../clocks/range.js';
import { toIcs } from '../../clocks/ics.js';
import { renderText } from '../../clocks/render.js';
import { INVENTORY_EXTENSIONS, expandInputs, formatPath, locate, mergeSources, readSources, type SourceDoc } from '../../inventory/load.js';
import type { Inventory } from '../../inventory/schema.js';
import { runCalendars } from '../../time/working-days.js';
import { formatInstant } from '../../time/zoned.js';
import type { CommandModule } from '../command.js';
import { notACalendarDay, parseFormat, styler } from '../format.js';
import { writeOutputFiles } from '../io.js';
import { outputWidth } from '../render/text.js';

const FORMATS = ['text', 'json', 'ics'] as const;

interface ClocksOptions {
  format?: string;
  asOf?: string;
  event?: string[];
  output?: string;
  drafts?: string;
}

const HELP = `
Events (in the inventory, or in their own file with organization + events):
  vulnerability         in our product or a component we ship (learned,
                        activelyExploited, fixAvailable, publiclyDisclosed,
                        sharedWith, ...)
  incident              grade, ciiInvolved, personalData.people, significant,
                        majorIct, classifiedMajor, material,
                        materialityDetermined, handlingEnded, ...
  personal_data_breach  people, risk (unlikely | risk | high), unintelligible
  government_request    authority, country, dataStoredIn, prcApproval,
                        respondBy

The organization's roles pick the regimes: cn.networkProductProvider (MIIT
vulnerabilities), cn.networkOperator / cn.ciio / cn.stateOrgan (CAC
incidents), eu.manufacturer (CRA), eu.nis2, eu.gdprController,
eu.doraFinancialEntity, us.secRegistrant (8-K), us.circiaCoveredEntity.

Each duty's clock starts at its own anchor (awareness, classification,
materiality determination, fix availability, end of handling, an earlier
report). An unknown anchor gives no due date and a "starts when ..." note.
Declare reports made under the event's reports:
  reports: [{ duty: "cn.miit.vuln/7(2)", at: "2021-11-25T10:00+08:00" }]

Examples:
  # Log4Shell's MIIT report was due 2021-11-26, overdue after it: exit 1
  $ datacustoms clocks examples/log4shell --as-of 2021-12-10   # exits 1
  $ datacustoms clocks examples/log4shell --as-of 2021-11-25   # nothing overdue
  $ datacustoms clocks examples/log4shell --format json --as-of 2021-12-10 \\
      --event log4shell   # exits 1
  $ datacustoms clocks examples/log4shell --format ics -o clocks.ics   # exits 1
  # CSAF 2.0 advisory and OpenVEX drafts for each vulnerability:
  $ datacustoms clocks examples/log4shell --drafts out/   # exits 1

Exit codes: 0 nothing overdue; 1 an obligation is overdue; 2 bad input;
3 internal error. JSON: docs/clocks.md ("JSON output").`;

/**
 * Reads and merges the inventory, keeping each file's parsed document: a problem found after
 * loading (the merged inventory keeps no positions) is placed in the text that was read. Reading
 * a file again would place it wrongly when the file changed meanwhile, and a pipe (/dev/stdin)
 * reads empty the second time: the event would be sought in the next file.
 */
function loadWithSources(paths: readonly string[]): { inventory: Inventory; sources: readonly SourceDoc[] } {
  const sources = readSources(paths);
  return { inventory: mergeSources(sources), sources };
}

/** Finds a field of the merged inventory in the file that holds it, at its line and column. */
function sourceLocator(sources: readonly SourceDoc[]) {
  const dataOf = (s: SourceDoc) => (s.data ?? s.doc.toJS({ maxAliasCount: 100 })) as Record<string, unknown> | null;
  return {
    /** A field of the `index`-th event of the merged inventory (files in the order they are read). */
    event(index: number, path: readonly (string | number)[]): InputLocation {
      let i = index;
      for (const src of sources) {
        const events = dataOf(src)?.['events'];
        const n = Array.isArray(events) ? events.length : 0;
        if (i < n) return { file: src.file, ...locate(src, ['events', i, ...path]), path: formatPath(['events', i, ...path]) };
        i -= n;
      }
      return {};
    },
  };
}

/** The file a path names once its links are followed (for a path that does not exist yet: its nearest existing folder's, and the rest). */
function realFile(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const abs = resolve(path);
    const up = dirname(abs);
    return up === abs ? abs : join(realFile(up), basename(abs));
  }
}

/**
 * An output file that is one of the input files (`-o inventory.yaml`, or a draft landing on an
 * input) would replace the inventory with the report: bad input, before anything is written.
 */
function refuseInputTargets(files: readonly { path: string }[], paths: readonly string[], output: string | undefined): void {
  const inputs = new Map(expandInputs(paths).map((f) => [realFile(f), f]));
  // folders given as inventories: every .yaml, .yml and .json file in them, at any depth, is read
  const folders = paths.filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory()).map((p) => ({ given: p, real: realFile(p) }));
  for (const f of files) {
    const flag = f.path === output ? '--output' : '--drafts';
    const what = f.path === output ? 'output' : 'draft';
    const input = inputs.get(realFile(f.path));
    if (input !== undefined) {
      throw new InputError({ file: '<argv>', path: flag, message: `${f.path} is an input file (${input}); writing the ${what} there would replace it; name another file` });
    }
    if (!INVENTORY_EXTENSIONS.has(extname(f.path).toLowerCase())) continue;
    const at = realFile(f.path);
    const inside = folders.find((d) => at.startsWith(d.real.endsWith(sep) ? d.real : d.real + sep));
    if (inside !== undefined) {
      throw new InputError({
        file: '<argv>',
        path: flag,
        message: `${f.path} is inside the inventory folder ${inside.given}: the next run would read the ${what} (${extname(f.path)}) as part of the inventory; write it outside that folder`,
      });
    }
  }
}

function parseAsOf(text: string | undefined, zone: string): number {
  if (text === undefined) return Date.now();
  const p = parseClockInstant(text, zone);
  if (p === 'out-of-range') throw new InputError({ file: '<argv>', path: '--as-of', message: `"${text}" is outside the ${CLOCK_RANGE.words} that clocks count in` });
  const why = notACalendarDay(text);
  if (!p && why) throw new InputError({ file: '<argv>', path: '--as-of', message: `"${text}" is not a date: ${why}` });
  if (!p) throw new InputError({ file: '<argv>', path: '--as-of', message: `expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], got "${text}"` });
  const skipped = skippedLocalTime(text, zone);
  if (skipped) throw new InputError({ file: '<argv>', path: '--as-of', message: skipped });
  return p.instant;
}

export const command: CommandModule = {
  register(program: Command, ctx) {
    program
      .command('clocks')
      .summary('For every vulnerability, incident, breach and data request: who must be told what, by when.')
      .description(
        'Reporting clocks: for each event, the duties under China (MIIT vulnerabilities, CAC incidents, PIPL, ' +
          'DSL), the EU (CRA, NIS2, GDPR, DORA) and the US (SEC 8-K, CIRCIA as proposed), with due instants in ' +
          "the regulator's time zone, status (due, overdue, done) and the article that sets each clock.",
      )
      .argument('<paths...>', 'inventory files or directories (YAML or JSON), merged; may be a file with organization + events')
      .option('-f, --format <format>', 'text, json or ics (RFC 5545 calendar of dated obligations)', 'text')
      .option('--as-of <time>', 'evaluate as of this date or date-time (default: now); a date alone is 00:00 in the organization\'s zone')
      .option('--event <id...>', 'only the events with these ids (default: every event); after the paths')
      .option('-o, --output <file>', 'write the output to this file (atomically) instead of stdout')
      .option('--drafts <dir>', 'also write CSAF 2.0 and OpenVEX drafts for each vulnerability in our product')
      .addHelpText('after', HELP)
      .action((paths: string[], opts: ClocksOptions) => {
        const format = parseFormat(opts.format, FORMATS, 'text');
        // An empty value (`-o "$OUT"` with OUT unset) would silently write to stdout, or no drafts.
        if (opts.output === '') throw new InputError({ file: '<argv>', path: '--output', message: 'expected a file name, got ""' });
        if (opts.drafts === '') throw new InputError({ file: '<argv>', path: '--drafts', message: 'expected a folder name, got ""' });
        const { inventory, sources } = loadWithSources(paths);
        const org = inventory.organization;
        const where = sourceLocator(sources);
        // org.timeZone is an IANA name: the inventory schema checks it at load, for every command.
        const asOf = parseAsOf(opts.asOf, org.timeZone);
        // Each event with its index in the merged inventory, to place a problem in its file.
        let picked = inventory.events.map((e, index) => ({ e, index }));
        if (opts.event?.length) {
          const unknown = opts.event.filter((id) => !picked.some(({ e }) => e.id === id));
          if (unknown.length) throw new InputError({ file: '<argv>', path: '--event', message: `no event with id ${unknown.map((u) => `"${u}"`).join(', ')}` });
          picked = picked.filter(({ e }) => opts.event!.includes(e.id));
        }
        const events = picked.map(({ e }) => e);
        const result = evaluateClocks(org, events, { asOf, calendars: runCalendars(inventory.calendars), locate: (i, path) => where.event(picked[i]!.index, path) });

        let text: string;
        if (format === 'json') text = JSON.stringify(result, null, 2) + '\n';
        else if (format === 'ics') text = toIcs(result);
        else text = renderText(result, events, styler(ctx.io.isTTY && !opts.output), `${formatInstant(asOf, org.timeZone)} (${org.timeZone})`, outputWidth(ctx.io));

        // Build every file first, then write: a bad input never leaves half the files behind.
        const files: { path: string; data: string }[] = [];
        if (opts.drafts) {
          // CSAF names the file after the tracking id, lower-cased with other characters folded
          // to `_` (§5.1): distinct event ids can meet there, and one draft would overwrite the other.
          const byFile = new Map<string, string>();
          for (const [i, e] of events.entries()) {
            if (e.kind !== 'vulnerability') continue;
            const base = csafFileName(trackingId(org, e));
            const prior = byFile.get(base);
            if (prior !== undefined) {
              throw new InputError({
                path: `events[${picked[i]!.index}].id`,
                ...where.event(picked[i]!.index, ['id']),
                message: `event "${e.id}" would get the same CSAF tracking id and draft file (${base}) as event "${prior}" (case and characters outside a-z, 0-9, + and - are not told apart there); give one of them another id`,
              });
            }
            byFile.set(base, e.id);
            // File systems take names up to 255 bytes (NAME_MAX): say which id makes it longer,
            // before anything is written (the writer would create the folder, then fail).
            const longest = base.replace(/\.json$/, '.openvex.json');
            if (Buffer.byteLength(longest) > 255) {
              throw new InputError({
                path: `events[${picked[i]!.index}].id`,
                ...where.event(picked[i]!.index, ['id']),
                message: `the draft file name for event "${e.id.length > 60 ? `${e.id.slice(0, 59)}…` : e.id}" (${longest.length} characters: the organization id, the event id and .openvex.json) is longer than the 255 a file name may have; give the event a shorter id`,
              });
            }
            const csaf = csafAdvisory(org, e, asOf);
            files.push({ path: join(opts.drafts, base), data: JSON.stringify(csaf, null, 2) + '\n' });
            files.push({ path: join(opts.drafts, base.replace(/\.json$/, '.openvex.json')), data: JSON.stringify(openVex(org, e, asOf), null, 2) + '\n' });
          }
        }
        if (opts.output) files.push({ path: opts.output, data: text });
        refuseInputTargets(files, paths, opts.output);
        writeOutputFiles(files);
        if (!opts.output) ctx.io.out(text);
        if (opts.drafts && files.length) {
          const n = files.filter((f) => f.path !== opts.output).length;
          ctx.io.err(`wrote ${n} draft file${n === 1 ? '' : 's'} to ${opts.drafts}\n`);
        }
        ctx.setExit(result.summary.overdue > 0 ? ExitCode.findings : ExitCode.ok);
      });
  },
};

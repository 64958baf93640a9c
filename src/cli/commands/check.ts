import type { CommandModule } from '../command.js';
import { check } from '../../check.js';
import { stageLine } from '../io.js';
import { parseDateFlag, parseFormat, styler } from '../format.js';
import { renderCheckText } from '../render/check-text.js';
import { writeCheckJson } from '../render/check-json.js';
import { outputWidth } from '../render/text.js';
import { PACKS } from '../../packs/index.js';
import { ExitCode } from '../../common/errors.js';

export const command: CommandModule = {
  register(program, ctx) {
    program
      .command('check')
      .description('Decide every data flow in an inventory under each regime, with citations and dated obligations.')
      .argument('<inventory...>', 'inventory files (YAML or JSON) or directories of them; all are merged into one')
      .option('--as-of <date>', 'evaluate as of this date, YYYY-MM-DD (default: today, UTC)')
      .option('--pack <id...>', `only these regimes (${PACKS.map((p) => p.id).join(', ')}; default: all of them)`)
      .option('-f, --format <format>', 'text or json', 'text')
      .option('--explain', 'text: show every reason and rule, not just the first')
      .addHelpText(
        'after',
        `
Each flow gets one decision per regime: an outcome in the regime's own words
(prohibited, restricted, security_assessment, exempt, …), a verdict (blocked,
conditional, permitted, not_applicable), the rules that decided with their
citations, the reasons, and obligations with due dates.

--pack takes one or more ids: put it after the inventory paths, or it reads
them as pack ids too.

Examples:
  # the demo has blocked flows: these exit 1
  $ datacustoms check examples/demo --as-of 2026-12-01   # exits 1
  $ datacustoms check examples/demo --as-of 2026-12-01 --explain   # exits 1
  $ datacustoms check examples/demo --format json > decisions.json   # exits 1
  $ datacustoms check examples/demo --pack us.doj.dsp cn.xborder   # exits 1
  # before 28 CFR 202 took effect (2025-04-08) it judged none of the flows:
  $ datacustoms check examples/demo --as-of 2025-04-07 --pack us.doj.dsp

In CI, \`datacustoms check inventory/\` gates a change to the data map: exit 1
fails the job.

Exit codes: 0 nothing blocks; 1 a verdict is blocked or an obligation is
overdue; 2 bad input (the message names file, line:column and field);
3 internal error. JSON: docs/check.md.`,
      )
      .action((files: string[], opts: { asOf?: string; pack?: string[]; format?: string; explain?: boolean }) => {
        const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
        if (opts.asOf !== undefined) parseDateFlag(opts.asOf, '--as-of');
        const stage = stageLine(ctx.io);
        try {
          const result = check({ files, asOf: opts.asOf, packs: opts.pack }, stage);
          // On a terminal the output itself follows: the line is cleared for it.
          stage(ctx.io.isTTY ? '' : 'writing…');
          if (format === 'json') writeCheckJson(result, (chunk) => ctx.io.outBytes(chunk));
          else ctx.io.out(renderCheckText(result, styler(ctx.io.isTTY), { explain: Boolean(opts.explain), width: outputWidth(ctx.io) }));
          ctx.setExit(result.summary.blocking ? ExitCode.findings : ExitCode.ok);
        } finally {
          stage('');
        }
      });
  },
};

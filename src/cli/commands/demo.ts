import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import type { CommandModule } from '../command.js';
import { check } from '../../check.js';
import { parseFormat, styler } from '../format.js';
import { renderCheckText } from '../render/check-text.js';
import { writeCheckJson } from '../render/check-json.js';
import { fitColumns, outputWidth, wrap } from '../render/text.js';

/** The bundled demo inventory (examples/demo), found relative to this module in src/ and dist/. */
export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'demo');
/** The demo is judged on a fixed date so that its output is reproducible. */
export const DEMO_AS_OF = '2026-12-01';

export const command: CommandModule = {
  register(program, ctx) {
    program
      .command('demo')
      .description('Run `check` on the bundled example: a US company with a China subsidiary, a Singapore vendor 60 % owned by a Chinese group, and more.')
      .option('-f, --format <format>', 'text or json', 'text')
      .option('--explain', 'text: show every reason and rule')
      .addHelpText(
        'after',
        `
The inventory lives in examples/demo/ (one file per section; its README lists
where each outcome occurs). The demo is judged as of ${DEMO_AS_OF}, so its
output does not change from day to day.

Examples:
  $ datacustoms demo
  $ datacustoms demo --explain       # every reason and rule
  $ datacustoms demo --format json   # the JSON of \`check\` (docs/check.md)
  # the same decisions, with check's exit code:
  $ datacustoms check examples/demo --as-of ${DEMO_AS_OF}   # exits 1

Exit codes: 0, even though the example has blocking findings (\`datacustoms
check\` exits 1 on them); 2 for a bad flag.`,
      )
      .action((opts: { format?: string; explain?: boolean }) => {
        const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
        const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
        if (format === 'json') {
          writeCheckJson(result, (chunk) => ctx.io.outBytes(chunk));
          return;
        }
        const s = styler(ctx.io.isTTY);
        const width = outputWidth(ctx.io);
        const where = relative(process.cwd(), DEMO_DIR) || '.';
        const story =
          `Acme Analytics, Inc. (US, 30 % owned by a Chinese fund) and its Shanghai and Shenzhen subsidiaries: ` +
          `US customer data to a Singapore vendor 60 % owned by a Chinese group, payroll via Shanghai, audience ` +
          `segments to a UK broker suspected of reselling them, a rejected offer from a Chinese data exchange, a ` +
          `contractor in Beijing about to get access to US customer data; Chinese users' data to the US, ` +
          `remote access from Singapore, notified important data under an assessment about to expire, and a US ` +
          `court's request for data stored in China. Inventory: ${where}/  ·  as of\u00a0${DEMO_AS_OF}`;
        ctx.io.out(s.bold('datacustoms demo') + '\n' + wrap(story, width, '', '').map((l) => s.dim(l)).join('\n') + '\n\n');
        // the demo exits 0: the summary says what `check` would do instead of "→ exit 1"
        ctx.io.out(renderCheckText(result, s, { explain: Boolean(opts.explain), width, blockingNote: '→ check exits 1 (the demo exits 0)' }));
        // each command with what it gives; the note goes below the command when both do not fit
        const next = fitColumns(
          [
            [`Next: datacustoms check ${where} --as-of ${DEMO_AS_OF} --explain`, '(every reason and rule)'],
            [`      datacustoms check ${where} --as-of ${DEMO_AS_OF} --format json`, '(the stable JSON contract, docs/check.md)'],
            ['      datacustoms schema > inventory.schema.json', '(editor autocompletion)'],
            ['      datacustoms check inventory/', '(your own inventory: docs/inventory.md)'],
          ],
          width,
          { indent: '        ' },
        );
        ctx.io.out('\n' + next.flat().map((l) => s.dim(l)).join('\n') + '\n');
      });
  },
};

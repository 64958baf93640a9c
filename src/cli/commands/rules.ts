import type { CommandModule } from '../command.js';
import { PACKS } from '../../packs/index.js';
import { resolvePacks } from '../../check.js';
import { parseFormat, styler } from '../format.js';
import { fitColumns, outputWidth } from '../render/text.js';

export const command: CommandModule = {
  register(program, ctx) {
    program
      .command('rules')
      .description('List the rules of each pack: id, citation, effective window and title. Filter by a citation or word.')
      .argument('[search]', 'only rules whose id, citation or title contains this text (case-insensitive), e.g. 202.401 or "Art. 7"')
      .option('--pack <id...>', `only these packs (${PACKS.map((p) => p.id).join(', ')}; default: all of them)`)
      .option('-f, --format <format>', 'text or json', 'text')
      .addHelpText(
        'after',
        `
Each rule is the code that decides one article: its id (<pack>/<section>, as
\`check\` cites it in "rules"), the citation, the window in which it applies
(from…to) and what it says.

Examples:
  $ datacustoms rules 202.302                     # a rule from its citation
  $ datacustoms rules "Art. 7" --pack cn.xborder  # Art. 7 rules of one pack
  $ datacustoms rules --pack cn.xborder --format json

Exit codes: 0 (also when nothing matches: "no rule matches"); 2 for an
unknown pack or format.
JSON: [{"pack","id","citation","title","effective":{"from","until"?},
"exceptionTo","reads","sourceUrl"?}].`,
      )
      .action((search: string | undefined, opts: { pack?: string[]; format?: string }) => {
        const format = parseFormat(opts.format, ['text', 'json'] as const, 'text');
        const needle = search?.toLowerCase();
        const rows = resolvePacks(opts.pack).flatMap((p) =>
          p.rules
            .filter((r) => !needle || `${r.id} ${r.citation} ${r.title}`.toLowerCase().includes(needle))
            .map((r) => ({ pack: p.id, id: r.id, citation: r.citation, title: r.title, effective: r.effective, exceptionTo: r.exceptionTo ?? [], reads: r.reads, sourceUrl: r.sourceUrl })),
        );
        if (format === 'json') {
          ctx.io.out(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        const s = styler(ctx.io.isTTY);
        // id, window, citation, title; what does not fit goes on the next line (citation · title)
        const lines = fitColumns(
          rows.map((r) => [r.id, s.gray(`${r.effective.from}…${r.effective.until ?? ''}`), s.cyan(r.citation), r.title + (r.exceptionTo.length ? s.gray(` (exception to ${r.exceptionTo.length} rule(s))`) : '')]),
          outputWidth(ctx.io),
          { indent: '    ', join: ' · ' },
        ).flat();
        ctx.io.out((lines.length ? lines.join('\n') : 'no rule matches') + '\n');
      });
  },
};

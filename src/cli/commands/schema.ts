import type { CommandModule } from '../command.js';
import { inventoryJsonSchema } from '../../inventory/json-schema.js';
import { parseFormat } from '../format.js';

export const command: CommandModule = {
  register(program, ctx) {
    program
      .command('schema')
      .description('Print the JSON Schema of the inventory (generated from the validators), for editor autocompletion.')
      .option('-f, --format <format>', 'json (the only format)', 'json')
      .addHelpText(
        'after',
        `
The schema describes one inventory file: every section is optional in it
(that exactly one file declares the organization is checked when \`check\`
loads them). Reference: docs/inventory.md.

Examples:
  $ datacustoms schema > inventory.schema.json
  # then, on the first line of each YAML inventory file (yaml-language-server):
  # yaml-language-server: $schema=./inventory.schema.json

Exit codes: 0 ok; 2 for a --format other than json.`,
      )
      .action((opts: { format?: string }) => {
        parseFormat(opts.format, ['json'] as const, 'json');
        ctx.io.out(JSON.stringify(inventoryJsonSchema(), null, 2) + '\n');
      });
  },
};

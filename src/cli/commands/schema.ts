import type { CommandModule } from '../command.js';
import { inventoryJsonSchema } from '../../inventory/json-schema.js';

export const command: CommandModule = {
  register(program, ctx) {
    program
      .command('schema')
      .description('Print the JSON Schema of the inventory (generated from the validators), for editor autocompletion.')
      .option('--format <format>', 'json (the only format)', 'json')
      .addHelpText(
        'after',
        `
Examples:
  datacustoms schema > inventory.schema.json
  # then, in a YAML inventory (yaml-language-server):
  # yaml-language-server: $schema=./inventory.schema.json`,
      )
      .action(() => {
        ctx.io.out(JSON.stringify(inventoryJsonSchema(), null, 2) + '\n');
      });
  },
};

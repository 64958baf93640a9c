/**
 * The JSON Schema of the inventory, generated from the zod validators (so it cannot drift),
 * for editors: point `$schema` at it, or use `datacustoms schema > inventory.schema.json`.
 */
import { z } from 'zod';
import { Inventory } from './schema.js';

export function inventoryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Inventory, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://datacustoms.dev/schema/inventory.v1.json',
    title: 'datacustoms inventory',
    description: 'What an organization holds, where it sends it, and to whom: the input of `datacustoms check`.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/**
 * The JSON Schema of the inventory, generated from the zod validators (so it cannot drift),
 * for editors: point `$schema` at it, or use `datacustoms schema > inventory.schema.json`.
 *
 * It describes one inventory file, as `check` validates each (InventoryPart): an inventory may be
 * split across files, and only one of them declares the organization (load.ts checks that).
 */
import { z } from 'zod';
import { InventoryPart } from './schema.js';

export function inventoryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(InventoryPart, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://datacustoms.dev/schema/inventory.v1.json',
    title: 'datacustoms inventory',
    description: 'What an organization holds, where it sends it, and to whom: the input of `datacustoms check`.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

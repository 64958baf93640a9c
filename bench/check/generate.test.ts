import { describe, expect, it } from 'vitest';
import { parseInventoryText } from '../../src/inventory/load.js';
import { DEFAULTS, generate } from './generate.js';

describe('the check benchmark inventory (generate.ts)', () => {
  it('is an inventory the loader accepts, as `datacustoms check` reads it (references, shares ≤ 100 %)', () => {
    const gen = generate({ ...DEFAULTS, flows: 5_000 });
    const inv = parseInventoryText(JSON.stringify(gen.input), 'check-inventory.json');
    expect(inv.flows).toHaveLength(5_000);
    expect(inv.entities.length).toBe(DEFAULTS.entities);
    for (const e of inv.entities) expect(e.owners.reduce((s, o) => s + (o.percent ?? 0), 0)).toBeLessThanOrEqual(100);
  });
  it('is the same for the same seed', () => {
    const a = generate({ ...DEFAULTS, flows: 500 });
    const b = generate({ ...DEFAULTS, flows: 500 });
    expect(JSON.stringify(a.input)).toBe(JSON.stringify(b.input));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inventory } from '../testing/inventory.js';
import { deriveVolumes, activeIn } from './volumes.js';
import { addDays } from '../time/civil-date.js';
import type { Flow } from '../inventory/schema.js';

const day = (n: number) => addDays('2025-01-01', n);

describe('windowBase (since-1-January totals, swept once for all dates)', () => {
  it('property: equals the brute-force per-dataset maximum and membership, for any date', () => {
    const arbFlow = fc.record({
      ds: fc.integer({ min: 0, max: 3 }),
      n: fc.integer({ min: 0, max: 1000 }),
      start: fc.option(fc.integer({ min: -60, max: 400 }), { nil: undefined }),
      len: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      from: fc.constantFrom('org', 'other'),
      counted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 25 }), fc.integer({ min: 0, max: 364 }), (specs, q) => {
        const inv = inventory({
          entities: [{ id: 'other', name: 'Other', kind: 'company', organizedIn: 'CN' }, { id: 'r', name: 'R', kind: 'company', organizedIn: 'SG' }],
          datasets: [0, 1, 2, 3].map((i) => ({ id: `d${i}`, categories: ['name' as const], subjects: { CN: 10 * i } })),
          flows: specs.map((s, i) => ({
            id: `f${i}`,
            dataset: `d${s.ds}`,
            ...(s.from === 'other' ? { from: 'other' } : {}),
            recipient: 'r',
            destination: 'SG',
            kind: 'transfer' as const,
            subjects: { CN: s.n },
            ...(s.start !== undefined ? { start: day(s.start) } : {}),
            ...(s.start !== undefined && s.len !== undefined ? { end: day(s.start + s.len) } : {}),
          })),
        });
        const countedIds = new Set(specs.flatMap((s, i) => (s.counted ? [`f${i}`] : [])));
        const include = (f: Flow) => countedIds.has(f.id);
        const date = day(q);
        const base = deriveVolumes(inv, date).windowBase('us-co', '2025-01-01', date, 'CN', include);
        const expected = new Map<string, number>();
        for (const f of inv.flows) {
          const admitted = (f.from ?? 'us-co') === 'us-co' && include(f) && activeIn(f, '2025-01-01', date);
          expect(base.has(f)).toBe(admitted);
          if (admitted) expected.set(f.dataset, Math.max(expected.get(f.dataset) ?? 0, f.subjects!['CN']!));
        }
        expect(new Map([...base.perDataset].sort())).toEqual(new Map([...expected].sort()));
      }),
      { numRuns: 200 },
    );
  });
});

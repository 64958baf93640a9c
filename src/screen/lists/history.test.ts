import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listingPeriods, orderImports, type ImportPoint } from './history.js';

const imp = (id: number, listDate: string, partial = false): ImportPoint => ({ id, listDate, partial });

describe('listingPeriods', () => {
  it('opens on the first edition that has the entry and closes on the first complete one without it', () => {
    const imports = [imp(1, '2024-01-01'), imp(2, '2025-01-01'), imp(3, '2026-01-01')];
    expect(listingPeriods(imports, (id) => id !== 2)).toEqual([
      { from: '2024-01-01', until: '2025-01-01', fromImport: 1, untilImport: 2 },
      { from: '2026-01-01', fromImport: 3 },
    ]);
    expect(listingPeriods(imports, (id) => id === 2)).toEqual([{ from: '2025-01-01', until: '2026-01-01', fromImport: 2, untilImport: 3 }]);
    expect(listingPeriods(imports, () => false)).toEqual([]);
  });

  it('an excerpt (partial import) never ends a listing', () => {
    const imports = [imp(1, '2024-01-01'), imp(2, '2025-01-01', true)];
    expect(listingPeriods(imports, (id) => id === 1)).toEqual([{ from: '2024-01-01', fromImport: 1 }]);
  });

  it('imports of the same list date are one edition', () => {
    const imports = orderImports([imp(2, '2025-01-01'), imp(1, '2024-01-01'), imp(3, '2025-01-01')]);
    expect(imports.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(listingPeriods(imports, (id) => id !== 2)).toEqual([{ from: '2024-01-01', fromImport: 1 }]);
  });

  const scenario = fc
    .array(fc.record({ day: fc.integer({ min: 0, max: 30 }), partial: fc.boolean(), present: fc.boolean() }), { minLength: 1, maxLength: 12 })
    .map((rows) =>
      rows.map((r, i) => ({ ...imp(i + 1, `2025-01-${String(r.day + 1).padStart(2, '0')}`, r.partial), present: r.present })),
    );

  it('periods are ordered, disjoint, and every edition holding the entry lies inside one (property)', () => {
    fc.assert(
      fc.property(scenario, (rows) => {
        const present = new Set(rows.filter((r) => r.present).map((r) => r.id));
        const periods = listingPeriods(orderImports(rows), (id) => present.has(id));
        for (let k = 0; k < periods.length; k++) {
          const p = periods[k]!;
          if (p.until !== undefined) expect(p.from < p.until).toBe(true);
          if (k < periods.length - 1) expect(p.until).toBeDefined();
          const next = periods[k + 1];
          if (next && p.until) expect(p.until <= next.from).toBe(true);
        }
        const inside = (d: string) => periods.some((p) => p.from <= d && (p.until === undefined || d < p.until));
        for (const r of rows) if (r.present) expect(inside(r.listDate)).toBe(true);
        // A complete edition without the entry, on a date no import of it holds, is outside every period.
        for (const r of rows) {
          const sameDayHolds = rows.some((o) => o.listDate === r.listDate && o.present);
          if (!r.present && !r.partial && !sameDayHolds) expect(inside(r.listDate)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order the files were imported in (property)', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort((a, b) => ((a.id * 7919 + seed) % 13) - ((b.id * 7919 + seed) % 13)).map((r, i) => ({ ...r, id: i + 1 }));
        const run = (rs: typeof rows) => {
          const has = new Set(rs.filter((r) => r.present).map((r) => r.id));
          return listingPeriods(orderImports(rs), (id) => has.has(id)).map((p) => [p.from, p.until]);
        };
        expect(run(shuffled)).toEqual(run(rows));
      }),
      { numRuns: 300 },
    );
  });
});

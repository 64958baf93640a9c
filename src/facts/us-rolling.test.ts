import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inventory } from '../testing/inventory.js';
import { deriveVolumes, activeIn, judgedOn } from './volumes.js';
import { addDays, addMonths, dateOrdinal } from '../time/civil-date.js';
import type { Flow, Inventory } from '../inventory/schema.js';

const day = (n: number) => addDays('2025-01-01', n);

/** 202.205 by the letter: the pair's flows active in the 12 months to the judged date, plus the flow. */
function bruteForce(inv: Inventory, flow: Flow, asOf: string) {
  const date = judgedOn(flow, asOf);
  const from = addMonths(date, -12);
  const org = inv.organization.id;
  const group = inv.flows.filter((f) => (f.from ?? org) === (flow.from ?? org) && f.recipient === flow.recipient && (f === flow || activeIn(f, from, date)));
  const per = new Map<string, { dataset: string; subjects: number; devices: number; devicesFromPersons: boolean }>();
  for (const f of group) {
    const ds = inv.datasets.find((d) => d.id === f.dataset);
    const subjects = f.subjects?.['US'] ?? ds?.subjects['US'] ?? 0;
    // no device count declared: the U.S. persons, one device each
    const declared = f.usDevices ?? ds?.usDevices;
    const devices = declared ?? subjects;
    const cur = per.get(f.dataset);
    per.set(f.dataset, {
      dataset: f.dataset,
      subjects: Math.max(cur?.subjects ?? 0, subjects),
      devices: Math.max(cur?.devices ?? 0, devices),
      devicesFromPersons: (cur?.devicesFromPersons ?? false) || declared === undefined,
    });
  }
  return {
    window: { from, to: date },
    datasets: [...per.values()].sort((a, b) => (a.dataset < b.dataset ? -1 : 1)),
    flows: group.map((f) => f.id),
  };
}

describe('usRolling12 (28 CFR 202.205 aggregation over the preceding 12 months)', () => {
  it('property: equals the brute-force aggregate for every flow, whatever the dates and pairs', () => {
    const arbFlow = fc.record({
      ds: fc.integer({ min: 0, max: 3 }),
      n: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
      devices: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      start: fc.option(fc.integer({ min: -400, max: 900 }), { nil: undefined }),
      len: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      from: fc.constantFrom('org', 'other'),
      to: fc.constantFrom('r1', 'r2'),
      // Dates on the window's edges: ending on the first day of the as-of window (or a day
      // either side), starting on the as-of date (or a day either side).
      edge: fc.constantFrom(undefined, 'end', 'start'),
      delta: fc.integer({ min: -1, max: 1 }),
    });
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 30 }), fc.integer({ min: 0, max: 800 }), (specs, q) => {
        const asOf = day(q);
        const windowStart = addMonths(asOf, -12);
        const inv = inventory({
          entities: [
            { id: 'other', name: 'Other', kind: 'company', organizedIn: 'US' },
            { id: 'r1', name: 'R1', kind: 'company', organizedIn: 'CN' },
            { id: 'r2', name: 'R2', kind: 'company', organizedIn: 'SG' },
          ],
          datasets: [0, 1, 2, 3].map((i) => ({ id: `d${i}`, categories: ['precise_geolocation' as const], subjects: { US: 1000 * i }, usDevices: 10 * i })),
          flows: specs.map((s, i) => ({
            id: `f${i}`,
            dataset: `d${s.ds}`,
            ...(s.from === 'other' ? { from: 'other' } : {}),
            recipient: s.to,
            destination: 'CN',
            kind: 'transfer' as const,
            ...(s.n !== undefined ? { subjects: { US: s.n } } : {}),
            ...(s.devices !== undefined ? { usDevices: s.devices } : {}),
            ...(s.edge === 'end'
              ? { start: addDays(windowStart, -30), end: addDays(windowStart, s.delta) }
              : s.edge === 'start'
                ? { start: addDays(asOf, s.delta) }
                : {
                    ...(s.start !== undefined ? { start: day(s.start) } : {}),
                    ...(s.start !== undefined && s.len !== undefined ? { end: day(s.start + s.len) } : {}),
                  }),
          })),
        });
        const volumes = deriveVolumes(inv, asOf);
        const date = (f: Flow) => judgedOn(f, asOf);
        // Pair order: every position once, each pair's flows together and in inventory order.
        const order = [...volumes.pairOrder()];
        expect([...order].sort((a, b) => a - b)).toEqual(inv.flows.map((_, i) => i));
        const pairKey = (i: number) => `${inv.flows[i]!.from ?? 'org'}>${inv.flows[i]!.recipient}`;
        const seen = new Set<string>();
        order.forEach((i, k) => {
          if (k > 0 && pairKey(order[k - 1]!) === pairKey(i)) expect(order[k - 1]!).toBeLessThan(i);
          else {
            expect(seen.has(pairKey(i))).toBe(false);
            seen.add(pairKey(i));
          }
        });
        // The pair bounds cut that order into the pairs: one pair per slice, every pair once.
        const bounds = [...volumes.pairBounds()];
        expect(bounds[0]).toBe(0);
        expect(bounds[bounds.length - 1]).toBe(order.length);
        expect(bounds.length - 1).toBe(seen.size);
        for (let k = 0; k + 1 < bounds.length; k++) {
          const slice = order.slice(bounds[k], bounds[k + 1]);
          expect(slice.length).toBeGreaterThan(0);
          expect(new Set(slice.map(pairKey)).size).toBe(1);
        }
        const positions = inv.flows.map((_, i) => i);
        // A released pair's aggregates are made again, the same (released before, between and
        // after the queries below).
        const releaseAll = () => {
          for (let k = 0; k + 1 < bounds.length; k++) volumes.releasePair(k);
        };
        releaseAll();
        // Kept while the pair is not released, made again (equal, not the same object) after.
        if (order.length > 0) {
          const first = order[0]!;
          const kept = volumes.usWindow12(inv.flows[first]!, first);
          expect(volumes.usWindow12(inv.flows[first]!, first)).toBe(kept);
          volumes.releasePair(0);
          const again = volumes.usWindow12(inv.flows[first]!, first);
          expect(again).not.toBe(kept);
          expect({ window: again.window, datasets: again.datasets, flows: again.flows }).toEqual({ window: kept.window, datasets: kept.datasets, flows: kept.flows });
        }
        // Twice, in different orders: the per-pair caches must not depend on the order of
        // queries; with and without the flow's position in the inventory (runCheck passes it).
        for (const i of [...positions, ...[...positions].reverse()]) {
          const f = inv.flows[i]!;
          for (const index of [undefined, i]) {
            const a = volumes.usRolling12(f, index);
            const base = a.base;
            expect({ window: a.window, datasets: a.datasets, flows: a.flows }).toEqual(bruteForce(inv, f, asOf));
            // A flow outside its window extends the window's own aggregate, which lacks it.
            const date = judgedOn(f, asOf);
            expect(base !== undefined).toBe(!activeIn(f, addMonths(date, -12), date));
            if (base) expect(base.flows).toEqual(a.flows.filter((id) => id !== f.id));
            // The window alone: the aggregate without the flow when it is outside, else the same.
            const window = volumes.usWindow12(f, index);
            expect(window).toBe(base ?? volumes.usRolling12(f, index));
          }
          // A wrong position is not trusted.
          expect(volumes.usRolling12(f, (i + 1) % inv.flows.length).flows).toEqual(bruteForce(inv, f, asOf).flows);
          // The same flow as a caller may add it (not in the inventory): its pair's flows in its
          // window, and it — as if it came last in the inventory.
          const added = { ...f, id: 'added' };
          const withAdded = { ...inv, flows: [...inv.flows, added] };
          const addedAll = volumes.usRolling12(added);
          const addedAgg = { window: addedAll.window, datasets: addedAll.datasets, flows: addedAll.flows };
          expect(addedAll.base).toBeUndefined();
          expect(addedAgg).toEqual(bruteForce(withAdded, added, asOf));
          const addedWindow = volumes.usWindow12(added);
          if (activeIn(added, addMonths(date(added), -12), date(added))) expect({ window: addedWindow.window, datasets: addedWindow.datasets, flows: addedWindow.flows }).toEqual(addedAgg);
          else expect(addedWindow.flows).toEqual(addedAgg.flows.filter((id) => id !== 'added'));
          if (i % 2 === 0) releaseAll();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a flow not in the inventory is aggregated on its own', () => {
    const inv = inventory({ datasets: [{ id: 'd', categories: ['name'], subjects: { US: 5 } }], flows: [] });
    const stray = { ...inventory({ datasets: [{ id: 'd', categories: ['name'], subjects: { US: 5 } }], flows: [{ id: 'x', dataset: 'd', recipient: 'r', destination: 'CN', kind: 'transfer' }] }).flows[0]! };
    const volumes = deriveVolumes(inv, '2026-01-01');
    for (const agg of [volumes.usRolling12(stray), volumes.usRolling12(stray, 0), volumes.usWindow12(stray), volumes.usWindow12(stray, 0)]) {
      expect(agg.flows).toEqual(['x']);
      // no device count declared: the 5 U.S. persons stand in (read only for geolocation data)
      expect(agg.datasets).toEqual([{ dataset: 'd', subjects: 5, devices: 5, devicesFromPersons: true }]);
    }
  });
});

describe('dateOrdinal', () => {
  it('property: orders dates exactly as their ISO strings sort', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -200_000, max: 200_000 }), (a, b) => {
        const x = day(a);
        const y = day(b);
        expect(Math.sign(dateOrdinal(x) - dateOrdinal(y))).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
    );
  });
});

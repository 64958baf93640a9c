import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset, Flow } from '../inventory/schema.js';
import { addDays } from '../time/civil-date.js';
import { byStartDate, cnWindows } from './cn-windows.js';
import { activeIn } from './volumes.js';

const day = (n: number) => addDays('2025-01-01', n);

/** Minimal flows and datasets: only the fields the window reads. */
const arbFlow = fc.record({
  ds: fc.integer({ min: 0, max: 4 }),
  n: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  us: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  start: fc.option(fc.integer({ min: -60, max: 400 }), { nil: undefined }),
  len: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  exporter: fc.constantFrom('org', 'other'),
  counted: fc.boolean(),
});

describe('cnWindows (step functions per dataset, running totals per group)', () => {
  it('property: equals a brute-force count for every date, dataset, grouping and country, the sweep shared across queries', () => {
    fc.assert(
      fc.property(
        fc.array(arbFlow, { maxLength: 30 }),
        fc.array(fc.integer({ min: -10, max: 420 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('2025-01-01', '2024-01-01'),
        (specs, queries, groupTable, from) => {
          // Dataset d4 lists no U.S. people: a flow without its own count counts 0 of them.
          const datasets = new Map<string, Dataset>([0, 1, 2, 3, 4].map((i) => [`d${i}`, { id: `d${i}`, subjects: i === 4 ? { CN: 7 * i } : { CN: 7 * i, US: 3 * i + 1 } } as unknown as Dataset]));
          const flows = specs.map(
            (s, i) =>
              ({
                id: `f${i}`,
                dataset: `d${s.ds}`,
                ...(s.n !== undefined || s.us !== undefined ? { subjects: { ...(s.n !== undefined ? { CN: s.n } : {}), ...(s.us !== undefined ? { US: s.us } : {}) } } : {}),
                ...(s.start !== undefined ? { start: day(s.start) } : {}),
                ...(s.start !== undefined && s.len !== undefined ? { end: day(s.start + s.len) } : {}),
              }) as unknown as Flow,
          );
          const byExporter = new Map<string, Flow[]>();
          flows.forEach((f, i) => {
            const x = specs[i]!.exporter;
            byExporter.set(x, [...(byExporter.get(x) ?? []), f]);
          });
          const counted = new Set(specs.flatMap((s, i) => (s.counted ? [`f${i}`] : [])));
          const onlyCounted = (f: Flow) => counted.has(f.id);
          const everyFlow = () => true;
          const groupOf = (dataset: string) => groupTable[Number(dataset.slice(1))]!;
          const windows = cnWindows(byExporter, datasets);
          // Two admission rules on the same windows, queries interleaved: each reads its own subset
          // of the exporter's flows (sorted once for both).
          for (const q of queries) for (const include of [onlyCounted, everyFlow]) for (const country of ['CN', 'US']) {
            const date = day(q);
            const base = windows.windowBase('org', from, date, country, include);
            expect(base.window).toEqual({ from, to: date });
            const expected = new Map<string, number>();
            flows.forEach((f, i) => {
              const admitted = specs[i]!.exporter === 'org' && include(f) && activeIn(f, from, date);
              expect(base.has(f)).toBe(admitted);
              const n = f.subjects?.[country] ?? datasets.get(f.dataset)!.subjects[country] ?? 0;
              if (admitted) expected.set(f.dataset, Math.max(expected.get(f.dataset) ?? 0, n));
            });
            expect(new Map([...base.perDataset].sort())).toEqual(new Map([...expected].sort()));
            for (const d of datasets.keys()) expect(base.largest(d)).toBe(expected.get(d));
            const sums = [0, 0, 0];
            for (const [d, n] of expected) if (groupOf(d) >= 0) sums[groupOf(d)]! += n;
            expect(base.totals(groupOf, 3)).toEqual(sums);
            expect(base.totals(groupOf, 2)).toEqual(sums.slice(0, 2));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has no flows for an exporter without any, and counts undated flows as begun', () => {
    const datasets = new Map<string, Dataset>([['d', { id: 'd', subjects: { CN: 5 } } as unknown as Dataset]]);
    const f = { id: 'f', dataset: 'd' } as unknown as Flow;
    const windows = cnWindows(new Map([['org', [f]]]), datasets);
    const none = windows.windowBase('nobody', '2025-01-01', '2025-06-30', 'CN', () => true);
    expect(none.perDataset.size).toBe(0);
    expect(none.totals(() => 0, 1)).toEqual([0]);
    const base = windows.windowBase('org', '2025-01-01', '2025-06-30', 'CN', () => true);
    expect(base.has(f)).toBe(true);
    expect(base.largest('d')).toBe(5);
    expect(base.totals(() => 0, 1)).toEqual([5]);
  });
});

describe('byStartDate', () => {
  const arbDate = fc.oneof(
    fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2024-01-01', n)),
    fc.integer({ min: -700_000, max: 2_900_000 }).map((n) => addDays('1970-01-01', n)),
  );
  it('property: a stable sort by start date, undated first, whatever the number of flows and the spread of their dates', () => {
    fc.assert(
      fc.property(fc.array(fc.option(arbDate, { nil: undefined }), { maxLength: 400, size: 'max' }), fc.boolean(), (starts, narrow) => {
        const flows = starts.map((start, i) => ({ id: `f${i}`, ...(start !== undefined ? { start: narrow ? start.replace(/^\d{4}/, '2025') : start } : {}) }) as unknown as Flow);
        const expected = flows.map((f, i) => ({ f, i })).sort((a, b) => ((a.f.start ?? '') < (b.f.start ?? '') ? -1 : (a.f.start ?? '') > (b.f.start ?? '') ? 1 : a.i - b.i)).map((x) => x.f);
        expect(byStartDate(flows)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { heldOn, heldSpan, isDated, peakShares } from './held.js';
import { addDays } from '../time/civil-date.js';

const DAY0 = '2026-01-01';
const day = (k: number) => addDays(DAY0, k);

describe('links held for a period', () => {
  it('both ends are inclusive; open ends run on', () => {
    const l = { from: '2026-01-10', until: '2026-01-20' };
    expect([heldOn(l, '2026-01-09'), heldOn(l, '2026-01-10'), heldOn(l, '2026-01-20'), heldOn(l, '2026-01-21')]).toEqual([false, true, true, false]);
    expect(heldOn({}, '0001-01-01')).toBe(true);
    expect(heldOn({ until: '2026-01-20' }, '1900-01-01')).toBe(true);
    expect(isDated({})).toBe(false);
    expect(isDated({ until: '2026-01-20' })).toBe(true);
    expect(heldSpan({})).toBe('');
    expect(heldSpan(l)).toBe(' (held 2026-01-10 to 2026-01-20)');
    expect(heldSpan({ from: '2026-01-10' }, '')).toBe(' (from 2026-01-10)');
  });

  it('property: the peak of shares held at once equals a day-by-day count, and is first reached on the date given', () => {
    const edge = fc.record({
      percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      from: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      span: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 8 }), (raw) => {
        const edges = raw.map((e) => ({
          percent: e.percent,
          from: e.from === undefined ? undefined : day(e.from),
          until: e.span === undefined ? undefined : day((e.from ?? 0) + e.span),
        }));
        const got = peakShares(edges);
        // day by day, from a day before every start to the last end
        let best = 0;
        let first: number | undefined;
        for (let k = -1; k <= 61; k++) {
          const d = k < 0 ? '1900-01-01' : day(k);
          let total = 0;
          for (const e of edges) if (heldOn(e, d)) total += e.percent ?? 0;
          if (total > best) {
            best = total;
            first = k;
          }
        }
        expect(got.total).toBe(best);
        if (best === 0) return;
        // reached before any start date (undefined) or first on the date given
        if (first === -1) expect(got.on).toBeUndefined();
        else expect(got.on).toBe(day(first!));
      }),
      { numRuns: 500 },
    );
  });
});

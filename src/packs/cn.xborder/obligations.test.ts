import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { obligation as build } from '../../engine/obligation.js';
import { addDays } from '../../time/civil-date.js';
import { obligation } from './obligations.js';

const date = fc.integer({ min: 0, max: 40 }).map((n) => addDays('2026-06-10', n));
const duty = fc.record(
  {
    id: fc.constantFrom('cn.xborder/pipl.55', 'cn.xborder/pipl.39.notice'),
    what: fc.constantFrom('Do it.', 'Do it before the transfer.'),
    citation: fc.constantFrom('PIPL Art. 39', 'PIPL Art. 55'),
    to: fc.constantFrom('the individuals', ''),
    due: date,
    doneOn: date,
  },
  { requiredKeys: ['id', 'what', 'citation'] },
);

describe('shared obligations', () => {
  it('property: the same as the engine builds, and one object per distinct duty and as-of date', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(duty, date), { maxLength: 30 }), (calls) => {
        const seen = new Map<string, unknown>();
        for (const [o, asOf] of calls) {
          const got = obligation(o, asOf);
          const want = build(o, asOf);
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          expect(Object.isFrozen(got)).toBe(true);
          // The same input gives the same object (inputs differing only in a date the result
          // does not show, e.g. when a done duty was done, may still give different objects).
          const key = JSON.stringify([o.id, o.what, o.citation, o.to || undefined, o.due, o.doneOn, asOf]);
          if (seen.has(key)) expect(got).toBe(seen.get(key));
          seen.set(key, got);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart duties that differ only in due date, status, text, recipient or citation', () => {
    const base = { id: 'cn.xborder/pipl.39.notice', what: 'Do it before the transfer.', citation: 'PIPL Art. 39', to: 'the individuals', due: '2026-03-01' };
    const asOf = '2026-02-01';
    const variants = [
      base,
      { ...base, due: '2026-03-02' },
      { ...base, due: undefined },
      { ...base, doneOn: '2026-01-15' },
      { ...base, what: 'Another text.' },
      { ...base, to: undefined },
      { ...base, to: 'the regulator' },
      { ...base, citation: 'PIPL Art. 55' },
    ];
    const made = variants.map((v) => obligation(v, asOf));
    expect(new Set(made).size).toBe(variants.length);
    made.forEach((m, i) => expect(JSON.stringify(m)).toBe(JSON.stringify(build(variants[i]!, asOf))));
    // The same duty as of a date on which it is overdue is another object.
    expect(obligation(base, '2026-04-01')).not.toBe(made[0]);
    expect(obligation(base, '2026-04-01').status).toBe('overdue');
    expect(obligation(base, asOf)).toBe(made[0]);
  });
});

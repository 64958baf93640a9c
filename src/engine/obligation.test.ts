import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/civil-date.js';
import { obligation, statusOn } from './obligation.js';

describe('obligation status (obligation.ts)', () => {
  const due = '2026-03-01';

  it('is due up to and on the due date, overdue from the day after', () => {
    expect(statusOn({ due }, '2026-02-28')).toBe('due');
    expect(statusOn({ due }, due)).toBe('due');
    expect(statusOn({ due }, '2026-03-02')).toBe('overdue');
  });

  it('is ongoing without a due date, until done', () => {
    expect(statusOn({}, '2026-03-02')).toBe('ongoing');
    expect(statusOn({ doneOn: '2026-01-10' }, '2026-03-02')).toBe('done');
  });

  it('is done when done on or before the as-of date, late or not', () => {
    expect(statusOn({ due, doneOn: '2026-02-01' }, '2026-02-15')).toBe('done');
    expect(statusOn({ due, doneOn: '2026-02-15' }, '2026-02-15')).toBe('done');
    expect(statusOn({ due, doneOn: '2026-03-10' }, '2026-04-01')).toBe('done');
  });

  it('is not yet done as of a date before it was done (a check --as-of an earlier date)', () => {
    expect(statusOn({ due, doneOn: '2026-02-20' }, '2026-02-15')).toBe('due');
    expect(statusOn({ due, doneOn: '2026-03-10' }, '2026-03-05')).toBe('overdue');
    expect(statusOn({ doneOn: '2026-03-10' }, '2026-03-05')).toBe('ongoing');
    expect(obligation({ id: 'x', what: 'x', citation: 'x', due, doneOn: '2026-03-10' }, '2026-03-05').status).toBe('overdue');
  });

  it('property: as of a date, done exactly when done by then; otherwise overdue exactly after the due date', () => {
    const day = fc.integer({ min: -60, max: 60 }).map((n) => addDays(due, n));
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), day, (d, doneOn, asOf) => {
        const s = statusOn({ ...(d ? { due: d } : {}), ...(doneOn ? { doneOn } : {}) }, asOf);
        if (doneOn !== undefined && doneOn <= asOf) expect(s).toBe('done');
        else if (d === undefined) expect(s).toBe('ongoing');
        else expect(s).toBe(asOf > d ? 'overdue' : 'due');
      }),
      { numRuns: 500 },
    );
  });

  it('property: keys always in one order (id, what, citation, status, then to and due when given), none left undefined', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom('', 'CAC', 'Company BR 5259'), { nil: undefined }), fc.option(fc.constantFrom('2026-03-01', '2025-01-01'), { nil: undefined }), (to, d) => {
        const o = obligation({ id: 'a', what: 'b', citation: 'c', ...(to !== undefined ? { to } : {}), ...(d !== undefined ? { due: d } : {}) }, '2026-02-01');
        const keys = ['id', 'what', 'citation', 'status', ...(to ? ['to'] : []), ...(d ? ['due'] : [])];
        expect(Object.keys(o)).toEqual(keys);
        expect(JSON.parse(JSON.stringify(o))).toStrictEqual({ id: 'a', what: 'b', citation: 'c', status: d === undefined ? 'ongoing' : d < '2026-02-01' ? 'overdue' : 'due', ...(to ? { to } : {}), ...(d ? { due: d } : {}) });
      }),
    );
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Matcher } from './match/matcher.js';
import { designationsFrom, screen } from './screen.js';
import type { ListEntry } from './types.js';

const entry = (entityId: string, list = 'test'): ListEntry => ({
  entityId,
  list,
  programs: ['P1'],
  type: 'company',
  name: 'Acme Trading Company Limited',
  aliases: [],
  countries: ['CN'],
  listedFrom: '2021-01-01',
  source: { file: 'test.csv' },
});

/** The default collation of a machine whose locale is Lithuanian, where "y" sorts between "i" and "j". */
function lithuanianLocale(): void {
  const lt = new Intl.Collator('lt');
  vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (this: string, other: string) {
    return lt.compare(String(this), other);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('screening output does not depend on the locale of the machine', () => {
  // equal names, so equal scores: the order (and the --limit cut) is decided by the ids alone
  const entries = [entry('test:y-1'), entry('test:j-1'), entry('test:i-1'), entry('other:j-2', 'other')];
  const run = () => {
    const [r] = screen(['Acme Trading Co., Ltd.'], new Matcher(entries), { asOf: '2026-06-01', limit: 3 });
    return { ids: r!.matches.map((m) => m.entityId), designations: designationsFrom([screen(['Acme Trading Co., Ltd.'], new Matcher(entries), { asOf: '2026-06-01' })[0]!]).map((d) => d.source) };
  };

  it('ties are ordered by id in code-unit order, and --limit keeps the same entries, under any locale', () => {
    const expected = { ids: ['other:j-2', 'test:i-1', 'test:j-1'], designations: ['other:j-2', 'test:i-1', 'test:j-1', 'test:y-1'] };
    expect(run()).toEqual(expected);
    lithuanianLocale();
    expect('y'.localeCompare('j')).toBeLessThan(0); // the mocked locale is in force
    expect(run()).toEqual(expected);
  });
});

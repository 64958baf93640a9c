import { describe, expect, it } from 'vitest';
import { analyzeName } from './analyze.js';
import { compareNames, explainComparison, scoreNames } from './compare.js';
import { matchSettings } from './params.js';

const s = matchSettings();
const score = (a: string, b: string) => scoreNames(analyzeName(a, s), analyzeName(b, s), s);
const explain = (a: string, b: string) => explainComparison(compareNames(analyzeName(a, s), analyzeName(b, s), s));

describe('acronym leads', () => {
  it('a name made only of legal forms ("Co., Ltd.") is no acronym: its generic "co" is not the initials of Conte Ousmane', () => {
    for (const [q, r] of [
      ['Co., Ltd.', 'CONTE, Ousmane'],
      ['Co., Ltd.', 'CHANDYO, Omar'],
      ['CONTE, Ousmane', 'Co., Ltd.'],
    ] as const) {
      expect(score(q, r), `${q} / ${r}`).toBeLessThan(s.acronymScore);
      expect(compareNames(analyzeName(q, s), analyzeName(r, s), s).acronym).toBe(false);
    }
    // a generic word or a place alone is no acronym either
    expect(score('Group', 'Gazprom Rosneft Oil Unified Purchasing')).toBeLessThan(s.acronymScore);
  });

  it('a real acronym still scores as a lead, either way round, and the explanation names the acronym and the words it abbreviates', () => {
    expect(score('IRISL', 'Islamic Republic of Iran Shipping Lines')).toBe(s.acronymScore);
    expect(explain('IRISL', 'Islamic Republic of Iran Shipping Lines')).toBe('acronym: "irisl" = initials of islamic republic iran shipping lines');
    expect(explain('Islamic Republic of Iran Shipping Lines Co.', 'IRISL')).toBe('acronym: "irisl" = initials of islamic republic iran shipping lines');
  });
});

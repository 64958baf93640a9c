/**
 * Country sets, one per regime (they differ: us-rules.md §4.7). Dated parameters.
 */
import { param, at } from '../engine/params.js';
import type { CivilDate } from '../time/civil-date.js';

/**
 * 28 CFR 202.601 (countries of concern), effective 2025-04-08: China including Hong Kong and
 * Macau, Cuba, Iran, North Korea, Russia, Venezuela. 202.209 defines "country of concern".
 */
export const DOJ_COUNTRIES_OF_CONCERN = param<readonly string[]>(
  'us.doj.dsp.countries_of_concern',
  'Countries of concern under 28 CFR 202.601 (ISO codes; HK and MO are part of China for this rule).',
  [
    {
      from: '2025-04-08',
      value: ['CN', 'HK', 'MO', 'CU', 'IR', 'KP', 'RU', 'VE'],
      citation: '28 CFR 202.601; 202.209',
      confidence: 'secondary',
      note: 'The six governments are named in 202.601 [S]; HK and MO are included as parts of China.',
    },
  ],
);

/**
 * PADFA (15 U.S.C. 9901) foreign adversary countries: those in 10 U.S.C. 4872(d)(2).
 */
export const PADFA_FOREIGN_ADVERSARIES = param<readonly string[]>(
  'us.padfa.foreign_adversaries',
  'Foreign adversary countries under PADFA (10 U.S.C. 4872(d)(2)).',
  [{ from: '2024-06-23', value: ['KP', 'CN', 'RU', 'IR'], citation: '15 U.S.C. 9901(c); 10 U.S.C. 4872(d)(2)', confidence: 'verified' }],
);

/** Mainland China for the purposes of China's data-export rules (HK, MO, TW are outside it). */
export const CN_MAINLAND = param<readonly string[]>(
  'cn.mainland',
  'Territory in which data is "within the PRC" for PIPL/DSL export rules (数据出境): mainland China.',
  [{ from: '2017-06-01', value: ['CN'], citation: 'PIPL Art. 38; CAC Guide to Data Export Security Assessment (2nd ed. 2024)', confidence: 'secondary', note: 'Transfers to Hong Kong, Macau and Taiwan are treated as outbound in CAC practice.' }],
);

export function isDojCountryOfConcern(country: string | undefined, date: CivilDate): boolean {
  return country !== undefined && at(DOJ_COUNTRIES_OF_CONCERN, date).includes(country);
}

/** The DOJ rule first applies on 2025-04-08; before that, use the first day the set is in force. */
export function dojDate(date: CivilDate): CivilDate {
  return date < '2025-04-08' ? '2025-04-08' : date;
}

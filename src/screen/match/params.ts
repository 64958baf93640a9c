/**
 * Matching parameters. None of these is set by a regulation: they are datacustoms' calibration,
 * recorded as dated parameters (src/engine/params.ts) with the reasoning and the source that
 * informed each value, so a change is visible and can be dated like any other threshold.
 */
import { param, at, type Param } from '../../engine/params.js';
import type { CivilDate } from '../../time/civil-date.js';

const FROM = '2026-01-01' as CivilDate;
const CAL = 'datacustoms calibration on shared/cases/screening-cases.jsonl (docs/screen.md, "Calibration")';

const p = (id: string, description: string, value: number, citation: string, note?: string): Param<number> =>
  param(id, description, [{ from: FROM, value, citation, confidence: 'secondary', ...(note ? { note } : {}) }]);

export const PARAMS = {
  alertThreshold: p(
    'screen.alertThreshold',
    'Score at or above which a candidate is a match that alerts (exit 1, designation written back).',
    0.8,
    `${CAL}; yente flags at 0.70 and watchman calls 0.85+ "review" (reference/screening.md §1.1, §1.5)`,
    'Between those: 0.80 keeps the hard negatives (shared distinctive word, close spelling) out and every listed spelling variant in.',
  ),
  candidateFloor: p('screen.candidateFloor', 'Lowest score still shown by --all.', 0.5, 'yente cutoff 0.50 (reference/screening.md §1.1)'),
  weightWord: p('screen.weight.word', 'Weight of a distinctive word.', 1, CAL),
  weightWeak: p('screen.weight.weak', 'Weight of a generic word (Technology, Group, International).', 0.2, CAL, 'yente down-weights generic symbols to 0.3–0.7.'),
  weightPlace: p('screen.weight.place', 'Weight of a place word (China, Beijing, Americas).', 0.5, 'logic-v2 LOCATION weight 0.8, lowered: place words are frequent in Chinese company names'),
  weightLegal: p('screen.weight.legal', 'Weight of a legal form (Co., Ltd., JSC).', 0.3, 'logic-v2 ORG_CLASS weight 0.7 × extra-legal-form discount 0.7 ≈ 0.5; lowered'),
  weightNumber: p('screen.weight.number', 'Weight of a number (14th, 360, No. 59).', 1.3, 'logic-v2 NUMERIC weight 1.3 (reference/screening.md §1.2)'),
  weightParticle: p('screen.weight.particle', 'Weight of a personal-name particle (al, bin, abu).', 0.3, CAL),
  extraQuery: p('screen.extra.query', 'Weight of query words left unmatched.', 1, 'logic-v2 nm_extra_query_name 0.8, raised: a screened name with an extra distinctive word is usually another company'),
  extraResult: p('screen.extra.result', 'Weight of list-name words left unmatched.', 0.2, 'logic-v2 nm_extra_result_name 0.2'),
  numberMismatch: p('screen.penalty.numberMismatch', 'Factor applied when both names hold numbers that disagree.', 0.7, 'logic-v2 nm_number_mismatch 0.3 → factor 0.7'),
  countryMismatch: p('screen.penalty.country', 'Subtracted when the query country is known and not among the entry countries.', 0.1, 'logic-v2 country_mismatch −0.2, halved: list countries are often addresses, not incorporation'),
  weakAliasExact: p('screen.weakAlias.exact', 'Score of an exact match on a weak alias (short acronym).', 0.98, 'OFAC "weak AKA" (reference/screening.md §0.4); exact hits still alert, ranked below full names'),
  weakAliasFactor: p('screen.weakAlias.factor', 'Factor on a partial match through a weak alias.', 0.8, 'logic-v2 weak_alias_match weight 0.8'),
  derivedFactor: p('screen.derived.factor', 'Factor on a match through a pinyin or gloss key of a Chinese name.', 0.95, CAL),
  acronymScore: p('screen.acronym', 'Score of a query that is the initials of a listed name (or the reverse).', 0.75, CAL, 'Below the alert threshold: shown by --all as a lead.'),
  typoFloor: p('screen.typo.floor', 'Lowest similarity given to a word within the edit budget.', 0.8, CAL),
  stemSim: p('screen.sim.stem', 'Similarity of two words that share a long prefix (inflection: kasperskogo/kaspersky).', 0.9, CAL),
  abbrevSim: p('screen.sim.abbrev', 'Similarity of an abbreviation and its long form (lab/laboratories, comm/communications).', 0.85, CAL),
  legalSameGeneric: p('screen.sim.legalGeneric', 'Similarity of two legal forms of the same generic class (JSC/AO).', 0.9, 'rigour org_types generic classes'),
  legalOther: p('screen.sim.legalOther', 'Similarity of two different legal forms.', 0.7, 'logic-v2 ORG_CLASS symbol score 0.8, lowered'),
} as const;

export type ParamName = keyof typeof PARAMS;
export type MatchSettings = { readonly [K in ParamName]: number };

/** The values in force on `date` (defaults to the first date every value holds). */
export function matchSettings(date: CivilDate = FROM, overrides: Partial<MatchSettings> = {}): MatchSettings {
  const out = {} as Record<ParamName, number>;
  for (const k of Object.keys(PARAMS) as ParamName[]) out[k] = overrides[k] ?? at(PARAMS[k], date < FROM ? FROM : date);
  return out;
}

/**
 * English names of country and territory codes for reasons and messages, from the runtime's own
 * CLDR data (`Intl.DisplayNames`), so that a sentence reads "a court of the United States", not
 * "a court of US". The short CLDR form is used ("Hong Kong", "Myanmar") unless it is itself an
 * abbreviation ("US", "UK"), then the standard form ("United States", "United Kingdom").
 */

import { NOT_COUNTRIES } from './country-code.js';

const standard = new Intl.DisplayNames(['en'], { type: 'region' });
const short = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });

/** Names English writes with "the": plural or descriptive names ("the Netherlands", "the Cayman Islands"). */
const TAKES_THE = /^(United |Central African |Dominican |Czech Republic$|Philippines$|Bahamas$|Gambia$|Maldives$|Comoros$|Seychelles$|Vatican$)|(Islands|Netherlands|Republic|Territories|Territory|Emirates)$/;

const known = new Map<string, string>();

/** The name of a two-letter code ("United States", "China"), or the input unchanged when CLDR names no country or territory by it ("XX", "EU"). */
export function countryName(code: string): string {
  let name = known.get(code);
  if (name === undefined) known.set(code, (name = lookUp(code)));
  return name;
}

/** The name as it stands inside a sentence: "the United States", "the Netherlands", "China". */
export function countryInSentence(code: string): string {
  const name = countryName(code);
  return name !== code && TAKES_THE.test(name) ? `the ${name}` : name;
}

function lookUp(code: string): string {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return code;
  let s: string | undefined;
  let l: string | undefined;
  try {
    s = short.of(code);
    l = standard.of(code);
  } catch {
    return code;
  }
  if (l === undefined || l === code) return code;
  return s !== undefined && !/^[A-Z.]+$/.test(s) ? s : l;
}

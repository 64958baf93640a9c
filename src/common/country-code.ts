/**
 * ISO 3166-1 alpha-2 codes, checked against the runtime's own CLDR region data (no table of
 * 250 codes kept here): a code is a country or territory code when CLDR names it, it is not a
 * grouping (EU, UN …), and it is not an old or informal code that CLDR maps to another (UK is
 * GB, DD is DE, SU is RU, YU is RS).
 */

/** Codes CLDR names that are not countries or territories. */
export const NOT_COUNTRIES: ReadonlySet<string> = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

const names = new Intl.DisplayNames(['en'], { type: 'region' });

export type CountryCodeStatus = { readonly kind: 'country' } | { readonly kind: 'alias'; readonly current: string } | { readonly kind: 'unknown' };

/** Per code asked: an inventory repeats a few codes hundreds of thousands of times. */
const known = new Map<string, CountryCodeStatus>();

/** What a two-capital-letter code is: a country code, an old or informal one with its current code, or none. */
export function countryCodeStatus(code: string): CountryCodeStatus {
  if (!/^[A-Z]{2}$/.test(code)) return { kind: 'unknown' };
  let status = known.get(code);
  if (status === undefined) known.set(code, (status = lookUp(code)));
  return status;
}

function lookUp(code: string): CountryCodeStatus {
  if (NOT_COUNTRIES.has(code)) return { kind: 'unknown' };
  let named: string | undefined;
  try {
    named = names.of(code);
  } catch {
    return { kind: 'unknown' };
  }
  if (named === undefined || named === code) return { kind: 'unknown' };
  const current = Intl.getCanonicalLocales(`und-${code}`)[0]?.slice(4);
  if (current !== undefined && current !== code && /^[A-Z]{2}$/.test(current)) return { kind: 'alias', current };
  return { kind: 'country' };
}

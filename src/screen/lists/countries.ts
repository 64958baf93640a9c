/**
 * Country names and codes as the lists write them → ISO 3166-1 alpha-2.
 *
 * English names come from the runtime's own CLDR data (`Intl.DisplayNames`), so no table of
 * 250 names is kept here; the table below only adds the spellings the lists use that CLDR does
 * not ("Korea, North", "Burma", "Palestinian", "Cote d Ivoire", "Region: Crimea" …).
 */

import { NOT_COUNTRIES } from '../../common/country-code.js';

/** List spellings → code. Keys are compared after {@link countryKey}. */
const EXTRA_NAMES: Readonly<Record<string, string>> = {
  'korea north': 'KP',
  'north korea': 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  burma: 'MM',
  russia: 'RU',
  'russian federation': 'RU',
  iran: 'IR',
  syria: 'SY',
  palestinian: 'PS',
  palestine: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'region gaza': 'PS',
  'region crimea': 'UA',
  'congo democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  'congo republic of the': 'CG',
  'republic of the congo': 'CG',
  'cote d ivoire': 'CI',
  'ivory coast': 'CI',
  'virgin islands british': 'VG',
  'british virgin islands': 'VG',
  'bahamas the': 'BS',
  'the bahamas': 'BS',
  'gambia the': 'GM',
  'the gambia': 'GM',
  macau: 'MO',
  macao: 'MO',
  'hong kong': 'HK',
  taiwan: 'TW',
  'czech republic': 'CZ',
  czechia: 'CZ',
  turkey: 'TR',
  laos: 'LA',
  vietnam: 'VN',
  'viet nam': 'VN',
  brunei: 'BN',
  moldova: 'MD',
  tanzania: 'TZ',
  bolivia: 'BO',
  venezuela: 'VE',
  kosovo: 'XK',
  swaziland: 'SZ',
  'cape verde': 'CV',
  'micronesia federated states of': 'FM',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  china: 'CN',
  'peoples republic of china': 'CN',
  prc: 'CN',
};

/** Lower case, no accents, punctuation to spaces. */
export function countryKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let codes: ReadonlySet<string> | undefined;
let byName: ReadonlyMap<string, string> | undefined;

function build(): void {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const set = new Set<string>();
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name === undefined || name === code) continue;
      set.add(code);
      map.set(countryKey(name), code);
      // "Myanmar (Burma)" → also "Myanmar"; "Congo - Kinshasa" → also "Congo".
      const short = name.replace(/\s*\(.*\)\s*$/, '');
      if (short !== name && !map.has(countryKey(short))) map.set(countryKey(short), code);
    }
  }
  set.add('XK');
  for (const [k, v] of Object.entries(EXTRA_NAMES)) map.set(k, v);
  codes = set;
  byName = map;
}

/** True for an assigned ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  if (!codes) build();
  return codes!.has(code);
}

/**
 * A country code for a name or code as a list writes it ("China", "cn", "Korea, North",
 * "Czech Republic"), or undefined when it names no country ("undetermined", "EU", "-0-").
 */
const lookups = new Map<string, string | undefined>();

export function toCountryCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (lookups.has(value)) return lookups.get(value);
  const code = lookupCountry(value);
  if (lookups.size < 10_000) lookups.set(value, code);
  return code;
}

function lookupCountry(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(v)) {
    const up = v.toUpperCase();
    return isCountryCode(up) ? up : undefined;
  }
  if (!byName) build();
  return byName!.get(countryKey(v));
}

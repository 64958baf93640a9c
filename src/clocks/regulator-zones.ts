/**
 * Where a regulator's clock is read. Hours are elapsed time and do not depend on it; day and
 * business-day counts end at the end of the last day in this zone, and `due` is written with
 * its offset.
 */
import { countryInSentence } from '../common/country-name.js';
import type { Organization } from '../inventory/schema.js';

export const CN_ZONE = 'Asia/Shanghai';
export const US_EASTERN_ZONE = 'America/New_York';
/** Used for EU duties when the organization declares no main establishment. */
export const EU_DEFAULT_ZONE = 'Europe/Brussels';

/** IANA zone of each EU/EEA member state's capital (geography, not law). */
export const EEA_ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna', BE: 'Europe/Brussels', BG: 'Europe/Sofia', CY: 'Asia/Nicosia', CZ: 'Europe/Prague',
  DE: 'Europe/Berlin', DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', ES: 'Europe/Madrid', FI: 'Europe/Helsinki',
  FR: 'Europe/Paris', GR: 'Europe/Athens', HR: 'Europe/Zagreb', HU: 'Europe/Budapest', IE: 'Europe/Dublin',
  IT: 'Europe/Rome', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg', LV: 'Europe/Riga', MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam', PL: 'Europe/Warsaw', PT: 'Europe/Lisbon', RO: 'Europe/Bucharest', SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana', SK: 'Europe/Bratislava',
  IS: 'Atlantic/Reykjavik', LI: 'Europe/Vaduz', NO: 'Europe/Oslo',
};

export const EU_MEMBER_STATES: ReadonlySet<string> = new Set(Object.keys(EEA_ZONES).filter((c) => !['IS', 'LI', 'NO'].includes(c)));
export const EEA_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(EEA_ZONES));

/** The zone of the member state of the organization's main establishment in the EU. */
export function euZone(org: Organization): string {
  const ms = org.eu.mainEstablishment;
  return (ms && EEA_ZONES[ms]) || EU_DEFAULT_ZONE;
}

/**
 * What is missing when no EU/EEA main establishment is declared, and what to declare: said in
 * the recipient of EU duties instead of naming an authority.
 */
export function euMainEstablishmentMissing(org: Organization): string {
  const ms = org.eu.mainEstablishment;
  const what = ms ? `organization.eu.mainEstablishment is ${ms}, not an EU or EEA member state` : 'no main establishment in the EU or EEA is declared';
  return `${what}; set organization.eu.mainEstablishment to the member state's two-letter code (e.g. DE); until then EU clocks are read in ${EU_DEFAULT_ZONE}`;
}

/**
 * The member state of the main establishment as a recipient names it ("Germany"), or, when none
 * is declared, "the member state of the main establishment (none declared: set …)".
 */
export function euMemberStateLabel(org: Organization): string {
  const ms = org.eu.mainEstablishment;
  if (ms && EEA_ZONES[ms]) return countryInSentence(ms);
  return `the member state of the main establishment (${ms ? `${ms} is not an EU or EEA member state` : 'none declared'}: set organization.eu.mainEstablishment)`;
}

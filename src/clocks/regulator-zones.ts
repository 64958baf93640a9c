/**
 * Where a regulator's clock is read. Hours are elapsed time and do not depend on it; day and
 * business-day counts end at the end of the last day in this zone, and `due` is written with
 * its offset.
 */
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

/** "the coordinator CSIRT of DE" or a neutral phrase when no main establishment is declared. */
export function euMemberStateLabel(org: Organization): string {
  const ms = org.eu.mainEstablishment;
  return ms && EEA_ZONES[ms] ? ms : 'the member state of main establishment';
}

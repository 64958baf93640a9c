/**
 * What a listing's end date means: one rule for `screen` (alerts, `--as-of`, `--all`
 * not-in-force marks, inherited parent listings) and `lists` (current / delisted counts,
 * `active`, the delisted / relisted numbers an import reports).
 *
 * An end date is read one of two ways:
 *
 * - `last-day-listed`: the listing is in force on the end date itself and ends after it
 *   (both ends of the period included). A date the list gives for an expiry or an end of a
 *   measure is read this way unless a note on the list says otherwise: on the boundary day the
 *   party still alerts, which is the conservative reading for screening.
 * - `removal-date`: the end date is the date of the edition or notice that took the party off
 *   the list, so the listing is no longer in force on that day (the period ends the day before).
 *
 * Ends that the store derives from imports (an entry held by one edition and missing from a
 * later complete one, src/screen/lists/history.ts) are the list date of the first edition seen
 * without the entry: {@link IMPORT_DERIVED_END}, a removal date by construction.
 */
import type { ListId } from './types.js';
import { addDays, type CivilDate } from '../../time/civil-date.js';

export type EndDateReading = 'last-day-listed' | 'removal-date';

export interface EndDateRule {
  readonly reading: EndDateReading;
  /** The column or property the list's own end date comes from (none: the list gives no end dates). */
  readonly field: string | null;
  /** Where the reading comes from. */
  readonly basis: string;
  /**
   * True when a note on the list settles the reading; false when it does not and the
   * conservative reading (`last-day-listed`: alert on the boundary day) is taken.
   */
  readonly settled: boolean;
}

const NO_END_DATES = 'the list gives no end dates; ends come only from imports (IMPORT_DERIVED_END)';
const UNSETTLED = 'no note on the list says whether the party is listed on its end date: read as the last day listed (alert on the boundary day, the conservative reading for screening)';

/** The reading of each list's own end dates. */
export const END_DATE_READING: Readonly<Record<ListId, EndDateRule>> = {
  'ofac.sdn': { reading: 'last-day-listed', field: null, basis: NO_END_DATES, settled: true },
  'ofac.cons': { reading: 'last-day-listed', field: null, basis: NO_END_DATES, settled: true },
  'fcc.covered': { reading: 'last-day-listed', field: null, basis: NO_END_DATES, settled: true },
  // OpenSanctions us_dod_chinese_milcorps MAINTENANCE.md (shared/data/lists/dod_1260h/COLUMNS.md):
  // "`End date` the date of the edition or notice that removed it"; "Start date / End date: ISO
  // dates of the editions that added and removed the entry". From that edition on the party is off
  // the list (CXMT: End date 2026-02-17, listed again from the 2026-06-08 edition).
  'dod.1260h': {
    reading: 'removal-date',
    field: 'End date',
    basis: 'dod_1260h/COLUMNS.md: End date is the date of the edition or notice that removed the entry',
    settled: true,
  },
  // trade.gov CSL `end_date`: on the sample rows it is a Denied Persons List order's expiry
  // ("DENIED UNTIL 2056", 50-year denials, TDO renewals); SOURCES.md and reference/screening.md
  // do not say whether the order still applies on that day.
  'trade.csl': { reading: 'last-day-listed', field: 'end_date', basis: UNSETTLED, settled: false },
  'bis.mieu': { reading: 'last-day-listed', field: 'End date', basis: UNSETTLED, settled: false },
  // PRC counter-sanctions `End date` (OpenSanctions transcription, e.g. 24.04.2026 for UAB Urbo
  // Bankas): the notes give no reading.
  'cn.countersanctions': { reading: 'last-day-listed', field: 'End date', basis: UNSETTLED, settled: false },
  // FollowTheMoney `Sanction.endDate` (reference/screening.md §1.4 lists the property only); a
  // merged export carries many sources, so no one source's reading applies.
  opensanctions: { reading: 'last-day-listed', field: 'Sanction.endDate', basis: UNSETTLED, settled: false },
};

/** Ends the store derives from imports: the list date of the first complete edition without the entry. */
export const IMPORT_DERIVED_END: EndDateReading = 'removal-date';

/** The reading of a list's own end dates (`last-day-listed` for a list datacustoms does not know). */
export function endDateReading(list: string): EndDateReading {
  return (END_DATE_READING as Readonly<Record<string, EndDateRule>>)[list]?.reading ?? 'last-day-listed';
}

/**
 * True when a listing that ends `until` is over on `date`: after the end date when it is the
 * last day listed, on or after it when it is the removal date.
 */
export function endedBy(until: string, untilExclusive: boolean | undefined, date: string): boolean {
  return untilExclusive === true ? date >= until : date > until;
}

/**
 * The last day a listing that ends `until` is in force: the end date itself, or the day before
 * a removal date. Designations written into an inventory carry this form: the inventory reads
 * `listedUntil` as the last day listed (src/facts/designations.ts).
 */
export function lastDayListed(until: string, untilExclusive: boolean | undefined): string {
  return untilExclusive === true ? addDays(until as CivilDate, -1) : until;
}

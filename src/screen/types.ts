/**
 * The contract between list import (src/screen/lists/) and matching (src/screen/match/).
 */

/** One designated party as imported from a list, normalized across list formats. */
export interface ListEntry {
  /** Stable id: `<list>:<source id>`, e.g. `ofac.sdn:36`, `fcc.covered:huawei`. */
  readonly entityId: string;
  /** List id: ofac.sdn, ofac.cons, trade.csl, dod.1260h, fcc.covered, bis.mieu, cn.countersanctions, opensanctions, … */
  readonly list: string;
  /** Program(s) as the list names them (e.g. `SDGT`, `CMIC-EO13959`, `Entity List`). */
  readonly programs: readonly string[];
  readonly type: 'company' | 'person' | 'vessel' | 'aircraft' | 'unknown';
  /** Primary name as listed. */
  readonly name: string;
  /** Other names, any script (a.k.a., f.k.a., registered Chinese names …). */
  readonly aliases: readonly string[];
  /** Weak aliases (OFAC "weak a.k.a."): matched but scored lower. */
  readonly weakAliases?: readonly string[];
  /** ISO 3166-1 alpha-2 countries associated with the entry (address, nationality, incorporation). */
  readonly countries: readonly string[];
  /** When the entry was listed / delisted (YYYY-MM-DD), when known. */
  readonly listedFrom?: string;
  /** The end date as the list (or the store's imports) gives it; {@link untilExclusive} says how to read it. */
  readonly listedUntil?: string;
  /**
   * True when `listedUntil` and every `periods[].until` are removal dates: the party is no longer
   * listed on that day (the 1260H `End date`, the list date of the first import without the entry).
   * Absent: they are the last day listed (both ends included). src/screen/lists/end-dates.ts.
   */
  readonly untilExclusive?: true;
  /**
   * The listing periods, when the list gives several with a gap between them (a party taken
   * off and listed again): the party is listed on a date inside one of them. `listedFrom` /
   * `listedUntil` span them all. Absent when the listing is one unbroken period.
   */
  readonly periods?: readonly ListingPeriod[];
  /** Names (or entity ids) of parents named by the list (1260H Parent Name, OFAC Linked To, FCC subsidiaries). */
  readonly parents?: readonly string[];
  /** Ids of the same designation in other lists (a trade.gov CSL row that republishes an OFAC entry → `ofac.sdn:<n>` / `ofac.cons:<n>`), to avoid duplicate alerts. */
  readonly sameAs?: readonly string[];
  /** The list's own note or scope for the entry (FCC covered equipment/services text, 1260H note), when it gives one. */
  readonly note?: string;
  /** Source file and list date, for provenance. */
  readonly source: { readonly file: string; readonly listDate?: string; readonly url?: string };
}

/**
 * One listing period (YYYY-MM-DD; no `until` = still listed). `from` is included; `until` is
 * the last day listed, or the first day not listed when the entry has `untilExclusive`.
 */
export interface ListingPeriod {
  readonly from: string;
  readonly until?: string;
}

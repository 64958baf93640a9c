/**
 * Listing history from what successive imports of one list contained.
 *
 * Imports are put in list-date order (then import order). A complete import that contains an
 * entry opens a period (from that list date) unless one is open; a complete import that lacks
 * it closes the open period (until that list date: the first edition seen without it). A
 * partial import (an excerpt, `--partial`) can open a period but never closes one. The order
 * in which files were imported does not matter, only their list dates.
 */

export interface ImportPoint {
  readonly id: number;
  readonly listDate: string;
  readonly partial: boolean;
}

export interface ListingPeriod {
  readonly from: string;
  /** The list date of the first complete edition without the entry: a removal date, not listed on it (end-dates.ts IMPORT_DERIVED_END). */
  readonly until?: string;
  readonly fromImport: number;
  readonly untilImport?: number;
}

/** Sorts imports by list date, then id. */
export function orderImports<T extends ImportPoint>(imports: readonly T[]): T[] {
  return [...imports].sort((a, b) => (a.listDate < b.listDate ? -1 : a.listDate > b.listDate ? 1 : a.id - b.id));
}

/**
 * The periods of one entry; `present(id)` says whether import `id` contained it. `imports`
 * must be ordered. Imports of the same list date count as one edition: the entry is in it when
 * any of them contains it, and missing from it when none does and at least one is complete.
 */
export function listingPeriods(imports: readonly ImportPoint[], present: (importId: number) => boolean): ListingPeriod[] {
  const out: ListingPeriod[] = [];
  let open: { from: string; fromImport: number } | undefined;
  let i = 0;
  while (i < imports.length) {
    const date = imports[i]!.listDate;
    let j = i;
    let seenIn: number | undefined;
    let closer: number | undefined;
    for (; j < imports.length && imports[j]!.listDate === date; j++) {
      const imp = imports[j]!;
      if (present(imp.id)) seenIn ??= imp.id;
      else if (!imp.partial) closer ??= imp.id;
    }
    if (seenIn !== undefined) {
      if (!open) open = { from: date, fromImport: seenIn };
    } else if (closer !== undefined && open) {
      out.push({ from: open.from, until: date, fromImport: open.fromImport, untilImport: closer });
      open = undefined;
    }
    i = j;
  }
  if (open) out.push({ from: open.from, fromImport: open.fromImport });
  return out;
}

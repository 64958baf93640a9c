/**
 * Ownership edges and employment links may say when they were held: `from` and `until`, both
 * inclusive, both optional (an open end runs as far as the inventory knows). A link counts on a
 * date only when it was held on that date, so a flow is judged with the owners and employers its
 * parties had on the flow's own date (28 CFR 202.211 asks who the counterparty is when the
 * transaction is engaged in), and `--as-of` with those of the as-of date.
 */
import type { CivilDate } from '../time/civil-date.js';

/** A link with its optional holding period (both ends inclusive). */
export interface HeldLink {
  readonly from?: CivilDate | undefined;
  readonly until?: CivilDate | undefined;
}

/** Was the link held on `date`? */
export function heldOn(link: HeldLink, date: CivilDate): boolean {
  return (link.from === undefined || link.from <= date) && (link.until === undefined || date <= link.until);
}

/** Does the link say when it was held (so that it may count on one date and not on another)? */
export function isDated(link: HeldLink): boolean {
  return link.from !== undefined || link.until !== undefined;
}

/**
 * " (held from 2025-06-01)", " (held until 2024-12-31)", " (held 2024-01-01 to 2024-12-31)", or
 * "" for an undated link; `word` replaces "held" (an empty one gives " (from 2025-06-01)").
 */
export function heldSpan(link: HeldLink, word = 'held'): string {
  const lead = word === '' ? '' : `${word} `;
  if (link.from !== undefined && link.until !== undefined) return ` (${lead}${link.from} to ${link.until})`;
  if (link.from !== undefined) return ` (${lead}from ${link.from})`;
  if (link.until !== undefined) return ` (${lead}until ${link.until})`;
  return '';
}

/** heldSpan of the edge from `owner` among `owners` held on `date` ("" when there is none, or it is undated). */
export function ownerSpanOn(owners: readonly (HeldLink & { readonly entity: string })[] | undefined, owner: string, date: CivilDate): string {
  const edge = owners?.find((o) => o.entity === owner && heldOn(o, date));
  return edge ? heldSpan(edge) : '';
}

/**
 * The largest sum of the declared shares held at any one time, and the first date it is reached
 * (undefined when it is reached by links with no start date). Shares that follow each other (a
 * stake sold to a new owner) do not add up; shares held at the same time do.
 */
export function peakShares(edges: readonly (HeldLink & { readonly percent?: number | undefined })[]): { readonly total: number; readonly on: CivilDate | undefined } {
  let undated = true;
  for (const e of edges) if (isDated(e)) undated = false;
  if (undated) {
    let total = 0;
    for (const e of edges) total += e.percent ?? 0;
    return { total, on: undefined };
  }
  // A sweep over the start and end dates: on a date, a share that starts is counted before one
  // that ends is taken off (both ends are inclusive). Open starts come first of all.
  const events: { date: CivilDate | undefined; delta: number }[] = [];
  for (const e of edges) {
    const p = e.percent ?? 0;
    if (p === 0) continue;
    events.push({ date: e.from, delta: p });
    if (e.until !== undefined) events.push({ date: e.until, delta: -p });
  }
  events.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return -1;
      if (b.date === undefined) return 1;
      return a.date < b.date ? -1 : 1;
    }
    return b.delta - a.delta;
  });
  let total = 0;
  let best = 0;
  let on: CivilDate | undefined;
  for (const ev of events) {
    total += ev.delta;
    if (total > best + 1e-9) {
      best = total;
      on = ev.date;
    }
  }
  return { total: best, on };
}

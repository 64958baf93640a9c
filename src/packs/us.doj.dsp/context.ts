/**
 * What every Part 202 rule reads about one flow, derived once per flow.
 */
import type { Facts, PartyFacts } from '../../facts/index.js';
import type { Flow } from '../../inventory/schema.js';
import type { CivilDate } from '../../time/civil-date.js';
import { dojDate } from '../../facts/country-sets.js';
import { dataFacts, transactionClasses, type DataFacts, type TransactionClass } from './definitions.js';
import { memoOf } from './memo.js';

export interface DspContext {
  readonly flow: Flow;
  /** The date the flow is judged on (as-of, or its end when earlier). */
  readonly date: CivilDate;
  readonly asOf: CivilDate;
  readonly facts: Facts;
  readonly exporter: PartyFacts;
  readonly recipient: PartyFacts;
  /** The U.S. person Part 202 binds here: the exporter, or a U.S. person directing a foreign exporter (202.305). */
  readonly usPerson?: PartyFacts;
  /** The recipient is a country of concern or a covered person (202.209, 202.211). */
  readonly ofConcern: boolean;
  readonly data: DataFacts;
  readonly classes: ReadonlySet<TransactionClass>;
  readonly classNotes: readonly string[];
  /** Government-related data or bulk U.S. sensitive personal data. */
  readonly coveredData: boolean;
  /** A covered data transaction (202.210): access by a country of concern or covered person to covered data, in one of the four classes. */
  readonly covered: boolean;
}

export function dspContext(flow: Flow, facts: Facts, asOf: CivilDate, date: CivilDate, index?: number): DspContext {
  const { exporter, usPerson } = boundParty(flow, facts);
  return dspContextOf(flow, facts, asOf, date, exporter, usPerson, index);
}

/** The exporter, and the U.S. person Part 202 binds: the exporter, or a U.S. person directing it (202.305). */
export function boundParty(flow: Flow, facts: Facts): { exporter: PartyFacts; usPerson: PartyFacts | undefined } {
  const last = memoOf(facts).last;
  if (last.bound !== undefined && last.from === flow.from && last.directedBy === flow.directedByUsPerson) return last.bound;
  const exporter = facts.persons.parties.get(flow.from ?? facts.inventory.organization.id)!;
  const director = flow.directedByUsPerson ? facts.persons.parties.get(flow.directedByUsPerson) : undefined;
  const bound = { exporter, usPerson: exporter.usPerson ? exporter : director?.usPerson ? director : undefined };
  last.from = flow.from;
  last.directedBy = flow.directedByUsPerson;
  last.bound = bound;
  return bound;
}

/**
 * The counterparty's facts for the flow. Whether the recipient is a covered person is judged on
 * the flow's date: a flow that ended before a designation took effect, or while one was in force,
 * is judged as things stood then. A flow that has ended is judged over the days it ran: a
 * counterparty covered for part of them (designated, or owned or employed by a covered party, for
 * a while) was one for this flow.
 */
function recipientFacts(flow: Flow, facts: Facts, asOf: CivilDate, date: CivilDate): PartyFacts {
  const since = date < asOf && flow.start !== undefined && flow.start < date ? flow.start : undefined;
  const last = memoOf(facts).last;
  if (last.party !== undefined && last.recipient === flow.recipient && last.date === date && last.since === since) return last.party;
  const party = (since !== undefined ? facts.persons.during(flow.recipient, since, date) : facts.persons.on(flow.recipient, date))!;
  last.recipient = flow.recipient;
  last.date = date;
  last.since = since;
  last.party = party;
  return party;
}

/** The context, once the exporter and the U.S. person bound are known. */
export function dspContextOf(flow: Flow, facts: Facts, asOf: CivilDate, date: CivilDate, exporter: PartyFacts, usPerson: PartyFacts | undefined, index?: number): DspContext {
  const recipient = recipientFacts(flow, facts, asOf, date);
  const ofConcern = recipient.coveredPerson || recipient.countryOfConcern;
  const data = dataFacts(flow, facts, date, index);
  const { classes, notes } = transactionClasses(flow, date);
  const coveredData = data.sensitive && (data.bulk.length > 0 || data.governmentRelated !== undefined);
  const covered = ofConcern && flow.access && coveredData && classes.size > 0;
  return { flow, date, asOf, facts, exporter, recipient, usPerson, ofConcern, data, classes, classNotes: notes, coveredData, covered };
}

/** "X is a covered person: …" lines for reasons (once per recipient and run; frozen, shared). */
export function recipientReasons(ctx: DspContext): readonly string[] {
  const r = ctx.recipient;
  // covered on a day of the flow before the one it is judged on (PersonFacts.during): said per flow
  if (r.on !== undefined && r.on !== ctx.date) return recipientLines(r, ` on ${r.on}, while this flow ran (${dojDate(ctx.flow.start ?? r.on)} to ${ctx.date})`);
  const memo = memoOf(ctx.facts).recipientLines;
  let lines = memo.get(r);
  if (!lines) memo.set(r, (lines = Object.freeze(recipientLines(r))));
  return lines;
}

function recipientLines(r: PartyFacts, when?: string): string[] {
  // Facts for the flow's own date, where a dated designation makes them differ from the as-of
  // date's, say so: the reader sees why a party listed today was not covered then, or the reverse.
  const then = r.on === undefined ? '' : when ?? ` on ${r.on}, the date this flow is judged on`;
  if (r.countryOfConcern) return [`${r.name} is a country of concern (202.209)`];
  const lines = r.coveredPerson
    ? [`${r.name} ${then ? `was a covered person${then}` : 'is a covered person'}: ${r.coveredReasons[0] ?? ''}`, ...r.coveredReasons.slice(1)]
    : [`${r.name} ${then ? 'was' : 'is'} ${r.usPerson ? 'a U.S. person' : 'a foreign person'} and not a covered person${then} (${r.usPersonReason})`];
  if (r.ownershipCycle !== undefined) lines.push(r.ownershipCycle);
  return lines;
}

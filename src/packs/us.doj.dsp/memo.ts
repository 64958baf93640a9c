/**
 * What one `check` run of this pack remembers: classifications per dataset, data facts per
 * aggregate, and the decisions it shares between flows. One object per run (per facts), held
 * weakly by the facts, so it goes when the run's facts go. Plain maps inside: the keys are
 * objects of the run, and weak maps with tens of thousands of entries cost the garbage
 * collector far more than they save.
 */
import type { Aggregate, Facts, PartyFacts } from '../../facts/index.js';
import type { Dataset } from '../../inventory/schema.js';
import type { Decision } from '../../engine/types.js';
import type { DataFacts, DatasetClass } from './definitions.js';
import type { CivilDate } from '../../time/civil-date.js';

/**
 * The shared not-covered decisions for one (recipient, data facts), by variant: index
 * (access ? 2 : 0) + (no class declared ? 1 : 0). Four slots from the start: an empty array
 * first written at index 3 would grow room for 22.
 */
export type NotCoveredVariants = (Decision | undefined)[];

export function noVariants(): NotCoveredVariants {
  return [undefined, undefined, undefined, undefined];
}

export interface DatasetEntry {
  readonly ds: Dataset | undefined;
  /** Per purpose: 0 other, 1 personal communications, 2 telecommunications services. */
  readonly classes: DatasetClass[];
}

export interface DojMemo {
  readonly datasets: Map<string, DatasetEntry>;
  /** Data facts per aggregate: one per classification of the flow's dataset (usually one). */
  readonly byAggregate: Map<Aggregate, DataFacts | DataFacts[]>;
  readonly notUsPerson: Map<PartyFacts, Decision>;
  /** The reason lines about each recipient (recipientReasons). */
  readonly recipientLines: Map<PartyFacts, readonly string[]>;
  /** "not a covered data transaction (202.210): <first line>", per first line. */
  readonly notCoveredHeadlines: Map<string, string>;
  /** Not-covered decisions per recipient (null when of concern), data facts and variant. */
  readonly notCovered: Map<PartyFacts | null, Map<DataFacts, NotCoveredVariants>>;
  /** Not-covered decisions on covered data, per recipient (null when of concern) and variant. */
  readonly notCoveredCoveredData: Map<PartyFacts | null, NotCoveredVariants>;
  /**
   * The last parties looked up, by what they were looked up by (context.ts). us.doj.dsp decides
   * flows pair after pair, so consecutive flows mostly share their exporter and their recipient
   * on the same judged date: each is then read again without a lookup among all parties.
   */
  readonly last: LastParties;
}

export interface LastParties {
  /** `boundParty`'s last answer, for the flow's `from` and `directedByUsPerson`. */
  from: string | undefined;
  directedBy: string | undefined;
  bound: { exporter: PartyFacts; usPerson: PartyFacts | undefined } | undefined;
  /** The last recipient's facts, for its id, the judged date, and the start of the period looked at (undefined: on the date alone). */
  recipient: string;
  date: CivilDate;
  since: CivilDate | undefined;
  party: PartyFacts | undefined;
}

const memos = new WeakMap<Facts, DojMemo>();

export function memoOf(facts: Facts): DojMemo {
  let m = memos.get(facts);
  if (!m) memos.set(facts, (m = { datasets: new Map(), byAggregate: new Map(), notUsPerson: new Map(), recipientLines: new Map(), notCoveredHeadlines: new Map(), notCovered: new Map(), notCoveredCoveredData: new Map(), last: { from: undefined, directedBy: undefined, bound: undefined, recipient: '', date: '', since: undefined, party: undefined } }));
  return m;
}

/** The dataset's entry in the run's table. */
export function datasetEntry(memo: DojMemo, facts: Facts, id: string): DatasetEntry {
  let entry = memo.datasets.get(id);
  if (!entry) memo.datasets.set(id, (entry = { ds: facts.datasets.get(id), classes: [] }));
  return entry;
}

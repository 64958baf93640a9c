/**
 * Aggregate ownership over the ownership graph: which parties are ≥ N % owned, directly or
 * indirectly, individually or in the aggregate, by a set of "tainted" parties — the test of
 * 28 CFR 202.211(a)(1)–(2) and of OFAC-style 50 % rules.
 *
 * Indirect ownership counts through owners that are themselves tainted: once an entity is
 * tainted, its shares count in full toward the entities it owns. That is a least fixed point,
 * which also makes cycles (A owns B owns A) harmless. Unknown shares are reported and, by
 * policy, either ignored or treated as possibly reaching the threshold.
 */

export interface OwnerEdge {
  readonly owner: string;
  /** Percent 0–100, or undefined when the share is unknown. */
  readonly percent: number | undefined;
}

export interface TaintReason {
  /** `seed` for parties tainted on their own facts; `ownership` for those tainted by owners. */
  readonly kind: 'seed' | 'ownership';
  /** The tainted owners and their shares (for `ownership`). */
  readonly owners?: readonly { owner: string; percent: number | undefined }[];
  /** Sum of the known shares held by tainted owners. */
  readonly total?: number;
  /** True when the threshold is reached only by counting unknown shares (conservative policy). */
  readonly viaUnknownShare?: boolean;
}

/** The ownership graph: who owns each party. */
export interface OwnerGraph {
  /** Owners of each party. */
  owners(party: string): readonly OwnerEdge[];
}

/**
 * The question asked of the graph. Callers that run often pass an instance of a class (methods
 * on its prototype) rather than fresh closures: the calls below then keep one target from run
 * to run, and the optimizing compiler has no reason to throw away the code it inlined them in.
 */
export interface OwnershipInput extends OwnerGraph {
  /** All parties. */
  readonly parties: Iterable<string>;
  /** Parties tainted on their own facts. */
  readonly seeds: ReadonlySet<string>;
  /** May this party be tainted by ownership at all? (e.g. only foreign entities under 202.211). */
  eligible(party: string): boolean;
  /** Threshold in percent, inclusive ("50 percent or more"). */
  readonly thresholdPercent: number;
  /** How an owner edge with an unknown share counts. */
  readonly unknownShare: 'ignore' | 'assume_threshold';
  /** Extra rule: more parties become tainted when this returns true (e.g. employees). */
  alsoTainted?(party: string, tainted: ReadonlySet<string>): TaintReason | undefined;
  /**
   * The parties whose taint `alsoTainted` reads for this party (e.g. its employers). Without it,
   * every party is examined again on every pass.
   */
  alsoReads?(party: string): readonly string[];
  /**
   * `ownedIndex(parties, this)`, when several questions over the same parties and graph share
   * it (the lists' ownership rules); made here otherwise.
   */
  readonly ownedIndex?: ReadonlyMap<string, readonly number[]>;
}

/** Per owner, the positions in `parties` of the parties it owns (directly). */
export function ownedIndex(parties: readonly string[], graph: OwnerGraph): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < parties.length; i++) for (const e of graph.owners(parties[i]!)) readBy(index, e.owner, i);
  return index;
}

export function taintByOwnership(input: OwnershipInput): Map<string, TaintReason> {
  const result = new Map<string, TaintReason>();
  // The tainted parties, kept in step with `result`: handed to `alsoTainted`, which sees exactly
  // what a copy made at the call would hold (a copy per call made this quadratic).
  const taintedSet = new Set<string>();
  for (const s of input.seeds) {
    result.set(s, { kind: 'seed' });
    taintedSet.add(s);
  }
  const parties = [...input.parties];
  const n = parties.length;
  // Who must be examined again when a party becomes tainted: the parties it owns, and those whose
  // extra rule reads it. A party none of whose owners (or read parties) changed since it was
  // last examined would come out the same, so it is skipped: the passes, their order and every
  // reason stay those of examining all parties on every pass.
  const alwaysAgain = input.alsoTainted !== undefined && input.alsoReads === undefined;
  let readers: ReadonlyMap<string, readonly number[]>;
  if (input.alsoTainted && input.alsoReads) {
    const index = ownedIndex(parties, input);
    for (let i = 0; i < n; i++) for (const q of input.alsoReads(parties[i]!)) readBy(index, q, i);
    readers = index;
  } else readers = input.ownedIndex ?? ownedIndex(parties, input);
  const again = new Uint8Array(n).fill(1);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (!again[i] && !alwaysAgain) continue;
      again[i] = 0;
      const p = parties[i]!;
      if (result.has(p)) continue;
      const extra = input.alsoTainted?.(p, taintedSet);
      if (extra) {
        result.set(p, extra);
        taintedSet.add(p);
        examineAgain(readers, again, p);
        changed = true;
        continue;
      }
      if (!input.eligible(p)) continue;
      // The tainted owners' known shares, summed without allocating (most parties stay clean).
      const edges = input.owners(p);
      let count = 0;
      let known = 0;
      let hasUnknown = false;
      for (const e of edges) {
        if (!taintedSet.has(e.owner)) continue;
        count++;
        if (e.percent === undefined) hasUnknown = true;
        else known += e.percent;
      }
      if (count === 0) continue;
      // Shares are decimals summed in binary floating point (0.3 + 32.3 + 17.4 gives 49.999…):
      // a sum within SHARE_EPSILON of the threshold reaches it.
      const reaches = known + SHARE_EPSILON >= input.thresholdPercent;
      const reachesViaUnknown = !reaches && hasUnknown && input.unknownShare === 'assume_threshold';
      if (reaches || reachesViaUnknown) {
        result.set(p, {
          kind: 'ownership',
          owners: edges.filter((e) => taintedSet.has(e.owner)).map((e) => ({ owner: e.owner, percent: e.percent })),
          total: roundShare(known),
          viaUnknownShare: reachesViaUnknown,
        });
        taintedSet.add(p);
        examineAgain(readers, again, p);
        changed = true;
      }
    }
  }
  return result;
}

/** Far below any declared share (percentages are written with a few decimals at most). */
const SHARE_EPSILON = 1e-9;

/** A sum of declared percentages without the noise of binary floating point (49.999…98 → 50). */
export function roundShare(percent: number): number {
  return Math.round(percent * 1e6) / 1e6;
}

/** `i` reads the taint of `party`. */
function readBy(readers: Map<string, number[]>, party: string, i: number): void {
  const list = readers.get(party);
  if (list) list.push(i);
  else readers.set(party, [i]);
}

/** `party` was just tainted: whoever reads it is examined again. */
function examineAgain(readers: ReadonlyMap<string, readonly number[]>, again: Uint8Array, party: string): void {
  const list = readers.get(party);
  if (list) for (let k = 0; k < list.length; k++) again[list[k]!] = 1;
}

/** Ownership cycles (each as a list of parties), for explanation. */
export function findCycles(parties: Iterable<string>, graph: OwnerGraph): string[][] {
  const search: CycleSearch = { graph, cycles: [], state: new Map(), stack: [], seen: new Set() };
  for (const p of parties) if ((search.state.get(p) ?? 0) === 0) visit(search, p);
  return search.cycles;
}

/** A depth-first search over owner edges: 0 unvisited, 1 on the stack, 2 done. */
interface CycleSearch {
  readonly graph: OwnerGraph;
  readonly cycles: string[][];
  readonly state: Map<string, 0 | 1 | 2>;
  readonly stack: string[];
  /** Cycles found, by their sorted members (a cycle is reported once, whichever party it is entered by). */
  readonly seen: Set<string>;
}

function visit(s: CycleSearch, p: string): void {
  s.state.set(p, 1);
  s.stack.push(p);
  for (const e of s.graph.owners(p)) {
    const st = s.state.get(e.owner) ?? 0;
    if (st === 0) visit(s, e.owner);
    else if (st === 1) {
      const cycle = s.stack.slice(s.stack.indexOf(e.owner));
      const key = [...cycle].sort().join('>');
      if (!s.seen.has(key)) {
        s.seen.add(key);
        s.cycles.push([...cycle, e.owner]);
      }
    }
  }
  s.stack.pop();
  s.state.set(p, 2);
}

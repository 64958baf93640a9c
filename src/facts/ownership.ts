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
  const order = new PassOrder(n, alwaysAgain);
  for (let i = order.next(); i >= 0; i = order.next()) {
    const p = parties[i]!;
    if (result.has(p)) continue;
    const extra = input.alsoTainted?.(p, taintedSet);
    if (extra) {
      result.set(p, extra);
      taintedSet.add(p);
      order.tainted(readers.get(p));
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
      order.tainted(readers.get(p));
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

/**
 * The order in which the fixed point examines parties: passes over the positions 0 … n − 1,
 * until a pass taints no one. On the first pass every party is examined; after it, only those
 * flagged since they were last examined (their owners, or the parties their extra rule reads,
 * were tainted). A flagged position after the one being examined comes later in the same pass,
 * one at or before it in the next pass — as a scan of every position on every pass would take
 * them, but without the scans: a chain listed against its ownership (child before parent) takes
 * one pass per link, and scanning all positions on each of them was quadratic. The flagged
 * positions wait in two heaps (this pass, the next). With `everyPass` every position is
 * examined on every pass (for an extra rule whose reads are not declared).
 */
class PassOrder {
  private readonly flagged: Uint8Array;
  private now: IntHeap;
  private later: IntHeap;
  private at = -1;
  private changed = false;
  private firstDone = false;

  constructor(
    private readonly n: number,
    private readonly everyPass: boolean,
  ) {
    this.flagged = new Uint8Array(n).fill(1);
    this.now = new IntHeap();
    this.later = new IntHeap();
  }

  /** The next position to examine, or -1 when the fixed point is reached. */
  next(): number {
    if (this.everyPass) {
      if (this.at + 1 < this.n) return ++this.at;
      if (!this.changed || this.n === 0) return -1;
      this.changed = false;
      return (this.at = 0);
    }
    if (!this.firstDone) {
      // The first pass: every position, in order.
      if (this.at + 1 < this.n) {
        this.flagged[++this.at] = 0;
        return this.at;
      }
      this.firstDone = true;
    }
    if (this.now.size === 0) {
      // A new pass: the positions flagged behind the last one examined.
      const t = this.now;
      this.now = this.later;
      this.later = t;
    }
    if (this.now.size === 0) return -1;
    const i = this.now.pop();
    this.flagged[i] = 0;
    return (this.at = i);
  }

  /** The party just examined was tainted: the parties at `readers` are examined again. */
  tainted(readers: readonly number[] | undefined): void {
    this.changed = true;
    if (this.everyPass || readers === undefined) return;
    for (let k = 0; k < readers.length; k++) {
      const j = readers[k]!;
      if (this.flagged[j] === 1) continue;
      this.flagged[j] = 1;
      // Still ahead in the first pass: its scan will reach it.
      if (!this.firstDone && j > this.at) continue;
      (j > this.at ? this.now : this.later).push(j);
    }
  }
}

/** A binary min-heap of non-negative integers. */
class IntHeap {
  private a = new Int32Array(16);
  size = 0;

  push(x: number): void {
    if (this.size === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    const a = this.a;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (a[up]! <= x) break;
      a[i] = a[up]!;
      i = up;
    }
    a[i] = x;
  }

  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const x = a[--this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && a[c + 1]! < a[c]!) c++;
      if (a[c]! >= x) break;
      a[i] = a[c]!;
      i = c;
    }
    if (this.size > 0) a[i] = x;
    return top;
  }
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

/**
 * Visits `p` and everything it reaches, with an explicit stack of (party, next owner edge to
 * follow): an ownership chain thousands of links long must not exhaust the call stack.
 */
function visit(s: CycleSearch, p: string): void {
  const next: number[] = [0];
  s.state.set(p, 1);
  s.stack.push(p);
  while (s.stack.length > 0) {
    const top = s.stack.length - 1;
    const q = s.stack[top]!;
    const edges = s.graph.owners(q);
    const k = next[top]!;
    if (k >= edges.length) {
      s.stack.pop();
      next.pop();
      s.state.set(q, 2);
      continue;
    }
    next[top] = k + 1;
    const owner = edges[k]!.owner;
    const st = s.state.get(owner) ?? 0;
    if (st === 0) {
      s.state.set(owner, 1);
      s.stack.push(owner);
      next.push(0);
    } else if (st === 1) {
      const cycle = s.stack.slice(s.stack.indexOf(owner));
      const key = [...cycle].sort().join('>');
      if (!s.seen.has(key)) {
        s.seen.add(key);
        s.cycles.push([...cycle, owner]);
      }
    }
  }
}

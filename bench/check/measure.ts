/**
 * Timing helpers for benchmarks: CPU time (process.cpuUsage: user + system, all threads — GC
 * helpers included) and wall time, median of several runs after a warm-up.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Sample {
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface Measured {
  /** Median CPU ms and median wall ms (taken separately). */
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly runs: readonly Sample[];
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Runs `fn` once and measures it. */
export function sample(fn: () => void): Sample {
  gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * `setup` runs before each run, untimed (fresh caches); `fn` receives what it returns.
 * `warmup` runs are discarded. With `budgetMs`, fewer runs are made when one costs more than
 * budget / runs of CPU; when the warm-up alone exceeds the budget, it is kept as the only sample
 * (JIT warm-up is noise at that scale).
 */
export function measure<T>(opts: { runs: number; warmup?: number; budgetMs?: number; setup: () => T; fn: (x: T) => void; label?: string }): Measured {
  const runs: Sample[] = [];
  let planned = opts.runs;
  for (let i = 0; i < (opts.warmup ?? 1); i++) {
    const x = opts.setup();
    const w = sample(() => opts.fn(x));
    if (opts.label) process.stderr.write(`  ${opts.label}: warm-up ${w.cpuMs.toFixed(0)} ms CPU, ${w.wallMs.toFixed(0)} ms wall\n`);
    if (opts.budgetMs !== undefined) {
      if (w.cpuMs > opts.budgetMs) {
        runs.push(w);
        planned = 0;
        break;
      }
      planned = Math.max(1, Math.min(opts.runs, Math.floor(opts.budgetMs / w.cpuMs)));
    }
  }
  for (let i = 0; i < planned; i++) {
    const x = opts.setup();
    runs.push(sample(() => opts.fn(x)));
    if (opts.label) process.stderr.write(`  ${opts.label}: run ${i + 1}/${planned} ${runs[runs.length - 1]!.cpuMs.toFixed(0)} ms CPU, ${runs[runs.length - 1]!.wallMs.toFixed(0)} ms wall\n`);
  }
  return { cpuMs: median(runs.map((r) => r.cpuMs)), wallMs: median(runs.map((r) => r.wallMs)), runs };
}

export const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
/** Per-item nanoseconds from milliseconds over n items. */
export const nsPer = (ms: number, n: number) => (ms * 1e6) / n;

/**
 * Several variants measured round-robin (one run of each per round, after one warm-up round),
 * so that every figure is taken over the same stretch of time: on a machine whose speed drifts,
 * variants measured one after the other can differ by the drift alone.
 */
export function measureInterleaved(opts: { runs: number; variants: readonly { label: string; fn: () => void }[] }): Measured[] {
  const samples: Sample[][] = opts.variants.map(() => []);
  for (let round = 0; round <= opts.runs; round++) {
    opts.variants.forEach((v, k) => {
      const x = sample(v.fn);
      process.stderr.write(`  ${v.label}: ${round === 0 ? 'warm-up' : `run ${round}/${opts.runs}`} ${x.cpuMs.toFixed(0)} ms CPU, ${x.wallMs.toFixed(0)} ms wall\n`);
      if (round > 0) samples[k]!.push(x);
    });
  }
  return samples.map((runs) => ({ cpuMs: median(runs.map((r) => r.cpuMs)), wallMs: median(runs.map((r) => r.wallMs)), runs }));
}

/** CPU ms of the main thread and of all other threads of this process (Linux /proc; undefined elsewhere). */
function threadCpu(): { main: number; other: number } | undefined {
  try {
    const tasks = readdirSync('/proc/self/task');
    let main = 0;
    let other = 0;
    for (const t of tasks) {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 per second on Linux).
      const ms = (Number(f[11]) + Number(f[12])) * 10;
      if (t === String(process.pid)) main += ms;
      else other += ms;
    }
    return { main, other };
  } catch {
    return undefined;
  }
}

/**
 * Where the CPU of `runs` calls of `fn` is spent: the main thread (JavaScript, and the GC work
 * done on it) and V8's helper threads (concurrent and parallel GC, optimizing compiler). Means
 * per run, at clock-tick resolution; undefined where /proc is not available.
 */
export function threadSplit(fn: () => void, runs: number): { mainMs: number; helpersMs: number } | undefined {
  fn();
  gc?.();
  const t0 = threadCpu();
  if (!t0) return undefined;
  for (let i = 0; i < runs; i++) fn();
  const t1 = threadCpu()!;
  return { mainMs: (t1.main - t0.main) / runs, helpersMs: (t1.other - t0.other) / runs };
}

/**
 * A full collection on demand, without starting node with --expose-gc (the flag is set at run
 * time and the function read from a fresh context); undefined where that is refused.
 */
function fullGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const f = runInNewContext('gc') as unknown;
    return typeof f === 'function' ? (f as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The heap `make`'s result holds once it is made (MB): heap in use after a full collection with
 * the result alive, less the same before it was made. One warm-up call first, so caches that
 * outlive a run are already there and not counted.
 */
export function retainedMb(make: () => unknown): number | undefined {
  const collect = fullGc();
  if (!collect) return undefined;
  make();
  collect();
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept: unknown[] = [make()];
  collect();
  collect();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== 1) throw new Error('unreachable');
  return (after - before) / 1e6;
}

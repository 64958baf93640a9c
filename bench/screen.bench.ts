/**
 * `npm run bench -- screen`: name screening quality and speed, datacustoms beside a fuse.js
 * index and a plain Jaro-Winkler scan over the same names (every list in ../shared/data/lists
 * loaded together), plus the nomenklatura name bench beside its frozen logic-v2 scores.
 *
 * Speed is queries per second of CPU time of this (single-threaded) process: per core.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { Matcher } from '../src/screen/match/matcher.js';
import { analyzeName } from '../src/screen/match/analyze.js';
import { scoreNames } from '../src/screen/match/compare.js';
import { jaroWinkler } from '../src/screen/match/similarity.js';
import { sharedEntries, screeningCases, evaluate, failures, type RankedHit, type ScreeningCase, type Evaluation } from '../src/screen/match/testing/cases.js';
import { sharedPath } from '../src/testing/shared.js';
import { parseCsv } from '../src/screen/lists/csv.js';
import type { ListEntry } from '../src/screen/types.js';

const log = (s: string) => process.stderr.write(s + '\n');

/** CPU seconds spent in `fn`. */
function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/**
 * Queries per CPU-second: at least `rounds` passes and, when `minSeconds` is given, passes until
 * that much wall time has gone by; the best pass is reported, to damp a shared machine's noise.
 */
function throughput(queries: readonly string[], run: (q: string) => void, rounds: number, before?: () => void, minSeconds = 0): { qps: number; perQueryUs: number } {
  let best = Infinity;
  const start = performance.now();
  for (let r = 0; r < rounds || performance.now() - start < minSeconds * 1000; r++) {
    before?.();
    const t = cpu(() => {
      for (const q of queries) run(q);
    });
    best = Math.min(best, t);
  }
  return { qps: queries.length / best, perQueryUs: (best / queries.length) * 1e6 };
}

// --- peers ---------------------------------------------------------------------------------

interface NameRow {
  readonly entry: number;
  readonly name: string;
  readonly plain: string;
}

/** What the peers see: every name and alias, lower-cased with punctuation removed. */
function nameRows(entries: readonly ListEntry[]): NameRow[] {
  const rows: NameRow[] = [];
  entries.forEach((e, i) => {
    for (const n of new Set([e.name, ...e.aliases, ...(e.weakAliases ?? [])])) rows.push({ entry: i, name: n, plain: plainText(n) });
  });
  return rows;
}

const plainText = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function bestPerEntry(entries: readonly ListEntry[], scored: Iterable<readonly [number, number]>, threshold: number): RankedHit[] {
  const best = new Map<number, number>();
  for (const [entry, score] of scored) if (score >= threshold && score > (best.get(entry) ?? -1)) best.set(entry, score);
  return [...best]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([i, score]) => ({ entry: entries[i]!, score }));
}

/** Threshold (on a 0.05 grid) with the best F1 on the cases: each peer gets its most favourable setting. */
function calibrate(cases: readonly ScreeningCase[], rank: (c: ScreeningCase, threshold: number) => RankedHit[]): { threshold: number; evaluation: Evaluation } {
  let best: { threshold: number; evaluation: Evaluation; f1: number } | undefined;
  for (let t = 0.5; t <= 0.999; t += 0.05) {
    const threshold = Math.round(t * 100) / 100;
    const e = evaluate(cases, (c) => rank(c, threshold));
    const f1 = (2 * e.precision * e.recall) / Math.max(1e-9, e.precision + e.recall);
    if (!best || f1 > best.f1) best = { threshold, evaluation: e, f1 };
  }
  return best!;
}

// --- nomenklatura name bench ---------------------------------------------------------------

interface PairRow {
  readonly id: string;
  readonly schema: string;
  readonly name1: string;
  readonly name2: string;
  readonly match: boolean;
  readonly logicV2?: number;
}

function readCsv(path: string): Record<string, string>[] {
  const recs = parseCsv(readFileSync(path, 'utf8'), { file: path });
  const head = recs[0]!.fields;
  return recs.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r.fields[i] ?? ''])));
}

function prf(pairs: readonly { match: boolean; score: number }[], t: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    if (p.score >= t && p.match) tp++;
    else if (p.score >= t) fp++;
    else if (p.match) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const int = (x: number) => Math.round(x).toLocaleString('en-US');

export default async function screenBench(): Promise<string> {
  log('loading every list in shared/data/lists …');
  const entries = sharedEntries();
  const cases = screeningCases();
  let built: Matcher | undefined;
  const tIndex = cpu(() => void (built = new Matcher(entries)));
  const matcher = built!;
  const rows = nameRows(entries);
  log(`${entries.length} entries, ${rows.length} names; datacustoms index ${matcher.size} keys in ${tIndex.toFixed(2)} s CPU`);

  // datacustoms
  const dcRank = (c: ScreeningCase): RankedHit[] =>
    matcher
      .match({ name: c.query, ...(c.query_country ? { country: c.query_country } : {}) }, matcher.settings.alertThreshold)
      .map((m) => ({ entry: m.entry, score: m.score }));
  const dc = evaluate(cases, dcRank);

  // speed first, before the peers fill the heap: the case queries, and distinct names from
  // the name bench (word-expansion caches cleared before each pass)
  const benchRows = readCsv(sharedPath('data/lists/name_matching/nomenklatura_name_bench_cases.csv'));
  const distinct = [...new Set(benchRows.flatMap((r) => [r['name1']!, r['name2']!]))];
  const queries = cases.map((c) => c.query);
  log('measuring datacustoms speed …');
  for (const q of [...queries, ...distinct]) matcher.match({ name: q }); // warm-up (JIT)
  // as screen() runs by default: matches at or above the alert threshold, explained
  const T = matcher.settings.alertThreshold;
  const dcCases = throughput(queries, (q) => void matcher.match({ name: q }, T), 7, () => matcher.clearCaches(), 8);
  const dcDistinct = throughput(distinct, (q) => void matcher.match({ name: q }, T), 5, () => matcher.clearCaches(), 8);
  const dcAll = throughput(distinct, (q) => void matcher.match({ name: q }, matcher.settings.candidateFloor), 3, () => matcher.clearCaches(), 5);

  // fuse.js over the same names
  log('building the fuse.js index …');
  const tFuse = cpu(() => void new Fuse(rows, { keys: ['plain'], includeScore: true, ignoreLocation: true, threshold: 0.5 }));
  const fuse = new Fuse(rows, { keys: ['plain'], includeScore: true, ignoreLocation: true, threshold: 0.5 });
  const fuseCache = new Map<string, (readonly [number, number])[]>();
  const fuseScores = (q: string) => {
    let v = fuseCache.get(q);
    if (!v) {
      v = fuse.search(plainText(q), { limit: 50 }).map((r) => [r.item.entry, 1 - (r.score ?? 1)] as const);
      fuseCache.set(q, v);
    }
    return v;
  };
  log('calibrating fuse.js …');
  const fz = calibrate(cases, (c, t) => bestPerEntry(entries, fuseScores(c.query), t));

  // plain Jaro-Winkler scan
  const jwScores = (q: string) => {
    const p = plainText(q);
    const out: (readonly [number, number])[] = [];
    for (const r of rows) out.push([r.entry, jaroWinkler(p, r.plain)]);
    return out;
  };
  const jwCache = new Map<string, (readonly [number, number])[]>();
  log('calibrating the Jaro-Winkler scan …');
  const jw = calibrate(cases, (c, t) => {
    let v = jwCache.get(c.query);
    if (!v) jwCache.set(c.query, (v = jwScores(c.query)));
    return bestPerEntry(entries, v, t);
  });

  log('measuring peer speed …');
  const fuseSpeed = throughput(queries.slice(0, 20), (q) => void fuse.search(plainText(q), { limit: 50 }), 1);
  const jwSpeed = throughput(queries.slice(0, 20), (q) => void jwScores(q), 2);

  // nomenklatura name bench
  log('scoring the nomenklatura name bench …');
  const frozen = new Map(readCsv(sharedPath('data/lists/name_matching/nomenklatura_logicv2_frozen_scores.csv')).map((r) => [`${r['name1']}\u0000${r['name2']}\u0000${r['schema']}`, Number(r['score'])]));
  const pairs: PairRow[] = benchRows.map((r, i) => {
    const key = `${r['name1']}\u0000${r['name2']}\u0000${r['schema']}`;
    const lv2 = frozen.get(key);
    return { id: String(i), schema: r['schema']!, name1: r['name1']!, name2: r['name2']!, match: r['is_match'] === 'true', ...(lv2 !== undefined ? { logicV2: lv2 } : {}) };
  });
  const s = matcher.settings;
  const ours = (p: PairRow) => {
    const person = p.schema === 'Person';
    return scoreNames(analyzeName(p.name1, s, person), analyzeName(p.name2, s, person), s);
  };
  const both = pairs.filter((p) => p.logicV2 !== undefined);
  const scored = both.map((p) => ({ p, dc: ours(p), lv2: p.logicV2!, jw: jaroWinkler(plainText(p.name1), plainText(p.name2)) }));
  const pairSpeed = throughput(
    both.map((p) => p.id),
    (id) => void ours(pairs[Number(id)]!),
    3,
  );

  // --- report ----------------------------------------------------------------------------
  const out: string[] = [];
  out.push('## screen: name screening');
  out.push('');
  out.push(
    `All lists in \`shared/data/lists\` loaded together: ${int(entries.length)} entries, ${int(rows.length)} names and aliases ` +
      `(datacustoms adds registered Chinese names from its table and pinyin/gloss keys: ${int(matcher.size)} indexed keys). ` +
      `Quality on \`shared/cases/screening-cases.jsonl\` (${cases.length} queries: ${cases.filter((c) => c.expected_match_name).length} must match, ` +
      `${cases.filter((c) => !c.expected_match_name).length} must not). A positive is found when the top-scored alert bears the expected name ` +
      `(legal forms aside); precision counts every query that alerted. The peers get the threshold (0.05 grid) with their best F1 on these ` +
      `same cases, which favours them; datacustoms runs at its default alert threshold ${s.alertThreshold}.`,
  );
  out.push('');
  out.push(`| engine | threshold | recall | precision | TP / FN / FP / TN | queries/s per core (cases) | µs per query | queries/s per core (${int(distinct.length)} distinct names) | index build (CPU s) |`);
  out.push('|---|---|---|---|---|---|---|---|---|');
  out.push(
    `| **datacustoms** (token scorer, 2-stage) | ${s.alertThreshold} (default) | **${f3(dc.recall)}** | **${f3(dc.precision)}** | ${dc.tp} / ${dc.fn} / ${dc.fp} / ${dc.tn} | **${int(dcCases.qps)}** | ${int(dcCases.perQueryUs)} | **${int(dcDistinct.qps)}** | ${f2(tIndex)} |`,
  );
  out.push(`| fuse.js ${'7.5.0'} (Bitap over the names) | ${fz.threshold} (best F1) | ${f3(fz.evaluation.recall)} | ${f3(fz.evaluation.precision)} | ${fz.evaluation.tp} / ${fz.evaluation.fn} / ${fz.evaluation.fp} / ${fz.evaluation.tn} | ${int(fuseSpeed.qps)} | ${int(fuseSpeed.perQueryUs)} | — | ${f2(tFuse)} |`);
  out.push(`| plain Jaro-Winkler scan (whole names) | ${jw.threshold} (best F1) | ${f3(jw.evaluation.recall)} | ${f3(jw.evaluation.precision)} | ${jw.evaluation.tp} / ${jw.evaluation.fn} / ${jw.evaluation.fp} / ${jw.evaluation.tn} | ${int(jwSpeed.qps)} | ${int(jwSpeed.perQueryUs)} | — | 0 |`);
  out.push('');
  out.push(
    `Target: recall and precision ≥ 0.95 at the default threshold, ≥ 5,000 queries/s per core with all lists loaded. ` +
      `Speed is CPU time of one thread (best pass of those run in 8 s; word-expansion caches cleared before each pass), as \`screen()\` runs by default ` +
      `(matches at or above the threshold, each explained); with \`--all\` (candidates down to ${s.candidateFloor}, all explained) the distinct names run at ${int(dcAll.qps)} queries/s per core. ` +
      `The case queries include ${cases.filter((c) => /[\u4e00-\u9fff]/.test(c.query)).length} Chinese-script names; the distinct-name set is every name of the nomenklatura bench (persons, companies, vessels, many scripts). ` +
      `fuse.js and the scan were timed on the first 20 case queries only (they take milliseconds per query).`,
  );
  const dcFail = failures(dc);
  out.push('');
  out.push(`datacustoms cases not passed: ${dcFail.length === 0 ? 'none' : ''}`);
  for (const f of dcFail) out.push(`- ${f}`);
  out.push('');
  out.push(`fuse.js cases not passed (${failures(fz.evaluation).length}): ${failures(fz.evaluation).slice(0, 8).map((f) => f.replace(/\|/g, '/')).join('; ')}${failures(fz.evaluation).length > 8 ? '; …' : ''}`);
  out.push('');
  out.push(`Jaro-Winkler cases not passed (${failures(jw.evaluation).length}): ${failures(jw.evaluation).slice(0, 8).map((f) => f.replace(/\|/g, '/')).join('; ')}${failures(jw.evaluation).length > 8 ? '; …' : ''}`);
  out.push('');

  out.push('### nomenklatura name bench (`name_matching/nomenklatura_name_bench_cases.csv`)');
  out.push('');
  out.push(
    `${both.length} labelled pairs that the frozen logic-v2 run (\`nomenklatura_logicv2_frozen_scores.csv\`, 2026-05-02) scored; datacustoms scores name1 (query) against name2 (list name), ` +
      `personal names without legal-form tagging for schema Person. Pair scoring: ${int(pairSpeed.qps)} pairs/s per core (${f2(pairSpeed.perQueryUs)} µs per pair, analysis included). ` +
      `Precision / recall / F1 by threshold:`,
  );
  out.push('');
  out.push('| threshold | datacustoms P | R | F1 | logic-v2 (frozen) P | R | F1 | Jaro-Winkler P | R | F1 |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const a = prf(scored.map((x) => ({ match: x.p.match, score: x.dc })), t);
    const b = prf(scored.map((x) => ({ match: x.p.match, score: x.lv2 })), t);
    const c = prf(scored.map((x) => ({ match: x.p.match, score: x.jw })), t);
    out.push(`| ${t.toFixed(1)}${t === s.alertThreshold ? ' (our default)' : t === 0.7 ? ' (yente default)' : ''} | ${f2(a.precision)} | ${f2(a.recall)} | ${f2(a.f1)} | ${f2(b.precision)} | ${f2(b.recall)} | ${f2(b.f1)} | ${f2(c.precision)} | ${f2(c.recall)} | ${f2(c.f1)} |`);
  }
  out.push('');
  out.push('By schema, at each engine\'s default (datacustoms 0.8, logic-v2 0.7): F1');
  out.push('');
  out.push('| schema | pairs | datacustoms | logic-v2 |');
  out.push('|---|---|---|---|');
  for (const schema of [...new Set(scored.map((x) => x.p.schema))].sort()) {
    const sub = scored.filter((x) => x.p.schema === schema);
    const a = prf(sub.map((x) => ({ match: x.p.match, score: x.dc })), s.alertThreshold);
    const b = prf(sub.map((x) => ({ match: x.p.match, score: x.lv2 })), 0.7);
    out.push(`| ${schema} | ${sub.length} | ${f2(a.f1)} | ${f2(b.f1)} |`);
  }
  out.push('');
  out.push(
    'datacustoms is tuned for screening organizations (legal forms, weak words, Chinese names); personal names get the same token scorer without ' +
      'logic-v2\'s name-part and transliteration knowledge, which is where it trails.',
  );
  out.push('');
  out.push('Rerun: `npm run bench -- screen` (needs `../shared` beside the repo).');
  return out.join('\n');
}

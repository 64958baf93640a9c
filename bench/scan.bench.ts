/**
 * `npm run bench -- scan`: the sensitive-data scanner against redact-pii and @arcjet/redact.
 *
 * 1. Accuracy: a labelled corpus (src/scan/corpus, seed 11) is scanned by datacustoms (CSV
 *    reader → detectors, the full path) and, value by value, by each peer in detection mode.
 *    Precision / recall / F1 per type on the same labels (span IoU ≥ 0.5); peers' entity
 *    types are mapped to ours.
 * 2. Throughput: a 1 GB CSV and a 1 GB JSON-lines file (generated under bench/.out/), each
 *    scanned end to end in a child process (read → decode → parse → detect → keyed subject
 *    sketch). MB/s per core = bytes ÷ CPU seconds of that process; wall MB/s beside it. Peers
 *    run line by line on a stated prefix of the same files.
 * 3. Memory: peak RSS of a full scan of a 2 GB CSV.
 *
 * Sizes: SCAN_BENCH_GB (default 1), SCAN_BENCH_RSS_GB (default 2), SCAN_BENCH_PEER_MB
 * (default 20). The big files repeat a pool of generated records with fresh ids.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectionType } from '../src/scan/core/types.js';
import { createSourceScanner } from '../src/scan/core/scanner.js';
import { CorpusGenerator, COLUMNS, csvHeader, csvRow, evaluate, jsonLine, type LabelledRecord, type Prediction, type TypeScore } from '../src/scan/corpus/index.js';
import { readCsv, readJsonLines } from '../src/scan/readers/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '.out');
const GB = Number(process.env['SCAN_BENCH_GB'] ?? 1);
const RSS_GB = Number(process.env['SCAN_BENCH_RSS_GB'] ?? 2);
const PEER_MB = Number(process.env['SCAN_BENCH_PEER_MB'] ?? 20);
/** @arcjet/redact runs at ~0.1 MB/s here, so it gets a smaller prefix. */
const ARCJET_MB = Number(process.env['SCAN_BENCH_ARCJET_MB'] ?? 2);
const EVAL_RECORDS = Number(process.env['SCAN_BENCH_EVAL_RECORDS'] ?? 2000);
const POOL = 20_000;
/** DESIGN.md: ≥ 100 MB/s per core on CSV and JSON lines with all detectors on. */
const TARGET_MBPS = 100;

// --- peers ---------------------------------------------------------------------------------------

/** Each peer's entity → our types (a prediction takes the type of the label it overlaps, if in the set). */
const REDACT_PII_TYPES: Record<string, readonly DetectionType[]> = {
  creditCardNumber: ['payment_card'],
  phoneNumber: ['phone', 'cn_mobile'],
  emailAddress: ['email'],
  ipAddress: ['ip_address'],
  usSocialSecurityNumber: ['us_ssn', 'us_itin'],
  streetAddress: ['address', 'cn_address'],
  names: ['person_name'],
};
const ARCJET_TYPES: Record<string, readonly DetectionType[]> = {
  email: ['email'],
  'phone-number': ['phone', 'cn_mobile'],
  'ip-address': ['ip_address'],
  'credit-card-number': ['payment_card'],
};

interface PeerSpan {
  readonly entity: string;
  readonly start: number;
  readonly end: number;
}

/** redact-pii's fixed placeholders (3.4.0 ignores per-redactor `replaceWith`) → its redactor names. */
const REDACT_PII_PLACEHOLDERS: Record<string, string> = {
  CREDIT_CARD_NUMBER: 'creditCardNumber',
  STREET_ADDRESS: 'streetAddress',
  ZIPCODE: 'zipcode',
  PHONE_NUMBER: 'phoneNumber',
  IP_ADDRESS: 'ipAddress',
  US_SOCIAL_SECURITY_NUMBER: 'usSocialSecurityNumber',
  EMAIL_ADDRESS: 'emailAddress',
  USERNAME: 'username',
  PASSWORD: 'password',
  CREDENTIALS: 'credentials',
  DIGITS: 'digits',
  URL: 'url',
  PERSON_NAME: 'names',
};
const PLACEHOLDER = new RegExp(Object.keys(REDACT_PII_PLACEHOLDERS).join('|'), 'g');

/** redact-pii in its default configuration (every built-in on). */
async function redactPiiDetector(): Promise<(text: string) => PeerSpan[]> {
  const { SyncRedactor } = (await import('redact-pii')) as typeof import('redact-pii');
  const r = new SyncRedactor();
  return (text) => spansFromPlaceholders(text, r.redact(text));
}

/**
 * Align the redacted output with the input: each placeholder stands for one input span,
 * which ends where the next literal stretch of the output starts again in the input.
 */
function spansFromPlaceholders(input: string, output: string): PeerSpan[] {
  const spans: PeerSpan[] = [];
  let i = 0;
  let o = 0;
  let pending: { entity: string; start: number } | undefined;
  PLACEHOLDER.lastIndex = 0;
  for (;;) {
    const m = PLACEHOLDER.exec(output);
    const lit = output.slice(o, m ? m.index : output.length);
    let at = i;
    if (lit.length) {
      at = input.indexOf(lit, i);
      if (at < 0) break;
    } else if (!m) at = input.length;
    if (pending) spans.push({ ...pending, end: at });
    pending = undefined;
    i = at + lit.length;
    if (!m) break;
    pending = { entity: REDACT_PII_PLACEHOLDERS[m[0]]!, start: i };
    o = m.index + m[0].length;
  }
  return spans.filter((x) => x.end > x.start);
}

/** Inputs on which @arcjet/redact threw (reported in the tables). */
let arcjetPanics = 0;

/** @arcjet/redact: the replace callback records each entity and its text; offsets by search. */
async function arcjetDetector(): Promise<(text: string) => Promise<PeerSpan[]>> {
  const { redact } = await import('@arcjet/redact');
  return async (text) => {
    const found: { entity: string; plaintext: string }[] = [];
    try {
      await redact(text, {
        entities: ['email', 'phone-number', 'ip-address', 'credit-card-number'],
        replace: (entity, plaintext) => {
          found.push({ entity, plaintext });
          return undefined;
        },
      });
    } catch {
      // its WASM module panics ("unreachable") on some inputs and recovers; count, detect nothing
      arcjetPanics++;
      return [];
    }
    const spans: PeerSpan[] = [];
    let from = 0;
    for (const f of found) {
      const at = text.indexOf(f.plaintext, from);
      if (at < 0) continue;
      spans.push({ entity: f.entity, start: at, end: at + f.plaintext.length });
      from = at + f.plaintext.length;
    }
    return spans;
  };
}

// --- corpus files --------------------------------------------------------------------------------

/** A CSV and a JSON-lines file of at least `bytes`, from a pool of generated records with fresh ids. */
async function ensureFiles(bytes: number, tag: string, withJsonl = true): Promise<{ csv: string; jsonl: string }> {
  mkdirSync(OUT, { recursive: true });
  const csv = join(OUT, `scan-${tag}.csv`);
  const jsonl = join(OUT, `scan-${tag}.jsonl`);
  const ok = (f: string) => existsSync(f) && statSync(f).size >= bytes;
  if (ok(csv) && (!withJsonl || ok(jsonl))) return { csv, jsonl };
  process.stderr.write(`scan bench: generating ${tag} CSV and JSON lines under bench/.out/ …\n`);
  const g = new CorpusGenerator(1);
  const pool: { csv: string; json: string }[] = [];
  for (let i = 0; i < POOL; i++) {
    const r = g.next();
    const row = csvRow(r);
    const line = jsonLine(r);
    pool.push({ csv: row.slice(row.indexOf(',')), json: line.slice(line.indexOf(',')) });
  }
  const write = async (path: string, header: string, make: (id: number, k: number) => string) => {
    const ws = createWriteStream(path);
    let size = Buffer.byteLength(header);
    ws.write(header);
    let buf = '';
    for (let id = 1; size < bytes; id++) {
      const line = make(id, (id - 1) % POOL);
      buf += line;
      if (buf.length > 1 << 20) {
        size += Buffer.byteLength(buf);
        if (!ws.write(buf)) await new Promise<void>((r) => ws.once('drain', () => r()));
        buf = '';
      }
    }
    ws.write(buf);
    await new Promise<void>((r, j) => ws.end((e?: Error | null) => (e ? j(e) : r())));
  };
  if (!ok(csv)) await write(csv, csvHeader(), (id, k) => `${id}${pool[k]!.csv}`);
  if (withJsonl && !ok(jsonl)) await write(jsonl, '', (id, k) => `{"id":"${id}"${pool[k]!.json}`);
  return { csv, jsonl };
}

// --- workers (each measurement in its own process) ------------------------------------------------

interface RunStats {
  readonly bytes: number;
  readonly cpuS: number;
  readonly wallS: number;
  readonly maxRssMB: number;
  readonly records: number;
  readonly findings: number;
  /** Inputs the tool threw on (arcjet's WASM panics). */
  readonly errors?: number;
  /** datacustoms: the detector engine that ran (src/scan/core/scan-engine.ts). */
  readonly engine?: string;
}

async function worker(args: string[]): Promise<void> {
  const [toolArg, file, limitArg] = args as [string, string, string?];
  // 'ours-ts': datacustoms with its TypeScript engine (the reference the WebAssembly one ports)
  if (toolArg === 'ours-ts') process.env['DATACUSTOMS_SCAN_ENGINE'] = 'ts';
  const tool = toolArg === 'ours-ts' ? 'ours' : toolArg;
  const engine = tool === 'ours' ? (await import('../src/scan/core/scan-engine.js')).createScanEngine().kind : undefined;
  const limit = limitArg ? Number(limitArg) : Infinity;
  const { SubjectCounter } = await import('../src/scan/subjects/counter.js');
  const { subjectKeyFrom } = await import('../src/scan/subjects/key.js');
  const redactPii = tool === 'redact-pii' ? await redactPiiDetector() : undefined;
  const arcjet = tool === 'arcjet' ? await arcjetDetector() : undefined;
  const u0 = process.resourceUsage();
  const t0 = performance.now();
  let bytes = 0;
  let records = 0;
  let findings = 0;
  if (tool === 'ours') {
    const counter = new SubjectCounter(subjectKeyFrom('datacustoms-bench'));
    // subject keys as code units into the counter, as scan() wires it (src/scan/index.ts)
    const scanner = createSourceScanner({ subjectSink: counter });
    // bytes, as the file source hands UTF-8 CSV / JSON lines to the readers (they decode
    // only the fields that are not ASCII)
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    const st = file.endsWith('.csv') ? await readCsv(stream, { source: file }, scanner) : await readJsonLines(stream, { source: file }, scanner);
    const r = scanner.result();
    bytes = statSync(file).size;
    records = st.records;
    findings = r.findingsTotal;
  } else {
    // peers: line by line over the first `limit` bytes
    const lines = readPrefixLines(file, limit);
    bytes = lines.bytes;
    if (redactPii) for (const l of lines.lines) findings += redactPii(l).length;
    else if (arcjet) for (const l of lines.lines) findings += (await arcjet(l)).length;
    records = lines.lines.length;
  }
  const u = process.resourceUsage();
  const stats: RunStats = {
    bytes,
    cpuS: (u.userCPUTime - u0.userCPUTime + u.systemCPUTime - u0.systemCPUTime) / 1e6,
    wallS: (performance.now() - t0) / 1000,
    maxRssMB: u.maxRSS / 1024,
    records,
    findings,
    ...(arcjetPanics ? { errors: arcjetPanics } : {}),
    ...(engine ? { engine } : {}),
  };
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}

function readPrefixLines(file: string, limit: number): { lines: string[]; bytes: number } {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(Math.min(limit, statSync(file).size));
  readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const end = buf.lastIndexOf(10);
  const text = buf.subarray(0, end + 1).toString('utf8');
  const lines = text.split('\n').filter((l) => l.length);
  return { lines, bytes: end + 1 };
}

/**
 * The product runs compiled JavaScript (bin/datacustoms → dist/), not tsx, whose loader adds
 * ~80 MB of RSS. So the workers run plain node on a transpiled copy of src/ and of this file
 * (typescript's transpileModule, into bench/.out/js/, same layout so imports resolve).
 */
let workerEntry: string | undefined;
async function compileWorkers(): Promise<string> {
  if (workerEntry) return workerEntry;
  const ts = (await import('typescript')).default;
  const root = dirname(here);
  const outRoot = join(OUT, 'js');
  const opts = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false };
  const emit = (rel: string) => {
    const src = readFileSync(join(root, rel), 'utf8');
    const out = ts.transpileModule(src, { compilerOptions: opts, fileName: rel }).outputText;
    const dest = join(outRoot, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, out);
  };
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
    );
  for (const rel of walk('src')) emit(rel);
  emit(join('bench', 'scan.bench.ts'));
  // the scan engine's module, where src/scan/wasm/wasm-engine.ts looks for it
  mkdirSync(join(outRoot, 'wasm'), { recursive: true });
  copyFileSync(join(root, 'wasm', 'scan-engine.wasm'), join(outRoot, 'wasm', 'scan-engine.wasm'));
  workerEntry = join(outRoot, 'bench', 'scan.bench.js');
  return workerEntry;
}

function run(tool: string, file: string, limit?: number): RunStats {
  const args = [workerEntry!, '--scan-worker', tool, file, ...(limit !== undefined ? [String(limit)] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24, cwd: dirname(here) });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`scan bench worker ${tool} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as RunStats;
}

// --- accuracy ------------------------------------------------------------------------------------

let evalPanics = 0;

async function accuracy(): Promise<{ ours: TypeScore[]; oursMicro: TypeScore; peers: Record<string, { perType: TypeScore[]; micro: TypeScore; types: DetectionType[] }>; records: number; labels: number }> {
  const g = new CorpusGenerator(11);
  const recs: LabelledRecord[] = [];
  for (let i = 0; i < EVAL_RECORDS; i++) recs.push(g.next());
  // ours: the real path (UTF-8 CSV bytes → reader → scanner, as the file source hands them over)
  const scanner = createSourceScanner({ maxFindings: Number.MAX_SAFE_INTEGER });
  await readCsv([Buffer.from(csvHeader() + recs.map((r) => csvRow(r)).join(''), 'utf8')], { source: 'eval.csv', recordKey: 'id' }, scanner);
  const ourPreds: Prediction[] = scanner.result().findings.map((f) => ({ record: String(f.record), field: f.field, type: f.type, start: f.start, end: f.end }));
  const ours = evaluate(recs, ourPreds);
  const labels = recs.reduce((a, r) => a + Object.values(r.fields).reduce((b, v) => b + v.labels.length, 0), 0);

  const peers: Record<string, { perType: TypeScore[]; micro: TypeScore; types: DetectionType[] }> = {};
  const rp = await redactPiiDetector();
  const aj = await arcjetDetector();
  for (const [name, map, detectAll] of [
    ['redact-pii', REDACT_PII_TYPES, async (v: string) => rp(v)],
    ['@arcjet/redact', ARCJET_TYPES, aj],
  ] as const) {
    const preds: Prediction[] = [];
    for (const rec of recs) {
      for (const field of COLUMNS) {
        const v = rec.fields[field];
        if (!v || field === 'id') continue;
        for (const sp of await detectAll(v.value)) {
          const candidates = map[sp.entity];
          if (!candidates) continue; // entity types we do not score (zipcode, url, digits …)
          const over = v.labels.find((l) => candidates.includes(l.type) && l.start < sp.end && sp.start < l.end);
          preds.push({ record: rec.id, field, type: over?.type ?? candidates[0]!, start: sp.start, end: sp.end });
        }
      }
    }
    const types = [...new Set(Object.values(map).flat())];
    const ev = evaluate(recs, preds, types);
    if (name === '@arcjet/redact') evalPanics = arcjetPanics;
    peers[name] = { perType: [...ev.perType], micro: ev.micro, types };
  }
  return { ours: [...ours.perType], oursMicro: ours.micro, peers, records: recs.length, labels };
}

// --- report --------------------------------------------------------------------------------------

const f3 = (x: number) => x.toFixed(3);
const mbps = (bytes: number, s: number) => (s > 0 ? (bytes / 1e6 / s).toFixed(1) : '–');

function calibration(): number {
  const s = 'hello world this is text '.repeat(400_000);
  let best = 0;
  for (let rep = 0; rep < 3; rep++) {
    const c0 = process.cpuUsage();
    let n = 0;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
    const u = process.cpuUsage(c0);
    if (n > 0) best = Math.max(best, s.length / 1e6 / ((u.user + u.system) / 1e6));
  }
  return best;
}

export default async function scanBench(): Promise<string> {
  await compileWorkers();
  const acc = await accuracy();
  const big = await ensureFiles(GB * 1e9, `${GB}gb`);
  const huge = RSS_GB === GB ? big : await ensureFiles(RSS_GB * 1e9, `${RSS_GB}gb`, false);
  const peerBytes = PEER_MB * 1e6;
  const runs: { tool: string; input: string; note: string; s: RunStats }[] = [];
  for (const [label, file] of [
    ['CSV', big.csv],
    ['JSON lines', big.jsonl],
  ] as const) {
    process.stderr.write(`scan bench: datacustoms on ${label} …\n`);
    const whole = run('ours', file);
    if (whole.engine !== 'wasm') throw new Error(`scan bench: datacustoms ran its ${whole.engine} engine, not the WebAssembly one`);
    runs.push({ tool: 'datacustoms', input: label, note: 'whole file, end to end', s: whole });
    process.stderr.write(`scan bench: datacustoms with its TypeScript engine on ${label} …\n`);
    runs.push({ tool: 'datacustoms, TypeScript engine', input: label, note: 'whole file, end to end', s: run('ours-ts', file) });
    process.stderr.write(`scan bench: peers on ${label} (${PEER_MB} MB prefix) …\n`);
    runs.push({ tool: 'datacustoms', input: label, note: `${PEER_MB} MB prefix, end to end`, s: run('ours', prefixFile(file, peerBytes)) });
    runs.push({ tool: 'redact-pii 3.4.0', input: label, note: `${PEER_MB} MB prefix, line by line`, s: run('redact-pii', file, peerBytes) });
    runs.push({ tool: '@arcjet/redact 1.4.0', input: label, note: `${ARCJET_MB} MB prefix, line by line`, s: run('arcjet', file, ARCJET_MB * 1e6) });
  }
  process.stderr.write('scan bench: peak RSS on the large CSV …\n');
  const rss = run('ours', huge.csv);
  const cal = calibration();

  const f1All = (tool: string) => (tool.startsWith('datacustoms') ? acc.oursMicro.f1 : tool.startsWith('redact-pii') ? acc.peers['redact-pii']!.micro.f1 : acc.peers['@arcjet/redact']!.micro.f1);
  const lines: string[] = [];
  lines.push('## scan — sensitive-data discovery', '');
  lines.push(
    `Throughput: MB/s per core is bytes ÷ CPU seconds of the scanning process (user + system, all its threads; plain node on the transpiled sources, as the CLI runs); wall MB/s beside it. ` +
      `This machine is shared (2 cores, other engineers' jobs running), so wall figures are noisy and CPU figures are the ones to compare. ` +
      `Calibration on this run: a bare \`charCodeAt\` loop counting spaces runs at **${cal.toFixed(0)} M chars/s** per core here — compare it with your machine before comparing MB/s.`,
    '',
  );
  lines.push('| tool | input | scope | MB | CPU s | MB/s per core | wall MB/s | peak RSS MB | records | detections | F1 (its own types) |');
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    const f1 = r.tool.startsWith('datacustoms') ? acc.oursMicro.f1 : f1All(r.tool);
    lines.push(
      `| ${r.tool} | ${r.input} | ${r.note}${r.s.errors ? ` (threw on ${r.s.errors} lines)` : ''} | ${(r.s.bytes / 1e6).toFixed(0)} | ${r.s.cpuS.toFixed(1)} | **${mbps(r.s.bytes, r.s.cpuS)}** | ${mbps(r.s.bytes, r.s.wallS)} | ${r.s.maxRssMB.toFixed(0)} | ${r.s.records} | ${r.s.findings} | ${f3(f1)} |`,
    );
  }
  lines.push('');
  // The throughput target (DESIGN.md): ≥ 100 MB/s per core, whole file, all detectors on.
  for (const input of ['CSV', 'JSON lines']) {
    const whole = runs.find((r) => r.tool === 'datacustoms' && r.input === input && r.note.startsWith('whole'))!;
    const rate = whole.s.bytes / 1e6 / whole.s.cpuS;
    lines.push(`- ${input} throughput: **${rate.toFixed(1)} MB/s per core** on the whole file — ${rate >= TARGET_MBPS ? 'meets' : '**misses**'} the ≥ ${TARGET_MBPS} MB/s target${rate >= TARGET_MBPS ? '' : ` (${(TARGET_MBPS / rate).toFixed(1)}× short)`}.`);
  }
  for (const input of ['CSV', 'JSON lines']) {
    const ours = runs.find((r) => r.tool === 'datacustoms' && r.input === input && r.note.includes('prefix'))!;
    const peers = runs.filter((r) => !r.tool.startsWith('datacustoms') && r.input === input);
    const fastest = peers.reduce((a, b) => (a.s.bytes / a.s.cpuS > b.s.bytes / b.s.cpuS ? a : b));
    lines.push(`- ${input}: datacustoms is **${(ours.s.bytes / ours.s.cpuS / (fastest.s.bytes / fastest.s.cpuS)).toFixed(1)}×** the fastest peer (${fastest.tool}) per core on the same ${PEER_MB} MB prefix, at F1 ${f3(acc.oursMicro.f1)} over all ${acc.ours.length} types against the peer's ${f3(f1All(fastest.tool))} on its own ${acc.peers[fastest.tool.startsWith('redact') ? 'redact-pii' : '@arcjet/redact']!.types.length}.`);
  }
  lines.push(`- Peak RSS scanning the ${(rss.bytes / 1e9).toFixed(1)} GB CSV end to end (1 MiB read chunks, as the file source reads): **${rss.maxRssMB.toFixed(0)} MB** (target < 256 MB); ${mbps(rss.bytes, rss.cpuS)} MB/s per core.`);
  lines.push(
    `- Inputs: bench/.out/scan-${GB}gb.{csv,jsonl} (${COLUMNS.length} columns, English and Chinese records; a pool of ${POOL.toLocaleString('en-US')} generated records repeated with fresh ids) and bench/.out/scan-${RSS_GB}gb.csv. ` +
      `datacustoms runs end to end as the file source does: read bytes, CSV/JSON-lines parse and UTF-8 decode (in the WebAssembly module), all detectors, keyed subject sketch. Peers get each line as one string (their fastest mode), in detection mode (redact-pii with every built-in; @arcjet/redact with its four entities).`,
    '',
  );
  lines.push(
    '### Where the time goes (CSV, warm profile with `node --cpu-prof`; rerun to check it still holds)',
    '',
    '- **2026-12-07, seventh session: the detectors run as WebAssembly.** They were ported line by line to freestanding C (native/scan-engine/, ≈ 3,400 lines, each function named after the TypeScript one it ports) and compiled with clang -O3 and link-time optimisation into wasm/scan-engine.wasm (78 kB, committed; CI rebuilds it and checks it is what the sources give). The TypeScript engine stays the reference: parity tests require the same type, span, confidence, jurisdiction and narrowed text for every hit on the corpus, every string literal of the detector tests and 40,000 random strings, and the whole scanner (counts, findings, masked samples, record ids, subject keys) gives the same result with either engine. The two rows per file above are the same scan with each engine. A record\'s values go to the module in one call. On one value repeated in a warm loop the port is no faster than V8\'s optimised code (80–170 ns against 64–137 ns per value); inside the scan, over varied values, it is: the engine\'s share of a 50 MB CSV profile fell from ≈ 1.0 s to ≈ 0.4 s. On the 1 GB files of this run the gain is smaller than on short ones (the TypeScript engine\'s code, optimised longer, catches up): CSV 16.7 against 20.8 s of CPU (1.25×), JSON lines 13.4 against 16.3 s (1.22×). Alternating runs on 50 MB prefixes, start-up included: CSV 1.48–1.60 s against 2.25–2.75 s with the TypeScript engine, JSON lines 1.44–1.75 s against 1.98–2.67 s; the CLI on the same CSV 1.8 s against 3.2 s, with byte-identical JSON output. Link-time optimisation mattered (helpers of other files inlined: a 37-character address value 330 → 210 ns), and so did one call per record (per value, the calls and the typed arrays made for each cost about a third of the gain).',
    '- **2026-12-07, eighth session: the module reads the files and books the hits.** UTF-8 CSV and JSON lines go to it as bytes (native/scan-engine/csv.c, jsonl.c): it parses whole records, decodes the values from UTF-8 into UTF-16 itself and scans them in one call per chunk, with no JavaScript string per value; fields, strings and tokens are searched and classified 16 bytes (8 units) at a time with WebAssembly SIMD. Once the scan keeps no more findings (the first 1,000 by default), book.c counts the hits per field and type, adds their confidences in input order, picks each record\'s subject identifier per jurisdiction, writes its key and hashes it with the counter\'s SipHash key, so only hashes come back. csv.ts and jsonl.ts stay the reference and read text input, the TypeScript engine\'s scans and whatever the module hands back (a nested or decimal JSON line alone, in its place; the rest of a file past 900 JSON keys, a 1 MiB CSV field or a 4 MiB record); csv-parity.test.ts and jsonl-parity.test.ts hold the readers to the same result on random bytes cut into random chunks, with and without findings kept, and the CLI\'s JSON for a 50 MB CSV is byte-identical with either engine. The same 1 GB CSV on the same host and hour: 29.0 s of CPU with the previous session\'s code, 12.5–15.7 s now (2.1×); JSON lines 10.5–12.9 s. That session\'s bench ran on a slow spell of the host (calibration 144 M chars/s; the TypeScript-engine rows took 44.0 / 39.6 s, against 20.8 / 16.3 s in the run before; redact-pii 1.4 / 2.1 MB/s against 3.1 / 5.0) and gave 70.8 / 77.7 MB/s per core (63.9 / 83.5 in a run an hour earlier): the same-run ratio to the TypeScript engine went from 1.25× / 1.22× to 3.1× / 3.1×.',
    '- **2026-12-07, ninth session: the same scan code on faster spells of the host.** A first run this session, with the eighth session\'s code unchanged (calibration 439 M chars/s against 144 in the eighth session\'s run), gave 108.4 / 149.5 MB/s per core on the 1 GB CSV / JSON lines (2.1× / 2.3× the TypeScript engine in the same run) and 129.3 MB/s on the 2 GB CSV. The figures above are the session\'s last run (calibration 334 M chars/s), after three changes off this corpus\'s hot path: a finished scanner hands its WebAssembly instance to the next one instead of each making its own (a directory of 2,000 small CSV files: 10.1–10.8 → 4.6–4.8 s of CPU), region codes are cached once per process, and the JSON-lines module reads decimals with trailing fraction zeros (12.50) itself (a 21 MB file of such lines: 0.85 → 0.49–0.53 s; this corpus has none). Runs of this code have measured 64–150 MB/s per core as the host moved; compare each run with its calibration line.',
    '- What the WebAssembly scan spends now (CSV, 200 MB, profile with the main functions kept out of line): parsing and decoding ≈ 10 %, the engine\'s walk (run, token) ≈ 13 %, digit runs ≈ 8 %, per-value set-up and hit copying ≈ 7 %, whole-value checks of hinted columns ≈ 6 %, the other detectors ≈ 30 %, subject keys (key, SipHash, the sketch) ≈ 9 %, garbage collection ≈ 2 %. No one part is left that would give the missing factor alone; the CPU is in the detectors.',
    '- Before this session (TypeScript engine): detectors ≈ 60 % of the CPU, reading and parsing ≈ 23 %, bookkeeping ≈ 8 %, subject keys ≈ 5 %. A scanner that detects nothing reads and parses at ≈ 180–210 MB/s per core on a good day of this host. Tried then and dropped (no gain in interleaved A/B): the detectors over a typed-array copy of the text, column-by-column scanning, a dispatch table in the main walk, a token walk gathering only class unions. This shared machine\'s speed moves with its host (a random `Map.get` cost 125–750 ns across these sessions, docs/bench/check.md; a bare `charCodeAt` loop 2.1–4.5 ns in this one), so compare runs only with their calibration line.',
    '- The first ~0.6 s of CPU is JIT warm-up, which is why the 20 MB prefix rows are slower than the whole-file rows.',
    '',
  );

  lines.push(`### Accuracy on the labelled corpus (${acc.records.toLocaleString('en-US')} records, ${acc.labels.toLocaleString('en-US')} labelled values, seed 11)`, '');
  lines.push(
    'Span match: same type, same record and field, IoU ≥ 0.5. Peers are scored on the types they claim (their entities mapped to ours: redact-pii phoneNumber → phone or cn_mobile, streetAddress → address or cn_address, names → person_name, …); unmapped peer entities (zipcode, url, digits) are ignored, not counted against them.',
    '',
  );
  const peerNames = Object.keys(acc.peers);
  lines.push(`| type | TP | FP | FN | precision | recall | F1 | ${peerNames.map((p) => `${p} F1`).join(' | ')} |`);
  lines.push(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ${peerNames.map(() => '---:').join(' | ')} |`);
  for (const t of acc.ours) {
    const peerF1 = peerNames.map((p) => {
      const x = acc.peers[p]!.perType.find((y) => y.type === t.type);
      return acc.peers[p]!.types.includes(t.type) && x ? f3(x.f1) : '—';
    });
    lines.push(`| ${t.type} | ${t.tp} | ${t.fp} | ${t.fn} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.f1)} | ${peerF1.join(' | ')} |`);
  }
  lines.push(
    `| **all (micro)** | ${acc.oursMicro.tp} | ${acc.oursMicro.fp} | ${acc.oursMicro.fn} | ${f3(acc.oursMicro.precision)} | ${f3(acc.oursMicro.recall)} | **${f3(acc.oursMicro.f1)}** | ${peerNames.map((p) => `${f3(acc.peers[p]!.micro.f1)} (own types)`).join(' | ')} |`,
  );
  lines.push('');
  if (evalPanics) lines.push(`@arcjet/redact threw on ${evalPanics} of the corpus values (scored as detecting nothing there).`, '');
  lines.push('Rerun: `npm run bench -- scan` (sizes: `SCAN_BENCH_GB=1 SCAN_BENCH_RSS_GB=2 SCAN_BENCH_PEER_MB=20 SCAN_BENCH_ARCJET_MB=2`).');
  return lines.join('\n');
}

/** A file holding the first `bytes` (whole lines) of `file`, so both sides scan the same prefix. */
function prefixFile(file: string, bytes: number): string {
  const out = file.replace(/(\.\w+)$/, `.prefix-${Math.round(bytes / 1e6)}mb$1`);
  if (existsSync(out)) return out;
  const { lines } = readPrefixLines(file, bytes);
  writeFileSync(out, lines.join('\n') + '\n');
  return out;
}

if (process.argv[2] === '--scan-worker') {
  await worker(process.argv.slice(3));
}

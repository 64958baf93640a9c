/**
 * `npm run bench -- sbom`: a generated 100,000-component CycloneDX SBOM against 10,000 generated
 * OSV advisories (Maven/npm/PyPI/Go, realistic range shapes), end to end (parse + match), plus
 * scaling, an index-less baseline, and the real files in ../shared/data.
 * Generated inputs go to bench/.out/sbom/ (git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { strToU8, zipSync } from 'fflate';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import type { Component } from '../src/sbom/components.js';
import { AdvisoryIndex, type Match, type NotEvaluated } from '../src/sbom/match.js';
import { loadAdvisories } from '../src/sbom/osv/load.js';
import { matchSboms, readSbomFile } from '../src/sbom/scan.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'bench', '.out', 'sbom');
const shared = process.env['DATACUSTOMS_SHARED'] ?? join(root, '..', 'shared');

/** mulberry32: a small seeded PRNG, so every run generates the same inputs. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

type Eco = 'Maven' | 'npm' | 'PyPI' | 'Go';
const MIX: readonly [Eco, number, number][] = [
  // ecosystem, share of components, packages in the universe
  ['Maven', 0.4, 30_000],
  ['npm', 0.35, 30_000],
  ['PyPI', 0.15, 10_000],
  ['Go', 0.1, 6_000],
];

function pkgName(eco: Eco, i: number): string {
  if (eco === 'Maven') return `org.example${i % 500}:artifact-${i}`;
  if (eco === 'npm') return i % 4 === 0 ? `@scope${i % 97}/pkg-${i}` : `pkg-${i}`;
  if (eco === 'PyPI') return i % 3 === 0 ? `Py_Package.${i}` : `py-package-${i}`;
  return `github.com/org${i % 300}/mod${i}`;
}

function purl(eco: Eco, name: string, version: string): string {
  if (eco === 'Maven') {
    const [g, a] = name.split(':');
    return `pkg:maven/${g}/${a}@${version}?type=jar`;
  }
  if (eco === 'npm') return `pkg:npm/${name.replace('@', '%40')}@${version}`;
  if (eco === 'PyPI') return `pkg:pypi/${name.toLowerCase()}@${version}`;
  return `pkg:golang/${name}@${version}`;
}

function version(eco: Eco, r: ReturnType<typeof rng>, major = r.int(6), minor = r.int(20), patch = r.int(30)): string {
  const q = r.next();
  if (eco === 'Maven') {
    if (q < 0.1) return `${major}.${minor}.${patch}.RELEASE`;
    if (q < 0.15) return `${major}.${minor}.${patch}-rc${1 + r.int(3)}`;
    if (q < 0.18) return `${major}.${minor}-beta${1 + r.int(9)}`;
    if (q < 0.22) return `${major}.${minor}.${patch}.${r.int(5)}`;
    return `${major}.${minor}.${patch}`;
  }
  if (eco === 'npm') return q < 0.05 ? `${major}.${minor}.${patch}-beta.${r.int(5)}` : `${major}.${minor}.${patch}`;
  if (eco === 'PyPI') {
    if (q < 0.05) return `${major}.${minor}rc${1 + r.int(3)}`;
    if (q < 0.08) return `${major}.${minor}.post${1 + r.int(2)}`;
    return q < 0.5 ? `${major}.${minor}` : `${major}.${minor}.${patch}`;
  }
  return q < 0.1 ? `v0.0.0-2021${String(1 + r.int(12)).padStart(2, '0')}01120000-abcdef${r.int(999999).toString().padStart(6, '0')}` : `v${major}.${minor}.${patch}`;
}

/** One advisory with a realistic range shape for its ecosystem. */
function advisory(id: number, eco: Eco, name: string, r: ReturnType<typeof rng>): object {
  const type = eco === 'Go' ? 'SEMVER' : 'ECOSYSTEM';
  const v = (a: number, b: number, c: number) => (eco === 'Go' ? `${a}.${b}.${c}` : version(eco, { ...r, next: () => 0.9 }, a, b, c));
  const shape = r.next();
  const maj = r.int(6);
  const entry = (events: object[], extra: object = {}) => ({ package: { ecosystem: eco, name }, ranges: [{ type, events }], ...extra });
  let affected: object[];
  if (shape < 0.4) affected = [entry([{ introduced: '0' }, { fixed: v(maj, r.int(20), r.int(30)) }])];
  else if (shape < 0.65) affected = [entry([{ introduced: v(maj, 0, 0) }, { fixed: v(maj, 5 + r.int(15), r.int(30)) }])];
  else if (shape < 0.8)
    affected = [0, 1, 2].slice(0, 2 + r.int(2)).map((k) => entry([{ introduced: k === 0 ? '0' : v(maj + k, 0, 0) }, { fixed: v(maj + k, 3 + r.int(10), r.int(9)) }]));
  else if (shape < 0.88) affected = [entry([{ introduced: '0' }, { last_affected: v(maj, r.int(20), r.int(30)) }])];
  else if (shape < 0.93) affected = [entry([{ introduced: v(maj, r.int(10), 0) }], { database_specific: { last_known_affected_version_range: `<= ${v(maj, 19, 9)}` } })];
  else if (shape < 0.98) {
    const listed = [v(maj, r.int(20), r.int(30)), v(maj, r.int(20), r.int(30))];
    affected = [entry([{ introduced: listed[0]! }, { fixed: v(maj + 1, 0, 0) }], { versions: listed })];
  } else affected = [entry([{ introduced: v(maj, 0, 0) }, { limit: v(maj + 1, 0, 0) }])];
  const sev = r.pick(['CRITICAL', 'HIGH', 'MODERATE', 'LOW', undefined]);
  return {
    schema_version: '1.4.0',
    id: `GHSA-bench-${String(id).padStart(5, '0')}`,
    modified: '2024-01-01T00:00:00Z',
    published: '2023-06-01T00:00:00Z',
    aliases: [`CVE-2023-${10000 + id}`],
    summary: `Generated advisory ${id}`,
    severity: sev ? [] : [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected,
    ...(sev ? { database_specific: { severity: sev, github_reviewed: true } } : {}),
  };
}

function generate(components: number, advisories: number, seed: number) {
  const r = rng(seed);
  // advisories concentrate on a "popular" tenth of each ecosystem's packages, as real ones do
  const advs: object[] = [];
  for (let i = 0; i < advisories; i++) {
    const x = r.next();
    let acc = 0;
    const [eco, , universe] = MIX.find(([, share]) => (acc += share) > x) ?? MIX[0]!;
    advs.push(advisory(i, eco, pkgName(eco, r.int(universe / 10)), r));
  }
  const comps: object[] = [];
  for (let i = 0; i < components; i++) {
    const x = r.next();
    let acc = 0;
    const [eco, , universe] = MIX.find(([, share]) => (acc += share) > x) ?? MIX[0]!;
    const popular = r.next() < 0.3;
    const name = pkgName(eco, popular ? r.int(universe / 10) : r.int(universe));
    const ver = version(eco, r);
    comps.push({ type: 'library', 'bom-ref': `c${i}`, name, version: ver, purl: purl(eco, name, ver) });
  }
  return { advs, sbom: { bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, metadata: { component: { type: 'application', name: 'bench' } }, components: comps } };
}

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};
/** Wall-clock and CPU (user + system) milliseconds of `f`. */
const timeCpu = <T>(f: () => T): [T, number, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  const v = f();
  const d = process.cpuUsage(c);
  return [v, performance.now() - t, (d.user + d.system) / 1000];
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
/** Load average captured before the runs. */
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function bench(): Promise<string> {
  mkdirSync(out, { recursive: true });
  const COMPONENTS = 100_000;
  const ADVISORIES = 10_000;
  const { advs, sbom } = generate(COMPONENTS, ADVISORIES, 20240501);
  const sbomFile = join(out, 'sbom-100k.cdx.json');
  writeFileSync(sbomFile, JSON.stringify(sbom));
  const zipFile = join(out, 'advisories-10k.zip');
  const files: Record<string, Uint8Array> = {};
  advs.forEach((a) => (files[`${(a as { id: string }).id}.json`] = strToU8(JSON.stringify(a))));
  writeFileSync(zipFile, zipSync(files, { level: 6 }));
  const dir = join(out, 'advisories-10k');
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  mkdirSync(dir);
  advs.forEach((a) => writeFileSync(join(dir, `${(a as { id: string }).id}.json`), JSON.stringify(a)));
  process.stderr.write(`generated ${fmt(COMPONENTS)} components (${(statSync(sbomFile).size / 2 ** 20).toFixed(1)} MiB) and ${fmt(ADVISORIES)} advisories\n`);

  // 1. end to end through the library, three runs
  type Step = { wall: number; cpu: number };
  const runs: { load: Step; parse: Step; index: Step; match: Step; total: Step; matches: number; undecided: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const [set, loadW, loadC] = timeCpu(() => loadAdvisories([zipFile]));
    const [doc, parseW, parseC] = timeCpu(() => readSbomFile(sbomFile));
    const [index, indexW, indexC] = timeCpu(() => new AdvisoryIndex(set.advisories));
    const [report, matchW, matchC] = timeCpu(() => matchSboms([doc], index));
    const c1 = process.cpuUsage(c0);
    runs.push({
      load: { wall: loadW, cpu: loadC },
      parse: { wall: parseW, cpu: parseC },
      index: { wall: indexW, cpu: indexC },
      match: { wall: matchW, cpu: matchC },
      total: { wall: performance.now() - t0, cpu: (c1.user + c1.system) / 1000 },
      matches: report.matches.length,
      undecided: report.notEvaluated.length,
    });
  }
  const first = runs[0]!;
  const med = (k: 'load' | 'parse' | 'index' | 'match' | 'total'): Step => ({ wall: median(runs.map((r) => r[k].wall)), cpu: median(runs.map((r) => r[k].cpu)) });
  const row = (label: string, k: 'load' | 'parse' | 'index' | 'match' | 'total', bold = false) => {
    const b = (x: string) => (bold ? `**${x}**` : x);
    return `| ${b(label)} | ${b(ms(first[k].wall))} | ${b(ms(med(k).wall))} | ${b(ms(med(k).cpu))} |`;
  };

  // 2. the CLI, in process: argument parsing, loading, matching and JSON rendering
  const cli: number[] = [];
  let cliCode = -1;
  let cliBytes = 0;
  for (let k = 0; k < 2; k++) {
    const io = memoryIo();
    const t = performance.now();
    cliCode = await main(['sbom', sbomFile, '--advisories', zipFile, '--format', 'json', '--fail-on', 'never'], io);
    cli.push(performance.now() - t);
    cliBytes = io.stdout().length;
  }
  const [dirSet, dirLoad] = time(() => loadAdvisories([dir]));

  // 3. scaling: near-linear in components thanks to the (ecosystem, name) index
  const set = loadAdvisories([zipFile]);
  const index = new AdvisoryIndex(set.advisories);
  const doc = readSbomFile(sbomFile);
  const scaling: string[] = [];
  for (const n of [10_000, 50_000, 100_000]) {
    const part = { ...doc, components: doc.components.slice(0, n) };
    const [rep, t] = time(() => matchSboms([part], index));
    scaling.push(`| ${fmt(n)} | ${ms(t)} | ${fmt((n / t) * 1000)} | ${fmt(rep.matches.length)} |`);
  }

  // 4. baseline: no index — every component tried against every affected[] entry (a 2,000-component sample)
  const sample = doc.components.slice(0, 2_000);
  const [, naive] = time(() => {
    const matches: Match[] = [];
    const undecided: NotEvaluated[] = [];
    const singles = set.advisories.map((a) => new AdvisoryIndex([a]));
    for (const c of sample) for (const s of singles) s.evaluate(c as Component, matches, undecided);
    return matches.length;
  });
  const [, indexed] = time(() => matchSboms([{ ...doc, components: sample }], index));

  // 5. the real files in shared/data
  const real = join(shared, 'data');
  let realRow = '| (shared/data not found) | | | | |';
  if (existsSync(real)) {
    const sbomDir = join(real, 'sbom');
    const names = readdirSync(sbomDir).filter((f) => !f.endsWith('.md'));
    const t = performance.now();
    const realSet = loadAdvisories([join(real, 'osv')]);
    const docs = names.map((f) => readSbomFile(join(sbomDir, f)));
    const rep = matchSboms(docs, realSet.advisories);
    const total = performance.now() - t;
    const comps = docs.reduce((n, d) => n + d.entries, 0);
    realRow = `| ${names.length} SBOMs (${fmt(comps)} components, JSON + XML) × ${realSet.advisories.length} advisories | ${ms(total)} | ${fmt((comps / total) * 1000)} | ${rep.matches.length} | ${rep.unscanned.length} not looked up |`;
  }

  const lines = [
    '## sbom — SBOM components × OSV advisories',
    '',
    `Generated input (seeded, \`bench/sbom.bench.ts\`): one CycloneDX 1.5 JSON SBOM of ${fmt(COMPONENTS)} components (${(statSync(sbomFile).size / 2 ** 20).toFixed(1)} MiB; Maven 40 %, npm 35 %, PyPI 15 %, Go 10 %; 30 % drawn from the packages advisories concern) against ${fmt(ADVISORIES)} OSV advisories in one zip (ranges [0, fixed) 40 %, [introduced, fixed) 25 %, 2–3 affected entries 15 %, last_affected 8 %, open-ended 5 %, versions[] lists 5 %, limit 2 %; Go as SEMVER). Target: < 5 s end to end.`,
    '',
    `Load average when the run started: ${loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${cpus().length} cores (other engineers' jobs share the machine, so wall time is inflated; CPU time is the steadier figure).`,
    '',
    '| step | wall, first run | wall, median of 3 | CPU, median of 3 |',
    '|---|---|---|---|',
    row('load 10,000 advisories (zip)', 'load'),
    row('parse 100,000-component SBOM (JSON + purls)', 'parse'),
    row('index advisories by (ecosystem, name)', 'index'),
    row('match', 'match'),
    row('total, parse + match', 'total', true),
    `| components/s, end to end | ${fmt((COMPONENTS / first.total.wall) * 1000)} | ${fmt((COMPONENTS / med('total').wall) * 1000)} | ${fmt((COMPONENTS / med('total').cpu) * 1000)} |`,
    '',
    `Matches: ${fmt(first.matches)}; component/advisory pairs undecided: ${fmt(first.undecided)}. ` +
      `CLI in process (\`datacustoms sbom … --format json\`, including JSON rendering of ${(cliBytes / 2 ** 20).toFixed(1)} MiB): ${cli.map(ms).join(', ')} (exit ${cliCode}). ` +
      `Loading the same advisories from a directory of ${fmt(ADVISORIES)} files: ${ms(dirLoad)} (${fmt(dirSet.advisories.length)} advisories).`,
    '',
    'Scaling (match step only, same index):',
    '',
    '| components | match time | components/s | matches |',
    '|---|---|---|---|',
    ...scaling,
    '',
    `Baseline without the index (each component tried against every advisory), 2,000 components: ${ms(naive)}, vs ${ms(indexed)} with the index (${(naive / Math.max(indexed, 0.01)).toFixed(0)}×). Extrapolated to 100,000 components the index-less matcher would need ≈ ${((naive * 50) / 1000).toFixed(0)} s.`,
    '',
    'Real files (`../shared/data`: 9 SBOMs × 19 GHSA advisories), load + parse + match in one go:',
    '',
    '| input | time | components/s | matches | notes |',
    '|---|---|---|---|---|',
    realRow,
    '',
    'No peer tool runs here (osv-scanner, grype and trivy are Go binaries, and no npm package evaluates OSV ranges with per-ecosystem orders), so the comparison is against the index-less baseline above.',
  ];
  return lines.join('\n');
}

/**
 * `npm run bench [-- name...]`: runs every `bench/<name>.bench.ts` (or only the named ones),
 * each of which returns a Markdown section; writes each section to docs/bench/<name>.md and
 * assembles docs/BENCHMARKS.md with the machine it ran on.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const sectionsDir = join(root, 'docs', 'bench');
mkdirSync(sectionsDir, { recursive: true });

const wanted = process.argv.slice(2);
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  process.stderr.write(`bench: unknown benchmark(s) ${unknown.join(', ')}; available: ${all.join(', ')}\n`);
  process.exit(2);
}
const run = wanted.length ? wanted : all;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.version}`;

for (const name of run) {
  process.stderr.write(`\n== bench ${name} ==\n`);
  const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as { default: () => Promise<string> };
  const started = Date.now();
  const md = await mod.default();
  // Sections are rerun one at a time, on whatever host the machine runs on that day: each names its own.
  const stamp = `\n_Run ${new Date().toISOString().slice(0, 10)} on ${machine}, ${((Date.now() - started) / 1000).toFixed(1)} s; rerun with \`npm run bench -- ${name}\`._\n`;
  writeFileSync(join(sectionsDir, `${name}.md`), md.trimEnd() + '\n' + stamp);
  process.stdout.write(md + '\n');
}

const sections = all
  .filter((n) => existsSync(join(sectionsDir, `${n}.md`)))
  .map((n) => readFileSync(join(sectionsDir, `${n}.md`), 'utf8').trimEnd());
writeFileSync(
  join(root, 'docs', 'BENCHMARKS.md'),
  `# Benchmarks\n\nMeasured by \`npm run bench\` (each section by \`npm run bench -- <name>\`); the last run was on ${machine}.\n` +
    `Each section compares datacustoms with the named peers in the same run, on the same input, and names the day and the machine it ran on: sections are rerun one at a time, and this shared machine's host (and speed) changes between days.\n\n` +
    sections.join('\n\n') +
    '\n',
);
process.stderr.write(`\nwrote docs/BENCHMARKS.md (${sections.length} section(s))\n`);

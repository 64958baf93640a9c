// Runs the built CLI (dist/cli/main.js) once, in this process, with the arguments given, and
// reports this process's CPU time and peak RSS on stderr (one line starting "@@bench "), for
// `npm run bench -- check` to measure `datacustoms check` end to end. stdout is the CLI's.
import { pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const { main } = await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
const code = await main(process.argv.slice(2));
const cpu = process.cpuUsage();
process.stderr.write(`@@bench ${JSON.stringify({ code, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`);

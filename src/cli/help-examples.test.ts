/**
 * Every example in every help text, and in README.md and docs/*.md, runs as typed and exits as
 * its text says.
 *
 * An example is a line `  $ datacustoms …` (a line ending in `\` continues on the next). It
 * exits 0 unless its comment says otherwise (`# exits 1: …`). The examples run in help order
 * (the program's, then each command's as `datacustoms --help` lists them), each once, in a
 * working folder of their own that looks like the repository's root: a copy of examples/ and
 * `../shared` beside it. So the default store and scan key, and every file an example writes
 * (`> decisions.json`, `-o clocks.ics`, `--drafts out/`), land there, not in the repository.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';
import { commands } from './commands/index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The help of the program and of every command, in the order `datacustoms --help` lists them. */
const HELPS: readonly (readonly string[])[] = [[], ...commands.flatMap((c) => (c.name === 'lists' ? [['lists'], ['lists', 'import']] : [[c.name]]))];

interface Example {
  /** Which help it is in (`check`, `lists import`, `(program)`). */
  readonly help: string;
  /** The command line as typed, continuation lines joined. */
  readonly line: string;
  /** The exit code its comment names, else 0. */
  readonly exit: number;
}

async function helpText(cmd: readonly string[]): Promise<string> {
  const io = memoryIo();
  expect(await main([...cmd, '--help'], io)).toBe(0);
  return io.stdout();
}

/** The `$ datacustoms …` lines of a help text, continuation lines joined. */
function examplesIn(help: string, text: string): Example[] {
  const out: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*\$ (.*)$/.exec(lines[i]!);
    if (!m) continue;
    let line = m[1]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    const { comment } = splitComment(line);
    const exit = /\bexits? (\d)\b/.exec(comment ?? '');
    out.push({ help, line: line.trim(), exit: exit ? Number(exit[1]) : 0 });
  }
  return out;
}

/** A command line and its `# comment` (a `#` outside quotes, after a space). */
function splitComment(line: string): { command: string; comment?: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ')) return { command: line.slice(0, i).trimEnd(), comment: line.slice(i + 1) };
  }
  return { command: line };
}

interface Invocation {
  readonly env: Record<string, string>;
  readonly argv: string[];
  readonly stdoutTo?: string;
}

/**
 * The words of a command line as a POSIX shell splits them (single and double quotes, no
 * expansion), with `NAME=value` before the command as its environment and `> file` as where
 * stdout goes. Anything else a shell would do (`~`, `$VAR`, pipes) fails the test: an example
 * must run as typed.
 */
function parseLine(line: string): Invocation {
  const { command } = splitComment(line);
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const c of command) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      if (c === '~' || c === '$' || c === '|' || c === '*' || c === '`') throw new Error(`example needs a shell feature (${c}): ${line}`);
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new Error(`unclosed quote: ${line}`);
  if (word !== undefined) words.push(word);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words.shift() !== 'datacustoms') throw new Error(`example does not start with datacustoms: ${line}`);
  const redirect = words.indexOf('>');
  if (redirect >= 0) {
    if (redirect !== words.length - 2) throw new Error(`> must come last, with one file: ${line}`);
    return { env, argv: words.slice(0, redirect), stdoutTo: words[redirect + 1]! };
  }
  return { env, argv: words };
}

/**
 * The examples of a Markdown page: in a fenced block, the lines `$ datacustoms …`, and in a
 * block marked `sh` also the lines `datacustoms …` (a synopsis with <placeholders> goes in an
 * unmarked block, templates to fill in in a `text` block).
 */
function examplesInMarkdown(page: string, text: string): Example[] {
  const out: Example[] = [];
  let fence: string | undefined;
  const block: string[] = [];
  for (const line of text.split('\n')) {
    const open = /^```(\w*)\s*$/.exec(line);
    if (open && fence === undefined) {
      fence = open[1]!;
      block.length = 0;
    } else if (open || (fence !== undefined && /^```\s*$/.test(line))) {
      if (fence === 'sh') out.push(...examplesIn(page, block.map((l) => (/^datacustoms /.test(l) ? `  $ ${l}` : l)).join('\n')));
      else if (fence === '') out.push(...examplesIn(page, block.join('\n')));
      fence = undefined;
    } else if (fence !== undefined) block.push(line);
  }
  return out;
}

/** The pages whose examples run here: README.md and docs/*.md, but for the benchmark reports. */
const PAGES = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md') && f !== 'BENCHMARKS.md').map((f) => `docs/${f}`)];

const EXAMPLES: Example[] = [];
for (const cmd of HELPS) EXAMPLES.push(...examplesIn(cmd.join(' ') || '(program)', await helpText(cmd)));
for (const page of PAGES) EXAMPLES.push(...examplesInMarkdown(page, readFileSync(join(REPO, page), 'utf8')));
/** The command of a line, its spacing and comment aside: the same command shown twice runs once. */
const commandOf = (line: string) => splitComment(line).command.replace(/\s+/g, ' ');
/** Each command line once (the first help or page that shows it), helps first. */
const UNIQUE = EXAMPLES.filter((e, i) => EXAMPLES.findIndex((o) => commandOf(o.line) === commandOf(e.line)) === i);

describe('the help examples', () => {
  it('every help text has at least one example', () => {
    for (const cmd of HELPS) expect(EXAMPLES.some((e) => e.help === (cmd.join(' ') || '(program)')), cmd.join(' ')).toBe(true);
  });
  it('an example shown twice (two helps, a help and a page) says the same exit code in both', () => {
    for (const e of EXAMPLES) expect(UNIQUE.find((u) => commandOf(u.line) === commandOf(e.line))!.exit, `${e.help}: ${e.line}`).toBe(e.exit);
  });
  it('the pages that document a command show examples of it', () => {
    for (const page of ['docs/check.md', 'docs/clocks.md', 'docs/lists.md', 'docs/sbom.md', 'docs/scan.md', 'docs/screen.md']) {
      expect(EXAMPLES.some((e) => e.help === page), page).toBe(true);
    }
  });
  it('examplesIn joins continuation lines and reads the exit code from the comment', () => {
    const text = 'Examples:\n  $ datacustoms a \\\n      --b "c d"   # exits 1: e\n  # a remark\n  $ datacustoms f';
    expect(examplesIn('x', text)).toEqual([
      { help: 'x', line: 'datacustoms a --b "c d"   # exits 1: e', exit: 1 },
      { help: 'x', line: 'datacustoms f', exit: 0 },
    ]);
    expect(parseLine('X_Y=3 datacustoms a "b c" \'d\' > e.json  # exits 1')).toEqual({ env: { X_Y: '3' }, argv: ['a', 'b c', 'd'], stdoutTo: 'e.json' });
    expect(() => parseLine('datacustoms scan ~/x')).toThrow(/shell feature/);
    const page = ['```', 'datacustoms check <inventory>... [--as-of D]', '```', '```sh', 'datacustoms a   # exits 1', 'npm ci', '```', '```text', 'datacustoms b', '```', '```', '$ datacustoms c', '```'];
    expect(examplesInMarkdown('p', page.join('\n'))).toEqual([
      { help: 'p', line: 'datacustoms a   # exits 1', exit: 1 },
      { help: 'p', line: 'datacustoms c', exit: 0 },
    ]);
  });
});

describe('each example, run as typed from a copy of the repository root', () => {
  const home = process.cwd();
  const saved: Record<string, string | undefined> = {};
  const ENV = ['DATACUSTOMS_STORE', 'DATACUSTOMS_SCAN_KEY', 'DATACUSTOMS_LISTS_MAX_AGE', 'NO_COLOR'];
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'dc-help-'));
    const work = join(root, 'repo');
    mkdirSync(work);
    cpSync(join(REPO, 'examples'), join(work, 'examples'), { recursive: true });
    const shared = resolve(REPO, '..', 'shared');
    expect(existsSync(join(shared, 'data')), `${shared}/data (the examples read ../shared/data)`).toBe(true);
    symlinkSync(shared, join(root, 'shared'));
    for (const name of ENV) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    process.chdir(work);
  });
  afterAll(() => {
    process.chdir(home);
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it.each(UNIQUE.map((e) => [`${e.help}: ${e.line}`, e] as const))('%s', async (_, example) => {
    const { env, argv, stdoutTo } = parseLine(example.line);
    for (const [name, value] of Object.entries(env)) process.env[name] = value;
    const io = memoryIo();
    let code: number;
    try {
      code = await main(argv, io);
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
    }
    expect({ code, err: code === 2 || code === 3 ? io.stderr() : '' }).toEqual({ code: example.exit, err: '' });
    expect(io.stderr()).not.toMatch(/internal error/);
    if (stdoutTo !== undefined) {
      writeFileSync(stdoutTo, io.stdout());
      expect(statSync(stdoutTo).size).toBeGreaterThan(0);
    } else if (!argv.includes('-o') && !argv.includes('--output')) {
      expect(io.stdout()).not.toBe('');
    }
  }, 60_000);

  it('the files the examples write are there (a JSON file is JSON)', () => {
    for (const e of UNIQUE) {
      const { argv, stdoutTo } = parseLine(e.line);
      const written = [stdoutTo, ...['-o', '--output', '--write-inventory', '--sketch-out'].map((f) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined))];
      for (const file of written) {
        if (file === undefined) continue;
        expect(existsSync(file), `${file} (${e.line})`).toBe(true);
        if (file.endsWith('.json')) expect(() => JSON.parse(readFileSync(file, 'utf8')), file).not.toThrow();
      }
    }
  });
});

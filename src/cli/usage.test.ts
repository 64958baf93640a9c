/**
 * What a first-time user meets across every command: usage errors, help text, bad dates.
 * Each error is one line in the same style (`datacustoms: <where>: <what>`), exit code 2,
 * nothing on stdout.
 */
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';
import { displayWidth } from './render/text.js';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Exit 2, nothing on stdout, exactly one line on stderr; returns that line. */
async function errorLine(...args: string[]): Promise<string> {
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

/** An error line about the arguments, in the shared style. */
async function usageError(...args: string[]): Promise<string> {
  const line = await errorLine(...args);
  expect(line).toMatch(/^datacustoms: <argv>: /);
  return line;
}

describe('usage errors', () => {
  it('an unknown option is one line naming the option and the help to read', async () => {
    expect(await usageError('check', '--bogus', 'examples/demo')).toBe("datacustoms: <argv>: unknown option '--bogus' (see `datacustoms check --help`)");
    expect(await usageError('lists', 'import', '--bogus', 'x')).toContain('(see `datacustoms lists import --help`)');
  });
  it('a missing argument, an extra argument, an unknown command, a missing option value', async () => {
    expect(await usageError('clocks')).toBe("datacustoms: <argv>: missing required argument 'paths' (see `datacustoms clocks --help`)");
    expect(await usageError('schema', 'extra')).toMatch(/too many arguments for 'schema'.* \(see `datacustoms schema --help`\)$/);
    expect(await usageError('bogus')).toMatch(/unknown command 'bogus'.*\(see `datacustoms --help`\)$/);
    expect(await usageError('check', 'examples/demo', '--as-of')).toMatch(/option '--as-of <date>' argument missing/);
  });
  it('a misspelt command or option is one line with the suggestion (commander puts it on a second line)', async () => {
    expect(await usageError('chek', 'examples/demo')).toBe("datacustoms: <argv>: unknown command 'chek'; did you mean check? (see `datacustoms --help`)");
    expect(await usageError('check', '--explian', 'examples/demo')).toBe(
      "datacustoms: <argv>: unknown option '--explian'; did you mean --explain? (see `datacustoms check --help`)",
    );
    expect(await usageError('clocks', 'examples/log4shell', '--evnt', 'x')).toBe(
      "datacustoms: <argv>: unknown option '--evnt'; did you mean --event? (see `datacustoms clocks --help`)",
    );
  });
  it('help for a command that does not exist is an unknown command (it printed the whole help to stderr and exited 0)', async () => {
    expect(await usageError('help', 'chek')).toBe("datacustoms: <argv>: unknown command 'chek'; did you mean check? (see `datacustoms --help`)");
    expect(await usageError('help', 'nothing')).toBe("datacustoms: <argv>: unknown command 'nothing' (see `datacustoms --help`)");
    const known = await run('help', 'check');
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/^Usage: datacustoms check /);
  });
  it('a misspelt subcommand of lists is named as one, with the suggestion (it said "too many arguments")', async () => {
    expect(await usageError('lists', 'imprt', 'x')).toBe("datacustoms: <argv>: unknown command 'imprt' for 'lists'; did you mean import? (see `datacustoms lists --help`)");
    expect(await usageError('lists', '--store', 'x.sqlite', 'show')).toBe("datacustoms: <argv>: unknown command 'show' for 'lists' (see `datacustoms lists --help`)");
  });
  it('an option that takes several values and swallowed the paths says so, with the words it took', async () => {
    expect(await usageError('check', '--pack', 'us.doj.dsp', 'examples/demo')).toBe(
      'datacustoms: <argv>: missing required argument \'inventory\': --pack takes every word after it, and took "us.doj.dsp" "examples/demo"; put it after the other arguments (see `datacustoms check --help`)',
    );
    // one word taken, or none: nothing was swallowed that could have been the argument
    expect(await usageError('check', '--pack', 'us.doj.dsp')).toBe("datacustoms: <argv>: missing required argument 'inventory' (see `datacustoms check --help`)");
  });
  it('a format written as a flag (--json) points to --format, where the command writes that format', async () => {
    expect(await usageError('check', 'examples/demo', '--json')).toBe(
      "datacustoms: <argv>: unknown option '--json'; did you mean --format json? (see `datacustoms check --help`)",
    );
    expect(await usageError('clocks', 'examples/log4shell', '--ics')).toContain("unknown option '--ics'; did you mean --format ics?");
    expect(await usageError('lists', 'import', 'x', '--json')).toContain("unknown option '--json'; did you mean --format json? (see `datacustoms lists import --help`)");
    // a format the command does not write, and a word that only appears in the option's description
    expect(await usageError('schema', '--text')).toBe("datacustoms: <argv>: unknown option '--text' (see `datacustoms schema --help`)");
    expect(await usageError('schema', '--only')).toBe("datacustoms: <argv>: unknown option '--only' (see `datacustoms schema --help`)");
  });
  it('a value given to a flag that takes none says so (it was an unknown option "--explain=true")', async () => {
    expect(await usageError('check', 'examples/demo', '--explain=true')).toBe(
      "datacustoms: <argv>: option '--explain' takes no value: write --explain alone, or leave it out (see `datacustoms check --help`)",
    );
    expect(await usageError('screen', 'ACME', '--dry-run=no')).toContain("option '--dry-run' takes no value");
    // an option that takes a value accepts --flag=value; a misspelt one keeps its suggestion
    expect(await usageError('check', 'examples/demo', '--explian=1')).toContain("unknown option '--explian=1'; did you mean --explain?");
  });
  it('-f is --format in every command that has --format (lists and sbom had it, the others did not)', async () => {
    for (const cmd of [['check', 'examples/demo'], ['demo'], ['rules', '202.302'], ['schema'], ['clocks', 'examples/log4shell'], ['scan', 'examples/log4shell']]) {
      const r = await run(...cmd, '-f', 'json');
      expect(r.err, cmd.join(' ')).toBe('');
      expect(() => JSON.parse(r.out), cmd.join(' ')).not.toThrow();
    }
    expect(await usageError('screen', 'ACME', '-f', 'yaml')).toBe('datacustoms: <argv>: --format: expected one of text, json, got "yaml"');
  });
});

describe('several problems in the input', () => {
  it('each is one line in the same style, prefix included (the second and later lines had none)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-problems-'));
    const file = join(dir, 'inventory.yaml');
    writeFileSync(
      file,
      [
        'organization: { id: acme, name: Acme Inc., organizedIn: US }',
        'datasets:',
        '  - { id: crm, categories: [name, email, phone_number] }',
        '',
      ].join('\n'),
    );
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^datacustoms: ${file.replace(/[.]/g, '\\.')}:3:35: datasets\\[0\\]\\.categories\\[1\\]: unknown data category "email": .*"contact".*$`));
    expect(lines[1]).toMatch(new RegExp(`^datacustoms: ${file.replace(/[.]/g, '\\.')}:3:42: datasets\\[0\\]\\.categories\\[2\\]: unknown data category "phone_number": .*"contact".*$`));
  });
});

describe('date flags', () => {
  it('a day that does not exist is named as such, in every command that takes a date', async () => {
    const feb = '"2025-02-30" is not a date: February 2025 has 28 days';
    expect(await usageError('check', 'examples/demo', '--as-of', '2025-02-30')).toBe(`datacustoms: <argv>: --as-of: ${feb}`);
    expect(await usageError('clocks', 'examples/log4shell', '--as-of', '2025-02-30')).toBe(`datacustoms: <argv>: --as-of: ${feb}`);
    expect(await usageError('clocks', 'examples/log4shell', '--as-of', '2025-02-29T10:00')).toContain('is not a date: February 2025 has 28 days');
    expect(await usageError('lists', '--as-of', '2025-02-30', '--store', '/nonexistent/store.sqlite')).toBe(`datacustoms: <argv>: --as-of: ${feb}`);
    expect(await usageError('lists', 'import', 'x', '--list-date', '2025-02-30')).toBe(`datacustoms: <argv>: --list-date: ${feb}`);
    expect(await usageError('screen', 'ACME', '--as-of', '2024-13-01')).toBe('datacustoms: <argv>: --as-of: "2024-13-01" is not a date: there is no month 13');
  });
  it('another shape asks for YYYY-MM-DD, in the same words everywhere', async () => {
    expect(await usageError('check', 'examples/demo', '--as-of', '2025/01/01')).toBe('datacustoms: <argv>: --as-of: expected a date YYYY-MM-DD, got "2025/01/01"');
    expect(await usageError('screen', 'ACME', '--as-of', '2025/01/01')).toBe('datacustoms: <argv>: --as-of: expected a date YYYY-MM-DD, got "2025/01/01"');
  });
});

describe('--help', () => {
  it('the program help says where to go after the demo: the inventory format', async () => {
    const r = await run('--help');
    expect(r.out).toMatch(/Then your own: docs\/inventory\.md gives the format/);
    expect((await run()).out).toBe(r.out);
  });
  const COMMANDS = [[], ['check'], ['schema'], ['demo'], ['rules'], ['clocks'], ['sbom'], ['scan'], ['lists'], ['lists', 'import'], ['screen']];
  it.each(COMMANDS.map((c) => [c.join(' ') || '(program)', c] as const))('%s: fits 80 columns and names its exit codes', async (_, cmd) => {
    const r = await run(...cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const wide = r.out.split('\n').filter((l) => displayWidth(l) > 80);
    expect(wide).toEqual([]);
    expect(r.out).toMatch(/Exit codes?:/);
    // a paragraph does not start right under an indented table or example (clocks: the roles)
    const lines = r.out.split('\n');
    expect(lines.filter((l, i) => i > 0 && /^[A-Z]/.test(l) && /^ {2}/.test(lines[i - 1]!))).toEqual([]);
  });
  // A first run should work as typed: the example names an input that ships with the repository.
  it.each([
    ['check', 'examples/demo'],
    ['clocks', 'examples/log4shell'],
    ['scan', 'examples/demo'],
    ['screen', 'examples/demo'],
  ])('%s: an example runs on %s', async (cmd, path) => {
    expect(existsSync(path)).toBe(true);
    const r = await run(cmd, '--help');
    expect(r.out).toMatch(new RegExp(`^  \\$ datacustoms ${cmd} ${path.replace(/\//g, '\\/')}( |$)`, 'm'));
  });
});

describe('a path that does not exist', () => {
  it('every command that reads files names it on one line, exit 2', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'dc-missing-')), 'store.sqlite');
    expect(await errorLine('check', 'inventory/')).toBe('datacustoms: inventory/: no such file or directory');
    expect(await errorLine('clocks', 'events.yaml')).toBe('datacustoms: events.yaml: no such file or directory');
    expect(await errorLine('scan', 'exports/')).toBe('datacustoms: exports/: no such file, directory or database URL');
    expect(await errorLine('lists', 'import', 'sdn.csv', '--store', store)).toBe('datacustoms: sdn.csv: no such file or folder');
    expect(await errorLine('sbom', 'bom.cdx.json', '--advisories', 'osv/')).toMatch(/^datacustoms: (bom\.cdx\.json|osv\/): .*no such file/);
    expect(existsSync(store)).toBe(false);
  });
  it('screen: an argument shaped like a path is not screened as a name (it printed "no match" and exited 0)', async () => {
    const hint = 'no such file or directory (to screen it as a name, pass --names)';
    for (const path of ['inventory/', 'inventory.yaml', 'entities.JSON', './acme', '../acme', '/srv/inventory']) {
      expect(await errorLine('screen', path, '--store', '/nonexistent/store.sqlite')).toBe(`datacustoms: ${path}: ${hint}`);
    }
    expect(await errorLine('screen', 'examples/demo', 'inventoy/', '--store', '/nonexistent/store.sqlite')).toBe(`datacustoms: inventoy/: ${hint}`);
    // names, even with a slash inside (Maersk A/S), are screened: here they reach the store, which is missing
    for (const name of ['A.P. Moller - Maersk A/S', 'Huawei']) {
      expect(await errorLine('screen', name, '--store', '/nonexistent/store.sqlite')).toMatch(/^datacustoms: \/nonexistent\/store\.sqlite: --store: no lists loaded/);
    }
    expect(await errorLine('screen', 'inventory.yaml', '--names', '--store', '/nonexistent/store.sqlite')).toMatch(/no lists loaded/);
  });
});

describe('an empty directory', () => {
  it('scan and lists import say it holds nothing (exit 2) and write nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-empty-'));
    const empty = join(dir, 'nothing');
    mkdirSync(empty);
    const inventory = join(dir, 'inventory.yaml');
    const sketch = join(dir, 'sketch.json');
    expect(await errorLine('scan', empty, '--write-inventory', inventory, '--sketch-out', sketch)).toBe(`datacustoms: ${empty}: directory holds no file to scan`);
    expect(existsSync(inventory) || existsSync(sketch)).toBe(false);
    const store = join(dir, 'store.sqlite');
    expect(await errorLine('lists', 'import', empty, '--store', store)).toBe(`datacustoms: ${empty}: directory holds no file to import`);
    expect(existsSync(store)).toBe(false);
  });
});

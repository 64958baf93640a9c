import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Help } from 'commander';
import { InputError, ExitCode } from '../common/errors.js';
import { processIo, type Io } from './io.js';
import { commands, commandsFor, listingOnly } from './commands/index.js';
import type { CommandContext } from './command.js';
import { quietDependencyNotices } from './dependency-notices.js';

export const VERSION = '0.1.0';

/** Help layout: the command summaries wrap in their own column even beside the longest term (screen's). */
const HELP_LAYOUT = { minWidthToWrap: 30 } as const;

/** The help that covers these arguments: the command's (`datacustoms lists import --help`), else the program's. */
export function helpFor(argv: readonly string[]): string {
  const named = commands.find((c) => c.name === argv[0]);
  if (!named) return 'datacustoms --help';
  return named.name === 'lists' && argv[1] === 'import' ? 'datacustoms lists import --help' : `datacustoms ${named.name} --help`;
}

/**
 * Runs the CLI with the given arguments and returns the exit code.
 * 0 ok · 1 findings that block · 2 bad input or usage · 3 internal error.
 */
export async function main(given: readonly string[], io: Io = processIo): Promise<number> {
  quietDependencyNotices((s) => io.err(s));
  // `datacustoms help NAME` for a NAME that is no command: commander prints the whole help to
  // stderr and exits 0; parsed as `datacustoms NAME …` it is the one-line unknown command.
  const argv = given[0] === 'help' && given[1] !== undefined && !commands.some((c) => c.name === given[1]) ? given.slice(1) : given;
  let exit: number = ExitCode.ok;
  const ctx: CommandContext = { io, setExit: (c) => void (exit = Math.max(exit, c)) };
  const program = new Command('datacustoms')
    .description(
      'Customs control for data that crosses borders: for every data flow, may this data go there, to them, and what must be filed or reported, by when? Every decision cites the article that decides it.',
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Usage errors are written below, in the style of every other error (one line).
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined });
  if (listingOnly(argv)) {
    // The listing alone: each command as its module would list it, without loading any.
    const terms = new Map(commands.map((c) => [c.name, c.term]));
    for (const c of commands) program.command(c.name).summary(c.summary);
    const help = new Help();
    program.configureHelp({ ...HELP_LAYOUT, subcommandTerm: (cmd) => terms.get(cmd.name()) ?? help.subcommandTerm(cmd) });
  } else {
    program.configureHelp(HELP_LAYOUT);
    for (const c of commandsFor(argv)) (await c.load()).register(program, ctx);
  }
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 findings that block, 2 bad input or usage, 3 internal error.\n' +
      'Output: text for people, or --format json (schema prints JSON only; clocks also\n' +
      'writes ics). `datacustoms <command> --help` explains each command.\n\n' +
      'Start with the bundled example:\n' +
      '  $ datacustoms demo\n' +
      '  $ datacustoms check examples/demo --as-of 2026-12-01   # exits 1: blocked\n\n' +
      'Then your own: docs/inventory.md gives the format (with the mistakes a first\n' +
      'inventory makes); `datacustoms schema` its JSON Schema, for editors.',
  );
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      const hint = e.code === 'commander.missingArgument' ? variadicHint(program, argv) : '';
      const message =
        (e.code === 'commander.excessArguments' && unknownSubcommand(program, argv)) ||
        (e.code === 'commander.unknownOption' && unknownOptionMessage(program, argv, e.message)) ||
        oneLine(e.message);
      io.err(`datacustoms: <argv>: ${message}${hint} (see \`${helpFor(argv)}\`)\n`);
      return ExitCode.badInput;
    }
    if (e instanceof InputError) {
      // one line per problem, each in the same style (a problem never holds a line break)
      io.err(e.message.split('\n').map((line) => `datacustoms: ${line}\n`).join(''));
      return ExitCode.badInput;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`datacustoms: internal error: ${msg}\n`);
    if (process.env['DATACUSTOMS_DEBUG'] && e instanceof Error && e.stack) io.err(e.stack + '\n');
    return ExitCode.internal;
  }
}

/**
 * Commander's message as one line: without its `error: ` and final stop, and with the suggestion
 * it puts on a line of its own (`\n(Did you mean check?)`) after a semicolon.
 */
function oneLine(message: string): string {
  return message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.+)\?\)$/, '; did you mean $1?')
    .replace(/\.$/, '');
}

/**
 * An unknown option that is a near miss the suggestion of commander does not cover: a value given
 * to a flag that takes none (`--explain=true`), or an output format written as a flag (`--json`).
 */
function unknownOptionMessage(program: Command, argv: readonly string[], message: string): string | undefined {
  const flag = /unknown option '([^']+)'/.exec(message)?.[1];
  let cmd = program.commands.find((c) => c.name() === argv[0]);
  if (flag === undefined || !cmd) return undefined;
  const sub = cmd.commands.find((c) => c.name() === argv[1]);
  if (sub) cmd = sub;
  const eq = flag.indexOf('=');
  if (eq > 0) {
    const named = cmd.options.find((o) => o.long === flag.slice(0, eq));
    if (named && !named.required && !named.optional) return `option '${named.long}' takes no value: write ${named.long} alone, or leave it out`;
    return undefined;
  }
  const format = cmd.options.find((o) => o.long === '--format');
  const word = /^--(text|json|ics)$/.exec(flag)?.[1];
  if (format && word !== undefined && new RegExp(`\\b${word}\\b`).test(format.description)) {
    return `unknown option '${flag}'; did you mean --format ${word}?`;
  }
  return undefined;
}

/**
 * Too many arguments for a command that has subcommands (`lists imprt x`): the first word is a
 * misspelt or unknown subcommand; name it so, with the nearest subcommand when one is close.
 */
function unknownSubcommand(program: Command, argv: readonly string[]): string | undefined {
  const cmd = program.commands.find((c) => c.name() === argv[0]);
  if (!cmd || cmd.commands.length === 0) return undefined;
  let word: string | undefined;
  for (let i = 1; i < argv.length && word === undefined; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) word = arg;
    else if (!arg.includes('=') && cmd.options.some((o) => (o.long === arg || o.short === arg) && (o.required || o.optional))) i++;
  }
  if (word === undefined) return undefined;
  const names = cmd.commands.map((c) => c.name());
  const near = names.filter((n) => editDistance(word, n) <= Math.max(1, Math.floor(n.length / 3)));
  return `unknown command '${word}' for '${cmd.name()}'${near.length > 0 ? `; did you mean ${near.join(' or ')}?` : ''}`;
}

/** Levenshtein distance between two short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * A required argument is missing after an option that takes several values (`check --pack ID…`)
 * took the words that were meant as the argument: say so, with the words it took.
 */
function variadicHint(program: Command, argv: readonly string[]): string {
  const cmd = program.commands.find((c) => c.name() === argv[0]);
  if (!cmd) return '';
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i]!;
    const opt = cmd.options.find((o) => o.variadic && (o.long === flag || o.short === flag));
    if (!opt) continue;
    const took: string[] = [];
    for (let j = i + 1; j < argv.length && !argv[j]!.startsWith('-'); j++) took.push(argv[j]!);
    if (took.length < 2) continue;
    const shown = took.map((w) => JSON.stringify(w)).join(' ');
    return `: ${opt.long ?? flag} takes every word after it, and took ${shown}; put it after the other arguments`;
  }
  return '';
}

/** True when this module is the program node started (`npx tsx src/cli/main.ts …`), not an import. */
function isEntry(): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// Run from source, the module is the CLI itself, as bin/datacustoms makes the built one.
if (isEntry()) {
  // A reader that stops early (`… --format json | head`) closes the pipe: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  process.exitCode = await main(process.argv.slice(2));
}

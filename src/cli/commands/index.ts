import type { CommandModule } from '../command.js';

/** A command by name, loaded only when it runs (or when the whole list is asked for). */
export interface CommandEntry {
  /** The name it registers under (index.test.ts checks they agree). */
  readonly name: string;
  load(): Promise<CommandModule>;
}

/**
 * Every CLI command, in the order `--help` lists them. Each module registers itself on the
 * program; add a line here when you add a command. `datacustoms <name> …` loads that command's
 * module alone: each pulls in its own part of the product (validators, detectors, lists), and
 * loading all of them costs about a second before anything runs.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'check', load: () => import('./check.js').then((m) => m.command) },
  { name: 'schema', load: () => import('./schema.js').then((m) => m.command) },
  { name: 'demo', load: () => import('./demo.js').then((m) => m.command) },
  { name: 'rules', load: () => import('./rules.js').then((m) => m.command) },
  { name: 'clocks', load: () => import('./clocks.js').then((m) => m.command) },
  { name: 'sbom', load: () => import('./sbom.js').then((m) => m.command) },
  { name: 'scan', load: () => import('./scan.js').then((m) => m.command) },
  { name: 'lists', load: () => import('./lists.js').then((m) => m.command) },
  { name: 'screen', load: () => import('./screen.js').then((m) => m.command) },
];

/** The commands to register for these arguments: the one named first, else all (help, errors). */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = commands.find((c) => c.name === argv[0]);
  return named ? [named] : commands;
}

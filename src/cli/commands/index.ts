import type { CommandModule } from '../command.js';

/** A command by name, loaded only when it runs (or when the whole list is asked for). */
export interface CommandEntry {
  /** The name it registers under (index.test.ts checks they agree). */
  readonly name: string;
  /**
   * How `datacustoms --help` lists it, as the module itself would (name, options, arguments; its
   * one-line summary): the top-level help is printed from these without loading any command.
   * index.test.ts checks them against each module.
   */
  readonly term: string;
  readonly summary: string;
  load(): Promise<CommandModule>;
}

/**
 * Every CLI command, in the order `--help` lists them. Each module registers itself on the
 * program; add a line here when you add a command. `datacustoms <name> …` loads that command's
 * module alone: each pulls in its own part of the product (validators, detectors, lists), and
 * loading all of them costs about a second before anything runs.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'check',
    term: 'check [options] <inventory...>',
    summary: 'Decide every data flow in an inventory under each regime, with citations and dated obligations.',
    load: () => import('./check.js').then((m) => m.command),
  },
  {
    name: 'schema',
    term: 'schema [options]',
    summary: 'Print the JSON Schema of the inventory (generated from the validators), for editor autocompletion.',
    load: () => import('./schema.js').then((m) => m.command),
  },
  {
    name: 'demo',
    term: 'demo [options]',
    summary: 'Run `check` on the bundled example: a US company with a China subsidiary, a Singapore vendor 60 % owned by a Chinese group, and more.',
    load: () => import('./demo.js').then((m) => m.command),
  },
  {
    name: 'rules',
    term: 'rules [options] [search]',
    summary: 'List the rules of each pack: id, citation, effective window and title. Filter by a citation or word.',
    load: () => import('./rules.js').then((m) => m.command),
  },
  {
    name: 'clocks',
    term: 'clocks [options] <paths...>',
    summary: 'For every vulnerability, incident, breach and data request: who must be told what, by when.',
    load: () => import('./clocks.js').then((m) => m.command),
  },
  {
    name: 'sbom',
    term: 'sbom [options] <sbom...>',
    summary: 'Match SBOM components against OSV advisories, with each ecosystem’s version order.',
    load: () => import('./sbom.js').then((m) => m.command),
  },
  {
    name: 'scan',
    term: 'scan [options] <source...>',
    summary: 'Find, classify and count regulated data (IDs, phones, cards, locations, health, …) in files and databases.',
    load: () => import('./scan.js').then((m) => m.command),
  },
  {
    name: 'lists',
    term: 'lists [options]',
    summary: 'Show the designation lists in the store with their dates; import list files.',
    load: () => import('./lists.js').then((m) => m.command),
  },
  {
    name: 'screen',
    term: 'screen [options] <names-or-inventory...>',
    summary: 'Screen names, or every entity of an inventory, against the designation lists.',
    load: () => import('./screen.js').then((m) => m.command),
  },
];

/** The commands to register for these arguments: the one named first, else all (help, errors). */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = commands.find((c) => c.name === argv[0]);
  return named ? [named] : commands;
}

/** Only the list of commands is asked for (`datacustoms`, `--help`, `-h`): no module need load. */
export function listingOnly(argv: readonly string[]): boolean {
  return argv.length === 0 || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'));
}

import type { CommandModule } from '../command.js';

/**
 * Every CLI command, in the order `--help` lists them. Each module registers itself on the
 * program; add a line here when you add a command.
 */
export const commands: readonly (() => Promise<CommandModule>)[] = [
  () => import('./check.js').then((m) => m.command),
  () => import('./schema.js').then((m) => m.command),
  () => import('./demo.js').then((m) => m.command),
  () => import('./rules.js').then((m) => m.command),
  () => import('./clocks.js').then((m) => m.command),
  () => import('./sbom.js').then((m) => m.command),
  () => import('./scan.js').then((m) => m.command),
  () => import('./lists.js').then((m) => m.command),
  () => import('./screen.js').then((m) => m.command),
];

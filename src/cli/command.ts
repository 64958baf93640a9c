import type { Command } from 'commander';
import type { Io } from './io.js';

/** Context handed to every command's action. */
export interface CommandContext {
  readonly io: Io;
  /** Sets the process exit code (0 ok, 1 findings, 2 bad input, 3 internal). */
  setExit(code: number): void;
}

/** A CLI command: it adds itself (with options and help) to the program. */
export interface CommandModule {
  register(program: Command, ctx: CommandContext): void;
}

/**
 * Errors the shell turns into exit codes.
 *
 * - {@link InputError}: the user's input is wrong (a file, a flag, a field). Exit 2.
 *   Its message always names where: file, line:column when known, and the field path.
 * - Anything else escaping to the shell is an internal error. Exit 3.
 */
import { showControls } from './controls.js';

export interface InputLocation {
  /** File path as the user gave it (or `<stdin>`, `<argv>`). */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** Field path inside the document, e.g. `flows[3].recipient`. */
  readonly path?: string;
}

export interface InputProblem extends InputLocation {
  readonly message: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | readonly InputProblem[]) {
    const list = Array.isArray(problems) ? (problems as readonly InputProblem[]) : [problems as InputProblem];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/**
 * `file:line:column: path: message` with the parts that are known. A problem is one line: file
 * names, field paths and messages quote the user's text, so their control characters are shown
 * as `\xNN` (an escape sequence in a file name would otherwise reach the terminal).
 */
export function formatProblem(p: InputProblem): string {
  let where = p.file === undefined ? '' : showControls(p.file);
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const field = p.path ? `${showControls(p.path)}: ` : '';
  const message = showControls(p.message);
  return where ? `${where}: ${field}${message}` : `${field}${message}`;
}

/** Exit codes shared by every command (DESIGN.md, "Interfaces"). */
export const ExitCode = {
  ok: 0,
  findings: 1,
  badInput: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

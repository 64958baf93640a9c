import { InputError } from '../common/errors.js';

export type OutputFormat = 'text' | 'json';

/** Validates a `--format` value against the formats a command supports. */
export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new InputError({ file: '<argv>', path: '--format', message: `expected one of ${allowed.join(', ')}, got "${value}"` });
}

/** Minimal ANSI styling, on only when writing to a terminal and NO_COLOR is unset. */
export function styler(enabled: boolean) {
  const on = enabled && !process.env['NO_COLOR'];
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    gray: wrap(90, 39),
  };
}
export type Styler = ReturnType<typeof styler>;

/** Pads a table of strings into aligned columns (ANSI codes do not count toward width). */
export function alignColumns(rows: readonly (readonly string[])[], gap = 2): string[] {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell) + gap)))
      .join('')
      .trimEnd(),
  );
}

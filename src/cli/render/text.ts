/**
 * Fitting text output to a terminal: display width (ANSI codes none, East Asian wide characters
 * two), word wrapping with a hanging indent, and tables that put the columns that do not fit on
 * indented lines of their own. Nothing is cut: a word or token longer than the line (a URL, a
 * purl, a path) stays whole and overflows.
 */
import { maxOf } from '../../common/arrays.js';

/** The width text output is fitted to when stdout is not a terminal (a file, a pipe, a test). */
export const DEFAULT_WIDTH = 80;
/** A terminal narrower than this still gets lines of this width (columns would not fit). */
const MIN_WIDTH = 40;

/**
 * The columns text output may use: 80 when stdout is not a terminal, else the terminal's width
 * (`process.stdout.columns`; 80 when it does not say).
 */
export function outputWidth(io: { readonly isTTY: boolean }, columns: number | undefined = process.stdout.columns): number {
  if (!io.isTTY || columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, Math.floor(columns));
}

const ANSI = /\u001b\[[0-9;]*m/g;

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Terminal columns a string takes: ANSI codes none, East Asian wide characters two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '')) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Pads a table into aligned columns, counting wide (CJK) characters as two columns. */
export function alignWide(rows: readonly (readonly string[])[], gap = 2): string[] {
  const widths = columnWidths(rows, maxOf(rows, (r) => r.length));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padTo(cell, widths[i]! + gap)))
      .join('')
      .trimEnd(),
  );
}

// No line break before closing punctuation or after opening punctuation (CJK and Latin).
const NO_BREAK_BEFORE = new Set([...'，。、；：！？）」』】》〉,.;:!?)]}…・ー']);
const NO_BREAK_AFTER = new Set([...'（「『【《〈([{']);

interface Word {
  /** What goes before the word when it does not start a line: spaces, or '' after a CJK break. */
  readonly sep: string;
  readonly text: string;
  readonly width: number;
}

/**
 * Splits text into words at spaces and between wide (CJK) characters. A no-break space
 * (U+00A0) glues two words together and is written as a plain space.
 */
function words(text: string): Word[] {
  const out: Word[] = [];
  let sep = '';
  let buf = '';
  let width = 0;
  let prev = ''; // the previous visible character of the current word
  const flush = () => {
    if (buf !== '') out.push({ sep, text: buf, width });
    sep = '';
    buf = '';
    width = 0;
    prev = '';
  };
  for (let i = 0; i < text.length; ) {
    if (text[i] === '\u001b') {
      const m = /^\u001b\[[0-9;]*m/.exec(text.slice(i));
      if (m) {
        buf += m[0];
        i += m[0].length;
        continue;
      }
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length;
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      if (width > 0) {
        // trailing ANSI codes stay with the word they close
        const pending = sep;
        out.push({ sep: pending, text: buf, width });
        sep = ' ';
        buf = '';
        width = 0;
        prev = '';
      } else sep += ' ';
      continue;
    }
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (width > 0 && (w === 2 || isWide(prev.codePointAt(0) ?? 0)) && !NO_BREAK_BEFORE.has(ch) && !NO_BREAK_AFTER.has(prev)) {
      const leading = sep;
      out.push({ sep: leading, text: buf, width });
      sep = '';
      buf = '';
      width = 0;
    }
    buf += ch === '\u00a0' ? ' ' : ch;
    width += w;
    prev = ch;
  }
  if (buf !== '') {
    // a word of ANSI codes only (a closing code after a space) goes with the word before it
    if (width === 0 && out.length > 0) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = { ...last, text: last.text + buf };
    } else flush();
  }
  return out;
}

/**
 * Glues the parts of a citation that must stay on one line: a short word and the number after
 * it ("Art. 7", "No. 16", "CFR 202.401(a)", "§ 889") and a title number and its code ("28 CFR").
 */
function glueCitations(text: string): string {
  return text
    .replace(/ (?=%)/g, '\u00a0')
    .replace(/(?<=(?:^|[\s(;,])[A-Za-z.§]{1,5}) (?=[\d§])/g, '\u00a0').replace(/(?<=(?:^|[\s(])\d{1,3}) (?=CFR|U\.S\.C\.)/g, '\u00a0');
}

/**
 * Wraps `text` to `width` columns: the first line starts with `indent`, the next ones with
 * `hang` (by default two more spaces than `indent`, so that where one item ends and the next
 * begins stays visible). Breaks at spaces and between CJK characters, never inside a word; a
 * word longer than the line stands alone on its line. Spaces that begin `text` (after any ANSI
 * codes) indent it further, the wrapped lines with it: a nested line ("  ↳ …") stays nested.
 * Returns at least one line.
 */
export function wrap(text: string, width: number, indent = '', hang = indent + '  '): string[] {
  const lines: string[] = [];
  const lead = /^((?:\u001b\[[0-9;]*m)*)( +)/.exec(text);
  if (lead) {
    indent += lead[2];
    hang += lead[2]!;
    text = lead[1]! + text.slice(lead[0].length);
  }
  text = glueCitations(text);
  let line = indent;
  let lineWidth = displayWidth(indent);
  let empty = true;
  for (const w of words(text)) {
    const sepWidth = empty ? 0 : w.sep.length;
    if (!empty && lineWidth + sepWidth + w.width > width) {
      lines.push(line);
      line = hang;
      lineWidth = displayWidth(hang);
      empty = true;
    }
    line += (empty ? '' : w.sep) + w.text;
    lineWidth += (empty ? 0 : w.sep.length) + w.width;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => (l.trim() === '' ? l.trimEnd() : l));
}

export interface FitOptions {
  /** Indent of the lines that hold the columns moved off the row. */
  readonly indent: string;
  /** Row 0 is a header: its moved cells are dropped, and they label the moved cells below. */
  readonly header?: boolean;
  /** The moved cells on one line, joined by this; by default each on a line of its own. */
  readonly join?: string;
  /** Labels of moved cells, by column (overrides the header; '' for none). */
  readonly labels?: readonly (string | undefined)[];
  /** Columns that always stay on the row (default 1); the last of them wraps when too long. */
  readonly keep?: number;
}

/**
 * Lays out a table in `width` columns. When the aligned rows fit, one line per row, as
 * {@link alignWide} would. Otherwise the last columns move, one by one, off the row onto
 * indented lines below it (wrapped, nothing cut) until the rest fits; when even the `keep`
 * columns do not fit, the last of them wraps under its own start. Returns the lines of each row.
 */
export function fitColumns(rows: readonly (readonly string[])[], width: number, opts: FitOptions): string[][] {
  const n = maxOf(rows, (r) => r.length);
  const keep = Math.max(1, Math.min(opts.keep ?? 1, n));
  let k = n;
  let aligned = alignWide(rows);
  while (k > keep && aligned.some((l) => displayWidth(l) > width)) {
    k--;
    aligned = alignWide(rows.map((r) => r.slice(0, k)));
  }
  const headerLabels = opts.header && rows[0] ? rows[0].map((h) => h.replace(ANSI, '').toLowerCase()) : [];
  const widths = columnWidths(rows, k - 1);
  return rows.map((row, r) => {
    let head = [aligned[r]!];
    // the last kept cell of the row wraps under its own start, if that leaves it room; the cells
    // before it keep the column widths of all rows and stay whole, leading spaces included
    const last = Math.min(k, row.length) - 1;
    const start = widths.slice(0, Math.max(0, last)).reduce((sum, w) => sum + w + 2, 0);
    if (last > 0 && displayWidth(head[0]!) > width && start < width / 2) {
      const before = row.slice(0, last).map((cell, c) => padTo(cell, widths[c]! + 2)).join('');
      const under = ' '.repeat(start);
      const lines = wrap(row[last]!, width - start, '', '');
      // a first word too long for the rest of the line starts on the next one (a lone token)
      head =
        displayWidth(lines[0]!) > width - start && before.trim() !== ''
          ? [before.trimEnd(), ...lines.map((l) => under + l)]
          : [before + lines[0]!, ...lines.slice(1).map((l) => under + l)];
    }
    if (k === row.length || (opts.header && r === 0)) return head;
    const moved = row.slice(k).map((cell, j) => {
      const label = opts.labels?.[k + j] ?? headerLabels[k + j];
      return label ? `${label}: ${cell}` : cell;
    });
    const rest = opts.join !== undefined ? wrap(moved.join(opts.join), width, opts.indent) : moved.flatMap((m) => wrap(m, width, opts.indent));
    return [...head, ...rest];
  });
}

/** The widths of the first `n` columns in {@link alignWide}'s layout of `rows` (before the gap). */
function columnWidths(rows: readonly (readonly string[])[], n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, c) => maxOf(rows, (r) => (r[c] === undefined ? 0 : displayWidth(r[c]!))));
}

function padTo(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/**
 * The lines of `text` wider than `width` columns, except a line that holds a single token after
 * its indent (a URL, a purl, a path: too long for any line, and never cut). For tests.
 */
export function overflowingLines(text: string, width: number): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > width && /\S\s+\S/.test(l.replace(ANSI, '').trim()));
}

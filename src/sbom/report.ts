/**
 * Renders an {@link SbomReport}: the stable JSON contract (docs/sbom.md) and the text table for
 * people (grouped by severity, CRITICAL first, UNKNOWN last; aligned; coloured on a terminal;
 * fitted to the width: the component and SBOM columns go below a row they do not fit on).
 */
import type { Styler } from '../cli/format.js';
import { DEFAULT_WIDTH, fitColumns, wrap } from '../cli/render/text.js';
import type { Match } from './match.js';
import type { SbomReport } from './scan.js';
import { severityRank } from './severity.js';
import { pushAll } from '../common/arrays.js';

/** One match in the JSON contract: exactly these keys, in this order; `fixed` only when known. */
export interface MatchJson {
  sbom: string;
  component: string;
  version: string;
  advisory: string;
  aliases: string[];
  severity: string;
  fixed?: string;
}

export function matchJson(m: Match): MatchJson {
  return {
    sbom: m.sbom,
    component: m.component,
    version: m.version,
    advisory: m.advisory,
    aliases: [...m.aliases],
    severity: m.severity,
    ...(m.fixed !== undefined ? { fixed: m.fixed } : {}),
  };
}

/** `{"matches":[…]}`, pretty-printed, ending in a newline. */
export function renderJson(report: SbomReport): string {
  return JSON.stringify({ matches: report.matches.map(matchJson) }, null, 2) + '\n';
}

/** Severity groups, most severe first; within a rank alphabetical (MEDIUM before MODERATE). */
export function severityGroups(matches: readonly Match[]): { severity: string; matches: Match[] }[] {
  const groups = new Map<string, Match[]>();
  for (const m of matches) {
    const g = groups.get(m.severity);
    if (g) g.push(m);
    else groups.set(m.severity, [m]);
  }
  return [...groups]
    .sort(([a], [b]) => severityRank(b) - severityRank(a) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([severity, list]) => ({ severity, matches: list }));
}

function paint(s: Styler, severity: string, text: string): string {
  const r = severityRank(severity);
  if (r >= 4) return s.bold(s.red(text));
  if (r === 3) return s.red(text);
  if (r === 2) return s.yellow(text);
  if (r === 1) return s.cyan(text);
  return s.gray(text);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface TextOptions {
  readonly styler: Styler;
  /** Rank at or above which a match blocks (for the closing line). */
  readonly threshold: number;
  readonly failOn: string;
  /** Columns to fit the lines in (default 80): long columns move below their row, notes wrap. */
  readonly width?: number;
}

export function renderText(report: SbomReport, opts: TextOptions): string {
  const s = opts.styler;
  const width = opts.width ?? DEFAULT_WIDTH;
  const out: string[] = [];
  const entries = report.sboms.reduce((n, x) => n + x.entries, 0);
  const scanned = report.sboms.reduce((n, x) => n + x.scanned, 0);
  out.push(
    ...wrap(
      s.bold('datacustoms sbom') +
        ` — ${plural(report.sboms.length, 'SBOM')}, ${plural(entries, 'component')} (${scanned.toLocaleString('en-US')} looked up), ${plural(report.advisories, 'advisory', 'advisories')}`,
      width,
      '',
    ),
  );
  if (report.matches.length === 0) {
    out.push('', s.green('No component matches an advisory.'));
  } else {
    const groups = severityGroups(report.matches);
    // the short columns first: the component (a purl) and the SBOM (a path) go below the row,
    // each on a line of its own, when the row does not fit
    const header = ['ADVISORY', 'ALIASES', 'VERSION', 'FIXED', 'COMPONENT', 'SBOM'];
    const rows: string[][] = [header.map((h, i) => (i === 0 ? '  ' : '') + s.dim(h))];
    for (const g of groups) {
      for (const m of g.matches) {
        rows.push([
          '  ' + paint(s, m.severity, m.advisory),
          m.aliases.join(', ') || '—',
          m.version,
          m.fixed ?? (m.detail.openEnded ? 'none (open range)' : '—'),
          m.component,
          m.sbom,
        ]);
      }
    }
    const table = fitColumns(rows, width, { indent: '      ', header: true, labels: [, , , , '', ''] });
    out.push('', ...table[0]!);
    let i = 1;
    for (const g of groups) {
      out.push(paint(s, g.severity, `${g.severity} (${g.matches.length})`));
      for (let k = 0; k < g.matches.length; k++) out.push(...table[i++]!);
    }
    const hints = report.matches.filter((m) => m.detail.upperBoundHint !== undefined);
    if (hints.length > 0) {
      out.push('', s.bold('Notes'));
      for (const m of hints) {
        out.push(
          ...wrap(
            `${m.advisory} on ${m.component}: the range has no upper bound in the OSV data; the advisory's non-normative ` +
              `database_specific says "${m.detail.upperBoundHint}" (shown, not applied).`,
            width,
            '  ',
          ),
        );
      }
    }
  }
  if (report.unscanned.length > 0 || report.notEvaluated.length > 0) {
    out.push('', s.bold('Not evaluated'));
    if (report.unscanned.length > 0) {
      // one row per (group, reason): one purl type can be skipped for different reasons
      // (deb: an Ubuntu purl, a Debian purl without a distro qualifier)
      const byGroup = new Map<string, { group: string; n: number; reason: string }>();
      for (const u of report.unscanned) {
        const key = `${u.group}\u0000${u.reason}`;
        const g = byGroup.get(key);
        if (g) g.n++;
        else byGroup.set(key, { group: u.group, n: 1, reason: u.reason });
      }
      out.push(`  ${plural(report.unscanned.length, 'component')} not looked up:`);
      const rows = [...byGroup].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, { group, n, reason }]) => ['    ' + group, String(n), s.dim(reason)]);
      // the reason wraps under its own start
      pushAll(out, fitColumns(rows, width, { indent: '      ', keep: 3 }).flat());
    }
    if (report.notEvaluated.length > 0) {
      out.push(`  ${plural(report.notEvaluated.length, 'component/advisory pair')} undecided:`);
      // the reason, then the component, go below the advisory, each on a line of its own, when they do not fit beside it
      pushAll(out, fitColumns(report.notEvaluated.map((n) => ['    ' + n.advisory, n.component, s.dim(n.reason)]), width, { indent: '      ' }).flat());
    }
  }
  const counts = severityGroups(report.matches).map((g) => `${g.matches.length.toLocaleString('en-US')} ${g.severity.toLowerCase()}`);
  const blocking = report.matches.filter((m) => severityRank(m.severity) >= opts.threshold).length;
  out.push(
    '',
    ...wrap(
      `${plural(report.matches.length, 'match', 'matches')}${counts.length ? ` (${counts.join(', ')})` : ''}; ` +
        (blocking > 0 ? s.red(`${blocking.toLocaleString('en-US')} at or above --fail-on ${opts.failOn}`) : s.green(`none at or above --fail-on ${opts.failOn}`)),
      width,
      '',
    ),
  );
  return out.join('\n') + '\n';
}

/**
 * Text rendering of a check result for people: blocked first, one line per decision with its
 * citation, then obligations by due date, then a summary line.
 */
import type { CheckResult, Decision, Obligation, Verdict } from '../../engine/types.js';
import type { Styler } from '../format.js';
import { DEFAULT_WIDTH, fitColumns, wrap } from './text.js';

const ORDER: readonly Verdict[] = ['blocked', 'conditional', 'permitted', 'not_applicable'];
const TITLE: Record<Verdict, string> = { blocked: 'BLOCKED', conditional: 'CONDITIONAL', permitted: 'PERMITTED', not_applicable: 'NOT APPLICABLE' };
const MARK: Record<Verdict, string> = { blocked: '✗', conditional: '!', permitted: '✓', not_applicable: '·' };

export interface TextOptions {
  /** Show every reason, not just the first. */
  readonly explain: boolean;
  /** Columns to fit the lines in (default 80): long reasons wrap, long columns move below. */
  readonly width?: number;
  /** What the summary says when something blocks (default `→ exit 1`; the demo, which exits 0, names check's). */
  readonly blockingNote?: string;
}

const NBSP = '\u00a0';

export function renderCheckText(result: CheckResult, s: Styler, opts: TextOptions): string {
  const colour = (v: Verdict) => (v === 'blocked' ? s.red : v === 'conditional' ? s.yellow : v === 'permitted' ? s.green : s.gray);
  const width = opts.width ?? DEFAULT_WIDTH;
  const lines: string[] = [];
  lines.push(...wrap(s.bold(`datacustoms check — as of${NBSP}${result.asOf}`) + s.gray(` · packs ${result.packs.map((p) => `${p.id}${NBSP}${p.version}`).join(', ')}`), width, ''));

  const rows: { verdict: Verdict; subject: string; d: Decision }[] = [
    ...result.organization.map((d) => ({ verdict: d.verdict, subject: '(organization)', d })),
    ...result.flows.flatMap((f) => f.decisions.map((d) => ({ verdict: d.verdict, subject: f.flow, d }))),
    ...result.assets.flatMap((a) => a.decisions.map((d) => ({ verdict: d.verdict, subject: `asset ${a.asset}`, d }))),
  ];
  for (const v of ORDER) {
    const group = rows.filter((r) => r.verdict === v);
    if (group.length === 0) continue;
    // not-applicable rows show no reason: the heading says where to find them
    const why = v === 'not_applicable' && !opts.explain ? s.gray(' · reasons: --explain') : '';
    lines.push('', colour(v)(s.bold(`${TITLE[v]} (${group.length})`)) + why);
    // the columns that do not fit go on the next line: outcome · citation
    const table = fitColumns(
      group.map((r) => [`  ${colour(v)(MARK[v])} ${r.subject}`, r.d.regime, colour(v)(r.d.outcome), s.gray(r.d.rules[0]?.citation ?? '')]),
      width,
      { indent: '      ', join: ' · ' },
    );
    group.forEach((r, i) => {
      lines.push(...table[i]!);
      if (v === 'not_applicable' && !opts.explain) return;
      const reasons = opts.explain ? r.d.reasons : r.d.reasons.slice(0, 1);
      for (const reason of reasons) lines.push(...wrap(reason, width, '      ').map((l) => s.dim(l)));
      if (opts.explain && r.d.rules.length > 1) lines.push(...wrap(`rules: ${r.d.rules.map((x) => `${x.id} (${x.citation})`).join('; ')}`, width, '      ').map((l) => s.gray(l)));
    });
  }

  const obligations: { subject: string; regime: string; o: Obligation }[] = [
    ...result.organization.flatMap((d) => d.obligations.map((o) => ({ subject: '(organization)', regime: d.regime, o }))),
    ...result.flows.flatMap((f) => f.decisions.flatMap((d) => d.obligations.map((o) => ({ subject: f.flow, regime: d.regime, o })))),
    ...result.assets.flatMap((a) => a.decisions.flatMap((d) => d.obligations.map((o) => ({ subject: `asset ${a.asset}`, regime: d.regime, o })))),
  ];
  if (obligations.length) {
    const dated = obligations.filter((x) => x.o.due).sort((a, b) => (a.o.due! < b.o.due! ? -1 : a.o.due! > b.o.due! ? 1 : a.subject < b.subject ? -1 : 1));
    const standing = obligations.filter((x) => !x.o.due);
    lines.push('', s.bold(`OBLIGATIONS (${obligations.length})`));
    const st = (o: Obligation) => (o.status === 'overdue' ? s.red('overdue') : o.status === 'done' ? s.green('done') : o.status === 'due' ? s.yellow('due') : s.gray('ongoing'));
    const all = [...dated, ...standing];
    const table = fitColumns(all.map((x) => [`  ${x.o.due ?? 'standing'}`, st(x.o), `${x.subject}`, s.gray(x.regime)]), width, { indent: '      ', join: ' · ' });
    all.forEach((x, i) => {
      lines.push(...table[i]!);
      lines.push(...wrap(`${x.o.what}${x.o.to ? ` → ${x.o.to}` : ''} ${s.gray(`(${x.o.citation})`)}`, width, '      '));
    });
  }

  const sm = result.summary;
  const glue = (text: string) => text.replace(/ /g, NBSP);
  lines.push(
    '',
    ...wrap(
      `${glue(`${sm.flows} flow(s)`)}${sm.assets ? `, ${glue(`${sm.assets} asset(s)`)}` : ''}, ${glue(`${sm.decisions} decision(s)`)}: ` +
        ORDER.map((v) => colour(v)(glue(`${sm.verdicts[v]} ${v.replace('_', ' ')}`))).join(', ') +
        ` · ${glue(`${sm.obligations} obligation(s)`)}${sm.overdue ? `, ${s.red(glue(`${sm.overdue} overdue`))}` : ''}` +
        (sm.blocking ? ' ' + s.red(glue(opts.blockingNote ?? '→ exit 1')) : ''),
      width,
      '',
    ),
  );
  return lines.join('\n') + '\n';
}

/**
 * Text rendering of a clocks result: per event, an aligned table of duties (status with the time
 * left or past due, due time in the regulator's zone, duty id, recipient), each followed by what
 * to send and the citation; then the checks and notes. Fitted to `width` columns (80 by default): a recipient that does
 * not fit goes on its own line below the row, and the other text wraps with a hanging indent.
 * Text from the user's files (titles, product, component and party names, which reach
 * recipients, notes and checks) shows its control characters as `\xNN`: an escape sequence
 * would otherwise be run by the terminal.
 */
import type { Styler } from '../cli/format.js';
import { DEFAULT_WIDTH, fitColumns, wrap } from '../cli/render/text.js';
import type { InventoryEvent } from '../inventory/events.js';
import { showControls } from '../common/controls.js';
import { humanDuration } from '../time/zoned.js';
import type { ClockCheck, ClockObligation, ClocksResult } from './model.js';

function durationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return 0;
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000;
}

/** A duration past due; under a minute (`PT0M`, seconds dropped) is "< 1 min", not "0 min". */
function past(iso: string): string {
  const ms = durationMs(iso);
  return ms === 0 ? '< 1 min' : humanDuration(ms);
}

/**
 * Time left until a dated duty is due, from `asOf` (both ISO 8601 instants): "1 d 4 h", "37 min",
 * under a minute "< 1 min"; cut to whole minutes as the time past due is. Undefined when either
 * instant cannot be read.
 */
function left(dueUtc: string | undefined, asOf: string): string | undefined {
  if (dueUtc === undefined) return undefined;
  const ms = Date.parse(dueUtc) - Date.parse(asOf);
  if (Number.isNaN(ms)) return undefined;
  return ms < 60_000 ? '< 1 min' : humanDuration(ms);
}

function statusCell(o: ClockObligation, s: Styler, asOf: string): string {
  if (o.status === 'overdue') return s.red(s.bold(`OVERDUE ${past(o.overdueBy ?? 'PT0M')}`));
  if (o.status === 'done') return s.green(o.lateBy ? `done (late ${past(o.lateBy)})` : 'done');
  if (!o.inForce) return s.gray('proposed');
  if (!o.due) return s.yellow('due (undated)');
  const remaining = left(o.dueUtc, asOf);
  return s.yellow(remaining === undefined ? 'due' : `due in ${remaining}`);
}

function dueCell(o: ClockObligation): string {
  if (o.due) return o.due.replace('T', ' ');
  if (o.startsWhen) return 'not started';
  return o.deadline.replace(/ after .*$/, '');
}

function verdictCell(k: ClockCheck, s: Styler): string {
  switch (k.verdict) {
    case 'allowed':
      return s.green('allowed');
    case 'prohibited':
      return s.red(s.bold('PROHIBITED'));
    case 'prohibited_without_approval':
      return s.red(s.bold('NEEDS APPROVAL'));
    case 'legal_review':
      return s.yellow(s.bold('LEGAL REVIEW'));
  }
}

/** Items by their event id, each list in the items' order. */
function byEvent<T extends { readonly event: string }>(items: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const list = m.get(x.event);
    if (list) list.push(x);
    else m.set(x.event, [x]);
  }
  return m;
}

export function renderText(result: ClocksResult, events: readonly InventoryEvent[], s: Styler, asOfLabel: string, width: number = DEFAULT_WIDTH): string {
  const out: string[] = [];
  /** `text` wrapped under `indent`, each line styled (the style does not run across lines). */
  const para = (text: string, indent: string, style: (t: string) => string = (t) => t, hang = indent + '  ') =>
    out.push(...wrap(text, width, indent, hang).map((l) => (l.trim() === '' ? l : style(l))));
  para(s.bold(`Reporting clocks as of ${asOfLabel}`), '');
  // each event's obligations, checks and notes, in their order (grouped once: a filter per event
  // made 20,000 events take minutes)
  const obsOf = byEvent(result.obligations);
  const checksOf = byEvent(result.checks);
  const notesOf = byEvent(result.notes);
  for (const e of events) {
    const obs = obsOf.get(e.id) ?? [];
    const checks = checksOf.get(e.id) ?? [];
    const notes = notesOf.get(e.id) ?? [];
    const label = e.kind === 'vulnerability' && e.cve ? ` ${e.cve}` : '';
    out.push('');
    para(`${s.bold(s.cyan(e.id))}  ${e.kind.replace(/_/g, ' ')}${label}${e.title ? ` — ${showControls(e.title)}` : ''}`, '');
    if (obs.length === 0 && checks.length === 0) para('no duty under the regimes whose roles the organization declares', '  ', s.dim);
    if (obs.length) {
      // a recipient that does not fit goes below its row, after the arrow, without a label
      const rows = obs.map((o) => ['  ' + statusCell(o, s, result.asOf), dueCell(o), o.id, `→ ${showControls(o.recipient)}`]);
      const table = fitColumns([['  STATUS', 'DUE', 'DUTY', 'TO'].map((h) => s.dim(h)), ...rows], width, { indent: '      ', header: true, labels: [, , , ''] });
      out.push(...table[0]!);
      obs.forEach((o, i) => {
        out.push(...table[i + 1]!);
        const detail = [`${o.what}.`, `${o.citation} [${o.confidence}]; ${o.deadline}.`];
        if (o.startsWhen) detail.push(`Starts when ${o.startsWhen}.`);
        if (o.condition) detail.push(`Applies if ${o.condition}.`);
        if (o.doneAt) detail.push(`Done ${o.doneAt}.`);
        for (const d of detail) para(showControls(d), '      ', s.dim);
        for (const n of o.notes) para(`· ${showControls(n)}`, '      ', s.dim);
      });
    }
    if (checks.length) {
      out.push('', s.dim('  CHECKS'));
      // the subject wraps under its own start
      const table = fitColumns(
        checks.map((k) => ['  ' + verdictCell(k, s), showControls(k.subject)]),
        width,
        { indent: '      ', keep: 2 },
      );
      checks.forEach((k, i) => {
        out.push(...table[i]!);
        para(showControls(k.reason), '      ', s.dim);
        para(`${k.citation}${k.cases?.length ? ` (cases: ${k.cases.join(', ')})` : ''}`, '      ', s.dim);
      });
    }
    if (notes.length) {
      out.push('', s.dim('  NOTES'));
      for (const n of notes) para(`· ${showControls(n.note)}`, '  ', undefined, '    ');
    }
  }
  const m = result.summary;
  // the duties due that have no fixed deadline (the summary's `undated` counts done ones too)
  const undatedDue = result.obligations.filter((o) => o.status === 'due' && o.due === undefined).length;
  out.push('');
  para(
    `${m.obligations} obligation${m.obligations === 1 ? '' : 's'} for ${m.events} event${m.events === 1 ? '' : 's'}: ` +
      `${m.overdue ? s.red(s.bold(`${m.overdue} overdue`)) : '0 overdue'}, ${m.due} due${undatedDue ? ` (${undatedDue} with no fixed deadline)` : ''}, ${m.done} done; ` +
      `${m.prohibited ? s.red(`${m.prohibited} prohibited`) : '0 prohibited'}, ${m.legalReview ? s.yellow(`${m.legalReview} for legal review`) : '0 for legal review'}.`,
    '',
  );
  return out.join('\n') + '\n';
}

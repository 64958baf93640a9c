import { describe, expect, it } from 'vitest';
import { check } from '../../check.js';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { DEMO_AS_OF, DEMO_DIR } from '../commands/demo.js';
import { renderCheckText } from './check-text.js';
import { styler } from '../format.js';
import { alignWide, displayWidth, fitColumns, outputWidth, overflowingLines, wrap } from './text.js';

/** Whitespace collapsed: wrapped text compared with what it holds. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('wrap', () => {
  it('breaks at spaces with a hanging indent, never inside a word', () => {
    const lines = wrap('a vendor agreement (202.258) with a country of concern or covered person involving bulk data', 30, '    ');
    expect(lines).toEqual(['    a vendor agreement', '      (202.258) with a country', '      of concern or covered', '      person involving bulk', '      data']);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
  });
  it('counts Chinese characters as two columns and breaks between them, not before their punctuation', () => {
    const lines = wrap('单独同意单独同意单独同意，单独同意 (separate consent)', 14, '');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(14);
    expect(lines.join('').replace(/\s+/g, '')).toBe('单独同意单独同意单独同意，单独同意(separateconsent)');
    expect(lines.some((l) => l.trimStart().startsWith('，'))).toBe(false);
  });
  it('lets a token longer than the line overflow whole', () => {
    const url = 'https://www.federalregister.gov/documents/2025/01/08/2024-31486/preventing-access';
    expect(wrap(`see ${url} now`, 40, '')).toEqual(['see', `  ${url}`, '  now']);
    expect(overflowingLines(wrap(`see ${url} now`, 40, '').join('\n'), 40)).toEqual([]);
  });
  it('keeps citations together: "Art. 7", "28 CFR 202.401(a)", "60 %"', () => {
    const text = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx Art. 7 xxxxxxxxxxxxxxxxxxxxxxxxxx 28 CFR 202.401(a) xx 60 %';
    for (const w of [32, 33, 34, 35, 36, 40, 48, 52, 56]) {
      const f = wrap(text, w, '').join('\n');
      expect(f).toMatch(/Art\. 7/);
      expect(f).toMatch(/28 CFR 202\.401\(a\)/);
      expect(f).toMatch(/60 %/);
    }
  });
  it('keeps the spaces that begin the text as a further indent, for the wrapped lines too', () => {
    expect(wrap('  ↳ Huaxin Data Group: a foreign entity organized under the laws of CN', 40, '    ')).toEqual([
      '      ↳ Huaxin Data Group: a foreign',
      '        entity organized under the laws',
      '        of CN',
    ]);
    expect(wrap('  ↳ short', 40, '    ', '    ')).toEqual(['      ↳ short']);
    const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;
    expect(wrap(dim('  ↳ nested'), 40, '  ')).toEqual([`    ${dim('↳ nested')}`]);
  });
  it('keeps ANSI codes out of the width', () => {
    const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;
    const lines = wrap(dim('one two three four five six'), 10, '');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(10);
  });
});

describe('alignWide', () => {
  it('aligns by display width: a Chinese cell (及时, two columns a character) and ANSI codes do not push a row out of line', () => {
    const lines = alignWide([
      ['  due (undated)', 'in time (及时)', 'cn.miit.vuln/7(3)'],
      ['  done', 'immediately', 'cn.miit.vuln/7(1)'],
      ['  \u001b[31mOVERDUE 13 d\u001b[39m', '2021-11-26 23:59:59+08:00', 'cn.miit.vuln/7(2)'],
    ]);
    const starts = lines.map((l) => displayWidth(l.slice(0, l.indexOf('cn.miit'))));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBe('  due (undated)'.length + 2 + '2021-11-26 23:59:59+08:00'.length + 2);
  });
});

describe('fitColumns', () => {
  const rows = [
    ['ID', 'FROM', 'TITLE'],
    ['a/1', '2025-01-01', 'A title that is rather long and will not fit beside the other columns'],
  ];
  it('keeps the table when it fits', () => {
    expect(fitColumns(rows, 120, { indent: '    ', header: true })).toEqual([['ID   FROM        TITLE'], ['a/1  2025-01-01  A title that is rather long and will not fit beside the other columns']]);
  });
  it('moves a column that does not fit onto its own line, labelled by the header', () => {
    const out = fitColumns(rows, 50, { indent: '    ', header: true });
    expect(out[0]).toEqual(['ID   FROM']);
    expect(out[1]).toEqual(['a/1  2025-01-01', '    title: A title that is rather long and will', '      not fit beside the other columns']);
  });
  it('wraps the last kept column under its start when even the kept columns do not fit', () => {
    const out = fitColumns(rows.slice(1), 50, { indent: '    ', keep: 3 });
    expect(out[0]![0]).toBe('a/1  2025-01-01  A title that is rather long and');
    for (const l of out[0]!.slice(1)) expect(l.startsWith(' '.repeat(17))).toBe(true);
  });
  it('keeps the leading spaces of a row whose last kept column wraps', () => {
    const out = fitColumns([['  a/1', '2025-01-01', rows[1]![2]!]], 50, { indent: '    ', keep: 3 });
    expect(out[0]).toEqual(['  a/1  2025-01-01  A title that is rather long and', '                   will not fit beside the other', '                   columns']);
  });
  it('keeps the other rows\' column widths on a row whose last kept column wraps', () => {
    const table = [
      ['  ok', 'a/1', rows[1]![2]!],
      ['  REVIEW', 'a/1000', 'short'],
    ];
    const out = fitColumns(table, 50, { indent: '    ', keep: 3 });
    expect(out[1]).toEqual(['  REVIEW  a/1000  short']);
    expect(out[0]).toEqual(['  ok      a/1     A title that is rather long and', '                  will not fit beside the other', '                  columns']);
  });
  it('puts a token too long for the rest of the line under the column start, the cells before it whole', () => {
    const url = 'https://www.federalregister.gov/documents/2025/01/08/2024-31486/preventing-access';
    const out = fitColumns([['  a/1', '2025-01-01', `${url} now`]], 50, { indent: '    ', keep: 3 });
    expect(out[0]).toEqual(['  a/1  2025-01-01', `                   ${url}`, '                   now']);
    expect(overflowingLines(out[0]!.join('\n'), 50)).toEqual([]);
  });
});

describe('outputWidth', () => {
  it('is 80 off a terminal, the terminal width on one', () => {
    expect(outputWidth({ isTTY: false }, 200)).toBe(80);
    expect(outputWidth({ isTTY: true }, 132)).toBe(132);
    expect(outputWidth({ isTTY: true }, undefined)).toBe(80);
  });
});

describe('check and demo text fit the width', () => {
  const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
  /** Every subject, regime, outcome, first citation, due date and obligation citation. */
  function expectAllContent(text: string): void {
    const f = flat(text);
    const decisions = [...result.organization, ...result.flows.flatMap((x) => x.decisions), ...result.assets.flatMap((a) => a.decisions)];
    for (const fl of result.flows) expect(f).toContain(fl.flow);
    for (const a of result.assets) expect(f).toContain(`asset ${a.asset}`);
    for (const d of decisions) {
      expect(f).toContain(d.outcome);
      expect(f).toContain(d.rules[0]!.citation);
      for (const o of d.obligations) {
        if (o.due) expect(f).toContain(o.due);
        expect(f).toContain(`(${o.citation})`);
      }
    }
  }
  for (const explain of [false, true]) {
    it(`renderCheckText${explain ? ' --explain' : ''}: no line over 80 (or 120) columns, nothing lost`, () => {
      for (const width of [80, 120]) {
        const text = renderCheckText(result, styler(false), { explain, width });
        expect(overflowingLines(text, width)).toEqual([]);
        expectAllContent(text);
      }
    });
  }
  it('datacustoms demo: every line fits 80 columns when stdout is not a terminal', async () => {
    const io = memoryIo();
    expect(await main(['demo'], io)).toBe(0);
    const out = io.stdout();
    expect(out.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    expectAllContent(out);
    expect(flat(out)).toContain('datacustoms check examples/demo --as-of 2026-12-01 --format json (the stable JSON contract, docs/check.md)');
  });
  it('datacustoms demo --explain: every reason is there, whole', async () => {
    const io = memoryIo();
    await main(['demo', '--explain'], io);
    const out = io.stdout();
    expect(out.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    const decisions = [...result.organization, ...result.flows.flatMap((x) => x.decisions), ...result.assets.flatMap((a) => a.decisions)];
    for (const d of decisions) for (const r of d.reasons) expect(flat(out)).toContain(flat(r));
  });
});

describe('datacustoms rules fits the width', () => {
  it('every rule of every pack, with its whole id, window, citation and title, in 80 columns', async () => {
    const io = memoryIo();
    expect(await main(['rules'], io)).toBe(0);
    const out = io.stdout();
    expect(overflowingLines(out, 80)).toEqual([]);
    const json = memoryIo();
    await main(['rules', '--format', 'json'], json);
    const rules = JSON.parse(json.stdout()) as { id: string; citation: string; title: string; effective: { from: string } }[];
    expect(rules.length).toBeGreaterThan(50);
    const f = flat(out);
    for (const r of rules) {
      expect(out).toMatch(new RegExp(`^${r.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${r.effective.from}…`, 'm'));
      expect(f).toContain(flat(r.citation));
      expect(f).toContain(flat(r.title));
    }
  });
});

describe('tables of any length', () => {
  it('align and fit 500,000 rows (a large inventory\'s report) without overflowing the stack', () => {
    const rows = Array.from({ length: 500_000 }, (_, i) => [`f${i}`, i % 2 ? 'us.doj.dsp' : 'cn.xborder', 'prohibited']);
    const aligned = alignWide(rows);
    expect(aligned).toHaveLength(500_000);
    expect(aligned[499_999]).toBe('f499999  us.doj.dsp  prohibited');
    const fitted = fitColumns(rows, 80, { indent: '    ' });
    expect(fitted).toHaveLength(500_000);
    expect(fitted[0]).toEqual(['f0       cn.xborder  prohibited']);
  });
});

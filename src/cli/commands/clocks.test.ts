import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import ICAL from 'ical.js';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { REPO_ROOT } from '../../testing/shared.js';
import type { ClocksResult } from '../../clocks/model.js';
import { displayWidth, overflowingLines } from '../render/text.js';

// Lets a test change a file once the inventory is read (an editor saving over it meanwhile, or a
// pipe such as /dev/stdin, which reads empty a second time), before a problem is placed in it.
const loading = vi.hoisted(() => ({ afterLoad: undefined as (() => void) | undefined }));
vi.mock('../../inventory/load.js', async (original) => {
  const real = await original<typeof import('../../inventory/load.js')>();
  return {
    ...real,
    mergeSources: (sources: Parameters<typeof real.mergeSources>[0]) => {
      const inventory = real.mergeSources(sources);
      loading.afterLoad?.();
      return inventory;
    },
  };
});

const EXAMPLE = join(REPO_ROOT, 'examples', 'log4shell');

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(['clocks', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('datacustoms clocks examples/log4shell (Log4Shell, cn-xb-041)', () => {
  it('JSON: the MIIT report was due 2021-11-26 (Beijing) and, as of 2021-12-10, is 13 days overdue; exit 1', async () => {
    const { code, out } = await run(EXAMPLE, '--as-of', '2021-12-10', '--format', 'json');
    expect(code).toBe(1);
    const r = JSON.parse(out) as ClocksResult;
    const miit = r.obligations.find((o) => o.id === 'cn.miit.vuln/7(2)');
    expect(miit).toMatchObject({
      regime: 'cn.miit.vuln',
      event: 'log4shell',
      due: '2021-11-26T23:59:59+08:00',
      dueUtc: '2021-11-26T15:59:59Z',
      status: 'overdue',
      overdueBy: 'P13D',
      citation: 'Network Product Security Vulnerability Regulations (2021) Art. 7(2)',
    });
    expect(miit?.recipient).toMatch(/MIIT/);
    // Telling Apache, the component's overseas provider, is allowed (Art. 9(7)).
    const apache = r.checks.find((k) => k.subject.includes('Apache'));
    expect(apache?.verdict).toBe('allowed');
    expect(apache?.citation).toMatch(/Art\. 9\(7\)/);
    // The CRA did not apply in 2021.
    expect(r.obligations.some((o) => o.regime === 'eu.cra')).toBe(false);
    expect(r.notes.some((n) => n.regime === 'eu.cra' && n.note.includes('2026-09-11'))).toBe(true);
    // Every obligation carries the contract's fields.
    for (const o of r.obligations) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['regime', 'event', 'what', 'recipient', 'status', 'citation']));
      expect(['due', 'overdue', 'done']).toContain(o.status);
    }
  });

  it('before the deadline nothing is overdue: exit 0', async () => {
    const { code, out } = await run(EXAMPLE, '--as-of', '2021-11-26T23:00', '--format', 'json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as ClocksResult).summary.overdue).toBe(0);
  });

  it('text: names the duty, its due instant, how overdue, and the Art. 9(7) check', async () => {
    const { code, out } = await run(EXAMPLE, '--as-of', '2021-12-10');
    expect(code).toBe(1);
    expect(out).toMatch(/OVERDUE 13 d\s+2021-11-26 23:59:59\+08:00\s+cn\.miit\.vuln\/7\(2\)/);
    expect(out).toMatch(/allowed\s+vulnerability information to The Apache Software Foundation \(United\s+States\)/);
    expect(out).not.toMatch(/\u001b\[/); // no colour when not a terminal
    // the bracket counts only the due duties without a deadline, not the done ones
    expect(out).toMatch(/3 obligations for 1 event: 1 overdue, 1 due \(1 with no fixed deadline\), 1 done;/);
  });

  it('text fits 80 columns off a terminal, every duty, recipient, citation, reason and note whole', async () => {
    const { out } = await run(EXAMPLE, '--as-of', '2021-12-10');
    expect(out.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    const result = JSON.parse((await run(EXAMPLE, '--as-of', '2021-12-10', '--format', 'json')).out) as ClocksResult;
    // wrapped text holds the same characters: compare without whitespace
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const text = squeeze(out);
    const wanted = [
      'Apache Log4j2 JNDI lookup remote code execution (Log4Shell)',
      ...result.obligations.flatMap((o) => [o.id, `→ ${o.recipient}`, `${o.what}.`, `${o.citation} [${o.confidence}]; ${o.deadline}.`, ...o.notes.map((n) => `· ${n}`)]),
      ...result.checks.flatMap((k) => [k.subject, k.reason, k.citation]),
      ...result.notes.map((n) => `· ${n.note}`),
      '3 obligations for 1 event: 1 overdue, 1 due (1 with no fixed deadline), 1 done; 0 prohibited, 0 for legal review.',
    ];
    expect(result.obligations.some((o) => displayWidth(`      → ${o.recipient}`) > 80)).toBe(true); // the case that needs fitting
    for (const w of wanted) expect(text).toContain(squeeze(w));
    expect(out).toContain('→ MIIT Cybersecurity Threat and Vulnerability Information Sharing Platform');
    // ids, instants and citations stay on one line
    expect(out).toMatch(/OVERDUE 13 d\s+2021-11-26 23:59:59\+08:00\s+cn\.miit\.vuln\/7\(2\)/);
    expect(out).toMatch(/Network Product Security Vulnerability Regulations \(2021\) Art\. 7\(2\)/);
    // the duty column lines up on the row whose due cell is Chinese (及时 takes four columns)
    const rows = out.split('\n').filter((l) => / cn\.miit\.vuln\/7\(\d\)$/.test(l));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((l) => displayWidth(l.slice(0, l.indexOf('cn.miit'))))).size).toBe(1);
  });

  it('text fits the terminal width on a terminal: at 160 columns the recipient stays on its row', async () => {
    const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 160, configurable: true, writable: true });
    try {
      const io = { ...memoryIo(), isTTY: true };
      await main(['clocks', EXAMPLE, '--as-of', '2021-12-10'], io);
      const out = io.stdout();
      expect(overflowingLines(out, 160)).toEqual([]);
      expect(out).toMatch(/cn\.miit\.vuln\/7\(2\)\s+→ MIIT Cybersecurity Threat and Vulnerability Information Sharing Platform \(工业和信息化部网络安全威胁和漏洞信息共享平台\)/);
    } finally {
      if (before) Object.defineProperty(process.stdout, 'columns', before);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  it('text on a 50-column terminal: a check whose subject wraps keeps its indent, the subject wraps under its start', async () => {
    const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 50, configurable: true, writable: true });
    try {
      const io = { ...memoryIo(), isTTY: true };
      await main(['clocks', EXAMPLE, '--as-of', '2021-12-10'], io);
      const plain = io.stdout().replace(/\u001b\[[0-9;]*m/g, '');
      expect(overflowingLines(plain, 50)).toEqual([]);
      expect(plain).toContain('\n  allowed  vulnerability information to The Apache\n           Software Foundation (United States)\n');
    } finally {
      if (before) Object.defineProperty(process.stdout, 'columns', before);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  it('ICS: parses back, with the MIIT deadline as a UTC DTSTART', async () => {
    const { out } = await run(EXAMPLE, '--as-of', '2021-12-10', '--format', 'ics');
    const cal = new ICAL.Component(ICAL.parse(out));
    const starts = cal.getAllSubcomponents('vevent').map((v) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString());
    expect(starts).toContain('2021-11-26T15:59:59.000Z');
  });

  it('--drafts writes a CSAF advisory and an OpenVEX document; -o writes the output atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-'));
    const outFile = join(dir, 'clocks.json');
    const { code, out, err } = await run(EXAMPLE, '--as-of', '2021-12-10', '--drafts', join(dir, 'drafts'), '--format', 'json', '-o', outFile);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/wrote 2 draft files/);
    expect(readdirSync(join(dir, 'drafts')).sort()).toEqual(['example-networks-log4shell.json', 'example-networks-log4shell.openvex.json']);
    const csaf = JSON.parse(readFileSync(join(dir, 'drafts', 'example-networks-log4shell.json'), 'utf8')) as { document: { csaf_version: string } };
    expect(csaf.document.csaf_version).toBe('2.0');
    expect((JSON.parse(readFileSync(outFile, 'utf8')) as ClocksResult).summary.overdue).toBe(1);
  });

  it('--event filters; an unknown event id is a usage error', async () => {
    expect((await run(EXAMPLE, '--as-of', '2021-12-10', '--event', 'log4shell', '--format', 'json')).code).toBe(1);
    const bad = await run(EXAMPLE, '--event', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--event: no event with id "nope"/);
  });
});

describe('bad input: exit 2 with the place, never a stack trace or a partial write', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'dc-clocks-bad-'));

  it('a bad --as-of or --format', async () => {
    const a = await run(EXAMPLE, '--as-of', '2021-02-30');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/<argv>: --as-of: "2021-02-30" is not a date: February 2021 has 28 days/);
    const f = await run(EXAMPLE, '--format', 'xml');
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/--format/);
  });

  it('an event with an unknown field, a bad time zone or an impossible date names file, line and field', async () => {
    const dir = tmp();
    const file = join(dir, 'events.yaml');
    writeFileSync(
      file,
      [
        'organization: { id: acme, name: Acme, organizedIn: CN }',
        'events:',
        '  - id: e1',
        '    kind: vulnerability',
        '    learned: 2021-11-31',
        '    timeZone: Mars/Base',
        '    product: { name: X }',
        '    exploited: true',
        '',
      ].join('\n'),
    );
    const drafts = join(dir, 'drafts');
    const r = await run(file, '--drafts', drafts);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/events\.yaml:5:\d+: events\[0\]\.learned: "2021-11-31" is not a date: November 2021 has 30 days/);
    expect(r.err).toMatch(/events\.yaml:6:\d+: events\[0\]\.timeZone: an IANA time zone/);
    expect(r.err).toMatch(/events\[0\]\.exploited: unknown field "exploited"/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(drafts)).toBe(false);
  });

  it('-o naming a folder, or --drafts naming a file, is bad input (exit 2, the file named) and writes nothing', async () => {
    const dir = tmp();
    const r = await run(EXAMPLE, '--as-of', '2021-12-10', '-o', dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`datacustoms: ${dir}: cannot write the file: it is a folder; name a file to write\n`);
    const notDir = join(dir, 'notes.txt');
    writeFileSync(notDir, 'x');
    const outFile = join(dir, 'clocks.txt');
    const d = await run(EXAMPLE, '--as-of', '2021-12-10', '--drafts', join(notDir, 'sub'), '-o', outFile);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(new RegExp(`^datacustoms: .*notes\\.txt/sub/example-networks-log4shell\\.json: cannot write the file: .*notes\\.txt is not a folder\n$`));
    expect(existsSync(outFile)).toBe(false);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('an empty -o or --drafts (a shell variable left unset) is a usage error, not output silently sent to stdout', async () => {
    const o = await run(EXAMPLE, '--as-of', '2021-12-10', '-o', '');
    expect([o.code, o.out, o.err]).toEqual([2, '', 'datacustoms: <argv>: --output: expected a file name, got ""\n']);
    const d = await run(EXAMPLE, '--as-of', '2021-12-10', '--drafts', '');
    expect([d.code, d.out, d.err]).toEqual([2, '', 'datacustoms: <argv>: --drafts: expected a folder name, got ""\n']);
  });

  it('an unknown kind and a report against an unknown duty', async () => {
    const dir = tmp();
    const file = join(dir, 'events.json');
    writeFileSync(
      file,
      JSON.stringify({
        organization: { id: 'acme', name: 'Acme', organizedIn: 'US' },
        events: [
          { id: 'e1', kind: 'rumour', learned: '2024-01-01' },
          { id: 'e2', kind: 'incident', learned: '2024-01-01', reports: [{ duty: 'us.sec.8k/9.99', at: '2024-01-02' }] },
        ],
      }),
    );
    const r = await run(file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/events\[0\]\.kind/);
    expect(r.err).toMatch(/events\[1\]\.reports\[0\]\.duty: expected one of/);
  });

  it('an organization time zone that is unknown or an abbreviation names its file, line and field (it was an internal error, exit 3)', async () => {
    const dir = tmp();
    const events = join(dir, 'events.yaml');
    writeFileSync(events, ['events:', '  - id: e1', '    kind: vulnerability', '    learned: 2021-11-24T10:00+08:00', '    product: { name: X }', ''].join('\n'));
    for (const zone of ['Mars/Base', 'CST']) {
      const org = join(dir, 'org.yaml');
      writeFileSync(org, ['organization:', '  id: acme', '  name: Acme', '  organizedIn: CN', `  timeZone: ${zone}`, '  cn: { networkProductProvider: true }', ''].join('\n'));
      for (const args of [['--as-of', '2021-12-01'], ['--as-of', '2021-12-01T00:00Z'], []]) {
        const r = await run(dir, ...args);
        expect(r.code).toBe(2);
        expect(r.err).toContain(`org.yaml:5:13: organization.timeZone: an IANA time zone`);
        expect(r.err).toContain(`got "${zone}"`);
        expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
      }
    }
  });

  it('a problem found after loading is placed in the files as they were read: a file saved over meanwhile, emptied (a pipe read again) or broken does not move it or hide it', async () => {
    const dir = tmp();
    const org = join(dir, 'a-org.yaml');
    const orgText = 'organization: { id: acme, name: Acme, organizedIn: CN, timeZone: Asia/Shanghai, cn: { networkProductProvider: true } }\n';
    // A report dated before year 1 once read in Beijing: found while counting, after loading.
    const bad = join(dir, 'b-events.yaml');
    const badText = ['events:', '  - id: e1', '    kind: vulnerability', '    learned: 2021-11-24', '    product: { name: X }', '    reports: [{ duty: cn.miit.vuln/7(2), at: 0001-01-01T03:00 }]', ''].join('\n');
    const good = join(dir, 'c-events.yaml');
    const goodText = ['events:', '  - id: e2', '    kind: vulnerability', '    learned: 2021-11-24', '    product: { name: Y }', '    reports: [{ duty: cn.miit.vuln/7(2), at: 2021-11-25T10:00+08:00 }]', ''].join('\n');
    const changes: [string, () => void][] = [
      ['emptied', () => writeFileSync(bad, '')],
      ['saved over in Latin-1', () => writeFileSync(bad, Buffer.from(`# caf\xe9\n${badText}`, 'latin1'))],
      ['another file broken', () => writeFileSync(org, 'organization: { id: acme\n')],
      ['lines added above', () => writeFileSync(bad, `# note\n# note\n${badText}`)],
    ];
    for (const [what, change] of changes) {
      writeFileSync(org, orgText);
      writeFileSync(bad, badText);
      writeFileSync(good, goodText);
      loading.afterLoad = change;
      try {
        const r = await run(org, bad, good, '--as-of', '2021-12-01');
        expect(r.code, what).toBe(2);
        expect(r.err, what).toBe(`datacustoms: ${bad}:6:46: events[0].reports[0].at: "0001-01-01T03:00" (read in Asia/Shanghai) is outside the years 0001 to 9998 (UTC) that clocks count in\n`);
      } finally {
        loading.afterLoad = undefined;
      }
    }
  });

  it('a YAML syntax error in one file among several: every file\'s syntax errors are reported, no stack trace', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-org.yaml'), 'organization: { id: acme, name: Acme, organizedIn: CN, timeZone: Asia/Shanghai }\n');
    writeFileSync(join(dir, 'b-events.yaml'), ['events:', '  - id: e1', '    kind: vulnerability', '    learned: [2021-11-24', '    product: { name: X }', ''].join('\n'));
    writeFileSync(join(dir, 'c-events.yaml'), ['events:', '  - id: e2', '    kind: vulnerability', '    learned: 2021-11-24', '  bad: indentation', ''].join('\n'));
    const r = await run(dir, '--as-of', '2021-12-01');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/b-events\.yaml:\d+:\d+: syntax error/);
    expect(r.err).toMatch(/c-events\.yaml:\d+:\d+: syntax error/);
    expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it('times at the ends of the calendar (years 0000 and 9999) are bad input with file, line and field, not an internal error', async () => {
    const dir = tmp();
    const org = ['organization: { id: acme, name: Acme, organizedIn: CN, timeZone: Asia/Shanghai, cn: { networkProductProvider: true } }', ''].join('\n');
    writeFileSync(join(dir, 'a-org.yaml'), org);
    const vuln = (id: string, learned: string, extra: string[] = []) => [`  - id: ${id}`, '    kind: vulnerability', `    learned: ${learned}`, '    product: { name: X }', ...extra];
    // Rejected as they stand, whatever the zone.
    for (const learned of ['9999-12-31', '0000-01-01T00:00', '9999-12-31T23:00-05:00']) {
      writeFileSync(join(dir, 'b-events.yaml'), ['events:', ...vuln('e1', learned), ''].join('\n'));
      const r = await run(dir, '--as-of', '2021-12-01', '--format', 'json');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/b-events\.yaml:4:\d+: events\[0\]\.learned: a time within the years 0001 to 9998/);
      expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    }
    // Out of range only once read in the event's zone (00:00 on 1 January of year 1 in Beijing
    // is year 0 in UTC): found while counting, and still placed in its file (the second event
    // file, with another event filtered out by --event).
    writeFileSync(join(dir, 'b-events.yaml'), ['events:', ...vuln('e1', '2021-11-24'), ''].join('\n'));
    writeFileSync(join(dir, 'c-events.yaml'), ['events:', ...vuln('e2', '2021-11-24', ['    reports:', '      - { duty: cn.miit.vuln/7(2), at: 0001-01-01T03:00 }']), ''].join('\n'));
    const r = await run(dir, '--as-of', '2021-12-01', '--event', 'e2', '--format', 'ics');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/c-events\.yaml:7:\d+: events\[0\]\.reports\[0\]\.at: "0001-01-01T03:00" \(read in Asia\/Shanghai\) is outside the years 0001 to 9998/);
    expect(r.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    for (const asOf of ['9999-12-31T23:00-05:00', '0000-01-01']) {
      const a = await run(dir, '--as-of', asOf, '--event', 'e1');
      expect(a.code).toBe(2);
      expect(a.err).toMatch(/<argv>: --as-of: ".*" is outside the years 0001 to 9998/);
    }
  });

  it('--drafts: two vulnerabilities whose ids meet in one CSAF file name (Log4Shell, log4shell; a:b, a_b) are bad input, not one draft silently overwriting the other', async () => {
    for (const [first, second] of [['Log4Shell', 'log4shell'], ['a:b', 'a_b']]) {
      const dir = tmp();
      const file = join(dir, 'events.yaml');
      const vuln = (id: string) => [`  - id: "${id}"`, '    kind: vulnerability', '    learned: 2021-11-24', '    product: { name: X }'];
      writeFileSync(file, ['organization: { id: acme, name: Acme, organizedIn: CN }', 'events:', ...vuln(first!), ...vuln(second!), ''].join('\n'));
      const drafts = join(dir, 'drafts');
      const r = await run(file, '--as-of', '2021-12-01', '--drafts', drafts);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`events.yaml:7:9: events[1].id: event "${second}" would get the same CSAF tracking id and draft file`);
      expect(r.err).toContain(`as event "${first}"`);
      expect(existsSync(drafts)).toBe(false);
      // without --drafts, or with distinct names, nothing is wrong
      expect((await run(file, '--as-of', '2021-12-01')).code).toBe(0);
    }
  });

  it('a missing path', async () => {
    const r = await run('/nonexistent/dir');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such file or directory/);
  });
});

describe('help teaches with examples', () => {
  it('lists events, roles, anchors and examples', async () => {
    const io = memoryIo();
    const code = await main(['clocks', '--help'], io);
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/datacustoms clocks examples\/log4shell --as-of 2021-12-10/);
    expect(io.stdout()).toMatch(/--format <format>/);
  });
});

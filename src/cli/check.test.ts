import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from './main.js';
import { memoryIo } from './io.js';
import { check } from '../check.js';
import { DEMO_DIR, DEMO_AS_OF } from './commands/demo.js';
import { Inventory } from '../inventory/schema.js';
import { inventoryJsonSchema } from '../inventory/json-schema.js';
import { PACKS } from '../packs/index.js';
import { displayWidth, overflowingLines } from './render/text.js';

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function tmpInventory(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dc-cli-'));
  const file = join(dir, 'inv.yaml');
  writeFileSync(file, text);
  return file;
}

describe('datacustoms check (CLI)', () => {
  it('JSON output has the documented shape and equals the library result', async () => {
    const r = await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--format', 'json');
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['asOf', 'packs', 'organization', 'flows', 'assets', 'summary']);
    expect(json).toEqual(JSON.parse(JSON.stringify(check({ files: [DEMO_DIR], asOf: DEMO_AS_OF }))));
    for (const f of json.flows) {
      expect(f.decisions).toHaveLength(PACKS.filter((p) => p.decideFlow).length);
      for (const d of f.decisions) {
        expect(Object.keys(d)).toEqual(['regime', 'outcome', 'verdict', 'rules', 'reasons', 'obligations']);
        expect(['blocked', 'conditional', 'permitted', 'not_applicable']).toContain(d.verdict);
        for (const o of d.obligations) expect(o).toHaveProperty('citation');
      }
    }
  });
  it('exits 1 when a verdict is blocked, 0 when nothing blocks', async () => {
    expect((await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF)).code).toBe(1);
    const clean = tmpInventory('organization: { id: a, name: A, organizedIn: US }\n');
    const r = await run('check', clean, '--as-of', '2026-01-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 flow\(s\)/);
  });
  it('text output lists blocked decisions first, with citations, then obligations', async () => {
    const r = await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF);
    const blocked = r.out.indexOf('BLOCKED');
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(r.out.indexOf('PERMITTED'));
    expect(r.out.indexOf('PERMITTED')).toBeLessThan(r.out.indexOf('OBLIGATIONS'));
    expect(r.out).toMatch(/28 CFR 202\.401\(a\)/);
    expect(r.out).not.toMatch(/\u001b\[/); // no colour when not a TTY
  });
  it('text output fits the terminal width on a terminal (150 columns here), not always 80', async () => {
    const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 150, configurable: true, writable: true });
    try {
      const io = { ...memoryIo(), isTTY: true };
      expect(await main(['check', DEMO_DIR, '--as-of', DEMO_AS_OF], io)).toBe(1);
      const out = io.stdout();
      expect(overflowingLines(out, 150)).toEqual([]);
      // a row that wraps or moves columns below at 80 stays on one line at 150
      expect(Math.max(...out.split('\n').map(displayWidth))).toBeGreaterThan(80);
      expect(out).toMatch(/28 CFR 202\.401\(a\)/);
    } finally {
      if (before) Object.defineProperty(process.stdout, 'columns', before);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  it('exits 2 with file:line:column and field for bad input, and writes nothing to stdout', async () => {
    const bad = tmpInventory('organization: { id: a, name: A, organizedIn: US }\nflows:\n  - { id: f, dataset: d, recipient: a, destination: CN, kind: teleport }\n');
    const r = await run('check', bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: flows\\[0\\]\\.kind: expected one of`));
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
  it('exits 2 for bad flags: date, pack, format, missing file', async () => {
    expect((await run('check', DEMO_DIR, '--as-of', '2026-13-01')).err).toMatch(/--as-of: "2026-13-01" is not a date: there is no month 13/);
    // Far enough ahead that a deadline would fall in year 10000 (and sort before the date, "overdue").
    const far = await run('check', DEMO_DIR, '--as-of', '9999-12-31', '--pack', 'us.doj.dsp', '--format', 'json');
    expect(far.code).toBe(2);
    expect(far.err).toMatch(/--as-of: expected a date up to 9899-12-31/);
    const last = JSON.parse((await run('check', DEMO_DIR, '--as-of', '9899-12-31', '--pack', 'us.doj.dsp', '--format', 'json')).out);
    for (const f of last.flows) for (const d of f.decisions) for (const o of d.obligations) if (o.due) expect(o.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await run('check', DEMO_DIR, '--pack', 'nope')).err).toMatch(/unknown pack "nope"/);
    expect((await run('check', DEMO_DIR, '--format', 'xml')).code).toBe(2);
    expect((await run('check', '/nonexistent/inv.yaml')).err).toMatch(/no such file/);
    expect((await run('check')).code).toBe(2);
  });
  it('--pack restricts the regimes', async () => {
    const json = JSON.parse((await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--pack', 'us.doj.dsp', '--format', 'json')).out);
    expect(json.packs.map((p: { id: string }) => p.id)).toEqual(['us.doj.dsp']);
  });
  it('--pack naming a pack twice runs it once: one decision per flow and regime', async () => {
    const json = JSON.parse((await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--pack', 'us.doj.dsp', '--pack', 'us.doj.dsp', '--format', 'json')).out);
    expect(json.packs.map((p: { id: string }) => p.id)).toEqual(['us.doj.dsp']);
    for (const f of json.flows) expect(f.decisions).toHaveLength(1);
    expect(json.summary.decisions).toBe(json.flows.length);
  });
  it('is deterministic: the same input gives byte-identical output', async () => {
    const a = await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--format', 'json');
    const b = await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--format', 'json');
    expect(a.out).toBe(b.out);
  });
});

describe("README's five-minute tour", () => {
  it('step 2: the quoted covered-person reason is what `check examples/demo --as-of 2026-12-01 --explain` prints', async () => {
    const readme = readFileSync(join(DEMO_DIR, '..', '..', 'README.md'), 'utf8');
    const quote = /Lion City Analytics Pte\. Ltd\. \(Singapore\) is a \*covered person\*: "([^"]+)"/.exec(readme)?.[1];
    expect(quote).toBeDefined();
    const r = await run('check', DEMO_DIR, '--as-of', '2026-12-01', '--explain');
    // The quote elides a middle part with "…"; each side must appear as printed.
    const [head, tail] = quote!.replace(/\s+/g, ' ').split(' … ');
    // the reason wraps to 80 columns: compare with its lines joined
    const flat = r.out.replace(/\s+/g, ' ');
    expect(flat).toContain(head);
    expect(flat).toContain(tail);
    expect(r.out).toMatch(/92,000 U\.S\. devices/);
  });
});

describe('datacustoms demo and schema', () => {
  it('the demo runs, explains itself and exits 0', async () => {
    const r = await run('demo');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/datacustoms demo/);
    expect(r.out).toMatch(/BLOCKED/);
    // the not-applicable rows show no reason: their heading says where the reasons are
    expect(r.out).toMatch(/^NOT APPLICABLE \(\d+\) · reasons: --explain$/m);
    expect((await run('demo', '--explain')).out).toMatch(/^NOT APPLICABLE \(\d+\)$/m);
    // its summary names check's exit code, not its own (it read "→ exit 1" and exited 0)
    expect(r.out).not.toMatch(/→ exit 1/);
    expect(r.out.replace(/\s+/g, ' ')).toContain('→ check exits 1 (the demo exits 0)');
    expect(r.out).toMatch(/datacustoms check inventory\/\s+\(your own inventory: docs\/inventory\.md\)/);
  });
  it('the demo shows every us.doj.dsp outcome at least once', () => {
    const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
    const outcomes = new Set(result.flows.flatMap((f) => f.decisions.filter((d) => d.regime === 'us.doj.dsp').map((d) => d.outcome)));
    for (const o of ['prohibited', 'restricted', 'exempt', 'not_covered', 'onward_transfer_clause_required', 'rejected', 'not_applicable']) expect(outcomes).toContain(o);
  });
  it('the demo shows every us.doj.dsp verdict and each Part 202 duty: records, annual report, 14-day reports, certification and audit', () => {
    const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
    const dsp = result.flows.flatMap((f) => f.decisions.filter((d) => d.regime === 'us.doj.dsp'));
    expect(new Set(dsp.map((d) => d.verdict))).toEqual(new Set(['blocked', 'conditional', 'permitted', 'not_applicable']));
    const duties = new Map(dsp.flatMap((d) => d.obligations).map((o) => [o.id, o]));
    expect(duties.get('us.doj.dsp/202.1101')!.what).toMatch(/10 years/);
    expect(duties.get('us.doj.dsp/202.1103')!.due).toBe('2027-03-01');
    expect(duties.get('us.doj.dsp/202.1104')!.due).toBe('2026-12-04'); // offer rejected 2026-11-20, + 14 days
    expect(duties.get('us.doj.dsp/202.302(b)')!.due).toBe('2026-12-08'); // violation known 2026-11-24, + 14 days
    expect(duties.get('us.doj.dsp/202.1001')!.what).toMatch(/certify .* annually/);
    expect(duties.has('us.doj.dsp/202.1002')).toBe(true);
  });
  it('the demo shows each cn.xborder duty: notice, separate consent, PIPIA, contract filing, the 3-year assessment renewal', () => {
    const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
    const ids = new Set(result.flows.flatMap((f) => f.decisions.filter((d) => d.regime === 'cn.xborder').flatMap((d) => d.obligations.map((o) => o.id))));
    for (const id of ['cn.xborder/pipl.39.notice', 'cn.xborder/pipl.39.consent', 'cn.xborder/pipl.55', 'cn.xborder/order13.7', 'cn.xborder/order16.9']) expect(ids).toContain(id);
  });
  it('the demo shows every cn.xborder outcome, the listing review, and assets hitting the lists', () => {
    const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
    const cn = new Set(result.flows.flatMap((f) => f.decisions.filter((d) => d.regime === 'cn.xborder').map((d) => d.outcome)));
    for (const o of ['security_assessment', 'standard_contract_or_certification', 'exempt', 'prohibited_without_approval', 'not_export', 'not_applicable']) expect(cn).toContain(o);
    expect(result.organization.map((d) => d.outcome)).toContain('cybersecurity_review_required');
    const assets = new Map(result.assets.map((a) => [a.asset, a.decisions[0]!.outcome]));
    expect(assets.get('dc-cameras')).toBe('prohibited');
    expect(assets.get('intl-transit-carrier')).toBe('covered_list_equipment');
    expect(assets.get('face-sdk')).toBe('listed_vendor');
    expect(assets.get('apac-cloud')).toBe('listed_vendor');
    const renewal = result.flows.find((f) => f.flow === 'cn-maps-to-pacific')!.decisions.find((d) => d.regime === 'cn.xborder')!;
    expect(renewal.verdict).toBe('permitted');
    expect(renewal.obligations.some((o) => o.status === 'due' && o.citation.includes('Art. 9'))).toBe(true);
  });
  it('schema refuses a --format it does not have (exit 2) rather than printing JSON for text', async () => {
    const r = await run('schema', '--format', 'text');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--format: expected one of json, got "text"/);
  });
  it('schema prints a JSON Schema that accepts the demo and describes every section', async () => {
    const r = await run('schema');
    const schema = JSON.parse(r.out);
    expect(schema.$schema).toMatch(/2020-12/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['organization', 'entities', 'systems', 'datasets', 'flows', 'events']));
    expect(schema).toEqual(inventoryJsonSchema());
    expect(Inventory.safeParse({ organization: { id: 'a', name: 'A', organizedIn: 'US' } }).success).toBe(true);
  });
  it('the schema accepts each file of the demo, which is split across files (only one declares the organization)', async () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse((await run('schema')).out));
    const files = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const ok = validate(parseYaml(readFileSync(join(DEMO_DIR, f), 'utf8')));
      expect({ file: f, errors: ok ? null : validate.errors }).toEqual({ file: f, errors: null });
    }
    expect(validate({ organization: { id: 'a', name: 'A', organizedIn: 'US' }, flows: [{ id: 'f', kind: 'teleport' }] })).toBe(false);
  });
  it('--help teaches: every command is listed with examples', async () => {
    const r = await run('--help');
    expect(r.out).toMatch(/check/);
    expect(r.out).toMatch(/Exit codes/);
    const c = await run('check', '--help');
    expect(c.out).toMatch(/Examples:/);
  });
});

describe('--help of check, schema, demo, rules and sbom', () => {
  it('gives every option that takes a value its default (or says it is required), examples and exit codes', async () => {
    for (const cmd of ['check', 'schema', 'demo', 'rules', 'sbom']) {
      const help = (await run(cmd, '--help')).out;
      const options = help.slice(help.indexOf('Options:'));
      // each option entry: from its flag to the next flag line (descriptions wrap); those taking a <value>
      const entries = options.split(/\n(?= {2}-)/).filter((e) => /^ {2}-/.test(e) && /<[^>]+>/.test(e.split('  ').filter(Boolean)[0] ?? ''));
      expect(entries.length, cmd).toBeGreaterThan(0);
      for (const e of entries) expect(e.replace(/\s+/g, ' '), `${cmd}: ${e}`).toMatch(/default|required/);
      expect(help, cmd).toMatch(/Examples?:/);
      expect(help, cmd).toMatch(/Exit codes?:/);
    }
  });
});

describe('datacustoms rules', () => {
  it('finds a rule from its citation in one search', async () => {
    const r = await run('rules', '202.302', '--format', 'json');
    const rows = JSON.parse(r.out) as { id: string; citation: string }[];
    expect(rows.map((x) => x.id)).toContain('us.doj.dsp/202.302');
    expect(rows.every((x) => `${x.id} ${x.citation}`.includes('202.302'))).toBe(true);
  });
  it('--help names exactly the JSON keys printed (effective.until, not "to") and the no-match line', async () => {
    const help = (await run('rules', '--help')).out;
    const rows = JSON.parse((await run('rules', '--format', 'json')).out) as Record<string, unknown>[];
    const keys = new Set(rows.flatMap((r) => Object.keys(r)));
    const windowKeys = new Set(rows.flatMap((r) => Object.keys(r['effective'] as object)));
    expect(windowKeys).toEqual(new Set(['from', 'until'])); // some rules have ended (CAC Order 11)
    const documented = /JSON: ([^]*)/.exec(help)![1]!; // the rest of the help, over two lines
    expect(new Set([...documented.matchAll(/"(\w+)"/g)].map((m) => m[1]))).toEqual(new Set([...keys, ...windowKeys]));
    const none = await run('rules', 'no-such-citation-anywhere');
    expect(none.code).toBe(0);
    expect(help).toContain(`"${none.out.trim()}"`);
  });
  it('every rule of every pack has an id, a citation and an effective date', () => {
    for (const p of PACKS) for (const rule of p.rules) {
      expect(rule.id.startsWith(`${p.id}/`), rule.id).toBe(true);
      expect(rule.citation.length).toBeGreaterThan(3);
      expect(rule.effective.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('datacustoms check: stages on a terminal', () => {
  async function runTty(stdoutTty: boolean, ...args: string[]) {
    const m = memoryIo();
    const io = { ...m, isTTY: stdoutTty, errIsTTY: true };
    const code = await main(args, io);
    return { code, out: m.stdout(), err: m.stderr() };
  }
  it('names each stage on stderr and clears the line; stdout holds the same JSON as without a terminal', async () => {
    const plain = await run('check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--format', 'json');
    const r = await runTty(false, 'check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--format', 'json');
    expect(r.out).toBe(plain.out);
    expect(plain.err).toBe('');
    expect(r.err).toMatch(/reading .*demo…/);
    expect(r.err).toMatch(/deciding \d+ flow\(s\) under 4 regime\(s\) as of 2026-12-01…/);
    expect(r.err).toMatch(/writing…/);
    expect(r.err.endsWith('\r\u001b[2K')).toBe(true);
  });
  it('clears the line before the report when stdout is the terminal too, and before an input error', async () => {
    const r = await runTty(true, 'check', DEMO_DIR, '--as-of', DEMO_AS_OF);
    expect(r.err).not.toMatch(/writing/);
    expect(r.err.endsWith('\r\u001b[2K')).toBe(true);
    const bad = await runTty(false, 'check', tmpInventory('organization: { id: acme }\n'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/reading [^\n]*…\r\u001b\[2Kdatacustoms: [^\n]*organization/);
  });
});

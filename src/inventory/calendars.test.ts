/**
 * The inventory's `calendars` section: holiday years the user supplies for the CN working-day
 * calendar. Validation (file:line:column, exit 2), the JSON Schema, and what `check` prints with
 * and without a supplied year. The 2027 dates are INVENTED for the tests (not the real notice).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';
import { InputError, type InputProblem } from '../common/errors.js';
import { inventoryJsonSchema } from './json-schema.js';
import { loadInventory, parseInventoryText } from './load.js';

const BASE = `organization: { id: proc, name: Proc Co., organizedIn: CN, cn: { personalInformationProcessor: true } }
entities:
  - { id: partner, name: Partner Inc., kind: company, organizedIn: US }
systems:
  - { id: cn-dc, location: CN, kind: datacenter }
datasets:
  - { id: d, categories: [name, contact], subjects: { CN: 200000 }, system: cn-dc, collectedIn: [CN] }
flows:
  - id: f
    dataset: d
    recipient: partner
    destination: US
    kind: transfer
    safeguards:
      - { type: cac_standard_contract, date: 2027-02-04 }
`;

const FICTIONAL_2027 = `calendars:
  CN:
    - year: 2027
      source: FICTIONAL, invented for tests (not the State Council notice for 2027)
      holidays:
        - 2027-01-01
        - 2027-02-06/2027-02-14
      makeUpWorkingDays: [2027-02-20]
`;

function problems(text: string): InputProblem[] {
  try {
    parseInventoryText(text, 'inv.yaml');
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the inventory to be rejected');
}

function tmp(name: string, text: string, dir = mkdtempSync(join(tmpdir(), 'dc-cal-'))): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('calendars.CN: validation', () => {
  it('accepts dates and ranges, and keeps them as written', () => {
    const inv = parseInventoryText(BASE + FICTIONAL_2027);
    expect(inv.calendars?.CN).toEqual([
      { year: 2027, source: 'FICTIONAL, invented for tests (not the State Council notice for 2027)', holidays: ['2027-01-01', '2027-02-06/2027-02-14'], makeUpWorkingDays: ['2027-02-20'] },
    ]);
    expect(parseInventoryText(BASE).calendars).toBeUndefined();
  });

  it('a date outside its year, a reversed range, a date off twice, a bad date: each at its line and column', () => {
    const p = problems(
      BASE +
        `calendars:
  CN:
    - year: 2027
      source: test
      holidays:
        - 2026-12-31
        - 2027-02-14/2027-02-06
        - 2027-02-06/2027-02-10
        - 2027-02-08
        - 2027-02-30
`,
    );
    expect(p).toEqual([
      { file: 'inv.yaml', line: 21, column: 11, path: 'calendars.CN[0].holidays[0]', message: '"2026-12-31" is not in 2027 (a year lists only its own dates)' },
      { file: 'inv.yaml', line: 22, column: 11, path: 'calendars.CN[0].holidays[1]', message: '"2027-02-14/2027-02-06" ends before it starts' },
      { file: 'inv.yaml', line: 24, column: 11, path: 'calendars.CN[0].holidays[3]', message: '2027-02-08 is already a day off (holidays[2])' },
      { file: 'inv.yaml', line: 25, column: 11, path: 'calendars.CN[0].holidays[4]', message: '"2027-02-30" is not a date: February 2027 has 28 days' },
    ]);
  });

  it('make-up working days: on a weekend, in the year, once, and not also a day off', () => {
    const p = problems(
      BASE +
        `calendars:
  CN:
    - year: 2027
      source: test
      holidays: [2027-02-06/2027-02-14]
      makeUpWorkingDays: [2027-02-17, 2027-02-20, 2027-02-20, 2027-02-13, 2028-01-08]
`,
    );
    expect(p.map((x) => `${x.line}:${x.column} ${x.path}: ${x.message}`)).toEqual([
      '21:27 calendars.CN[0].makeUpWorkingDays[0]: 2027-02-17 is not a Saturday or Sunday: a make-up working day (调休) is a weekend day declared a working day',
      '21:51 calendars.CN[0].makeUpWorkingDays[2]: 2027-02-20 is listed twice (makeUpWorkingDays[1])',
      '21:63 calendars.CN[0].makeUpWorkingDays[3]: 2027-02-13 is also a day off (holidays[0])',
      '21:75 calendars.CN[0].makeUpWorkingDays[4]: 2028-01-08 is not in 2027 (a year lists only its own dates)',
    ]);
  });

  it('a year declared twice (in one file, or in two), a missing source, an unknown calendar', () => {
    const twice = problems(BASE + FICTIONAL_2027 + `    - { year: 2027, source: again }\n`);
    expect(twice).toEqual([{ file: 'inv.yaml', line: 24, column: 15, path: 'calendars.CN[1].year', message: '2027 is declared twice (also CN[0])' }]);

    const dir = mkdtempSync(join(tmpdir(), 'dc-cal-'));
    tmp('a.yaml', BASE + FICTIONAL_2027, dir);
    const b = tmp('b.yaml', `calendars:\n  CN:\n    - { year: 2027, source: other }\n`, dir);
    let err: InputError | undefined;
    try {
      loadInventory([dir]);
    } catch (e) {
      err = e as InputError;
    }
    expect(err?.problems).toEqual([{ file: b, line: 3, column: 15, path: 'calendars.CN[0].year', message: `2027 is declared twice (also in ${join(dir, 'a.yaml')}:18)` }]);

    expect(problems(BASE + `calendars:\n  CN:\n    - { year: 2027 }\n`)).toEqual([{ file: 'inv.yaml', line: 18, column: 7, path: 'calendars.CN[0].source', message: 'required field is missing' }]);
    expect(problems(BASE + `calendars:\n  US-federal: []\n`)).toEqual([{ file: 'inv.yaml', line: 17, column: 3, path: 'calendars.US-federal', message: 'unknown field "US-federal"' }]);
  });

  it('the CLI exits 2 with file:line:column, field and message, and prints nothing on stdout', async () => {
    const bad = tmp('inv.yaml', BASE + `calendars:\n  CN:\n    - { year: 2027, source: test, holidays: [2026-10-01] }\n`);
    const r = await run('check', bad, '--as-of', '2027-02-10');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${bad}:18:46: calendars.CN[0].holidays[0]: "2026-10-01" is not in 2027`);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('`datacustoms schema` describes the section', async () => {
    const schema = JSON.stringify(inventoryJsonSchema());
    expect(schema).toContain('makeUpWorkingDays');
    const r = await run('schema');
    expect(r.code).toBe(0);
    const cn = JSON.parse(r.out).properties.calendars.properties.CN;
    expect(cn.items.required).toEqual(expect.arrayContaining(['year', 'source']));
    expect(cn.description).toMatch(/State Council/);
  });
});

describe('check: the notice for a year the table does not cover, in text and JSON', () => {
  it('without the section the filing deadline is counted Monday–Friday in 2027 and says so; with it, counted on the supplied year, no notice', async () => {
    const plain = tmp('inv.yaml', BASE);
    const json = JSON.parse((await run('check', plain, '--as-of', '2027-02-10', '--pack', 'cn.xborder', '--format', 'json')).out);
    const filing = json.flows[0].decisions[0].obligations.find((o: { id: string }) => o.id === 'cn.xborder/order13.7');
    expect(filing.due).toBe('2027-02-18');
    expect(filing.what).toMatch(/2027 is not in the China holiday table \(time\.cn\.holidays\), which covers 2021–2026 \(built in from memory \[M\]\); Monday to Friday were taken as working days in 2027/);
    expect(Object.keys(filing).sort()).toEqual(['citation', 'due', 'id', 'status', 'to', 'what']); // the documented shape, unchanged
    // text output wraps at the terminal width: read it with line breaks and indents as spaces
    const text = (await run('check', plain, '--as-of', '2027-02-10', '--pack', 'cn.xborder')).out.replace(/\s+/g, ' ');
    expect(text).toMatch(/2027 is not in the China holiday table/);
    expect(text).toMatch(/calendars\.CN/);

    const supplied = tmp('inv.yaml', BASE + FICTIONAL_2027);
    const json2 = JSON.parse((await run('check', supplied, '--as-of', '2027-02-10', '--pack', 'cn.xborder', '--format', 'json')).out);
    const filing2 = json2.flows[0].decisions[0].obligations.find((o: { id: string }) => o.id === 'cn.xborder/order13.7');
    expect(filing2.due).toBe('2027-02-24');
    expect(filing2.what).not.toMatch(/holiday table/);
    expect((await run('check', supplied, '--as-of', '2027-02-10', '--pack', 'cn.xborder')).out.replace(/\s+/g, ' ')).not.toMatch(/holiday table/);
  });
});

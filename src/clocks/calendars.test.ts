/**
 * Clocks on the CN calendar in a year the built-in holiday table (time.cn.holidays, 2021–2026,
 * from memory [M]) does not cover: the rest-day note on a China day count's last day, and any
 * business-day count on the CN calendar, say so, and use the years an inventory supplies under
 * `calendars.CN`. The 2027 holidays are INVENTED for the tests (not the State Council notice).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';
import { Event, type InventoryEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { runCalendars } from '../time/working-days.js';
import { dateIn, parseInstant } from '../time/zoned.js';
import { dueInstant } from './counting.js';
import { countingNotes, evaluateClocks } from './evaluate.js';
import type { ClocksResult, Counting } from './model.js';

const FICTIONAL_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06/2027-02-14'],
  makeUpWorkingDays: ['2027-02-20'],
  source: 'FICTIONAL, invented for tests: not the State Council notice for 2027',
};
const SUPPLIED = { CN: [FICTIONAL_2027] };

const at = (s: string) => parseInstant(s, 'UTC')!.instant;
const org = Organization.parse({ id: 'acme', name: 'Acme Networks', organizedIn: 'CN', timeZone: 'Asia/Shanghai', cn: { networkProductProvider: true } });
// Learned Saturday 2027-02-06 in Beijing: the MIIT "2日内" clock ends Monday 2027-02-08.
const vuln = Event.parse({ id: 'v1', kind: 'vulnerability', learned: '2027-02-06', timeZone: 'Asia/Shanghai', product: { name: 'EdgeGate', version: '4.2.0' } }) as InventoryEvent;
const miit = (r: ClocksResult) => r.obligations.find((o) => o.id === 'cn.miit.vuln/7(2)')!;

describe('clocks: the China rest-day note in a year the table does not cover', () => {
  it('built-in table only: Monday 2027-02-08 is taken as a working day, and a note says 2027 is not covered and how to supply it', () => {
    const o = miit(evaluateClocks(org, [vuln], { asOf: at('2027-02-07') }));
    expect(o.due).toBe('2027-02-08T23:59:59+08:00');
    expect(o.notes.some((n) => /is a rest day or public holiday in China; PRC Civil Code Art\. 203/.test(n))).toBe(false);
    expect(o.notes).toContain(
      'Whether the last day (2027-02-08) is a rest day or public holiday in China: 2027 is not in the China holiday table (time.cn.holidays), which covers 2021–2026 (built in from memory [M]); ' +
        'Monday to Friday were taken as working days in 2027, with no public holidays or make-up working days. ' +
        'Declare that year under `calendars.CN` in the inventory (year, holidays, makeUpWorkingDays, source; see docs/inventory.md) to count the State Council notice for 2027.',
    );
  });

  it('with 2027 supplied: the last day falls in the (invented) Spring Festival break, the Art. 203 note appears and the coverage note goes', () => {
    const o = miit(evaluateClocks(org, [vuln], { asOf: at('2027-02-07'), calendars: runCalendars(SUPPLIED) }));
    expect(o.due).toBe('2027-02-08T23:59:59+08:00');
    expect(o.notes.some((n) => /^The last day \(2027-02-08\) is a rest day or public holiday in China/.test(n))).toBe(true);
    expect(o.notes.some((n) => /holiday table/.test(n))).toBe(false);
    // And again without: nothing of the supplied year stays behind.
    expect(miit(evaluateClocks(org, [vuln], { asOf: at('2027-02-07') })).notes.some((n) => /holiday table/.test(n))).toBe(true);
  });

  it('inside the covered years there is no coverage note', () => {
    const e2026 = Event.parse({ id: 'v2', kind: 'vulnerability', learned: '2026-02-13', timeZone: 'Asia/Shanghai', product: { name: 'EdgeGate', version: '4.2.0' } }) as InventoryEvent;
    const o = miit(evaluateClocks(org, [e2026], { asOf: at('2026-02-14') }));
    expect(o.notes.some((n) => /holiday table/.test(n))).toBe(false);
    expect(o.notes.some((n) => /^The last day \(2026-02-15\) is a rest day/.test(n))).toBe(true);
  });
});

describe('clocks: business days on the CN calendar', () => {
  const tenDays: Counting = { kind: 'business-days', days: 10, calendar: 'CN', cutoff: { hour: 17, minute: 0 } };
  const anchor = at('2027-02-04T10:00+08:00');
  it('are counted on the supplied year, and say when a year is missing', () => {
    const plain = dueInstant(anchor, tenDays, 'Asia/Shanghai')!;
    expect(dateIn(plain, 'Asia/Shanghai')).toBe('2027-02-18');
    expect(countingNotes(tenDays, anchor, plain, 'Asia/Shanghai')).toEqual([
      expect.stringMatching(/^The 10-business-day count from 2027-02-04 to 2027-02-18 \(CN calendar\): 2027 is not in the China holiday table/),
    ]);
    const cals = runCalendars(SUPPLIED);
    const supplied = dueInstant(anchor, tenDays, 'Asia/Shanghai', cals)!;
    expect(dateIn(supplied, 'Asia/Shanghai')).toBe('2027-02-24');
    expect(countingNotes(tenDays, anchor, supplied, 'Asia/Shanghai', cals)).toEqual([]);
    // US-federal holidays are computed by rule: no table, no note.
    const us: Counting = { ...tenDays, calendar: 'US-federal' };
    expect(countingNotes(us, anchor, dueInstant(anchor, us, 'America/New_York')!, 'America/New_York')).toEqual([]);
  });
});

describe('datacustoms clocks: the note in text and JSON, gone once the inventory supplies the year', () => {
  const inv0 = `organization: { id: acme, name: Acme Networks, organizedIn: CN, timeZone: Asia/Shanghai, cn: { networkProductProvider: true } }
events:
  - { id: v1, kind: vulnerability, learned: 2027-02-06, product: { name: EdgeGate, version: 4.2.0 } }
`;
  const cal = `calendars:
  CN:
    - year: 2027
      source: FICTIONAL, invented for tests
      holidays: [2027-01-01, 2027-02-06/2027-02-14]
      makeUpWorkingDays: [2027-02-20]
`;
  const file = (text: string) => {
    const p = join(mkdtempSync(join(tmpdir(), 'dc-clk-')), 'inv.yaml');
    writeFileSync(p, text);
    return p;
  };
  const run = async (...args: string[]) => {
    const io = memoryIo();
    const code = await main(args, io);
    return { code, out: io.stdout(), err: io.stderr() };
  };

  it('the library API runs the same with the inventory\'s calendars (runCalendars)', async () => {
    const lib = await import('../index.js');
    const inv = lib.parseInventoryText(inv0 + cal);
    const r = lib.evaluateClocks(inv.organization, inv.events, { asOf: at('2027-02-07'), calendars: lib.runCalendars(inv.calendars) });
    expect(miit(r).notes.join('\n')).toMatch(/The last day \(2027-02-08\) is a rest day or public holiday in China/);
    expect(miit(r).notes.join('\n')).not.toMatch(/holiday table/);
  });

  it('prints the note without the section and not with it', async () => {
    const plain = file(inv0);
    const json = JSON.parse((await run('clocks', plain, '--as-of', '2027-02-07', '--format', 'json')).out);
    const o = json.obligations.find((x: { id: string }) => x.id === 'cn.miit.vuln/7(2)');
    expect(o.notes.join('\n')).toMatch(/2027 is not in the China holiday table \(time\.cn\.holidays\), which covers 2021–2026/);
    const text = await run('clocks', plain, '--as-of', '2027-02-07');
    expect(text.out).toMatch(/2027 is not in the China holiday table/);

    const supplied = file(inv0 + cal);
    const json2 = JSON.parse((await run('clocks', supplied, '--as-of', '2027-02-07', '--format', 'json')).out);
    const o2 = json2.obligations.find((x: { id: string }) => x.id === 'cn.miit.vuln/7(2)');
    expect(o2.notes.join('\n')).not.toMatch(/holiday table/);
    expect(o2.notes.join('\n')).toMatch(/The last day \(2027-02-08\) is a rest day or public holiday in China/);
    expect((await run('clocks', supplied, '--as-of', '2027-02-07')).out).not.toMatch(/holiday table/);
  });
});

/**
 * What a first inventory's usual mistakes are told: a date that is not a day, a misspelt field
 * at any depth, a word where a data category goes, a plain value holding ": ", and a folder of
 * installed packages beside the inventory.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expandInputs, loadInventory, parseInventoryText } from './load.js';
import { problemsOf } from '../testing/input-error.js';

const ORG = 'organization: { id: acme, name: Acme, organizedIn: US }\n';
const ENTITY = 'entities: [{ id: e, name: E, kind: company }]\n';
const DATASET = 'datasets: [{ id: d, categories: [health] }]\n';
const flow = (extra: string) => `${ORG}${ENTITY}${DATASET}flows:\n  - { id: f, dataset: d, recipient: e, destination: CN, kind: transfer, ${extra} }\n`;
const messages = (text: string) => problemsOf(() => parseInventoryText(text, 'inv.yaml')).map((p) => `${p.line}:${p.column} ${p.path ?? ''}: ${p.message}`);

describe('a date that is not a day of the calendar', () => {
  it('says why, at the field', () => {
    expect(messages(flow('start: 2026-02-30'))).toEqual(['5:80 flows[0].start: "2026-02-30" is not a date: February 2026 has 28 days']);
    expect(messages(flow('end: 2024-02-30'))).toEqual(['5:78 flows[0].end: "2024-02-30" is not a date: February 2024 has 29 days']);
    expect(messages(flow('start: 2026-13-01'))).toEqual(['5:80 flows[0].start: "2026-13-01" is not a date: there is no month 13']);
    expect(messages(flow('safeguards: [{ type: pipia, date: 2026-04-31 }]'))).toEqual(['5:107 flows[0].safeguards[0].date: "2026-04-31" is not a date: April 2026 has 30 days']);
  });
  it('in a holiday range and an event time too', () => {
    const cal = `${ORG}calendars:\n  CN:\n    - { year: 2027, source: x, holidays: [2027-02-06/2027-02-30] }\n`;
    expect(messages(cal)).toEqual(['4:43 calendars.CN[0].holidays[0]: "2027-02-06/2027-02-30" is not a range of days: February 2027 has 28 days']);
    const event = `${ORG}events:\n  - { id: v, kind: vulnerability, learned: 2026-02-29T10:00:00Z, product: { name: x } }\n`;
    expect(messages(event)).toEqual(['3:44 events[0].learned: "2026-02-29T10:00:00Z" is not a date: February 2026 has 28 days']);
  });
  it('a date in another shape keeps saying the shape expected', () => {
    expect(messages(flow('start: 03/01/2026'))).toEqual(['5:80 flows[0].start: a calendar date as YYYY-MM-DD; got "03/01/2026"']);
  });
});

describe('a misspelt field, at any depth', () => {
  it('is named with the field meant', () => {
    expect(messages(`${ORG}datasets:\n  - { id: d, categories: [health], subject: { US: 1 } }\n`)).toEqual(['3:36 datasets[0].subject: unknown field "subject" (did you mean "subjects"?)']);
    expect(messages(flow('startDate: 2026-01-01'))).toEqual(['5:73 flows[0].startDate: unknown field "startDate" (did you mean "start"?)']);
    expect(messages(flow('safeguards: [{ type: pipia, dat: 2026-01-01, expiresOn: 2027-01-01 }]'))).toEqual([
      '5:101 flows[0].safeguards[0].dat: unknown field "dat" (did you mean "date"?)',
      '5:118 flows[0].safeguards[0].expiresOn: unknown field "expiresOn" (did you mean "expires"?)',
    ]);
    expect(messages(`${ORG}entities:\n  - { id: e, name: E, kind: company, organisedIn: SG, owners: [{ entity: acme, precent: 5 }] }\n`)).toEqual([
      '3:38 entities[0].organisedIn: unknown field "organisedIn" (did you mean "organizedIn"?)',
      '3:80 entities[0].owners[0].precent: unknown field "precent" (did you mean "percent"?)',
    ]);
    expect(messages('organization: { id: acme, name: Acme, organizedIn: US, cn: { CIIO: true } }\n')).toEqual(['1:62 organization.cn.CIIO: unknown field "CIIO" (did you mean "ciio"?)']);
  });
  it('in an event, from the fields of its kind', () => {
    expect(messages(`${ORG}events:\n  - { id: v, kind: vulnerability, lerned: 2026-02-01, product: { name: x } }\n`)).toEqual([
      '3:35 events[0].lerned: unknown field "lerned" (did you mean "learned"?)',
      '3:5 events[0].learned: required field is missing',
    ]);
  });
  it('names no field the mapping already has, and none far from the key', () => {
    expect(messages(flow('start: 2026-01-01, startDate: 2026-01-01'))).toEqual(['5:92 flows[0].startDate: unknown field "startDate"']);
    expect(messages(flow('colour: red'))).toEqual(['5:73 flows[0].colour: unknown field "colour"']);
  });
});

describe('a word where a data category goes', () => {
  const category = (word: string) => messages(`${ORG}datasets:\n  - { id: d, categories: [${JSON.stringify(word)}] }\n`);
  it('a common word: the category the docs put it under', () => {
    expect(category('email')).toEqual(['3:27 datasets[0].categories[0]: unknown data category "email": email, phone, postal address → "contact" ("Which category?" in docs/inventory.md)']);
    expect(category('phone_number')[0]).toMatch(/→ "contact"/);
    expect(category('IP address')[0]).toMatch(/: IP address, cookie → "network_id"/);
    expect(category('Credit Reports')[0]).toMatch(/→ "financial" /);
  });
  it('a near spelling: the category', () => {
    expect(category('helth')).toEqual(['3:27 datasets[0].categories[0]: unknown data category "helth" (did you mean "health"?)']);
    expect(category('Government-ID')[0]).toMatch(/\(did you mean "government_id"\?\)$/);
  });
  it('anything else: one short line pointing to the list, not the list', () => {
    const [line] = category('teleportation');
    expect(line).toBe('3:27 datasets[0].categories[0]: unknown data category "teleportation": `datacustoms schema` lists the categories, and "The taxonomy" in docs/inventory.md says which holds what');
    expect(line!.length).toBeLessThan(200);
  });
  it('in a free-trade zone\'s negative list too', () => {
    expect(messages('organization: { id: acme, name: Acme, organizedIn: CN, cn: { freeTradeZone: { zone: z, negativeList: [helth] } } }\n')[0]).toMatch(/negativeList\[0\]: unknown data category "helth" \(did you mean "health"\?\)$/);
  });
});

describe('a plain value holding ": "', () => {
  it('is told to be quoted, at its line', () => {
    expect(messages('organization:\n  id: acme\n  name: Acme: the company\n  organizedIn: US\n')).toEqual([
      '3:9 : syntax error: the value "Acme: the company" holds ": ", which YAML reads as the start of another key: quote the value (name: "Acme: the company")',
    ]);
    expect(messages(`${ORG}entities:\n  - name: Acme: x  # a comment\n    id: a\n`)[0]).toMatch(/^3:11 : syntax error: the value "Acme: x" holds ": ".*\(name: "Acme: x"\)$/);
    expect(messages('organization: { id: acme, name: Acme: x, organizedIn: US }\n')[0]).toMatch(/^1:33 : syntax error: the value "Acme: x" holds ": ".*\(name: "Acme: x"\)$/);
  });
  it('other errors keep the parser\'s words', () => {
    expect(messages('organization: "Acme": x\n')).toEqual(['1:15 : syntax error: Nested mappings are not allowed in compact mappings']);
  });
});

describe('a directory given as the inventory', () => {
  it('is read without its node_modules and dot-folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-skip-'));
    writeFileSync(join(dir, 'inventory.yaml'), ORG);
    for (const sub of ['node_modules/pkg', '.git', 'sub/node_modules', 'sub']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'package.json'), '{"name": "pkg"}\n');
    writeFileSync(join(dir, 'sub', 'node_modules', 'x.json'), '{"name": "x"}\n');
    writeFileSync(join(dir, '.git', 'config.json'), '{}\n');
    writeFileSync(join(dir, 'sub', 'more.yaml'), DATASET);
    expect(expandInputs([dir])).toEqual([join(dir, 'inventory.yaml'), join(dir, 'sub', 'more.yaml')]);
    expect(loadInventory([dir]).datasets.map((d) => d.id)).toEqual(['d']);
    // named on its own, a file there is read
    expect(expandInputs([join(dir, 'node_modules', 'pkg', 'package.json')])).toEqual([join(dir, 'node_modules', 'pkg', 'package.json')]);
  });
});

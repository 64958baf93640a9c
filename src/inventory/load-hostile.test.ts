/**
 * Inventories as a hostile or careless author writes them: YAML and JSON hazards, each
 * reported with file, line:column, field path, what was expected and what was found.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { linkSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadInventory, parseInventoryText } from './load.js';
import { InputError } from '../common/errors.js';
import { problemsOf } from '../testing/input-error.js';

const ORG = 'organization: { id: acme, name: Acme, organizedIn: US }\n';
const ORG_JSON = '"organization": {"id": "acme", "name": "Acme", "organizedIn": "US"}';

const problems = problemsOf;

describe('a key written twice in one mapping', () => {
  it('names the key and the line it was first written on, in YAML and in JSON', () => {
    const [p] = problems(() => parseInventoryText('organization:\n  id: acme\n  name: Acme\n  organizedIn: US\n  name: Other\n', 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 5, column: 3, path: 'organization.name' });
    expect(p!.message).toBe('the key "name" is written twice in this mapping (first on line 3): keep one');
    const [q] = problems(() => parseInventoryText(`{\n  ${ORG_JSON},\n  "entities": [{"id": "e", "name": "E",\n    "kind": "company", "name": "F"}]\n}\n`, 'x.json'));
    expect(q).toMatchObject({ file: 'x.json', line: 4, column: 24, path: 'entities[0].name' });
    expect(q!.message).toBe('the key "name" is written twice in this mapping (first on line 3): keep one');
  });
});

describe('__proto__ and constructor as keys', () => {
  it('a count under __proto__ in subjects is refused, not dropped without a word (YAML and JSON)', () => {
    const yaml = ORG + 'datasets:\n  - id: d\n    categories: [health]\n    subjects:\n      US: 10\n      __proto__: { US: 5000000 }\n';
    const [p] = problems(() => parseInventoryText(yaml, 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 7, column: 7, path: 'datasets[0].subjects.__proto__', message: 'unknown key "__proto__"' });
    const json = `{${ORG_JSON},\n"datasets": [{"id": "d", "categories": ["health"],\n "subjects": {"__proto__": {"US": 5000000}}}]}`;
    const [q] = problems(() => parseInventoryText(json, 'x.json'));
    expect(q).toMatchObject({ file: 'x.json', line: 3, column: 15, path: 'datasets[0].subjects.__proto__', message: 'unknown key "__proto__"' });
    expect(({} as Record<string, unknown>)['US']).toBeUndefined();
  });
  it('a key that is not a country code in subjects says what a key must be and the key given', () => {
    const line = 'datasets: [{ id: d, categories: [health], subjects: { constructor: 3 } }]';
    const [p] = problems(() => parseInventoryText(`${ORG}${line}\n`, 'x.yaml'));
    expect(p).toMatchObject({ line: 2, column: line.indexOf('constructor') + 1, path: 'datasets[0].subjects.constructor' });
    expect(p!.message).toBe('expected a key that is an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE; got "constructor"');
  });
});

describe('country codes are codes in use', () => {
  it('UK is refused with the code to write (GB); an unassigned code as a value or a subjects key is refused, and EU as a country; AQ and XK are taken, and EU as a subjects key', () => {
    const text = 'organization: { id: acme, name: Acme, organizedIn: UK }\nentities:\n  - { id: e1, name: E1, kind: company, organizedIn: XX }\n  - { id: e2, name: E2, kind: company, organizedIn: AQ, location: XK }\n  - { id: e3, name: E3, kind: government, government: EU }\ndatasets: [{ id: d, categories: [health], subjects: { US: 5, EU: 2, ON: 3 } }]\n';
    expect(problems(() => parseInventoryText(text, 'c.yaml')).map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      '1:52 organization.organizedIn: an ISO 3166-1 alpha-2 code in use (UK is an old or informal one: write GB); got "UK"',
      '3:53 entities[0].organizedIn: an ISO 3166-1 alpha-2 code of a country or territory (e.g. US, CN, HK, SG, DE); got "XX"',
      '5:55 entities[2].government: an ISO 3166-1 alpha-2 code of a country or territory (e.g. US, CN, HK, SG, DE); got "EU"',
      '6:69 datasets[0].subjects.ON: expected a key that is an ISO 3166-1 alpha-2 code of a country or territory, or EU (e.g. US, CN, HK, SG, DE); got "ON"',
    ]);
  });
});

describe('every problem says what was found, as written, without dumping a huge value', () => {
  const messages = (text: string, file = 'x.yaml') => problems(() => parseInventoryText(text, file)).map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
  it('a value of the wrong type: a number where an id goes (0123 unquoted), NaN, infinity, a list, a mapping, nothing', () => {
    const text = ORG + 'systems:\n  - { id: 0123, location: US }\n  - { id: s, location: [US] }\n  - { id: t, location: { c: US } }\n  - { id: u, location: }\ndatasets: [{ id: d, categories: [health], subjects: { US: .nan, CN: 1e400, SG: true } }]\n';
    expect(messages(text)).toEqual([
      '3:11 systems[0].id: expected a string, got the number 0123 (quote it: "0123")',
      '4:24 systems[1].location: expected a string, got a list',
      '5:24 systems[2].location: expected a string, got a mapping',
      '6:24 systems[3].location: expected a string, got nothing (an empty value)',
      '7:59 datasets[0].subjects.US: expected a number, got .nan',
      '7:69 datasets[0].subjects.CN: expected a number, got 1e400',
      '7:80 datasets[0].subjects.SG: expected a number, got true',
    ]);
  });
  it('a value of the wrong form: a country code, a date with a time, an id with a space, a kind not in the list', () => {
    const text = ORG + 'entities:\n  - { id: "e 1", name: E, kind: firm, organizedIn: USA }\nflows: [{ id: f, dataset: d, recipient: acme, destination: CN, kind: transfer, start: 2025-04-08T10:00:00Z }]\ndatasets: [{ id: d, categories: [health] }]\n';
    expect(messages(text)).toEqual([
      '3:11 entities[0].id: an id: letters, digits and . _ : - (not starting with punctuation); got "e 1"',
      '3:33 entities[0].kind: expected one of "company", "individual", "government"; got "firm"',
      '3:52 entities[0].organizedIn: an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE; got "USA"',
      '4:87 flows[0].start: a calendar date as YYYY-MM-DD; got "2025-04-08T10:00:00Z"',
    ]);
  });
  it('a value, a key or a path thousands of characters long is shown cut', () => {
    const long = 'k'.repeat(100_000);
    const ps = problems(() => parseInventoryText(`{${ORG_JSON}, "systems": [{"id": "s", "location": "${'U'.repeat(100_000)}"}], "${long}": 1}`, 'x.json'));
    expect(ps.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `${'k'.repeat(59)}…: unknown field "${'k'.repeat(59)}…"`,
      `systems[0].location: an ISO 3166-1 alpha-2 country code in capitals, e.g. US, CN, HK, SG, DE; got "${'U'.repeat(59)}…"`,
    ]);
  });
});

describe('YAML that reads otherwise than it looks', () => {
  const only = (text: string, file = 'x.yaml') => problems(() => parseInventoryText(text, file)).map((p) => `${p.line}:${p.column} ${p.path ?? ''}: ${p.message}`);
  it('a file declaring YAML 1.1 (where NO is false and 0123 is 83) is refused, not read as YAML 1.2 or 1.1 without a word', () => {
    expect(only(`%YAML 1.1\n---\n${ORG}systems: [{ id: s, location: NO }]\n`)).toEqual([
      '1:1 : this file declares YAML 1.1 (%YAML 1.1), which reads NO, yes, on and off as true or false, 0123 as octal and dates as timestamps; an inventory is read as YAML 1.2: remove the %YAML line',
    ]);
    // without the directive, NO is Norway and 0123 is 123
    const inv = parseInventoryText(`${ORG}systems: [{ id: s, location: NO }]\ndatasets: [{ id: d, categories: [name], subjects: { NO: 0123 } }]\n`);
    expect(inv.systems[0]!.location).toBe('NO');
    expect(inv.datasets[0]!.subjects).toEqual({ NO: 123 });
  });
  it('a tag (!custom, !!js/function, !!binary, !!set, !!timestamp) is refused at the tagged value; the core tags are read', () => {
    const text = ORG + 'entities:\n  - { id: a, name: !custom A, kind: company }\n  - { id: b, name: !!js/function "function () {}", kind: company }\n  - { id: c, name: !!binary QQ==, kind: company }\n  - { id: d, name: D, kind: company, citizenships: !!set { US } }\n  - { id: e, name: E, kind: company, note: !!timestamp 2025-04-08 }\n';
    expect(only(text)).toEqual([
      '3:28 entities[0].name: the tag !custom is not read in an inventory (plain YAML only: strings, numbers, true or false, lists and mappings): remove it',
      '4:34 entities[1].name: the tag !!js/function is not read in an inventory (plain YAML only: strings, numbers, true or false, lists and mappings): remove it',
      '5:29 entities[2].name: the tag !!binary is not read in an inventory (plain YAML only: strings, numbers, true or false, lists and mappings): remove it',
      '6:58 entities[3].citizenships: the tag !!set is not read in an inventory (plain YAML only: strings, numbers, true or false, lists and mappings): remove it',
      '7:56 entities[4].note: the tag !!timestamp is not read in an inventory (plain YAML only: strings, numbers, true or false, lists and mappings): remove it',
    ]);
    expect(parseInventoryText(ORG + 'entities: [{ id: !!str 0123, name: !!str N, kind: company, aliases: !!seq [x] }]\n').entities[0]!.id).toBe('0123');
  });
  it('a merge key (<<) is named as such: YAML 1.2 has none', () => {
    const text = ORG + 'entities:\n  - &base { id: e1, name: E1, kind: company, organizedIn: CN }\n  - <<: *base\n    id: e2\n';
    const [p] = problems(() => parseInventoryText(text, 'x.yaml'));
    expect(p).toMatchObject({ line: 4, column: 5, path: 'entities[1].<<' });
    expect(p!.message).toBe('unknown field "<<": a merge key is not read (YAML 1.2 has none): write the fields out');
  });
  it('an empty file, a file of comments, a list and a bare string each say what they are', () => {
    expect(only('')).toEqual(['1:1 : the file is empty: expected a mapping with organization, entities, systems, datasets, flows, assets, events or calendars']);
    expect(only('# organization: to do\n\n# flows: to do\n')).toEqual(['1:1 : the file holds only comments: expected a mapping with organization, entities, systems, datasets, flows, assets, events or calendars']);
    expect(only('[1, 2]', 'x.json')).toEqual(['1:1 : expected a mapping with organization, entities, systems, datasets, flows, assets, events or calendars, got a list']);
    expect(only('"hello"', 'x.json')).toEqual(['1:1 : expected a mapping with organization, entities, systems, datasets, flows, assets, events or calendars, got "hello"']);
  });
  it('an alias bomb (billion laughs) is refused at its first alias, in words', () => {
    const bomb = ORG + 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(only(bomb)).toEqual(['3:8 : cannot read the document: its aliases (*name) repeat values too many times (an alias bomb?): write the values out']);
    // an alias used a few times is read
    expect(parseInventoryText(ORG + 'entities: [{ id: e, name: &n Name, kind: company, aliases: [*n, *n] }]\n').entities[0]!.aliases).toEqual(['Name', 'Name']);
  });
  it('an alias inside the value its anchor names (a value that contains itself) is refused at the alias, at once', () => {
    // a property run drew the first: reading it ran the process out of memory
    expect(only('&a # c\nNO__proto__: *a\n')).toEqual(['2:14 : the alias *a is inside the value its anchor &a names, so that value would contain itself: write the value out']);
    expect(only('organization: &o\n  id: acme\n  name: Acme\n  organizedIn: US\n  self: *o\n')).toEqual([
      '5:9 : the alias *o is inside the value its anchor &o names, so that value would contain itself: write the value out',
    ]);
    expect(only(ORG + 'entities:\n  - &e { id: e, name: E, kind: company, aliases: [x, [y, *e]] }\n')).toEqual([
      '3:58 : the alias *e is inside the value its anchor &e names, so that value would contain itself: write the value out',
    ]);
    // an anchor named again inside: the alias names the nearer one, which does not hold it
    expect(parseInventoryText(ORG + 'entities:\n  - &n { id: e, name: &n E, kind: company, aliases: [*n] }\n').entities[0]!.aliases).toEqual(['E']);
    // an alias after the value it names, outside it, is read
    expect(parseInventoryText(ORG + 'entities:\n  - { id: e, name: &n E, kind: company }\n  - { id: f, name: F, kind: company, aliases: [*n] }\n').entities[1]!.aliases).toEqual(['E']);
  });
});

describe('a .json file with comments', () => {
  it('is refused in JSON terms at the comment, not read as YAML with the comment as a key', () => {
    for (const comment of ['// the organization', '/* the organization */']) {
      const [p] = problems(() => parseInventoryText(`{\n  ${comment}\n  ${ORG_JSON}\n}\n`, 'x.json'));
      expect(p).toMatchObject({ file: 'x.json', line: 2, column: 3 });
      expect(p!.message).toBe('syntax error (JSON): a comment is not JSON: remove it, or write the file as YAML (# comments)');
    }
    // trailing commas read as YAML reads them (the data is what it looks like)
    expect(parseInventoryText(`{${ORG_JSON}, "entities": [],}`, 'x.json').organization.id).toBe('acme');
  });
});

describe('keys and references that are not what they seem', () => {
  const only = (text: string, file = 'x.yaml') => problems(() => parseInventoryText(text, file)).map((p) => `${p.line}:${p.column} ${p.path ?? ''}: ${p.message}`);
  it('an alias with no anchor before it is named, not taken for an alias bomb', () => {
    expect(only(ORG + 'entities: [{ id: e, name: E, kind: company, organizedIn: *nope }]\n')).toEqual(['2:58 : cannot read the document: the alias *nope has no anchor &nope before it']);
  });
  it('a list, a mapping or nothing as a key is refused at the key, without a warning from the runtime', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    expect(only(`${ORG}? [a, b]\n: c\n~: x\n`)).toEqual([
      '2:3 : a key must be a plain word, not a list, a mapping or nothing',
      '4:1 : a key must be a plain word, not a list, a mapping or nothing',
    ]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
  it('a number as a key is located at the key', () => {
    expect(only(`${ORG}1: x\n`)).toEqual(['2:1 1: unknown field "1"']);
  });
  it('a misspelt section is told the section it is near, though no section is required in a file', () => {
    expect(only('organizaton: { id: acme, name: Acme, organizedIn: US }\n')).toEqual(['1:1 organizaton: unknown field "organizaton" (did you mean "organization"?)']);
    expect(only(`${ORG}entites: []\n`)).toEqual(['2:1 entites: unknown field "entites" (did you mean "entities"?)']);
  });
  it('a second JSON value after the first is a JSON syntax error at its place', () => {
    expect(only(`{${ORG_JSON}}\n{"entities": []}\n`, 'x.json')).toEqual(['2:1 : syntax error (JSON): unexpected non-whitespace character after the JSON value (a file holds one)']);
  });
  it('a number past a bound is shown as written, not as the runtime rounded it', () => {
    expect(only(`{${ORG_JSON}, "datasets": [{"id": "d", "categories": ["health"], "subjects": {"US": 9007199254740993}}]}`, 'x.json')).toEqual([
      '1:141 datasets[0].subjects.US: expected a number at most 9007199254740991 (the largest exact whole number), got 9007199254740993',
    ]);
  });
  it('a key written twice on one line gives the column of the first', () => {
    expect(only(`{${ORG_JSON}, "entities": [{"id": "e", "name": "E", "kind": "company", "name": "F"}]}`, 'x.json')).toEqual([
      '1:128 entities[0].name: the key "name" is written twice in this mapping (first at line 1, column 96): keep one',
    ]);
  });
});

describe('several unknown fields in one mapping', () => {
  it('are reported one by one, each at its own key', () => {
    const ps = problems(() => parseInventoryText(`${ORG}events:\n  - id: e1\n    kind: incident\n    learned: 2026-01-01\n    detected: 2026-01-01\n    jurisdictions: [CN]\n`, 'x.yaml'));
    expect(ps.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual(['6:5 events[0].detected: unknown field "detected"', '7:5 events[0].jurisdictions: unknown field "jurisdictions"']);
  });
});

describe('one file under two names', () => {
  it('a hard link to a file named beside it is the same file, read once (it was "organization is declared twice")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-link-'));
    writeFileSync(join(dir, 'a.yaml'), ORG);
    linkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    expect(loadInventory([join(dir, 'a.yaml'), join(dir, 'b.yaml')]).organization.id).toBe('acme');
    expect(loadInventory([dir]).organization.id).toBe('acme');
  });
});

describe('the organization declared in two files', () => {
  it('names both files and both lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-org-'));
    writeFileSync(join(dir, 'a.yaml'), `# ours\n${ORG}`);
    writeFileSync(join(dir, 'b.yaml'), `entities: []\n\n${ORG}`);
    const [p] = problems(() => loadInventory([dir]));
    expect(p).toMatchObject({ file: join(dir, 'b.yaml'), line: 3, column: 1, path: 'organization' });
    expect(p!.message).toBe(`organization is declared twice (also in ${join(dir, 'a.yaml')}:2)`);
  });
});

describe('property: YAML built from hazardous pieces', () => {
  it('parses or raises an InputError whose every problem names the file and line and says something', () => {
    const piece = fc.constantFrom(
      'organization: ', '{ id: acme, name: Acme, organizedIn: US }', 'entities:', '  - ', '{ id: e, name: E, kind: company }', 'subjects: ', '{ US: 1 }',
      '&a ', '*a', '*b', '!!binary ', '!x ', '!!str ', '<<: ', '? ', ': ', '[', ']', '{', '}', ',', '~', 'null', '__proto__: ', 'constructor: ',
      '%YAML 1.1\n---\n', '---\n', '...\n', '# c\n', '\n', '  ', '\t', '"', "'", '0123', '.nan', '1e400', 'NO', '2025-04-08', 'é', '\u202e',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        try {
          parseInventoryText(pieces.join(''), 'p.yaml');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          for (const p of (e as InputError).problems) {
            expect(p.file).toBe('p.yaml');
            expect(p.message.length).toBeGreaterThan(0);
            // every problem is placed, but the one that no file has (the organization)
            if (!p.message.startsWith('no file declares')) expect(p.line, p.message).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('what is named on the command line', () => {
  it('a syntax error in one file does not hide the problems of the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-all-'));
    writeFileSync(join(dir, 'a.yaml'), 'entities: [\n');
    writeFileSync(join(dir, 'b.yaml'), 'flows: {\n');
    writeFileSync(join(dir, 'c.yaml'), ORG);
    expect(problems(() => loadInventory([dir])).map((p) => p.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
  });
  it('an empty path and "-" say what they are', () => {
    expect(problems(() => loadInventory(['']))).toEqual([{ file: '""', message: 'an empty path: name an inventory file or a directory' }]);
    expect(problems(() => loadInventory(['-']))).toEqual([{ file: '-', message: 'no such file (to read an inventory from standard input, name /dev/stdin)' }]);
  });
});

describe('a count written with digit groups', () => {
  it('1_000_000 and 1,000,000 are strings in YAML 1.2: the message says to write the digits alone', () => {
    const ps = problems(() => parseInventoryText(ORG + 'datasets: [{ id: d, categories: [health], subjects: { US: 1_000_000, CN: "1,000" } }]\n', 'x.yaml'));
    expect(ps.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'datasets[0].subjects.US: expected a number, got "1_000_000" (write the digits alone: 1000000)',
      'datasets[0].subjects.CN: expected a number, got "1,000" (write the digits alone: 1000)',
    ]);
  });
});

describe('an event kind thousands of characters long', () => {
  it('is shown cut', () => {
    const [p] = problems(() => parseInventoryText(`${ORG}events: [{ id: e, kind: ${'k'.repeat(100_000)} }]\n`, 'x.yaml'));
    expect(p!.path).toBe('events[0].kind');
    expect(p!.message).toBe(`expected one of "vulnerability", "incident", "personal_data_breach", "government_request", got "${'k'.repeat(59)}…"`);
  });
});

describe('a duplicate id thousands of characters long', () => {
  it('is shown cut', () => {
    const id = 'd'.repeat(100_000);
    const [p] = problems(() => parseInventoryText(`${ORG}datasets:\n  - { id: ${id}, categories: [name] }\n  - { id: ${id}, categories: [name] }\n`, 'x.yaml'));
    expect(p).toMatchObject({ line: 4, path: 'datasets[1].id', message: `duplicate id "${'d'.repeat(59)}…" (first declared in x.yaml:3)` });
  });
});

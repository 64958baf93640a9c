import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expandInputs, loadInventory, parseInventoryText } from './load.js';
import { InputError } from '../common/errors.js';
import { problemsOf } from '../testing/input-error.js';

const ORG = 'organization: { id: acme, name: Acme, organizedIn: US }\n';

// A folder the process may not list (permissions cannot be denied to root, who runs some CI).
vi.mock('node:fs', async (original) => (await import('../testing/unlistable-fs.js')).withUnlistable(await original<typeof import('node:fs')>()));

const problems = problemsOf;

describe('inventory loading', () => {
  it('accepts a minimal inventory and fills defaults', () => {
    const inv = parseInventoryText(ORG);
    expect(inv.flows).toEqual([]);
    expect(inv.organization.cn.ciio).toBe(false);
  });
  it('names file, line, column and field path for a bad value', () => {
    const text = ORG + 'datasets:\n  - id: d\n    categories: [health, teleportation]\n';
    const [p] = problems(() => parseInventoryText(text, 'inv.yaml'));
    expect(p).toMatchObject({ file: 'inv.yaml', line: 4, path: 'datasets[0].categories[1]' });
    expect(p!.message).toMatch(/^unknown data category "teleportation": `datacustoms schema` lists the categories/);
  });
  it('points at an unknown field', () => {
    const [p] = problems(() => parseInventoryText(ORG + 'flows:\n  - id: f\n    datset: d\n', 'x.yaml'));
    expect(p).toMatchObject({ line: 4, column: 5, path: 'flows[0].datset' });
    expect(p!.message).toBe('unknown field "datset" (did you mean "dataset"?)');
  });
  it('reports a missing required field', () => {
    const [p] = problems(() => parseInventoryText('organization: { id: acme, name: Acme }\n', 'x.yaml'));
    expect(p!.path).toBe('organization.organizedIn');
    expect(p!.message).toMatch(/required/);
  });
  it('reports YAML syntax errors with their position', () => {
    const [p] = problems(() => parseInventoryText('organization: {id: a\n  name: [', 'x.yaml'));
    expect(p!.message).toMatch(/syntax error/);
    expect(p!.line).toBeGreaterThan(0);
  });
  it('reports a .json file that is not JSON in JSON terms, at the place JSON.parse stopped', () => {
    const [missingComma] = problems(() => parseInventoryText('{\n "organization": {"id": "a"}\n "flows": []}', 'inv.json'));
    expect(missingComma).toMatchObject({ file: 'inv.json', line: 3, column: 2, message: "syntax error (JSON): expected ',' or '}' after property value" });
    const [cut] = problems(() => parseInventoryText('{"organization": {', 'inv.json'));
    expect(cut).toMatchObject({ line: 1, column: 19, message: "syntax error (JSON): expected property name or '}'" });
    // the same text in a .yaml file keeps the YAML parser's account
    const [yaml] = problems(() => parseInventoryText('{"organization": {', 'inv.yaml'));
    expect(yaml!.message).not.toMatch(/JSON/);
  });
  it('checks references and says what is known', () => {
    const text = ORG + 'datasets: [{ id: d, categories: [health] }]\nflows:\n  - { id: f, dataset: nope, recipient: acme, destination: CN, kind: transfer }\n';
    const [p] = problems(() => parseInventoryText(text, 'x.yaml'));
    expect(p).toMatchObject({ path: 'flows[0].dataset', line: 4 });
    expect(p!.message).toMatch(/unknown dataset "nope" \(known: d\)/);
  });
  it('merges several files and a directory; ids must be unique across them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    writeFileSync(join(dir, 'org.yaml'), ORG);
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts', 'a.json'), JSON.stringify({ datasets: [{ id: 'd', categories: ['health'] }] }));
    writeFileSync(join(dir, 'parts', 'b.yml'), 'flows:\n  - { id: f, dataset: d, recipient: acme, destination: CN, kind: transfer }\n');
    const inv = loadInventory([dir]);
    expect(inv.flows.map((f) => f.id)).toEqual(['f']);
    writeFileSync(join(dir, 'parts', 'c.yaml'), 'datasets:\n  - { id: d, categories: [name] }\n');
    const [p] = problems(() => loadInventory([dir]));
    expect(p!.message).toMatch(/duplicate id "d" \(first declared in .*a\.json/);
    expect(p!.file).toMatch(/c\.yaml$/);
  });
  it('an unknown owner of the organization is located: file, line:column and the edge\'s path', () => {
    const text = 'organization:\n  id: acme\n  name: Acme\n  organizedIn: US\n  owners:\n    - { entity: ghost, percent: 30 }\n';
    const [p] = problems(() => parseInventoryText(text, 'org.yaml'));
    expect(p).toMatchObject({ file: 'org.yaml', line: 6, column: 17, path: 'organization.owners[0].entity' });
    expect(p!.message).toMatch(/unknown owner entity "ghost"/);
  });
  it('the organization\'s owners may not add up to more than 100 %, as an entity\'s may not', () => {
    const text = 'organization:\n  id: acme\n  name: Acme\n  organizedIn: US\n  owners:\n    - { entity: a, percent: 60 }\n    - { entity: b, percent: 50 }\nentities: [{ id: a, name: A, kind: company }, { id: b, name: B, kind: company }]\n';
    const [p] = problems(() => parseInventoryText(text, 'org.yaml'));
    expect(p).toMatchObject({ file: 'org.yaml', line: 6, path: 'organization.owners' });
    expect(p!.message).toMatch(/add up to 110% \(more than 100%\)/);
  });
  it('shares held one after the other do not add up; shares held at the same time do, and the message names the date', () => {
    const ents = 'entities:\n  - { id: a, name: A, kind: company }\n  - { id: b, name: B, kind: company }\n  - id: x\n    name: X\n    kind: company\n    owners:\n';
    // 60 % sold on 2025-12-31, 60 % bought the next day: never more than 60 % at once
    expect(() => parseInventoryText(ORG + ents + '      - { entity: a, percent: 60, until: 2025-12-31 }\n      - { entity: b, percent: 60, from: 2026-01-01 }\n', 'x.yaml')).not.toThrow();
    // one day of overlap (both ends inclusive): 120 % on 2025-12-31
    const [p] = problems(() => parseInventoryText(ORG + ents + '      - { entity: a, percent: 60, until: 2025-12-31 }\n      - { entity: b, percent: 60, from: 2025-12-31 }\n', 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 9, path: 'entities[2].owners' });
    expect(p!.message).toBe('ownership shares held on 2025-12-31 add up to 120% (more than 100%)');
  });
  it('a link held `until` a day before its `from` is refused, for ownership edges and employment alike', () => {
    const own = problems(() => parseInventoryText(ORG + 'entities:\n  - { id: a, name: A, kind: company }\n  - { id: x, name: X, kind: company, owners: [{ entity: a, percent: 10, from: 2026-02-01, until: 2026-01-31 }] }\n', 'x.yaml'));
    expect(own[0]).toMatchObject({ file: 'x.yaml', line: 4, path: 'entities[1].owners[0].until' });
    expect(own[0]!.message).toMatch(/`until` is before `from`/);
    const job = problems(() => parseInventoryText(ORG + 'entities:\n  - { id: a, name: A, kind: company }\n  - { id: p, name: P, kind: individual, employment: [{ entity: a, from: 2026-02-01, until: 2025-01-31 }] }\n', 'x.yaml'));
    expect(job[0]).toMatchObject({ path: 'entities[1].employment[0].until' });
    const org = problems(() => parseInventoryText('organization: { id: acme, name: Acme, organizedIn: US, owners: [{ entity: a, until: 2020-01-01, from: 2021-01-01 }] }\nentities: [{ id: a, name: A, kind: company }]\n', 'o.yaml'));
    expect(org[0]).toMatchObject({ path: 'organization.owners[0].until' });
    // a bad date is named as such
    const bad = problems(() => parseInventoryText(ORG + 'entities:\n  - { id: a, name: A, kind: company }\n  - { id: x, name: X, kind: company, owners: [{ entity: a, from: 2026-02-30 }] }\n', 'x.yaml'));
    expect(bad[0]).toMatchObject({ path: 'entities[1].owners[0].from' });
    expect(bad[0]!.message).toBe('"2026-02-30" is not a date: February 2026 has 28 days');
  });
  it('an entity may not take the organization\'s id, in the same file or another', () => {
    const [p] = problems(() => parseInventoryText(ORG + 'entities:\n  - { id: acme, name: Acme CN, kind: company, organizedIn: CN }\n', 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 3, path: 'entities[0].id' });
    expect(p!.message).toMatch(/duplicate id "acme" \(the organization's id, declared in x\.yaml:1\)/);
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    writeFileSync(join(dir, 'a.yaml'), ORG);
    writeFileSync(join(dir, 'b.yaml'), 'entities:\n  - { id: acme, name: Acme CN, kind: company, organizedIn: CN }\n');
    const [q] = problems(() => loadInventory([dir]));
    expect(q!.file).toMatch(/b\.yaml$/);
    expect(q!.message).toMatch(/duplicate id "acme" \(the organization's id, declared in .*a\.yaml:1\)/);
  });
  it('requires exactly one organization', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    writeFileSync(join(dir, 'a.yaml'), ORG);
    writeFileSync(join(dir, 'b.yaml'), ORG);
    expect(problems(() => loadInventory([dir]))[0]!.message).toMatch(/declared twice/);
    expect(problems(() => loadInventory([join(dir, 'missing.yaml')]))[0]!.message).toMatch(/no such file/);
  });
  it('rejects impossible dates and self-ownership', () => {
    expect(problems(() => parseInventoryText(ORG + 'flows: [{ id: f, dataset: d, recipient: acme, destination: CN, kind: transfer, start: 2025-02-30 }]'))[0]!.path).toBe('flows[0].start');
    expect(problems(() => parseInventoryText(ORG + 'entities: [{ id: e, name: E, kind: company, owners: [{ entity: e, percent: 10 }] }]'))[0]!.message).toMatch(/cannot own itself/);
  });
  it('property: arbitrary text never crashes — it parses or raises an InputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseInventoryText(s);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('adversarial: a deeply nested document and an alias bomb are refused cleanly', () => {
    const deep = ORG + 'x: ' + '['.repeat(5000) + ']'.repeat(5000);
    expect(() => parseInventoryText(deep)).toThrow(InputError);
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n' + ORG;
    expect(() => parseInventoryText(bomb)).toThrow(InputError);
  });
});

describe('problems the YAML parser words in its own terms', () => {
  it('a document nested past the stack says so, not "Maximum call stack size exceeded"', () => {
    for (const text of [ORG + 'x: ' + '['.repeat(5000) + ']'.repeat(5000), `{"organization": {"id": "acme", "name": "Acme", "organizedIn": "US", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`]) {
      const [p] = problems(() => parseInventoryText(text, 'x.yaml'));
      expect(p!.message).toBe('cannot parse: the document is nested too deeply');
      expect(p!.line).toBeGreaterThan(0);
    }
  });
  it('a second document (---) is named as such, without the parser API the YAML library suggests', () => {
    const [p] = problems(() => parseInventoryText(`---\n${ORG}---\nflows: []\n`, 'x.yaml'));
    expect(p).toMatchObject({ file: 'x.yaml', line: 3, column: 1 });
    expect(p!.message).toMatch(/^syntax error: a second YAML document starts here \(after ---\)/);
    expect(p!.message).not.toMatch(/parseAllDocuments/);
  });
  it('a symbolic link loop, and a folder that cannot be listed, are input errors naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    expect(problems(() => loadInventory([join(dir, 'a.yaml')]))).toEqual([{ file: join(dir, 'a.yaml'), message: 'a symbolic link that loops back on itself' }]);
    const top = join(dir, 'top');
    mkdirSync(join(top, 'unlistable'), { recursive: true });
    writeFileSync(join(top, 'org.yaml'), ORG);
    const [p] = problems(() => loadInventory([top]));
    expect(p).toMatchObject({ file: join(top, 'unlistable') });
    expect(p!.message).toMatch(/^cannot read the folder \(EACCES: permission denied/);
  });
});

describe('bounds in words', () => {
  it('an empty name, a percent over 100 or below 0, and a count past exact integers say what was expected and what was given', () => {
    const text = 'organization:\n  id: acme\n  name: ""\n  organizedIn: US\n  owners: [{ entity: e, percent: 150 }, { entity: e, percent: -5 }]\nentities: [{ id: e, name: E, kind: company, organizedIn: CN }]\ndatasets: [{ id: d, categories: [name], subjects: { US: 99999999999999999999 } }]\n';
    const messages = problems(() => parseInventoryText(text, 'x.yaml')).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      'organization.name: must not be empty',
      'organization.owners[0].percent: expected a number at most 100, got 150',
      'organization.owners[1].percent: expected a number at least 0, got -5',
      'datasets[0].subjects.US: expected a number at most 9007199254740991 (the largest exact whole number), got 99999999999999999999',
    ]);
  });
});

describe('tagged unions', () => {
  it('an unknown or missing event kind names the kinds there are, and the one given', () => {
    const text = ORG + 'events:\n  - { id: e1, kind: tornado }\n  - { id: e2 }\n';
    const messages = problems(() => parseInventoryText(text, 'x.yaml')).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      'events[0].kind: expected one of "vulnerability", "incident", "personal_data_breach", "government_request", got "tornado"',
      'events[1].kind: required field is missing: expected one of "vulnerability", "incident", "personal_data_breach", "government_request"',
    ]);
  });
});

describe('unknown references', () => {
  it('cut ids thousands of characters long, the unknown one and the known ones, to keep the message readable', () => {
    const long = 'x'.repeat(10_000);
    const text = ORG + `systems: [{ id: s${long}, name: S, location: US }]\ndatasets: [{ id: d, categories: [name], system: t${long} }]\n`;
    const [p] = problems(() => parseInventoryText(text, 'x.yaml'));
    expect(p!.path).toBe('datasets[0].system');
    expect(p!.message).toBe(`unknown system "t${'x'.repeat(58)}…" (known: s${'x'.repeat(58)}…)`);
  });
});

describe('inventory loading: JSON read on the fast path', () => {
  const json = (x: unknown) => JSON.stringify(x, null, 2);
  const org = { id: 'acme', name: 'Acme', organizedIn: 'US' };
  it('reads strict JSON to the same inventory as the YAML reader', () => {
    const inv = { organization: org, datasets: [{ id: 'd', categories: ['health'], subjects: { US: 5 } }], flows: [{ id: 'f', dataset: 'd', recipient: 'acme', destination: 'CN', kind: 'transfer' }] };
    const viaJson = parseInventoryText(json(inv), 'x.json');
    // A comment makes it YAML only: the YAML reader takes it.
    const viaYaml = parseInventoryText(`# the same\n${json(inv)}`, 'x.json');
    expect(viaJson).toEqual(viaYaml);
  });
  it('still names line, column and path of a bad value (positions parsed on demand)', () => {
    const text = json({ organization: org, datasets: [{ id: 'd', categories: ['health', 'teleportation'] }] });
    const [p] = problems(() => parseInventoryText(text, 'x.json'));
    expect(p).toMatchObject({ file: 'x.json', path: 'datasets[0].categories[1]', line: 12, column: 9 });
  });
  it('still reports a key written twice, with its position', () => {
    const text = '{\n  "organization": {"id": "acme", "name": "Acme", "organizedIn": "US"},\n  "organization": {"id": "b", "name": "B", "organizedIn": "US"}\n}\n';
    const [p] = problems(() => parseInventoryText(text, 'x.json'));
    expect(p!.message).toBe('the key "organization" is written twice in this mapping (first on line 2): keep one');
    expect(p!.line).toBe(3);
  });
  it('locates a duplicate id and an unknown reference in JSON', () => {
    const text = json({ organization: org, datasets: [{ id: 'd', categories: ['health'] }, { id: 'd', categories: ['name'] }] });
    const [p] = problems(() => parseInventoryText(text, 'x.json'));
    expect(p).toMatchObject({ path: 'datasets[1].id', line: 15 });
    expect(p!.message).toMatch(/duplicate id "d" \(first declared in x\.json:9\)/);
    const text2 = json({ organization: org, flows: [{ id: 'f', dataset: 'nope', recipient: 'acme', destination: 'CN', kind: 'transfer' }] });
    expect(problems(() => parseInventoryText(text2, 'x.json'))[0]).toMatchObject({ path: 'flows[0].dataset', line: 10 });
  });
  it('deeply nested JSON is an input error, not a crash', () => {
    const text = `{"organization": {"id": "acme", "name": "Acme", "organizedIn": "US", "note": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expect(problems(() => parseInventoryText(text, 'x.json')).length).toBeGreaterThan(0);
  });
});

describe('inputs named more than once', () => {
  it('reads a file once when it is named twice, or named and inside a named directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    writeFileSync(join(dir, 'a.yaml'), ORG);
    writeFileSync(join(dir, 'b.yaml'), 'entities:\n  - { id: e, name: E, kind: company, organizedIn: CN }\n');
    const once = loadInventory([dir]);
    expect(loadInventory([dir, dir])).toEqual(once);
    expect(loadInventory([join(dir, 'a.yaml'), dir, join(dir, '.', 'b.yaml')])).toEqual(once);
    expect(expandInputs([join(dir, 'b.yaml'), dir])).toEqual([join(dir, 'b.yaml'), join(dir, 'a.yaml')]);
  });
  it('reads a symbolic link to a file inside a named directory (once, with its target if that is read too); a link to a directory is not followed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'inv'));
    writeFileSync(join(dir, 'shared', 'org.yaml'), ORG);
    symlinkSync(join(dir, 'shared', 'org.yaml'), join(dir, 'inv', 'org.yaml'));
    symlinkSync(join(dir, 'inv'), join(dir, 'inv', 'loop'));
    expect(expandInputs([join(dir, 'inv')])).toEqual([join(dir, 'inv', 'org.yaml')]);
    expect(loadInventory([join(dir, 'inv'), join(dir, 'shared')]).organization.id).toBe('acme');
  });
  it.runIf(existsSync('/dev/zero'))('a device named as an inventory (/dev/zero never ends) is an input error, not a hang', () => {
    expect(problems(() => loadInventory(['/dev/zero']))).toEqual([{ file: '/dev/zero', message: 'not a regular file (a device or socket): name a file' }]);
  }, 5000);
  it('a file that is not a mapping is told every section an inventory file may hold', () => {
    const [p] = problems(() => parseInventoryText('- just a list\n', 'x.yaml'));
    expect(p!.message).toBe('expected a mapping with organization, entities, systems, datasets, flows, assets, events or calendars, got a list');
  });
});

describe('the organization\'s time zone', () => {
  it('is an IANA name (Area/Location, or UTC): an abbreviation, a city or an offset is refused at load with file, line:column and field', () => {
    for (const zone of ['CST', 'Beijing', 'UTC+8', 'GMT', 'Mars/Base', '']) {
      const text = ['organization:', '  id: acme', '  name: Acme', '  organizedIn: US', `  timeZone: "${zone}"`, ''].join('\n');
      const [p, ...rest] = problems(() => parseInventoryText(text, 'org.yaml'));
      expect(rest, zone).toEqual([]);
      expect(p, zone).toMatchObject({ file: 'org.yaml', line: 5, column: 13, path: 'organization.timeZone' });
      expect(p!.message, zone).toBe(`an IANA time zone such as Asia/Shanghai, Europe/Berlin or America/New_York; got ${JSON.stringify(zone)}`);
    }
  });
  it('is refused in JSON too (the fast path), and a number is a type error', () => {
    const [p] = problems(() => parseInventoryText('{"organization": {"id": "acme", "name": "Acme", "organizedIn": "US",\n "timeZone": "UTC+8"}}', 'org.json'));
    expect(p).toMatchObject({ file: 'org.json', line: 2, column: 14, path: 'organization.timeZone' });
    const [q] = problems(() => parseInventoryText(ORG.replace('US }', 'US, timeZone: 8 }'), 'org.yaml'));
    expect(q).toMatchObject({ path: 'organization.timeZone', message: 'expected a string, got the number 8 (quote it: "8")' });
  });
  it('defaults to UTC, and takes IANA names', () => {
    expect(parseInventoryText(ORG).organization.timeZone).toBe('UTC');
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/Argentina/Buenos_Aires', 'Etc/GMT-8']) {
      expect(parseInventoryText(ORG.replace('US }', `US, timeZone: ${zone} }`)).organization.timeZone).toBe(zone);
    }
  });
});

describe('fields of another kind of entity', () => {
  it('a company with `government` or `usStatus` is told where they belong instead of having them ignored', () => {
    const text = ORG + 'entities:\n  - { id: soe, name: SOE, kind: company, government: CN }\n  - { id: c, name: C, kind: company, organizedIn: SG, usStatus: citizen }\n  - { id: g, name: G, kind: government, government: CN }\n  - { id: p, name: P, kind: individual, usStatus: citizen }\n';
    const ps = problems(() => parseInventoryText(text, 'inv.yaml'));
    expect(ps.map((p) => [p.line, p.path])).toEqual([
      [3, 'entities[0].government'],
      [4, 'entities[1].usStatus'],
    ]);
    expect(ps[0]!.message).toMatch(/is for entities of kind government.*declare the government as an entity and as its owner/);
    expect(ps[1]!.message).toMatch(/an individual's U\.S\. status \(28 CFR 202\.256\(a\)\)/);
  });
});

describe('remote access from the data\'s own country by people said not to be there', () => {
  const base = ORG + 'systems: [{ id: sh, location: CN }]\ndatasets: [{ id: d, categories: [name], system: sh }]\nentities: [{ id: r, name: R, kind: company, organizedIn: SG }]\n';
  it('is bad input at physicallyInCountry; consistent declarations pass', () => {
    const [p] = problems(() => parseInventoryText(base + 'flows: [{ id: f, dataset: d, recipient: r, destination: CN, kind: remote_access, physicallyInCountry: false }]\n', 'inv.yaml'));
    expect(p).toMatchObject({ file: 'inv.yaml', line: 5, path: 'flows[0].physicallyInCountry' });
    expect(p!.message).toMatch(/not in the data's country \(CN\), but `destination`, where it is accessed from, is CN/);
    expect(parseInventoryText(base + 'flows: [{ id: f, dataset: d, recipient: r, destination: SG, kind: remote_access, physicallyInCountry: false }]\n').flows).toHaveLength(1);
    expect(parseInventoryText(base + 'flows: [{ id: f, dataset: d, recipient: r, destination: CN, kind: remote_access, physicallyInCountry: true }]\n').flows).toHaveLength(1);
    // the data's country from fromCountry when declared
    expect(parseInventoryText(base + 'flows: [{ id: f, dataset: d, recipient: r, destination: CN, fromCountry: US, kind: remote_access, physicallyInCountry: false }]\n').flows).toHaveLength(1);
  });
});

describe('an inventory file that is not text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dc-inv-bin-'));
  const write = (name: string, bytes: Uint8Array): string => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  it('says a file with NUL bytes is not text, naming the file and the line', () => {
    const file = write('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const [p] = problems(() => loadInventory([file]));
    expect(p).toMatchObject({ file, line: 3 }); // the PNG signature holds two line feeds
    expect(p!.message).toMatch(/^not a text file: it holds NUL bytes/);
    expect(p!.message).not.toMatch(/expected a mapping/);
  });
  it('says a file that is not valid UTF-8 is not UTF-8 text, with the line and byte', () => {
    const file = write('latin1.yaml', Buffer.concat([Buffer.from(ORG), Buffer.from('entities:\n  - { id: cafe, name: "Caf'), Buffer.from([0xe9]), Buffer.from('", kind: company }\n')]));
    const [p] = problems(() => loadInventory([file]));
    expect(p).toMatchObject({ file, line: 3 });
    expect(p!.message).toMatch(/^not UTF-8 text: byte 0xE9 \(offset \d+\) is not valid UTF-8/);
  });
  it('says a UTF-16 file is UTF-16', () => {
    const file = write('wide.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ORG, 'utf16le')]));
    expect(problems(() => loadInventory([file]))[0]!.message).toMatch(/UTF-16/);
  });
  it('reads UTF-8 text, a byte order mark and four-byte characters included', () => {
    const file = write('ok.yaml', Buffer.from('\uFEFF' + ORG.replace('Acme', 'Acme 🚀 艾克美')));
    expect(loadInventory([file]).organization.name).toBe('Acme 🚀 艾克美');
  });
  it('rejects overlong, surrogate and truncated sequences', () => {
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8]]) {
      const file = write('bad.yaml', Buffer.concat([Buffer.from(ORG + '# '), Buffer.from(bad)]));
      expect(problems(() => loadInventory([file]))[0]!.message, bad.join(',')).toMatch(/^not UTF-8 text/);
    }
  });
});

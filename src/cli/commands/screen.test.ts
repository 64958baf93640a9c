import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { sharedPath } from '../../testing/shared.js';
import { displayWidth } from '../render/text.js';
import { parseListPaths, isSkipped } from '../../screen/lists/index.js';
import { importParsedLists } from '../../screen/lists/store.js';
import { openStore } from '../../store/store.js';
import type { ParsedList } from '../../screen/lists/types.js';

let dir: string;
let store: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dc-screen-cli-'));
  store = join(dir, 'store.sqlite');
  const s = await openStore(store, { create: true });
  const parsed = parseListPaths([sharedPath('data/lists/dod_1260h'), sharedPath('data/lists/fcc_covered_list'), sharedPath('data/lists/bis_mieu')]).filter(
    (o): o is ParsedList => !isSkipped(o),
  );
  await importParsedLists(s, parsed);
  await s.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(['screen', '--store', store, '--as-of', '2026-08-22', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const INVENTORY = `# our counterparties
organization:
  id: acme
  name: Acme Analytics, Inc.
  organizedIn: US
entities:
  # camera vendor, bought through a distributor
  - id: cam-vendor
    name: Hangzhou Hikvision Digital Technology Company  # as on the invoice
    aliases: [杭州海康威视数字技术股份有限公司]
    kind: company
    organizedIn: CN
    designations:
      - { list: doj.covered_persons, program: declared by legal }
  - id: cafe
    name: Huawei Cafe LLC
    kind: company
    organizedIn: US
`;

describe('datacustoms screen', () => {
  it('screens names: JSON array in input order, exit 1 on a match', async () => {
    const r = await run('Zhejiang Dahua Technology Company Limited', 'Huawei Cafe LLC', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { query: string; matches: { entityId: string; list: string; score: number; explanation: string }[] }[];
    expect(json.map((x) => x.query)).toEqual(['Zhejiang Dahua Technology Company Limited', 'Huawei Cafe LLC']);
    expect(json[0]!.matches[0]).toMatchObject({ list: 'dod.1260h', score: 1 });
    expect(json[1]!.matches).toEqual([]);
  });

  it('exits 0 when nothing matches, and --all shows marked candidates', async () => {
    const r = await run('Huawei Cafe LLC', '--all', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { matches: { belowThreshold?: boolean }[] }[];
    expect(json[0]!.matches.length).toBeGreaterThan(0);
    expect(json[0]!.matches.every((m) => m.belowThreshold)).toBe(true);
  });

  it('prints aligned text with the explanation', async () => {
    const r = await run('Huawie Technologies Co');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Huawei Technologies Co., Ltd.');
    expect(r.out).toMatch(/huawie~huawei \(typo\)/);
  });

  it('text fits 80 columns with every match whole: score, list, name, program, dates, entity id, explanation', async () => {
    const names = ['Huawei Technologies', 'Hangzhou Hikvision Digital Technology', 'China Mobile', '中国电信', 'Zhejiang Dahua Technology'];
    const r = await run(...names);
    const json = JSON.parse((await run(...names, '--format', 'json')).out) as { matches: { score: number; list: string; name: string; program: string; listedFrom?: string; entityId: string; explanation: string }[] }[];
    const matches = json.flatMap((x) => x.matches);
    expect(matches.length).toBeGreaterThan(5);
    expect(r.out.split('\n').filter((l) => displayWidth(l) > 80 && /\S\s+\S/.test(l.trim()))).toEqual([]);
    const flat = r.out.replace(/\s+/g, ' ');
    for (const m of matches) {
      expect(flat).toContain(m.score.toFixed(3));
      expect(flat).toContain(m.list);
      for (const x of [m.name, m.program, m.listedFrom ?? '?', m.entityId, m.explanation]) expect(flat).toContain(x.replace(/\s+/g, ' '));
    }
  });

  it('a long name keeps "no match" whole at the end of its line (it broke between "no" and "match")', async () => {
    const name = 'Quietwater Harbour Logistics and Freight Forwarding Services Company Ltd';
    const r = await run(name);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([name, '  no match']);
  });

  it('warns on stderr when a list is older than the age `lists` warns about (screening said "no match" against a five-year-old list without a word)', async () => {
    const fresh = await run('Huawei Cafe LLC');
    expect(fresh.code).toBe(0);
    expect(fresh.err).toBe('');
    const late = await run('Huawei Cafe LLC', '--as-of', '2026-12-01', '--format', 'json');
    expect(late.code).toBe(0);
    expect(JSON.parse(late.out)).toHaveLength(1);
    expect(late.err.replace(/\s+/g, ' ').trim()).toBe(
      'warning: 3 lists are more than 90 days old on 2026-12-01 (dod.1260h 176 d, bis.mieu 127 d, fcc.covered 103 d): a designation made since is not matched; import current copies (`datacustoms lists` shows each list\'s date)',
    );
    const saved = process.env['DATACUSTOMS_LISTS_MAX_AGE'];
    process.env['DATACUSTOMS_LISTS_MAX_AGE'] = '150';
    try {
      expect((await run('Huawei Cafe LLC', '--as-of', '2026-12-01')).err).toMatch(/^warning: a list is more than 150 days old on 2026-12-01 \(dod\.1260h 176 d\)/);
    } finally {
      if (saved === undefined) delete process.env['DATACUSTOMS_LISTS_MAX_AGE'];
      else process.env['DATACUSTOMS_LISTS_MAX_AGE'] = saved;
    }
  });

  it('says how to load lists when the store is missing (exit 2)', async () => {
    const io = memoryIo();
    const code = await main(['screen', '--store', join(dir, 'nothing.sqlite'), 'Huawei'], io);
    expect(code).toBe(2);
    expect(io.stderr()).toContain('datacustoms lists import');
  });

  it('rejects bad flags with exit 2', async () => {
    expect((await run('x', '--country', 'China')).code).toBe(2);
    expect((await run('x', '--threshold', '2')).code).toBe(2);
    expect((await run('x', '--type', 'vessel')).code).toBe(2);
    expect((await run('x', '--as-of', '2026-13-01')).code).toBe(2);
  });

  it('a name with no letter or digit (empty, blanks, punctuation, emoji) is bad input naming it, not "no match" (exit 2)', async () => {
    for (const [args, n] of [[[''], 1], [['   '], 1], [['Huawei', '...'], 2], [['🙂'], 1]] as const) {
      const r = await run('--names', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`datacustoms: <argv>: name ${n}: ${JSON.stringify(args[n - 1])} has no letter or digit to screen: expected a party's name\n`);
      expect(r.out).toBe('');
    }
  });

  it('writes designations back into an inventory, keeping comments; --dry-run writes nothing; reruns are stable', async () => {
    const file = join(dir, 'inventory.yaml');
    writeFileSync(file, INVENTORY);
    const dry = await run(file, '--dry-run', '--format', 'json');
    expect(dry.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(INVENTORY);
    const rows = JSON.parse(dry.out) as { entity: string; file: string; query: string }[];
    expect(rows.map((r) => [r.entity, r.query])).toEqual([
      ['cam-vendor', 'Hangzhou Hikvision Digital Technology Company'],
      ['cam-vendor', '杭州海康威视数字技术股份有限公司'],
      ['cafe', 'Huawei Cafe LLC'],
    ]);

    const first = await run(file);
    expect(first.code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# our counterparties');
    expect(text).toContain('# as on the invoice');
    expect(text).toContain('list: doj.covered_persons');
    expect(text).toMatch(/source: dod\.1260h:/);
    expect(text).toMatch(/source: fcc\.covered:/);
    expect(text).toContain('matchedName:');
    expect(first.err).toContain('updated designations');

    const second = await run(file);
    expect(second.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(second.err).toContain('designations unchanged');
  });

  it('reports the parent chain and writes designations inherited from listed parents, with the path; reruns change nothing', async () => {
    const file = join(dir, 'parents.yaml');
    const inventory = `organization:
  id: acme
  name: Acme Analytics, Inc.
  organizedIn: US
entities:
  - id: carrier
    name: ComNet (USA) LLC
    kind: company
    organizedIn: US
    designations:
      - list: fcc.covered
        via: subsidiary of Pacific Networks Corp per our 2024 due diligence
      - { list: fcc.covered, source: fcc.covered:stale, matchedName: ComNet, score: 0.9, via: "subsidiary of Stale Parent per fcc.covered (subsidiary-of; x); y" }
`;
    writeFileSync(file, inventory);
    const json = await run(file, '--format', 'json', '--dry-run');
    const rows = JSON.parse(json.out) as { matches: { entityId: string; parents?: { name: string; list: string; kind: string }[]; inherited?: { source: string; via: string }[] }[] }[];
    const m = rows[0]!.matches.find((x) => x.entityId === 'fcc.covered:comnet-usa-llc')!;
    expect(m.parents).toEqual([{ name: 'Pacific Networks Corp', list: 'fcc.covered', kind: 'subsidiary-of', of: 'ComNet (USA) LLC', depth: 1, entityIds: ['fcc.covered:pacific-networks-corp'] }]);
    expect(m.inherited?.map((h) => h.source)).toEqual(['fcc.covered:pacific-networks-corp']);

    const text = await run(file, '--dry-run');
    // lines wrap at 80 columns: compare with whitespace collapsed
    const textFlat = text.out.replace(/\s+/g, ' ');
    expect(textFlat).toContain('↑ subsidiary-of per fcc.covered: Pacific Networks Corp (fcc.covered:pacific-networks-corp)');
    expect(textFlat).toMatch(/inherits fcc\.covered from fcc\.covered:pacific-networks-corp: subsidiary of Pacific Networks Corp per fcc\.covered \(subsidiary-of; wholly-owned: 100 % ≥ 50 %\)/);

    const first = await run(file);
    expect(first.code).toBe(1);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('via: subsidiary of Pacific Networks Corp per our 2024 due diligence'); // declared: kept
    expect(written).not.toContain('fcc.covered:stale'); // written by an earlier screen: replaced
    expect(written).toContain('source: fcc.covered:comnet-usa-llc');
    expect(written).toMatch(/source: fcc\.covered:pacific-networks-corp\n\s+matchedName: ComNet \(USA\) LLC\n\s+score: 1\n\s+via: 'subsidiary of Pacific Networks Corp per fcc\.covered \(subsidiary-of; wholly-owned: 100 % ≥ 50 %\); 47 CFR 1\.50002/);

    const second = await run(file);
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(second.err).toContain('designations unchanged');
  });

  it('reports a bad inventory with its location and writes nothing (exit 2)', async () => {
    const file = join(dir, 'bad.yaml');
    const bad = 'organization:\n  id: acme\n  name: Acme\n  organizedIn: USA\nentities: []\n';
    writeFileSync(file, bad);
    const r = await run(file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.yaml:4');
    expect(readFileSync(file, 'utf8')).toBe(bad);
  });
});

/** The text without its `designations:` blocks (the key line and every line indented under it). */
function withoutDesignations(text: string): string {
  const out: string[] = [];
  let inside: number | undefined;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (inside !== undefined && (line.trim() === '' ? false : indent > inside || line.trimStart().startsWith('- ') && indent === inside)) continue;
    inside = undefined;
    const key = /^( *)(- )?designations:/.exec(line);
    if (key) {
      inside = key[1]!.length + (key[2] ? 2 : 0);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

describe('datacustoms screen: writing designations back', () => {
  it('leaves every line of examples/demo/ outside the designations it writes byte-identical', async () => {
    const demo = join(dir, 'demo');
    cpSync(fileURLToPath(new URL('../../../examples/demo/', import.meta.url)), demo, { recursive: true });
    const before = new Map(readdirSync(demo).map((f) => [f, readFileSync(join(demo, f), 'utf8')]));
    const r = await run(demo);
    expect(r.code).toBe(1);
    const entities = readFileSync(join(demo, 'entities.yaml'), 'utf8');
    expect(entities).not.toBe(before.get('entities.yaml'));
    expect(entities).toMatch(/source: dod\.1260h:/);
    for (const [f, text] of before) {
      const after = readFileSync(join(demo, f), 'utf8');
      expect(withoutDesignations(after), f).toBe(withoutDesignations(text));
    }
    // Here the screen only adds designations: every line before is still there, in order.
    const added = entities.split('\n');
    let at = 0;
    for (const line of before.get('entities.yaml')!.split('\n')) {
      while (at < added.length && added[at] !== line) at++;
      expect(at, line).toBeLessThan(added.length);
      at++;
    }
    // The lines the old writer reformatted stay as written.
    expect(entities).toContain('    aliases: [艾克美（上海）数据科技有限公司]\n');
    expect(entities).toContain('    primaryResidence: CN           # → a covered person under 202.211(a)(4)\n');
    expect(entities).toContain('      - { entity: huaxin-group, percent: 60 }   # → a covered person under 202.211(a)(1)-(2)\n');
    // Inline designations keep their inline style.
    expect(entities).toMatch(/\n {6}- \{ list: dod\.1260h, [^\n]*source: dod\.1260h:tencent[^\n]* \}\n/);
    expect(readdirSync(demo).sort()).toEqual([...before.keys()].sort()); // no temporary file left
    const again = await run(demo);
    expect(again.err).toContain('designations unchanged');
    expect(readFileSync(join(demo, 'entities.yaml'), 'utf8')).toBe(entities);
  });

  it('keeps flow lists, comment spacing and an inline designation list as written', async () => {
    const file = join(dir, 'styles.yaml');
    const inventory = [
      '#no space after the hash',
      'organization: {id: acme,   name: "Acme Analytics, Inc.", organizedIn: US}   #  two spaces',
      'entities:',
      '- id: cam-vendor',
      '  name: Hangzhou Hikvision Digital Technology Company     #   padded comment',
      '  aliases: [杭州海康威视数字技术股份有限公司]',
      "  kind: 'company'",
      '  organizedIn: CN',
      '  designations: [{list: doj.covered_persons, program: declared by legal}]    # inline',
      '  roles: [vendor,video_surveillance_vendor]',
      '- {id: tencent, name: Tencent Holdings Limited, kind: company, organizedIn: KY}',
      '- id: cafe',
      '  name: Huawei Cafe LLC',
      '  kind: company',
      '  organizedIn: US',
      '  designations:',
      '  - list: dod.1260h',
      '    source: dod.1260h:stale',
      '    score: 0.9',
      '- id: plain',
      '  name: Plain Old Shop',
      '  kind: company',
      '  organizedIn: US        #trailing',
      '',
    ].join('\n');
    writeFileSync(file, inventory);
    const r = await run(file);
    expect(r.code).toBe(1);
    const after = readFileSync(file, 'utf8');
    const lines = after.split('\n');
    const inline = lines.find((l) => l.startsWith('  designations: ['))!;
    expect(inline).toMatch(/^ {2}designations: \[\{list: doj\.covered_persons, program: declared by legal\}, \{list: dod\.1260h, [^\n]*\}\] {4}# inline$/);
    const flowEntity = lines.find((l) => l.startsWith('- {id: tencent'))!;
    expect(flowEntity).toMatch(/^- \{id: tencent, name: Tencent Holdings Limited, kind: company, organizedIn: KY, designations: \[\{list: dod\.1260h, [^\n]*\}\]\}$/);
    expect(after).not.toContain('dod.1260h:stale');
    expect(after).toContain('  organizedIn: US\n- id: plain\n'); // cafe: what an earlier screen wrote is gone, lines and all
    const expected = inventory
      .split('\n')
      .filter((l) => !/^ {2}designations:|^ {2}- list: dod\.1260h$|^ {4}(source|score)/.test(l) && !l.startsWith('- {id: tencent'))
      .join('\n');
    expect(after.split('\n').filter((l) => !l.startsWith('  designations:') && !l.startsWith('- {id: tencent')).join('\n')).toBe(expected);
  });

  it('writes through an inventory file that is a symbolic link: the target gets the designations, the link stays', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-screen-link-'));
    const target = join(d, 'shared-entities.yaml');
    const link = join(d, 'entities.yaml');
    writeFileSync(target, 'organization: { id: acme, name: Acme, organizedIn: US }\nentities:\n  - id: dahua\n    name: Zhejiang Dahua Technology Company Limited\n    kind: company\n    organizedIn: CN\n');
    symlinkSync(target, link);
    const r = await run(link);
    expect(r.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/designations:\n {6}- list: /);
    expect(readdirSync(d).sort()).toEqual(['entities.yaml', 'shared-entities.yaml']);
  });

  it('writes nothing when one of the files cannot be written', async () => {
    const a = join(dir, 'atomic-a.yaml');
    const b = join(dir, 'atomic-b.yaml');
    const org = 'organization: { id: acme, name: Acme, organizedIn: US }\n';
    const inv = (id: string) => `entities:\n  - id: ${id}\n    name: Zhejiang Dahua Technology Company Limited\n    kind: company\n    organizedIn: CN\n`;
    writeFileSync(a, org + inv('dahua-a'));
    writeFileSync(b, inv('dahua-b'));
    mkdirSync(`${b}.tmp-${process.pid}`); // the temporary file for b cannot be created
    try {
      const r = await run(a, b);
      expect(r.code).toBe(2);
      expect(r.err).toContain('atomic-b.yaml');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(readFileSync(a, 'utf8')).toBe(org + inv('dahua-a'));
      expect(readFileSync(b, 'utf8')).toBe(inv('dahua-b'));
      expect(readdirSync(dir).filter((f) => f.startsWith('atomic-a.yaml.'))).toEqual([]);
    } finally {
      rmSync(`${b}.tmp-${process.pid}`, { recursive: true, force: true });
    }
  });
});

describe('datacustoms screen --help', () => {
  it('names every field a screen writes into designations, within 80 columns', async () => {
    const file = join(dir, 'help-fields.yaml');
    writeFileSync(file, INVENTORY);
    expect((await run(file)).code).toBe(1);
    const written = (parseYaml(readFileSync(file, 'utf8')) as { entities: { designations?: Record<string, unknown>[] }[] }).entities.flatMap((e) => e.designations ?? []);
    const fields = new Set(written.filter((d) => d['score'] !== undefined).flatMap((d) => Object.keys(d)));
    expect(fields).toContain('scope'); // an FCC hit
    const io = memoryIo();
    await main(['screen', '--help'], io);
    const help = io.stdout();
    const listed = /as designations \(([^)]*)\)/.exec(help.replace(/\s+/g, ' '))![1]!;
    for (const f of fields) expect(listed, f).toMatch(new RegExp(`\\b${f}\\b`));
    expect(help.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it('its inventory example runs as typed on the shipped example: a screen, not an inventory error', async () => {
    const io = memoryIo();
    await main(['screen', '--help'], io);
    const example = /^ {2}\$ datacustoms screen (examples\/\S+) --dry-run/m.exec(io.stdout());
    expect(example).not.toBeNull();
    const r = await run(example![1]!, '--dry-run', '--format', 'json');
    expect(r.err).not.toMatch(/^datacustoms: /m);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.out).length).toBeGreaterThan(0);
  });
});

describe('datacustoms screen: files written on Windows', () => {
  it('keeps the byte order mark and CRLF line ends, new lines included', async () => {
    const file = join(dir, 'crlf.yaml');
    const inventory = '\uFEFF' + INVENTORY.replace(/\n/g, '\r\n');
    writeFileSync(file, inventory);
    expect((await run(file)).code).toBe(1);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFForganization:') || after.startsWith('\uFEFF# our counterparties\r\n')).toBe(true);
    expect(after).toMatch(/source: fcc\.covered:/);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n'); // every line break is still CRLF
    expect(withoutDesignations(after.replace(/\r\n/g, '\n'))).toBe(withoutDesignations(inventory.replace(/\r\n/g, '\n')));
  });
});

/**
 * JSON text without its `"designations": [ … ]` pairs (with the comma that joins each to the
 * entity), so the rest of a file can be compared byte for byte.
 */
function withoutJsonDesignations(text: string): string {
  let out = text;
  for (let at = out.indexOf('"designations"'); at >= 0; at = out.indexOf('"designations"')) {
    let depth = 0;
    let end = out.indexOf('[', at);
    for (; end < out.length; end++) {
      if (out[end] === '"') end = out.indexOf('"', end + 1);
      else if (out[end] === '[') depth++;
      else if (out[end] === ']' && --depth === 0) break;
    }
    const before = /,\s*$/.exec(out.slice(0, at));
    out = before ? out.slice(0, before.index) + out.slice(end + 1) : out.slice(0, at) + out.slice(end + 1).replace(/^,\s*/, '');
  }
  return out;
}

describe('datacustoms screen: writing designations back into JSON', () => {
  const entities = [
    { id: 'cam-vendor', name: 'Hangzhou Hikvision Digital Technology Company', aliases: ['杭州海康威视数字技术股份有限公司'], kind: 'company', organizedIn: 'CN', designations: [{ list: 'doj.covered_persons', program: 'declared by legal' }] },
    { id: 'cafe', name: 'Huawei Cafe LLC', designations: [{ list: 'dod.1260h', source: 'dod.1260h:stale', score: 0.9 }], kind: 'company', organizedIn: 'US' },
    { id: 'plain', name: 'Plain Old Shop', kind: 'company', organizedIn: 'US' },
  ];
  const TENCENT = '{ "id": "tencent", "name": "Tencent Holdings Limited", "kind": "company", "organizedIn": "KY" }';
  /** A JSON inventory indented with `indent`, with a compact one-line entity after the others. */
  const inventory = (indent: string): string => {
    const text = JSON.stringify({ organization: { id: 'acme', name: 'Acme Analytics, Inc.', organizedIn: 'US' }, entities }, null, indent);
    return text.replace(`\n${indent}]\n}`, `,\n${indent}${indent}${TENCENT}\n${indent}]\n}`) + '\n';
  };

  it('keeps a 4-space indent, key order and a one-line entity; edits only the designations that changed', async () => {
    const file = join(dir, 'four.json');
    const before = inventory('    ');
    writeFileSync(file, before);
    expect((await run(file)).code).toBe(1);
    const after = readFileSync(file, 'utf8');
    expect(withoutJsonDesignations(after)).toBe(withoutJsonDesignations(before));
    const data = JSON.parse(after) as { entities: { id: string; designations?: { list: string; source?: string; program?: string }[] }[] };
    const [cam, cafe, plain, tencent] = data.entities;
    // declared item kept as written, first; the screen's hits after it, in the entity's 4-space layout
    expect(cam!.designations![0]).toEqual({ list: 'doj.covered_persons', program: 'declared by legal' });
    expect(cam!.designations!.some((x) => x.source?.startsWith('fcc.covered:'))).toBe(true);
    expect(after).toContain('"organizedIn": "CN",\n            "designations": [\n                {\n                    "list": "doj.covered_persons",\n                    "program": "declared by legal"\n                },\n                {\n                    "list": ');
    // what an earlier screen wrote and no longer holds is gone, with its comma
    expect(cafe).not.toHaveProperty('designations');
    expect(after).toContain('"name": "Huawei Cafe LLC",\n            "kind": "company",');
    expect(plain).not.toHaveProperty('designations');
    // the one-line entity stays on one line, in its own spacing
    expect(tencent!.designations!.some((x) => x.source?.startsWith('dod.1260h:'))).toBe(true);
    const line = after.split('\n').find((l) => l.includes('"id": "tencent"'))!;
    expect(line).toMatch(/^ {8}\{ "id": "tencent", "name": "Tencent Holdings Limited", "kind": "company", "organizedIn": "KY", "designations": \[\{ "list": "dod\.1260h", [^\n]*\}\] \}$/);
    const again = await run(file);
    expect(again.err).toContain('designations unchanged');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('keeps tabs, CRLF line ends and the byte order mark, new lines included', async () => {
    const file = join(dir, 'tabs.json');
    const before = '\uFEFF' + inventory('\t').replace(/\n/g, '\r\n');
    writeFileSync(file, before);
    expect((await run(file)).code).toBe(1);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF{\r\n\t"organization": {')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n'); // every line break is still CRLF
    expect(withoutJsonDesignations(after)).toBe(withoutJsonDesignations(before));
    expect(after).toContain('"organizedIn": "CN",\r\n\t\t\t"designations": [\r\n\t\t\t\t{\r\n\t\t\t\t\t"list": "doj.covered_persons",');
    expect(after).not.toMatch(/^ +\S/m);
  });

  it('writes nothing when the inventory is bad or another file cannot be written (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    const badText = inventory('    ').replace('"kind": "company"', '"kind": "firm"');
    writeFileSync(bad, badText);
    const r = await run(bad);
    expect(r.code).toBe(2);
    expect(readFileSync(bad, 'utf8')).toBe(badText);

    const a = join(dir, 'atomic.json');
    const b = join(dir, 'atomic-other.json');
    const good = inventory('    ');
    writeFileSync(a, good);
    const other = JSON.stringify({ entities: [{ id: 'dahua', name: 'Zhejiang Dahua Technology Company Limited', kind: 'company', organizedIn: 'CN' }] }, null, 4) + '\n';
    writeFileSync(b, other);
    mkdirSync(`${b}.tmp-${process.pid}`); // the temporary file for b cannot be created
    try {
      const w = await run(a, b);
      expect(w.code).toBe(2);
      expect(w.err).toContain('atomic-other.json');
      expect(readFileSync(a, 'utf8')).toBe(good);
      expect(readFileSync(b, 'utf8')).toBe(other);
    } finally {
      rmSync(`${b}.tmp-${process.pid}`, { recursive: true, force: true });
    }
  });
});

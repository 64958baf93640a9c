/**
 * Hostile and damaged list files: every one either parses or fails with an InputError that
 * names the file and a line (and the field when a field is wrong) — never a crash, never a hang.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { sharedPath } from '../../testing/shared.js';
import { formatCsvRecord, parseCsv } from './csv.js';
import { parseListDir, parseListFile } from './parse.js';
import { isSkipped, type ParseOutcome } from './types.js';

const root = mkdtempSync(join(tmpdir(), 'dc-adv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function file(name: string, content: string | Uint8Array): string {
  const d = join(root, String(n++));
  mkdirSync(d);
  const p = join(d, name);
  writeFileSync(p, content);
  return p;
}

function outcome(path: string, opts: Parameters<typeof parseListFile>[1] = {}): ParseOutcome | InputError {
  try {
    return parseListFile(path, { sourcesMd: false, ...opts });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

function inputError(path: string, opts: Parameters<typeof parseListFile>[1] = {}): InputError {
  const o = outcome(path, opts);
  if (!(o instanceof InputError)) throw new Error(`expected an InputError for ${path}, got ${JSON.stringify(o).slice(0, 200)}`);
  return o;
}

const real = (...p: string[]) => readFileSync(sharedPath('data', 'lists', ...p));

/** The real single-file lists, one per CSV layout and the FtM lines. */
const SAMPLES: readonly (readonly [string, string[]])[] = [
  ['dod.csv', ['dod_1260h', 'sanctions.csv']],
  ['cn.csv', ['cn_countersanctions', 'sanctions.csv']],
  ['mieu.csv', ['bis_mieu', 'mieu.csv']],
  ['fcc.csv', ['fcc_covered_list', 'table.csv']],
  ['fcc2.csv', ['fcc_covered_list', 'data_entities_2022.csv']],
  ['csl.csv', ['trade_csl_samples', 'csl_2019_sample.csv']],
  ['entities.ftm.json', ['opensanctions_ftm_sample', 'entities.ftm.json']],
];

describe('truncated files', () => {
  it('a list cut at any byte parses or fails with file:line — never anything else (property)', () => {
    for (const [name, p] of SAMPLES) {
      const bytes = real(...p);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: bytes.length - 1 }), (cut) => {
          const path = file(name, bytes.subarray(0, cut));
          const o = outcome(path);
          if (o instanceof InputError) {
            expect(o.problems[0]?.file).toBe(path);
            expect(o.problems[0]?.line).toBeGreaterThanOrEqual(1);
          }
        }),
        { numRuns: 25 },
      );
    }
  });

  it('names the line of a row cut short', () => {
    const text = real('dod_1260h', 'sanctions.csv').toString('utf8');
    const lines = text.split('\n');
    const cut = lines.slice(0, 11).join('\n') + '\n' + lines[11]!.split(',').slice(0, 3).join(',') + '\n';
    const e = inputError(file('dod.csv', cut));
    expect(e.message).toMatch(/dod\.csv:12:1: row has 3 fields where the header has 9/);
  });

  it('names the OFAC file and line of a truncated remark', () => {
    const d = join(root, 'ofac-cut');
    mkdirSync(d);
    const sdn = real('ofac_sdn_2021', 'sdn.csv').toString('latin1');
    writeFileSync(join(d, 'sdn.csv'), sdn.slice(0, sdn.indexOf('\n', 5000) + 1) + '9999,"CUT SHORT CO.",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'CUT');
    const e = inputError(join(d, 'sdn.csv'));
    expect(e.problems[0]).toMatchObject({ file: join(d, 'sdn.csv'), path: 'field 12' });
    expect(e.message).toMatch(/quoted field is never closed/);
  });

  it('a truncated companion file is an error of that file', () => {
    const d = join(root, 'ofac-companion');
    mkdirSync(d);
    copyFileSync(sharedPath('data', 'lists', 'ofac_nonsdn_consolidated_2025', 'cons_prim.csv'), join(d, 'cons_prim.csv'));
    writeFileSync(join(d, 'cons_alt.csv'), '9639,9150,"aka","HANIYA, Ismail",-0- \r\n9639,9151,"aka\r\n');
    const e = inputError(join(d, 'cons_prim.csv'));
    expect(e.problems[0]?.file).toBe(join(d, 'cons_alt.csv'));
    expect(e.problems[0]?.line).toBe(2);
  });

  it('a truncated FtM line is an error at that line', () => {
    const lines = real('opensanctions_ftm_sample', 'entities.ftm.json').toString('utf8').split('\n');
    const e = inputError(file('x.ftm.json', lines.slice(0, 3).join('\n') + '\n' + lines[3]!.slice(0, 80)));
    expect(e.problems[0]).toMatchObject({ line: 4 });
    expect(e.message).toMatch(/not valid JSON/);
  });
});

describe('wrong encodings', () => {
  it('reads UTF-16 (with or without a byte-order mark) like UTF-8', () => {
    const text = real('dod_1260h', 'sanctions.csv').toString('utf8');
    const utf8 = outcome(file('dod.csv', text));
    const le = outcome(file('dod.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])));
    const be = outcome(file('dod.csv', iconv.encode(text, 'utf-16be')));
    for (const o of [utf8, le, be]) expect(!(o instanceof InputError) && !isSkipped(o) && o.entries.length).toBe(227);
  });

  it('a Windows-1252 file is an error at the first bad byte, and reads with --encoding', () => {
    const text = real('dod_1260h', 'sanctions.csv').toString('utf8');
    const path = file('dod.csv', iconv.encode(text, 'windows-1252'));
    const e = inputError(path);
    const firstBadLine = text.split('\n').findIndex((l) => /[^\x00-\x7f]/.test(l)) + 1;
    expect(e.problems[0]).toMatchObject({ file: path, line: firstBadLine });
    expect(e.message).toMatch(/not valid UTF-8 \(byte 0x92 .*--encoding/);
    const ok = outcome(path, { encoding: 'windows-1252' });
    expect(!(ok instanceof InputError) && !isSkipped(ok) && ok.entries.find((x) => x.name.startsWith('AVIC Xi’an'))?.name).toBe(
      'AVIC Xi’an Aircraft Industry Group Company Ltd.',
    );
  });

  it('reads a GB18030 counter-sanctions file with --encoding gb18030', () => {
    const text = real('cn_countersanctions', 'sanctions.csv').toString('utf8');
    const o = outcome(file('cn.csv', iconv.encode(text, 'gb18030')), { encoding: 'gb18030' });
    expect(!(o instanceof InputError) && !isSkipped(o) && o.entries.find((e) => e.name === 'Hudson Institute')?.aliases).toEqual(['哈德逊研究所']);
  });

  it('binary files are skipped, not failed', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    expect(outcome(file('list.csv', bytes))).toMatchObject({ skipped: 'binary file, not a list' });
    expect(outcome(file('empty.csv', ''))).toMatchObject({ skipped: 'empty file' });
  });
});

describe('separators', () => {
  it('a header layout saved with ";" or tab separators reads like the comma file (detection sniffs the separator; the parser used ",")', () => {
    for (const [name, p] of SAMPLES) {
      if (name.endsWith('.json') || name === 'fcc2.csv') continue;
      const comma = outcome(file(name, real(...p)));
      if (comma instanceof InputError || isSkipped(comma)) throw new Error(`${name} should parse`);
      const records = parseCsv(real(...p).toString('utf8'), { file: name });
      for (const sep of [';', '\t']) {
        const o = outcome(file(name, records.map((r) => formatCsvRecord(r.fields, sep)).join('\n') + '\n'));
        if (o instanceof InputError || isSkipped(o)) throw new Error(`${name} with ${JSON.stringify(sep)}: ${o instanceof InputError ? o.message : o.skipped}`);
        expect(o.format, name).toBe(comma.format);
        expect(o.entries.map((e) => [e.entityId, e.name, e.aliases, e.listedFrom, e.listedUntil]), name).toEqual(
          comma.entries.map((e) => [e.entityId, e.name, e.aliases, e.listedFrom, e.listedUntil]),
        );
      }
    }
  });
});

describe('huge and hostile fields', () => {
  it('a 2 MB name is refused with its line and field', () => {
    const path = file('mieu.csv', `Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\nOrganization,"${'A'.repeat(2_000_000)}",,CN,,US-BIS-MIEU,2021-03-16,,\n`);
    const e = inputError(path);
    expect(e.problems[0]).toMatchObject({ file: path, line: 2, path: 'field 2' });
    expect(e.message).toMatch(/longer than/);
  });

  it('an unclosed quote in the first row is an error, not a 1 MB field', () => {
    const path = file('dod.csv', `Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n"Open quote co,${'x,'.repeat(300_000)}\n`);
    expect(inputError(path).message).toMatch(/dod\.csv:2:1: field 1: quoted field is never closed/);
  });

  it('hostile remarks and FCC text stay fast', () => {
    const d = join(root, 'ofac-hostile');
    mkdirSync(d);
    const remark = "a.k.a. '".repeat(20_000) + 'Linked To: '.repeat(20_000) + 'Listing Date ('.repeat(10_000);
    writeFileSync(join(d, 'sdn.csv'), `1,"X CO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${remark}"\r\n`);
    const fcc = 'produced by '.repeat(50_000);
    const start = performance.now();
    expect(isSkipped(parseListFile(join(d, 'sdn.csv')))).toBe(false);
    const o = outcome(file('fcc.csv', `covered_equipment_or_services,date_of_inclusion_on_covered_list\n"${fcc}","March 12, 2021"\n`));
    expect(o instanceof InputError || !isSkipped(o)).toBe(true);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('paths', () => {
  it('a folder given as a file, and a symbolic-link loop, are handled', () => {
    const d = join(root, 'loop');
    mkdirSync(d);
    symlinkSync(d, join(d, 'again'));
    writeFileSync(join(d, 'mieu.csv'), 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\nOrganization,Loop Org,,CN,,US-BIS-MIEU,2021-03-16,,\n');
    expect(inputError(d).message).toMatch(/is a folder/);
    const all = parseListDir(d);
    expect(all.filter((o) => !isSkipped(o))).toHaveLength(1);
  });
});

describe('recognised files with wrong values', () => {
  it('names the field: bad dates, missing names, bad OFAC types and numbers', () => {
    const h1260 = 'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n';
    expect(inputError(file('a.csv', `${h1260}X,X Co,,,,,2021-02-30,,\n`)).message).toMatch(/a\.csv:2:12: Start date: not a date: "2021-02-30"/);
    expect(inputError(file('b.csv', `${h1260}, ,,,,,2021-02-03,,\n`)).message).toMatch(/b\.csv:2:2: Clean Name: the row has no name/);
    const cnh = 'Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address\n';
    expect(inputError(file('c.csv', `${cnh}Company,,Acme,,,US,,,,,UEL,31.02.23,,,\n`)).message).toMatch(/c\.csv:2:28: Date: not a date: "31\.02\.23"/);
    expect(inputError(file('sdn.csv', '12,"X",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n13,"Y",robot,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')).message).toMatch(
      /sdn\.csv:2:8: SDN_Type: expected -0-, individual, vessel or aircraft, got "robot"/,
    );
    expect(inputError(file('sdn.csv', '12,"X",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\nX1,"Y",-0- ,"P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')).message).toMatch(
      /sdn\.csv:2:1: ent_num: expected an entity number/,
    );
    const ftm = '{"id":"a","schema":"Person","properties":{"name":"not an array"}}\n';
    expect(inputError(file('e.ftm.json', ftm)).message).toMatch(/e\.ftm\.json:1: properties\.name: expected an array of strings/);
    const fcc = 'covered_equipment_or_services,date_of_inclusion_on_covered_list\n"Things produced by Acme Corp, including x.","Someday"\n';
    expect(inputError(file('f.csv', fcc)).message).toMatch(/f\.csv:2:46: date_of_inclusion_on_covered_list: not a date: "Someday"/);
  });

  it('a list with no entries (a header alone, "results": []) is an error, not an edition that delists everything', () => {
    for (const [name, p] of SAMPLES) {
      if (name.endsWith('.json')) continue;
      const header = real(...p).toString('utf8').split('\n')[0]! + '\n';
      const path = file(name, header);
      const e = inputError(path);
      expect(e.problems[0], name).toMatchObject({ file: path, line: 2 });
      expect(e.message, name).toMatch(/no list entries \(0 rows read\): the file may be truncated; importing it would delist every \S+ entry/);
    }
    const empty = file('csl.json', JSON.stringify({ sources_used: [{ source: 'Entity List', source_last_updated: '2025-01-01' }], results: [] }));
    expect(inputError(empty).message).toMatch(/csl\.json: results: a csl-json file with no list entries/);
    // FCC page rows that are all categories are a list that names no party, not an empty file
    const fcc = outcome(file('fcc.csv', 'covered_equipment_or_services,date_of_inclusion_on_covered_list\n"Routers produced in a foreign country","December 22, 2025"\n'));
    expect(fcc instanceof InputError || isSkipped(fcc) ? fcc : fcc.categories?.length).toBe(1);
  });

  it('a listing that ends before it starts is an error naming the end-date field (it made the party never in force)', () => {
    const h1260 = 'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n';
    expect(inputError(file('a.csv', `${h1260}Acme Co,Acme Co,,,,,2025-06-01,2024-01-01,\n`)).message).toMatch(
      /a\.csv:2:32: End date: 2024-01-01 is before the listing starts \(Start date 2025-06-01\)/,
    );
    const mieu = 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n';
    expect(inputError(file('m.csv', `${mieu}Organization,Acme Org,,CN,,US-BIS-MIEU,2021-03-16,2021-03-15,\n`)).message).toMatch(/m\.csv:2:51: End date: 2021-03-15 is before/);
    const cnh = 'Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address\n';
    expect(inputError(file('c.csv', `${cnh}Company,,Acme,,,US,,,,,UEL,03.08.23,13.07.22,,\n`)).message).toMatch(/c\.csv:2:37: End date: 2022-07-13 is before/);
    const cslHead = 'source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url\n';
    const cslRow = 'Denied Persons List (DPL) - Bureau of Industry and Security,,Individual,,Jane Example,,,,2020-10-13,2017-10-16,,,,,,,,,,,,,,,,,\n';
    expect(inputError(file('csl.csv', cslHead + cslRow)).message).toMatch(/csl\.csv:2:101: end_date: 2017-10-16 is before the listing starts \(start_date 2020-10-13\)/);
    const json = JSON.stringify({ results: [{ source: 'Entity List (EL)', name: 'A', start_date: '2020-01-02', end_date: '2020-01-01' }] });
    expect(inputError(file('csl.json', json)).message).toMatch(/csl\.json: results\[0\]\.end_date: 2020-01-01 is before/);
    const ftm = [
      '{"id":"p1","schema":"Company","properties":{"name":["Acme"]}}',
      '{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"startDate":["2022-05-01"],"endDate":["2021-05-01"]}}',
    ].join('\n');
    expect(inputError(file('e.ftm.json', ftm)).message).toMatch(/e\.ftm\.json:2: properties\.endDate: 2021-05-01 is before/);
    // ending on the day it starts is a listing of one day, not an error
    expect(outcome(file('a.csv', `${h1260}Acme Co,Acme Co,,,,,2025-06-01,2025-06-01,\n`))).not.toBeInstanceOf(InputError);
  });

  it('an OFAC entity number used twice is an error at its second row (it merged two parties into one)', () => {
    const d = join(root, 'ofac-dup');
    mkdirSync(d);
    const sdn = join(d, 'sdn.csv');
    writeFileSync(sdn, '12,"ALPHA TRADING CO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n13,"CHARLIE CO",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n12,"BRAVO SHIPPING LTD",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a');
    const e = inputError(sdn);
    expect(e.problems[0]).toMatchObject({ file: sdn, line: 3, path: 'ent_num' });
    expect(e.message).toMatch(/entity number 12 is already used on line 1/);
  });

  it('CSL JSON with a wrong type names the JSON path', () => {
    const bad = JSON.stringify({ results: [{ source: 'Entity List (EL) - Bureau of Industry and Security', name: 'A', alt_names: 'x' }, { source: 'DPL', name: ['B'] }] });
    expect(inputError(file('csl.json', bad)).message).toMatch(/csl\.json: results\[1\]\.name: expected a string, got an array/);
    const cut = JSON.stringify({ sources_used: [], results: [{ source: 'Entity List (EL)', entity_number: null, name: 'A' }] }).slice(0, 60);
    expect(inputError(file('csl.json', cut)).message).toMatch(/csl\.json:1:\d+: not valid JSON/);
  });
});

describe('FollowTheMoney JSON lines: a line that is not JSON', () => {
  const lines = () => real('opensanctions_ftm_sample', 'entities.ftm.json').toString('utf8').split('\n').filter((l) => l !== '');

  it('is placed at its line and column, in JSON\'s words, without V8\'s offset', () => {
    const l = lines();
    const at = l[2]!.indexOf('"schema":') + '"schema"'.length;
    l[2] = l[2]!.replace('"schema":', '"schema"');
    const e = inputError(file('x.ftm.json', l.join('\n') + '\n'));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ line: 3, column: at + 1 });
    expect(e.problems[0]!.message).toBe('not valid JSON: unexpected string (one entity per line)');
    // an indented line: the column counts the blanks before it
    const m = lines();
    const comma = m[1]!.indexOf(',"caption"');
    m[1] = `   ${m[1]!.slice(0, comma)},${m[1]!.slice(comma)}`;
    const p = inputError(file('y.ftm.json', m.join('\n') + '\n')).problems[0]!;
    expect(p).toMatchObject({ line: 2, column: 3 + comma + 2 });
    expect(p.message).toBe('not valid JSON: expected double-quoted property name (one entity per line)');
    // V8 gives no position for an unexpected token: the line alone, and no copy of the line
    const t = lines();
    t[3] = t[3]!.replace('"schema":', '"schema":x');
    const q = inputError(file('z.ftm.json', t.join('\n') + '\n')).problems[0]!;
    expect(q).toMatchObject({ line: 4 });
    expect(q.column).toBeUndefined();
    expect(q.message).toBe("not valid JSON: unexpected token 'x' (one entity per line)");
  });

  it('says the file may be truncated only for a last line cut short', () => {
    const l = lines();
    const cut = inputError(file('cut.ftm.json', l.join('\n').slice(0, -300)));
    expect(cut.problems[0]).toMatchObject({ line: l.length });
    expect(cut.problems[0]!.message).toMatch(/^not valid JSON: .*; the file may be truncated$/);
    const mid = [...l];
    mid[1] = mid[1]!.slice(0, 100);
    const e = inputError(file('mid.ftm.json', mid.join('\n') + '\n'));
    expect(e.problems[0]).toMatchObject({ line: 2, column: 101 });
    expect(e.problems[0]!.message).not.toMatch(/truncated/);
  });
});

describe('UTF-16 without a byte-order mark, and NUL bytes', () => {
  const CN = 'Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL,Address\n';
  // Rows of Chinese text: few ASCII characters, so few zero bytes in UTF-16.
  const row = (i: number) => `Company,,中国电子科技集团公司第${i}研究所,,中国电子科技集团公司第${i}研究所,CN,,,,中华人民共和国商务部不可靠实体清单工作机制关于将有关实体列入不可靠实体清单的公告,UEL,01.02.2021,,,\n`;
  const text = CN + Array.from({ length: 60 }, (_, i) => row(i + 1)).join('');

  it('a list in UTF-16 that is mostly Chinese, without a byte-order mark, is read like its UTF-8 text', () => {
    const utf8 = outcome(file('cn.csv', text));
    if (utf8 instanceof InputError || isSkipped(utf8)) throw new Error('the UTF-8 text should parse');
    expect(utf8.entries).toHaveLength(60);
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const o = outcome(file('cn.csv', iconv.encode(text, enc)));
      if (o instanceof InputError || isSkipped(o)) throw new Error(`${enc}: ${o instanceof InputError ? o.message : o.skipped}`);
      expect(o.entries.map((e) => e.name)).toEqual(utf8.entries.map((e) => e.name));
    }
  });

  it('a NUL byte in a list file is an error at its line and column; binary data is still skipped', () => {
    const lines = real('dod_1260h', 'sanctions.csv');
    const at = lines.indexOf(0x0a, lines.indexOf(0x0a) + 1) + 5; // line 3, column 5
    const damaged = Buffer.concat([lines.subarray(0, at), Buffer.from([0]), lines.subarray(at)]);
    const e = inputError(file('dod.csv', damaged));
    expect(e.problems[0]).toMatchObject({ line: 3, column: 5 });
    expect(e.problems[0]!.message).toMatch(/^a NUL byte \(0x00\)/);
    expect(outcome(file('notes.txt', 'some notes\0 with a NUL\n'))).toMatchObject({ skipped: 'binary file, not a list' });
    expect(outcome(file('list.csv', new Uint8Array(4096).map((_, i) => (i * 37) % 256)))).toMatchObject({ skipped: 'binary file, not a list' });
  });
});

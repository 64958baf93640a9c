import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { toCountryCode } from './countries.js';
import { parseListDate } from './dates.js';
import { decodeText, firstInvalidUtf8, sniffBytes } from './decode.js';
import { cslSource, parseCslJson, stripBoilerplate } from './formats/trade-csl.js';
import { programsOf, remarkCountries, weakAkas } from './formats/ofac-legacy.js';
import { cleanText, isShortAcronym, slug } from './names.js';
import { fccNamedEntities, linkedToNames, resolveParents } from './parents.js';
import { parseListFile } from './parse.js';
import { readSourcesMd } from './sources-md.js';
import { isSkipped } from './types.js';
import type { ListEntry } from '../types.js';

const root = mkdtempSync(join(tmpdir(), 'dc-formats-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A CSL API response in the documented shape (us-rules.md §4.6): arrays for addresses, ids, alt_names. */
const CSL_JSON = {
  total: 3,
  sources_used: [
    { source: 'Entity List (EL) - Bureau of Industry and Security', source_last_updated: '2026-07-30', last_imported: '2026-07-31T04:00:12+00:00' },
    { source: 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department', source_last_updated: '2026-06-02', last_imported: '2026-07-31T04:00:12+00:00' },
  ],
  search_performed_at: '2026-08-01T10:00:00+00:00',
  results: [
    {
      id: 'e0b0f3c2',
      source: 'Entity List (EL) - Bureau of Industry and Security',
      entity_number: null,
      type: null,
      programs: [],
      name: 'Huawei Technologies Co., Ltd.',
      addresses: [{ address: 'Bantian, Longgang District', city: 'Shenzhen', state: 'Guangdong', postal_code: null, country: 'CN' }],
      alt_names: ['Huawei', 'Huawei Technologies'],
      start_date: '2019-05-16',
      end_date: null,
      ids: [],
      remarks: null,
    },
    {
      id: 'aa11',
      source: 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
      entity_number: 32089,
      type: 'Entity',
      programs: ['CMIC-EO13959'],
      name: 'PROVEN GLORY CAPITAL LIMITED',
      addresses: [{ address: null, city: null, state: null, postal_code: null, country: 'VG' }],
      alt_names: ['PROVEN GLORY'],
      start_date: '2021-06-03',
      end_date: null,
      ids: [{ type: 'ISIN', number: 'XS1809220830', country: null, issue_date: null, expiration_date: null }],
      remarks: 'Linked To: HUAWEI INVESTMENT & HOLDING CO., LTD.',
      nationalities: [],
      citizenships: [],
    },
    {
      id: 'bb22',
      source: 'Denied Persons List (DPL) - Bureau of Industry and Security',
      entity_number: null,
      type: 'Individual',
      programs: [],
      name: ' Jane Example',
      addresses: [],
      alt_names: [],
      start_date: '2017-10-16',
      end_date: '2020-10-13',
      nationalities: ['United States'],
    },
  ],
};

describe('trade.gov CSL JSON', () => {
  it('reads the documented API shape', () => {
    const path = join(root, 'csl.json');
    writeFileSync(path, JSON.stringify(CSL_JSON, null, 2));
    const p = parseListFile(path, { sourcesMd: false });
    if (isSkipped(p)) throw new Error(p.skipped);
    expect([p.format, p.list, p.listDate, p.listDateSource, p.rows]).toEqual(['csl-json', 'trade.csl', '2026-07-31', 'file', 3]);
    expect(p.entries.map((e) => e.entityId)).toEqual(['trade.csl:el-huawei-technologies-co-ltd', 'trade.csl:cmic-32089', 'trade.csl:dpl-jane-example']);
    expect(p.entries[0]).toMatchObject({ name: 'Huawei Technologies Co., Ltd.', aliases: ['Huawei', 'Huawei Technologies'], countries: ['CN'], programs: ['Entity List (EL)'], listedFrom: '2019-05-16', type: 'unknown' });
    expect(p.entries[1]).toMatchObject({ type: 'company', programs: ['Non-SDN Chinese Military-Industrial Complex Companies List (CMIC)', 'CMIC-EO13959'], parents: ['HUAWEI INVESTMENT & HOLDING CO., LTD.'], countries: ['VG'] });
    expect(p.entries[2]).toMatchObject({ name: 'Jane Example', type: 'person', listedUntil: '2020-10-13', countries: ['US'] });
  });

  it('gives a CSV row and its JSON twin the same id', () => {
    const csv = join(root, 'csl.csv');
    writeFileSync(
      csv,
      'source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n' +
        'Entity List (EL) - Bureau of Industry and Security,,,,"Huawei Technologies Co., Ltd.",,"Bantian, Shenzhen, CN",,2019-05-16,,,,,,,,,,,,,Huawei; Huawei Technologies,,,,,,\n',
    );
    const a = parseListFile(csv, { sourcesMd: false });
    const b = parseCslJson(CSL_JSON, 'x.json');
    expect(!isSkipped(a) && a.entries[0]?.entityId).toBe(b.entries[0]?.entityId);
    expect(!isSkipped(a) && a.entries[0]?.aliases).toEqual(['Huawei', 'Huawei Technologies']);
  });

  it('accepts a bare array of results and names bad results by path', () => {
    expect(parseCslJson(CSL_JSON.results, 'a.json').entries).toHaveLength(3);
    expect(() => parseCslJson({ results: [{ source: 'X', name: '' }] }, 'a.json')).toThrow(/results\[0\]\.name: the result has no name/);
    expect(() => parseCslJson({ results: [{ source: 'X', name: 'A', start_date: 'soon' }] }, 'a.json')).toThrow(/results\[0\]\.start_date: not a date/);
  });

  it('names the source lists and strips ISN boilerplate', () => {
    expect(cslSource('Military End User (MEU) List - Bureau of Industry and Security')).toEqual({ abbr: 'meu', program: 'Military End User (MEU) List' });
    expect(stripBoilerplate('Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof')).toBe('Sinobright Import and Export Company');
  });
});

describe('OFAC remarks', () => {
  it('reads weak a.k.a.s, programs, nationalities and Linked To names', () => {
    expect(weakAkas("DOB 1962; a.k.a. 'BNC'; f.k.a. 'OLD NAME'; Linked To: X.")).toEqual(['BNC', 'OLD NAME']);
    expect(programsOf('SDGT] [IRGC] [IFSR')).toEqual(['SDGT', 'IRGC', 'IFSR']);
    // apostrophes inside the quoted name (ayn transliterations, nested quotes) do not cut it short
    expect(weakAkas("a.k.a. 'LLC 'DSD''; Linked To: PUBLIC JOINT STOCK COMPANY TRANSNEFT.")).toEqual(["LLC 'DSD'"]);
    expect(weakAkas("a.k.a. 'AL-QA'QA'; a.k.a. 'ABU-'UMAR'.")).toEqual(["AL-QA'QA", "ABU-'UMAR"]);
    expect(weakAkas("a.k.a. 'JSC 'SMN''")).toEqual(["JSC 'SMN'"]);
    expect(programsOf('-0- ')).toEqual([]);
    expect(remarkCountries('nationality Iran; citizen Korea, North; nationality Atlantis.')).toEqual(['IR', 'KP']);
    expect(linkedToNames('Linked To: HUAWEI INVESTMENT & HOLDING CO., LTD.')).toEqual(['HUAWEI INVESTMENT & HOLDING CO., LTD.']);
    expect(linkedToNames('a.k.a. x; Linked To: LAZARUS GROUP.')).toEqual(['LAZARUS GROUP']);
    expect(linkedToNames('Linked To: GRUPO S.A. DE C.V.; Linked To: GRUPO S.A. DE C.V.; Linked To: OTHER S.A.S.')).toEqual(['GRUPO S.A. DE C.V.', 'OTHER S.A.S.']);
  });
});

describe('FCC covered-equipment text', () => {
  it('finds the producer or provider and a named subsidiary; none in category rows', () => {
    expect(fccNamedEntities('Telecommunications equipment produced by ZTE Corporation, including telecommunications …')).toEqual({ name: 'ZTE Corporation', subsidiaries: [] });
    expect(fccNamedEntities('Information security products, solutions, and services supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors')).toEqual({
      name: 'AO Kaspersky Lab',
      subsidiaries: [],
    });
    expect(fccNamedEntities('International telecommunications services provided by Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC subject to section 214')).toEqual({
      name: 'Pacific Networks Corp',
      subsidiaries: ['ComNet (USA) LLC'],
    });
    expect(fccNamedEntities('Routers ^ produced in a foreign country, except routers which have been granted a Conditional Approval by DoW or DHS.')).toBeUndefined();
  });
});

describe('resolveParents', () => {
  const e = (entityId: string, name: string, parents?: string[], aliases: string[] = []): ListEntry => ({
    entityId,
    list: entityId.split(':')[0]!,
    programs: ['P'],
    type: 'company',
    name,
    aliases,
    countries: [],
    ...(parents ? { parents } : {}),
    source: { file: 'f' },
  });

  it('finds the parent by name across punctuation and case, preferring the same list', () => {
    const links = resolveParents([
      e('dod.1260h:huawei', 'Huawei Technologies Co., Ltd.', ['Huawei Investment & Holding Co., Ltd.']),
      e('dod.1260h:holding', 'Huawei Investment & Holding Co., Ltd.'),
      e('ofac.cons:pg', 'PROVEN GLORY CAPITAL LIMITED', ['HUAWEI INVESTMENT & HOLDING CO., LTD.']),
      e('ofac.cons:x', 'ORPHAN LTD', ['NOBODY LISTED']),
    ]);
    expect(links).toEqual([
      { child: 'dod.1260h:huawei', parentName: 'Huawei Investment & Holding Co., Ltd.', parentEntityIds: ['dod.1260h:holding'], list: 'dod.1260h' },
      { child: 'ofac.cons:pg', parentName: 'HUAWEI INVESTMENT & HOLDING CO., LTD.', parentEntityIds: ['dod.1260h:holding'], list: 'ofac.cons' },
      { child: 'ofac.cons:x', parentName: 'NOBODY LISTED', parentEntityIds: [], list: 'ofac.cons' },
    ]);
  });
});

describe('small helpers', () => {
  it('parses the date spellings of the lists, and only real days', () => {
    expect(['2021-06-03', '02.12.2019', '13.07.20', 'March 12, 2021', '03 Jun 2021', '10/20/2017', '2024-06-01T10:57:03'].map((d) => parseListDate(d, 'month-first'))).toEqual([
      '2021-06-03',
      '2019-12-02',
      '2020-07-13',
      '2021-03-12',
      '2021-06-03',
      '2017-10-20',
      '2024-06-01',
    ]);
    expect(['2021-02-29', '31.04.2020', 'Smarch 1, 2020', '', 'yesterday'].map((d) => parseListDate(d, 'month-first'))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('maps the country spellings the lists use', () => {
    expect(['China', 'cn', 'Korea, North', 'Burma', 'Palestinian', 'Region: Crimea', 'Cote d Ivoire', 'Virgin Islands, British', 'Japan', 'Czech Republic', 'Hong Kong', 'Macau', 'Turkey'].map(toCountryCode)).toEqual([
      'CN', 'CN', 'KP', 'MM', 'PS', 'UA', 'CI', 'VG', 'JP', 'CZ', 'HK', 'MO', 'TR',
    ]);
    expect(['undetermined', 'EU', '-0-', 'Atlantis', ''].map(toCountryCode)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('cleans names without changing what they say', () => {
    expect(cleanText(' Gui\u0092an  New\tDistrict ')).toBe('Gui’an New District');
    expect(cleanText('Cafe\u0301')).toBe('Café');
    expect(slug('Shenzhen DJI Technology Co., Ltd.')).toBe('shenzhen-dji-technology-co-ltd');
    expect(slug('华为技术有限公司')).toBe('华为技术有限公司');
    expect(['DJI', 'CATL', 'IRGC-IO', 'J2', 'Huawei', 'A', 'S-SEA'].map(isShortAcronym)).toEqual([true, true, true, true, false, false, true]);
  });

  it('slug is idempotent and only letters, digits and dashes (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const a = slug(s);
        expect(slug(a)).toBe(a);
        expect(a).toMatch(/^[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*$/u);
      }),
    );
  });

  it('reads SOURCES.md tables: later file names are relative to the first one’s folder', () => {
    const t = readSourcesMd(
      '| Path | Repository | Commit (date) | Data as of | Licence |\n|---|---|---|---|---|\n' +
        '| `ofac/sdn.csv`, `add.csv` | r | abc (2021-07-07) | about July 2021 | PD |\n' +
        '| `dod/sanctions.csv` | r | def (2026-08-20) | editions 2021-06-03 and 2026-06-08 | x |\n',
    );
    expect([...t]).toEqual([
      ['ofac/sdn.csv', '2021-07-07'],
      ['ofac/add.csv', '2021-07-07'],
      ['dod/sanctions.csv', '2026-06-08'],
    ]);
  });
});

describe('decode', () => {
  it('sniffs byte-order marks, UTF-16 without one, and binary', () => {
    expect(sniffBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(sniffBytes(Uint8Array.from(Buffer.from('\u0000N\u0000a\u0000m\u0000e', 'latin1')))).toBe('utf-16be');
    expect(sniffBytes(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0x14, 0, 0, 0, 8, 0]))).toBe('binary');
    expect(sniffBytes(Buffer.from('Name,Alias\n'))).toBe('utf-8');
  });

  it('finds the first invalid UTF-8 byte exactly as Node does (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const at = firstInvalidUtf8(bytes);
        if (at === bytes.length) expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBeDefined();
        else {
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reports a bad byte with line and column', () => {
    const bytes = Buffer.concat([Buffer.from('Name,Alias\nAcme,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    try {
      decodeText(bytes, 'x.csv');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]).toMatchObject({ file: 'x.csv', line: 2, column: 9 });
    }
    expect(decodeText(bytes, 'x.csv', 'windows-1252')).toBe('Name,Alias\nAcme,Café\n');
  });
});

describe('listing periods (1260H rows of one company)', () => {
  const csv = (rows: string[]) => ['Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url', ...rows].join('\n');
  const parse1260h = (rows: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-1260h-'));
    try {
      const f = join(dir, 'sanctions.csv');
      writeFileSync(f, csv(rows));
      const p = parseListFile(f);
      if (isSkipped(p)) throw new Error('skipped');
      return p.entries;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('keeps the gap of a party taken off and listed again (CXMT: 2025-01-07…2026-02-17, again from 2026-06-08)', () => {
    const [e] = parse1260h(['"ChangXin Memory Technologies, Inc.","ChangXin Memory Technologies, Inc.",CXMT,,,,2025-01-07,2026-02-17,', '"ChangXin Memory Technologies, Inc.","ChangXin Memory Technologies, Inc.",CXMT,,,,2026-06-08,,']);
    expect(e!.listedFrom).toBe('2025-01-07');
    expect(e!.listedUntil).toBeUndefined();
    expect(e!.periods).toEqual([{ from: '2025-01-07', until: '2026-02-17' }, { from: '2026-06-08' }]);
  });

  it('joins overlapping or open periods into one window (no periods)', () => {
    const [e] = parse1260h(['"Costar Group Co., Ltd.","Costar Group Co., Ltd.",,,,,2021-06-03,,', '"Costar Group Co., Ltd.","Costar Group Co., Ltd.",,,,,2025-01-07,2026-02-17,']);
    expect(e!.periods).toBeUndefined();
    expect(e!.listedUntil).toBeUndefined();
  });
});

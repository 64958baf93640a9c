import { beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../testing/shared.js';
import type { ListEntry } from '../types.js';
import { parseListDir, parseListFile } from './parse.js';
import { isSkipped, type ParsedList, type ParseOutcome } from './types.js';

const LISTS = sharedPath('data', 'lists');
const rel = (f: string) => f.slice(LISTS.length + 1);

let outcomes: ParseOutcome[];
let parsed: Map<string, ParsedList>;
let all: ListEntry[];

beforeAll(() => {
  outcomes = parseListDir(LISTS);
  parsed = new Map(outcomes.filter((o): o is ParsedList => !isSkipped(o)).map((o) => [rel(o.file), o]));
  all = [...parsed.values()].flatMap((p) => p.entries);
});

const entry = (id: string): ListEntry => {
  const e = all.find((x) => x.entityId === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
const named = (list: string, name: string): ListEntry => {
  const e = all.find((x) => x.list === list && x.name === name);
  if (!e) throw new Error(`no ${list} entry named ${name}`);
  return e;
};

describe('parseListDir over ../shared/data/lists', () => {
  it('recognises every list file and its format, and skips the rest with a one-line note', () => {
    const formats = Object.fromEntries([...parsed].map(([f, p]) => [f, `${p.format} ${p.list}`]));
    expect(formats).toEqual({
      'bis_mieu/mieu.csv': 'bis-mieu-csv bis.mieu',
      'cn_countersanctions/sanctions.csv': 'cn-countersanctions-csv cn.countersanctions',
      'dod_1260h/sanctions.csv': 'dod-1260h-csv dod.1260h',
      'fcc_covered_list/data_entities_2022.csv': 'fcc-entities-csv fcc.covered',
      'fcc_covered_list/table.csv': 'fcc-covered-csv fcc.covered',
      'ofac_nonsdn_consolidated_2025/cons_prim.csv': 'ofac-legacy-csv ofac.cons',
      'ofac_sdn_2021/sdn.csv': 'ofac-legacy-csv ofac.sdn',
      'opensanctions_ftm_sample/entities.ftm.json': 'ftm-jsonl opensanctions',
      'trade_csl_samples/consolidated_2025_sample.csv': 'csl-csv trade.csl',
      'trade_csl_samples/csl_2019_sample.csv': 'csl-csv trade.csl',
    });
    const skipped = outcomes.filter(isSkipped);
    for (const s of skipped) expect(s.skipped).not.toMatch(/\n/);
    expect(skipped.map((s) => rel(s.file)).sort()).toEqual([
      'SOURCES.md',
      'dod_1260h/COLUMNS.md',
      'name_matching/nomenklatura_logicv2_frozen_scores.csv',
      'name_matching/nomenklatura_name_bench_cases.csv',
      'name_matching/ofac_sls_observed_scores.csv',
      'name_matching/watchman_cross_script_pairs.csv',
      'ofac_nonsdn_consolidated_2025/cons_add.csv',
      'ofac_nonsdn_consolidated_2025/cons_alt.csv',
      'ofac_nonsdn_consolidated_2025/cons_comments.csv',
      'ofac_sdn_2021/add.csv',
      'ofac_sdn_2021/alt.csv',
      'ofac_sdn_2021/sdn_comments.csv',
      'reference/rigour_org_types.yml',
      'reference/rigour_stopwords.yml',
    ]);
    const companion = skipped.find((s) => s.file.endsWith('alt.csv') && s.file.includes('ofac_sdn'));
    expect(companion?.companionOf).toMatch(/sdn\.csv$/);
    expect(companion?.skipped).toBe('read with sdn.csv');
  });

  it('reads the documented row and entry counts', () => {
    const counts = Object.fromEntries([...parsed].map(([f, p]) => [f, [p.rows, p.entries.length]]));
    // Rows as SOURCES.md gives them; entries merge rows of the same party.
    expect(counts['ofac_sdn_2021/sdn.csv']).toEqual([8976, 8976]);
    expect(counts['ofac_nonsdn_consolidated_2025/cons_prim.csv']).toEqual([442, 442]);
    expect(counts['dod_1260h/sanctions.csv']![0]).toBe(397);
    expect(counts['cn_countersanctions/sanctions.csv']![0]).toBe(610);
    expect(counts['trade_csl_samples/csl_2019_sample.csv']![0]).toBe(115);
    expect(counts['trade_csl_samples/consolidated_2025_sample.csv']![0]).toBe(13);
    expect(counts['bis_mieu/mieu.csv']).toEqual([13, 13]);
    expect(counts['fcc_covered_list/data_entities_2022.csv']).toEqual([10, 11]);
    expect(counts['opensanctions_ftm_sample/entities.ftm.json']).toEqual([7, 6]);
    const sdn = parsed.get('ofac_sdn_2021/sdn.csv')!.entries;
    expect(sdn.filter((e) => e.type === 'person')).toHaveLength(4620);
    const cons = parsed.get('ofac_nonsdn_consolidated_2025/cons_prim.csv')!.entries;
    expect(cons.filter((e) => e.programs.includes('CMIC-EO13959'))).toHaveLength(68);
    const cn = parsed.get('cn_countersanctions/sanctions.csv')!.entries;
    expect(cn.filter((e) => e.aliases.some((a) => /\p{Script=Han}/u.test(a))).length).toBeGreaterThan(350);
  });

  it('dates each file: from the file itself, else SOURCES.md', () => {
    const dates = Object.fromEntries([...parsed].map(([f, p]) => [f, `${p.listDate} ${p.listDateSource}`]));
    expect(dates['ofac_sdn_2021/sdn.csv']).toBe('2021-07-07 sources-md');
    expect(dates['ofac_nonsdn_consolidated_2025/cons_prim.csv']).toBe('2025-12-19 sources-md');
    expect(dates['dod_1260h/sanctions.csv']).toBe('2026-06-08 sources-md');
    expect(dates['fcc_covered_list/data_entities_2022.csv']).toBe('2022-09-20 sources-md');
    expect(dates['opensanctions_ftm_sample/entities.ftm.json']).toBe('2024-06-01 file');
    for (const p of parsed.values()) for (const e of p.entries) expect(e.source.listDate).toBe(p.listDate);
  });

  it('gives every entry a unique id prefixed by its list, a name and a program', () => {
    const problems: string[] = [];
    for (const p of parsed.values()) {
      const local = new Set<string>();
      for (const e of p.entries) {
        const bad = [
          !e.entityId.startsWith(`${e.list}:`) && 'id prefix',
          local.has(e.entityId) && 'duplicate id',
          (e.name === '' || e.name.trim() !== e.name) && 'name',
          e.programs.length === 0 && 'no program',
          e.aliases.includes(e.name) && 'name repeated as alias',
          e.countries.some((c) => !/^[A-Z]{2}$/.test(c)) && 'country code',
        ].filter(Boolean);
        if (bad.length) problems.push(`${e.entityId}: ${bad.join(', ')}`);
        local.add(e.entityId);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('OFAC legacy CSV', () => {
  it('joins aliases, address countries, weak a.k.a.s from the remarks and the remark continuation', () => {
    const bnc = entry('ofac.sdn:306');
    expect(bnc).toMatchObject({ name: 'BANCO NACIONAL DE CUBA', type: 'company', programs: ['CUBA'], weakAliases: ['BNC'] });
    expect(bnc.aliases).toContain('NATIONAL BANK OF CUBA');
    expect(bnc.countries).toEqual(expect.arrayContaining(['CH', 'ES', 'JP']));
    const cpmiec = named('ofac.sdn', 'CHINA NATIONAL PRECISION MACHINERY IMPORT/EXPORT CORPORATION');
    expect(cpmiec.aliases).toEqual(expect.arrayContaining(['CPMIEC', 'ZHONGGUO JINGMI JIXIE JINCHUKOU ZONGGONGSI']));
    expect(cpmiec.programs).toEqual(['NPWMD', 'IFSR']);
    // 12300's remark runs on in sdn_comments.csv: the "Linked To" names there are read too.
    const long = entry('ofac.sdn:12300');
    expect(long.parents).toEqual(expect.arrayContaining(['PROMO RAIZ S.A.S.', 'CUBICAFE S.A.S.']));
  });

  it('reads NS-CMIC listing dates and "Linked To" parents', () => {
    const pg = named('ofac.cons', 'PROVEN GLORY CAPITAL LIMITED');
    expect(pg).toMatchObject({ programs: ['CMIC-EO13959'], listedFrom: '2021-06-03', aliases: ['PROVEN GLORY'] });
    expect(pg.parents).toEqual(['HUAWEI INVESTMENT & HOLDING CO., LTD.']);
    expect(named('ofac.cons', 'SZ DJI TECHNOLOGY CO., LTD.').programs).toEqual(['CMIC-EO13959']);
    expect(entry('ofac.sdn:28264').parents).toEqual(['LAZARUS GROUP']);
  });

  it('types individuals, vessels and aircraft', () => {
    expect(entry('ofac.cons:9639')).toMatchObject({ type: 'person', name: 'HANIYA, Ismail Abdul Salah', programs: ['NS-PLC'] });
    const types = new Set(parsed.get('ofac_sdn_2021/sdn.csv')!.entries.map((e) => e.type));
    expect([...types].sort()).toEqual(['aircraft', 'company', 'person', 'vessel']);
  });
});

describe('DoD 1260H', () => {
  it('merges the rows of each listing period into one entry', () => {
    const huawei = entry('dod.1260h:huawei-technologies-co-ltd');
    expect(huawei).toMatchObject({ name: 'Huawei Technologies Co., Ltd.', programs: ['1260H'], listedFrom: '2021-06-03', type: 'company' });
    expect(huawei.listedUntil).toBeUndefined();
    expect(huawei.aliases).toEqual(['Huawei']);
    expect(huawei.parents).toEqual(['Huawei Investment & Holding Co., Ltd.']);
    expect(huawei.source.url).toMatch(/2026\/Jun\/08/);
  });

  it('keeps removals (End date) and both DJI names', () => {
    expect(entry('dod.1260h:beijing-megvii-technology-co-ltd')).toMatchObject({ listedFrom: '2024-01-31', listedUntil: '2025-01-07' });
    expect(entry('dod.1260h:shenzhen-dji-technology-co-ltd')).toMatchObject({ listedFrom: '2026-06-08', weakAliases: ['DJI'] });
    expect(entry('dod.1260h:shenzhen-dji-innovation-technology-co-ltd').listedFrom).toBe('2022-10-05');
  });

  it('splits multi-valued alias cells, marks short all-capitals aliases weak and keeps former names', () => {
    const knownsec = all.find((e) => e.list === 'dod.1260h' && e.aliases.includes('Knownsec'));
    expect(knownsec?.aliases).toEqual(expect.arrayContaining(['Knownsec', 'Beijing Kownsec']));
    const catl = named('dod.1260h', 'Contemporary Amperex Technology Co., Ltd.');
    expect(catl.weakAliases).toEqual(['CATL']);
    const chengdu = named('dod.1260h', 'AVIC Chengdu Aircraft Co., Ltd.');
    expect(chengdu.aliases).toContain('Zhonghang Electronic Measuring Instruments Company Limited');
    expect(chengdu.weakAliases).toEqual(['ZEMIC']);
  });
});

describe('FCC Covered List', () => {
  it('finds the entity names inside the covered-equipment text', () => {
    const fromTable = parsed.get('fcc_covered_list/table.csv')!;
    expect(fromTable.entries.map((e) => e.name)).toEqual([
      'Huawei Technologies Company',
      'ZTE Corporation',
      'Hytera Communications Corporation',
      'Hangzhou Hikvision Digital Technology Company',
      'Dahua Technology Company',
      'AO Kaspersky Lab',
      'China Mobile International USA Inc.',
      'China Telecom (Americas) Corp.',
      'Pacific Networks Corp',
      'ComNet (USA) LLC',
      'China Unicom (Americas) Operations Limited',
      'Kaspersky Lab, Inc.',
      'Digitalsystem Technology Inc.',
    ]);
    expect(fromTable.entries.find((e) => e.name === 'Kaspersky Lab, Inc.')?.listedFrom).toBe('2024-07-23');
    expect(fromTable.entries.find((e) => e.name.startsWith('Hytera'))?.note).toMatch(/to the extent it is used for the purpose of public safety/);
  });

  it('keeps category rows (foreign UAS, routers, inverters, robots) apart from parties', () => {
    const cats = parsed.get('fcc_covered_list/table.csv')!.categories ?? [];
    expect(cats.map((c) => c.listedFrom)).toEqual(['2025-12-22', '2026-03-23', '2026-07-28', '2026-07-28']);
    expect(cats[0]?.updated).toEqual(['2026-01-07', '2026-03-18', '2026-06-15', '2026-07-21']);
  });

  it('makes a named subsidiary its own entry with the parent named', () => {
    const comnet = all.filter((e) => e.entityId === 'fcc.covered:comnet-usa-llc');
    expect(comnet).toHaveLength(2);
    for (const c of comnet) expect(c.parents).toEqual(['Pacific Networks Corp']);
  });
});

describe('other lists', () => {
  it('PRC counter-sanctions: Chinese names as aliases, Wikidata ids, DD.MM.YY dates', () => {
    expect(named('cn.countersanctions', 'Lockheed Martin Corporation')).toMatchObject({
      aliases: ['洛克希德·马丁公司'],
      countries: ['US'],
      listedFrom: '2023-02-16',
    });
    // Listed by MOFCOM in 2023 (unreliable entity list) and again in 2025 (export control list).
    expect(named('cn.countersanctions', 'Lockheed Martin Corporation').programs).toEqual(['UEL', 'List of Export Controls']);
    expect(entry('cn.countersanctions:Q117463826')).toMatchObject({ name: 'Joanne M. Drake', type: 'person', listedFrom: '2023-04-07' });
    expect(named('cn.countersanctions', 'Skydio Inc.').aliases).toContain('斯凯迪奥公司');
    expect(named('cn.countersanctions', 'Japan Aerospace Exploration Agency').weakAliases).toEqual(['JAXA']);
  });

  it('BIS MIEU', () => {
    expect(named('bis.mieu', 'Intelligence Bureau of the Joint Staff Department')).toMatchObject({
      countries: ['CN'],
      programs: ['US-BIS-MIEU'],
      listedFrom: '2021-03-16',
    });
    expect(named('bis.mieu', 'Main Intelligence Directorate').weakAliases).toEqual(['GRU']);
  });

  it('trade.gov CSL: sources as programs, boilerplate and mojibake cleaned, address countries', () => {
    const sino = entry('trade.csl:isn-sinobright-import-and-export-company');
    expect(sino).toMatchObject({ name: 'Sinobright Import and Export Company', programs: ['Nonproliferation Sanctions (ISN)', 'INKSNA'] });
    const guian = all.find((e) => e.list === 'trade.csl' && e.name.startsWith('Gui’an New District Huawei'));
    expect(guian).toMatchObject({ programs: ['Entity List (EL)'], countries: ['CN'] });
    const csl2019 = parsed.get('trade_csl_samples/csl_2019_sample.csv')!.entries;
    expect(csl2019.filter((e) => e.programs[0] === 'Entity List (EL)').length).toBeGreaterThan(15);
    for (const e of csl2019) expect(e.name).not.toMatch(/^\s|[\u0080-\u009f]/);
  });

  it('trade.gov CSL rows that republish OFAC entries point at them (sameAs)', () => {
    expect(entry('trade.csl:ssi-18300').sameAs).toEqual(['ofac.cons:18300']);
    expect(entry('ofac.cons:18300').name).toBe('ROSNEFT TRADE LIMITED');
    const republished = all.filter((e) => e.sameAs);
    const ids = new Set(all.map((e) => e.entityId));
    expect(republished.length).toBeGreaterThan(50);
    expect(republished.filter((e) => e.sameAs!.every((s) => ids.has(s))).length).toBeGreaterThan(republished.length * 0.9);
    expect(all.filter((e) => e.list !== 'trade.csl' && e.sameAs)).toEqual([]);
  });

  it('FollowTheMoney: names, aliases in any script, countries through addresses', () => {
    const irgc = entry('opensanctions:NK-2PacmNpiLUmoz4XD2mSt7A');
    expect(irgc).toMatchObject({ name: 'IRGC', type: 'company', countries: ['IR'], programs: ['eu_fsf'], listedFrom: '2012-03-24' });
    expect(irgc.aliases).toContain('Iranian Revolutionary Guard Corps');
    expect(entry('opensanctions:NK-2KeUB68qUJtykm3BuAcazG').aliases).toContain('Татьяна Владимировна ЖУРАВЛЕВА');
  });
});

describe('parseListFile', () => {
  it('uses --list-date over every other source', () => {
    const p = parseListFile(sharedPath('data', 'lists', 'bis_mieu', 'mieu.csv'), { listDate: '2030-01-02' });
    expect(isSkipped(p)).toBe(false);
    if (!isSkipped(p)) expect([p.listDate, p.listDateSource, p.entries[0]?.source.listDate]).toEqual(['2030-01-02', 'flag', '2030-01-02']);
  });

  it('an OFAC companion given alone is skipped with a note, not an error', () => {
    const p = parseListFile(sharedPath('data', 'lists', 'ofac_sdn_2021', 'alt.csv'));
    expect(p).toMatchObject({ skipped: expect.stringMatching(/^OFAC alternate-names file: it is read with its main list file/) });
  });

  it('hashes content: same files, same hash', () => {
    const a = parseListFile(sharedPath('data', 'lists', 'dod_1260h', 'sanctions.csv'));
    const b = parseListFile(sharedPath('data', 'lists', 'dod_1260h', 'sanctions.csv'));
    expect(!isSkipped(a) && !isSkipped(b) && a.contentHash === b.contentHash).toBe(true);
    expect(!isSkipped(a) && a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { main } from '../main.js';
import { memoryIo, type Io } from '../io.js';
import { loadInventory } from '../../inventory/load.js';
import { progressBar } from './scan.js';
import { displayWidth, overflowingLines } from '../render/text.js';
import { scan, type ScanProgress } from '../../scan/index.js';

const PG_URL = process.env['DATACUSTOMS_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MY_URL = process.env['DATACUSTOMS_TEST_MYSQL'] ?? 'mysql://root@127.0.0.1:3306/test';
const tag = `dc_cli_${process.pid}_${Date.now().toString(36)}`;
const KEY = ['--key', 'test-key-not-secret'];

/** Known raw values, all valid for their detectors (reference vectors). */
const RAW = {
  cnId: ['11010519491231002X', '110102199101010078', '360426199101010071', '44011320141005001X'],
  cnMobile: ['13812345678', '13912345678', '13612345678'],
  ssn: ['536-22-1987', '212-67-4532'],
  email: ['zhang.san@example.com', 'li.si@example.org', 'bob.smith@example.net'],
  // Luhn-valid Visa and UnionPay numbers that are not published test numbers (scan.card.testNumbers: those are consumed unreported)
  card: ['4111111111111129', '6200000000000013'],
  iban: ['GB82WEST12345698765432'],
  imei: ['490154203237518'],
  mac: ['D0-50-99-84-A2-A0'],
  // outside the documentation ranges (203.0.113.0/24 and the others are consumed unreported)
  ip: ['203.0.114.45'],
  hkid: ['A123456(3)'],
  twid: ['A123456789'],
};
const ALL_RAW = Object.values(RAW).flat();
/** Also the bare forms (digits and letters only) a formatter might print. */
const FORBIDDEN = [...new Set([...ALL_RAW, ...ALL_RAW.map((v) => v.replace(/[^0-9A-Za-z@.]/g, '')).filter((v) => v.length >= 8)])];

/** A terminal: stdout and stderr both. */
function ttyIo(): Io & { stdout: () => string; stderr: () => string } {
  const m = memoryIo();
  return { ...m, isTTY: true, errIsTTY: true };
}

async function cli(args: string[], io = memoryIo()) {
  const code = await main(['scan', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function assertNoRaw(where: string, text: string): void {
  for (const v of FORBIDDEN) {
    if (text.includes(v)) throw new Error(`raw value ${v.slice(0, 3)}… found in ${where}`);
  }
}

function people(i: number) {
  return {
    name: ['张三', '李四', 'Bob Smith'][i % 3]!,
    idno: i % 3 === 2 ? RAW.ssn[i % 2]! : RAW.cnId[i % 4]!,
    phone: i % 3 === 2 ? '+1 415 555 0132' : RAW.cnMobile[i % 3]!,
    email: RAW.email[i % 3]!,
    card: RAW.card[i % 2]!,
  };
}

describe('datacustoms scan (CLI)', () => {
  let dir: string;
  let pgc: pg.Client;
  let my: mysql.Connection;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dc-scan-cli-'));
    const corpus = join(dir, 'corpus');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(corpus);
    const rows = Array.from({ length: 30 }, (_, i) => people(i));
    writeFileSync(join(corpus, 'people.csv'), 'name,身份证号,手机号,email,card\n' + rows.map((r) => [r.name, r.idno, r.phone, r.email, r.card].join(',')).join('\n') + '\n');
    writeFileSync(join(corpus, 'people-gbk.csv'), iconv.encode('姓名,身份证号,手机号\n' + rows.slice(0, 10).map((r) => [r.name, r.idno, r.phone].join(',')).join('\n') + '\n', 'gbk'));
    writeFileSync(
      join(corpus, 'events.jsonl.gz'),
      gzipSync(
        rows.map((r, i) => JSON.stringify({ id: r.email, ip: RAW.ip[0], imei: RAW.imei[0], mac: RAW.mac[0], n: i })).join('\n') + '\n',
      ),
    );
    writeFileSync(join(corpus, 'accounts.json'), JSON.stringify(rows.map((r) => ({ id: r.phone, iban: RAW.iban[0], hkid: RAW.hkid[0], twid: RAW.twid[0] }))));
    // no header: the first row is data and must neither become field names nor go unscanned
    writeFileSync(join(corpus, 'noheader.csv'), rows.slice(0, 3).map((r) => [r.idno, r.phone, r.email].join(',')).join('\n') + '\n');
    // values used as JSON keys
    writeFileSync(join(corpus, 'keyed.jsonl'), JSON.stringify({ [RAW.email[0]!]: RAW.cnMobile[0], [RAW.cnId[0]!]: 'x' }) + '\n');
    // values as file and directory names
    mkdirSync(join(corpus, RAW.cnMobile[2]!));
    writeFileSync(join(corpus, RAW.cnMobile[2]!, `${RAW.email[2]}.txt`), `card ${RAW.card[0]}\n`);
    writeFileSync(join(corpus, 'app.log'), rows.map((r) => `2026-01-01T00:00:00Z login user=${r.email} from ${RAW.ip[0]} phone ${r.phone}`).join('\n') + '\n');
    const db = new Database(join(corpus, 'app.db'));
    db.exec('CREATE TABLE users (mobile TEXT PRIMARY KEY, idno TEXT, email TEXT)');
    const ins = db.prepare('INSERT INTO users VALUES (?, ?, ?)');
    RAW.cnMobile.forEach((m, i) => ins.run(m, RAW.cnId[i], RAW.email[i]));
    db.close();
    writeFileSync(
      join(corpus, 'people.parquet'),
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'id', data: rows.map((r) => r.idno), type: 'STRING' },
            { name: 'email', data: rows.map((r) => r.email), type: 'STRING' },
          ],
        }),
      ),
    );
    pgc = new pg.Client({ connectionString: PG_URL });
    await pgc.connect().catch((e: Error) => {
      throw new Error(`PostgreSQL is not reachable at ${PG_URL} (${e.message}); start it (.ci/run does)`);
    });
    await pgc.query(`CREATE SCHEMA ${tag}`);
    await pgc.query(`CREATE TABLE ${tag}.customers (idno text PRIMARY KEY, phone text, email text)`);
    for (let i = 0; i < 4; i++) await pgc.query(`INSERT INTO ${tag}.customers VALUES ($1, $2, $3)`, [RAW.cnId[i], RAW.cnMobile[i % 3], RAW.email[i % 3]]);
    await pgc.query(`CREATE TABLE ${tag}.big (id int PRIMARY KEY, phone text)`);
    await pgc.query(`INSERT INTO ${tag}.big SELECT g, '+86 13' || (5 + g % 5) || lpad((g * 7919 % 100000000)::text, 8, '0') FROM generate_series(1, 5000) g`);
    my = await mysql.createConnection({ uri: MY_URL }).catch((e: Error) => {
      throw new Error(`MariaDB/MySQL is not reachable at ${MY_URL} (${e.message}); start it (.ci/run does)`);
    });
    await my.query(`CREATE TABLE \`${tag}\` (email VARCHAR(100) PRIMARY KEY, ssn CHAR(11), phone VARCHAR(30))`);
    await my.query(`INSERT INTO \`${tag}\` VALUES ?`, [RAW.ssn.map((s, i) => [RAW.email[i], s, '+1 415 555 013' + i])]);
  });

  afterAll(async () => {
    await pgc?.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`).catch(() => undefined);
    await pgc?.end().catch(() => undefined);
    await my?.query(`DROP TABLE IF EXISTS \`${tag}\``).catch(() => undefined);
    await my?.end().catch(() => undefined);
  });

  it('never prints or stores a raw value: json, text, inventory, sketches, across every source kind', async () => {
    const corpus = join(dir, 'corpus');
    const inv = join(dir, 'inventory.yaml');
    const sketch = join(dir, 'run.sketch.json');
    writeFileSync(inv, '# hand-written\norganization: { id: acme, name: Acme, organizedIn: US }\n');
    const targets = [corpus, `${PG_URL}?schema=${tag}`, `${MY_URL}?table=${tag}`];
    const json = await cli([...targets, '--format', 'json', ...KEY, '--write-inventory', inv, '--sketch-out', sketch]);
    expect(json.code).toBe(0);
    const text = await cli([...targets, ...KEY, '--sample', '40'], ttyIo());
    expect(text.code).toBe(0);
    const report = JSON.parse(json.out);
    // the scan really found the values (so the absence below means something)
    const types = new Set<string>(report.sources.flatMap((s: { findings: { type: string }[] }) => s.findings.map((f) => f.type)));
    for (const t of ['cn_resident_id', 'cn_mobile', 'us_ssn', 'email', 'payment_card', 'iban', 'imei', 'mac_address', 'ip_address', 'hk_id', 'tw_id']) expect(types).toContain(t);
    expect(report.sources.length).toBe(13);
    const noheader = report.sources.find((x: { source: string }) => x.source.endsWith('noheader.csv'));
    expect(noheader.records).toBe(3);
    expect(noheader.fields.map((f: { field: string }) => f.field)).toEqual(['1', '2', '3']);
    const all = [json.out, json.err, text.out, text.err, readFileSync(inv, 'utf8'), readFileSync(sketch, 'utf8')];
    all.forEach((t, i) => assertNoRaw(['json stdout', 'json stderr', 'text stdout', 'text stderr', 'inventory', 'sketch file'][i]!, t));
    // nothing else was written next to the inputs or the outputs
    expect(readdirSync(dir).sort()).toEqual(['corpus', 'inventory.yaml', 'run.sketch.json']);
    expect(existsSync('.datacustoms/scan.key') && statSync('.datacustoms/scan.key').mtimeMs > Date.now() - 60_000).toBe(false);
  });

  it('gives start/end as UTF-16 offsets into the value (end exclusive), after emoji and Chinese, in every source kind', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-offsets-'));
    // two astral characters (two code units each), then Chinese, then the values
    const value = `😀😀身份证 ${RAW.cnId[0]} 电话 ${RAW.cnMobile[0]}`;
    const nested = `🎉中 ${RAW.cnMobile[1]}`;
    writeFileSync(join(d, 'a.csv'), `id,note\n1,"${value}"\n`);
    writeFileSync(join(d, 'a.jsonl'), JSON.stringify({ id: 1, note: value, n: { x: nested } }) + '\n');
    const db = new Database(join(d, 'a.db'));
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)');
    db.prepare('INSERT INTO t VALUES (1, ?)').run(value);
    db.close();
    const pgTable = `${tag}.offsets`;
    await pgc.query(`CREATE TABLE ${pgTable} (id int PRIMARY KEY, note text)`);
    await pgc.query(`INSERT INTO ${pgTable} VALUES (1, $1)`, [value]);
    const myTable = `${tag}_offsets`;
    await my.query(`CREATE TABLE \`${myTable}\` (id INT PRIMARY KEY, note VARCHAR(200)) CHARACTER SET utf8mb4`);
    await my.query(`INSERT INTO \`${myTable}\` VALUES (1, ?)`, [value]);
    try {
      const { code, out } = await cli([d, `${PG_URL}?table=${pgTable}`, `${MY_URL}?table=${myTable}`, '--format', 'json', ...KEY]);
      expect(code).toBe(0);
      const sources = JSON.parse(out).sources as { source: string; findings: { field: string; type: string; start: number; end: number }[] }[];
      expect(sources).toHaveLength(5);
      for (const src of sources) {
        const byType = (field: string) => Object.fromEntries(src.findings.filter((f) => f.field === field).map((f) => [f.type, [f.start, f.end]]));
        // the expected offsets, computed from the value itself
        const id = value.indexOf(RAW.cnId[0]!);
        const mobile = value.indexOf(RAW.cnMobile[0]!);
        expect(id).toBe(8);
        expect(byType('note'), src.source).toEqual({ cn_resident_id: [id, id + 18], cn_mobile: [mobile, mobile + 11] });
        expect(value.slice(id, id + 18)).toBe(RAW.cnId[0]);
        if (src.source.endsWith('a.jsonl')) expect(byType('n.x')).toEqual({ cn_mobile: [nested.indexOf(RAW.cnMobile[1]!), nested.length] });
      }
    } finally {
      await pgc.query(`DROP TABLE IF EXISTS ${pgTable}`);
      await my.query(`DROP TABLE IF EXISTS \`${myTable}\``);
    }
  });

  it('never prints or stores a raw value of the other types either, nor in progress reports or error messages', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-raw-'));
    const corpus = join(d, 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(corpus);
    // every type the first test does not cover, under a field name that gives it context
    const cells: [string, string, string][] = [
      ['姓名', 'person_name', '欧阳娜娜'],
      ['full_name', 'person_name', 'Jane Doe'],
      ['uscc', 'cn_uscc', '91350100M000100Y43'],
      ['passport_no', 'cn_passport', 'E12345678'],
      ['车牌', 'cn_vehicle_plate', '京A12345'],
      ['收货地址', 'cn_address', '广东省深圳市南山区科技园路1号3栋501室'],
      ['address', 'address', '1600 Pennsylvania Avenue NW'],
      ['itin', 'us_itin', '912-70-1234'],
      ['us_passport', 'us_passport', '123456789'],
      ['routing', 'aba_routing', '021000021'],
      ['phone', 'phone', '+1 415 555 2671'],
      ['location', 'geo_coordinates', '39.9042, 116.4074'],
      ['birthday', 'date_of_birth', '1990-03-07'],
      ['idfa', 'advertising_id', '6D92078A-8246-4BA4-AE5B-76104861E7DC'],
      ['wallet', 'crypto_wallet', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
      ['sequence', 'genomic', 'ACGTACGTTAGCCGATAGCTAGCTAGCATCG'],
      ['diagnosis_code', 'icd10', 'E11.9'],
    ];
    const quote = (v: string) => (/[",]/.test(v) ? `"${v}"` : v);
    writeFileSync(join(corpus, 'every.csv'), cells.map((c) => c[0]).join(',') + '\n' + cells.map((c) => quote(c[2])).join(',') + '\n');
    writeFileSync(join(corpus, 'every.jsonl'), JSON.stringify(Object.fromEntries(cells.map((c) => [c[0], c[2]]))) + '\n');
    // a file named after a value that fails to parse: the error names it masked
    const broken = join(d, `${RAW.cnId[1]}.csv`);
    writeFileSync(broken, 'a,b\n"unterminated\n');
    const forbidden = [...cells.map((c) => c[2]), '1600 Pennsylvania', '4155552671', '9127012', '+14155552671', RAW.cnId[1]!, RAW.cnId[1]!.slice(6, 14)];
    const check = (where: string, text: string) => {
      for (const v of forbidden) if (text.includes(v)) throw new Error(`raw value ${v.slice(0, 2)}… found in ${where}`);
    };
    const inv = join(d, 'inv.yaml');
    const sketch = join(d, 's.json');
    const json = await cli([corpus, '--format', 'json', ...KEY, '--write-inventory', inv, '--sketch-out', sketch]);
    expect(json.code).toBe(0);
    const found = new Set(JSON.parse(json.out).sources.flatMap((x: { findings: { type: string }[] }) => x.findings.map((f) => f.type)));
    for (const [, type] of cells) expect(found, type).toContain(type);
    const text = await cli([corpus, ...KEY], ttyIo());
    expect(text.code).toBe(0);
    const events: ScanProgress[] = [];
    await scan([corpus, broken], { key: 'k', onProgress: (p) => events.push(p) }).catch(() => undefined);
    const failed = await cli([broken, ...KEY]);
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/unterminated quoted field/);
    const all: [string, string][] = [
      ['json stdout', json.out],
      ['json stderr', json.err],
      ['text stdout', text.out],
      ['text stderr', text.err],
      ['inventory', readFileSync(inv, 'utf8')],
      ['sketch file', readFileSync(sketch, 'utf8')],
      ['progress reports', JSON.stringify(events)],
      ['error message', failed.err],
    ];
    expect(events.some((e) => e.source.includes('.csv'))).toBe(true);
    for (const [where, t] of all) check(where, t);
  });

  it('prints the documented JSON shape', async () => {
    const { code, out } = await cli([join(dir, 'corpus', 'people.csv'), '--format', 'json', ...KEY]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(['sources', 'total']);
    const s = r.sources[0];
    expect(Object.keys(s)).toEqual(['source', 'records', 'fields', 'subjects', 'findings', 'findingsTotal', 'categories']);
    expect(s.records).toBe(30);
    expect(Object.keys(s.fields[0])).toEqual(['field', 'types']);
    expect(Object.keys(s.fields[0].types[0])).toEqual(['type', 'count', 'confidence']);
    expect(Object.keys(s.findings[0])).toEqual(['record', 'field', 'type', 'start', 'end', 'confidence', 'masked']);
    // 4 distinct CN IDs and 2 SSNs: exact at this size
    expect(s.subjects).toEqual({ CN: { estimate: 4, error: 0 }, US: { estimate: 2, error: 0 } });
    expect(s.categories).toEqual(expect.arrayContaining(['government_id', 'contact', 'financial_account']));
    const id = s.findings.find((f: { type: string }) => f.type === 'cn_resident_id');
    expect(id.masked).toBe('110105********002X');
    expect(id.end - id.start).toBe(18);
    expect(r.total).toEqual({ sources: 1, records: 30, subjects: s.subjects });
  });

  it('caps listed findings but keeps counts exact', async () => {
    const { out } = await cli([join(dir, 'corpus', 'people.csv'), '--format', 'json', '--max-findings', '5', ...KEY]);
    const s = JSON.parse(out).sources[0];
    expect(s.findings).toHaveLength(5);
    expect(s.findingsTotal).toBeGreaterThan(100);
  });

  it('says in text when more findings are listed than the three it shows', async () => {
    // the line wraps: compare with whitespace collapsed
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    const few = await cli([join(dir, 'corpus', 'people.csv'), '--max-findings', '5', ...KEY]);
    expect(flat(few.out)).toMatch(/findings [\d,]+, first 5 listed in --format json: [^;]*; [^;]*; [^;]*; … total/);
    const f = join(dir, 'four.csv');
    writeFileSync(f, `ssn,email\n${RAW.ssn[0]},${RAW.email[0]}\n${RAW.ssn[1]},${RAW.email[1]}\n`);
    const all = await cli([f, ...KEY]);
    expect(flat(all.out)).toMatch(/findings 4, all listed in --format json: [^;]*; [^;]*; [^;]*; … total/);
  });

  it('samples database tables and states the error of each estimate', async () => {
    const { code, out } = await cli([`${PG_URL}?table=${tag}.big`, '--sample', '500', '--format', 'json', ...KEY]);
    expect(code).toBe(0);
    const s = JSON.parse(out).sources[0];
    expect(s.records).toBe(5000);
    expect(s.sample).toEqual({ rows: 500, of: 5000 });
    const phone = s.fields.find((f: { field: string }) => f.field === 'phone').types[0];
    expect(phone.type).toBe('cn_mobile');
    expect(phone.count).toBe(5000); // every sampled row has one → scaled to the table
    expect(phone.error).toBeGreaterThan(0);
    // 5,000 distinct numbers; the estimate's 95 % interval must cover the truth
    expect(Math.abs(s.subjects.CN.estimate - 5000)).toBeLessThanOrEqual(s.subjects.CN.error);
    expect(s.subjects.CN.error).toBeGreaterThan(0);
    const full = JSON.parse((await cli([`${PG_URL}?table=${tag}.big`, '--format', 'json', ...KEY])).out).sources[0];
    // past 4,096 distinct the sketch estimates; its 95 % error covers the truth
    expect(Math.abs(full.subjects.CN.estimate - 5000)).toBeLessThanOrEqual(full.subjects.CN.error);
    expect(full.sample).toBeUndefined();
  });

  it('merges saved sketches so parts add up without double counting', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-merge-'));
    const a = join(d, 'a.csv');
    const b = join(d, 'b.csv');
    writeFileSync(a, 'phone\n' + Array.from({ length: 3000 }, (_, i) => `+86 138${String(i).padStart(8, '0')}`).join('\n') + '\n');
    writeFileSync(b, 'phone\n' + Array.from({ length: 3000 }, (_, i) => `+86 138${String(i + 2000).padStart(8, '0')}`).join('\n') + '\n');
    const sk = join(d, 'a.sketch.json');
    expect((await cli([a, '--sketch-out', sk, ...KEY, '--format', 'json'])).code).toBe(0);
    const merged = JSON.parse((await cli([b, '--merge', sk, ...KEY, '--format', 'json'])).out);
    const both = JSON.parse((await cli([a, b, ...KEY, '--format', 'json'])).out);
    expect(merged.total.subjects).toEqual(both.total.subjects);
    expect(both.total.subjects.CN.estimate).toBeGreaterThan(4800);
    expect(both.total.subjects.CN.estimate).toBeLessThan(5200);
    // another key cannot merge
    const other = await cli([b, '--merge', sk, '--key', 'another']);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/different scan key/);
    // nor a sketch of another precision
    const p12 = JSON.parse(readFileSync(sk, 'utf8'));
    p12.sources[0].subjects.CN.p = 12;
    writeFileSync(sk, JSON.stringify(p12));
    const precision = await cli([b, '--merge', sk, ...KEY]);
    expect(precision.code).toBe(2);
    expect(precision.err).toMatch(/a\.sketch\.json: sources\[0\]\.subjects\.CN: made with precision p = 12/);
  });

  it('writes one dataset per source, or one for everything with --dataset, that check accepts', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-inv-'));
    const inv = join(d, 'inv.yaml');
    writeFileSync(inv, 'organization: { id: acme, name: Acme, organizedIn: US }\ndatasets:\n  - id: customers # declared\n    categories: [health]\n');
    const r = await cli([join(dir, 'corpus', 'people.csv'), join(dir, 'corpus', 'app.db'), ...KEY, '--write-inventory', inv]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/inventory .*inv\.yaml: added people, app\.users/);
    const r2 = await cli([join(dir, 'corpus', 'people.csv'), join(dir, 'corpus', 'app.db'), ...KEY, '--write-inventory', inv, '--dataset', 'customers']);
    expect(r2.out).toMatch(/updated customers/);
    const loaded = loadInventory([inv]);
    const byId = Object.fromEntries(loaded.datasets.map((x) => [x.id, x]));
    expect(byId['people']!.subjects).toEqual({ CN: 4, US: 2 });
    expect(byId['customers']!.categories[0]).toBe('health');
    expect(byId['customers']!.categories).toContain('government_id');
    // app.db holds 3 of the same 4 CN IDs: the union stays 4
    expect(byId['customers']!.subjects).toEqual({ CN: 4, US: 2 });
    expect(byId['customers']!.scan?.error).toEqual({ CN: 0, US: 0 });
    expect(readFileSync(inv, 'utf8')).toContain('# declared');
    // a sketch of an earlier scan of the same file, merged in, does not name the file twice
    const people = join(dir, 'corpus', 'people.csv');
    const sk = join(d, 'people.sketch.json');
    expect((await cli([people, ...KEY, '--sketch-out', sk])).code).toBe(0);
    expect((await cli([people, ...KEY, '--merge', sk, '--write-inventory', inv, '--dataset', 'again'])).code).toBe(0);
    const again = loadInventory([inv]).datasets.find((x) => x.id === 'again')!;
    expect(again.scan?.source).toBe(people);
  });

  it('a file it cannot write is bad input (exit 2), and then no output is written at all', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-out-'));
    const src = join(dir, 'corpus', 'people.csv');
    const notDir = join(d, 'plain-file');
    writeFileSync(notDir, 'x');
    // a directory that cannot be made (a file is in the way)
    const r1 = await cli([src, ...KEY, '--write-inventory', join(notDir, 'inv.yaml')]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/plain-file\/inv\.yaml: --write-inventory: cannot write: E[A-Z]+/);
    expect(r1.err).not.toMatch(/internal error|at .*\.ts:\d+/);
    // the sketch file cannot be written: the inventory is neither created nor changed
    const fresh = join(d, 'fresh.yaml');
    const r2 = await cli([src, ...KEY, '--write-inventory', fresh, '--sketch-out', join(notDir, 's.json')]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/s\.json: --sketch-out: cannot write/);
    expect(existsSync(fresh)).toBe(false);
    const inv = join(d, 'inv.yaml');
    const before = 'datasets:\n  - id: other # kept\n    categories: [health]\n';
    writeFileSync(inv, before);
    const r3 = await cli([src, ...KEY, '--write-inventory', inv, '--sketch-out', d]);
    expect(r3.code).toBe(2);
    expect(readFileSync(inv, 'utf8')).toBe(before);
    expect(readdirSync(d).sort()).toEqual(['inv.yaml', 'plain-file']); // no temporary file left
  });

  it('a file named by a value is masked in the sketch file too, and in the inventory after a merge', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-label-'));
    const named = join(d, `${RAW.ssn[0]}.csv`);
    writeFileSync(named, readFileSync(join(dir, 'corpus', 'people.csv')));
    const sketch = join(d, 's.json');
    expect((await cli([named, ...KEY, '--sketch-out', sketch])).code).toBe(0);
    assertNoRaw('sketch file', readFileSync(sketch, 'utf8'));
    // a sketch file written by hand (or by an older version) with a raw label
    const raw = JSON.parse(readFileSync(sketch, 'utf8'));
    raw.sources[0].source = named;
    writeFileSync(sketch, JSON.stringify(raw));
    const inv = join(d, 'inv.yaml');
    const r = await cli([join(dir, 'corpus', 'people.csv'), ...KEY, '--merge', sketch, '--write-inventory', inv, '--dataset', 'all']);
    expect(r.code).toBe(0);
    assertNoRaw('inventory', readFileSync(inv, 'utf8'));
    assertNoRaw('stdout', r.out);
  });

  it('an error found while opening a file named by a value masks the name, as errors found while reading do', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-openerr-'));
    writeFileSync(join(d, `${RAW.ssn[0]}.db`), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(2000, 0x5a)]));
    const r = await cli([d, ...KEY]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\*\*\*-\*\*-1987\.db: cannot read/);
    assertNoRaw('stderr', r.err);
  });

  it('control characters in names from the data are shown escaped in the text view, not sent to the terminal', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-ctl-'));
    const f = join(d, 'ctl.csv');
    writeFileSync(f, `"pho\u001b[2Jne\nx",b\n${RAW.cnMobile[0]},1\n`);
    const r = await cli([f, ...KEY]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.out).toContain('pho\\x1b[2Jne\\x0ax');
    expect(r.out.split('\n').filter((l) => l.includes('CONFIDENCE') || l.includes('cn_mobile')).length).toBe(2);
  });

  it('the same file for --write-inventory and --sketch-out is bad input, and the inventory is kept', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-same-'));
    const inv = join(d, 'inv.yaml');
    const before = 'datasets:\n  - id: other # kept\n    categories: [health]\n';
    writeFileSync(inv, before);
    const r = await cli([join(dir, 'corpus', 'people.csv'), ...KEY, '--write-inventory', inv, '--sketch-out', join(d, '.', 'inv.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/inv\.yaml: --sketch-out: is also the --write-inventory file/);
    expect(readFileSync(inv, 'utf8')).toBe(before);
    expect(readdirSync(d)).toEqual(['inv.yaml']);
  });

  it('exits 2 with a located message on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['/nonexistent/file.csv', ...KEY], /\/nonexistent\/file\.csv: no such file/],
      [[join(dir, 'corpus'), '--sample', '0', ...KEY], /--sample: expected a whole number/],
      [[join(dir, 'corpus'), '--format', 'xml', ...KEY], /--format: expected one of text, json/],
      [[join(dir, 'corpus'), '--dataset', 'x', ...KEY], /--dataset: only makes sense with --write-inventory/],
      [[join(dir, 'corpus'), '--merge', join(dir, 'corpus', 'people.csv'), ...KEY], /people\.csv: not a sketch file/],
      [[join(dir, 'corpus'), '--min-confidence', '2', ...KEY], /--min-confidence/],
      [['postgres://postgres:pw@127.0.0.1:1/test', ...KEY], /cannot connect: connection refused/],
      [['postgres://app:pw@…/crm', ...KEY], /^datacustoms: postgres:\/\/app@…\/crm: cannot connect: host "…" is not a host name: put the database server's host name or address in the URL\n$/],
    ];
    for (const [args, msg] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      expect(r.err).not.toContain(':pw@');
    }
  });

  it('a file given twice, or again through its directory, is scanned once', async () => {
    const people = join(dir, 'corpus', 'people.csv');
    const once = JSON.parse((await cli([join(dir, 'corpus'), '--format', 'json', ...KEY])).out);
    const again = await cli([people, join(dir, 'corpus'), join(dir, 'corpus', '.', 'people.csv'), '--format', 'json', ...KEY]);
    expect(again.code).toBe(0);
    const r = JSON.parse(again.out);
    const names = r.sources.map((s: { source: string }) => s.source);
    expect(names).toHaveLength(once.sources.length);
    expect(new Set(names).size).toBe(names.length);
    expect(r.total).toEqual(once.total);
  });

  it('a database without tables is named as one, not as an empty directory', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-emptydb-'));
    const file = join(d, 'empty.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (a TEXT); DROP TABLE t;');
    db.close();
    const r = await cli([file, ...KEY]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`datacustoms: ${file}: database holds no table to scan\n`);
    const both = await cli([file, mkdtempSync(join(tmpdir(), 'dc-emptydir-')), ...KEY]);
    expect(both.err).toMatch(/: no file or table to scan\n$/);
  });

  it('a --merge file that is not JSON is named without quoting its content (it may be data)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-merge-'));
    const data = join(d, 'people.txt');
    writeFileSync(data, `SSN ${RAW.ssn[0]}\n`);
    const r = await cli([join(dir, 'corpus'), '--merge', data, ...KEY]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`datacustoms: ${data}: not a sketch file: not valid JSON\n`);
    assertNoRaw('stderr', r.err);
    const missing = await cli([join(dir, 'corpus'), '--merge', join(d, 'none.json'), ...KEY]);
    expect(missing.err).toMatch(/none\.json: cannot read: ENOENT\n$/);
  });

  it('teaches with examples in --help', async () => {
    const io = memoryIo();
    expect(await main(['scan', '--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/Examples:\n  \$ datacustoms scan examples\/demo\n/);
    expect(io.stdout()).toContain('--write-inventory');
  });
});

describe('scan text fits the width', () => {
  it('80 columns off a terminal: long paths, long and Chinese field names, a skipped file, inventory and sketch lines; nothing lost', async () => {
    const d = mkdtempSync(join(tmpdir(), 'dc-scan-width-'));
    const deep = join(d, 'exports', '2026', 'customer-relationship-management');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(deep, { recursive: true });
    const rows = Array.from({ length: 30 }, (_, i) => people(i));
    writeFileSync(
      join(deep, 'customers-full-export-with-contact-details.csv'),
      'customer_full_legal_name,身份证号码（居民身份证）,mobile_phone_number_primary,email_address_for_marketing,card\n' +
        rows.map((r) => [r.name, r.idno, r.phone, r.email, r.card].join(',')).join('\n') +
        '\n',
    );
    writeFileSync(join(d, 'exports', 'app.log'), rows.map((r) => `2026-01-01T00:00:00Z login user=${r.email} phone ${r.phone}`).join('\n') + '\n');
    writeFileSync(join(deep, 'warehouse-snapshot-2026-01-01.parquet.gz'), gzipSync(Buffer.from('PAR1')));
    const inv = join(d, 'inventories', 'customer-relationship-management-inventory.yaml');
    const sketch = join(d, 'sketches', 'customer-relationship-management-2026-01-01.sketch.json');
    const text = await cli([join(d, 'exports'), ...KEY, '--write-inventory', inv, '--sketch-out', sketch]);
    expect(text.code).toBe(0);
    // only a lone path longer than the line may overflow
    expect(overflowingLines(text.out, 80)).toEqual([]);
    const json = await cli([join(d, 'exports'), ...KEY, '--format', 'json']);
    const report = JSON.parse(json.out) as {
      sources: { source: string; fields: { field: string; types: { type: string; count: number; confidence: number }[] }[]; findings: { masked: string; field: string; record: number }[]; findingsTotal: number }[];
      skipped: { source: string; reason: string }[];
    };
    expect(report.sources).toHaveLength(2);
    expect(report.skipped).toHaveLength(1);
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const all = squeeze(text.out);
    const lines = text.out.split('\n');
    for (const src of report.sources) {
      const start = lines.findIndex((l) => l.startsWith(src.source));
      expect(start).toBeGreaterThanOrEqual(0);
      for (const f of src.fields) {
        expect(lines.some((l, i) => i > start && l.startsWith(`  ${f.field}  `))).toBe(true);
        for (const t of f.types) {
          // the row holds the type, its category and the count; the confidence may go below it
          const row = lines.findIndex((l, i) => i > start && new RegExp(`^  \\S*\\s+${t.type}\\s+\\S+\\s+${t.count}\\b`).test(l));
          expect(row, `${f.field} ${t.type}`).toBeGreaterThan(0);
          expect(lines.slice(row, row + 2).join(' ')).toContain(t.confidence.toFixed(2));
        }
      }
      for (const x of src.findings.slice(0, 3)) expect(all).toContain(squeeze(`${x.masked} (${x.field}, record ${x.record})`));
      expect(all).toContain(squeeze(`findings ${src.findingsTotal.toLocaleString('en-US')}, all listed in --format json:`));
    }
    for (const k of report.skipped) expect(all).toContain(squeeze(`${k.source} ${k.reason}`));
    expect(all).toContain(squeeze(`inventory ${inv}: added`));
    expect(all).toContain(squeeze(`sketches saved to ${sketch} (merge later with --merge ${sketch})`));
    expect(all).toContain(squeeze('total 2 sources, 60 records; distinct subjects:'));
  });
});

describe('scan progress bar', () => {
  it('stays silent for the first second and off a terminal', () => {
    let t = 0;
    const io = ttyIo();
    const bar = progressBar(io, { now: () => t, columns: 80 });
    bar.update({ source: 'a.csv', index: 1, count: 1, done: 10, size: 100, unit: 'bytes' });
    t = 900;
    bar.update({ source: 'a.csv', index: 1, count: 1, done: 50, size: 100, unit: 'bytes' });
    expect(io.stderr()).toBe('');
    const off = memoryIo();
    const bar2 = progressBar(off, { now: () => (t += 2000) });
    bar2.update({ source: 'a.csv', index: 1, count: 1, done: 50, size: 100, unit: 'bytes' });
    expect(off.stderr()).toBe('');
  });

  it('shows progress, rate and ETA after a second, and clears itself', () => {
    let t = 0;
    const io = ttyIo();
    const bar = progressBar(io, { now: () => t, columns: 100 });
    bar.update({ source: 'data/big.csv', index: 2, count: 3, done: 0, size: 400e6, unit: 'bytes' });
    t = 2000;
    bar.update({ source: 'data/big.csv', index: 2, count: 3, done: 200e6, size: 400e6, unit: 'bytes' });
    expect(io.stderr()).toContain('[2/3] data/big.csv ██████████░░░░░░░░░░ 50 % 100.0 MB/s ETA 0:02');
    bar.clear();
    expect(io.stderr().endsWith('\r\u001b[K')).toBe(true);
  });

  it('shows control characters of a file name escaped', () => {
    let t = 0;
    const io = ttyIo();
    const bar = progressBar(io, { now: () => (t += 2000), columns: 100 });
    bar.update({ source: 'data/a\u001b]0;x\u0007.csv', index: 1, count: 1, done: 50, size: 100, unit: 'bytes' });
    expect(io.stderr()).toContain('data/a\\x1b]0;x\\x07.csv');
    expect(io.stderr().replace(/\r\u001b\[K/g, '')).not.toMatch(/[\u0000-\u001f]/);
  });

  it('follows stderr, where it is drawn, not stdout', () => {
    const update = { source: 'a.csv', index: 1, count: 1, done: 50, size: 100, unit: 'bytes' } as const;
    // stdout redirected to a file (`--format json > scan.json`), stderr a terminal: drawn
    let t = 0;
    const redirected = { ...memoryIo(), isTTY: false, errIsTTY: true };
    const bar = progressBar(redirected, { now: () => (t += 2000), columns: 80 });
    bar.update(update);
    expect(redirected.stderr()).toMatch(/\[1\/1\] a\.csv .* 50 % .*MB\/s ETA/);
    expect(redirected.stdout()).toBe('');
    bar.clear();
    expect(redirected.stderr().endsWith('\r\u001b[K')).toBe(true);
    // stdout a terminal, stderr redirected (`2> log`): nothing written to the log
    const logged = { ...memoryIo(), isTTY: true, errIsTTY: false };
    const bar2 = progressBar(logged, { now: () => (t += 2000), columns: 80 });
    bar2.update(update);
    bar2.clear();
    expect(logged.stderr()).toBe('');
  });

  it('fits the terminal when the file name is Chinese (two columns a character)', () => {
    let t = 0;
    const io = ttyIo();
    const bar = progressBar(io, { now: () => (t += 2000), columns: 60 });
    const source = `data/${'客户信息'.repeat(10)}导出.csv`;
    bar.update({ source, index: 1, count: 1, done: 50, size: 100, unit: 'bytes' });
    const line = io.stderr().split('\r\u001b[K').pop()!;
    expect(line).toMatch(/^\[1\/1\] ….*导出\.csv .* 50 % /);
    expect(displayWidth(line)).toBeLessThanOrEqual(59);
    // a short name is shown whole
    const io2 = ttyIo();
    progressBar(io2, { now: () => (t += 2000), columns: 60 }).update({ source: '客户.csv', index: 1, count: 1, done: 50, size: 100, unit: 'bytes' });
    expect(io2.stderr()).toContain('[1/1] 客户.csv ');
  });

  it('counts wide characters as two columns', () => {
    expect(displayWidth('身份证号')).toBe(8);
    expect(displayWidth('\u001b[1mab\u001b[22m')).toBe(2);
  });
});

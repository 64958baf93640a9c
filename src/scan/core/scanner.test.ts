import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../corpus/records.js';
import { cnId15To18 } from '../detectors/cn.js';
import { createSourceScanner, normalizeKey } from './scanner.js';
import { KeyUnits, SUBJECT_PREFIX } from './subject-key.js';
import { DETECTION_TYPES, type DetectionType } from './types.js';

/** The first, plainly written normalization (the reference for the faster one). */
function referenceKey(type: DetectionType, raw: string, jur: string | undefined): string {
  let alnum = '';
  let digits = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      alnum += raw[i];
      digits += raw[i];
    } else if (c >= 65 && c <= 90) alnum += raw[i];
    else if (c >= 97 && c <= 122) alnum += String.fromCharCode(c - 32);
  }
  switch (type) {
    case 'cn_resident_id':
      return alnum.length === 15 ? cnId15To18(alnum) : alnum;
    case 'cn_mobile':
      return `+86${digits.slice(-11)}`;
    case 'phone': {
      if (raw.trimStart().startsWith('+')) return `+${digits}`;
      if (jur === 'US' || jur === 'CA' || (digits.length === 10 && jur !== 'CN')) return `+1${digits.slice(-10)}`;
      if (jur === 'CN') return `+86${digits.charCodeAt(0) === 48 ? digits.slice(1) : digits}`;
      return `+${digits}`;
    }
    default:
      return alnum;
  }
}

describe('source scanner', () => {
  it('reads full-width forms (１３８…, ＋８６, ideographic space) as their ASCII twins: same offsets, masks and subject keys as ASCII', () => {
    const run = (values: [string, string][]) => {
      const keys: [string, string][] = [];
      const sc = createSourceScanner({ onSubject: (j, k) => keys.push([j, k]) });
      sc.scanRecord(1, values);
      return { findings: sc.result().findings.map(({ field, type, start, end, masked }) => ({ field, type, start, end, masked })), keys };
    };
    const wide = run([
      ['手机号', '１３８００１３８０００'],
      ['身份证号', '１１０１０５１９４９１２３１００２Ｘ'],
      ['备注', '电话：＋８６　１３９　１２３４　５６７８，邮箱 ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ'],
    ]);
    const ascii = run([
      ['手机号', '13800138000'],
      ['身份证号', '11010519491231002X'],
      ['备注', '电话：+86 139 1234 5678，邮箱 jane@example.com'],
    ]);
    expect(wide.findings.map((f) => f.type)).toEqual(['cn_mobile', 'cn_resident_id', 'cn_mobile', 'email']);
    expect(wide).toEqual(ascii);
    // no full-width character reaches a mask
    for (const f of wide.findings) expect(f.masked).not.toMatch(/[\uff01-\uff5e]/);
  });

  it('counts every detection exactly while keeping only the first N findings', () => {
    const sc = createSourceScanner({ maxFindings: 3 });
    for (let i = 1; i <= 10; i++) sc.scanRecord(i, [['phone', '13812345678'], ['email', `u${i}@example.com`], ['note', 'nothing here']]);
    const r = sc.result();
    expect(r.records).toBe(10);
    expect(r.findingsTotal).toBe(20);
    expect(r.findings).toHaveLength(3);
    expect(r.findingsTruncated).toBe(true);
    expect(r.fields).toMatchObject([
      { field: 'phone', types: [{ type: 'cn_mobile', count: 10 }] },
      { field: 'email', types: [{ type: 'email', count: 10 }] },
    ]);
    // a field named for its type is reported with high confidence
    for (const f of r.fields) expect(f.types[0]!.confidence).toBeGreaterThan(0.9);
    expect(r.categories).toEqual({ contact: 20 });
    expect(r.findings.map((f) => f.record)).toEqual([1, 1, 2]);
  });

  it('record ids set late apply to the whole record', () => {
    const sc = createSourceScanner();
    sc.beginRecord(1);
    sc.scanField('email', 'a@example.com');
    sc.setRecordId('row-9');
    sc.endRecord();
    expect(sc.result().findings[0]?.record).toBe('row-9');
  });

  it('offers one subject key per record and jurisdiction, the strongest identifier', () => {
    const seen: [string, string][] = [];
    const sc = createSourceScanner({ onSubject: (j, k) => seen.push([j, k]) });
    sc.scanRecord(1, [
      ['phone', '+86 138 1234 5678'],
      ['id', '11010519491231002X'],
      ['ssn', '078-05-1123'],
      ['tel', '(415) 555-2671'],
    ]);
    sc.scanRecord(2, [['mobile', '13812345678']]);
    sc.scanRecord(3, [['身份证号', '110105491231002']]);
    expect(seen).toEqual([
      ['CN', 'cn_resident_id:11010519491231002X'],
      ['US', 'us_ssn:078051123'],
      ['CN', 'phone:+8613812345678'],
      ['CN', 'cn_resident_id:11010519491231002X'],
    ]);
  });

  it('normalizes keys so formatting does not split a person', () => {
    expect(normalizeKey('cn_mobile', '138-1234-5678', 'CN')).toBe(normalizeKey('cn_mobile', '+86 13812345678', 'CN'));
    expect(normalizeKey('phone', '(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizeKey('phone', '+1 415 555 2671', 'US')).toBe('+14155552671');
    expect(normalizeKey('phone', '010-12345678', 'CN')).toBe('+861012345678');
    expect(normalizeKey('cn_resident_id', '11010519491231002x', 'CN')).toBe('11010519491231002X');
  });

  it('normalizes exactly as the plain reference does (property)', () => {
    const types: DetectionType[] = ['cn_resident_id', 'cn_mobile', 'phone', 'us_ssn', 'hk_id', 'cn_passport'];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.string({ unit: fc.constantFrom('0', '1', '8', '6', 'X', 'x', 'A', '-', ' ', '+', '(', ')', '\u3000', '\t') }),
        fc.constantFrom('CN', 'US', 'CA', 'HK', undefined),
        (type, raw, jur) => {
          expect(normalizeKey(type, raw, jur)).toBe(referenceKey(type, raw, jur));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes the same keys as code units as it gives as strings (property)', () => {
    const units = new KeyUnits();
    fc.assert(
      fc.property(
        fc.constantFrom(...DETECTION_TYPES),
        fc.string({ unit: fc.constantFrom('0', '1', '8', '6', 'X', 'x', 'A', 'z', '-', ' ', '+', '(', ')', '\u3000', '\t', '中') }),
        fc.constantFrom('CN', 'US', 'CA', 'HK', 'GB', undefined),
        fc.nat(3),
        (type, raw, jur, pad) => {
          const ti = DETECTION_TYPES.indexOf(type);
          const s = '#'.repeat(pad) + raw + '#';
          const n = units.writeString(ti, s, pad, pad + raw.length, jur);
          expect(String.fromCharCode(...units.buf.subarray(0, n))).toBe(SUBJECT_PREFIX[ti] + normalizeKey(type, raw, jur));
          units.clear(n);
          expect(units.buf.subarray(0, n).every((c) => c === 0)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('writes a legacy 15-digit resident ID as units in its 18-digit form, as the string form does', () => {
    const units = new KeyUnits();
    const ti = DETECTION_TYPES.indexOf('cn_resident_id');
    for (const raw of ['110105491231002', '440305550515842', ' 130503 670401 001 ', '11010549123100a']) {
      const s = `,${raw},`;
      const n = units.writeString(ti, s, 1, 1 + raw.length, 'CN');
      expect(String.fromCharCode(...units.buf.subarray(0, n))).toBe(SUBJECT_PREFIX[ti] + normalizeKey('cn_resident_id', raw, 'CN'));
      units.clear(n);
    }
  });

  it('gives a subject sink the keys the onSubject hook gets', () => {
    const strings: [string, string][] = [];
    const fromUnits: [string, string][] = [];
    const a = createSourceScanner({ onSubject: (j, k) => strings.push([j, k]) });
    const b = createSourceScanner({ subjectSink: { addUnits: (j, u, n) => fromUnits.push([j, String.fromCharCode(...u.subarray(0, n))]) } });
    const g = new CorpusGenerator(7);
    for (let i = 0; i < 300; i++) {
      const rec = g.next();
      const fields = Object.entries(rec.fields).map(([f, v]) => [f, v.value] as const);
      a.scanRecord(rec.id, fields);
      b.scanRecord(rec.id, fields);
    }
    expect(strings.length).toBeGreaterThan(100);
    expect(fromUnits).toEqual(strings);
  });

  it('never keeps a raw value: the whole result holds masked samples only', () => {
    const g = new CorpusGenerator(5);
    const sc = createSourceScanner({ maxFindings: 100_000 });
    const raws: string[] = [];
    for (let i = 0; i < 300; i++) {
      const rec = g.next();
      const fields = Object.entries(rec.fields).map(([f, v]) => [f, v.value] as const);
      sc.scanRecord(rec.id, fields);
      for (const v of Object.values(rec.fields)) for (const l of v.labels) raws.push(v.value.slice(l.start, l.end));
    }
    const out = JSON.stringify(sc.result());
    const leaked = raws.filter((raw) => raw.length >= 6 && out.includes(raw));
    expect(raws.length).toBeGreaterThan(1000);
    expect(leaked).toEqual([]);
  });
});

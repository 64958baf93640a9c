import { describe, expect, it } from 'vitest';
import { DETECTION_TYPES, type DetectionType } from '../core/types.js';
import { detect, mask } from './index.js';
import { maskMatch } from './mask.js';

describe('masked samples', () => {
  it('follow the table in mask.ts', () => {
    const table: [DetectionType, string, string][] = [
      ['cn_resident_id', '11010519491231002X', '110105********002X'],
      ['cn_mobile', '+86 13812345678', '+86 138****5678'],
      ['payment_card', '6222 0212 3456 1234', '6222 **** **** 1234'],
      ['us_ssn', '078-05-6789', '***-**-6789'],
      ['email', 'jane@example.com', 'j***@e******.com'],
      ['ip_address', '192.168.1.20', '192.168.*.*'],
      ['mac_address', 'D0:50:99:84:A2:A0', 'D0:50:99:**:**:**'],
      ['geo_coordinates', '39.9042, 116.4074', '39.9*, 116.4*'],
      ['date_of_birth', '1990-03-07', '1990-**-**'],
      ['person_name', '张三', '张*'],
      ['person_name', 'Jane Doe', 'J*** ***'],
      ['cn_address', '北京市朝阳区建国路', '北京市******'],
      ['cn_passport', 'E12345678', 'E1*****78'],
    ];
    for (const [type, raw, want] of table) expect(maskMatch(raw, type), type).toBe(want);
  });

  it('hide the middle and at least half of the value, for a detected value of every type', () => {
    const cases: [string, string?][] = [
      ['11010519491231002X'], ['110105491231002'], ['13812345678'], ['+86 138-1234-5678'], ['91350100M000100Y43', 'uscc'],
      ['E12345678', 'passport_no'], ['A123456(3)'], ['A123456789'], ['京A12345'], ['粤B·D12345'],
      ['广东省深圳市南山区科技园路1号3栋501室', '收货地址'], ['536-22-1987', 'ssn'], ['912-70-1234', 'itin'], ['passport 123456789'],
      ['routing 021000021'], ['+1 415 555 2671'], ['+44 20 7946 0958'], ['zhang.san@example.com'], ['203.0.114.45'],
      ['2a01:4f8:85a3::8a2e:370:7334'], ['D0-50-99-84-A2-A0'], ['490154203237518', 'imei'], ['4111111111111129'],
      ['6200000000000013'], ['GB82WEST12345698765432'], ['at 39.9042, 116.4074'], ['DOB 1990-03-07'], ['1990年3月7日', '出生日期'],
      ['03/07/1990', 'birthday'], ['6D92078A-8246-4BA4-AE5B-76104861E7DC', 'idfa'], ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
      ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'], ['ACGTACGTTAGCCGATAGCTAGCTAGCATCG'], ['diagnosis E11.9'],
      ['欧阳娜娜', '姓名'], ['John Smith', 'full_name'], ['1600 Pennsylvania Avenue NW', 'address'],
    ];
    const seen = new Set<DetectionType>();
    // letters, digits and CJK: what identifies; separators and punctuation do not
    const counts = (s: string) => [...s].filter((c) => /[0-9A-Za-z\u3400-\u9fff]/u.test(c)).length;
    for (const [value, field] of cases) {
      for (const d of detect(value, field)) {
        seen.add(d.type);
        const raw = value.slice(d.start, d.end);
        const m = mask(value, d);
        expect(m, `${d.type} ${raw}`).not.toContain(raw);
        if (d.type === 'genomic') {
          expect(m).toMatch(/^.{1,4}…\[\d+\]$/); // a prefix and the length: `ACGT…[31]`
          continue;
        }
        expect(m, d.type).toContain('*');
        const cc = d.type === 'cn_mobile' || d.type === 'phone' ? 3 : 0; // a country code is kept as is
        expect(counts(m), `${d.type} ${raw} → ${m}`).toBeLessThanOrEqual(Math.ceil(0.6 * counts(raw)) + cc);
        // the middle character (of those that identify) is masked; not checked for the types
        // that keep a documented leading part: an IP's network, a MAC's OUI, whole degrees, a
        // birth year, an ICD-10 chapter
        if (!['ip_address', 'mac_address', 'geo_coordinates', 'date_of_birth', 'icd10'].includes(d.type) && m.length === raw.length) {
          const idx = [...raw].map((c, i) => (/[0-9A-Za-z\u3400-\u9fff]/u.test(c) ? i : -1)).filter((i) => i >= 0);
          const mid = idx[Math.floor(idx.length / 2)]!;
          expect([...m][mid], `${d.type} ${raw} → ${m}`).toBe('*');
        }
      }
    }
    // every type was exercised
    expect(DETECTION_TYPES.filter((t) => !seen.has(t))).toEqual([]);
  });
});

describe('masked samples of full-width values', () => {
  it('mask full-width digits and letters as their ASCII twins (they came out whole)', () => {
    const cases: [string, string | undefined, DetectionType, string][] = [
      ['手机号：１３８１２３４５６７８。', undefined, 'cn_mobile', '138****5678'],
      ['１１０１０５１９４９１２３１００２Ｘ', undefined, 'cn_resident_id', '110105********002X'],
      ['邮箱：ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', undefined, 'email', 'j***@e******.com'],
      ['卡号：４１１１　１１１１　１１１１　１１２９', undefined, 'payment_card', '4111 **** **** 1129'],
    ];
    for (const [value, field, type, want] of cases) {
      const d = detect(value, field).find((x) => x.type === type);
      expect(d, value).toBeDefined();
      expect(mask(value, d!), value).toBe(want);
    }
    expect(maskMatch('１３８１２３４５６７８', 'cn_mobile')).toBe('138****5678');
    // ASCII and Han are left as they are
    expect(maskMatch('北京市朝阳区建国路', 'cn_address')).toBe('北京市******');
  });
});

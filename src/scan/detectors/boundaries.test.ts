/**
 * Boundary and checksum cases for the detectors, taken from the notes
 * (/work/shared/reference/pii-detection.md §5): each rule is tested on both sides of its edge.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectionType } from '../core/types.js';
import { abaValid, hkidValid, ibanMod97Valid, luhnValid } from './checksums.js';
import { cnId15Valid, cnId18Valid } from './cn.js';
import { detect } from './index.js';

const types = (value: string, field?: string): DetectionType[] => detect(value, field).map((d) => d.type);

/** GB 11643 check character, written as ISO 7064 MOD 11-2 over the digits (r = Σ dᵢ·2^(18−i) mod 11). */
function mod11_2(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}
const id18 = (region: string, yyyymmdd: string, seq = '002') => {
  const first17 = region + yyyymmdd + seq;
  return first17 + mod11_2(first17);
};

describe('China resident ID: birth date, region, check character', () => {
  it('31 February and 30 February are no birth dates', () => {
    expect(cnId18Valid(id18('110105', '19900231'), 0)).toBe(false);
    expect(cnId18Valid(id18('110105', '19900230'), 0)).toBe(false);
    expect(cnId18Valid(id18('110105', '19900228'), 0)).toBe(true);
    expect(types(id18('110105', '19900231'))).toEqual([]);
  });
  it('29 February only in leap years (1900 is not one, 2000 is)', () => {
    expect(cnId18Valid(id18('110105', '20230229'), 0)).toBe(false);
    expect(cnId18Valid(id18('110105', '19000229'), 0)).toBe(false);
    expect(cnId18Valid(id18('110105', '20000229'), 0)).toBe(true);
    expect(cnId18Valid(id18('110105', '19960229'), 0)).toBe(true);
    // the legacy 15-digit form reads 19YY
    expect(cnId15Valid('110105960229002', 0)).toBe(true);
    expect(cnId15Valid('110105970229002', 0)).toBe(false);
    expect(cnId15Valid('110105000229002', 0)).toBe(false); // 1900-02-29
  });
  it('month 00/13, day 00/32, before 1900 and after today are rejected', () => {
    for (const d of ['19900001', '19901301', '19900100', '19900132', '18991231', '20991231']) expect(cnId18Valid(id18('110105', d), 0), d).toBe(false);
    expect(cnId18Valid(id18('110105', '19000101'), 0)).toBe(true);
    expect(cnId18Valid(id18('110105', '19901231'), 0)).toBe(true);
  });
  it('province codes 11–15, 21–23, 31–37, 41–46, 50–54, 61–65 and 81–83; 71 is not issued', () => {
    const ok = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 81, 82, 83]);
    for (let p = 10; p <= 99; p++) expect(cnId18Valid(id18(`${p}0105`, '19900101'), 0), String(p)).toBe(ok.has(p));
  });
  it('valid by construction accepted; one digit changed or the check changed rejected', () => {
    const region = fc.constantFrom('110105', '310115', '440113', '650102', '810000', '830000');
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
    fc.assert(
      fc.property(region, date, fc.stringMatching(/^[0-9]{3}$/), fc.nat(16), fc.integer({ min: 1, max: 9 }), (r, d, seq, at, delta) => {
        const good = id18(r, d, seq);
        expect(cnId18Valid(good, 0), good).toBe(true);
        // weights 2^k mod 11 are never 0 and 11 is prime: any one-digit change moves the check
        const changed = good.slice(0, at) + String((Number(good[at]) + delta) % 10) + good.slice(at + 1);
        expect(cnId18Valid(changed, 0), changed).toBe(false);
        const wrongCheck = good.slice(0, 17) + (good[17] === 'X' ? '0' : 'X');
        expect(cnId18Valid(wrongCheck, 0)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('US SSN and ITIN ranges', () => {
  it('area 000, 666 and 900–999 are never SSNs; 001, 665, 667, 899 are', () => {
    for (const v of ['000-12-3456', '666-12-3456']) expect(types(v), v).toEqual([]);
    for (const v of ['001-12-3456', '665-12-3456', '667-12-3456', '899-12-3456']) expect(types(v), v).toEqual(['us_ssn']);
    // 9xx with a group outside the ITIN ranges: neither
    expect(types('900-12-3456')).toEqual([]);
  });
  it('group 00 and serial 0000 are invalid; 01 and 0001 are valid', () => {
    expect(types('123-00-4567')).toEqual([]);
    expect(types('123-45-0000')).toEqual([]);
    expect(types('123-01-4567')).toEqual(['us_ssn']);
    expect(types('123-45-0001')).toEqual(['us_ssn']);
    expect(types('ssn 123004567')).toEqual([]);
    expect(types('ssn 123450000')).toEqual([]);
  });
  it('the published sample numbers and all-one-digit numbers are dropped', () => {
    for (const v of ['078-05-1120', '219-09-9999', '457-55-5462', '123-45-6789', '111-11-1111', '555 55 5555']) expect(types(v), v).toEqual([]);
    expect(types('078-05-1123')).toEqual(['us_ssn']); // Presidio's valid-looking neighbour
    expect(types('078 00 1123')).toEqual([]);
    expect(types('693-09.4444')).toEqual([]); // mixed delimiters
  });
  it('ITIN groups 50–65, 70–88, 90–92, 94–99, on both sides of every edge', () => {
    const itin = (g: number) => types(`912-${String(g).padStart(2, '0')}-3456`);
    for (const g of [50, 65, 70, 88, 90, 92, 94, 99]) expect(itin(g), String(g)).toEqual(['us_itin']);
    for (const g of [1, 49, 66, 69, 89, 93]) expect(itin(g), String(g)).toEqual([]);
  });
});

describe('IBAN per-country length and mod 97', () => {
  const valid = ['GB82WEST12345698765432', 'DE89370400440532013000', 'BE68539007547034', 'NO9386011117947', 'FR1420041010050500013M02606'];
  it('the exact length of the country; one character more or less is rejected', () => {
    for (const v of valid) {
      expect(types(v), v).toEqual(['iban']);
      expect(types(`${v}1`), `${v}1`).toEqual([]);
      expect(types(v.slice(0, -1)), v.slice(0, -1)).toEqual([]);
    }
    expect(types('GB82 WEST 1234 5698 7654 321')).toEqual([]);
    expect(types('GB82 WEST 1234 5698 7654 3')).toEqual([]);
  });
  it('a country code without IBAN (CN, US) is never one, whatever the checksum', () => {
    // mod 97 = 1 by construction for a CN prefix
    const bban = '12345678901234567890';
    const n = BigInt(`${bban}1223` + '00'); // C=12 N=23
    const cd = String(98n - (n % 97n)).padStart(2, '0');
    const fake = `CN${cd}${bban}`;
    expect(ibanMod97Valid(fake, 0, fake.length)).toBe(true);
    expect(types(fake)).toEqual([]);
  });
  it('valid by construction accepted; one digit changed rejected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{18}$/), fc.nat(17), fc.integer({ min: 1, max: 9 }), (bban, at, delta) => {
        const n = BigInt(`${bban}1314` + '00'); // D=13 E=14
        const iban = `DE${String(98n - (n % 97n)).padStart(2, '0')}${bban}`;
        expect(types(iban), iban).toEqual(['iban']);
        const k = 4 + at;
        const bad = iban.slice(0, k) + String((Number(iban[k]) + delta) % 10) + iban.slice(k + 1);
        expect(ibanMod97Valid(bad, 0, bad.length), bad).toBe(false);
        expect(types(bad)).not.toContain('iban');
      }),
      { numRuns: 300 },
    );
  });
});

describe('payment cards, IMEI, ABA', () => {
  it('Mastercard 2221–2720 only (2220 and 2721 are not), with Luhn', () => {
    const withLuhn = (p15: string) => {
      for (let d = 0; d < 10; d++) if (luhnValid(p15 + d, 0, 16)) return p15 + d;
      throw new Error('unreachable');
    };
    expect(types(withLuhn('222100000000000'))).toEqual(['payment_card']);
    expect(types(withLuhn('272099000000000'))).toEqual(['payment_card']);
    expect(types(withLuhn('222000000000000'))).toEqual([]);
    expect(types(withLuhn('272100000000000'))).toEqual([]);
  });
  it('UnionPay 62 that fails Luhn: only with bank-card context', () => {
    expect(types('6200000000000006')).toEqual([]);
    expect(types('银行卡 6200000000000006')).toEqual(['payment_card']);
    expect(types('6200000000000013')).toEqual(['payment_card']);
    // the same in the 4-4-4-4(-3) groups a card is printed in
    expect(types('6200 0000 0000 0006')).toEqual([]);
    expect(detect('银行卡 6200 0000 0000 0006').map((d) => [d.type, d.start, d.end])).toEqual([['payment_card', 4, 23]]);
    expect(detect('卡号：6222-0212-3456-7890-124。').map((d) => [d.type, d.start, d.end])).toEqual([['payment_card', 3, 26]]);
    expect(types('6222 0212 3456 1234', 'bank_card')).toEqual(['payment_card']);
    // not a 62 number, too short, or a longer chain: nothing
    expect(types('银行卡 6300 0000 0000 0006')).toEqual([]);
    expect(types('银行卡 6200 0000 0000 006')).toEqual([]);
    expect(types('银行卡 6200 0000 0000 0000 0006')).toEqual([]);
  });
  it('IMEI: 15 digits with Luhn; one digit changed is not an IMEI', () => {
    expect(types('490154203237518')).toEqual(['imei']);
    expect(types('490154203237519')).toEqual([]);
    expect(types('IMEI 49015420323751')).toEqual(['imei']); // 14 digits, no check digit: context only
    expect(types('49015420323751')).toEqual([]);
  });
  it('IMEI in its printed groups AA-BBBBBB-CCCCCC-D: Luhn, and IMEI context', () => {
    expect(detect('IMEI: 49-015420-323751-8').map((d) => [d.type, d.start, d.end])).toEqual([['imei', 6, 24]]);
    expect(types('串号 35 209900 176148 1')).toEqual(['imei']);
    expect(types('49-015420-323751-8', 'imei')).toEqual(['imei']);
    expect(types('IMEI 49-015420-323751')).toEqual(['imei']); // 14 digits, no check digit
    expect(types('IMEI 49-015420-323751-9')).toEqual([]); // Luhn fails
    expect(types('49-015420-323751-8')).toEqual([]); // no context
    expect(types('IMEI 49-015420-323751-8-2')).toEqual([]); // a longer chain
  });
  it('ABA 3-7-1 checksum: valid by construction accepted with context, one digit changed rejected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), fc.constantFrom(0, 1, 3, 4, 6, 7), fc.integer({ min: 1, max: 9 }), (p8, at, delta) => {
        const w = [3, 7, 1, 3, 7, 1, 3, 7];
        const sum = [...p8].reduce((t, c, i) => t + Number(c) * w[i]!, 0);
        const good = p8 + String((10 - (sum % 10)) % 10);
        expect(abaValid(good, 0)).toBe(true);
        // weights 3 and 7 are prime to 10 (weight 1 too)
        const bad = good.slice(0, at) + String((Number(good[at]) + delta) % 10) + good.slice(at + 1);
        expect(abaValid(bad, 0)).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(types('routing 021000021')).toEqual(['aba_routing']);
    expect(types('routing 021000022')).toEqual([]);
  });
  it('ABA first digit 0–3 or 6–8 (Presidio [0123678]); the all-zero placeholder is no routing number', () => {
    // checksum-valid numbers for every first digit: only the listed ones are routing numbers
    for (const [v, ok] of [['021000021', true], ['121000358', true], ['231372691', true], ['322271627', true], ['500000005', false], ['400000008', false], ['900000003', false], ['611000017', true], ['711000014', true], ['811000011', true]] as const) {
      const w = [3, 7, 1, 3, 7, 1, 3, 7, 1];
      expect([...v].reduce((t, c, i) => t + Number(c) * w[i]!, 0) % 10, v).toBe(0);
      expect(types(`routing ${v}`), v).toEqual(ok ? ['aba_routing'] : []);
      expect(types(v, 'routing_number'), v).toEqual(ok ? ['aba_routing'] : []);
    }
    expect(types('routing 000000000')).toEqual([]);
    expect(types('000000000', 'aba')).toEqual([]);
    expect(types('routing 000000518')).toEqual(['aba_routing']); // U.S. Treasury: prefix 00 is real
  });
});

describe('HKID check character', () => {
  it('valid by construction accepted (both forms); a changed check rejected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^[0-9]{6}$/), fc.integer({ min: 1, max: 10 }), (letters, digits, delta) => {
        const vals = (letters.length === 1 ? [36] : []).concat([...letters].map((c) => c.charCodeAt(0) - 55), [...digits].map(Number));
        const r = (11 - (vals.reduce((t, v, i) => t + v * (9 - i), 0) % 11)) % 11;
        const ck = (x: number) => (x === 10 ? 'A' : String(x));
        const body = letters + digits;
        expect(hkidValid(`${body}(${ck(r)})`, 0, letters.length as 1 | 2, body.length + 1)).toBe(true);
        expect(hkidValid(`${body}(${ck((r + delta) % 11)})`, 0, letters.length as 1 | 2, body.length + 1)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('geolocation precision (1,000 m → 3 decimals)', () => {
  it('a pair with 3 decimals on both numbers is precise; 2 decimals on either is not', () => {
    expect(types('39.904, 116.407')).toEqual(['geo_coordinates']);
    expect(types('39.90, 116.407')).toEqual([]);
    expect(types('39.904, 116.40')).toEqual([]);
    expect(types('-33.868; 151.209')).toEqual(['geo_coordinates']);
  });
  it('latitude ≤ 90 and longitude ≤ 180 (both sides of each edge)', () => {
    expect(types('90.000, 180.000')).toEqual(['geo_coordinates']);
    expect(types('90.001, 116.407')).toEqual([]);
    expect(types('39.904, 180.001')).toEqual([]);
    expect(types('39.904', 'latitude')).toEqual(['geo_coordinates']);
    expect(types('39.90', 'latitude')).toEqual([]);
    expect(types('90.001', 'latitude')).toEqual([]);
    expect(types('179.999', 'longitude')).toEqual(['geo_coordinates']);
  });
});

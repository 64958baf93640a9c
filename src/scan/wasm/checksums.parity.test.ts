/**
 * The C ports of checksums.ts, keccak.ts and cn.ts (native/scan-engine/checksums.c, keccak.c,
 * cn.c) against the TypeScript functions, one function at a time: the same inputs through
 * both, the same answer expected. The inputs are random strings over the characters each
 * function looks at, valid values made by the corpus generators (which compute the check
 * character), and those valid values with one character changed.
 *
 * The module is the one the loader reads (wasm/scan-engine.wasm, or DATACUSTOMS_SCAN_WASM);
 * it calls the C functions through their `dc_test_*` exports.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ids from '../corpus/identifiers.js';
import { Rng } from '../corpus/random.js';
import * as cs from '../detectors/checksums.js';
import * as cn from '../detectors/cn.js';
import { hashNibble, keccakLower40 } from '../detectors/keccak.js';
import { createWasmEngine, TB } from './wasm-engine.js';

const x = createWasmEngine().testExports();
type CFn = (...args: number[]) => number;
const c = (name: string): CFn => {
  const f = x[name];
  if (typeof f !== 'function') throw new Error(`the scan engine module has no export ${name}: rebuild it (node scripts/build-wasm.mjs)`);
  return f as CFn;
};

/** Writes s into the module's test buffer (zero units around it, as around a value); returns its address. */
function put(s: string): number {
  const p = c('dc_test_text')(s.length);
  const u = new Uint16Array(x.memory.buffer, p, s.length);
  for (let k = 0; k < s.length; k++) u[k] = s.charCodeAt(k);
  return p;
}
const bool = (v: number): boolean => v !== 0;

const runs = { numRuns: 400 };
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Strings of minLength..maxLength characters drawn from `chars` (split by code point). */
const over = (chars: string, minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...Array.from(chars)), { minLength, maxLength }).map((a) => a.join(''));
/** Strings of any UTF-16 code units (lone surrogates and NUL included). */
const units = (minLength: number, maxLength: number) => fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength, maxLength }).map((a) => String.fromCharCode(...a));
/** Values of a corpus generator (which computes the check character), from a random seed. */
const made = (gen: (r: Rng) => string) => fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => gen(new Rng(seed)));
/** A value with one character replaced by one of `chars` (often still the same kind of string, rarely valid). */
const mutated = (values: fc.Arbitrary<string>, chars: string) =>
  fc.tuple(values, fc.nat(), fc.constantFrom(...Array.from(chars))).map(([v, k, ch]) => {
    const at = k % v.length;
    return v.slice(0, at) + ch + v.slice(at + 1);
  });
/** Valid values, the same with a character changed, and random ones. */
const mix = (gen: (r: Rng) => string, chars: string, minLength: number, maxLength: number) =>
  fc.oneof(made(gen), mutated(made(gen), chars), over(chars, minLength, maxLength));

describe('checksums.c against checksums.ts', () => {
  it('luhnValid over any range of digits, separators and letters', () => {
    const values = fc.oneof(mix((r) => ids.groupCard(ids.card(r), r.pick([' ', '-', ''])), `${DIGITS} -A`, 0, 24), over(DIGITS, 18, 32));
    fc.assert(
      fc.property(values, fc.nat(), fc.nat(), (s, a, b) => {
        const from = s.length ? a % (s.length + 1) : 0;
        const to = from + (s.length - from ? b % (s.length - from + 1) : 0);
        expect(bool(c('dc_test_luhn_valid')(put(s), from, to))).toBe(cs.luhnValid(s, from, to));
        expect(bool(c('dc_test_luhn_valid')(put(s), 0, s.length))).toBe(cs.luhnValid(s, 0, s.length));
      }),
      runs,
    );
  });

  it('luhnDigits over digit values', () => {
    fc.assert(
      fc.property(fc.oneof(made((r) => ids.card(r)), over(DIGITS, 0, 20)), (s) => {
        const d = Int8Array.from(Array.from(s, Number));
        const p = put(''.padEnd(32, ' '));
        new Int8Array(x.memory.buffer, p, d.length).set(d);
        expect(bool(c('dc_test_luhn_digits')(p, d.length))).toBe(cs.luhnDigits(d, d.length));
      }),
      runs,
    );
  });

  it('cnIdCheckChar over 17 digits', () => {
    fc.assert(
      fc.property(over(DIGITS, 17, 17), (s) => {
        expect(String.fromCharCode(c('dc_test_cn_id_check_unit')(put(s), 0))).toBe(cs.cnIdCheckChar(s, 0));
      }),
      runs,
    );
  });

  it('usccValid over 18 characters', () => {
    const chars = `${DIGITS}ABCDEFGHJKLMNPQRTUWXYIOSVZa-`;
    fc.assert(
      fc.property(mix(ids.uscc, chars, 18, 18), fc.nat(3), (v, pre) => {
        const s = '9'.repeat(pre) + v;
        expect(bool(c('dc_test_uscc_valid')(put(s), pre))).toBe(cs.usccValid(s, pre));
      }),
      runs,
    );
  });

  it('hkidValid with one or two letters and the check character at either place', () => {
    // ids.hkid gives L123456(7) or LL123456(7): both check positions (bare and bracketed)
    const values = fc.oneof(made(ids.hkid), mutated(made(ids.hkid), `${DIGITS}A(`), over(`${DIGITS}${UPPER}a(`, 11, 11));
    fc.assert(
      fc.property(values, (v) => {
        const s = v.padEnd(11, '0');
        for (const letters of [1, 2] as const) {
          for (const checkAt of [letters + 6, letters + 7]) {
            expect(bool(c('dc_test_hkid_valid')(put(s), 0, letters, checkAt)), `${s} ${letters} ${checkAt}`).toBe(cs.hkidValid(s, 0, letters, checkAt));
          }
        }
      }),
      runs,
    );
  });

  it('twIdValid over 10 characters (citizens and both kinds of resident certificate)', () => {
    const resident = (r: Rng) => {
      const v = ids.twId(r);
      return v[0] + r.pick(['8', '9', 'A', 'B', 'C', 'D', '1']) + v.slice(2);
    };
    const values = fc.oneof(made(ids.twId), made(resident), mutated(made(ids.twId), `${DIGITS}ABDZ`), over(`${DIGITS}ABCDEZa`, 10, 10));
    fc.assert(
      fc.property(values, (s) => {
        expect(bool(c('dc_test_tw_id_valid')(put(s), 0))).toBe(cs.twIdValid(s, 0));
      }),
      runs,
    );
  });

  it('abaValid over 9 characters', () => {
    fc.assert(
      fc.property(mix(ids.aba, `${DIGITS}-`, 9, 9), (s) => {
        expect(bool(c('dc_test_aba_valid')(put(s), 0))).toBe(cs.abaValid(s, 0));
      }),
      runs,
    );
  });

  it('ibanMod97Valid over IBANs compact, grouped, lower case and changed', () => {
    const values = fc.oneof(made(ids.iban), made((r) => ids.iban(r).toLowerCase()), mutated(made(ids.iban), `${DIGITS}AZ -.`), over(`${DIGITS}ABZz -./`, 0, 34));
    fc.assert(
      fc.property(values, (s) => {
        expect(bool(c('dc_test_iban_mod97_valid')(put(s), 0, s.length))).toBe(cs.ibanMod97Valid(s, 0, s.length));
      }),
      runs,
    );
  });

  it('isBase58Char over every code unit', () => {
    for (let u = 0; u < 0x10000; u++) if (bool(c('dc_test_is_base58_char')(u)) !== cs.isBase58Char(u)) expect(`isBase58Char ${u}`).toBe('');
  });

  it('base58CheckVersion / base58CheckValid over addresses, changed ones and random Base58', () => {
    const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    // any version byte, and leading zero bytes (leading '1's)
    const anyVersion = (r: Rng) => {
      const payload = new Uint8Array(21);
      for (let i = 0; i < 21; i++) payload[i] = i === 0 ? r.pick([0, 0, 5, 6, 111, 255]) : i < 3 && r.chance(0.2) ? 0 : r.int(0, 255);
      const h = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
      let n = 0n;
      for (const b of [...payload, ...h.subarray(0, 4)]) n = n * 256n + BigInt(b);
      let out = '';
      for (; n > 0n; n /= 58n) out = B58[Number(n % 58n)]! + out;
      for (let i = 0; i < 21 && payload[i] === 0; i++) out = '1' + out;
      return out;
    };
    const values = fc.oneof(made(ids.btcAddress), made(anyVersion), mutated(made(ids.btcAddress), `${B58}0O`), over(B58, 0, 40));
    fc.assert(
      fc.property(values, (s) => {
        expect(c('dc_test_base58_check_version')(put(s), 0, s.length)).toBe(cs.base58CheckVersion(s, 0, s.length));
        expect(bool(c('dc_test_base58_check_valid')(put(s), 0, s.length))).toBe(cs.base58CheckValid(s, 0, s.length));
      }),
      runs,
    );
  });

  it('bech32Valid over segwit addresses of every witness version, both checksums, either case (ASCII tokens, as engine.ts calls it)', () => {
    const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
    const polymod = cs.polymod;
    const encode = (hrp: string, data: number[], m: boolean): string => {
      const pre = [...[...hrp].map((ch) => ch.charCodeAt(0) >> 5), 0, ...[...hrp].map((ch) => ch.charCodeAt(0) & 31)];
      const mod = polymod([...pre, ...data, 0, 0, 0, 0, 0, 0]) ^ (m ? 0x2bc830a3 : 1);
      const check = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
      return `${hrp}1${[...data, ...check].map((v) => CHARSET[v]).join('')}`;
    };
    const address = fc
      .tuple(fc.constantFrom('bc', 'tb', 'bcrt', 'x1y'), fc.integer({ min: 0, max: 31 }), fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 0, maxLength: 52 }), fc.boolean(), fc.boolean())
      .map(([hrp, version, data, m, upper]) => {
        const v = encode(hrp, [version, ...data], m);
        return upper ? v.toUpperCase() : v;
      });
    const values = fc.oneof(address, mutated(address, `${CHARSET}1bBQ`), over(`${CHARSET}1bcBCio`, 0, 64));
    fc.assert(
      fc.property(values, (s) => {
        expect(bool(c('dc_test_bech32_valid')(put(s), 0, s.length)), s).toBe(cs.bech32Valid(s, 0, s.length));
      }),
      { numRuns: 1000 },
    );
  });

  it('eip55 and Keccak-256 over addresses checksummed, lowered, uppered and with a letter case flipped', () => {
    const flip = (v: string, k: number) => {
      const letters = [...v.slice(2)].map((ch, i) => (/[a-fA-F]/.test(ch) ? i + 2 : -1)).filter((i) => i >= 0);
      if (letters.length === 0) return v;
      const at = letters[k % letters.length]!;
      const ch = v[at]!;
      return v.slice(0, at) + (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) + v.slice(at + 1);
    };
    const values = fc.oneof(
      made(ids.ethAddress),
      made((r) => ids.ethAddress(r).toLowerCase()),
      made((r) => '0x' + ids.ethAddress(r).slice(2).toUpperCase()),
      fc.tuple(made(ids.ethAddress), fc.nat()).map(([v, k]) => flip(v, k)),
      over('0123456789abcdefABCDEF', 40, 40).map((h) => `0x${h}`),
    );
    fc.assert(
      fc.property(values, (s) => {
        const r = c('dc_test_eip55')(put(s), 0);
        const want = cs.eip55(s, 0);
        expect(r === 2 ? 'checksum' : r === 1 ? 'plain' : false).toBe(want);
        const out = c('dc_test_keccak_lower40')(put(s), 2);
        const nibbles = Array.from(new Uint8Array(x.memory.buffer, out, 64));
        keccakLower40(s, 2);
        expect(nibbles).toEqual(Array.from({ length: 64 }, (_, k) => hashNibble(k)));
      }),
      runs,
    );
  });
});

describe('cn.c against cn.ts', () => {
  const NOW = new Date().getUTCFullYear();

  it('validProvince over any two code units', () => {
    fc.assert(
      fc.property(fc.oneof(over(DIGITS, 2, 2), units(2, 2), over('0123456789:;<=>?/', 2, 2)), (s) => {
        expect(bool(c('dc_test_valid_province')(put(s), 0))).toBe(cn.validProvince(s, 0));
      }),
      runs,
    );
  });

  it('daysIn and validBirthDate over dates around the calendar limits and today', () => {
    const year = fc.oneof(fc.integer({ min: 1890, max: NOW + 2 }), fc.constantFrom(1900, 2000, 2100, NOW, NOW + 1), fc.integer({ min: -80000000, max: 80000000 }));
    fc.assert(
      fc.property(year, fc.integer({ min: -2, max: 14 }), fc.integer({ min: -1, max: 32 }), (y, m, d) => {
        expect(c('dc_test_days_in')(y, m)).toBe(cn.daysIn(y, m));
        expect(bool(c('dc_test_valid_birth_date')(y, m, d)), `${y}-${m}-${d}`).toBe(cn.validBirthDate(y, m, d));
      }),
      { numRuns: 2000 },
    );
    const today = new Date();
    const [y, m, d] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
    expect(bool(c('dc_test_valid_birth_date')(y, m, d))).toBe(cn.validBirthDate(y, m, d));
  });

  it('num over digits and any other code units: the same number, held to the i32 range in C', () => {
    const i32 = (v: number) => Math.min(2147483647, Math.max(-2147483648, v));
    fc.assert(
      fc.property(fc.oneof(over(DIGITS, 0, 12), units(0, 4), units(0, 12)), (s) => {
        const v = cn.num(s, 0, s.length);
        expect(c('dc_test_num')(put(s), 0, s.length)).toBe(i32(v));
        // up to 4 units (every caller's length) the number always fits
        if (s.length <= 4) expect(c('dc_test_num')(put(s), 0, s.length)).toBe(v);
      }),
      runs,
    );
  });

  it('cnId18Valid and cnId15Valid over resident IDs, changed ones and random digits', () => {
    const lowerX = made(ids.cnResidentId)
      .filter((v) => v.endsWith('X'))
      .map((v) => `${v.slice(0, 17)}x`);
    const id18 = fc.oneof(made(ids.cnResidentId), made(ids.cnResidentIdBroken), lowerX, mutated(made(ids.cnResidentId), `${DIGITS}Xx`), over(DIGITS, 17, 17).map((v) => `${v}X`), over(DIGITS, 18, 18));
    fc.assert(
      fc.property(id18, (s) => {
        expect(bool(c('dc_test_cn_id18_valid')(put(s), 0)), s).toBe(cn.cnId18Valid(s, 0));
      }),
      runs,
    );
    // the end of February in years 00–99 (19YY: 1900 is no leap year, 1904 is)
    const february = fc
      .tuple(made(ids.cnResidentId15), fc.integer({ min: 0, max: 99 }), fc.constantFrom('28', '29', '30'))
      .map(([v, yy, dd]) => `${v.slice(0, 6)}${String(yy).padStart(2, '0')}02${dd}${v.slice(12)}`);
    const id15 = fc.oneof(made(ids.cnResidentId15), february, mutated(made(ids.cnResidentId15), DIGITS), over(DIGITS, 15, 15));
    fc.assert(
      fc.property(id15, (s) => {
        expect(bool(c('dc_test_cn_id15_valid')(put(s), 0)), s).toBe(cn.cnId15Valid(s, 0));
      }),
      runs,
    );
  });

  it('notNameWordAt and startsWithAny (compound surnames, name keywords) at every place of Han text', () => {
    const pieces = [...cn.NOT_NAME_WORDS, ...cn.COMPOUND_SURNAMES, ...cn.NAME_KEYWORDS, '张', '关', '客', '欧', '满', '意', 'a', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((a) => a.join('')), (s) => {
        const p0 = put(s);
        for (let p = 0; p + 2 <= s.length; p++) expect(bool(c('dc_test_not_name_word_at')(p0, p)), `${s} ${p}`).toBe(cn.notNameWordAt(s, p));
        for (let p = 0; p < s.length; p++) {
          expect(bool(c('dc_test_starts_with_any')(p0, p, TB.COMPOUND_SURNAMES))).toBe(cn.startsWithAny(s, p, cn.COMPOUND_SURNAMES));
          expect(bool(c('dc_test_starts_with_any')(p0, p, TB.NAME_KEYWORDS))).toBe(cn.startsWithAny(s, p, cn.NAME_KEYWORDS));
        }
      }),
      runs,
    );
  });

  it('isNameEnd, isHan, isPlateChar and isAddressChar over every code unit', () => {
    for (let u = 0; u < 0x10000; u++) {
      if (bool(c('dc_test_is_name_end')(u)) !== cn.isNameEnd(u)) expect(`isNameEnd ${u}`).toBe('');
      if (bool(c('dc_test_is_han')(u)) !== cn.isHan(u)) expect(`isHan ${u}`).toBe('');
      if (bool(c('dc_test_is_plate_char')(u)) !== cn.isPlateChar(u)) expect(`isPlateChar ${u}`).toBe('');
      if (bool(c('dc_test_is_address_char')(u)) !== cn.isAddressChar(u)) expect(`isAddressChar ${u}`).toBe('');
    }
  });

  it('plateAt over plates, plates with a separator or a 挂/学/警 ending, and what follows them', () => {
    const plate = fc.tuple(made(ids.cnPlate), fc.constantFrom('', '·', '•', ' '), fc.constantFrom('', '挂', '学', '警'), fc.nat(7)).map(([v, sep, end, cut]) => {
      const body = v.slice(2);
      return v.slice(0, 2) + sep + (end ? body.slice(0, 4) + end : body.slice(0, body.length - (cut > 5 ? cut - 5 : 0)));
    });
    const after = over(`${DIGITS}ADFIOaz 京-号`, 0, 3);
    const values = fc.tuple(plate, after).map(([p, a]) => p + a);
    const all = fc.oneof(values, mutated(values, `${DIGITS}ADFIO·挂a`), over(`京A${DIGITS}DFIO·• 挂学a`, 1, 12).map((v) => `京${v}`));
    fc.assert(
      fc.property(all, fc.nat(), (s, cut) => {
        const to = s.length - (cut % Math.min(4, s.length));
        expect(c('dc_test_plate_at')(put(s), 0, to), `${s} ${to}`).toBe(cn.plateAt(s, 0, to));
      }),
      { numRuns: 1000 },
    );
  });

  it('addressIn over runs of province names, markers, numbers and other Han', () => {
    const pieces = [...cn.PROVINCE_NAMES, '北', '京', '黑龙', '市', '区', '省', '县', '镇', '路', '街', '号', '室', '楼', '院', '单元', '层', '88', '3', '-', '#', '朝阳', '中山', '张', 'A'];
    const some = (words: string[], min: number, max: number) => fc.array(fc.constantFrom(...words), { minLength: min, maxLength: max }).map((a) => a.join(''));
    // shaped like an address: [noise] [province] place + admin marker(s), street + street marker, [house numbers] [noise]
    const shaped = fc
      .tuple(
        some(['张', '中', 'A', '1', '北', '市'], 0, 3),
        fc.constantFrom('', '', ...cn.PROVINCE_NAMES, '北', '黑龙', '广'),
        some(['朝阳', '中山', '海', '市', '区', '省', '县', '镇', '乡', '旗'], 1, 4),
        some(['建国', '人民', '路', '街', '号', '巷', '弄', '村'], 1, 3),
        some(['88', '3', '-', '号', '院', '单元', '层', '室', '501', '楼', 'A', '张', '#', '元', '单'], 0, 6),
      )
      .map((a) => a.join(''))
      .filter((v) => v.length > 0);
    const bound = fc.oneof(fc.constant(0), fc.nat());
    fc.assert(
      fc.property(fc.oneof(shaped, some(pieces, 1, 12)), bound, bound, (s, a, b) => {
        const runStart = a % s.length;
        const runEnd = s.length - (b % (s.length - runStart));
        const span = cn.addressIn(s, runStart, runEnd);
        const r = c('dc_test_address_in')(put(s), runStart, runEnd);
        expect(r < 0 ? undefined : [Math.floor(r / 65536), r % 65536], `${s} [${runStart}, ${runEnd})`).toEqual(span);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abaValid, base58CheckValid, base58CheckVersion, bech32Valid, cnIdCheckChar, eip55, hkidValid, ibanMod97Valid, luhnValid, twIdValid, usccValid } from './checksums.js';
import { cnId15To18, cnId15Valid, cnId18Valid } from './cn.js';
import { createHash } from 'node:crypto';
import { hashNibble, keccak256Hex, keccakLower40 } from './keccak.js';
import { cnIdCheck, luhnDigit } from '../corpus/identifiers.js';

const all = (s: string) => [s, 0, s.length] as const;

describe('Luhn', () => {
  it('accepts the published test cards and IMEIs', () => {
    for (const v of ['4111111111111111', '5555555555554444', '371449635398431', '3566002020360505', '6011111111111117', '6200000000000005', '6205500000000000004', '490154203237518', '352099001761481', '354178036859789']) {
      expect(luhnValid(...all(v)), v).toBe(true);
    }
  });
  it('rejects a changed digit', () => {
    expect(luhnValid(...all('4012-8888-8888-1882'))).toBe(false);
    expect(luhnValid(...all('4111111111111112'))).toBe(false);
  });
  it('agrees with the independent check-digit generator for any payload', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11,18}$/), (payload) => {
        const good = payload + luhnDigit(payload);
        expect(luhnValid(...all(good))).toBe(true);
        const bad = payload + String((Number(luhnDigit(payload)) + 1) % 10);
        expect(luhnValid(...all(bad))).toBe(false);
      }),
    );
  });
});

describe('China resident ID (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the published valid numbers', () => {
    for (const v of ['11010519491231002X', '360426199101010071', '44011320141005001X', '110102199101010078']) expect(cnId18Valid(v, 0), v).toBe(true);
  });
  it('rejects the published invalid numbers', () => {
    for (const v of ['110101199003077593', '110101199003077578']) expect(cnId18Valid(v, 0), v).toBe(false);
  });
  it('checks region and birth date too', () => {
    expect(cnId18Valid('991010199101010078', 0)).toBe(false); // province 99
    const bad = '1101021991023000'; // 30 Feb
    expect(cnId18Valid(bad + '0' + cnIdCheckChar(bad + '0', 0), 0)).toBe(false);
  });
  it('computes the check like the independent (1 − 2·n) mod 11 formulation', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}$/), (d) => {
        expect(cnIdCheckChar(d, 0)).toBe(cnIdCheck(d));
      }),
    );
  });
  it('converts a legacy 15-digit number to its 18-digit form', () => {
    expect(cnId15Valid('110105491231002', 0)).toBe(true);
    expect(cnId15To18('110105491231002')).toBe('11010519491231002X');
  });
});

describe('USCC (GB 32100)', () => {
  it('accepts the published codes', () => {
    for (const v of ['91350100M000100Y43', '91110000600037341L', '91310115MA1K3BTP2B', '121200004013590816']) expect(usccValid(v, 0), v).toBe(true);
  });
  it('rejects bad check characters', () => {
    expect(usccValid('91110000600037341N', 0)).toBe(false);
    expect(usccValid('91110000MA001AA123', 0)).toBe(false);
  });
  it('rejects a registration authority code outside 1–9, A–G, N, Y (both checks pass)', () => {
    expect(usccValid(usccWithChecks('91110000', '60003730'), 0)).toBe(true);
    for (const a of ['0', 'H', 'J', 'K', 'X']) {
      const v = usccWithChecks(`${a}1110000`, '60003730');
      expect(usccValid(v, 0), v).toBe(false);
    }
    for (const a of [...'123456789ABCDEFGNY']) expect(usccValid(usccWithChecks(`${a}1110000`, '60003730'), 0), a).toBe(true);
  });
  it('rejects I, O, Z, S, V (not in the 31-symbol alphabet) in any position', () => {
    const good = '91350100M000100Y43';
    for (let k = 1; k < 18; k++) {
      for (const ch of 'IOZSV') expect(usccValid(good.slice(0, k) + ch + good.slice(k + 1), 0), `${k}${ch}`).toBe(false);
    }
  });
  it('valid by construction accepted; any one character changed rejected', () => {
    const alpha = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const ch = fc.constantFrom(...alpha);
    fc.assert(
      fc.property(fc.constantFrom(...'123456789ABCDEFGNY'), ch, fc.stringMatching(/^[0-9]{6}$/), fc.array(ch, { minLength: 8, maxLength: 8 }), fc.nat(17), fc.integer({ min: 1, max: 30 }), (a, cat, region, org, at, delta) => {
        const good = usccWithChecks(a + cat + region, org.join(''));
        expect(usccValid(good, 0)).toBe(true);
        expect(usccValid(`代码${good}。`, 2)).toBe(true);
        // mod 31 with weights prime to 31: every single substitution changes the sum
        const bad = good.slice(0, at) + alpha[(alpha.indexOf(good[at]!) + delta) % 31] + good.slice(at + 1);
        expect(usccValid(bad, 0)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A USCC from its first 8 and the 8 organisation-code characters, both checks computed here. */
function usccWithChecks(head8: string, org8: string): string {
  const alpha = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  // GB 11714: letters count 10 + their place in A…Z
  const ov = (c: string) => (c <= '9' ? Number(c) : 10 + c.charCodeAt(0) - 65);
  const osum = [3, 7, 9, 10, 5, 8, 4, 2].reduce((t, w, k) => t + w * ov(org8[k]!), 0);
  const oc = 11 - (osum % 11);
  const first17 = head8 + org8 + (oc === 10 ? 'X' : oc === 11 ? '0' : String(oc));
  // GB 32100: weights 3^(i−1) mod 31
  let t = 0;
  for (let k = 0, w = 1; k < 17; k++, w = (w * 3) % 31) t += alpha.indexOf(first17[k]!) * w;
  return first17 + alpha[(31 - (t % 31)) % 31]!;
}

describe('HKID and Taiwan ID', () => {
  it('HKID vectors', () => {
    expect(hkidValid('A123456(3)', 0, 1, 8)).toBe(true);
    expect(hkidValid('G123456(A)', 0, 1, 8)).toBe(true);
    expect(hkidValid('AB987654(3)', 0, 2, 9)).toBe(true);
    expect(hkidValid('A123456(4)', 0, 1, 8)).toBe(false);
  });
  it('Taiwan vectors', () => {
    expect(twIdValid('A123456789', 0)).toBe(true);
    expect(twIdValid('A123456788', 0)).toBe(false);
  });
  it('Taiwan: the second character is 1/2 (citizens), 8/9 or A–D (resident certificates), nothing else', () => {
    // each of these passes the weighted sum; only the second character makes them invalid
    for (const v of ['A023456787', 'A323456783', 'A423456785', 'A523456787', 'A623456789', 'A723456781']) expect(twIdValid(v, 0), v).toBe(false);
    expect(twIdValid(twWithCheck('A8', '2345678'), 0)).toBe(true);
    expect(twIdValid(twWithCheck('A9', '2345678'), 0)).toBe(true);
    expect(twIdValid(twWithCheck('AD', '2345678'), 0)).toBe(true);
  });
  it('Taiwan: valid by construction accepted, one digit changed rejected', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'1289ABCD'), fc.stringMatching(/^[0-9]{7}$/), fc.constantFrom(2, 6, 8, 9), fc.integer({ min: 1, max: 9 }), (l, c1, body, k, delta) => {
        const good = twWithCheck(l + c1, body);
        expect(twIdValid(good, 0)).toBe(true);
        // a digit whose weight is prime to 10 (7, 3, 1 and the check digit): any change shows
        const bad = good.slice(0, k) + String((Number(good[k]) + delta) % 10) + good.slice(k + 1);
        expect(twIdValid(bad, 0)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

const TW_CODE = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
/** A Taiwan ID from its first two characters and 7 digits, with the check digit computed here. */
function twWithCheck(head: string, body7: string): string {
  const code = 10 + TW_CODE.indexOf(head[0]!);
  const c1 = head[1]!;
  const d1 = c1 >= 'A' ? (10 + TW_CODE.indexOf(c1)) % 10 : Number(c1);
  const ds = [Math.floor(code / 10), code % 10, d1, ...[...body7].map(Number)];
  const w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  const sum = ds.reduce((a, d, i) => a + d * w[i]!, 0);
  return head + body7 + String((10 - (sum % 10)) % 10);
}

describe('ABA, IBAN', () => {
  it('ABA routing checksum', () => {
    expect(abaValid('021000021', 0)).toBe(true); // JPMorgan Chase NY
    expect(abaValid('011000015', 0)).toBe(true); // Federal Reserve Boston
    expect(abaValid('021000022', 0)).toBe(false);
  });
  it('IBAN mod 97, compact and grouped', () => {
    expect(ibanMod97Valid(...all('GB82WEST12345698765432'))).toBe(true);
    expect(ibanMod97Valid(...all('DE89370400440532013000'))).toBe(true);
    expect(ibanMod97Valid(...all('GB82 WEST 1234 5698 7654 32'))).toBe(true);
    expect(ibanMod97Valid(...all('GB82WEST12345698765433'))).toBe(false);
  });
});

describe('crypto wallets', () => {
  it('Base58Check', () => {
    expect(base58CheckValid(...all('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'))).toBe(true);
    expect(base58CheckValid(...all('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'))).toBe(true);
    expect(base58CheckValid(...all('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'))).toBe(false);
  });
  it('bech32 (BIP-173) and bech32m (BIP-350)', () => {
    expect(bech32Valid(...all('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'))).toBe(true);
    expect(bech32Valid(...all('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'))).toBe(true);
    expect(bech32Valid(...all('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'))).toBe(false);
  });
  it('bech32 for witness version 0 only, bech32m for 1–16 (BIP-350 invalid vectors); no mixed case', () => {
    // BIP-173 valid vectors, all upper case and the 32-byte version-0 program
    expect(bech32Valid(...all('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'))).toBe(true);
    expect(bech32Valid(...all('bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3'))).toBe(true);
    // BIP-350 "invalid address" vectors: version 0 with a bech32m checksum, version 1 with bech32
    expect(bech32Valid(...all('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh'))).toBe(false);
    expect(bech32Valid(...all('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd'))).toBe(false);
    // mixed case (BIP-173: invalid)
    expect(bech32Valid(...all('bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'))).toBe(false);
    expect(bech32Valid(...all('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4'))).toBe(false);
  });
  it('EIP-55 mixed-case checksum', () => {
    expect(eip55('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 0)).toBe('checksum');
    expect(eip55('0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 0)).toBe('checksum');
    expect(eip55('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 0)).toBe(false);
    expect(eip55('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 0)).toBe('plain');
  });
  it('Keccak-256 (Ethereum padding) vectors', () => {
    expect(keccak256Hex('')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(keccak256Hex('abc')).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
    // more than one 136-byte block
    expect(keccak256Hex('a'.repeat(200))).toHaveLength(64);
    expect(keccak256Hex('a'.repeat(200))).not.toBe(keccak256Hex('a'.repeat(201)));
  });
});

// --- the fast wallet checks against straightforward references ------------------------------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();
/** Base58Check by BigInt and node:crypto (the reference the table-free decoder must match). */
function base58CheckRef(s: string): boolean {
  let n = 0n;
  for (const ch of s) {
    const v = B58.indexOf(ch);
    if (v < 0) return false;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.unshift(0);
  if (bytes.length !== 25) return false;
  const h = sha(sha(Uint8Array.from(bytes.slice(0, 21))));
  return bytes.slice(21).every((b, k) => b === h[k]);
}
function base58Encode(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out = '1' + out;
  return out;
}
/** EIP-55 as the standard states it, over keccak256Hex of the lowercased body. */
function eip55Ref(addr: string): 'checksum' | 'plain' | false {
  const hex = addr.slice(2, 42);
  const lower = hex.toLowerCase();
  if (hex === lower || hex === hex.toUpperCase()) return 'plain';
  const hash = keccak256Hex(lower);
  for (let i = 0; i < 40; i++) {
    const c = hex.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((parseInt(hash[i]!, 16) >= 8) !== (c >= 65 && c <= 70)) return false;
  }
  return 'checksum';
}
const alnumChar = fc.constantFrom(...'0123456789abcdefABCDEFghxyzGHXYZ');

describe('wallet checks equal their references', () => {
  it('Base58Check on valid addresses (any payload), one changed character, and random strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 21, maxLength: 21 }), fc.nat(), fc.nat(57), (payload, at, v) => {
        const body = Uint8Array.from([...payload, ...sha(sha(payload)).subarray(0, 4)]);
        const addr = base58Encode(body);
        expect(base58CheckValid(...all(addr))).toBe(true);
        expect(base58CheckRef(addr)).toBe(true);
        const k = at % addr.length;
        const changed = addr.slice(0, k) + B58[v] + addr.slice(k + 1);
        expect(base58CheckValid(...all(changed))).toBe(base58CheckRef(changed));
        // inside a longer string
        expect(base58CheckValid(`x ${addr} y`, 2, 2 + addr.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...B58, '0', 'O', 'l', '1', '1', '1'), minLength: 0, maxLength: 40 }), (s) => {
        expect(base58CheckValid(...all(s))).toBe(base58CheckRef(s));
      }),
      { numRuns: 2000 },
    );
  });
  it('Base58Check version byte: 0x00 and 0x05 for the Bitcoin vectors; any version by construction', () => {
    expect(base58CheckVersion(...all('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'))).toBe(0);
    expect(base58CheckVersion(...all('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'))).toBe(5);
    expect(base58CheckVersion(...all('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'))).toBe(-1);
    fc.assert(
      fc.property(fc.nat(255), fc.uint8Array({ minLength: 20, maxLength: 20 }), (version, hash) => {
        const payload = Uint8Array.from([version, ...hash]);
        const addr = base58Encode(Uint8Array.from([...payload, ...sha(sha(payload)).subarray(0, 4)]));
        expect(base58CheckVersion(...all(addr))).toBe(version);
      }),
      { numRuns: 300 },
    );
  });
  it('EIP-55 on checksummed, case-flipped and random 0x + 40 character bodies', () => {
    fc.assert(
      fc.property(fc.string({ unit: alnumChar, minLength: 40, maxLength: 40 }), fc.nat(39), (body, flip) => {
        const raw = `0x${body}`;
        expect(eip55(raw, 0)).toBe(eip55Ref(raw));
        // the checksummed form of a hex body, and the same with one letter's case flipped
        const lower = body.toLowerCase().replace(/[^0-9a-f]/g, 'a');
        const h = keccak256Hex(lower);
        const good = [...lower].map((c, i) => (c >= 'a' && parseInt(h[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('');
        expect(eip55(`0x${good}`, 0)).toBe(eip55Ref(`0x${good}`));
        const c = good[flip]!;
        const bad = good.slice(0, flip) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + good.slice(flip + 1);
        expect(eip55(`..0x${bad}`, 2)).toBe(eip55Ref(`0x${bad}`));
      }),
      { numRuns: 1000 },
    );
  });
  it('keccakLower40 leaves the hash keccak256Hex prints for the lowercased 40 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: alnumChar, minLength: 40, maxLength: 40 }), (body) => {
        keccakLower40(`ab${body}`, 2);
        let hex = '';
        for (let k = 0; k < 64; k++) hex += hashNibble(k).toString(16);
        expect(hex).toBe(keccak256Hex(body.toLowerCase()));
      }),
      { numRuns: 500 },
    );
  });
});

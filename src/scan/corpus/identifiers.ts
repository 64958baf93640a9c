/**
 * Generators for identifiers with their check digits. Written independently of the
 * validators in src/scan/detectors (different formulations, e.g. the resident-ID check as
 * (1 − 2·int(first17, 13)) mod 11, Luhn by digit-sum tables), so a shared mistake cannot
 * make the F1 figures look good. Each also has a `broken` twin that fails its check:
 * the hard negatives of the corpus.
 */
import { createHash } from 'node:crypto';
import { keccak256Hex } from '../detectors/keccak.js';
import type { Rng } from './random.js';

// --- China ---------------------------------------------------------------------------------------
/** County-level codes (GB/T 2260), a handful per province. */
const COUNTIES = ['110105', '110108', '110102', '120101', '130102', '140105', '150102', '210102', '220102', '230102', '310104', '310115', '320106', '330106', '340104', '350102', '360102', '370102', '410105', '420106', '430104', '440106', '440305', '450103', '460105', '500103', '510104', '520102', '530102', '540102', '610113', '620102', '630102', '640104', '650102'];

export function cnIdCheck(first17: string): string {
  // python-stdnum form: (1 - 2 * int(first17, 13)) % 11, 10 → X
  let v = 0n;
  for (const ch of first17) v = v * 13n + BigInt(ch);
  const r = Number((((1n - 2n * v) % 11n) + 11n) % 11n);
  return r === 10 ? 'X' : String(r);
}

export function birthDate(r: Rng, fromYear = 1940, toYear = 2012): { y: number; m: number; d: number } {
  const y = r.int(fromYear, toYear);
  const m = r.int(1, 12);
  const d = r.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}
const p2 = (n: number): string => String(n).padStart(2, '0');

export function cnResidentId(r: Rng): string {
  const { y, m, d } = birthDate(r);
  const first17 = r.pick(COUNTIES) + y + p2(m) + p2(d) + r.digits(3);
  return first17 + cnIdCheck(first17);
}
export function cnResidentIdBroken(r: Rng): string {
  const id = cnResidentId(r);
  const good = id.slice(17);
  const bad = '0123456789X'.replace(good, '')[r.int(0, 9)]!;
  return id.slice(0, 17) + bad;
}
export function cnResidentId15(r: Rng): string {
  const { y, m, d } = birthDate(r, 1930, 1980);
  return r.pick(COUNTIES) + String(y).slice(2) + p2(m) + p2(d) + r.digits(3);
}

const MOBILE_SEGMENTS = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '185', '186', '187', '188', '189', '191', '198', '199'];
export function cnMobile(r: Rng): string {
  return r.pick(MOBILE_SEGMENTS) + r.digits(8);
}

const USCC_ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function uscc(r: Rng): string {
  // registration authority 9 (market regulation), category 1–3, county code, org code + check
  const org8 = Array.from({ length: 8 }, () => (r.chance(0.8) ? String(r.int(0, 9)) : r.pick([...'ABCDEFGHJKLMNPQRTUWXY']))).join('');
  const ow = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const ch = org8[i]!;
    s += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * ow[i]!;
  }
  const c = 11 - (s % 11);
  const orgCheck = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  const first17 = '9' + r.pick(['1', '2', '3']) + r.pick(COUNTIES) + org8 + orgCheck;
  let t = 0;
  let w = 1;
  for (const ch of first17) {
    t += USCC_ALPHA.indexOf(ch) * w;
    w = (w * 3) % 31;
  }
  return first17 + USCC_ALPHA[(31 - (t % 31)) % 31]!;
}

export function hkid(r: Rng): string {
  const two = r.chance(0.2);
  const letters = two ? String.fromCharCode(r.int(65, 90), r.int(65, 90)) : String.fromCharCode(r.int(65, 90));
  const digits = r.digits(6);
  const vals = (two ? [...letters].map((c) => c.charCodeAt(0) - 55) : [36, letters.charCodeAt(0) - 55]).concat([...digits].map(Number));
  const sum = vals.reduce((a, v, i) => a + v * (9 - i), 0);
  const chk = (11 - (sum % 11)) % 11;
  return `${letters}${digits}(${chk === 10 ? 'A' : chk})`;
}

const TW_CODES: Record<string, number> = { A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33 };
export function twId(r: Rng): string {
  const letter = String.fromCharCode(r.int(65, 90));
  const body = String(r.int(1, 2)) + r.digits(7);
  const code = TW_CODES[letter]!;
  const ds = [Math.floor(code / 10), code % 10, ...[...body].map(Number)];
  const w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  const sum = ds.reduce((a, d, i) => a + d * w[i]!, 0);
  return letter + body + String((10 - (sum % 10)) % 10);
}

export function cnPassport(r: Rng): string {
  return r.chance(0.6) ? `E${r.digits(8)}` : r.chance(0.5) ? `E${r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${r.digits(7)}` : `G${r.digits(8)}`;
}

const PLATE_PROVINCES = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'];
const PLATE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function cnPlate(r: Rng): string {
  const head = r.pick(PLATE_PROVINCES) + String.fromCharCode(r.int(65, 90));
  if (r.chance(0.2)) return head + r.pick(['D', 'F']) + r.digits(5);
  let tail = '';
  for (let i = 0; i < 5; i++) tail += i === 0 || r.chance(0.7) ? String(r.int(0, 9)) : r.pick([...PLATE_CHARS]);
  return head + tail;
}

// --- United States -------------------------------------------------------------------------------
/** Numbers printed as samples (wallet card, ads, docs), the SSA's 987-65-4320…4329 ad block, one digit nine times. */
function sampleNumber(v: string): boolean {
  const d = v.replace(/\D/g, '');
  return ['078051120', '219099999', '457555462', '123456789'].includes(d) || d.startsWith('98765432') || /^(\d)\1{8}$/.test(d);
}
export function ssn(r: Rng, sep = '-'): string {
  let area: number;
  do area = r.int(1, 899);
  while (area === 666);
  let v: string;
  do v = `${String(area).padStart(3, '0')}${sep}${p2(r.int(1, 99))}${sep}${String(r.int(1, 9999)).padStart(4, '0')}`;
  while (sampleNumber(v));
  return v;
}
export function itin(r: Rng): string {
  let v: string;
  do {
    const group = r.pick([r.int(50, 65), r.int(70, 88), r.int(90, 92), r.int(94, 99)]);
    v = `9${r.digits(2)}-${group}-${String(r.int(1, 9999)).padStart(4, '0')}`;
  } while (sampleNumber(v));
  return v;
}
export function aba(r: Rng): string {
  const first8 = r.pick(['0', '1', '2', '3']) + String(r.int(1, 9)) + r.digits(6);
  const w = [3, 7, 1, 3, 7, 1, 3, 7];
  const s = [...first8].reduce((a, ch, i) => a + Number(ch) * w[i]!, 0);
  return first8 + String((10 - (s % 10)) % 10);
}
/** Real, assigned US area codes (a sample). */
const US_NPA = [201, 202, 203, 205, 206, 207, 208, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 281, 301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 330, 334, 336, 337, 339, 347, 351, 352, 360, 361, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 425, 430, 432, 434, 435, 440, 443, 458, 469, 470, 475, 478, 479, 480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 580, 585, 586, 601, 602, 603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620, 623, 626, 630, 631, 636, 641, 646, 650, 651, 660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708, 712, 713, 714, 715, 716, 717, 718, 719, 720, 724, 727, 731, 732, 734, 740, 754, 757, 760, 763, 765, 770, 772, 773, 774, 775, 781, 785, 786, 801, 802, 803, 804, 805, 806, 808, 810, 812, 813, 814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848, 850, 856, 857, 858, 859, 860, 862, 863, 864, 865, 870, 878, 901, 903, 904, 906, 907, 908, 909, 910, 912, 913, 914, 915, 916, 917, 918, 919, 920, 925, 928, 931, 936, 937, 940, 941, 947, 949, 951, 952, 954, 956, 970, 971, 972, 973, 978, 979, 980, 985, 989];
export function usPhoneDigits(r: Rng): string {
  return String(r.pick(US_NPA)) + String(r.int(2, 9)) + r.digits(2).replace(/^(\d)1$/, '$12') + r.digits(4);
}
export function usPhone(r: Rng): string {
  const d = usPhoneDigits(r);
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
  return r.pick([`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`, `+1 ${a} ${b} ${c}`, `+1-${a}-${b}-${c}`, `1-${a}-${b}-${c}`]);
}

// --- global --------------------------------------------------------------------------------------
/** Luhn check digit by the doubled-digit table (not the validator's loop). */
export function luhnDigit(payload: string): string {
  const DOUBLE = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
  let sum = 0;
  const rev = [...payload].reverse();
  rev.forEach((ch, i) => (sum += i % 2 === 0 ? DOUBLE[Number(ch)]! : Number(ch)));
  return String((10 - (sum % 10)) % 10);
}
export function card(r: Rng, brand?: 'visa' | 'mc' | 'amex' | 'discover' | 'unionpay' | 'jcb'): string {
  const b = brand ?? r.pick(['visa', 'mc', 'amex', 'discover', 'unionpay', 'jcb'] as const);
  const [prefix, len] =
    b === 'visa' ? ['4', 16] : b === 'mc' ? [String(r.int(51, 55)), 16] : b === 'amex' ? [r.pick(['34', '37']), 15] : b === 'discover' ? ['6011', 16] : b === 'jcb' ? ['35' + String(r.int(28, 89)), 16] : ['62' + r.pick(['2202', '2848', '1700', '1226']), r.pick([16, 19])];
  const payload = prefix + r.digits(len - prefix.length - 1);
  return payload + luhnDigit(payload);
}
export function cardBroken(r: Rng): string {
  const c = card(r, r.pick(['visa', 'mc'] as const));
  const last = Number(c.slice(-1));
  return c.slice(0, -1) + String((last + r.int(1, 9)) % 10);
}
export function groupCard(c: string, sep: string): string {
  if (c.length === 15) return `${c.slice(0, 4)}${sep}${c.slice(4, 10)}${sep}${c.slice(10)}`;
  return c.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}
export function imei(r: Rng): string {
  const tac = r.pick(['35', '86', '01', '49', '99']) + r.digits(6);
  const payload = tac + r.digits(6);
  return payload + luhnDigit(payload);
}
export function mac(r: Rng): string {
  const bytes = Array.from({ length: 6 }, () => r.hex(2, r.chance(0.5)));
  bytes[0] = ((parseInt(bytes[0]!, 16) & 0xfc) | (r.chance(0.3) ? 2 : 0)).toString(16).padStart(2, '0');
  return bytes.join(r.pick([':', ':', '-']));
}
/** The RFC 5737 documentation networks (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) as "a.b.c". */
const IPV4_DOCUMENTATION = new Set(['192.0.2', '198.51.100', '203.0.113']);
/**
 * A public-looking IPv4 address: first octet 1–223 without 127 (loopback is every host's, not a
 * person's), never in a documentation network (no one's either: the third octet moves on by one).
 */
export function ipv4(r: Rng): string {
  const a = r.int(1, 222);
  const first = a >= 127 ? a + 1 : a;
  const second = r.int(0, 255);
  let third = r.int(0, 255);
  if (IPV4_DOCUMENTATION.has(`${first}.${second}.${third}`)) third++;
  return `${first}.${second}.${third}.${r.int(1, 254)}`;
}
/**
 * An IPv6 address: eight groups, or (two in five) a global-unicast-looking prefix (2000::/3)
 * with '::' and two groups. Never under the documentation prefix 2001:db8::/32 (RFC 3849).
 * The prefix is made from groups already drawn, so every call draws as many numbers as before.
 */
export function ipv6(r: Rng): string {
  const g = Array.from({ length: 8 }, () => r.hex(r.int(1, 4)));
  const doc = (first: number, second: string): boolean => first === 0x2001 && parseInt(second, 16) === 0xdb8;
  if (r.chance(0.4)) {
    const first = 0x2000 | (parseInt(g[2]!, 16) & 0x1fff);
    return `${doc(first, g[3]!) ? '2a01' : first.toString(16)}:${g[3]}::${g[0]}:${g[1]}`;
  }
  if (doc(parseInt(g[0]!, 16), g[1]!)) g[0] = '2a01';
  return g.join(':');
}
const IBAN_SHAPES: [string, number][] = [['DE', 22], ['GB', 22], ['FR', 27], ['NL', 18], ['ES', 24], ['IT', 27], ['BE', 16], ['CH', 21], ['AT', 20], ['PL', 28]];
export function iban(r: Rng): string {
  const [cc, len] = r.pick(IBAN_SHAPES);
  const letters = cc === 'GB' || cc === 'NL' ? 4 : cc === 'IT' ? 1 : 0;
  let bban = '';
  for (let i = 0; i < len - 4; i++) bban += i < letters ? String.fromCharCode(r.int(65, 90)) : String(r.int(0, 9));
  const rearranged = (bban + cc + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of rearranged) rem = (rem * 10 + Number(ch)) % 97;
  const chk = String(98 - rem).padStart(2, '0');
  const v = cc + chk + bban;
  return r.chance(0.3) ? v.replace(/(.{4})(?=.)/g, '$1 ') : v;
}
export function uuid(r: Rng, upper: boolean): string {
  const h = r.hex(32, upper);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)]! + s;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    s = '1' + s;
  }
  return s;
}
export function btcAddress(r: Rng): string {
  const payload = new Uint8Array(21);
  payload[0] = r.chance(0.7) ? 0 : 5;
  for (let i = 1; i < 21; i++) payload[i] = r.int(0, 255);
  const h = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  const full = new Uint8Array(25);
  full.set(payload);
  full.set(h.subarray(0, 4), 21);
  return base58(full);
}
export function ethAddress(r: Rng): string {
  const hex = r.hex(40);
  const hash = keccak256Hex(hex);
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i]!, 16) >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  return out;
}
const ICD = ['E11.9', 'I10', 'J45.909', 'F32.A', 'C50.911', 'K21.9', 'M54.5', 'N18.3', 'Z79.4', 'B20', 'F41.1', 'G43.909', 'E78.5', 'O80', 'R51.9'];
export function icd10(r: Rng): string {
  return r.pick(ICD);
}
export function dnaSequence(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += 'ACGT'[r.int(0, 3)];
  return s;
}
export function vcfLine(r: Rng): string {
  const ref = 'ACGT'[r.int(0, 3)]!;
  const alt = 'ACGT'.replace(ref, '')[r.int(0, 2)]!;
  return `chr${r.int(1, 22)}\t${r.int(10000, 99999999)}\trs${r.int(1000, 99999999)}\t${ref}\t${alt}\t${r.int(20, 99)}\tPASS\tDP=${r.int(5, 80)}`;
}
export function coordinate(r: Rng, lat: boolean, decimals: number): string {
  const v = (r.next() * 2 - 1) * (lat ? 80 : 170);
  return v.toFixed(decimals);
}

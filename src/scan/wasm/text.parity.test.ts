/**
 * native/scan-engine/text.c against engine.ts: the letter, mixed-token and punctuation-triggered
 * detectors (word, nameAfterKeyword, mixed and what it calls, mac, macCisco, uuid, email, ipv6,
 * plus, paren, genomicLine) give the same hits on the same values. Their helpers (validIpv6,
 * ipv4EmbeddedNoOnes, hexRun, digitLabels …) are private to engine.ts, so both engines scan
 * whole values: random strings over the pieces each detector reads (IPv6 runs with '::' and
 * embedded IPv4, e-mail local parts and domains, titles and name keys before capitalised words,
 * MAC and UUID forms, IBAN / HKID / passport / ICD-10 shapes, tab-separated genomic lines),
 * under field names that switch their contexts on and off.
 *
 * The module is the one the loader reads (wasm/scan-engine.wasm, or DATACUSTOMS_SCAN_WASM).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTION_TYPES } from '../core/types.js';
import { Engine } from '../detectors/engine.js';
import { fieldContext } from '../detectors/field-context.js';
import { createWasmEngine } from './wasm-engine.js';

const ts = new Engine();
const wasm = createWasmEngine();

interface HitsOf {
  readonly hits: { n: number; ti: number[]; start: number[]; end: number[]; conf: number[]; jur: (string | undefined)[] };
}
function describeHits(e: HitsOf): string[] {
  const h = e.hits;
  const out: string[] = [];
  for (let k = 0; k < h.n; k++) out.push(`${DETECTION_TYPES[h.ti[k]!]}[${h.start[k]},${h.end[k]})@${h.conf[k]}/${h.jur[k] ?? '-'}`);
  return out;
}
/** The hits of both engines on the value, inside a larger string as the readers pass it. */
function both(field: string, value: string): [string[], string[]] {
  const ctx = fieldContext(field);
  const s = `\u0001${value}\u0001`;
  ts.scan(s, 1, s.length - 1, ctx, 0.5);
  wasm.scan(s, 1, s.length - 1, ctx, 0.5);
  return [describeHits(ts), describeHits(wasm)];
}

const FIELDS = ['value', 'notes', 'name', 'full_name', 'email', 'ip', 'mac', 'idfa', 'iban', 'passport_no', 'diagnosis_code', 'sequence', 'phone', 'hkid', 'order_no'];
const joined = (pieces: readonly string[], maxLength = 24) => fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength }).map((a) => a.join(''));
const cases = (pieces: readonly string[], maxLength?: number) => fc.tuple(fc.constantFrom(...FIELDS), joined(pieces, maxLength));
const runs = { numRuns: 1500 };

function agree([field, value]: [string, string]): void {
  const [a, b] = both(field, value);
  expect(b, `[${field}] ${JSON.stringify(value)}`).toEqual(a);
}

describe('text.c against engine.ts', () => {
  it('IPv6 runs: groups, "::", embedded IPv4, documentation and no-one prefixes, runs inside words', () => {
    const pieces = ['::', ':', ':', '0', '1', 'f', 'F', 'ffff', 'FFFF', 'db8', '2001', 'fe80', 'abcd', '12345', '.', '127', '0', '1', '255', '256', '01', '192', '2', 'g', ' ', 'x', 'ip '];
    fc.assert(fc.property(cases(pieces, 20), agree), runs);
    // addresses made whole: 1–9 groups, a '::' somewhere or none, an IPv4 tail or none
    const group = fc.constantFrom('0', '1', 'ffff', 'FFFF', 'db8', '2001', 'fe80', 'c0a8', '7f00', '0db8', 'abcde', '00000');
    const octet = fc.constantFrom('0', '1', '2', '51', '100', '113', '127', '192', '198', '203', '255', '256', '01');
    const address = fc
      .tuple(fc.array(group, { minLength: 0, maxLength: 9 }), fc.integer({ min: -1, max: 9 }), fc.option(fc.array(octet, { minLength: 3, maxLength: 5 })), fc.constantFrom('', '', ' ', 'x', '.', ':', ']'), fc.constantFrom('', '', 'ip ', '[', 'a', '.'))
      .map(([groups, gap, v4, after, before]) => {
        const parts: string[] = [...groups];
        if (v4) parts.push(v4.join('.'));
        const text = gap >= 0 && gap <= parts.length ? `${parts.slice(0, gap).join(':')}::${parts.slice(gap).join(':')}` : parts.join(':');
        return before + text + after;
      });
    fc.assert(fc.property(fc.constantFrom(...FIELDS), address, (field, value) => agree([field, value])), runs);
  });

  it('e-mail addresses: local parts, domains, digit labels, URL users', () => {
    const pieces = ['@', '@', 'a', 'li.wei', '.', '..', '_', '%', '+', '-', '163', '5', '2', 'com', 'de', 'c0m', 'x', 'example', '://', '/', 'git', ' '];
    fc.assert(fc.property(cases(pieces), agree), runs);
    // local@label.label…: labels of digits, letters, hyphens; a scheme or a slash before
    const label = fc.constantFrom('5', '2', '18', '163', 'com', 'de', 'c0m', 'x', 'a-b', '-', 'Final', 'RELEASE', '');
    const address = fc
      .tuple(fc.constantFrom('', ' ', 'https://', 'git+ssh://', '/', ':', '.'), fc.constantFrom('a', 'li.wei', '.x', 'x.', 'a_b%c+d-e', 'core-1'), fc.array(label, { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' ', '.', '/x', '-'))
      .map(([before, local, labels, after]) => `${before}${local}@${labels.join('.')}${after}`);
    fc.assert(fc.property(fc.constantFrom(...FIELDS), address, (field, value) => agree([field, value])), runs);
  });

  it('names after a key, a title or an honorific', () => {
    const words = [
      'Name', 'name', 'NAME', 'Mr', 'Mrs', 'Ms', 'Dr', 'Miss', 'Dear', 'Sir', 'Dame', 'Mx', 'John', 'Smith', 'Ann', 'Lee', "O'Brien", 'Jean-Luc', 'McKenzie', 'MacDonald',
      'VonRueden', 'DeShawn', 'Mc', 'Brekke-', "O'", 'Or', 'And', 'Madam', 'Valued', 'Customer', 'All', 'first_name', 'customer-name', 'Bundle-Name', 'job.name', 'x_name',
      'updated', 'last_name', 'CodeQL', 'Build2', 'a', 'X', 'é', 'up',
    ];
    const seps = [' ', ' ', ' ', ': ', ':', '=', '\uff1a', '. ', '.', '', '-', "'", ', ', '_'];
    const phrase = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 1, maxLength: 7 }).map((a) => a.map(([w, p]) => w + p).join(''));
    fc.assert(fc.property(fc.constantFrom(...FIELDS), phrase, (field, value) => agree([field, value])), runs);
  });

  it('MAC addresses, Cisco and bare forms, UUIDs and advertising IDs', () => {
    const pieces = ['00', '1a', '2B', 'ff', 'FF', 'fF', 'ab', '0', 'g1', ':', '-', '.', 'abcd', '0000', '12ab', 'D05099844A2A', 'ffffffffffff', '000000000000',
      '6F9619FF', '8B86', 'D011', 'B42D', '00C04FC964FF', '6f9619ff', '00000000', '0000', '000000000000', 'mac ', 'idfa ', ' '];
    fc.assert(fc.property(cases(pieces), agree), runs);
  });

  it('IBAN, HKID, Taiwan ID, passport, ICD-10 and wallet shapes', () => {
    const pieces = ['GB82', 'WEST', '1234', '5698', '7654', '32', 'DE89', '3704', '0044', '0532', '0130', '00', ' ', '-', 'A123456', '(3)', '（3）', '(A)', 'A1234563',
      'AB987654', 'A123456789', 'F131104093', 'EC3339775', 'G12345678', 'E11', '.9', '.65', '.A1', '.1234', '.12345', 'E119', 'E11999', 'J22N83R', 'dx ', 'passport ', '护照号码', '_', '/',
      '0x52908400098527886E0F7030069857D2E4169EE7', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'X', 'x'];
    fc.assert(fc.property(cases(pieces, 12), agree), runs);
    // IBANs in groups, with one separator or two, and a chain that goes on
    const iban = fc
      .tuple(fc.constantFrom('GB82WEST12345698765432', 'DE89370400440532013000', 'BE68539007547034', 'NO9386011117947', 'GB82WEST12345698765433'), fc.constantFrom(' ', '-', ''), fc.constantFrom('', ' ', '-', '-AB', ' AB', '-1', 'x'))
      .map(([v, sep, after]) => (v.match(/.{1,4}/g) ?? []).join(sep) + after);
    fc.assert(fc.property(fc.constantFrom(...FIELDS), iban, (field, value) => agree([field, value])), runs);
  });

  it('international and parenthesised phone numbers', () => {
    const pieces = ['+', '+', '(', ')', ' ', '-', '.', '86', '138', '0013', '8000', '1', '415', '555', '2671', '44', '20', '7946', '0958', '49', '30', '12345678', 'a', '9'];
    fc.assert(fc.property(cases(pieces, 16), agree), runs);
  });

  it('genomic lines and runs of bases', () => {
    const pieces = ['\t', '\t', '\t', 'chr1', 'CHR22', 'chrX', 'X', 'MT', 'm', 'chr', '100', '12345', 'rs123', 'i4000', 'rs1', '.', 'A', 'C', 'G', 'T', 'N', 'AG', '--', 'DI',
      'ACGTACGTACGTNACGT', 'acgtacgtac', '10M2I', '*', '=', ',', '<DEL>', 'read1', '0', '60'];
    fc.assert(fc.property(cases(pieces, 30), agree), runs);
  });

  it('examples of each detector, found and not found', () => {
    const found = [
      ['ip', '::ffff:c0a8:101'], ['value', 'fe80::1ff:fe23:4567:890a'], ['value', '2a00:1450:4001:0824:0000:0000:0000:200e'], ['notes', 'mail li.wei@163.com'],
      ['notes', 'Name: Dr. Jane Doe'], ['notes', 'Sir John Smith'], ['notes', 'customer-name: Jean-Luc Picard'],
      ['mac', '00:1A:2B:3C:4D:5E'], ['mac', '001a.2b3c.4d5e'], ['mac', 'D05099844A2A'], ['idfa', '6F9619FF-8B86-D011-B42D-00C04FC964FF'],
      ['iban', 'GB82 WEST 1234 5698 7654 32'], ['value', 'A123456(3)'], ['passport_no', 'EC3339775'], ['diagnosis_code', 'E11.65'], ['diagnosis_code', 'E11.A123'],
      ['phone', '+86 138 0013 8000'], ['phone', '+1 415 555 2671'], ['phone', '+44 20 7946 0958'], ['phone', '(415) 555-2671'],
      ['value', 'rs4477212\t1\t82154\tAA'], ['value', 'chr1\t12345\trs1\tA\tG,T'],
    ] as const;
    const notFound = [
      ['ip', '2001:db8::1'], ['value', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'], ['ip', '::ffff:127.0.0.1'], ['ip', '::ffff:7f00:1'], ['value', '01:36:61'], ['diagnosis_code', 'E11.12345'], ['diagnosis_code', 'x_E11.9'], ['notes', 'git+ssh://git@github.com/a/b.git'],
      ['value', 'spring@5.2.3.RELEASE'], ['notes', 'Dear Sir or Madam'], ['notes', 'name: Build and Test'], ['mac', 'ff:ff:ff:ff:ff:ff'],
      ['idfa', '00000000-0000-0000-0000-000000000000'], ['value', 'mc 6F9619FF-8B86-D011-B42D-00C04FC964FF'],
    ] as const;
    for (const [list, expected] of [[found, true], [notFound, false]] as const) {
      for (const [field, value] of list) {
        const [a, b] = both(field, value);
        expect(a.length > 0, `${value}: what the TypeScript engine finds`).toBe(expected);
        expect(b, value).toEqual(a);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, invalidUtf8Offset } from './utf8.js';
import { firstProblem } from '../testing/input-error.js';

const problem = firstProblem;

describe('bytes that are not UTF-8 text (inventories, SBOMs, advisories)', () => {
  const EXPECTED = 'an SBOM is text in UTF-8';
  it('decodeUtf8 names the file, the line and the offset of the first byte that is not UTF-8', () => {
    const text = '{\n  "bomFormat": "CycloneDX",\n  "metadata": { "supplier": { "name": "Société" } }\n}\n';
    const latin1 = Buffer.from(text, 'latin1');
    expect(problem(() => decodeUtf8(latin1, 'bom.json', EXPECTED))).toEqual({
      file: 'bom.json',
      line: 3,
      message: `not UTF-8 text: byte 0xE9 (offset ${latin1.indexOf(0xe9)}) is not valid UTF-8 (${EXPECTED})`,
    });
    expect(decodeUtf8(Buffer.from(text), 'bom.json', EXPECTED)).toBe(text);
    // a byte order mark and a real U+FFFD are UTF-8 and stay
    expect(decodeUtf8(Buffer.from('\ufeff"\ufffd"'), 'x.json', EXPECTED)).toBe('\ufeff"\ufffd"');
    expect(problem(() => decodeUtf8(Buffer.from('\ufeff{}', 'utf16le'), 'w.json', EXPECTED)).message).toBe(`not UTF-8 text: the file is UTF-16 (${EXPECTED}; save it as UTF-8)`);
  });
  it('invalidUtf8Offset points at the start of the bad sequence', () => {
    const at = (...b: number[]) => invalidUtf8Offset(Uint8Array.from(b));
    expect(at(0x61, 0x62)).toBe(-1);
    expect(at(0x61, 0xe9, 0x22)).toBe(1); // Latin-1 é
    expect(at(0xc3, 0xa9, 0xa9)).toBe(2); // a stray continuation byte after é
    expect(at(0x61, 0xef, 0xbf, 0x22)).toBe(1); // a three-byte sequence cut short that begins like U+FFFD
    expect(at(0x61, 0xef, 0xbf)).toBe(1); // … at the end
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a surrogate
    expect(at(0xc0, 0xaf)).toBe(0); // an overlong form
    expect(invalidUtf8Offset(new Uint8Array([0x20, 0x61, 0xe9]).subarray(1))).toBe(1); // a view into a larger buffer
  });
  it('invalidUtf8Offset agrees with a strict decoder: what comes before the offset is UTF-8, with the byte there it is not', () => {
    const strict = (b: Uint8Array, stream = false) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b, { stream });
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xef, 0xbf, 0xbd, 0xc3, 0xa9, 0xf0, 0x9f, 0x80)), { maxLength: 24 }), (arr) => {
        const b = Uint8Array.from(arr);
        const at = invalidUtf8Offset(b);
        expect(at === -1).toBe(strict(b));
        if (at >= 0) {
          expect(strict(b.subarray(0, at))).toBe(true);
          // a bad sequence shows within four bytes, even to a decoder that waits for more
          if (at + 4 <= b.length) expect(strict(b.subarray(at, at + 4), true)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('with refuseNul, a NUL byte is a binary file, named at its line; a UTF-16 byte order mark is named first', () => {
    expect(problem(() => decodeUtf8(Buffer.from('a: 1\nb: \u0000\n'), 'inv.yaml', 'YAML', { refuseNul: true }))).toEqual({ file: 'inv.yaml', line: 2, message: 'not a text file: it holds NUL bytes (YAML)' });
    expect(decodeUtf8(Buffer.from('a: "\u0000"'), 'x.json', 'JSON')).toBe('a: "\u0000"'); // without it, NUL is text
    expect(problem(() => decodeUtf8(Buffer.from('\ufeffa: 1', 'utf16le'), 'w.yaml', 'YAML', { refuseNul: true })).message).toBe('not UTF-8 text: the file is UTF-16 (YAML; save it as UTF-8)');
  });
});

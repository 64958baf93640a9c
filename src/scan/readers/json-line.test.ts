import { describe, expect, it } from 'vitest';
import { FlatLine, KeyTable } from './json-line.js';

describe('the flat-line key table is bounded', () => {
  it('past its limit a new key is not added; a line with one goes to JSON.parse, known keys still read in place', () => {
    const keys = new KeyTable(2);
    const flat = new FlatLine(keys);
    const line = (s: string) => flat.read(s, 0, s.length);
    expect(line('{"a":"1","b":"2"}')).toBe(1);
    expect(line('{"c":"3"}')).toBe(-1);
    expect(keys.raw).toEqual(['a', 'b']);
    expect(line('{"b":"4","a":"5"}')).toBe(1);
    expect(flat.n).toBe(2);
  });
});

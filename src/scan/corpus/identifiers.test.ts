import { describe, expect, it } from 'vitest';
import { ipv4, ipv6 } from './identifiers.js';
import { Rng } from './random.js';

/** An Rng that returns the scripted numbers (int) and fractions (next), then fails. */
class Scripted extends Rng {
  constructor(
    private readonly ints: number[],
    private readonly fractions: number[] = [],
  ) {
    super(0);
  }
  override int(): number {
    const v = this.ints.shift();
    if (v === undefined) throw new Error('script ran out of ints');
    return v;
  }
  /** Numbers of the script not drawn. */
  left(): number {
    return this.ints.length + this.fractions.length;
  }
  override next(): number {
    const v = this.fractions.shift();
    if (v === undefined) throw new Error('script ran out of fractions');
    return v;
  }
}

/** The 16-bit value of each of the first two groups of an IPv6 address (after '::' expansion). */
function firstTwo(ip: string): [number, number] {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return [parseInt(groups[0]!, 16), parseInt(groups[1]!, 16)];
}

describe('corpus identifiers', () => {
  it('draws IPv4 addresses a person can be tied to: never loopback (127.0.0.0/8), first octet 1–223', () => {
    const r = new Rng(11);
    const firsts = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const ip = ipv4(r);
      const first = Number(ip.split('.')[0]);
      expect(first).not.toBe(127);
      expect(first).toBeGreaterThanOrEqual(1);
      expect(first).toBeLessThanOrEqual(223);
      firsts.add(first);
    }
    // every other first octet of the range still occurs, 126 and 128 included
    expect(firsts.size).toBe(222);
    expect(firsts.has(126) && firsts.has(128) && firsts.has(223)).toBe(true);
  });
  it('never draws an IPv4 address in a documentation network (RFC 5737), with the same four draws', () => {
    // 191 → first octet 192 (127 is skipped)
    const r = new Scripted([191, 0, 2, 7]);
    expect(ipv4(r)).toBe('192.0.3.7');
    expect(r.left()).toBe(0);
    expect(ipv4(new Scripted([197, 51, 100, 7]))).toBe('198.51.101.7');
    expect(ipv4(new Scripted([202, 0, 113, 7]))).toBe('203.0.114.7');
    // next to them, addresses are kept as drawn
    expect(ipv4(new Scripted([191, 0, 1, 7]))).toBe('192.0.1.7');
    expect(ipv4(new Scripted([202, 0, 112, 7]))).toBe('203.0.112.7');
  });
  it('draws IPv6 addresses outside the documentation prefix 2001:db8::/32 (RFC 3849); compressed ones are global unicast (2000::/3)', () => {
    const r = new Rng(11);
    let compressed = 0;
    for (let i = 0; i < 20_000; i++) {
      const ip = ipv6(r);
      const [g0, g1] = firstTwo(ip);
      expect(g0 === 0x2001 && g1 === 0xdb8, ip).toBe(false);
      if (ip.includes('::')) {
        compressed++;
        expect(g0 >= 0x2000 && g0 <= 0x3fff, ip).toBe(true);
      }
    }
    // about two in five are compressed, as before
    expect(compressed).toBeGreaterThan(7_500);
    expect(compressed).toBeLessThan(8_500);
  });
  it('moves a drawn 2001:db8 prefix out of the documentation block, with the same draws', () => {
    // eight groups: lengths (int 1–4) then hex digits (int 0–15); then chance (next)
    const group = (hex: string) => [hex.length, ...[...hex].map((c) => parseInt(c, 16))];
    const groups = ['1', '2', '2001', 'db8', '5', '6', '7', '8'].flatMap(group);
    // compressed: the prefix is made of groups 3 and 4 (2001, db8)
    const r = new Scripted([...groups], [0.1]);
    expect(ipv6(r)).toBe('2a01:db8::1:2');
    expect(r.left()).toBe(0);
    // eight groups starting 2001:0db8
    const plain = ['2001', '0db8', '3', '4', '5', '6', '7', '8'].flatMap(group);
    expect(ipv6(new Scripted(plain, [0.9]))).toBe('2a01:0db8:3:4:5:6:7:8');
    // other prefixes stay as drawn
    const other = ['2001', 'db9', '3', '4', '5', '6', '7', '8'].flatMap(group);
    expect(ipv6(new Scripted(other, [0.9]))).toBe('2001:db9:3:4:5:6:7:8');
  });
});

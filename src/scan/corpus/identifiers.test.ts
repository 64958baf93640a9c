import { describe, expect, it } from 'vitest';
import { ipv4 } from './identifiers.js';
import { Rng } from './random.js';

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
});

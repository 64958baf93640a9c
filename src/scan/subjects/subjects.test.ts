import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sipHashBytes, sipHashString, sipHashUnits, sipKeyFromBytes } from './siphash.js';
import { HyperLogLog, EXACT_LIMIT, HLL_RSE, Z95 } from './hll.js';
import { SubjectCounter } from './counter.js';
import { loadSubjectKey, subjectKeyFrom } from './key.js';
import { extrapolate, extrapolateDistinct, wilson } from './extrapolate.js';
import { InputError } from '../../common/errors.js';
import { scan } from '../index.js';
import { readSketchFile, sketchFile } from './sketch-file.js';
import { plan } from '../sources/rows.js';
import { sourceReport } from '../report.js';

const refKey = sipKeyFromBytes(Uint8Array.from({ length: 16 }, (_, i) => i));
const hex = (h: { hi: number; lo: number }) => {
  // little-endian byte order, as the reference vectors and `openssl mac SIPHASH` print them
  const b = Buffer.alloc(8);
  b.writeUInt32LE(h.lo, 0);
  b.writeUInt32LE(h.hi, 4);
  return b.toString('hex').toUpperCase();
};

describe('SipHash-2-4', () => {
  // Reference vectors (key 00..0f, message 00..n-1; the paper's vectors.h), checked again with
  // `openssl mac -macopt hexkey:000102…0f -macopt size:8 SIPHASH`: every tail length 0–7, one
  // to eight blocks.
  const vectors: [number, string][] = [
    [0, '310E0EDD47DB6F72'],
    [1, 'FD67DC93C539F874'],
    [2, '5A4FA9D909806C0D'],
    [3, '2D7EFBD796666785'],
    [4, 'B7877127E09427CF'],
    [5, '8DA699CD64557618'],
    [6, 'CEE3FE586E46C9CB'],
    [7, '37D1018BF50002AB'],
    [8, '6224939A79F5F593'],
    [9, 'B0E4A90BDF82009E'],
    [10, 'F3B9DD94C5BB5D7A'],
    [11, 'A7AD6B22462FB3F4'],
    [12, 'FBE50E86BC8F1E75'],
    [13, '903D84C02756EA14'],
    [14, 'EEF27A8E90CA23F7'],
    [15, 'E545BE4961CA29A1'],
    [16, 'DB9BC2577FCC2A3F'],
    [31, '42C341D8FA92D832'],
    [32, 'CE7CF2722F512771'],
    [33, 'E37859F94623F3A7'],
    [63, '724506EB4C328A95'],
    [64, 'D8CA02850BC4D2AC'],
  ];
  for (const [n, want] of vectors) {
    it(`matches the reference vector for a ${n}-byte message`, () => {
      expect(hex(sipHashBytes(refKey, Uint8Array.from({ length: n }, (_, i) => i)))).toBe(want);
    });
  }

  it('hashes strings as their UTF-16LE bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a)), (s) => {
        expect(sipHashString(refKey, s)).toEqual(sipHashBytes(refKey, Buffer.from(s, 'utf16le')));
      }),
    );
  });

  it('hashes code units as the string they spell', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }), fc.nat(5), (a, extra) => {
        const u = new Uint16Array(a.length + extra);
        u.set(a);
        expect(sipHashUnits(refKey, u, a.length)).toEqual(sipHashString(refKey, String.fromCharCode(...a)));
      }),
    );
  });

  it('depends on the key', () => {
    const a = subjectKeyFrom('one');
    const b = subjectKeyFrom('two');
    expect(sipHashString(a.sip, 'cn_resident_id:11010519491231002X')).not.toEqual(sipHashString(b.sip, 'cn_resident_id:11010519491231002X'));
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

function fill(h: HyperLogLog, from: number, to: number, key = subjectKeyFrom('test')): void {
  for (let i = from; i < to; i++) h.add(sipHashString(key.sip, `k:${i}`));
}

describe('HyperLogLog', () => {
  it('is exact for small sets and ignores repeats', () => {
    const h = new HyperLogLog();
    fill(h, 0, 1000);
    fill(h, 0, 1000);
    expect(h.estimate()).toEqual({ estimate: 1000, error: 0 });
  });

  it('estimates large sets within its stated error', () => {
    for (const n of [EXACT_LIMIT + 1, 20_000, 60_000, 200_000]) {
      const h = new HyperLogLog();
      fill(h, 0, n);
      const { estimate, error } = h.estimate();
      expect(h.isExact).toBe(false);
      expect(error).toBe(Math.ceil(Z95 * HLL_RSE * h.cardinality()));
      // a 95 % bound may miss now and then; 2× the half-width is ~4 standard errors
      expect(Math.abs(estimate - n)).toBeLessThanOrEqual(2 * error);
    }
  });

  it('states a 95 % error that covers the truth in about 95 % of trials, or more (simulation)', () => {
    // uniform 64-bit hashes from a seeded generator (xorshift32), as a keyed hash gives them
    let x = 2463534242;
    const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
    const h = { hi: 0, lo: 0 };
    for (const [n, trials] of [[20_000, 60], [150_000, 40]] as const) {
      let covered = 0;
      let sq = 0;
      for (let t = 0; t < trials; t++) {
        const s = new HyperLogLog();
        for (let i = 0; i < n; i++) {
          h.hi = next();
          h.lo = next();
          s.add(h);
        }
        const e = s.estimate();
        if (Math.abs(e.estimate - n) <= e.error) covered++;
        sq += ((s.cardinality() - n) / n) ** 2;
      }
      // the observed relative error stays within the stated 1.04/√m (plus sampling noise)
      expect(Math.sqrt(sq / trials)).toBeLessThan(1.25 * HLL_RSE);
      expect(covered / trials, `n = ${n}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('merges like a set union, in any order, and idempotently', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    const all = new HyperLogLog();
    fill(a, 0, 30_000);
    fill(b, 20_000, 50_000);
    fill(all, 0, 50_000);
    const ab = a.clone();
    ab.merge(b);
    const ba = b.clone();
    ba.merge(a);
    expect(ab.registers).toEqual(all.registers);
    expect(ba.registers).toEqual(all.registers);
    ab.merge(b);
    expect(ab.estimate()).toEqual(all.estimate());
  });

  it('merges like the sketch of the union, register for register and in its exact set (property)', () => {
    const key = subjectKeyFrom('merge property');
    // a set of subjects: a run of consecutive numbers, sizes on both sides of EXACT_LIMIT
    const run = fc.record({ from: fc.integer({ min: 0, max: 8000 }), size: fc.integer({ min: 0, max: 5000 }) });
    const sketchOf = (...runs: { from: number; size: number }[]) => {
      const h = new HyperLogLog();
      for (const r of runs) fill(h, r.from, r.from + r.size, key);
      return h;
    };
    const merged = (...hs: HyperLogLog[]) => {
      const out = hs[0]!.clone();
      for (const h of hs.slice(1)) out.merge(h);
      return out;
    };
    // (compared as bytes and JSON text: a deep equal of 16,384 registers is slow)
    const same = (x: HyperLogLog, y: HyperLogLog) => {
      expect(Buffer.from(x.registers).equals(Buffer.from(y.registers))).toBe(true);
      expect(x.isExact).toBe(y.isExact);
      expect(JSON.stringify(x.toJSON()) === JSON.stringify(y.toJSON())).toBe(true);
      expect(x.estimate()).toEqual(y.estimate());
    };
    fc.assert(
      fc.property(run, run, run, (a, b, c) => {
        const [A, B, C] = [sketchOf(a), sketchOf(b), sketchOf(c)];
        same(merged(A, B), sketchOf(a, b)); // sketch(A ∪ B) = merge(sketch A, sketch B)
        same(merged(A, B), merged(B, A)); // commutative
        same(merged(merged(A, B), C), merged(A, merged(B, C))); // associative
        same(merged(A, A), A); // idempotent
        same(merged(merged(A, B), B), merged(A, B));
      }),
      { numRuns: 25 },
    );
  });

  it('merges small exact sets exactly', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    fill(a, 0, 100);
    fill(b, 50, 150);
    a.merge(b);
    expect(a.estimate()).toEqual({ estimate: 150, error: 0 });
  });

  it('round-trips through JSON and rejects malformed sketches', () => {
    const h = new HyperLogLog();
    fill(h, 0, 10_000);
    const back = HyperLogLog.fromJSON(JSON.parse(JSON.stringify(h.toJSON())));
    expect(back.estimate()).toEqual(h.estimate());
    const small = new HyperLogLog();
    fill(small, 0, 10);
    expect(HyperLogLog.fromJSON(small.toJSON()).estimate()).toEqual({ estimate: 10, error: 0 });
    expect(() => HyperLogLog.fromJSON({ p: 12, registers: '' })).toThrow(RangeError);
    expect(() => HyperLogLog.fromJSON({ p: 14, registers: 'AAAA' })).toThrow(RangeError);
    expect(() => HyperLogLog.fromJSON({ ...small.toJSON(), exact: [-1] })).toThrow(RangeError);
  });

  it('never holds the raw key', () => {
    const c = new SubjectCounter(subjectKeyFrom('k'));
    c.add('CN', 'cn_resident_id:11010519491231002X');
    c.add('US', 'us_ssn:078051123');
    const json = JSON.stringify(c.toJSON());
    expect(json).not.toContain('11010519491231002X');
    expect(json).not.toContain('078051123');
    expect(c.estimates()).toEqual({ CN: { estimate: 1, error: 0 }, US: { estimate: 1, error: 0 } });
  });
});

describe('SubjectCounter', () => {
  it('counts distinct subjects per jurisdiction and merges counters made with one key', () => {
    const key = subjectKeyFrom('k');
    const a = new SubjectCounter(key);
    const b = new SubjectCounter(key);
    for (let i = 0; i < 10; i++) a.add('CN', `cn_mobile:+86138000000${i}`);
    for (let i = 5; i < 15; i++) b.add('CN', `cn_mobile:+86138000000${i}`);
    b.add('US', 'us_ssn:078051123');
    a.merge(b);
    expect(a.estimates()).toEqual({ CN: { estimate: 15, error: 0 }, US: { estimate: 1, error: 0 } });
    expect(() => a.merge(new SubjectCounter(subjectKeyFrom('other')))).toThrow(/different keys/);
  });
});

describe('scan key', () => {
  it('is created once under the state directory, private, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-key-'));
    const k1 = loadSubjectKey({ stateDir: dir });
    const k2 = loadSubjectKey({ stateDir: dir });
    expect(k1.fingerprint).toBe(k2.fingerprint);
    expect(statSync(join(dir, 'scan.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'scan.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(loadSubjectKey({ explicit: 'x', stateDir: dir }).fingerprint).not.toBe(k1.fingerprint);
  });

  it('is not made by a scan that fails on its input, and is made by one that runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-key-'));
    await expect(scan([join(dir, 'no-such-file.csv')], { stateDir: dir })).rejects.toThrow(InputError);
    expect(existsSync(join(dir, 'scan.key'))).toBe(false);
    writeFileSync(join(dir, 'a.csv'), 'email\nx@example.com\n');
    await scan([join(dir, 'a.csv')], { stateDir: dir });
    expect(existsSync(join(dir, 'scan.key'))).toBe(true);
  });

  it('rejects a damaged key file and an empty key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-key-'));
    writeFileSync(join(dir, 'scan.key'), 'not a key');
    expect(() => loadSubjectKey({ stateDir: dir })).toThrow(InputError);
    expect(() => loadSubjectKey({ explicit: '' })).toThrow(/empty/);
  });
});

describe('extrapolation from a sample', () => {
  it('is exact on a full pass', () => {
    expect(extrapolate(40, { rows: 100, of: 100 })).toEqual({ estimate: 40, error: 0 });
    expect(extrapolate(40, { rows: 100, of: 100 }, 3.2)).toEqual({ estimate: 40, error: 4 });
  });

  it('scales the count and states a 95 % error that covers the truth', () => {
    // 1,000 of 100,000 rows, 30 % positive: Wilson half-width ≈ 2.84 pp → ≈ 2,840 rows
    const e = extrapolate(300, { rows: 1000, of: 100_000 });
    expect(e.estimate).toBe(30_000);
    expect(e.error).toBeGreaterThan(2700);
    expect(e.error).toBeLessThan(3000);
  });

  it('shrinks the error as the sample approaches the table (finite population correction)', () => {
    const a = extrapolate(300, { rows: 1000, of: 2000 }).error;
    const b = extrapolate(300, { rows: 1000, of: 1_000_000 }).error / 500;
    expect(a).toBeLessThan(b);
  });

  it('adds the sketch error in quadrature', () => {
    const plain = extrapolate(5000, { rows: 10_000, of: 1_000_000 });
    const withSketch = extrapolate(5000, { rows: 10_000, of: 1_000_000 }, 80);
    const scaled = 80 * 100;
    expect(withSketch.error).toBeCloseTo(Math.sqrt(plain.error ** 2 + scaled ** 2), -1);
  });

  it('has a Wilson interval that contains p and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (n, c, extra) => {
        const k = Math.min(c, n);
        const p = k / n;
        const { low, high } = wilson(p, n, n + extra);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(p + 1e-12);
        expect(high).toBeGreaterThanOrEqual(p - 1e-12);
      }),
    );
  });

  it('covers the true proportion about 95 % of the time (simulation)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const N = 20_000;
    const truth = 0.12;
    const n = 400;
    let covered = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      let c = 0;
      for (let i = 0; i < n; i++) if (rand() < truth) c++;
      const e = extrapolate(c, { rows: n, of: N });
      if (Math.abs(e.estimate - truth * N) <= e.error) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
  });
});

describe('sampling a table without replacement', () => {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
  /** Rows with the type among n drawn without replacement from N rows of which K have it. */
  function draw(N: number, K: number, n: number): number {
    let c = 0;
    let k = K;
    for (let left = N, i = 0; i < n; i++, left--) {
      if (rand() * left < k) {
        c++;
        k--;
      }
    }
    return c;
  }

  it('states an error that covers the true count in about 95 % of samples (≥ 93 % of 400 allows for noise), with the finite population correction (simulation)', () => {
    const cases: [number, number, number][] = [
      // [rows in the table, rows sampled, share of rows with the type]
      [100_000, 1000, 0.2],
      [10_000, 400, 0.5],
      [10_000, 400, 0.02],
      [5000, 4000, 0.3], // most of the table: the correction matters
      [2000, 1500, 0.5],
    ];
    for (const [N, n, share] of cases) {
      const K = Math.round(share * N);
      const trials = 400;
      let covered = 0;
      let width = 0;
      for (let t = 0; t < trials; t++) {
        const e = extrapolate(draw(N, K, n), { rows: n, of: N });
        if (Math.abs(e.estimate - K) <= e.error) covered++;
        width += e.error;
      }
      expect(covered / trials, `${n} of ${N}, ${share}`).toBeGreaterThanOrEqual(0.93);
      // and is not vacuous: within 1.5× the normal-approximation half-width with the correction
      const z = 1.96 * Math.sqrt((share * (1 - share)) / n) * Math.sqrt((N - n) / (N - 1)) * N;
      expect(width / trials, `${n} of ${N}, ${share}`).toBeLessThan(1.5 * z + 2);
    }
  });

  it('reads the whole table, with no error, when the sample is not smaller than the table', () => {
    expect(plan(500, 500)).toEqual({ kind: 'full' });
    expect(plan(501, 500)).toEqual({ kind: 'full' });
    expect(plan(499, 500).kind).toBe('sample');
    expect(extrapolate(37, { rows: 500, of: 500 })).toEqual({ estimate: 37, error: 0 });
    const result = { records: 500, fields: [{ field: 'phone', types: [{ type: 'cn_mobile' as const, count: 37, confidence: 0.9 }] }], findings: [], findingsTotal: 37, categories: {} };
    const r = sourceReport('t', result as never, new SubjectCounter(subjectKeyFrom('k')), { rows: 500, of: 500 });
    expect(r.sample).toBeUndefined();
    expect(r.fields[0]!.types[0]).toEqual({ type: 'cn_mobile', count: 37, confidence: 0.9 });
  });
});

describe('distinct subjects from a sample', () => {
  let seed = 99;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
  /** Samples n of N rows, counts subjects through a real counter, returns the estimate. */
  function trial(N: number, n: number, subjectOf: (row: number) => number | undefined) {
    const c = new SubjectCounter(subjectKeyFrom('sim'), { frequencies: true });
    const rows = new Set<number>();
    while (rows.size < n) rows.add(Math.floor(rand() * N));
    for (const r of rows) {
      const s = subjectOf(r);
      if (s !== undefined) c.add('CN', `cn_mobile:${s}`);
    }
    return extrapolateDistinct(c.frequencies('CN')!, { rows: n, of: N });
  }
  const cases: [string, (r: number) => number | undefined, number, 'linear' | 'repeats'][] = [
    ['one row per person', (r) => r, 100_000, 'linear'],
    ['half the rows name a person', (r) => (r % 2 ? r : undefined), 50_000, 'linear'],
    ['everyone in two rows', (r) => r >> 1, 50_000, 'repeats'],
    ['everyone in ten rows', (r) => Math.floor(r / 10), 10_000, 'repeats'],
    ['one person everywhere', () => 1, 1, 'repeats'],
  ];
  for (const [name, f, truth, method] of cases) {
    it(`covers the truth with its 95 % error: ${name}`, () => {
      let covered = 0;
      for (let t = 0; t < 25; t++) {
        const e = trial(100_000, 2000, f);
        expect(e.method).toBe(method);
        if (Math.abs(e.estimate - truth) <= e.error) covered++;
      }
      expect(covered).toBeGreaterThanOrEqual(21);
    });
  }

  it('summarises frequencies and is exact on a full pass', () => {
    const c = new SubjectCounter(subjectKeyFrom('k'), { frequencies: true });
    for (const k of ['a', 'a', 'b', 'c', 'c', 'c']) c.add('US', k);
    expect(c.frequencies('US')).toEqual({ distinct: 3, keys: 6, f1: 1, f2: 1 });
    expect(c.frequencies('CN')).toBeUndefined();
    expect(new SubjectCounter(subjectKeyFrom('k')).frequencies('US')).toBeUndefined();
    expect(extrapolateDistinct({ distinct: 3, keys: 6, f1: 1, f2: 1 }, { rows: 6, of: 6 })).toEqual({ estimate: 3, error: 0, method: 'linear' });
  });
});

describe('sketch files', () => {
  const key = subjectKeyFrom('sketch-file test');
  function saved(): { file: string; data: ReturnType<typeof sketchFile> } {
    const c = new SubjectCounter(key);
    for (let i = 0; i < 6000; i++) c.add('CN', `phone:+86138${String(i).padStart(8, '0')}`);
    for (let i = 0; i < 10; i++) c.add('US', `us_ssn:0780511${String(i).padStart(2, '0')}`);
    const data = sketchFile(key, [{ source: 'part', records: 6010, counter: c }]);
    const file = join(mkdtempSync(join(tmpdir(), 'dc-sketch-')), 's.json');
    writeFileSync(file, JSON.stringify(data));
    return { file, data };
  }

  it('round-trips register for register, exact sets included', async () => {
    const { file, data } = saved();
    const [back] = await readSketchFile(file, key);
    expect(back!.records).toBe(6010);
    expect(back!.counter.toJSON()).toEqual(data.sources[0]!.subjects);
    expect(back!.counter.estimates()['US']).toEqual({ estimate: 10, error: 0 });
  });

  it('refuses another key or another precision with a message that says which (bad input)', async () => {
    const { file, data } = saved();
    await expect(readSketchFile(file, subjectKeyFrom('another'))).rejects.toThrow(/different scan key/);
    const p12 = JSON.parse(JSON.stringify(data));
    p12.sources[0].subjects.CN.p = 12;
    writeFileSync(file, JSON.stringify(p12));
    const err = await readSketchFile(file, key).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/precision p = 12.*only sketches of precision 14/);
  });
});

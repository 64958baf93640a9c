import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { taintByOwnership, findCycles, type OwnerEdge } from './ownership.js';
import { inventory } from '../testing/inventory.js';
import { deriveFacts } from './index.js';

function graph(edges: Record<string, OwnerEdge[]>) {
  const parties = new Set<string>(Object.keys(edges));
  for (const list of Object.values(edges)) for (const e of list) parties.add(e.owner);
  return { parties, owners: (p: string) => edges[p] ?? [] };
}

describe('aggregate ownership (202.211(a)(1)-(2))', () => {
  const run = (edges: Record<string, OwnerEdge[]>, seeds: string[], unknownShare: 'ignore' | 'assume_threshold' = 'ignore') => {
    const g = graph(edges);
    return taintByOwnership({ parties: g.parties, owners: g.owners, seeds: new Set(seeds), eligible: () => true, thresholdPercent: 50, unknownShare });
  };
  it('50 % is enough ("50 percent or more"); 49.99 % is not', () => {
    expect(run({ a: [{ owner: 's', percent: 50 }] }, ['s']).has('a')).toBe(true);
    expect(run({ a: [{ owner: 's', percent: 49.99 }] }, ['s']).has('a')).toBe(false);
  });
  it('aggregates several tainted owners', () => {
    expect(run({ a: [{ owner: 's1', percent: 30 }, { owner: 's2', percent: 20 }] }, ['s1', 's2']).has('a')).toBe(true);
  });
  it('is recursive through chains, counting through tainted intermediaries only', () => {
    const t = run({ b: [{ owner: 's', percent: 60 }], c: [{ owner: 'b', percent: 60 }], d: [{ owner: 'x', percent: 100 }], x: [{ owner: 's', percent: 40 }] }, ['s']);
    expect(t.has('b')).toBe(true);
    expect(t.has('c')).toBe(true);
    expect(t.has('x')).toBe(false);
    expect(t.has('d')).toBe(false);
  });
  it('adds direct and indirect holdings (30 % direct + 30 % via a tainted subsidiary)', () => {
    const t = run({ b: [{ owner: 's', percent: 50 }], c: [{ owner: 's', percent: 30 }, { owner: 'b', percent: 30 }] }, ['s']);
    expect(t.get('c')?.total).toBe(60);
  });
  it('terminates on cycles and reports them', () => {
    const edges = { a: [{ owner: 'b', percent: 50 }], b: [{ owner: 'a', percent: 50 }] };
    expect(run(edges, []).size).toBe(0);
    expect(run(edges, ['a']).has('b')).toBe(true);
    const g = graph(edges);
    expect(findCycles(g.parties, g)).toHaveLength(1);
  });
  it('unknown shares: ignored, or assumed to reach the threshold (and marked so)', () => {
    const edges = { a: [{ owner: 's', percent: undefined }] };
    expect(run(edges, ['s'], 'ignore').has('a')).toBe(false);
    expect(run(edges, ['s'], 'assume_threshold').get('a')?.viaUnknownShare).toBe(true);
  });
  it('a chain listed against its ownership (each party before its owner), 200,000 links: one pass per link without rescanning every party on each (was quadratic: minutes); no stack overflow in the cycle search', () => {
    const N = 200_000;
    const parties: string[] = [];
    const owners = new Map<string, OwnerEdge[]>();
    for (let i = N - 1; i >= 1; i--) {
      parties.push(`p${i}`);
      owners.set(`p${i}`, [{ owner: `p${i - 1}`, percent: 60 }]);
    }
    parties.push('p0');
    const input = { parties, owners: (p: string) => owners.get(p) ?? [], seeds: new Set(['p0']), eligible: () => true, thresholdPercent: 50, unknownShare: 'ignore' as const };
    const t = taintByOwnership(input);
    expect(t.size).toBe(N);
    expect(t.get(`p${N - 1}`)?.owners).toEqual([{ owner: `p${N - 2}`, percent: 60 }]);
    expect(findCycles(parties, input)).toEqual([]);
  });
  it('property: adding shares held by tainted owners never removes a taint (monotone)', () => {
    const arbEdges = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.array(fc.record({ owner: fc.constantFrom('a', 'b', 'c', 'd', 'e', 's'), percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(arbEdges, fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 1, max: 100 }), (edges, target, extra) => {
        const before = run(edges, ['s']);
        const more = { ...edges, [target]: [...(edges[target] ?? []), { owner: 's', percent: extra }] };
        const after = run(more, ['s']);
        for (const k of before.keys()) expect(after.has(k)).toBe(true);
      }),
    );
  });
  it('property: the result is the same whatever the order the parties are listed in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd', 's'), fc.integer({ min: 0, max: 100 })), { maxLength: 10 }), (list) => {
        const edges: Record<string, OwnerEdge[]> = {};
        for (const [p, o, pct] of list) if (p !== o) (edges[p] ??= []).push({ owner: o, percent: pct });
        const g = graph(edges);
        const fwd = taintByOwnership({ parties: [...g.parties], owners: g.owners, seeds: new Set(['s']), eligible: () => true, thresholdPercent: 50, unknownShare: 'ignore' });
        const rev = taintByOwnership({ parties: [...g.parties].reverse(), owners: g.owners, seeds: new Set(['s']), eligible: () => true, thresholdPercent: 50, unknownShare: 'ignore' });
        expect([...fwd.keys()].sort()).toEqual([...rev.keys()].sort());
      }),
    );
  });
  it('property: examining again only the parties whose owners (or read parties) changed gives the very result, reasons and order of examining all parties on every pass', () => {
    const party = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(party, fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 's'), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined })), { maxLength: 14 }),
        fc.array(fc.tuple(party, fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 's')), { maxLength: 4 }),
        fc.constantFrom<'ignore' | 'assume_threshold'>('ignore', 'assume_threshold'),
        (list, jobs, unknownShare) => {
          const edges: Record<string, OwnerEdge[]> = {};
          for (const [p, o, pct] of list) if (p !== o) (edges[p] ??= []).push({ owner: o, percent: pct });
          // An extra rule in the manner of 202.211(a)(3): tainted through an "employer".
          const employers: Record<string, string[]> = {};
          for (const [p, e] of jobs) if (p !== e) (employers[p] ??= []).push(e);
          const g = graph(edges);
          const parties = [...g.parties, ...Object.keys(employers)].filter((x, i, xs) => xs.indexOf(x) === i);
          const alsoTainted = (p: string, tainted: ReadonlySet<string>) => {
            const job = (employers[p] ?? []).find((e) => tainted.has(e));
            return job ? { kind: 'ownership' as const, owners: [{ owner: job, percent: undefined }], total: 0 } : undefined;
          };
          const base = { parties, owners: g.owners, seeds: new Set(['s']), eligible: (p: string) => p !== 'f', thresholdPercent: 50, unknownShare, alsoTainted };
          const everyPass = taintByOwnership(base);
          const onlyChanged = taintByOwnership({ ...base, alsoReads: (p: string) => employers[p] ?? [] });
          expect([...onlyChanged]).toEqual([...everyPass]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('covered persons in an inventory (202.211)', () => {
  const inv = inventory({
    entities: [
      { id: 'cn-group', name: 'CN Group', kind: 'company', organizedIn: 'CN' },
      { id: 'sg-vendor', name: 'SG Vendor', kind: 'company', organizedIn: 'SG', owners: [{ entity: 'cn-group', percent: 60 }] },
      { id: 'sg-sub', name: 'SG Vendor Sub', kind: 'company', organizedIn: 'MY', owners: [{ entity: 'sg-vendor', percent: 51 }] },
      { id: 'engineer', name: 'Contractor in DE', kind: 'individual', citizenships: ['DE'], primaryResidence: 'DE', employment: [{ entity: 'sg-vendor', relation: 'contractor' }] },
      { id: 'us-staff', name: 'US staffer of the vendor', kind: 'individual', usStatus: 'citizen', location: 'US', employment: [{ entity: 'sg-vendor' }] },
      { id: 'unknown-share', name: 'Partly held', kind: 'company', organizedIn: 'JP', owners: [{ entity: 'cn-group' }] },
      { id: 'cn-gov', name: 'Government of China', kind: 'government', government: 'CN' },
      { id: 'soe', name: 'State firm abroad', kind: 'company', organizedIn: 'GB', owners: [{ entity: 'cn-gov', percent: 50 }] },
    ],
  });
  const p = deriveFacts(inv, '2026-01-01').persons.parties;
  it('≥50 % owned by a covered person, and down the chain', () => {
    expect(p.get('sg-vendor')!.coveredPerson).toBe(true);
    expect(p.get('sg-sub')!.coveredPerson).toBe(true);
    expect(p.get('sg-sub')!.coveredReasons.join('\n')).toMatch(/SG Vendor 51%[\s\S]*CN Group 60%/);
  });
  it('foreign contractors of a covered entity are covered (a)(3); U.S. persons are not', () => {
    expect(p.get('engineer')!.coveredPerson).toBe(true);
    expect(p.get('us-staff')!.coveredPerson).toBe(false);
  });
  it('owned by the government of a country of concern', () => {
    expect(p.get('cn-gov')!.countryOfConcern).toBe(true);
    expect(p.get('soe')!.coveredPerson).toBe(true);
  });
  it('an undeclared share is treated as covered by default, and says so', () => {
    expect(p.get('unknown-share')!.coveredPerson).toBe(true);
    expect(p.get('unknown-share')!.coveredReasons[0]).toMatch(/declare the percentage/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListDir, parseListFile, isSkipped } from './lists/index.js';
import { Matcher } from './match/matcher.js';
import { screen, designationsFrom, mergeDesignations, isScreenWritten, type ScreenMatch } from './screen.js';
import { LIST_PARENT_VIA, MAX_PARENT_DEPTH, ParentGraph, propagationRule } from './propagate.js';
import type { ListEntry } from './types.js';
import { runCheck } from '../engine/check.js';
import { deriveDesignations } from '../facts/designations.js';
import { PACKS } from '../packs/index.js';
import { inventory } from '../testing/inventory.js';
import { sharedPath } from '../testing/shared.js';
import type { CivilDate } from '../time/civil-date.js';

const AS_OF = '2026-08-22' as CivilDate;

function entriesOf(...dirs: string[]): ListEntry[] {
  return dirs.flatMap((d) => parseListDir(sharedPath('data/lists', d))).flatMap((o) => (isSkipped(o) ? [] : o.entries));
}

/** The alert for `entityId` when screening `name`. */
function alertFor(matcher: Matcher, name: string, entityId: string, asOf: CivilDate | null = AS_OF): ScreenMatch {
  const [r] = screen([name], matcher, asOf ? { asOf } : {});
  const m = r!.matches.find((x) => x.entityId === entityId);
  if (!m) throw new Error(`${name}: no alert for ${entityId} (got ${r!.matches.map((x) => x.entityId).join(', ')})`);
  return m;
}

let real: ListEntry[];
let matcher: Matcher;
beforeAll(() => {
  real = entriesOf('fcc_covered_list', 'dod_1260h', 'ofac_sdn_2021', 'ofac_nonsdn_consolidated_2025');
  matcher = new Matcher(real);
});

describe('parent links from the real lists', () => {
  it('FCC: ComNet (USA) LLC, "wholly-owned subsidiary" of Pacific Networks Corp, inherits its FCC listing under the list\'s rule', () => {
    const m = alertFor(matcher, 'ComNet (USA) LLC', 'fcc.covered:comnet-usa-llc');
    expect(m.parents).toEqual([
      { name: 'Pacific Networks Corp', list: 'fcc.covered', kind: 'subsidiary-of', of: 'ComNet (USA) LLC', depth: 1, entityIds: ['fcc.covered:pacific-networks-corp'] },
    ]);
    expect(m.inherited).toHaveLength(1);
    const h = m.inherited![0]!;
    expect(h).toMatchObject({ list: 'fcc.covered', source: 'fcc.covered:pacific-networks-corp', listedFrom: '2022-09-20' });
    expect(h.via).toBe(
      `subsidiary of Pacific Networks Corp per fcc.covered (subsidiary-of; wholly-owned: 100 % ≥ 50 %); ${propagationRule('fcc.covered', AS_OF)!.citation}`,
    );
    expect(h.via).toMatch(LIST_PARENT_VIA);

    // Written as designations: the direct hit first, then the inherited one with its path.
    const ds = designationsFrom(screen(['ComNet (USA) LLC'], matcher, { asOf: AS_OF }));
    expect(ds.map((d) => [d.source, d.via === undefined ? 'direct' : 'inherited'])).toEqual([
      ['fcc.covered:comnet-usa-llc', 'direct'],
      ['fcc.covered:pacific-networks-corp', 'inherited'],
    ]);
    expect(ds[1]).toMatchObject({ list: 'fcc.covered', matchedName: 'ComNet (USA) LLC', score: 1, via: h.via });
    expect(ds.every(isScreenWritten)).toBe(true);
    // what the parent's entry covers comes with it, as for a direct match (us.infra reads it)
    expect(h.scope).toMatch(/^International telecommunications services provided by Pacific Networks Corp/);
    expect(ds[1]!.scope).toBe(h.scope);
  });

  it('facts: a designation inherited by ownership keeps what the parent\'s listing covers and when it ends', () => {
    const inv = inventory({
      entities: [
        { id: 'p', name: 'Parent', kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', scope: 'Video surveillance equipment for public safety', listedFrom: '2021-03-12', listedUntil: '2027-01-31' }] },
        { id: 's', name: 'Sub', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'p', percent: 60 }] },
      ],
    });
    const got = deriveDesignations(inv, AS_OF).get('s')!;
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ list: 'fcc.covered', inherited: true, scope: 'Video surveillance equipment for public safety', listedFrom: '2021-03-12', listedUntil: '2027-01-31' });
  });

  it('nothing is inherited without an as-of date, or from a match that is not an alert; the chain is still shown', () => {
    const noDate = alertFor(matcher, 'ComNet (USA) LLC', 'fcc.covered:comnet-usa-llc', null);
    expect(noDate.parents?.[0]?.name).toBe('Pacific Networks Corp');
    expect(noDate.inherited).toBeUndefined();
    const [before] = screen(['ComNet (USA) LLC'], matcher, { asOf: '2022-09-19' as CivilDate, all: true });
    const marked = before!.matches.find((x) => x.entityId === 'fcc.covered:comnet-usa-llc')!;
    expect(marked.notInForce).toBe(true);
    expect(marked.parents?.[0]?.name).toBe('Pacific Networks Corp');
    expect(marked.inherited).toBeUndefined();
    expect(designationsFrom([before!])).toEqual([]);
  });

  it('1260H: Huawei Technologies Co., Ltd. → parent Huawei Investment & Holding (also on NS-CMIC); neither list has an ownership rule, so nothing is inherited', () => {
    const m = alertFor(matcher, 'Huawei Technologies Co., Ltd.', 'dod.1260h:huawei-technologies-co-ltd');
    expect(m.parents).toEqual([
      {
        name: 'Huawei Investment & Holding Co., Ltd.',
        list: 'dod.1260h',
        kind: 'parent',
        of: 'Huawei Technologies Co., Ltd.',
        depth: 1,
        // the same party on the OFAC non-SDN list by its primary name — not by OFAC's alias on
        // HUAWEI TECHNOLOGIES CO., LTD. (which names the parent as an a.k.a.)
        entityIds: ['dod.1260h:huawei-investment-holding-co-ltd', 'ofac.cons:32087'],
      },
    ]);
    expect(propagationRule('dod.1260h', AS_OF)).toBeNull();
    expect(propagationRule('ofac.cons', AS_OF)).toBeNull();
    expect(m.inherited).toBeUndefined();
  });

  it('OFAC "Linked To": NAFTIRAN INTERTRADE CO. (NICO) LIMITED → NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED is shown, not inherited, though the SDN 50 % rule is in force', () => {
    const m = alertFor(matcher, 'Naftiran Intertrade Co. (NICO) Limited', 'ofac.sdn:11318');
    expect(m.parents).toEqual([
      { name: 'NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED', list: 'ofac.sdn', kind: 'linked', of: 'NAFTIRAN INTERTRADE CO. (NICO) LIMITED', depth: 1, entityIds: ['ofac.sdn:11639'] },
    ]);
    expect(propagationRule('ofac.sdn', AS_OF)?.percent).toBe(50);
    expect(m.inherited).toBeUndefined();
    expect(designationsFrom(screen(['Naftiran Intertrade Co. (NICO) Limited'], matcher, { asOf: AS_OF })).every((d) => d.via === undefined)).toBe(true);
  });

  it('a `linked` link never creates a designation: no entry of the OFAC lists inherits anything', () => {
    const graph = new ParentGraph(real);
    let linked = 0;
    for (const e of real) {
      if (!e.list.startsWith('ofac.')) continue;
      const f = graph.explain(e.entityId, AS_OF);
      linked += f.parents.length;
      expect(f.parents.every((p) => p.kind === 'linked')).toBe(true);
      expect(f.inherited).toEqual([]);
    }
    expect(linked).toBeGreaterThan(1000);
  });
});

describe('ParentGraph', () => {
  const entry = (over: Partial<ListEntry> & Pick<ListEntry, 'entityId' | 'list' | 'name'>): ListEntry => ({
    programs: [],
    type: 'company',
    aliases: [],
    countries: [],
    listedFrom: '2021-01-01',
    source: { file: 'test.csv' },
    ...over,
  });

  it('never inherits across a `linked` link, whatever list the parent is on', () => {
    const g = new ParentGraph([
      entry({ entityId: 'ofac.sdn:1', list: 'ofac.sdn', name: 'Child Shipping LLC', parents: ['Blocked Parent Holding'] }),
      entry({ entityId: 'ofac.sdn:2', list: 'ofac.sdn', name: 'Blocked Parent Holding' }),
      entry({ entityId: 'opensanctions:c', list: 'opensanctions', name: 'Other Child LLC', parents: ['Blocked Parent Holding'] }),
    ]);
    for (const id of ['ofac.sdn:1', 'opensanctions:c']) {
      const f = g.explain(id, AS_OF);
      expect(f.parents.map((p) => [p.kind, p.entityIds])).toEqual([['linked', ['ofac.sdn:2']]]);
      expect(f.inherited).toEqual([]);
    }
  });

  it('walks chains, stops at cycles and at the depth bound, and explains every step', () => {
    // A → B → C → A on the FCC list (a cycle), each a listed subsidiary.
    const g = new ParentGraph([
      entry({ entityId: 'fcc.covered:a', list: 'fcc.covered', name: 'Alpha Telecom LLC', parents: ['Beta Networks Corp'] }),
      entry({ entityId: 'fcc.covered:b', list: 'fcc.covered', name: 'Beta Networks Corp', parents: ['Gamma Holdings Ltd'] }),
      entry({ entityId: 'fcc.covered:c', list: 'fcc.covered', name: 'Gamma Holdings Ltd', parents: ['Alpha Telecom LLC'] }),
    ]);
    const f = g.explain('fcc.covered:a', AS_OF);
    expect(f.parents.map((p) => [p.depth, p.of, p.name])).toEqual([
      [1, 'Alpha Telecom LLC', 'Beta Networks Corp'],
      [2, 'Beta Networks Corp', 'Gamma Holdings Ltd'],
    ]);
    expect(f.inherited.map((h) => h.source)).toEqual(['fcc.covered:b', 'fcc.covered:c']);
    expect(f.inherited[1]!.via).toMatch(
      /^subsidiary of Beta Networks Corp per fcc\.covered \(subsidiary-of; no share given: treated as meeting the 50 % threshold\), itself subsidiary of Gamma Holdings Ltd per fcc\.covered \(subsidiary-of; no share given: treated as meeting the 50 % threshold\); 47 CFR 1\.50002/,
    );

    const long = Array.from({ length: 12 }, (_, i) =>
      entry({ entityId: `fcc.covered:${i}`, list: 'fcc.covered', name: `Level ${'x'.repeat(i + 1)} Corp`, ...(i < 11 ? { parents: [`Level ${'x'.repeat(i + 2)} Corp`] } : {}) }),
    );
    const deep = new ParentGraph(long).explain('fcc.covered:0', AS_OF);
    expect(deep.parents).toHaveLength(MAX_PARENT_DEPTH);
    expect(Math.max(...deep.parents.map((p) => p.depth))).toBe(MAX_PARENT_DEPTH);
  });

  it('follows each list\'s dated rule: a 1260H subsidiary of an Entity List party inherits under the BIS affiliates rule except during its suspension', () => {
    const g = new ParentGraph([
      entry({ entityId: 'dod.1260h:sub', list: 'dod.1260h', name: 'Example Avionics Co., Ltd.', programs: ['1260H'], parents: ['Example Aero Group Corporation'] }),
      entry({ entityId: 'trade.csl:el-1', list: 'trade.csl', name: 'Example Aero Group Corporation', programs: ['Entity List (EL) - Bureau of Industry and Security'], listedFrom: '2020-12-18' }),
    ]);
    const at = (d: string) => g.explain('dod.1260h:sub', d as CivilDate).inherited;
    expect(at('2025-10-15').map((h) => h.via)).toEqual([
      'subsidiary of Example Aero Group Corporation per dod.1260h (parent; no share given: treated as meeting the 50 % threshold); 15 CFR 744.11 as amended (affiliates rule, FR doc. 2025-19001)',
    ]);
    expect(at('2025-09-28')).toEqual([]); // before the affiliates rule
    expect(at('2026-01-01')).toEqual([]); // suspended 2025-11-10 → 2026-11-09
    expect(at('2026-11-10').map((h) => h.list)).toEqual(['trade.csl']);
    // a parent listing that ended is not inherited
    const ended = new ParentGraph([
      entry({ entityId: 'fcc.covered:s', list: 'fcc.covered', name: 'Sub One LLC', parents: ['Parent One Corp'] }),
      entry({ entityId: 'fcc.covered:p', list: 'fcc.covered', name: 'Parent One Corp', listedUntil: '2024-01-01' }),
    ]);
    expect(ended.explain('fcc.covered:s', AS_OF).inherited).toEqual([]);
    expect(ended.explain('fcc.covered:s', '2023-06-01' as CivilDate).inherited).toHaveLength(1);
    // a parent taken off the list and listed again passes nothing on in the gap
    const gap = new ParentGraph([
      entry({ entityId: 'fcc.covered:s', list: 'fcc.covered', name: 'Sub One LLC', parents: ['Parent One Corp'] }),
      entry({ entityId: 'fcc.covered:p', list: 'fcc.covered', name: 'Parent One Corp', listedFrom: '2022-01-01', periods: [{ from: '2022-01-01', until: '2022-12-31' }, { from: '2024-01-01' }] }),
    ]);
    expect(['2022-06-01', '2023-06-01', '2024-06-01'].map((d) => gap.explain('fcc.covered:s', d as CivilDate).inherited.length)).toEqual([1, 0, 1]);
  });
});

describe('write-back of a listing with a gap (taken off the list, then listed again)', () => {
  const base = { programs: ['Entity List'], type: 'company' as const, aliases: [], countries: [], source: { file: 't.csv' } };
  it('writes one designation per listing period, so that the inventory does not read the gap as in force', () => {
    const gapped: ListEntry = { ...base, entityId: 'bis.entity:g', list: 'bis.entity', name: 'Gapped Memory Technologies Ltd', listedFrom: '2023-01-01', periods: [{ from: '2023-01-01', until: '2024-03-31' }, { from: '2025-02-01' }] };
    const ds = designationsFrom(screen(['Gapped Memory Technologies Ltd'], new Matcher([gapped]), { asOf: AS_OF }));
    expect(ds.map((d) => [d.listedFrom, d.listedUntil])).toEqual([
      ['2023-01-01', '2024-03-31'],
      ['2025-02-01', undefined],
    ]);
    expect(ds.every((d) => d.source === 'bis.entity:g' && d.list === 'bis.entity')).toBe(true);
  });
  it('removal dates (untilExclusive) become the last day listed, for each period', () => {
    const removed: ListEntry = { ...base, entityId: 'dod.1260h:r', list: 'dod.1260h', programs: [], name: 'Removed Twice Semiconductor Co', listedFrom: '2021-01-14', listedUntil: '2026-02-17', untilExclusive: true, periods: [{ from: '2021-01-14', until: '2022-06-03' }, { from: '2024-01-31', until: '2026-02-17' }] };
    const r = screen(['Removed Twice Semiconductor Co'], new Matcher([removed]), { asOf: '2025-06-01' as CivilDate, all: true });
    expect(r[0]!.matches[0]!.periods).toHaveLength(2);
    expect(designationsFrom(r).map((d) => [d.listedFrom, d.listedUntil])).toEqual([
      ['2021-01-14', '2022-06-02'],
      ['2024-01-31', '2026-02-16'],
    ]);
  });
  it('a parent\'s gap is carried into the designations its subsidiary inherits', () => {
    const sub = { ...base, entityId: 'fcc.covered:s', list: 'fcc.covered', programs: [], name: 'Sub One LLC', parents: ['Parent One Corp'] };
    const parent = { ...base, entityId: 'fcc.covered:p', list: 'fcc.covered', programs: [], name: 'Parent One Corp', listedFrom: '2022-01-01', periods: [{ from: '2022-01-01', until: '2022-12-31' }, { from: '2024-01-01' }] };
    const ds = designationsFrom(screen(['Sub One LLC'], new Matcher([sub, parent]), { asOf: AS_OF }));
    const inherited = ds.filter((d) => d.via !== undefined);
    expect(inherited.map((d) => [d.source, d.listedFrom, d.listedUntil])).toEqual([
      ['fcc.covered:p', '2022-01-01', '2022-12-31'],
      ['fcc.covered:p', '2024-01-01', undefined],
    ]);
  });
});

describe('write-back: what screening wrote is replaced, declared designations stay', () => {
  it('replaces direct and list-inherited hits, keeps declared ones (with or without a path of their own), and is idempotent', () => {
    const fresh = designationsFrom(screen(['ComNet (USA) LLC'], matcher, { asOf: AS_OF }));
    const declared = [
      { list: 'doj.covered_persons', program: 'declared by legal' },
      { list: 'ofac.sdn', via: 'owner x (60%)', score: 1 },
      { list: 'fcc.covered', via: 'subsidiary of Pacific Networks Corp per our due diligence (2024)' },
    ];
    const stale = [
      { list: 'fcc.covered', source: 'fcc.covered:old', matchedName: 'Old', score: 0.9 },
      { list: 'fcc.covered', source: 'fcc.covered:old-parent', matchedName: 'Old', score: 0.9, via: 'subsidiary of Old Parent per fcc.covered (subsidiary-of; wholly-owned: 100 % ≥ 50 %); x' },
    ];
    expect(declared.map(isScreenWritten)).toEqual([false, false, false]);
    expect(stale.map(isScreenWritten)).toEqual([true, true]);
    const once = mergeDesignations([...declared, ...stale], fresh);
    expect(once).toEqual([...declared, ...fresh]);
    const twice = mergeDesignations(once, designationsFrom(screen(['ComNet (USA) LLC'], matcher, { asOf: AS_OF })));
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
  });
});

describe('inherited designations flow into check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dc-propagate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function checkVendor(vendorName: string, entries: readonly ListEntry[]) {
    const designations = designationsFrom(screen([vendorName], new Matcher(entries), { asOf: AS_OF }));
    const inv = inventory({
      entities: [{ id: 'vendor', name: vendorName, kind: 'company', organizedIn: 'US', designations }],
      assets: [{ id: 'uplink', name: 'International uplink', kind: 'carrier_service', vendor: 'vendor' }],
    });
    const result = runCheck(inv, { asOf: AS_OF, packs: PACKS });
    const decision = result.assets.find((a) => a.asset === 'uplink')!.decisions.find((d) => d.regime === 'us.infra')!;
    return { designations, decision };
  }

  it('a vendor screened as a 1260H subsidiary of Pacific Networks Corp (real FCC entry) gets the FCC outcome with the path in its reasons', () => {
    // One 1260H-format row (the real parser): a subsidiary the FCC list does not name itself.
    const file = join(dir, 'sanctions.csv');
    writeFileSync(
      file,
      'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n' +
        'Pacific Networks Example Services Ltd.,Pacific Networks Example Services Ltd.,,,Pacific Networks Corp,,2025-01-07,,\n',
    );
    const parsed = parseListFile(file);
    if (isSkipped(parsed)) throw new Error(parsed.skipped);
    const fcc = real.filter((e) => e.list === 'fcc.covered');
    const { designations, decision } = checkVendor('Pacific Networks Example Services Ltd.', [...fcc, ...parsed.entries]);
    expect(designations.map((d) => [d.list, d.source, d.via !== undefined])).toEqual([
      ['dod.1260h', 'dod.1260h:pacific-networks-example-services-ltd', false],
      ['fcc.covered', 'fcc.covered:pacific-networks-corp', true],
    ]);
    expect(decision.outcome).toBe('covered_list_equipment');
    expect(decision.verdict).toBe('conditional');
    expect(decision.reasons.join('\n')).toContain(
      'is on the FCC Covered List (fcc.covered, since 2022-09-20, inherited: subsidiary of Pacific Networks Corp per dod.1260h (parent; no share given: treated as meeting the 50 % threshold); 47 CFR 1.50002',
    );
    // The 1260H listing itself is read too (FY2024 NDAA §805).
    expect(decision.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['us.infra/47cfr1.50002', 'us.infra/ndaa2024-805']));
  });

  it('ComNet (USA) LLC itself: covered on its own listing; the inherited designation is carried with its path', () => {
    const { designations, decision } = checkVendor('ComNet (USA) LLC', real);
    expect(decision.outcome).toBe('covered_list_equipment');
    expect(decision.reasons.join('\n')).toContain('ComNet (USA) LLC is on the FCC Covered List');
    const inv = inventory({ entities: [{ id: 'vendor', name: 'ComNet (USA) LLC', kind: 'company', organizedIn: 'US', designations }] });
    const derived = deriveDesignations(inv, AS_OF).get('vendor') ?? [];
    expect(derived.map((d) => [d.source, d.inherited])).toEqual([
      ['fcc.covered:comnet-usa-llc', false],
      ['fcc.covered:pacific-networks-corp', true],
    ]);
    expect(derived[1]!.via).toMatch(/^subsidiary of Pacific Networks Corp per fcc\.covered \(subsidiary-of; wholly-owned: 100 % ≥ 50 %\)/);
  });
});

import { describe, expect, it } from 'vitest';
import { inventory, decide } from '../../testing/inventory.js';
import { cnLists } from './index.js';

const listed = { id: 'r', name: 'Example Defense Systems Inc.', kind: 'company' as const, organizedIn: 'US', designations: [{ list: 'cn.countersanctions', program: 'Unreliable Entity List', listedFrom: '2023-02-16' }] };

describe('cn.lists — PRC countermeasures (AFSL Arts. 6, 11)', () => {
  it('a transfer from a Chinese company to a listed party → countermeasure_target, blocked by default', () => {
    const inv = inventory({
      entities: [listed, { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' }],
      datasets: [{ id: 'd', categories: ['business'] }],
      flows: [{ id: 'f', dataset: 'd', from: 'cn', recipient: 'r', destination: 'US', kind: 'transfer' }],
    });
    const d = decide(cnLists, inv, '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['countermeasure_target', 'blocked']);
    expect(d.rules[0]!.citation).toMatch(/Anti-Foreign Sanctions Law/);
  });
  it('the same recipient from a US exporter with data in the US → not applicable', () => {
    const inv = inventory({
      entities: [listed],
      systems: [{ id: 's', location: 'US' }],
      datasets: [{ id: 'd', categories: ['business'], system: 's' }],
      flows: [{ id: 'f', dataset: 'd', recipient: 'r', destination: 'US', kind: 'transfer' }],
    });
    expect(decide(cnLists, inv, '2026-01-01').verdict).toBe('not_applicable');
  });
  it('data sent from a system in China counts as from China; a lapsed listing does not', () => {
    const inv = (until?: string) =>
      inventory({
        entities: [{ ...listed, designations: [{ ...listed.designations[0]!, ...(until ? { listedUntil: until } : {}) }] }],
        systems: [{ id: 's', location: 'CN' }],
        datasets: [{ id: 'd', categories: ['business'], system: 's' }],
        flows: [{ id: 'f', dataset: 'd', recipient: 'r', destination: 'US', kind: 'transfer' }],
      });
    expect(decide(cnLists, inv(), '2026-01-01').outcome).toBe('countermeasure_target');
    expect(decide(cnLists, inv('2025-06-30'), '2026-01-01').outcome).toBe('not_applicable');
  });
  it('says why when nothing binds: no listing, exporter outside China, or a flow judged before the rules took effect', () => {
    const inv = (recipient: typeof listed | { id: string; name: string; kind: 'company'; organizedIn: string }, from: 'cn' | undefined, end?: string) =>
      inventory({
        entities: [recipient, { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' }],
        datasets: [{ id: 'd', categories: ['business'] }],
        flows: [{ id: 'f', dataset: 'd', ...(from ? { from } : {}), recipient: 'r', destination: 'US', kind: 'transfer', ...(end ? { start: '2019-01-01', end } : {}) }],
      });
    const plain = { id: 'r', name: 'Plain Inc.', kind: 'company' as const, organizedIn: 'US' };
    expect(decide(cnLists, inv(plain, 'cn'), '2026-01-01').reasons).toEqual(['the recipient is on no PRC countermeasure list loaded into the inventory']);
    expect(decide(cnLists, inv(listed, undefined), '2026-01-01').reasons).toEqual(['the exporter is not in China, so PRC countermeasures do not bind this flow']);
    const early = { ...listed, designations: [{ ...listed.designations[0]!, listedFrom: '2019-01-01' }] };
    const before = decide(cnLists, inv(early, 'cn', '2020-06-30'), '2026-01-01');
    expect([before.outcome, before.reasons[0]]).toEqual(['not_applicable', 'the countermeasure rules were not yet in force on 2020-06-30 (from 2020-09-19)']);
  });
  it('a flow that ended before the recipient was listed is not caught by the listing', () => {
    const inv = (end: string) =>
      inventory({
        entities: [listed, { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' }],
        datasets: [{ id: 'd', categories: ['business'] }],
        flows: [{ id: 'f', dataset: 'd', from: 'cn', recipient: 'r', destination: 'US', kind: 'transfer', start: '2022-01-01', end }],
      });
    const before = decide(cnLists, inv('2023-02-15'), '2026-01-01');
    expect([before.outcome, before.verdict]).toEqual(['not_applicable', 'not_applicable']);
    expect(before.reasons).toEqual(["the recipient's PRC countermeasure listing (Unreliable Entity List, since 2023-02-16) was not in force on 2023-02-15, when the flow ended"]);
    expect(decide(cnLists, inv('2023-02-16'), '2026-01-01').outcome).toBe('countermeasure_target');
  });
  it('a flow judged while the recipient was listed is caught, though the listing has lapsed by the as-of date', () => {
    const inv = (end: string) =>
      inventory({
        entities: [{ ...listed, designations: [{ ...listed.designations[0]!, listedUntil: '2024-12-31' }] }, { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' }],
        datasets: [{ id: 'd', categories: ['business'] }],
        flows: [{ id: 'f', dataset: 'd', from: 'cn', recipient: 'r', destination: 'US', kind: 'transfer', start: '2022-01-01', end }],
      });
    const during = decide(cnLists, inv('2024-06-30'), '2026-01-01');
    expect([during.outcome, during.verdict]).toEqual(['countermeasure_target', 'blocked']);
    expect(during.reasons[0]).toMatch(/Unreliable Entity List, since 2023-02-16/);
    expect(decide(cnLists, inv('2025-01-01'), '2026-01-01').outcome).toBe('not_applicable');
    // an ongoing flow is judged on the as-of date, when the listing no longer holds
    const ongoing = inventory({
      entities: [{ ...listed, designations: [{ ...listed.designations[0]!, listedUntil: '2024-12-31' }] }, { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' }],
      datasets: [{ id: 'd', categories: ['business'] }],
      flows: [{ id: 'f', dataset: 'd', from: 'cn', recipient: 'r', destination: 'US', kind: 'transfer', start: '2022-01-01' }],
    });
    expect(decide(cnLists, ongoing, '2026-01-01').outcome).toBe('not_applicable');
  });
  describe('parties of screening-cases.jsonl on the PRC lists, with the designation `screen` writes', () => {
    const flowTo = (party: { id: string; name: string; listed: string; program: string }) =>
      inventory({
        entities: [
          { id: party.id, name: party.name, kind: 'company', organizedIn: party.id === 'jaxa' ? 'JP' : 'US', designations: [{ list: 'cn.countersanctions', program: party.program, listedFrom: party.listed }] },
          { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' },
        ],
        datasets: [{ id: 'd', categories: ['business'] }],
        flows: [{ id: 'f', dataset: 'd', from: 'cn', recipient: party.id, destination: party.id === 'jaxa' ? 'JP' : 'US', kind: 'transfer' }],
      });
    const cases = [
      { q: 'Lockheed Martin Corp', id: 'lm', name: 'Lockheed Martin Corporation', program: 'UEL; List of Export Controls', listed: '2023-02-16' },
      { q: 'JAXA', id: 'jaxa', name: 'Japan Aerospace Exploration Agency', program: 'List of Export Controls', listed: '2026-02-24', exportControl: true },
      { q: '诺斯罗普·格鲁曼公司', id: 'ng', name: 'Northrop Grumman', program: 'AFSL', listed: '2023-09-15' },
      { q: '斯凯迪奥公司', id: 'sk', name: 'Skydio Inc.', program: 'Decision on Countermeasures against U.S. military-industry enterprises and senior managers; UEL; List of Export Controls', listed: '2024-10-10' },
    ];
    for (const c of cases as readonly ((typeof cases)[number] & { exportControl?: boolean })[]) {
      it(`"${c.q}" → ${c.name}: ${c.exportControl ? 'on the export-control control list' : 'a countermeasure target'} from ${c.listed}, named with its list and date; not before`, () => {
        const d = decide(cnLists, flowTo(c), '2026-06-01');
        expect([d.outcome, d.verdict]).toEqual([c.exportControl ? 'export_control_listed' : 'countermeasure_target', 'blocked']);
        expect(d.reasons[0]).toBe(`${c.name} is on a PRC ${c.exportControl ? 'export-control control list' : 'countermeasure list'} (${c.program}, since ${c.listed}) and Shanghai Co is organized in China`);
        const day = new Date(Date.parse(c.listed) - 86_400_000).toISOString().slice(0, 10);
        expect(decide(cnLists, flowTo(c), day).outcome).toBe('not_applicable');
      });
    }
  });
  it('shared not-applicable decisions are frozen, so no caller can alter another flow\'s decision', () => {
    const inv = inventory({ entities: [{ id: 'r', name: 'Plain Inc.', kind: 'company', organizedIn: 'US' }], datasets: [{ id: 'd', categories: ['business'] }], flows: [{ id: 'f', dataset: 'd', recipient: 'r', destination: 'US', kind: 'transfer' }] });
    const d = decide(cnLists, inv, '2026-01-01');
    expect(Object.isFrozen(d) && Object.isFrozen(d.reasons) && Object.isFrozen(d.rules)).toBe(true);
  });
});

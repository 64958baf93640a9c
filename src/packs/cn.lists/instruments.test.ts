import { describe, expect, it } from 'vitest';
import { inventory, decide } from '../../testing/inventory.js';
import { cnLists, instrumentsOf } from './index.js';

/** A transfer from a company in China to a party listed with `program` (as `screen` writes the OpenSanctions `List` column). */
function flowTo(program: string, listedFrom: string, end?: string) {
  return inventory({
    entities: [
      { id: 'r', name: 'Example Listed Co.', kind: 'company', organizedIn: 'JP', designations: [{ list: 'cn.countersanctions', program, listedFrom }] },
      { id: 'cn', name: 'Shanghai Co', kind: 'company', organizedIn: 'CN' },
    ],
    datasets: [{ id: 'd', categories: ['business'] }],
    flows: [{ id: 'f', dataset: 'd', from: 'cn', recipient: 'r', destination: 'JP', kind: 'transfer', ...(end ? { start: '2019-01-01', end } : {}) }],
  });
}

describe('cn.lists — the instrument a PRC listing is under ("counter-sanctions and export-control lists", screening.md §3)', () => {
  it('reads the instrument from the list and program', () => {
    expect(instrumentsOf({ list: 'cn.countersanctions', program: 'UEL; List of Export Controls' })).toEqual(['uel', 'control_list']);
    expect(instrumentsOf({ list: 'cn.countersanctions', program: 'Export Control Watch List' })).toEqual(['watch_list']);
    expect(instrumentsOf({ list: 'cn.countersanctions', program: 'Decision on Countermeasures against U.S. military-industry enterprises and senior managers; UEL; List of Export Controls' })).toEqual(['uel', 'control_list', 'countermeasure']);
    expect(instrumentsOf({ list: 'cn.countersanctions', program: 'Ministry of Foreign Affairs' })).toEqual(['countermeasure']);
    expect(instrumentsOf({ list: 'cn.countersanctions' })).toEqual(['countermeasure']);
    expect(instrumentsOf({ list: 'cn.unreliable_entity' })).toEqual(['uel']);
  });
  it('a party on the export-control watch list only is not cited as an AFSL countermeasure target', () => {
    const d = decide(cnLists, flowTo('Export Control Watch List', '2026-02-24'), '2026-06-01');
    expect([d.outcome, d.verdict]).toEqual(['export_control_listed', 'blocked']);
    expect(d.rules.map((r) => r.id)).toEqual(['cn.lists/ecl-18']);
    expect(d.rules[0]!.citation).not.toMatch(/Anti-Foreign Sanctions/);
    expect(d.reasons).toEqual([
      'Example Listed Co. is on a PRC export-control watch list (Export Control Watch List, since 2026-02-24) and Shanghai Co is organized in China',
      'exports of dual-use items to a party on the watch list are subject to further checks (Regulations on the Export Control of Dual-Use Items [M]) — check whether the data is a controlled item, such as controlled technology',
    ]);
  });
  it('a party under both the UEL and the control list is a countermeasure target, with both rules and both reasons', () => {
    const d = decide(cnLists, flowTo('UEL; List of Export Controls', '2023-02-16'), '2026-06-01');
    expect([d.outcome, d.verdict]).toEqual(['countermeasure_target', 'blocked']);
    expect(d.rules.map((r) => r.id)).toEqual(['cn.lists/afsl-6-11', 'cn.lists/ecl-18']);
    expect(d.reasons[1]).toMatch(/\(AFSL Arts\. 6, 11; UEL Provisions Art\. 10 \[M\]\)/);
    expect(d.reasons[3]).toMatch(/^exports of controlled items to a party on the control list are barred or restricted \(Export Control Law Art\. 18 \[M\]\)/);
  });
  it('a Ministry of Foreign Affairs announcement naming no instrument is read as a countermeasure (the conservative reading)', () => {
    expect(decide(cnLists, flowTo('Ministry of Foreign Affairs', '2021-03-22'), '2026-06-01').outcome).toBe('countermeasure_target');
  });
  it('an export-control listing does not catch a flow that ended before the Export Control Law took effect (2020-12-01 [M])', () => {
    const before = decide(cnLists, flowTo('List of Export Controls', '2020-01-01', '2020-11-30'), '2026-06-01');
    expect([before.outcome, before.reasons[0]]).toEqual(['not_applicable', 'the export-control list rules were not yet in force on 2020-11-30 (from 2020-12-01)']);
    expect(decide(cnLists, flowTo('List of Export Controls', '2020-01-01', '2020-12-01'), '2026-06-01').outcome).toBe('export_control_listed');
  });
});

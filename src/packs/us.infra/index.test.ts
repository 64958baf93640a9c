import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';
import type { AssetInput, EntityInput } from '../../inventory/schema.js';

function oneAsset(vendor: EntityInput, asset: Omit<AssetInput, 'id' | 'vendor'>) {
  return inventory({ entities: [vendor], assets: [{ id: 'a', vendor: vendor.id, ...asset }] });
}

const HUAWEI = 'Telecommunications equipment produced by Huawei Technologies Company, including telecommunications or video surveillance services provided by such entity or using such equipment.';
const listed = (id: string, name: string, scope: string, listedFrom: string): EntityInput => ({ id, name, kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', program: 'Covered List', scope, listedFrom }] });

describe('us.infra — no reason says a listed or named vendor is on no list', () => {
  it('an asset of kind `other` of a Covered List vendor is noted as a listed vendor, not "not on a list these rules read"', () => {
    const d = decideAsset(usInfra, oneAsset(listed('hw', 'Huawei Technologies Co., Ltd.', HUAWEI, '2021-03-12'), { kind: 'other', name: 'Laptop fleet' }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['listed_vendor', 'permitted']);
    expect(d.rules.map((r) => r.id)).toEqual(['us.infra/47cfr1.50002']);
    expect(d.reasons[0]).toBe('Huawei Technologies Co., Ltd. is on the FCC Covered List (fcc.covered: Covered List, since 2021-03-12); this asset\'s kind is `other`, so whether the entry covers it is not known — check it against the entry (47 CFR 1.50002)');
  });
  it('ZTE cameras of an organization that is not a federal contractor: no finding, and the reason says Section 889 names ZTE', () => {
    const d = decideAsset(usInfra, oneAsset({ id: 'zte', name: 'ZTE Corporation', kind: 'company', organizedIn: 'CN' }, { kind: 'video_surveillance_equipment' }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['no_finding', 'not_applicable']);
    expect(d.reasons).toEqual(['ZTE Corporation is on no list these rules read (FCC Covered List, OFAC SDN, DoD 1260H); it matches "ZTE Corporation", a company Section 889 (FAR 52.204-25) names, which reaches the telecommunications and video surveillance equipment federal contractors use — not this asset as declared']);
  });
  it('a ByteDance cloud service: the reason says PAFACA [M] names ByteDance, for apps', () => {
    const d = decideAsset(usInfra, oneAsset({ id: 'bd', name: 'ByteDance Ltd.', kind: 'company', organizedIn: 'KY' }, { kind: 'cloud_service' }), '2026-01-01');
    expect(d.outcome).toBe('no_finding');
    expect(d.reasons[0]).toMatch(/matches "ByteDance Ltd\.", a company PAFACA \[M\] names/);
  });
});

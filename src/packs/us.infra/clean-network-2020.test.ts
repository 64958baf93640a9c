import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';
import type { AssetInput, EntityInput } from '../../inventory/schema.js';

function oneAsset(vendor: EntityInput, asset: Omit<AssetInput, 'id' | 'vendor'>) {
  return inventory({ entities: [vendor], assets: [{ id: 'a', vendor: vendor.id, ...asset }] });
}

describe('us.infra — Clean Network (2020), historical policy (us-rules.md §3)', () => {
  const tencent: EntityInput = { id: 't', name: 'Tencent Cloud Computing (Beijing) Co., Ltd.', kind: 'company', organizedIn: 'CN' };
  const huawei: EntityInput = { id: 'hw', name: 'Huawei Technologies Co., Ltd.', kind: 'company', organizedIn: 'CN' };
  it('the five lines of 5 Aug 2020 are not reported before that day; 5G Clean Path is, from 29 Apr 2020', () => {
    expect(decideAsset(usInfra, oneAsset(tencent, { kind: 'cloud_service' }), '2020-08-04').outcome).toBe('no_finding');
    const on = decideAsset(usInfra, oneAsset(tencent, { kind: 'cloud_service' }), '2020-08-05');
    expect([on.outcome, on.verdict]).toEqual(['historical_policy', 'not_applicable']);
    expect(on.reasons).toEqual(['Clean Cloud (announced 2020-08-05) named Alibaba, Baidu, Tencent (China Mobile, China Telecom in the speech); this was State Department policy without legal force, which lapsed after January 2021 [M] — context only, not a rule in force']);
    const gear = decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment' }), '2020-05-01');
    expect(gear.reasons.map((r) => r.split(' (')[0])).toEqual(['5G Clean Path']);
  });
  it('Clean Carrier named China Telecom (Americas), China Unicom (Americas), Pacific Networks and ComNet (USA) — not China Mobile', () => {
    const cm: EntityInput = { id: 'cm', name: 'China Mobile International (USA) Inc.', kind: 'company', organizedIn: 'US' };
    expect(decideAsset(usInfra, oneAsset(cm, { kind: 'carrier_service' }), '2026-01-01').outcome).toBe('no_finding');
    const cu: EntityInput = { id: 'cu', name: 'China Unicom (Americas) Operations Limited', kind: 'company', organizedIn: 'US' };
    expect(decideAsset(usInfra, oneAsset(cu, { kind: 'carrier_service' }), '2026-01-01').reasons[0]).toMatch(/^Clean Carrier /);
    // China Mobile was named for Clean Cloud, in the speech [S]
    expect(decideAsset(usInfra, oneAsset(cm, { kind: 'cloud_service' }), '2026-01-01').reasons[0]).toMatch(/^Clean Cloud /);
  });
});

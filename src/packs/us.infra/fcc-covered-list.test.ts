import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';
import type { AssetInput, EntityInput, OrganizationInput } from '../../inventory/schema.js';

function oneAsset(vendor: EntityInput, asset: Omit<AssetInput, 'id' | 'vendor'>, us: OrganizationInput['us'] = {}) {
  return inventory({ organization: { us }, entities: [vendor], assets: [{ id: 'a', vendor: vendor.id, ...asset }] });
}

// Entry texts as the FCC prints them (shared/data/lists/fcc_covered_list/table.csv; us-rules.md §4.1).
const HUAWEI = 'Telecommunications equipment produced by Huawei Technologies Company, including telecommunications or video surveillance services provided by such entity or using such equipment.';
const HYTERA = 'Video surveillance and telecommunications equipment produced by Hytera Communications Corporation, to the extent it is used for the purpose of public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes, including telecommunications or video surveillance services provided by such entity or using such equipment.';
const DJI = 'All communications and video surveillance equipment and services listed in Section 1709(a)(1) of the FY25 National Defense Authorization Act (Pub. L. 118-159).';

const listed = (id: string, name: string, scope: string, listedFrom: string): EntityInput => ({ id, name, kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', program: 'Covered List', scope, listedFrom }] });

describe('us.infra — an FCC Covered List entry covers the kind of equipment or service it names (us-rules.md §4.1 [V])', () => {
  const huawei = listed('hw', 'Huawei Technologies Co., Ltd.', HUAWEI, '2021-03-12');
  it('Huawei entry: telecommunications equipment, carrier services, video surveillance equipment and cables are covered', () => {
    for (const kind of ['telecom_equipment', 'carrier_service', 'video_surveillance_equipment', 'submarine_cable'] as const) {
      expect([kind, decideAsset(usInfra, oneAsset(huawei, { kind }), '2026-01-01').outcome]).toEqual([kind, 'covered_list_equipment']);
    }
  });
  it('Huawei entry: a cloud service, mobile app, SDK or security software of Huawei is not telecommunications equipment → outside the entry', () => {
    for (const kind of ['cloud_service', 'mobile_app', 'sdk', 'security_software'] as const) {
      const d = decideAsset(usInfra, oneAsset(huawei, { kind }, { usfRecipient: true }), '2026-01-01');
      expect([kind, d.outcome, d.verdict]).toEqual([kind, 'outside_covered_scope', 'permitted']);
      expect(d.reasons[0]).toMatch(/only for telecommunications or video surveillance equipment and services/);
    }
  });
  it('Hytera entry: its radios (telecommunications equipment) used for public safety are covered; its app is not, whatever the use', () => {
    const hytera = listed('hy', 'Hytera Communications Corporation Limited', HYTERA, '2021-03-12');
    expect(decideAsset(usInfra, oneAsset(hytera, { kind: 'telecom_equipment', uses: ['public_safety'] }), '2026-01-01').outcome).toBe('covered_list_equipment');
    expect(decideAsset(usInfra, oneAsset(hytera, { kind: 'mobile_app', uses: ['public_safety'] }), '2026-01-01').outcome).toBe('outside_covered_scope');
  });
  it('DJI entry (FY2025 NDAA §1709(a)(1), 2025-12-22): its drones are covered, its SDK is not', () => {
    const dji = listed('dji', 'SZ DJI Technology Co., Ltd.', DJI, '2025-12-22');
    expect(decideAsset(usInfra, oneAsset(dji, { kind: 'drone' }), '2026-01-01').outcome).toBe('covered_list_equipment');
    expect(decideAsset(usInfra, oneAsset(dji, { kind: 'sdk' }), '2026-01-01').outcome).toBe('outside_covered_scope');
    expect(decideAsset(usInfra, oneAsset(dji, { kind: 'drone' }), '2025-12-21').outcome).toBe('no_finding');
  });
  it('a designation declared without the entry text still covers every kind but `other` (the conservative reading)', () => {
    const bare: EntityInput = { id: 'x', name: 'Declared Vendor Ltd', kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', listedFrom: '2021-03-12' }] };
    expect(decideAsset(usInfra, oneAsset(bare, { kind: 'mobile_app' }), '2026-01-01').outcome).toBe('covered_list_equipment');
  });
});

describe('us.infra — what the FCC Covered List does, with the notes\' tags (us-rules.md §4.1)', () => {
  const huawei = listed('hw', 'Huawei Technologies Co., Ltd.', HUAWEI, '2021-03-12');
  it('USF (47 CFR 54.9) is labelled [M], the equipment-authorization bar dated to FCC 22-84 (November 2022) [S]', () => {
    const d = decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment', uses: ['usf_funded'] }), '2026-01-01');
    expect(d.outcome).toBe('prohibited');
    expect(d.reasons[1]).toBe('no Universal Service Fund support may be used to buy or maintain covered equipment or services (47 CFR 54.9 [M]), and covered equipment gets no new FCC equipment authorization (Report and Order FCC 22-84, November 2022 [S])');
    expect(d.reasons.join(' ')).toMatch(/using it is prohibited \(47 CFR 54\.9 \[M\]/);
    expect(d.obligations[0]!.citation).toBe('47 CFR 54.9 [M]');
  });
  it('the 28 October 2025 order on previously authorized equipment is named from that date only [S]', () => {
    const on = decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment' }), '2025-10-28');
    expect(on.reasons.join(' ')).toMatch(/order of 28 October 2025 .*continued import or sale .*\[S\]/);
    const before = decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment' }), '2025-10-27');
    expect(before.reasons.join(' ')).not.toMatch(/28 October 2025/);
  });
});

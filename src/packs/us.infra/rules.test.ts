import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';
import type { AssetInput, EntityInput, OrganizationInput } from '../../inventory/schema.js';

const FCC_HIK = 'Video surveillance and telecommunications equipment produced by Hangzhou Hikvision Digital Technology Company, to the extent it is used for the purpose of public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes';

function oneAsset(vendor: EntityInput, asset: Omit<AssetInput, 'id' | 'vendor'>, us: OrganizationInput['us'] = {}, extra: EntityInput[] = []) {
  return inventory({
    organization: { us },
    entities: [vendor, ...extra],
    assets: [{ id: 'a', vendor: vendor.id, ...asset }],
  });
}

describe('us.infra — FCC Covered List (47 CFR 1.50002)', () => {
  const huawei: EntityInput = { id: 'hw', name: 'Huawei Technologies Co., Ltd.', kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', program: 'Telecommunications equipment produced by Huawei Technologies Company', listedFrom: '2021-03-12' }] };
  it('covered telecom equipment → covered_list_equipment (conditional)', () => {
    const d = decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment' }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['covered_list_equipment', 'conditional']);
    expect(d.rules.map((r) => r.id)).toContain('us.infra/47cfr1.50002');
  });
  it('cites the listing in full, cut nowhere, and names the asset without a verb that must agree with it', () => {
    const hik: EntityInput = { id: 'hik', name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', program: FCC_HIK, listedFrom: '2021-03-12', matchedName: 'Hikvision' }] };
    const d = decideAsset(usInfra, oneAsset(hik, { kind: 'video_surveillance_equipment', name: 'Perimeter cameras', uses: ['critical_infrastructure_surveillance'] }), '2026-01-01');
    expect(d.reasons[0]).toBe(`Perimeter cameras (video surveillance equipment): covered equipment or services — Hangzhou Hikvision Digital Technology Co., Ltd. is on the FCC Covered List (fcc.covered: ${FCC_HIK}, since 2021-03-12, as "Hikvision")`);
    expect(d.reasons.join(' ')).not.toContain('…');
  });
  it('with Universal Service Fund support → prohibited (47 CFR 54.9)', () => {
    const d = decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment', uses: ['usf_funded'] }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
  });
  it('before the listing date the designation is not in force', () => {
    expect(decideAsset(usInfra, oneAsset(huawei, { kind: 'telecom_equipment' }), '2021-03-11').outcome).not.toBe('covered_list_equipment');
  });
  it('scope-limited entries (Hikvision) bite only for the listed purposes', () => {
    const hik: EntityInput = { id: 'hik', name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', kind: 'company', organizedIn: 'CN', designations: [{ list: 'fcc.covered', program: FCC_HIK, listedFrom: '2021-03-12' }] };
    expect(decideAsset(usInfra, oneAsset(hik, { kind: 'video_surveillance_equipment' }), '2026-01-01').outcome).toBe('outside_covered_scope');
    expect(decideAsset(usInfra, oneAsset(hik, { kind: 'video_surveillance_equipment', uses: ['critical_infrastructure_surveillance'] }), '2026-01-01').outcome).toBe('covered_list_equipment');
    // As written by `screen`: the list's scope text in `scope`, the program generic.
    const screened: EntityInput = { ...hik, designations: [{ list: 'fcc.covered', program: 'Covered List', scope: FCC_HIK, listedFrom: '2021-03-12' }] };
    expect(decideAsset(usInfra, oneAsset(screened, { kind: 'video_surveillance_equipment' }), '2026-01-01').outcome).toBe('outside_covered_scope');
  });
  it('entries limited to section 214 services or to security software cover only that kind of asset', () => {
    const ct: EntityInput = { id: 'ct', name: 'China Telecom (Americas) Corp.', kind: 'company', organizedIn: 'US', designations: [{ list: 'fcc.covered', program: 'Covered List', scope: 'Telecommunications services provided by China Telecom (Americas) Corp. subject to section 214 of the Communications Act of 1934.', listedFrom: '2022-03-25' }] };
    expect(decideAsset(usInfra, oneAsset(ct, { kind: 'carrier_service' }), '2026-01-01').outcome).toBe('covered_list_equipment');
    const cloud = decideAsset(usInfra, oneAsset(ct, { kind: 'cloud_service' }, { usfRecipient: true }), '2026-01-01');
    expect([cloud.outcome, cloud.verdict]).toEqual(['outside_covered_scope', 'permitted']);
    expect(cloud.reasons[0]).toMatch(/only for telecommunications services subject to section 214/);
  });
  it('screening case "Kaspersky Lab Inc" (FCC entry of 2024-07-23): its anti-virus software is covered from that date', () => {
    const k: EntityInput = { id: 'k', name: 'Kaspersky Lab, Inc.', kind: 'company', organizedIn: 'US', designations: [{ list: 'fcc.covered', program: 'Covered List', scope: 'Cybersecurity and anti-virus software produced or provided by Kaspersky Lab, Inc. or any of its successors and assignees.', listedFrom: '2024-07-23' }] };
    const d = decideAsset(usInfra, oneAsset(k, { kind: 'security_software' }), '2024-07-23');
    expect(d.outcome).toBe('covered_list_equipment');
    expect(d.reasons[0]).toMatch(/Kaspersky Lab, Inc\. is on the FCC Covered List \(fcc\.covered: Covered List, since 2024-07-23\)/);
    expect(decideAsset(usInfra, oneAsset(k, { kind: 'security_software' }), '2024-07-22').outcome).toBe('no_finding');
  });
  it('screening cases "Pacific Networks Corporation" / "ComNet USA LLC" (FCC entry of 2022-09-20): their section 214 services are covered', () => {
    const pn: EntityInput = { id: 'pn', name: 'Pacific Networks Corp', kind: 'company', organizedIn: 'US', designations: [{ list: 'fcc.covered', program: 'Covered List', scope: 'International telecommunications services provided by Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC subject to section 214 of the Communications Act of 1934.', listedFrom: '2022-09-20' }] };
    const cn: EntityInput = { id: 'cn', name: 'ComNet (USA) LLC', kind: 'company', organizedIn: 'US', owners: [{ entity: 'pn', percent: 100 }] };
    expect(decideAsset(usInfra, oneAsset(pn, { kind: 'carrier_service' }), '2026-01-01').outcome).toBe('covered_list_equipment');
    expect(decideAsset(usInfra, oneAsset(cn, { kind: 'carrier_service' }, {}, [pn]), '2026-01-01').outcome).toBe('covered_list_equipment');
    expect(decideAsset(usInfra, oneAsset(pn, { kind: 'carrier_service' }), '2022-09-19').outcome).not.toBe('covered_list_equipment');
  });
  it('a majority-owned subsidiary of a listed company inherits the designation, with the path', () => {
    const sub: EntityInput = { id: 'sub', name: 'Example Telecom Devices (UK) Ltd', kind: 'company', organizedIn: 'GB', owners: [{ entity: 'hw', percent: 80 }] };
    const d = decideAsset(usInfra, oneAsset(sub, { kind: 'telecom_equipment' }, {}, [huawei]), '2026-01-01');
    expect(d.outcome).toBe('covered_list_equipment');
    expect(d.reasons.join(' ')).toMatch(/inherited: owned 80% by listed parties: Huawei Technologies Co\., Ltd\. 80%/);
  });
});

describe('us.infra — Section 889 / FAR 52.204-25', () => {
  const zte: EntityInput = { id: 'zte', name: 'ZTE Corporation', kind: 'company', organizedIn: 'CN' };
  it('a federal contractor using ZTE telecom equipment → prohibited, report to the contracting officer', () => {
    const d = decideAsset(usInfra, oneAsset(zte, { kind: 'telecom_equipment' }, { federalContractor: true }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
    expect(d.obligations[0]!.id).toBe('us.infra/52.204-25(d)');
    expect(d.reasons[0]).toMatch(/ZTE Corporation.*from 2020-08-13 \(§889\(a\)\(1\)\(B\)/);
  });
  it('not a federal contractor, or before 13 Aug 2020 → no 889 finding', () => {
    expect(decideAsset(usInfra, oneAsset(zte, { kind: 'telecom_equipment' }), '2026-01-01').rules.map((r) => r.id)).not.toContain('us.infra/889(a)(1)(B)');
    expect(decideAsset(usInfra, oneAsset(zte, { kind: 'telecom_equipment' }, { federalContractor: true }), '2020-08-12').rules.map((r) => r.id)).not.toContain('us.infra/889(a)(1)(B)');
  });
  it('reaches subsidiaries and affiliates through majority ownership', () => {
    const sub: EntityInput = { id: 's', name: 'Nordic Radio AB', kind: 'company', organizedIn: 'SE', owners: [{ entity: 'zte', percent: 51 }] };
    const d = decideAsset(usInfra, oneAsset(sub, { kind: 'telecom_equipment' }, { federalContractor: true }, [zte]), '2026-01-01');
    expect(d.outcome).toBe('prohibited');
    expect(d.reasons[0]).toMatch(/subsidiary or affiliate of "ZTE Corporation"/);
  });
  it('counts a majority owner only while it holds the stake, on the as-of date', () => {
    const sub: EntityInput = { id: 's', name: 'Nordic Radio AB', kind: 'company', organizedIn: 'SE', owners: [{ entity: 'zte', percent: 51, until: '2025-06-30' }] };
    const inv = oneAsset(sub, { kind: 'telecom_equipment' }, { federalContractor: true }, [zte]);
    expect(decideAsset(usInfra, inv, '2025-06-30').outcome).toBe('prohibited');
    expect(decideAsset(usInfra, inv, '2026-01-01').outcome).toBe('no_finding');
  });
  it('a named company is matched as a word, not inside another word ("Aztec" is not ZTE)', () => {
    const aztec: EntityInput = { id: 'az', name: 'Aztec Telecom Systems Inc.', kind: 'company', organizedIn: 'US' };
    expect(decideAsset(usInfra, oneAsset(aztec, { kind: 'telecom_equipment' }, { federalContractor: true }), '2026-01-01').outcome).toBe('no_finding');
    const ztesoft: EntityInput = { id: 'zs', name: 'ZTEsoft Technology Co., Ltd.', kind: 'company', organizedIn: 'CN' };
    expect(decideAsset(usInfra, oneAsset(ztesoft, { kind: 'telecom_equipment' }, { federalContractor: true }), '2026-01-01').outcome).toBe('prohibited');
    const han: EntityInput = { id: 'zh', name: '深圳市中兴通讯股份有限公司', kind: 'company', organizedIn: 'CN' };
    expect(decideAsset(usInfra, oneAsset(han, { kind: 'telecom_equipment' }, { federalContractor: true }), '2026-01-01').outcome).toBe('prohibited');
  });
  it('Dahua cameras count only for the listed purposes', () => {
    const dahua: EntityInput = { id: 'dh', name: 'Zhejiang Dahua Technology Co., Ltd.', kind: 'company', organizedIn: 'CN' };
    expect(decideAsset(usInfra, oneAsset(dahua, { kind: 'video_surveillance_equipment' }, { federalContractor: true }), '2026-01-01').outcome).not.toBe('prohibited');
    expect(decideAsset(usInfra, oneAsset(dahua, { kind: 'video_surveillance_equipment', uses: ['public_safety'] }, { federalContractor: true }), '2026-01-01').outcome).toBe('prohibited');
  });
});

describe('us.infra — DoD 1260H (FY2024 NDAA §805), PAFACA, OFAC, Clean Network', () => {
  const tencent: EntityInput = { id: 't', name: 'Tencent Holdings Ltd.', kind: 'company', organizedIn: 'KY', principalPlaceOfBusiness: 'CN', designations: [{ list: 'dod.1260h', listedFrom: '2025-01-07' }] };
  it('1260H vendor: noted for others; for a DoD contractor a duty due 2027-06-30, prohibited after', () => {
    expect(decideAsset(usInfra, oneAsset(tencent, { kind: 'cloud_service' }), '2026-01-01').outcome).toBe('listed_vendor');
    const d = decideAsset(usInfra, oneAsset(tencent, { kind: 'cloud_service' }, { dodContractor: true }), '2026-01-01');
    expect(d.outcome).toBe('dod_1260h_supplier');
    expect(d.obligations[0]!.due).toBe('2027-06-30');
    expect(decideAsset(usInfra, oneAsset(tencent, { kind: 'cloud_service' }, { dodContractor: true }), '2027-06-30').outcome).toBe('prohibited');
  });
  it('screening cases "Alibaba Group Holding Ltd" (1260H, 2026 edition) and "DJI" (1260H; FCC Covered List 2025-12-22)', () => {
    const ali: EntityInput = { id: 'ali', name: 'Alibaba Group Holding Limited', kind: 'company', organizedIn: 'KY', designations: [{ list: 'dod.1260h', listedFrom: '2026-06-08' }] };
    const after = decideAsset(usInfra, oneAsset(ali, { kind: 'cloud_service' }, { dodContractor: true }), '2026-07-01');
    expect([after.outcome, after.verdict, after.obligations[0]!.due]).toEqual(['dod_1260h_supplier', 'conditional', '2027-06-30']);
    expect(after.reasons[0]).toMatch(/Alibaba Group Holding Limited is on the DoD list of Chinese military companies \(dod\.1260h, since 2026-06-08\)/);
    expect(decideAsset(usInfra, oneAsset(ali, { kind: 'cloud_service' }, { dodContractor: true }), '2026-06-07').outcome).toBe('historical_policy');
    const dji: EntityInput = { id: 'dji', name: 'Shenzhen DJI Technology Co., Ltd.', kind: 'company', organizedIn: 'CN', designations: [{ list: 'dod.1260h', listedFrom: '2026-06-08' }, { list: 'fcc.covered', program: 'Covered List', scope: 'All communications and video surveillance equipment and services listed in Section 1709(a)(1) of the FY25 NDAA', listedFrom: '2025-12-22' }] };
    const d = decideAsset(usInfra, oneAsset(dji, { kind: 'drone' }), '2026-07-01');
    expect([d.outcome, d.verdict]).toEqual(['covered_list_equipment', 'conditional']);
    expect(d.rules.map((r) => r.id)).toEqual(['us.infra/47cfr1.50002', 'us.infra/ndaa2024-805']);
  });
  it('Clean Cloud (5 Aug 2020) is reported as historical policy, never as a rule', () => {
    const d = decideAsset(usInfra, oneAsset(tencent, { kind: 'cloud_service' }), '2026-01-01');
    expect(d.reasons.join(' ')).toMatch(/Clean Cloud \(announced 2020-08-05\).*without legal force, which lapsed after January 2021 \[M\]/);
    const plain = decideAsset(usInfra, oneAsset({ id: 'b', name: 'Baidu, Inc.', kind: 'company', organizedIn: 'KY' }, { kind: 'cloud_service' }), '2026-01-01');
    expect([plain.outcome, plain.verdict]).toEqual(['historical_policy', 'not_applicable']);
  });
  it('PAFACA: an app store distributing a ByteDance app after 2025-01-19 → prohibited [M]', () => {
    const bd: EntityInput = { id: 'bd', name: 'ByteDance Ltd.', kind: 'company', organizedIn: 'KY' };
    expect(decideAsset(usInfra, oneAsset(bd, { kind: 'mobile_app' }, { appStoreOrHostingProvider: true }), '2025-01-19').outcome).toBe('prohibited');
    expect(decideAsset(usInfra, oneAsset(bd, { kind: 'mobile_app' }, { appStoreOrHostingProvider: true }), '2025-01-18').outcome).not.toBe('prohibited');
    expect(decideAsset(usInfra, oneAsset(bd, { kind: 'mobile_app' }), '2026-01-01').outcome).not.toBe('prohibited');
  });
  it('OFAC: a vendor owned 50 % by an SDN is blocked; 49 % is not', () => {
    const sdn: EntityInput = { id: 'sdn', name: 'Blocked Co', kind: 'company', organizedIn: 'RU', designations: [{ list: 'ofac.sdn', program: 'RUSSIA-EO14024' }] };
    const at = (pct: number) => oneAsset({ id: 'v', name: 'Vendor', kind: 'company', organizedIn: 'AE', owners: [{ entity: 'sdn', percent: pct }] }, { kind: 'security_software' }, {}, [sdn]);
    expect(decideAsset(usInfra, at(50), '2026-01-01').outcome).toBe('prohibited');
    expect(decideAsset(usInfra, at(49), '2026-01-01').outcome).toBe('no_finding');
  });
  it('OFAC: an SDN row read through the Consolidated Screening List blocks like the SDN list itself', () => {
    const via = (program: string) => oneAsset({ id: 'v', name: 'Vendor', kind: 'company', organizedIn: 'CU', designations: [{ list: 'trade.csl', program }] }, { kind: 'security_software' });
    const sdn = decideAsset(usInfra, via('Specially Designated Nationals (SDN); CUBA'), '2026-01-01');
    expect([sdn.outcome, sdn.verdict]).toEqual(['prohibited', 'blocked']);
    expect(sdn.rules.map((r) => r.id)).toEqual(['us.infra/ofac-sdn']);
    const el = decideAsset(usInfra, via('Entity List (EL)'), '2026-01-01');
    expect([el.outcome, el.reasons[0]]).toEqual(['listed_vendor', expect.stringMatching(/restricts exports of items subject to the EAR/)]);
    const isn = decideAsset(usInfra, via('Nonproliferation Sanctions (ISN); INKSNA'), '2026-01-01');
    expect(isn.outcome).toBe('listed_vendor');
    expect(isn.reasons[0]).not.toMatch(/EAR|securities/);
  });
  it('an unlisted vendor → no finding', () => {
    const d = decideAsset(usInfra, oneAsset({ id: 'x', name: 'Acme Routers GmbH', kind: 'company', organizedIn: 'DE' }, { kind: 'telecom_equipment' }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['no_finding', 'not_applicable']);
  });
});

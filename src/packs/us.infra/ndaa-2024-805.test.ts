import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';
import type { EntityInput } from '../../inventory/schema.js';

describe('us.infra — DoD 1260H list (us-rules.md §4.2) before FY2024 NDAA §805', () => {
  // DJI has been on the 1260H list since 2022 [S] (the 2022-10-05 edition).
  const dji: EntityInput = { id: 'dji', name: 'Shenzhen DJI Innovation Technology Co., Ltd.', kind: 'company', organizedIn: 'CN', designations: [{ list: 'dod.1260h', listedFrom: '2022-10-05' }] };
  const inv = inventory({ organization: { us: { dodContractor: true } }, entities: [dji], assets: [{ id: 'a', vendor: 'dji', kind: 'drone' }] });
  it('a vendor listed in 2022 is reported as listed in 2023, not as "not on a list these rules read"', () => {
    const d = decideAsset(usInfra, inv, '2023-06-01');
    expect([d.outcome, d.verdict]).toEqual(['listed_vendor', 'permitted']);
    expect(d.rules.map((r) => r.id)).toEqual(['us.infra/ndaa2024-805']);
    expect(d.reasons).toEqual([
      'Shenzhen DJI Innovation Technology Co., Ltd. is on the DoD list of Chinese military companies (dod.1260h, since 2022-10-05); listing is not itself a sanction',
      'FY2024 NDAA §805, which bars DoD from contracting with listed entities, was not yet enacted on 2023-06-01',
    ]);
  });
  it('from §805 the DoD contractor gets the removal duty due 2027-06-30', () => {
    const d = decideAsset(usInfra, inv, '2024-01-02');
    expect([d.outcome, d.obligations[0]!.due]).toEqual(['dod_1260h_supplier', '2027-06-30']);
  });
});

import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';
import type { EntityInput } from '../../inventory/schema.js';

function contractorAsset(vendor: EntityInput) {
  return inventory({ organization: { us: { federalContractor: true } }, entities: [vendor], assets: [{ id: 'a', vendor: vendor.id, kind: 'telecom_equipment' }] });
}

describe('us.infra — Section 889(a)(1)(B) / FAR 52.204-25', () => {
  it('screening case "华为技术有限公司" (Huawei\'s registered Chinese name): a federal contractor using its equipment → prohibited, as for 中兴 (ZTE)', () => {
    const d = decideAsset(usInfra, contractorAsset({ id: 'hw', name: '华为技术有限公司', kind: 'company', organizedIn: 'CN' }), '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['prohibited', 'blocked']);
    expect(d.reasons[0]).toMatch(/of Huawei Technologies Company/);
  });
  it('the start date and the reporting and mitigation periods, which the notes do not give, are labelled [M]', () => {
    const d = decideAsset(usInfra, contractorAsset({ id: 'zte', name: 'ZTE Corporation', kind: 'company', organizedIn: 'CN' }), '2026-01-01');
    expect(d.reasons[0]).toMatch(/from 2020-08-13 \(§889\(a\)\(1\)\(B\); FAR 52\.204-25\(b\)\(2\); start date \[M\]\)$/);
    expect(d.obligations[0]!.what).toMatch(/one business day of identification \[M\]\), with mitigation within 10 business days \[M\]$/);
  });
});

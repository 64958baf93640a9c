import { describe, expect, it } from 'vitest';
import { inventory, decideAsset } from '../../testing/inventory.js';
import { usInfra } from './index.js';

describe('us.infra — Treasury NS-CMIC list (us-rules.md §4.4 [V])', () => {
  it('screening case "SenseTime Group Ltd": noted with what the list restricts — securities, from 60 days after listing; holding allowed', () => {
    const inv = inventory({
      entities: [{ id: 'st', name: 'SENSETIME GROUP LIMITED', kind: 'company', organizedIn: 'KY', designations: [{ list: 'ofac.cons', program: 'NS-CMIC-EO13959' }] }],
      assets: [{ id: 'a', vendor: 'st', kind: 'sdk' }],
    });
    const d = decideAsset(usInfra, inv, '2026-01-01');
    expect([d.outcome, d.verdict]).toEqual(['listed_vendor', 'permitted']);
    expect(d.reasons).toEqual(['SENSETIME GROUP LIMITED: ofac.cons: NS-CMIC-EO13959 — restricts buying or selling its publicly traded securities (from 60 days after listing; holding them is not prohibited), not its products']);
  });
});

/**
 * Tester for CSL Art. 37: CIIOs exporting PI or important data.
 */
import { describe, expect, it } from 'vitest';
import { decide, pi, ruleIds, xfer } from './testing/fixtures.js';

const ciio = { cn: { ciio: true } };

describe('CSL Art. 37', () => {
  it('a CIIO exporting important data that is not PI → assessment', () => {
    const d = decide({ asOf: '2025-06-15', org: ciio, datasets: [{ id: 'grid', categories: ['technical'], system: 'cn-dc', collectedIn: ['CN'], importantData: { notified: true } }], flows: [xfer('f', 'grid')] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).toContain('cn.xborder/csl.37');
  });

  it('a CIIO exporting general data (neither PI nor important) does not trigger it', () => {
    const d = decide({ asOf: '2025-06-15', org: ciio, datasets: [{ id: 'manuals', categories: ['technical'], system: 'cn-dc', collectedIn: ['CN'] }], flows: [xfer('f', 'manuals')] });
    expect(d.outcome).toBe('exempt');
    expect(ruleIds(d)).not.toContain('cn.xborder/csl.37');
  });

  it('a CIIO cannot use Art. 5(4): 10 people\'s PI still needs the assessment', () => {
    const d = decide({ asOf: '2025-06-15', org: ciio, datasets: [pi('d', 10)], flows: [xfer('f', 'd')] });
    expect(d.outcome).toBe('security_assessment');
    expect(ruleIds(d)).not.toContain('cn.xborder/order16.5.4');
  });

  it('a CIIO can use Art. 5(2): the HR exemption defeats CSL Art. 37 (Order 16 Art. 7 last para.)', () => {
    const d = decide({ asOf: '2025-06-15', org: ciio, datasets: [pi('staff', 2_000, { categories: ['name', 'employment'] })], flows: [xfer('f', 'staff', { purpose: 'hr_management' })] });
    expect(d.outcome).toBe('exempt');
    expect(ruleIds(d)).not.toContain('cn.xborder/csl.37');
  });

  it('the CIIO role belongs to the organization: a flow exported by another entity is judged without it', () => {
    const d = decide({
      asOf: '2025-06-15',
      org: ciio,
      entities: [{ id: 'subsidiary', name: 'Subsidiary', kind: 'company', organizedIn: 'CN' }],
      datasets: [pi('d', 10)],
      flows: [xfer('f', 'd', { from: 'subsidiary' })],
    });
    expect(d.outcome).toBe('exempt');
  });
});

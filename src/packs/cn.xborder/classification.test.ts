/**
 * PI / sensitive PI from the taxonomy (PIPL Arts. 4, 28), and what it changes under Order 16:
 * sensitive PI has no Art. 5(4) de minimis, so one person's export needs the standard contract
 * or certification (Art. 8).
 */
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../inventory/schema.js';
import type { CategoryId } from '../../inventory/taxonomy.js';
import { isPersonal, isSensitive } from './context.js';
import { decide, pi, xfer } from './testing/fixtures.js';

const ds = (categories: CategoryId[], extra: { anonymized?: boolean } = {}) => Dataset.parse({ id: 'd', categories, ...extra });

describe('isPersonal / isSensitive', () => {
  it('Art. 28 kinds are sensitive; names and contacts are plain PI; anonymised data is not PI', () => {
    for (const c of ['minor_under_14', 'precise_geolocation', 'financial_account', 'biometric', 'health', 'religious_belief'] as const) expect(isSensitive(ds([c])), c).toBe(true);
    expect(isPersonal(ds(['name', 'contact']))).toBe(true);
    expect(isSensitive(ds(['name', 'contact']))).toBe(false);
    expect(isPersonal(ds(['health'], { anonymized: true }))).toBe(false);
    expect(isSensitive(ds(['health'], { anonymized: true }))).toBe(false);
    expect(isPersonal(ds(['business', 'anonymized_statistics']))).toBe(false);
  });

  it('communication records, passwords and sexual orientation are sensitive (GB/T 35273-2020, conservative)', () => {
    for (const c of ['call_detail', 'account_credentials', 'sex_life'] as const) expect(isSensitive(ds([c])), c).toBe(true);
  });
});

describe('Order 16 outcome of a small export', () => {
  for (const c of ['call_detail', 'account_credentials', 'sex_life'] as const) {
    it(`${c} of 50 people: standard contract or certification (Art. 8), not the Art. 5(4) exemption`, () => {
      const d = decide({ asOf: '2025-06-15', datasets: [pi('d', 50, { categories: ['name', c] })], flows: [xfer('f', 'd')] });
      expect(d.outcome).toBe('standard_contract_or_certification');
    });
  }
});

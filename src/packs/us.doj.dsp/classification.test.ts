/**
 * classifyDataset on the taxonomy: 202.212(a)(2), a listed identifier linked to other sensitive
 * personal data is a covered personal identifier — also when the identifier is sensitive data
 * itself (a full financial account number, 202.234(b), is personal financial data too).
 */
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../inventory/schema.js';
import type { CategoryId } from '../../inventory/taxonomy.js';
import { classifyDataset } from './definitions.js';
import { decide, inventory } from '../../testing/inventory.js';
import { usDojDsp } from './index.js';

const cls = (categories: CategoryId[]) => classifyDataset(Dataset.parse({ id: 'x', categories }));

describe('202.212(a)(2) with an identifier that is sensitive itself', () => {
  it('a financial account number alone is personal financial data, not a covered personal identifier', () => {
    expect([...cls(['financial_account']).categories]).toEqual(['personal_financial']);
  });

  for (const other of ['health', 'financial', 'precise_geolocation', 'biometric', 'genomic'] as const) {
    it(`financial_account linked to ${other}: covered personal identifiers, combined`, () => {
      const c = cls(['financial_account', other]);
      expect(c.categories.has('covered_personal_identifiers')).toBe(true);
      expect(c.combined).toBe(true);
      expect(c.notes.join(' ')).toMatch(/202\.212\(a\)\(2\)/);
    });
  }

  it('unchanged: a plain identifier linked to sensitive data, and a lone identifier', () => {
    expect(cls(['device_id', 'health']).categories.has('covered_personal_identifiers')).toBe(true);
    expect(cls(['device_id']).categories.size).toBe(0);
    expect(cls(['health']).categories.has('covered_personal_identifiers')).toBe(false);
  });
});

describe('what it changes in a check', () => {
  // Card numbers with health data (5,000 U.S. persons) and names with device IDs (8,000) brokered
  // to the same Chinese company: the card numbers are covered personal identifiers too, so
  // 13,000 U.S. persons' covered personal identifiers in a set whose lowest threshold is
  // personal health or financial data's 10,000 (202.205(g), as this pack reads it).
  const inv = inventory({
    entities: [{ id: 'v', name: 'CN Broker', kind: 'company', organizedIn: 'CN' }],
    datasets: [
      { id: 'cards', categories: ['financial_account', 'health'], subjects: { US: 5_000 } },
      { id: 'devices', categories: ['name', 'device_id'], subjects: { US: 8_000 } },
    ],
    flows: [
      { id: 'f1', dataset: 'cards', recipient: 'v', destination: 'CN', kind: 'data_brokerage', start: '2025-05-01' },
      { id: 'f2', dataset: 'devices', recipient: 'v', destination: 'CN', kind: 'data_brokerage', start: '2025-05-01' },
    ],
  });

  it('the card-and-health flow is bulk through its covered personal identifiers', () => {
    const d = decide(usDojDsp, inv, '2026-01-15', 'f1');
    expect(d.reasons.join(' ')).toMatch(/bulk: covered personal identifiers on 13,000 U\.S\. persons/);
    expect(d.outcome).toBe('prohibited');
  });
});

/**
 * The one taxonomy, category by category, against the notes: 28 CFR 202.234(a)–(h) and 202.249
 * for the US (shared/reference/us-rules.md §1.5), PIPL Arts. 4 and 28 and GB/T 35273-2020 for
 * China (shared/reference/cn-eu-rules.md §1.1, §9.2).
 */
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, categoryInfo, type CategoryId, type DojCategory, type ListedIdentifierClass } from './taxonomy.js';

type Row = [id: CategoryId, listed: ListedIdentifierClass | undefined, doj: DojCategory | undefined, cnSensitive: boolean];

const TABLE: Row[] = [
  ['name', 'demographic_contact', undefined, false],
  ['contact', 'demographic_contact', undefined, false],
  ['demographic', 'demographic_contact', undefined, false],
  ['government_id', 'government_id', undefined, true], // GB/T 35273 §3.2 note: ID card numbers [S], not Art. 28 特定身份
  ['financial_account', 'financial_account', 'personal_financial', true], // Art. 28 financial accounts
  ['device_id', 'device_id', undefined, false],
  ['advertising_id', 'advertising_id', undefined, false],
  ['account_credentials', 'account_authentication', undefined, true], // GB/T 35273 Annex B: passwords [M]
  ['network_id', 'network_id', undefined, false],
  ['call_detail', 'call_detail', undefined, true], // GB/T 35273 §3.2 note: communication records [S]
  ['precise_geolocation', undefined, 'precise_geolocation', true], // whereabouts
  ['biometric', undefined, 'biometric_identifiers', true],
  ['genomic', undefined, 'human_omic', true],
  ['omic_other', undefined, 'human_omic', true],
  ['biospecimen', undefined, 'human_omic', true],
  ['health', undefined, 'personal_health', true],
  ['financial', undefined, 'personal_financial', true],
  ['religious_belief', undefined, undefined, true],
  ['minor_under_14', undefined, undefined, true],
  ['racial_ethnic_origin', undefined, undefined, true],
  ['political_opinion', undefined, undefined, false],
  ['trade_union', undefined, undefined, false],
  ['sex_life', undefined, undefined, true], // GB/T 35273 Annex B: sexual orientation [M]
  ['criminal_record', undefined, undefined, true],
  ['employment', undefined, undefined, false],
  ['online_activity', undefined, undefined, false],
  ['personal_other', undefined, undefined, false],
];

describe('the taxonomy against 28 CFR 202 and PIPL', () => {
  it('the table covers every personal category', () => {
    expect(TABLE.map((r) => r[0]).sort()).toEqual(CATEGORY_IDS.filter((c) => categoryInfo(c).personal).sort());
  });

  for (const [id, listed, doj, cnSensitive] of TABLE) {
    it(`${id}: 202.234 ${listed ?? '—'}, 202.249 ${doj ?? '—'}, China ${cnSensitive ? 'sensitive PI' : 'PI'}`, () => {
      const info = categoryInfo(id);
      expect(info.us?.listedIdentifier).toBe(listed);
      expect(info.us?.category).toBe(doj);
      expect(info.cn?.sensitive !== undefined).toBe(cnSensitive);
    });
  }

  it('genomic alone has the genomic threshold; biospecimens are marked (202.223, 202.224)', () => {
    expect(CATEGORY_IDS.filter((c) => categoryInfo(c).us?.genomic)).toEqual(['genomic']);
    expect(CATEGORY_IDS.filter((c) => categoryInfo(c).us?.biospecimen)).toEqual(['biospecimen']);
  });

  it('a sensitive kind outside Art. 28’s own words always says its basis', () => {
    for (const id of CATEGORY_IDS) {
      const cn = categoryInfo(id).cn;
      if (cn?.sensitive === 'other') expect(cn.basis, id).toMatch(/\[[SMPV]\]/);
    }
  });

  it('sensitive classes the note supports only through GB/T 35273 cite it, with its tag', () => {
    for (const id of ['government_id', 'account_credentials', 'call_detail', 'sex_life', 'criminal_record', 'financial'] as const) {
      expect(categoryInfo(id).cn?.basis, id).toMatch(/GB\/T 35273-2020 .*\[[SM]\]/);
    }
  });

  it('non-personal categories map to nothing personal', () => {
    for (const id of CATEGORY_IDS.filter((c) => !categoryInfo(c).personal)) {
      expect(categoryInfo(id).us, id).toBeUndefined();
      expect(categoryInfo(id).cn, id).toBeUndefined();
    }
  });
});

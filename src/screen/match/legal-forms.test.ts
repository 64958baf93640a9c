import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../testing/shared.js';
import { convertOrgTypes, renderOrgTypesModule } from './org-types.convert.js';
import { legalFormOf, wordsOf } from './legal-forms.js';
import { foldText, hasCjk } from './text.js';
import { STOPWORDS } from './words.js';

const yml = readFileSync(sharedPath('data/lists/reference/rigour_org_types.yml'), 'utf8');

describe('legal-form dictionary', () => {
  it('ships exactly the conversion of rigour org_types.yml', () => {
    const shipped = readFileSync(fileURLToPath(new URL('./org-types.data.ts', import.meta.url)), 'utf8');
    expect(shipped).toBe(renderOrgTypesModule(convertOrgTypes(yml)));
  });

  it('recognises every rigour alias as a legal form (coverage)', () => {
    const rows = convertOrgTypes(yml);
    const missed: string[] = [];
    let checked = 0;
    for (const [, , , aliases] of rows) {
      for (const alias of aliases) {
        const words = wordsOf(foldText(alias));
        if (hasCjk(alias) || words.length === 0) continue;
        if (words.length === 1 && (STOPWORDS.has(words[0]!) || ['in', 'll', 'lc', 'lt', 'ek', 'ku', 'se', 'as', 'is', 'an', 'limite', 'eg'].includes(words[0]!))) continue;
        checked++;
        if (!legalFormOf(alias)) missed.push(alias);
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(missed).toEqual([]);
  });

  it('maps spellings to one compare form, with datacustoms additions', () => {
    expect(legalFormOf('Company Limited')?.compare).toBe('coltd');
    expect(legalFormOf('Co., Ltd.')?.compare).toBe('coltd');
    expect(legalFormOf('CO.,LTD')?.compare).toBe('coltd');
    expect(legalFormOf('Limited')?.compare).toBe('ltd');
    expect(legalFormOf('Corporation')?.compare).toBe('corp');
    expect(legalFormOf('Youxian Gongsi')?.compare).toBe('ltd');
    expect(legalFormOf('Aktsionernoe Obshchestvo')?.generic).toBe('JSC');
    expect(legalFormOf('JSC')?.generic).toBe('JSC');
    expect(legalFormOf('Public Limted Company')?.compare).toBe('plc');
    expect(legalFormOf('Huawei')).toBeUndefined();
  });
});

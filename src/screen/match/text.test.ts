import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, splitRuns, hasCjk } from './text.js';
import { foldHan } from './han-fold.js';

describe('foldText', () => {
  it('lower-cases, strips marks and punctuation, joins apostrophes', () => {
    expect(foldText('Petróleos de Venezuela, S.A.')).toBe('petroleos de venezuela s a');
    expect(foldText("AVIC XI'AN Aircraft")).toBe('avic xian aircraft');
    expect(foldText('Sinobright Import & Export')).toBe('sinobright import and export');
    expect(foldText('Straße Øresund Łódź')).toBe('strasse oresund lodz');
  });

  it('repairs cp1252 mojibake in the C1 range (CSL "Gui\\u0092an")', () => {
    expect(foldText('Gui\u0092an New District')).toBe('guian new district');
  });

  it('transliterates Cyrillic and Greek', () => {
    expect(foldText('АО «Лаборатория Касперского»')).toBe('ao laboratoriya kasperskogo');
    expect(foldText('Αθήνα')).toBe('athina');
  });

  it('folds traditional Han to simplified, full-width to ASCII', () => {
    expect(foldText('華為技術有限公司')).toBe('华为技术有限公司');
    expect(foldText('中國聯合網絡通信集團')).toBe('中国联合网络通信集团');
    expect(foldText('Ｈｕａｗｅｉ　Ｔｅｃｈ')).toBe('huawei tech');
    expect(foldHan('臺灣')).toBe('台湾');
  });

  it('splits CJK runs from Latin words', () => {
    expect(splitRuns(foldText('TP-Link普联技术')).map((r) => [r.text, r.cjk])).toEqual([
      ['tp', false],
      ['link', false],
      ['普联技术', true],
    ]);
    expect(hasCjk('abc')).toBe(false);
    expect(hasCjk('a株式会社')).toBe(true);
  });

  it('is idempotent and emits only single-spaced, control-free text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
        expect(once).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(once).not.toMatch(/^ | $|  /);
      }),
      { numRuns: 500 },
    );
    // a chain in the tables (麼 → 么, 么 → 幺) folds to its end: once is enough
    for (const s of ['麼', '么', '這麼', '甚麼']) expect(foldText(foldText(s))).toBe(foldText(s));
  });

  it('handles adversarial input: 1 MB names, control characters, mixed scripts', () => {
    const huge = 'Huawei '.repeat(150_000);
    const t0 = Date.now();
    expect(foldText(huge).length).toBeGreaterThan(1000);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(foldText('\u0000\u0007Hua\u200bwei\u202e\uFEFF')).toBe('hua wei');
    expect(foldText('Huawei華為Хуавэй')).toBe('huawei华为khuavey');
  });

  it('drops invisible format characters inside a word instead of splitting it there', () => {
    // were spaces: "Da\u00adhua" became "da hua", and "da" is a stopword, so Dahua no longer matched
    expect(foldText('Zhejiang Da\u00adhua Tech\u00adnology')).toBe('zhejiang dahua technology');
    expect(foldText('Hik\u200dvision \u200eHua\u2060wei\u200f \u202aZTE\u202c')).toBe('hikvision huawei zte');
    expect(foldText('Hua\ufeffwei')).toBe('huawei');
    // a zero-width space and a line separator are word breaks
    expect(foldText('Hua\u200bwei\u2028Tech')).toBe('hua wei tech');
  });
});

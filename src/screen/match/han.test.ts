import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentHan, pinyinKey } from './han.js';
import { analyzeName } from './analyze.js';
import { matchSettings } from './params.js';

const seg = (s: string) => segmentHan(s).map((x) => `${x.text}/${x.kind}`);

describe('Chinese names', () => {
  it('segments place, trade name, industry words and legal form', () => {
    expect(seg('杭州海康威视数字技术股份有限公司')).toEqual(['杭州/loc', '海康威视/name', '数字/weak', '技术/weak', '股份有限公司/legal']);
    expect(seg('长江存储科技有限责任公司')).toEqual(['长江/name', '存储/word', '科技/weak', '有限责任公司/legal']);
    expect(seg('中国精密机械进出口总公司')).toEqual(['中国/loc', '精密/weak', '机械/weak', '进出口/weak', '总公司/legal']);
    expect(seg('深圳市大疆创新科技有限公司')).toEqual(['深圳/loc', '市/stop', '大疆/name', '创新/weak', '科技/weak', '有限公司/legal']);
  });

  it('computes toneless pinyin keys', () => {
    expect(pinyinKey('海康威视')).toBe('haikangweishi');
    expect(pinyinKey('华为')).toBe('huawei');
  });

  it('derives pinyin and gloss keys as secondary variants', () => {
    const a = analyzeName('华为技术有限公司', matchSettings());
    expect(a.variants.map((v) => [v.derivation, v.key])).toEqual([
      ['pinyin', 'huawei jishu ltd'],
      ['gloss', 'huawei technology ltd'],
    ]);
    expect(analyzeName('Huawei', matchSettings()).variants).toEqual([]);
  });

  it('segments any Han text into pieces that join back to it (property)', () => {
    const han = fc.string({ unit: fc.constantFrom(...'中国华为技术有限公司集团股份科技深圳市海康威视责任总'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(han, (s) => {
        expect(segmentHan(s).map((x) => x.text).join('')).toBe(s);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { alignColumns } from './format.js';
import { displayWidth } from './render/text.js';

describe('alignColumns', () => {
  it('aligns by display width: a Chinese cell (及时, two columns a character) does not push its row out of line', () => {
    const lines = alignColumns([
      ['  due (undated)', 'in time (及时)', 'cn.miit.vuln/7(3)'],
      ['  done', 'immediately', 'cn.miit.vuln/7(1)'],
      ['  \u001b[31mOVERDUE 13 d\u001b[39m', '2021-11-26 23:59:59+08:00', 'cn.miit.vuln/7(2)'],
    ]);
    const starts = lines.map((l) => displayWidth(l.slice(0, l.indexOf('cn.miit'))));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBe('  due (undated)'.length + 2 + '2021-11-26 23:59:59+08:00'.length + 2);
  });
});

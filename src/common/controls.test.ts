import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { showControls } from './controls.js';

describe('showControls', () => {
  it('shows C0 and C1 controls as \\xNN', () => {
    expect(showControls('a\u001b[2Jb\nc\u0085')).toBe('a\\x1b[2Jb\\x0ac\\x85');
  });

  it('shows bidirectional overrides and zero-width characters, which would make a name display as another', () => {
    // "evil\u202Efdp.exe" displays as "evilexe.pdf"
    expect(showControls('evil\u202efdp.exe')).toBe('evil\\u{202e}fdp.exe');
    expect(showControls('Huawei\u200b Technologies')).toBe('Huawei\\u{200b} Technologies');
    expect(showControls('\ufeffname\u2066x\u2069')).toBe('\\u{feff}name\\u{2066}x\\u{2069}');
  });

  it('leaves other text as it is, Han and emoji included', () => {
    expect(showControls('深圳市中兴通讯股份有限公司 😀 Ünïcode')).toBe('深圳市中兴通讯股份有限公司 😀 Ünïcode');
    expect(showControls(42)).toBe('42');
  });

  it('property: the result holds no control or invisible format character, and text without them is unchanged', () => {
    const hidden = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = showControls(s);
        expect(hidden.test(out)).toBe(false);
        if (!hidden.test(s)) expect(out).toBe(s);
      }),
    );
  });
});

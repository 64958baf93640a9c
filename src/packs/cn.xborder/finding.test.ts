import { describe, expect, it } from 'vitest';
import { fixed, fixedBy, fixedFor, isFixed } from './finding.js';

describe('fixed findings', () => {
  it('are frozen, shared and known as fixed', () => {
    const f = fixed({ outcome: 'exempt', reasons: ['r'] });
    expect(Object.isFrozen(f) && Object.isFrozen(f.reasons)).toBe(true);
    expect(isFixed(f)).toBe(true);
    expect(isFixed({ reasons: ['r'] })).toBe(false);
  });

  it('fixedBy makes one finding per key, and fresh ones (not fixed) past its bound', () => {
    let made = 0;
    const by = fixedBy((k: string) => (made++, { reasons: [`to ${k}`] }), 2);
    expect(by('US')).toBe(by('US'));
    expect(by('DE').reasons).toEqual(['to DE']);
    expect(made).toBe(2);
    const extra = by('JP');
    expect(extra.reasons).toEqual(['to JP']);
    expect(isFixed(extra)).toBe(false);
    expect(isFixed(by('US'))).toBe(true);
  });

  it('fixedFor makes one finding (or none) per object', () => {
    let made = 0;
    const of = fixedFor((c: { n: number }) => (made++, c.n > 0 ? { reasons: [`${c.n}`] } : null));
    const a = { n: 1 };
    const z = { n: 0 };
    expect(of(a)).toBe(of(a));
    expect(of(z)).toBeNull();
    expect(of(z)).toBeNull();
    expect(made).toBe(2);
    expect(isFixed(of(a)!)).toBe(true);
  });
});

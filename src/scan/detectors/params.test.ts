import { describe, expect, it } from 'vitest';
import type { Param } from '../../engine/params.js';
import { CN_PASSPORT_FORMATS, GEO_PRECISION_METERS, TEST_CARD_NUMBERS, current, geoMinDecimals } from './params.js';

const last = <T>(p: Param<T>) => p.values[p.values.length - 1]!;

describe('detector parameters', () => {
  it('items the notes give from memory are parameters marked memory, not verified', () => {
    // us-rules.md: "Precise geolocation data (202.242) … accurate to within 1,000 meters | [M]"
    expect(last(GEO_PRECISION_METERS).confidence).toBe('memory');
    // pii-detection.md §5.4: passport formats "from memory (unverified)"
    expect(last(CN_PASSPORT_FORMATS).confidence).toBe('memory');
    // most published test card numbers are written down from memory, not from the notes
    expect(last(TEST_CARD_NUMBERS).confidence).toBe('memory');
  });
  it('every listed test card number has 12–19 digits and passes Luhn (a typo would exclude nothing, or a real card)', () => {
    const numbers = current(TEST_CARD_NUMBERS);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const pan of numbers) {
      expect(pan, pan).toMatch(/^\d{12,19}$/);
      let sum = 0;
      for (let i = 0; i < pan.length; i++) {
        let d = Number(pan[pan.length - 1 - i]);
        if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
      }
      expect(sum % 10, pan).toBe(0);
    }
  });
  it('1,000 m needs 3 decimals (0.001° ≈ 111 m; 0.01° ≈ 1.1 km is coarser than the radius)', () => {
    expect(current(GEO_PRECISION_METERS)).toBe(1000);
    expect(geoMinDecimals()).toBe(3);
  });
});

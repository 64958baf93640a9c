import { describe, expect, it } from 'vitest';
import type { Param } from '../../engine/params.js';
import { CN_PASSPORT_FORMATS, GEO_PRECISION_METERS, current, geoMinDecimals } from './params.js';

const last = <T>(p: Param<T>) => p.values[p.values.length - 1]!;

describe('detector parameters', () => {
  it('items the notes give from memory are parameters marked memory, not verified', () => {
    // us-rules.md: "Precise geolocation data (202.242) … accurate to within 1,000 meters | [M]"
    expect(last(GEO_PRECISION_METERS).confidence).toBe('memory');
    // pii-detection.md §5.4: passport formats "from memory (unverified)"
    expect(last(CN_PASSPORT_FORMATS).confidence).toBe('memory');
  });
  it('1,000 m needs 3 decimals (0.001° ≈ 111 m; 0.01° ≈ 1.1 km is coarser than the radius)', () => {
    expect(current(GEO_PRECISION_METERS)).toBe(1000);
    expect(geoMinDecimals()).toBe(3);
  });
});

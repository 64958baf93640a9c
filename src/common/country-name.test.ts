import { describe, expect, it } from 'vitest';
import { countryInSentence, countryName } from './country-name.js';

describe('country names for sentences', () => {
  it('names a code as English writes it, the short form unless that is an abbreviation', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('CN')).toBe('China');
    expect(countryName('HK')).toBe('Hong Kong');
    expect(countryName('MO')).toBe('Macao');
    expect(countryName('DE')).toBe('Germany');
  });
  it('puts "the" before names English writes with it, and nowhere else', () => {
    expect(countryInSentence('US')).toBe('the United States');
    expect(countryInSentence('GB')).toBe('the United Kingdom');
    expect(countryInSentence('NL')).toBe('the Netherlands');
    expect(countryInSentence('PH')).toBe('the Philippines');
    expect(countryInSentence('KY')).toBe('the Cayman Islands');
    expect(countryInSentence('AE')).toBe('the United Arab Emirates');
    for (const c of ['CN', 'DE', 'SG', 'TW', 'HK', 'JP', 'RU', 'IR']) expect(countryInSentence(c), c).not.toMatch(/^the /);
  });
  it('leaves a code unchanged when it names no country or territory', () => {
    for (const c of ['XX', 'ZZ', 'EU', 'us', 'USA', '']) {
      expect(countryName(c), c).toBe(c);
      expect(countryInSentence(c), c).toBe(c);
    }
  });
});

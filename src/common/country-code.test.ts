import { describe, expect, it } from 'vitest';
import { getCountries } from 'libphonenumber-js';
import { countryCodeStatus } from './country-code.js';

describe('ISO 3166-1 alpha-2 codes', () => {
  it('knows countries and territories, also those without a phone plan (AQ, BV) and user-assigned XK', () => {
    for (const c of ['US', 'CN', 'HK', 'MO', 'TW', 'GB', 'SG', 'DE', 'AQ', 'BV', 'HM', 'XK', 'KP', 'IR']) expect(countryCodeStatus(c), c).toEqual({ kind: 'country' });
  });
  it('names the code in use for an old or informal one', () => {
    expect(countryCodeStatus('UK')).toEqual({ kind: 'alias', current: 'GB' });
    expect(countryCodeStatus('DD')).toEqual({ kind: 'alias', current: 'DE' });
    expect(countryCodeStatus('SU')).toEqual({ kind: 'alias', current: 'RU' });
  });
  it('refuses groupings, unassigned codes and anything not two capitals', () => {
    for (const c of ['EU', 'UN', 'ZZ', 'XX', 'ON', 'QQ', 'us', 'USA', '', '1A']) expect(countryCodeStatus(c).kind, c).toBe('unknown');
  });
  it('every region a phone number can be read as (libphonenumber-js) is a code the inventory takes', () => {
    for (const c of getCountries()) expect(countryCodeStatus(c).kind, c).toBe('country');
  });
});

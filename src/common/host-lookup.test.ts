import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostLookupFailure, withTypedHost } from './host-lookup.js';

const dns = (code: string, hostname?: string) =>
  Object.assign(new Error(`getaddrinfo ${code} ${hostname ?? ''}`), { code, syscall: 'getaddrinfo', ...(hostname ? { hostname } : {}) });

describe('hostLookupFailure', () => {
  it('says what a failed look-up means, naming the host', () => {
    expect(hostLookupFailure('postgres://u@db.example.test/x', dns('ENOTFOUND', 'db.example.test'))).toBe(
      'host "db.example.test" not found (no address for that name; check its spelling)',
    );
    expect(hostLookupFailure('postgres://u@db.example.test/x', dns('EAI_AGAIN'))).toBe(
      'host "db.example.test" could not be looked up (the name server did not answer; check the name and the network)',
    );
    // the README's example URL pasted as is: getaddrinfo refuses "…" with EINVAL
    expect(hostLookupFailure('postgres://u:***@…/x', dns('EINVAL', '…'))).toBe(
      'host "…" is not a host name: put the database server\'s host name or address in the URL',
    );
    expect(hostLookupFailure('postgres://u@%E2%80%A6/x', dns('EINVAL'))).toMatch(/^host "…" is not a host name/);
    // an internationalised name is a host name (it has no address here)
    expect(hostLookupFailure('postgres://u@bücher.invalid/x', dns('ENOTFOUND', 'bücher.invalid'))).toBe(
      'host "bücher.invalid" not found (no address for that name; check its spelling)',
    );
    // a socket URL names no host
    expect(hostLookupFailure('postgres://u@/x?host=/run/pg', dns('ENOTFOUND'))).toMatch(/^the host not found/);
  });

  it('is undefined for anything that is not a failed look-up', () => {
    expect(hostLookupFailure('postgres://u@h/x', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(hostLookupFailure('postgres://u@h/x', Object.assign(new Error('bad'), { code: 'EINVAL', syscall: 'open' }))).toBeUndefined();
    expect(hostLookupFailure('postgres://u@h/x', 'ENOTFOUND')).toBeUndefined();
    expect(hostLookupFailure('postgres://u@h/x', null)).toBeUndefined();
  });
});

describe('withTypedHost', () => {
  it('shows a non-ASCII host as typed, and leaves the rest of the URL as it is', () => {
    expect(withTypedHost('postgres://app@%E2%80%A6/crm')).toBe('postgres://app@…/crm');
    expect(withTypedHost('mysql://root:***@b%C3%BCcher.example:3306/%C3%A9?x=%C3%A9')).toBe('mysql://root:***@bücher.example:3306/%C3%A9?x=%C3%A9');
    expect(withTypedHost('postgres://db.example/x')).toBe('postgres://db.example/x');
    expect(withTypedHost('sqlite:a.db')).toBe('sqlite:a.db');
  });

  it('keeps ASCII escapes, broken UTF-8 and characters that would not show as themselves encoded', () => {
    expect(withTypedHost('postgres://u@a%2Fb/x')).toBe('postgres://u@a%2Fb/x');
    expect(withTypedHost('postgres://u@a%FFb/x')).toBe('postgres://u@a%FFb/x');
    // U+202E (right-to-left override), U+0085 (a C1 control), U+00A0 (no-break space)
    expect(withTypedHost('postgres://u@a%E2%80%AEb%C2%85%C2%A0/x')).toBe('postgres://u@a%E2%80%AEb%C2%85%C2%A0/x');
  });

  it('decoding the host is the only change, and never shows a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (host) => {
        const url = new URL(`postgres://u@x/db`);
        try {
          url.hostname = host;
        } catch {
          return;
        }
        const s = url.toString();
        const shown = withTypedHost(s);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(shown.endsWith('/db')).toBe(true);
        expect(shown.startsWith('postgres://u@')).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PartyText, PartyTextsByName, TextMemo } from './text.js';

describe('TextMemo (duty words made once per key)', () => {
  it('gives the text make gives, makes it once per (a, b), and starts over past its bound', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A Ltd', 'B GmbH', 'C', ''), fc.integer({ min: 1, max: 4 })), { maxLength: 200 }), fc.integer({ min: 1, max: 6 }), (calls, max) => {
        let made = 0;
        const memo = new TextMemo((who: string, years: number) => {
          made++;
          return `Keep records for ${who} for ${years} years.`;
        }, max);
        const seen = new Set<string>();
        let expectedMade = 0;
        for (const [who, years] of calls) {
          const key = `${who}\u0000${years}`;
          // the reference: a set of the keys made since the last start-over (a start-over happens
          // when a new first key arrives with `max` keys already held)
          if (!seen.has(key)) {
            const firstKeyForWho = ![...seen].some((k) => k.startsWith(`${who}\u0000`));
            if (firstKeyForWho && seen.size >= max) seen.clear();
            if (!seen.has(key)) {
              seen.add(key);
              expectedMade++;
            }
          }
          expect(memo.of(who, years)).toBe(`Keep records for ${who} for ${years} years.`);
        }
        expect(made).toBe(expectedMade);
      }),
      { numRuns: 300 },
    );
  });

  it('returns the same string object for the same key', () => {
    const memo = new TextMemo((n: number) => `PIPIA kept ${n} years`);
    const a = memo.of(3, undefined);
    expect(memo.of(3, undefined)).toBe(a);
    expect(memo.of(4, undefined)).toBe('PIPIA kept 4 years');
  });
});

describe('PartyTexts (duty words kept with the party they name)', () => {
  it('property: each kind gives its own words for the party and key, made once per party, kind and key while the party is held', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A Ltd', 'B GmbH', 'C', ''), fc.integer({ min: 0, max: 2 }), fc.constantFrom<number | undefined>(1, 2, undefined)), { maxLength: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (calls, max) => {
          let made = 0;
          const kinds = [0, 1, 2].map((k) => new PartyText((name: string, b: number | undefined) => (made++, `kind ${k}: ${name} / ${b}`)));
          const parties = new PartyTextsByName(max);
          // the reference: the (party, kind, key) made since the party table last started over
          const held = new Map<string, Set<string>>();
          let expectedMade = 0;
          for (const [name, k, b] of calls) {
            if (!held.has(name)) {
              if (held.size >= max) held.clear();
              held.set(name, new Set());
            }
            const keys = held.get(name)!;
            if (!keys.has(`${k}/${b}`)) {
              keys.add(`${k}/${b}`);
              expectedMade++;
            }
            const p = parties.of(name);
            expect(p.name).toBe(name);
            expect(p.of(kinds[k]!, b)).toBe(`kind ${k}: ${name} / ${b}`);
          }
          expect(made).toBe(expectedMade);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns the same string object for the same party, kind and key', () => {
    const kind = new PartyText((name: string) => `Sign the contract with ${name}.`);
    const parties = new PartyTextsByName();
    const a = parties.of('A Ltd').of(kind, undefined);
    expect(parties.of('A Ltd').of(kind, undefined)).toBe(a);
    expect(parties.of('B GmbH').of(kind, undefined)).toBe('Sign the contract with B GmbH.');
  });
});

import { describe, expect, it, beforeAll } from 'vitest';
import { REGISTERED_NAMES, registeredNamesForKeys, coreKey } from './index.js';
import { foldHan } from '../match/han-fold.js';
import { hasCjk } from '../match/text.js';
import { matchSettings } from '../match/params.js';
import { sharedEntries } from '../match/testing/cases.js';

const s = matchSettings();

describe('registered Chinese names table', () => {
  it('holds simplified Han names, one row per registered name, each cited with a confidence', () => {
    const seen = new Set<string>();
    for (const row of REGISTERED_NAMES) {
      expect(hasCjk(row.registeredName), row.listedName).toBe(true);
      expect(foldHan(row.registeredName), row.listedName).toBe(row.registeredName);
      expect(/[A-Za-z]/.test(row.registeredName), row.listedName).toBe(false);
      expect(seen.has(row.registeredName), row.registeredName).toBe(false);
      seen.add(row.registeredName);
      expect(row.citation.length).toBeGreaterThan(10);
      expect(['verified', 'secondary', 'memory', 'unconfirmed']).toContain(row.confidence);
    }
    expect(REGISTERED_NAMES.length).toBeGreaterThanOrEqual(100);
  });

  let keys: Set<string>;
  beforeAll(() => {
    keys = new Set(sharedEntries().flatMap((e) => [e.name, ...e.aliases].map((n) => coreKey(n, s))));
  });

  it('attaches to entries of the lists: most rows name a company the lists hold', () => {
    const unmatched = REGISTERED_NAMES.filter((r) => ![r.listedName, ...(r.otherListedNames ?? [])].some((n) => keys.has(coreKey(n, s))));
    // rows for companies named only in lists we have no copy of (e.g. the full Entity List) are allowed, but few
    expect(unmatched.length, unmatched.map((r) => r.listedName).join('\n')).toBeLessThanOrEqual(REGISTERED_NAMES.length * 0.15);
  });

  it('finds a row by any listed spelling, legal forms aside', () => {
    expect(registeredNamesForKeys([coreKey('HUAWEI TECHNOLOGIES CO., LTD.', s)], s).map((r) => r.registeredName)).toEqual(['华为技术有限公司']);
    expect(registeredNamesForKeys([coreKey('Huawei Technologies Company', s)], s).map((r) => r.registeredName)).toEqual(['华为技术有限公司']);
    expect(registeredNamesForKeys([coreKey('Huawei Cafe LLC', s)], s)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineRule, runRules, runRulesInto, RuleScratch, type Finding, type Rule } from './rule.js';

const DATES = ['2024-01-01', '2025-04-08', '2025-10-06', '2026-06-30'] as const;

/** Rules r0…r(n-1): an effective window, exceptions to other rules, and whether each fires. */
const ruleSet = fc
  .array(
    fc.record({
      from: fc.constantFrom(...DATES),
      until: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      exceptionTo: fc.array(fc.nat({ max: 7 }), { maxLength: 3 }),
      fires: fc.boolean(),
    }),
    { minLength: 0, maxLength: 8 },
  )
  .map((specs) =>
    specs.map((s, i): Rule<null> => {
      const finding: Finding = { reasons: [`r${i}`] };
      return defineRule<null>({
        id: `r${i}`,
        title: `rule ${i}`,
        citation: `§ ${i}`,
        effective: s.until !== undefined ? { from: s.from, until: s.until } : { from: s.from },
        reads: [],
        ...(s.exceptionTo.length > 0 ? { exceptionTo: s.exceptionTo.map((k) => `r${k}`) } : {}),
        evaluate: () => (s.fires ? finding : null),
      });
    }),
  );

describe('runRulesInto (rule.ts)', () => {
  it('property: the same surviving rules and findings, in the same order, as runRules — with the scratch lists reused', () => {
    const scratch = new RuleScratch<null>();
    fc.assert(
      fc.property(fc.array(fc.tuple(ruleSet, fc.constantFrom(...DATES)), { minLength: 1, maxLength: 4 }), (runs) => {
        for (const [rules, date] of runs) {
          const { fired } = runRules(rules, null, date);
          const n = runRulesInto(rules, null, date, scratch);
          expect(n).toBe(scratch.length);
          expect(scratch.rules.slice(0, n)).toEqual(fired.map((f) => f.rule));
          expect(scratch.findings.slice(0, n)).toEqual(fired.map((f) => f.finding));
        }
      }),
      { numRuns: 500 },
    );
  });
  it('an exception defeats the rule it names whatever their order, and itself stands', () => {
    const fire = (id: string, exceptionTo?: string[]) =>
      defineRule<null>({ id, title: id, citation: id, effective: { from: '2025-01-01' }, reads: [], ...(exceptionTo ? { exceptionTo } : {}), evaluate: () => ({ reasons: [id] }) });
    const scratch = new RuleScratch<null>();
    expect(runRulesInto([fire('exempt', ['base']), fire('base'), fire('duty')], null, '2026-01-01', scratch)).toBe(2);
    expect(scratch.rules.slice(0, 2).map((r) => r.id)).toEqual(['exempt', 'duty']);
    expect(runRulesInto([fire('base'), fire('exempt', ['base'])], null, '2024-06-01', scratch)).toBe(0);
  });
});

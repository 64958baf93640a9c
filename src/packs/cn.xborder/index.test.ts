/**
 * The pack as a whole: rule metadata, default logic wiring, registry, documentation, and a run
 * through `runCheck` next to the other packs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../engine/check.js';
import { REPO_ROOT } from '../../testing/shared.js';
import { PACKS } from '../index.js';
import { inventory, pi, xfer } from './testing/fixtures.js';
import type { Facts } from '../../facts/index.js';
import { BUILT_IN_CALENDARS } from '../../time/working-days.js';
import { CATEGORY_IDS } from '../../inventory/taxonomy.js';
import { addDays } from '../../time/civil-date.js';
import { SCOPES, type FlowCtx } from './context.js';
import { combine, decideFlowWith } from './decide.js';
import { runRules } from '../../engine/rule.js';
import { cnXborder, FIRES_ON, FLOW_RULES, NATURE_EXEMPTIONS } from './index.js';
import { PARAMS, policyAt } from './params.js';

describe('rule metadata', () => {
  it('ids are unique and prefixed with the pack id', () => {
    const ids = cnXborder.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith('cn.xborder/')).toBe(true);
  });

  it('every rule has a citation, a title, an effective window and the facts it reads', () => {
    for (const r of cnXborder.rules) {
      expect(r.citation.length, r.id).toBeGreaterThan(0);
      expect(r.title.length, r.id).toBeGreaterThan(0);
      expect(r.effective.from, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.effective.until) expect(r.effective.until > r.effective.from, r.id).toBe(true);
      expect(r.reads.length, r.id).toBeGreaterThan(0);
    }
  });

  it('every exception names rules of the pack, and never an important-data or prohibition rule', () => {
    const ids = new Set(cnXborder.rules.map((r) => r.id));
    const untouchable = ['cn.xborder/dsl.31', 'cn.xborder/dsl.21.core', 'cn.xborder/order16.7.2.important', 'cn.xborder/ndsmr.37', 'cn.xborder/order11.4.1', 'cn.xborder/pipl.41', 'cn.xborder/dsl.36', 'cn.xborder/pipl.42'];
    for (const r of cnXborder.rules) {
      for (const target of r.exceptionTo ?? []) {
        expect(ids.has(target), `${r.id} → ${target}`).toBe(true);
        expect(untouchable, `${r.id} → ${target}`).not.toContain(target);
      }
    }
  });

  it('the nature exemptions used for counting are flow rules with exceptions', () => {
    for (const r of NATURE_EXEMPTIONS) {
      expect(FLOW_RULES).toContain(r);
      expect(r.exceptionTo?.length ?? 0, r.id).toBeGreaterThan(0);
      // Counting treats an exemption as in force from its start on (context.ts, includeOn).
      expect(r.effective.until, r.id).toBeUndefined();
    }
  });
});

describe('the scope index of the flow rules (FIRES_ON)', () => {
  it('lists every flow rule', () => {
    for (const r of FLOW_RULES) expect(FIRES_ON.has(r), r.id).toBe(true);
  });

  // Arbitrary flow contexts: every fact a rule reads, drawn independently of the others.
  const date = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2018-01-01', n));
  const safeguard = fc.record(
    {
      type: fc.constantFrom('cac_security_assessment', 'cac_standard_contract', 'cac_standard_contract_filed', 'pi_protection_certification', 'pipia', 'notice', 'separate_consent', 'prc_authority_approval', 'important_data_risk_assessment', 'recipient_protection_measures', 'treaty_conditions', 'legal_conditions', 'provision_records'),
      date,
      expires: date,
    },
    { requiredKeys: ['type'] },
  );
  const people = fc.oneof(fc.constant(0), fc.nat(200_000), fc.nat(3_000_000));
  const counts = fc.record({ nonSensitive: people, sensitive: fc.oneof(fc.constant(0), fc.nat(30_000)), all: people, window: fc.record({ from: date, to: date }) });
  const arbCtx = fc
    .record({
      // Exports half of the time: most rules judge exports, behind several further tests.
      scope: fc.constantFrom(...SCOPES, ...SCOPES.map(() => 'export' as const)),
      date,
      flags: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      purpose: fc.constantFrom('contract_with_individual', 'hr_management', 'emergency', 'statutory_duty', 'international_trade', 'academic_cooperation', 'other'),
      kind: fc.constantFrom('transfer', 'remote_access', 'government_request'),
      start: fc.option(date, { nil: undefined }),
      end: fc.option(date, { nil: undefined }),
      safeguards: fc.array(safeguard, { maxLength: 4 }),
      approvals: fc.array(fc.record({ type: fc.constantFrom('cac_security_assessment', 'prc_authority_approval'), date }), { maxLength: 2 }),
      categories: fc.subarray([...CATEGORY_IDS], { maxLength: 4 }),
      ftz: fc.option(fc.subarray([...CATEGORY_IDS], { maxLength: 3 }), { nil: undefined }),
      authority: fc.option(fc.record({ kind: fc.constantFrom('court', 'law_enforcement', 'regulator', 'other'), country: fc.constantFrom('US', 'HK', 'DE') }), { nil: undefined }),
      listed: fc.boolean(),
      current: counts,
      legacy: counts,
      processing: people,
      overrides: fc.record({ art32: fc.constantFrom('review', 'export', 'not_export'), legacyProcessingTrigger: fc.boolean(), stateOrganExemptions: fc.boolean(), separateConsentWithoutConsentBasis: fc.constantFrom('required', 'review', 'not_required') }, { requiredKeys: [] }),
    })
    .map((a): FlowCtx => {
      const [ciio, stateOrgan, viaArt32, personal, sensitive, importantDeclared, important, core, anonymized, own] = a.flags as [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
      const flow = { id: 'f', dataset: 'd', recipient: 'r', destination: 'US', kind: a.kind, purpose: a.purpose, start: a.start, end: a.end, safeguards: a.safeguards, recipientChanged: anonymized, consentBased: own, viaFreeTradeZone: ciio };
      const org = { id: 'org', approvals: a.approvals, cn: { ciio, stateOrgan, freeTradeZone: a.ftz && { zone: 'Shanghai', negativeList: a.ftz } } };
      const entities = new Map([['r', { id: 'r', designations: a.listed ? [{ list: 'cn.pipl42' }] : [] }]]);
      return {
        flow,
        dataset: { id: 'd', categories: a.categories, anonymized, foreignOriginOnly: sensitive, mixedDomesticUnverified: core, importantData: importantDeclared ? { notified: important, by: 'MIIT' } : undefined },
        org,
        facts: { entities, calendars: BUILT_IN_CALENDARS, legalPersons: { of: (id: string) => id } } as unknown as Facts,
        date: a.date,
        asOf: '2026-06-30',
        policy: policyAt(a.date, a.overrides),
        exporter: own ? 'org' : 'other',
        ciio,
        stateOrgan,
        source: 'CN',
        scope: a.scope,
        viaArt32,
        authority: a.authority,
        personal,
        sensitive,
        importantDeclared,
        important,
        core,
        counts: () => a.current,
        legacyCounts: () => a.legacy,
        processing: () => a.processing,
        remember(_slot: unknown, make: (c: unknown) => unknown) {
          return make(this);
        },
      } as unknown as FlowCtx;
    });

  it('property: a rule never fires on a scope the index leaves it out of', () => {
    fc.assert(
      fc.property(arbCtx, (ctx) => {
        for (const r of FLOW_RULES) {
          const on = FIRES_ON.get(r);
          if (on && !on.includes(ctx.scope)) expect(r.evaluate(ctx), `${r.id} on ${ctx.scope}`).toBeNull();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: the generator reaches every rule (each fires on some context of its scopes)', () => {
    const fired = new Set<string>();
    fc.assert(
      fc.property(arbCtx, (ctx) => {
        for (const r of FLOW_RULES) if (r.evaluate(ctx) !== null) fired.add(r.id);
      }),
      { numRuns: 2000 },
    );
    expect(FLOW_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
  it('property: decideFlowWith decides as the engine\'s runRules and combine (rules, outcome, reasons and duties in that order)', () => {
    fc.assert(
      fc.property(arbCtx, (ctx) => {
        const d = decideFlowWith(FLOW_RULES, ctx);
        const { fired } = runRules(FLOW_RULES, ctx, ctx.date);
        const c = combine(fired);
        expect(d.rules.map((r) => r.id)).toEqual(c.deciding.map((f) => f.rule.id));
        if (c.outcome !== undefined) expect(d.outcome).toBe(c.outcome);
        else expect(['needs_review', 'not_applicable']).toContain(d.outcome);
        const reasons = c.deciding.flatMap((f) => f.finding.reasons.filter((r) => r.length > 0));
        if (c.displaced.length > 0) reasons.push(`Also met, and displaced by the stricter outcome: ${c.displaced.map((f) => `${f.rule.citation} (${f.finding.outcome})`).join('; ')}.`);
        expect(d.reasons.slice(0, reasons.length)).toEqual(reasons);
        const obligations = c.deciding.flatMap((f) => f.finding.obligations ?? []);
        expect(d.obligations.slice(0, obligations.length)).toEqual(obligations);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parameters', () => {
  it('dated values do not overlap and carry a citation', () => {
    for (const p of PARAMS) {
      for (let i = 0; i < p.values.length; i++) {
        const v = p.values[i]!;
        expect(v.citation.length, p.id).toBeGreaterThan(0);
        const next = p.values[i + 1];
        if (next) expect(v.until !== undefined && v.until < next.from, p.id).toBe(true);
      }
    }
  });

  it('overrides replace the dated policy, the rest stays', () => {
    const p = policyAt('2025-06-01', { exemptTransfersCount: true });
    expect(p.exemptTransfersCount).toBe(true);
    expect(p.sensitiveCountsAsNonSensitive).toBe(true);
    expect(policyAt('2024-03-21').legacyProcessingTrigger).toBe(true);
    expect(policyAt('2024-03-22').legacyProcessingTrigger).toBe(false);
  });
});

describe('registry and documentation', () => {
  it('is registered once in PACKS', () => {
    expect(PACKS.filter((p) => p.id === 'cn.xborder')).toHaveLength(1);
  });

  it('docs/packs/cn.xborder.md lists every rule and every parameter', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'packs', 'cn.xborder.md'), 'utf8');
    for (const r of cnXborder.rules) expect(doc, r.id).toContain(`| ${r.id} |`);
    for (const p of PARAMS) expect(doc, p.id).toContain(p.id);
  });
});

describe('runCheck with every registered pack', () => {
  const inv = inventory({
    asOf: '2025-06-15',
    org: { cn: { networkPlatformOperator: { users: 3_000_000 }, importantDataProcessor: true }, listings: [{ exchange: 'NYSE', country: 'US', status: 'planned', date: '2025-12-01' }] },
    datasets: [pi('customers', 1_200_000), pi('staff', 4_000, { categories: ['name', 'employment'] })],
    flows: [xfer('customers-us', 'customers'), xfer('hris', 'staff', { purpose: 'hr_management' }), xfer('local', 'customers', { destination: 'CN' })],
  });

  it('decides every flow and the organization, deterministically', () => {
    const a = runCheck(inv, { asOf: '2025-06-15', packs: PACKS });
    const b = runCheck(inv, { asOf: '2025-06-15', packs: PACKS });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const cn = (flow: string) => a.flows.find((f) => f.flow === flow)?.decisions.find((d) => d.regime === 'cn.xborder');
    expect(cn('customers-us')?.outcome).toBe('security_assessment');
    expect(cn('hris')?.outcome).toBe('exempt');
    expect(cn('local')?.outcome).toBe('not_export');
    const org = a.organization.filter((d) => d.regime === 'cn.xborder').map((d) => d.outcome);
    expect(org).toEqual(['cybersecurity_review_required', 'important_data_processor_duties']);
  });
});

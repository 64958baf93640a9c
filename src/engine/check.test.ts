import { describe, expect, it } from 'vitest';
import { DEMO_AS_OF, DEMO_DIR } from '../cli/commands/demo.js';
import { deriveFacts } from '../facts/index.js';
import { loadInventory } from '../inventory/load.js';
import { PACKS } from '../packs/index.js';
import { addMonths } from '../time/civil-date.js';
import { runCheck } from './check.js';
import type { Pack } from './pack.js';

describe('runCheck', () => {
  const inv = loadInventory([DEMO_DIR]);

  // runCheck passes each flow's position to the packs; a library caller deciding one flow does
  // not. Both must give the same decision (fresh facts each way: no memo is shared).
  for (const asOf of [DEMO_AS_OF, addMonths(DEMO_AS_OF, -9), addMonths(DEMO_AS_OF, 14)]) {
    it(`gives each flow the decision the pack gives it alone (as of ${asOf})`, () => {
      const result = runCheck(inv, { asOf, packs: PACKS });
      const ctx = { facts: deriveFacts(inv, asOf), asOf };
      const flowPacks = PACKS.filter((p) => p.decideFlow);
      expect(result.flows.map((f) => f.flow)).toEqual(inv.flows.map((f) => f.id));
      // In reverse order: per-run caches must not depend on the order flows are asked about.
      for (let i = inv.flows.length - 1; i >= 0; i--) {
        const alone = flowPacks.map((p) => p.decideFlow!(inv.flows[i]!, ctx));
        expect(result.flows[i]!.decisions).toEqual(alone);
      }
    });
  }

  it('takes a pack\'s decisions for all flows at once when it gives them, in inventory order', () => {
    const decision = (flow: string) => ({ regime: 'test', outcome: flow, verdict: 'permitted' as const, rules: [], reasons: [], obligations: [] });
    const batch: Pack = {
      id: 'test',
      version: '1',
      title: 'test',
      rules: [],
      decideFlow: () => {
        throw new Error('decideFlow must not be called when decideFlows is given');
      },
      decideFlows: ({ facts }) => facts.inventory.flows.map((f) => decision(f.id)),
    };
    const result = runCheck(inv, { asOf: DEMO_AS_OF, packs: [batch] });
    expect(result.flows.map((f) => f.decisions[0]!.outcome)).toEqual(inv.flows.map((f) => f.id));
    const short: Pack = { ...batch, decideFlows: ({ facts }) => facts.inventory.flows.slice(1).map((f) => decision(f.id)) };
    expect(() => runCheck(inv, { asOf: DEMO_AS_OF, packs: [short] })).toThrow(/decided/);
  });

  it('counts a batch pack\'s decisions once, whether the pack counts them itself (`tally`) or leaves them to runCheck', () => {
    const made = (flow: string, i: number) => ({ regime: 'test', outcome: flow, verdict: i % 3 === 0 ? ('blocked' as const) : ('permitted' as const), rules: [], reasons: [], obligations: i % 2 ? [{ id: 'o', what: 'w', citation: 'c', status: 'overdue' as const }] : [] });
    const base = { id: 'test', version: '1', title: 'test', rules: [] };
    const silent: Pack = { ...base, decideFlows: ({ facts }) => facts.inventory.flows.map((f, i) => made(f.id, i)) };
    const counting: Pack = {
      ...base,
      decideFlows: ({ facts }, tally) => {
        const out = facts.inventory.flows.map((f, i) => made(f.id, i));
        // made in another order than returned, as us.doj.dsp does (pair after pair)
        for (let i = out.length - 1; i >= 0; i--) tally?.add(out[i]!);
        return out;
      },
    };
    const a = runCheck(inv, { asOf: DEMO_AS_OF, packs: [silent] }).summary;
    const b = runCheck(inv, { asOf: DEMO_AS_OF, packs: [counting] }).summary;
    expect(b).toEqual(a);
    expect(a.decisions).toBe(inv.flows.length);
    expect(a.verdicts.blocked).toBe(Math.ceil(inv.flows.length / 3));
    expect(a.overdue).toBe(Math.floor(inv.flows.length / 2));
    const partial: Pack = { ...base, decideFlows: ({ facts }, tally) => facts.inventory.flows.map((f, i) => { const d = made(f.id, i); if (i > 0) tally?.add(d); return d; }) };
    expect(() => runCheck(inv, { asOf: DEMO_AS_OF, packs: [partial] })).toThrow(/counted/);
  });

  it('summarises what it decided', () => {
    const result = runCheck(inv, { asOf: DEMO_AS_OF, packs: PACKS });
    const all = [...result.organization, ...result.flows.flatMap((f) => f.decisions), ...result.assets.flatMap((a) => a.decisions)];
    expect(result.summary.decisions).toBe(all.length);
    expect(result.summary.verdicts.blocked).toBe(all.filter((d) => d.verdict === 'blocked').length);
    expect(result.summary.obligations).toBe(all.reduce((n, d) => n + d.obligations.length, 0));
    expect(result.summary.blocking).toBe(all.some((d) => d.verdict === 'blocked' || d.obligations.some((o) => o.status === 'overdue')));
  });
});

/**
 * The Cedar mirror of the us.doj.dsp blocking decisions (doj.cedar) agrees with the pack on a
 * small generated inventory, flow by flow: Cedar `deny` ⇔ datacustoms verdict `blocked` — the
 * check the benchmark makes on 100,000 flows, here on 3,000 so that a change to a mirrored rule
 * is caught by the tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { Inventory } from '../../src/inventory/schema.js';
import { runCheck } from '../../src/engine/check.js';
import { deriveFacts } from '../../src/facts/index.js';
import { usDojDsp } from '../../src/packs/us.doj.dsp/index.js';
import { DEFAULTS, generate } from './generate.js';
import { cedarRequest, partyEntities } from './doj-facts.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('doj.cedar mirrors the us.doj.dsp blocking decisions', () => {
  it('deny ⇔ blocked on every flow of a 3,000-flow generated inventory, with rejected offers before and after 6 October 2025 among them', () => {
    const gen = generate({ ...DEFAULTS, flows: 3_000 });
    const inv = Inventory.parse(gen.input);
    const asOf = gen.asOf;
    const pre = cedar.preparsePolicySet('doj-agreement', { staticPolicies: readFileSync(join(here, 'doj.cedar'), 'utf8') });
    if (pre.type !== 'success') throw new Error(JSON.stringify(pre));
    const result = runCheck(inv, { asOf, packs: [usDojDsp] });
    const facts = deriveFacts(inv, asOf);
    const entity = partyEntities(facts);
    const disagreements: string[] = [];
    let blocked = 0;
    for (let i = 0; i < inv.flows.length; i++) {
      const flow = inv.flows[i]!;
      const d = result.flows[i]!.decisions[0]!;
      const a = cedar.statefulIsAuthorized({ ...cedarRequest(flow, facts, asOf, entity), preparsedPolicySetId: 'doj-agreement' });
      if (a.type !== 'success') throw new Error(JSON.stringify(a));
      if (d.verdict === 'blocked') blocked++;
      if ((d.verdict === 'blocked') !== (a.response.decision === 'deny')) disagreements.push(`${flow.id}: ${d.outcome} / ${a.response.decision} (${a.response.diagnostics.reason.join(', ')})`);
    }
    expect(disagreements).toEqual([]);
    expect(blocked).toBeGreaterThan(0);
    expect(inv.flows.some((f) => f.offerRejected !== undefined && f.offerRejected < '2025-10-06')).toBe(true);
  });
});

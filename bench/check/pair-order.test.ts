/**
 * us.doj.dsp decides a whole inventory pair after pair (`decideFlows`), keeping one pair's
 * 202.205 aggregates and data facts at a time. Its decisions must be those of `decideFlow` asked
 * flow by flow in inventory order, with every pair's aggregates kept — on generated
 * inventories where many flows share a pair, a window and a dataset.
 */
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/inventory/schema.js';
import { deriveFacts } from '../../src/facts/index.js';
import { decideFlow, decideFlows } from '../../src/packs/us.doj.dsp/index.js';
import { generate } from './generate.js';

describe('us.doj.dsp decideFlows (pair after pair, each pair released when done)', () => {
  for (const seed of [1, 7, 20250408]) {
    it(`gives decideFlow's decisions in inventory order (seed ${seed}, 2,000 flows on 300 pairs)`, () => {
      const gen = generate({ seed, entities: 400, datasets: 150, flows: 2_000, pairs: 300 });
      const inv = Inventory.parse(gen.input);
      const batch = decideFlows({ facts: deriveFacts(inv, gen.asOf), asOf: gen.asOf });
      const facts = deriveFacts(inv, gen.asOf);
      const one = inv.flows.map((f, i) => decideFlow(f, { facts, asOf: gen.asOf }, i));
      expect(batch.length).toBe(inv.flows.length);
      expect(JSON.stringify(batch)).toBe(JSON.stringify(one));
      // Many flows share a pair here: what the release could break.
      expect(facts.volumes.pairBounds().length - 1).toBeLessThan(inv.flows.length / 3);
    });
  }
});

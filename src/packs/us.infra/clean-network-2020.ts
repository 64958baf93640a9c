/**
 * The 2020 "Clean Network" program of the U.S. State Department: 5G Clean Path (29 Apr 2020) and
 * Clean Carrier, Clean Store, Clean Apps, Clean Cloud, Clean Cable (5 Aug 2020). Policy with no
 * legal force, lapsed after January 2021 [M]: reported as historical context, never as a rule,
 * each line only from the day it was announced.
 */
import { valueAt } from '../../engine/params.js';
import { defineRule } from '../../engine/rule.js';
import type { InfraContext } from './context.js';
import { nameMatch } from './context.js';
import { CLEAN_NETWORK, CLEAN_NETWORK_ANNOUNCED } from './params.js';

export const cleanNetwork = defineRule<InfraContext>({
  id: 'us.infra/clean-network-2020',
  title: 'Named in a 2020 Clean Network line of effort (historical policy)',
  citation: 'U.S. Department of State, Clean Network (29 Apr and 5 Aug 2020) — policy, no legal force',
  effective: { from: '2020-04-29' },
  reads: ['asset.kind', 'vendor names and majority owners'],
  evaluate: (ctx) => {
    const lines = valueAt(CLEAN_NETWORK, CLEAN_NETWORK_ANNOUNCED)!.value;
    const hits = lines.filter((l) => l.announced <= ctx.date && l.kinds.includes(ctx.asset.kind) && nameMatch(ctx.names, l.keys));
    if (hits.length === 0) return null;
    return {
      outcome: 'historical_policy',
      reasons: hits.map((l) => `${l.line} (announced ${l.announced}) named ${l.named}; this was State Department policy without legal force, which lapsed after January 2021 [M] — context only, not a rule in force`),
    };
  },
});

export const CLEAN_NETWORK_RULES = [cleanNetwork];

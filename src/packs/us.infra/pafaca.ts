/**
 * Protecting Americans from Foreign Adversary Controlled Applications Act (PAFACA), Pub. L.
 * 118-50 Division H [M — not in the research notes; verify before relying on it].
 */
import { at } from '../../engine/params.js';
import { defineRule } from '../../engine/rule.js';
import type { InfraContext } from './context.js';
import { nameMatch } from './context.js';
import { PAFACA } from './params.js';

/**
 * §2(a) [M]: it is unlawful to distribute, maintain or update a foreign adversary controlled
 * application (including those of ByteDance, Ltd. and TikTok) by providing services through an
 * online mobile application store or internet hosting services, from 270 days after enactment.
 */
export const pafaca = defineRule<InfraContext>({
  id: 'us.infra/pafaca-2(a)',
  title: 'No app-store distribution or hosting of foreign adversary controlled applications',
  citation: 'Pub. L. 118-50 Div. H §2(a) [M]',
  effective: { from: '2025-01-19' },
  reads: ['organization.us.appStoreOrHostingProvider', 'asset.kind', 'asset.uses', 'vendor names and majority owners'],
  evaluate: (ctx) => {
    const p = at(PAFACA, ctx.date);
    if (ctx.asset.kind !== 'mobile_app' && ctx.asset.kind !== 'sdk') return null;
    const distributor = ctx.facts.inventory.organization.us.appStoreOrHostingProvider || ctx.asset.uses.some((u) => u === 'distributed_in_app_store' || u === 'hosted');
    const hit = nameMatch(ctx.names, p.keys);
    if (!hit || !distributor) return null;
    return {
      outcome: 'prohibited',
      reasons: [`${ctx.asset.name ?? ctx.asset.id} is an application of ${hit}, named by PAFACA as foreign adversary controlled; distributing, maintaining or updating it through an app store or hosting service is unlawful from ${p.effective} (PAFACA §2(a) [M]; executive non-enforcement orders are not modelled)`],
    };
  },
});

export const PAFACA_RULES = [pafaca];

/**
 * Cybersecurity Review Measures (网络安全审查办法, 2022), CAC and 12 other departments, Order
 * No. 8, dated 2021-12-28, effective 2022-02-15; replaced the 2020 Measures. Organization-level:
 * a large platform listing abroad. cn-eu-rules.md §6.
 */
import { obligation } from './obligations.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import type { OrgCtx } from './context.js';
import { CSRM_FROM, CSRM_USERS, SOURCES, fmt, paramOn } from './params.js';


function cleared(ctx: OrgCtx) {
  return ctx.org.approvals.find((a) => a.type === 'cybersecurity_review_cleared' && a.date <= ctx.date && (a.expires === undefined || ctx.date <= a.expires));
}

/**
 * Art. 7: 「掌握超过100万用户个人信息的网络平台运营者赴国外上市，必须向网络安全审查办公室申报网络安全审查」
 * — a network platform operator holding PI of more than (超过, `>`) 1,000,000 users that lists
 * abroad (国外) must apply to the Cybersecurity Review Office. Venues that are not 国外 are a
 * parameter (HK per [S]). Listings completed before 2022-02-15 predate the duty.
 */
export const CSRM_7 = defineRule<OrgCtx>({
  id: 'cn.xborder/csrm.7',
  title: 'A platform with PI of more than 1,000,000 users must apply for review before listing abroad',
  citation: 'Cybersecurity Review Measures (2022) Art. 7',
  sourceUrl: SOURCES.csrm,
  effective: { from: CSRM_FROM },
  reads: ['organization.cn.networkPlatformOperator.users', 'organization.listings', 'organization.approvals', 'policy.venues_not_abroad'],
  evaluate(ctx) {
    const l = ctx.listing;
    const users = ctx.org.cn.networkPlatformOperator?.users;
    if (!l || users === undefined || ctx.policy.venuesNotAbroad.includes(l.country)) return null;
    const threshold = paramOn(CSRM_USERS, ctx.date);
    if (!(users > threshold)) return null;
    if (l.status === 'listed' && l.date !== undefined && l.date < CSRM_FROM) return null;
    const done = cleared(ctx);
    return {
      outcome: 'cybersecurity_review_required',
      reasons: [`A network platform operator holding PI of ${fmt(users)} users (more than ${fmt(threshold)}, 超过) lists abroad on ${l.exchange} (${l.country}): it must apply to the Cybersecurity Review Office for cybersecurity review (Art. 7).`],
      obligations: [
        obligation(
          {
            id: 'cn.xborder/csrm.7',
            what: `Apply to the Cybersecurity Review Office for cybersecurity review before listing on ${l.exchange} (application form, national-security impact analysis, the listing application documents).`,
            to: 'Cybersecurity Review Office (CAC)',
            citation: 'Cybersecurity Review Measures (2022) Arts. 7, 8',
            ...(l.date ? { due: l.date } : {}),
            ...(done ? { doneOn: done.date } : {}),
          },
          ctx.asOf,
        ),
      ],
    };
  },
});

/**
 * Ex officio review [M] (final Art. 16): member units may start a review of data processing or
 * foreign listings that affect or may affect national security — the route of the July 2021
 * reviews (Didi, Full Truck Alliance, BOSS Zhipin) and of listings Art. 7 does not cover.
 */
export const CSRM_EX_OFFICIO = defineRule<OrgCtx>({
  id: 'cn.xborder/csrm.16',
  title: 'Listings that may affect national security can be reviewed ex officio',
  citation: 'Cybersecurity Review Measures (2022) Art. 16 [M]',
  sourceUrl: SOURCES.csrm,
  effective: { from: CSRM_FROM },
  reads: ['organization.listings', 'organization.cn.networkPlatformOperator', 'policy.venues_not_abroad'],
  evaluate(ctx) {
    const l = ctx.listing;
    if (!l || l.country === 'CN' || !ctx.policy.venuesNotAbroad.includes(l.country) || !ctx.org.cn.networkPlatformOperator) return null;
    return {
      outcome: 'national_security_review_possible',
      reasons: [`No mandatory filing for a listing in ${l.country}, but the review office's member units may start a review ex officio where national security may be affected (Art. 16 [from memory]).`],
    };
  },
});

export const CSRM_RULES: readonly Rule<OrgCtx>[] = [CSRM_7, CSRM_EX_OFFICIO];

export { cleared as reviewCleared };

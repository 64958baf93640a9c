/**
 * Cybersecurity Review Measures (网络安全审查办法, 2022), CAC and 12 other departments, Order
 * No. 8, dated 2021-12-28, effective 2022-02-15; replaced the 2020 Measures. Organization-level:
 * a large platform listing abroad. cn-eu-rules.md §6.
 */
import { obligation } from '../../engine/obligation.js';
import { countryName } from '../../common/country-name.js';
import { defineRule, type Rule } from '../../engine/rule.js';
import type { Listing, OrgCtx } from './context.js';
import { CSRM_FROM, CSRM_USERS, SOURCES, fmt, paramOn } from './params.js';


function cleared(ctx: OrgCtx) {
  return ctx.org.approvals.find((a) => a.type === 'cybersecurity_review_cleared' && a.date <= ctx.date && (a.expires === undefined || ctx.date <= a.expires));
}

/**
 * Why Art. 7 does not make the listing's filing mandatory, or undefined when it does. A listing
 * in the mainland (CN) is not reviewed under these rules at all (the caller checks that).
 * - the venue is not abroad (国外): HK (and MO) by the parameter `venues_not_abroad`;
 * - the operator holds PI of 1,000,000 users or fewer (超过 is strictly more than), or is not a
 *   network platform operator;
 * - the listing was completed before Art. 7 took effect (2022-02-15).
 */
function noMandatoryFiling(ctx: OrgCtx, l: Listing): string | undefined {
  if (ctx.policy.venuesNotAbroad.includes(l.country)) return `a listing on ${l.exchange} (${countryName(l.country)}) is not a listing abroad (国外) under Cybersecurity Review Measures Art. 7`;
  const users = ctx.org.cn.networkPlatformOperator?.users;
  const threshold = paramOn(CSRM_USERS, ctx.date);
  if (users === undefined) return `the organization is not a network platform operator, so Cybersecurity Review Measures Art. 7 does not make its listing on ${l.exchange} (${countryName(l.country)}) subject to mandatory filing`;
  if (!(users > threshold)) return `the operator holds PI of ${fmt(users)} users, not more than ${fmt(threshold)} (超过), so Cybersecurity Review Measures Art. 7 does not make its listing on ${l.exchange} (${countryName(l.country)}) subject to mandatory filing`;
  if (l.status === 'listed' && l.date !== undefined && l.date < CSRM_FROM) return `the listing on ${l.exchange} (${countryName(l.country)}) was completed on ${l.date}, before Cybersecurity Review Measures Art. 7 took effect (${CSRM_FROM})`;
  return undefined;
}

/**
 * A listing outside the mainland for which Art. 7 sets no mandatory filing: the reason why
 * (see `noMandatoryFiling`), or undefined (no listing, a mainland listing, or Art. 7 applies).
 * Such listings can still be reviewed: ex officio (Art. 16 [M]) and, from 2025, under NDSMR
 * Art. 13 (cn-eu-rules.md §6: foreign listings among the ex officio grounds; HK via NDSMR 13).
 */
export function listingWithoutMandatoryFiling(ctx: OrgCtx): string | undefined {
  const l = ctx.listing;
  if (!l || l.country === 'CN') return undefined;
  return noMandatoryFiling(ctx, l);
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
    if (!l || users === undefined || l.country === 'CN' || noMandatoryFiling(ctx, l) !== undefined) return null;
    const threshold = paramOn(CSRM_USERS, ctx.date);
    const done = cleared(ctx);
    return {
      outcome: 'cybersecurity_review_required',
      reasons: [`A network platform operator holding PI of ${fmt(users)} users (more than ${fmt(threshold)}, 超过) lists abroad on ${l.exchange} (${countryName(l.country)}): it must apply to the Cybersecurity Review Office for cybersecurity review (Art. 7).`],
      obligations: [
        obligation(
          {
            id: 'cn.xborder/csrm.7',
            what: `Apply to the Cybersecurity Review Office for cybersecurity review before listing on ${l.exchange} (application form, national-security impact analysis, the listing application documents).`,
            to: 'Cybersecurity Review Office (CAC)',
            citation: 'Cybersecurity Review Measures (2022) Art. 7; Art. 8 [M]',
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
 * reviews of US listings (Didi, Full Truck Alliance, BOSS Zhipin; cn-xb-040) and of listings
 * Art. 7 does not cover: a venue that is not 国外 (HK, cn-xb-039), an operator at or below
 * 1,000,000 users, or a listing completed before 2022-02-15.
 */
export const CSRM_EX_OFFICIO = defineRule<OrgCtx>({
  id: 'cn.xborder/csrm.16',
  title: 'Listings that may affect national security can be reviewed ex officio',
  citation: 'Cybersecurity Review Measures (2022) Art. 16 [M]',
  sourceUrl: SOURCES.csrm,
  effective: { from: CSRM_FROM },
  reads: ['organization.listings', 'organization.cn.networkPlatformOperator', 'policy.venues_not_abroad'],
  evaluate(ctx) {
    if (!ctx.org.cn.networkPlatformOperator) return null;
    const why = listingWithoutMandatoryFiling(ctx);
    if (why === undefined) return null;
    return {
      outcome: 'national_security_review_possible',
      reasons: [`No mandatory filing: ${why}. The review office's member units may still start a review ex officio where national security may be affected (Art. 16 [from memory]).`],
    };
  },
});

export const CSRM_RULES: readonly Rule<OrgCtx>[] = [CSRM_7, CSRM_EX_OFFICIO];

export { cleared as reviewCleared };

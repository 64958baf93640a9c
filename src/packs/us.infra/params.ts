/**
 * Dated parameters of the U.S. infrastructure rules: the named companies and the dates each
 * prohibition starts.
 */
import { param } from '../../engine/params.js';

/**
 * NDAA FY2019 §889(f)(3); FAR 52.204-1 / 52.204-25(a): "covered telecommunications equipment or
 * services" — produced or provided by these companies "or any subsidiary or affiliate".
 */
export const SECTION_889_COMPANIES = param<readonly { name: string; keys: readonly string[]; videoOnly: boolean }[]>(
  'us.infra.section_889_companies',
  'Companies named by Section 889 (telecom: Huawei, ZTE; video surveillance and telecom for the listed purposes: Hytera, Hikvision, Dahua).',
  [
    {
      from: '2019-08-13',
      value: [
        { name: 'Huawei Technologies Company', keys: ['huawei', '华为'], videoOnly: false },
        { name: 'ZTE Corporation', keys: ['zte', '中兴'], videoOnly: false },
        { name: 'Hytera Communications Corporation', keys: ['hytera', '海能达'], videoOnly: true },
        { name: 'Hangzhou Hikvision Digital Technology Company', keys: ['hikvision', '海康威视'], videoOnly: true },
        { name: 'Dahua Technology Company', keys: ['dahua', '大华'], videoOnly: true },
      ],
      citation: 'Pub. L. 115-232 §889(f)(3); FAR 52.204-25(a)',
      confidence: 'secondary',
    },
  ],
);

/**
 * §889(a)(1)(A) (no procurement of covered equipment) from 13 Aug 2019; (a)(1)(B) (no contracts
 * with entities using it) from 13 Aug 2020 — one and two years after enactment (13 Aug 2018).
 * The research notes do not give these dates [M]: a documented parameter, not a settled fact.
 */
export const SECTION_889_DATES_PARAM = param<{ readonly procurement: string; readonly use: string }>('us.infra.section_889_dates', 'Start dates of Section 889(a)(1)(A) (procurement) and (a)(1)(B) (use by contractors).', [
  { from: '2018-08-13', value: { procurement: '2019-08-13', use: '2020-08-13' }, citation: 'Pub. L. 115-232 §889(c)', confidence: 'memory', note: 'Not in the research notes; verify against the statute before relying on it.' },
]);
export const SECTION_889_DATES = SECTION_889_DATES_PARAM.values[0]!.value;

/** FY2024 NDAA §805: DoD may not contract directly with 1260H entities from 30 Jun 2026, nor buy end products containing their items from 30 Jun 2027 [S]. */
export const NDAA_805_DATES = param<{ readonly direct: string; readonly indirect: string }>('us.infra.ndaa_805_dates', 'Start dates of the FY2024 NDAA §805 bans on DoD contracting with entities on the 1260H list.', [
  { from: '2023-12-22', value: { direct: '2026-06-30', indirect: '2027-06-30' }, citation: 'Pub. L. 118-31 §805 (FY2024 NDAA)', confidence: 'secondary' },
]);

/**
 * PAFACA — Protecting Americans from Foreign Adversary Controlled Applications Act, Pub. L.
 * 118-50 Division H (signed 24 Apr 2024): no distributing, maintaining or updating, through a
 * marketplace or hosting service, a foreign adversary controlled application; ByteDance and
 * TikTok are named; in force 270 days after enactment (19 Jan 2025). The research notes do not
 * cover PAFACA: everything here is from memory [M]; enforcement-delay executive orders followed.
 */
export const PAFACA = param<{ readonly effective: string; readonly keys: readonly string[] }>('us.infra.pafaca', 'PAFACA named companies and effective date.', [
  { from: '2024-04-24', value: { effective: '2025-01-19', keys: ['bytedance', 'tiktok', '字节跳动', '抖音'] }, citation: 'Pub. L. 118-50, Div. H, §2', confidence: 'memory', note: 'Not in the research notes; verify. Executive non-enforcement orders are not modelled.' },
]);

/**
 * The 2020 "Clean Network" lines of effort (us-rules.md §3): policy, no legal force; lapsed after
 * January 2021 [M]. Reported as historical context only, each line from the day it was announced:
 * 5G Clean Path on 29 Apr 2020 [V], the other five on 5 Aug 2020 [V]. The companies are those the
 * notes say each line named: Clean Carrier urged revoking the section 214 authorizations of China
 * Telecom (Americas) "and three other companies" — China Unicom (Americas), Pacific Networks and
 * its subsidiary ComNet (USA) [S]; China Mobile, whose application had been denied in 2019 [M], was
 * not among them.
 */
export const CLEAN_NETWORK = param<readonly { line: string; announced: string; kinds: readonly string[]; keys: readonly string[]; named: string }[]>('us.infra.clean_network_2020', 'Companies named in the 2020 Clean Network lines of effort, by line, with the day each line was announced.', [
  {
    from: '2020-04-29',
    until: '2021-01-20',
    value: [
      { line: '5G Clean Path', announced: '2020-04-29', kinds: ['telecom_equipment'], keys: ['huawei', 'zte'], named: 'Huawei, ZTE' },
      { line: 'Clean Carrier', announced: '2020-08-05', kinds: ['carrier_service'], keys: ['china telecom', 'china unicom', 'pacific networks', 'comnet'], named: 'China Telecom (Americas), China Unicom (Americas), Pacific Networks, ComNet (USA)' },
      { line: 'Clean Store', announced: '2020-08-05', kinds: ['mobile_app', 'sdk'], keys: ['tiktok', 'bytedance', 'wechat', 'tencent'], named: 'TikTok, WeChat' },
      { line: 'Clean Apps', announced: '2020-08-05', kinds: ['mobile_app', 'sdk', 'telecom_equipment'], keys: ['huawei'], named: 'Huawei' },
      { line: 'Clean Cloud', announced: '2020-08-05', kinds: ['cloud_service'], keys: ['alibaba', 'baidu', 'tencent', 'china mobile', 'china telecom'], named: 'Alibaba, Baidu, Tencent (China Mobile, China Telecom in the speech)' },
      { line: 'Clean Cable', announced: '2020-08-05', kinds: ['submarine_cable'], keys: ['huawei marine', 'hmn tech', 'hmn technologies'], named: 'Huawei Marine (HMN Tech)' },
    ],
    citation: 'U.S. Department of State, "Announcing the Expansion of the Clean Network" (5 Aug 2020); 5G Clean Path (29 Apr 2020)',
    confidence: 'secondary',
  },
]);
export const CLEAN_NETWORK_ANNOUNCED = '2020-08-05';

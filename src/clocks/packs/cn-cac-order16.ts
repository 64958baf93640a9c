/**
 * Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定),
 * CAC Order No. 16, adopted 2023-11-28, promulgated and effective 2024-03-22 (Art. 14).
 * https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm
 * Reference: ../shared/reference/cn-eu-rules.md §4.4. Art. 11 is in the note's article table but
 * not among the articles it lists as confirmed: encoded as memory.
 */
import { param } from '../../engine/params.js';
import { LEARNED } from '../anchors.js';
import { CN_ZONE } from '../regulator-zones.js';
import { definePack, defineDuty, type Counting } from '../model.js';
import { processesDataInChina } from './cn-dsl.js';

export const REGIME = 'cn.cac.order16';
const EFFECTIVE = { from: '2024-03-22' } as const;
const SOURCE = 'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm';
const CITE = 'CAC Order No. 16 (2024) Art. 11';

// --- Art. 11 [M] ---------------------------------------------------------------------------------
// Processors meet their data security duties; if a data security incident occurs or may occur,
// they take remedial measures and report in a timely manner (及时) to the provincial-or-higher
// CAC and other competent authorities. No hour count: listed, never overdue. The Provisions
// govern data provided abroad, and the inventory's organization does not say whether it exports
// data: the duty is listed on that condition.

export const ART11_PERIOD = param<Counting>('cn.cac.order16.11.period', 'Art. 11: report a data security incident that occurs or may occur.', [
  { from: EFFECTIVE.from, value: { kind: 'no-fixed-deadline', words: 'in a timely manner (及时)' }, citation: CITE, confidence: 'memory' },
]);

export const art11 = defineDuty({
  id: 'cn.cac.order16/11',
  regime: REGIME,
  text: 'If a data security incident occurs or may occur, take remedial measures and report in a timely manner to the provincial-or-higher CAC and other competent authorities (no hour count).',
  citation: CITE,
  effective: EFFECTIVE,
  confidence: 'memory',
  kinds: ['incident', 'personal_data_breach'],
  what: 'Take remedial measures and report the data security incident (also one that may occur)',
  recipient: 'provincial-or-higher cyberspace administration (省级以上网信部门) and other competent authorities',
  timeZone: () => CN_ZONE,
  applies: (c) => (processesDataInChina(c) ? { condition: 'the organization provides data abroad (Order No. 16 governs cross-border data flows)' } : null),
  deadlines: () => [{ anchor: LEARNED, period: ART11_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'China — cross-border data flow provisions (CAC Order No. 16)',
  instrument: '促进和规范数据跨境流动规定 (CAC Order No. 16), effective 2024-03-22',
  sourceUrl: SOURCE,
  duties: [art11],
});

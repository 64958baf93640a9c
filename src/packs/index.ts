/**
 * The rule packs, one per regime. Add a regime by adding a folder under src/packs/ and a line
 * here; `datacustoms check --pack ID` selects among them.
 */
import type { Pack } from '../engine/pack.js';
import { usDojDsp } from './us.doj.dsp/index.js';
import { cnXborder } from './cn.xborder/index.js';
import { usInfra } from './us.infra/index.js';
import { cnLists } from './cn.lists/index.js';

export const PACKS: readonly Pack[] = [
  usDojDsp,
  cnXborder,
  usInfra,
  cnLists,
];

export function findPack(id: string): Pack | undefined {
  return PACKS.find((p) => p.id === id);
}

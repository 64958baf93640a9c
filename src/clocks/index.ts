/**
 * Reporting clocks: who must be told what, by when, for every vulnerability, incident,
 * personal-data breach and government data request. See docs/clocks.md.
 */
export { evaluateClocks, buildContext, type EvaluateOptions } from './evaluate.js';
export { toIcs } from './ics.js';
export { csafAdvisory, openVex, csafFileName, trackingId } from './drafts.js';
export { CLOCK_PACKS } from './packs/index.js';
export type { ClockObligation, ClockCheck, ClockNote, ClocksResult, ClockPack, DutyDef, Counting } from './model.js';

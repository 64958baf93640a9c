/**
 * The clock anchors: each is a named instant on the event. When it is unknown the duty is
 * listed without a due date and says what starts its clock.
 */
import type { DutyId } from '../inventory/events.js';
import type { Anchor } from './model.js';

function field(name: string, startsWhen: string): Anchor {
  return { name, startsWhen, at: (c) => c.instants.get(name) };
}

/** Awareness: when we became aware of the event. */
export const LEARNED = field('learned', 'we become aware of the event');
export const EXPLOITATION_AWARE: Anchor = {
  name: 'exploitationAware',
  startsWhen: 'we become aware that the vulnerability is actively exploited',
  at: (c) => c.instants.get('exploitationAware') ?? c.instants.get('learned'),
};
export const FIX_AVAILABLE = field('fixAvailable', 'a corrective or mitigating measure is available (declare `fixAvailable`)');
export const HANDLING_ENDED = field('handlingEnded', 'handling of the incident ends (declare `handlingEnded`)');
export const CLASSIFIED_MAJOR = field('classifiedMajor', 'the incident is classified as major (declare `classifiedMajor`)');
export const MATERIALITY_DETERMINED = field(
  'materialityDetermined',
  'the registrant determines the incident is material — without unreasonable delay after discovery (declare `materialityDetermined`)',
);
export const RANSOM_PAID = field('ransomPaid', 'a ransom payment is made (declare `ransomPaid`)');
export const RESPOND_BY = field('respondBy', 'the request sets a deadline (declare `respondBy`)');

/** The submission of an earlier report (e.g. a final report one month after the notification). */
export function reportMade(duty: DutyId, what: string): Anchor {
  return {
    name: `report:${duty}`,
    startsWhen: `the ${what} (${duty}) is submitted — declare it under reports`,
    at: (c) => c.reports.get(duty)?.at,
  };
}

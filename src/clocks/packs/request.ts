/**
 * A government data request's own deadline. Not a regulator's reporting duty: the date the
 * request itself sets (a subpoena's return date, an order's compliance date). Shown beside the
 * checks that say whether the data may be provided at all (DSL Art. 36, PIPL Art. 41, GDPR
 * Art. 48).
 */
import { param } from '../../engine/params.js';
import { RESPOND_BY } from '../anchors.js';
import { definePack, defineDuty, type Counting } from '../model.js';
import { countryInSentence } from '../../common/country-name.js';

export const REGIME = 'request';

export const RESPONSE_PERIOD = param<Counting>('request.response.period', 'The request sets its own deadline.', [
  { from: '1970-01-01', value: { kind: 'hours', hours: 0 }, citation: 'the request', confidence: 'verified' },
]);

/** A deadline given as a date alone ("respond by 10 March") runs to the end of that day. */
export const RESPONSE_DAY = param<Counting>('request.response.day', 'A date alone: the request\'s deadline is the end of that day.', [
  { from: '1970-01-01', value: { kind: 'days', days: 0 }, citation: 'the request', confidence: 'verified' },
]);

export const response = defineDuty({
  id: 'request/response',
  regime: REGIME,
  text: 'Respond to the request by the deadline it sets.',
  citation: 'the request itself',
  effective: { from: '1970-01-01' },
  confidence: 'verified',
  kinds: ['government_request'],
  what: 'Respond to the request (comply, object, or seek approval first where a check below requires it)',
  recipient: 'the requesting authority',
  timeZone: (c) => c.zone,
  applies: (c) => {
    const e = c.event;
    if (e.kind !== 'government_request' || !c.instants.has('respondBy')) return null;
    return { recipient: `${e.authority.replace('_', '-')} authority of ${countryInSentence(e.country)}` };
  },
  deadlines: (c) => [{ anchor: RESPOND_BY, period: c.dateOnly.has('respondBy') ? RESPONSE_DAY : RESPONSE_PERIOD }],
});

export const pack = definePack({
  id: REGIME,
  title: 'Government data requests — the requester\'s deadline',
  instrument: 'the request',
  duties: [response],
});

/**
 * Detector parameters. Legal thresholds and unverified formats are named, cited parameters
 * (src/engine/params.ts), never bare numbers in detector logic. Items the research notes tag
 * as memory / unverified get a conservative default and say so.
 *
 * Detection runs on "today's" rules: {@link current} takes the latest value of each.
 */
import { param, type Param } from '../../engine/params.js';

/** The value in force last (detectors always apply the current definition). */
export function current<T>(p: Param<T>): T {
  const v = p.values[p.values.length - 1];
  if (!v) throw new RangeError(`parameter ${p.id} has no value`);
  return v.value;
}

export const GEO_PRECISION_METERS = param<number>(
  'scan.geo.precisionMeters',
  'Coordinates count as precise geolocation when they resolve a position to within this many metres.',
  [
    {
      from: '2025-04-08',
      value: 1000,
      citation: '28 CFR 202.242 (precise geolocation data: accurate to within 1,000 meters), as us-rules.md states it from memory',
      confidence: 'memory',
      note: 'The notes tag the 1,000 m figure [M] and list the exact text of 202.242 as not captured; check it against the regulation before relying on it.',
    },
  ],
);

/** Metres per degree of latitude (and of longitude at the equator), WGS 84 mean. */
export const METERS_PER_DEGREE = 111_320;

/**
 * Fewest decimals a coordinate needs to be precise to GEO_PRECISION_METERS: one unit of the
 * last decimal (10^-d degrees) must be ≤ the radius. 1,000 m → 3 decimals (≈111 m); 2 decimals
 * (≈1.1 km) are not precise enough.
 */
export function geoMinDecimals(): number {
  const r = current(GEO_PRECISION_METERS);
  let d = 0;
  while (METERS_PER_DEGREE / 10 ** d > r && d < 12) d++;
  return d;
}

export const CN_MOBILE_PREFIXES = param<readonly string[]>(
  'scan.cn.mobilePrefixes',
  'Mainland mobile number prefixes (first three digits, or five for the 1740x satellite block) in the precision tier; other 1[3-9]x numbers score lower.',
  [
    {
      from: '2019-01-01',
      value: [
        '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
        '145', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159',
        '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178',
        '17400', '17401', '17402', '17403', '17404', '17405',
        '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
        '190', '191', '192', '193', '195', '196', '197', '198', '199',
      ],
      citation:
        'libphonenumber CN mobile pattern `1740[0-5]\\d{6}|1(?:[38]\\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\\d{8}` (port of its metadata; 192 is inside it); pii-detection.md §5.3',
      confidence: 'secondary',
      note: 'Newer MIIT allocations (14[5-9] data cards beyond 145/147, 194) and 174 outside 17400–17405 are [U]; they stay in the recall tier.',
    },
  ],
);

export const UNIONPAY_NON_LUHN = param<boolean>(
  'scan.card.unionPayNonLuhn',
  'Accept a 16–19 digit 62… number that fails Luhn as a payment card (lower confidence) when the field or text says bank card.',
  [
    {
      from: '2019-01-01',
      value: true,
      citation: 'pii-detection.md §5.7: some older domestic UnionPay debit cards reportedly fail Luhn',
      confidence: 'unconfirmed',
      note: 'Conservative default: on, but only with bank-card context (field name or keyword), from a low base confidence (0.35) that only that context lifts over the threshold.',
    },
  ],
);

export const CN_PASSPORT_FORMATS = param<readonly string[]>(
  'scan.cn.passportFormats',
  'Chinese passport / travel-permit number shapes (# = digit, @ = letter other than I/O, other letters literal).',
  [
    {
      from: '2017-01-01',
      value: ['E########', 'E@#######', 'G########', 'P#######', 'S#######', 'D#######', 'PE#######', 'SE#######', 'DE#######', 'H########', 'M########', 'C########', 'C@#######'],
      citation: 'pii-detection.md §5.4 (formats from memory, unverified)',
      confidence: 'memory',
      note: 'Regex-only; a match needs passport context (护照, 通行证, passport) to be reported.',
    },
  ],
);

export const SSN_RULES = param<{
  readonly invalidAreas: readonly [number, number][];
  readonly knownPublic: readonly string[];
  readonly knownPublicPrefixes: readonly string[];
}>(
  'scan.us.ssnRules',
  'SSN areas never issued and numbers published as samples (not real people). The samples, a prefix of them and numbers of one repeated digit are excluded in the 9xx (ITIN) area too.',
  [
    {
      from: '2011-06-25',
      value: {
        invalidAreas: [[0, 0], [666, 666], [900, 999]],
        knownPublic: ['078051120', '219099999', '457555462', '123456789'],
        knownPublicPrefixes: ['98765432'],
      },
      citation: 'SSA SSN randomization (2011-06-25); pii-detection.md §5.9 (python-stdnum blacklist; Presidio rejects all-equal digits and the prefixes 123456789 / 98765432)',
      confidence: 'secondary',
    },
  ],
);

export const TEST_CARD_NUMBERS = param<readonly string[]>(
  'scan.card.testNumbers',
  'Card numbers that card networks and payment processors publish for testing (in their sandbox docs, SDK samples and the test suites of every payment library). They pass Luhn but are nobody\'s card: found in source, fixtures and logs, they are consumed unreported.',
  [
    {
      from: '2019-01-01',
      value: [
        // Visa
        '4111111111111111', '4012888888881881', '4222222222222', '4242424242424242', '4000056655665556',
        '4000000000000002', '4000000000000069', '4000000000000077', '4000000000000119', '4000000000000127',
        '4000000000003220', '4000002500003155', '4000002760003184', '4000000000009995',
        // Mastercard (5-series and 2-series)
        '5555555555554444', '5105105105105100', '5200828282828210', '2223003122003222',
        // American Express
        '378282246310005', '371449635398431', '378734493671000',
        // Discover
        '6011111111111117', '6011000990139424',
        // Diners Club
        '3056930009020004', '36227206271667', '30569309025904', '38520000023237',
        // JCB
        '3566002020360505', '3530111333300000',
        // UnionPay
        '6200000000000005', '6205500000000000004',
      ],
      citation:
        'pii-detection.md §5.7 lists 6200000000000005 and 6205500000000000004 (Stripe UnionPay test cards), 4111111111111111, 5555555555554444, 371449635398431, 3566002020360505 and 6011111111111117 as Luhn-valid test numbers; the others are the test numbers of the Stripe and PayPal/Braintree sandbox documentation, written down from memory',
      confidence: 'memory',
      note: 'The seven numbers of §5.7 are from the notes; the rest are [M]: each was checked to pass Luhn, but not against the live processor pages. Compare the list with the Stripe "Testing" and Braintree/PayPal sandbox pages before relying on it. Only exact numbers are listed (no prefixes), so a real card is never excluded by this list unless it equals a published test number.',
    },
  ],
);

export const ITIN_GROUPS = param<readonly [number, number][]>(
  'scan.us.itinGroups',
  'ITIN middle (group) digit ranges: 9AA-GG-SSSS.',
  [
    {
      from: '2011-04-01',
      value: [[50, 65], [70, 88], [90, 92], [94, 99]],
      citation: 'IRS ITIN definition since 2011; pii-detection.md §5.9',
      confidence: 'secondary',
    },
  ],
);

export const ABA_FIRST_DIGITS = param<readonly number[]>(
  'scan.us.abaFirstDigits',
  'First digits an ABA routing number may have (besides the 3-7-1 checksum); the all-zero number is a placeholder and never one.',
  [
    {
      from: '2019-01-01',
      value: [0, 1, 2, 3, 6, 7, 8],
      citation: 'pii-detection.md §2.2: Presidio ABA_ROUTING_NUMBER pattern `[0123678]\\d{8}` with the ABA 3-7-1 checksum',
      confidence: 'secondary',
      note: 'The Federal Reserve two-digit ranges (00–12, 21–32, 61–72, 80) would be stricter; the notes do not give them, so only the first digit is checked.',
    },
  ],
);

export const GENOMIC_MIN_BASES = param<number>(
  'scan.genomic.minBases',
  'A run of nucleotide letters (A C G T N) at least this long counts as a sequence read.',
  [
    {
      from: '2025-04-08',
      value: 24,
      citation: 'engineering default: 4^24 ≈ 2.8e14 makes accidental words impossible; 28 CFR 202.224 (human genomic data)',
      confidence: 'unconfirmed',
    },
  ],
);

export const MIN_CONFIDENCE = param<number>(
  'scan.minConfidence',
  'Detections below this confidence are not reported.',
  [{ from: '2025-01-01', value: 0.5, citation: 'datacustoms confidence model, docs/scan-detectors.md', confidence: 'unconfirmed' }],
);

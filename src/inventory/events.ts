/**
 * Events that start reporting clocks: vulnerabilities, security incidents, personal-data
 * breaches and government data requests. Owned by the clocks feature (src/clocks/); the
 * inventory embeds this schema, and a file with `organization` + `events` is a complete
 * inventory for `datacustoms clocks`.
 *
 * Every clock anchor is an explicit field (awareness, classification as major, materiality
 * determination, fix availability, end of handling, earlier report submission). An anchor that
 * is not declared is unknown: the duty is listed without a due date and says when it starts.
 *
 * Times are ISO 8601: `2021-11-24`, `2021-11-24T09:30`, `2021-11-24T09:30:00+08:00`. Without an
 * offset a time is read in the event's `timeZone` (else the organization's); a date alone
 * means the start of that day there (the earliest the fact can have happened — conservative).
 */
import { z } from 'zod';
import { CLOCK_RANGE, parseClockInstant } from '../clocks/range.js';
import { isTimeZone } from '../time/zoned.js';

/** Every duty a report can be declared against (`reports[].duty`); see docs/clocks.md. */
export const DUTY_IDS = [
  'cn.miit.vuln/7(1)',
  'cn.miit.vuln/7(2)',
  'cn.miit.vuln/7(3)',
  'cn.cac.incident/4',
  'cn.cac.incident/8',
  'cn.cac.order16/11',
  'cn.ndsmr/10',
  'cn.pipl/57',
  'cn.dsl/29',
  'cn.csl/25',
  'eu.cra/14(2)(a)',
  'eu.cra/14(2)(b)',
  'eu.cra/14(2)(c)',
  'eu.cra/14(4)(a)',
  'eu.cra/14(4)(b)',
  'eu.cra/14(4)(c)',
  'eu.cra/14(8)',
  'eu.nis2/23(1)',
  'eu.nis2/23(4)(a)',
  'eu.nis2/23(4)(b)',
  'eu.nis2/23(4)(c)',
  'eu.nis2/23(4)(d)',
  'eu.nis2/23(4)(e)',
  'eu.gdpr/33(1)',
  'eu.gdpr/33(2)',
  'eu.gdpr/34(1)',
  'eu.dora/19(3)',
  'eu.dora/19(4)(a)',
  'eu.dora/19(4)(b)',
  'eu.dora/19(4)(c)',
  'us.sec.8k/1.05',
  'us.circia/681b(a)(1)',
  'us.circia/681b(a)(2)',
  'request/response',
] as const;
export type DutyId = (typeof DUTY_IDS)[number];

const EventId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'an id: letters, digits and . _ : - (not starting with punctuation)')
  .max(200);

const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code in capitals, e.g. CN, US, DE');

/** A point in time as text; checked for shape here, resolved to an instant by the clocks. */
export const InstantText = z
  .string()
  .refine((s) => parseClockInstant(s, 'UTC') !== undefined, 'a date or date-time: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]')
  .refine((s) => parseClockInstant(s, 'UTC') !== 'out-of-range', `a time within the ${CLOCK_RANGE.words}`)
  .describe('ISO 8601 date or date-time; without an offset it is read in the event\'s timeZone (else the organization\'s).');

export const TimeZoneName = z
  .string()
  // Area/Location names only (plus UTC): abbreviations such as CST are ambiguous (China or US Central?).
  .refine((s) => (s === 'UTC' || s.includes('/')) && isTimeZone(s), 'an IANA time zone such as Asia/Shanghai, Europe/Berlin or America/New_York')
  .describe('IANA time zone name.');

export const Report = z
  .object({
    duty: z.enum(DUTY_IDS).describe('The duty this report discharges (the obligation id shown by `datacustoms clocks`).'),
    at: InstantText.describe('When the report was made (submitted, sent, published).'),
    reference: z.string().optional().describe('Ticket, submission or platform reference.'),
  })
  .strict()
  .describe('A report already made; its duty shows as done.');

export const Disclosure = z
  .object({
    party: z.string().min(1).describe('Who received the vulnerability information (name or entity id).'),
    country: CountryCode.describe('Where that party is (HK, MO and TW count as outside the PRC mainland).'),
    at: InstantText.describe('When the information was given.'),
    kind: z
      .enum(['provider', 'regulator', 'csirt', 'customer', 'researcher', 'affiliate', 'other'])
      .default('other')
      .describe('What the party is to us; `provider` = the provider of the affected product or component.'),
  })
  .strict()
  .describe('Vulnerability information given to someone (checked against CN vulnerability regulations Art. 9(7)).');

const common = {
  id: EventId.describe('Identifier, unique among the events.'),
  title: z.string().optional(),
  description: z.string().optional(),
  learned: InstantText.describe('When we became aware (the anchor most clocks start from).'),
  timeZone: TimeZoneName.optional().describe('IANA zone in which times without an offset are expressed; defaults to the organization\'s.'),
  reports: z.array(Report).default([]).describe('Reports already made (their duties show as done).'),
  note: z.string().optional(),
};

export const Product = z
  .object({
    name: z.string().min(1),
    vendor: z.string().optional().describe('Defaults to the organization\'s name.'),
    version: z.string().optional(),
    model: z.string().optional().describe('Model (MIIT Art. 7(2) asks for product name, model and version).'),
    purl: z.string().optional().describe('Package URL of the product, e.g. pkg:generic/example/edge-gateway@4.2.0.'),
    fixedIn: z.string().optional().describe('The product version that fixes the vulnerability, when released.'),
  })
  .strict();

export const Component = z
  .object({
    name: z.string().min(1),
    version: z.string().optional(),
    purl: z.string().optional().describe('Package URL of the component, e.g. pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1.'),
    provider: z
      .object({ name: z.string().min(1), country: CountryCode })
      .strict()
      .describe('Who provides the component (e.g. The Apache Software Foundation, US).'),
  })
  .strict();

export const VulnerabilityEvent = z
  .object({
    ...common,
    kind: z.literal('vulnerability'),
    cve: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'a CVE id such as CVE-2021-44228').optional(),
    aliases: z.array(z.string().min(1)).default([]).describe('Other ids (GHSA-…, vendor ids).'),
    product: Product.describe('Our product that is affected.'),
    component: Component.optional().describe('The shipped component the vulnerability is in, when it is not our own code.'),
    markets: z.array(CountryCode).default([]).describe('Where the product is made available (for CRA early warnings).'),
    cvss: z.string().optional().describe('CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H.'),
    activelyExploited: z.boolean().default(false).describe('Known to be actively exploited (CRA Art. 14(1)).'),
    exploitationAware: InstantText.optional().describe('When we became aware of active exploitation; defaults to `learned` when activelyExploited.'),
    fixAvailable: InstantText.optional().describe('When a corrective or mitigating measure became available (CRA Art. 14(2)(c) anchor).'),
    publiclyDisclosed: InstantText.optional().describe('When the vulnerability was published; before it, the information is "undisclosed".'),
    sharedWith: z.array(Disclosure).default([]).describe('Everyone the vulnerability information was given to, and when.'),
    endangersNationalSecurityOrPublicInterest: z
      .boolean()
      .optional()
      .describe('The vulnerability endangers national security or the public interest (NDSMR Art. 10: report within 24 h). Unknown is treated as possibly so.'),
  })
  .strict()
  .describe('A vulnerability in our product or in a component we ship.');

export const IncidentGrade = z
  .enum(['general', 'relatively_major', 'major', 'especially_major'])
  .describe('CAC grading guide (2025): 一般, 较大, 重大, 特别重大.');

export const IncidentEvent = z
  .object({
    ...common,
    kind: z.literal('incident'),
    grade: IncidentGrade.optional().describe('China grade (annex to the 2025 incident-reporting measures). Derived from personalData.people when absent.'),
    ciiInvolved: z.boolean().optional().describe('Critical information infrastructure is involved; defaults to the organization being a CIIO.'),
    personalData: z
      .object({
        people: z.number().int().nonnegative().describe('People whose personal data was affected.'),
        countries: z.array(CountryCode).default([]).describe('Where they are.'),
      })
      .strict()
      .optional(),
    handlingEnded: InstantText.optional().describe('When handling of the incident ended (CN 30-day summary; NIS2 final report if still ongoing).'),
    significant: z.boolean().optional().describe('NIS2 Art. 23(3) significant incident. Unknown is treated as possibly significant.'),
    trustService: z.boolean().default(false).describe('Affects the provision of trust services (NIS2: 24 h notification).'),
    serviceImpact: z
      .boolean()
      .optional()
      .describe('NIS2 Art. 23(1): likely to adversely affect the provision of our services (tell their recipients). Unknown is treated as possibly so.'),
    severeProductImpact: z.boolean().default(false).describe('Severe incident having an impact on the security of our product (CRA Art. 14(3)).'),
    product: Product.optional().describe('The product concerned (CRA severe incidents).'),
    majorIct: z.boolean().optional().describe('DORA major ICT-related incident. Unknown is treated as possibly major.'),
    classifiedMajor: InstantText.optional().describe('When the incident was classified as major (DORA initial notification anchor).'),
    clientsFinanciallyAffected: z
      .boolean()
      .optional()
      .describe('DORA Art. 19(3): the incident affects the financial interests of clients (tell them). Unknown is treated as possibly so.'),
    material: z.boolean().optional().describe('SEC: the registrant has determined the incident material.'),
    materialityDetermined: InstantText.optional().describe('When materiality was determined (SEC 8-K Item 1.05 anchor).'),
    circiaCovered: z.boolean().optional().describe('A covered cyber incident under CIRCIA (proposed rule).'),
    ransomPaid: InstantText.optional().describe('When a ransom payment was made (CIRCIA 24 h report, proposed).'),
  })
  .strict()
  .describe('A security incident.');

export const PersonalDataBreachEvent = z
  .object({
    ...common,
    kind: z.literal('personal_data_breach'),
    people: z.number().int().nonnegative().optional().describe('People whose personal data is concerned.'),
    countries: z.array(CountryCode).default([]).describe('Where the people concerned are.'),
    risk: z
      .enum(['unlikely', 'risk', 'high'])
      .default('risk')
      .describe('GDPR: unlikely to result in a risk (no notification), a risk (Art. 33), or a high risk (Art. 34 also). Default: risk.'),
    unintelligible: z.boolean().default(false).describe('The data was encrypted or otherwise unintelligible to others (GDPR Art. 34(3)(a)).'),
    harmAvoided: z.boolean().default(false).describe('Remedial measures effectively avoid harm (PIPL Art. 57: individuals need not be told).'),
  })
  .strict()
  .describe('A breach of personal data (leak, tampering, loss).');

export const GovernmentRequestEvent = z
  .object({
    ...common,
    kind: z.literal('government_request'),
    authority: z.enum(['court', 'law_enforcement', 'regulator', 'other']).describe('Who asks.'),
    country: CountryCode.describe('Whose authority it is.'),
    dataStoredIn: z.array(CountryCode).min(1).describe('Where the requested data is stored.'),
    personalData: z.boolean().default(true),
    internationalAgreement: z.boolean().default(false).describe('Made under an MLAT or other international agreement (GDPR Art. 48).'),
    prcApproval: InstantText.optional().describe('When the competent PRC authority approved providing the data (DSL Art. 36; PIPL Art. 41).'),
    respondBy: InstantText.optional().describe('The deadline the request itself sets.'),
  })
  .strict()
  .describe('A request for data from a government, court or law-enforcement body.');

export const Event = z
  .discriminatedUnion('kind', [VulnerabilityEvent, IncidentEvent, PersonalDataBreachEvent, GovernmentRequestEvent])
  .describe('An event that starts reporting clocks (see `datacustoms clocks`).');

export type InventoryEvent = z.infer<typeof Event>;
export type VulnerabilityEvent = z.infer<typeof VulnerabilityEvent>;
export type IncidentEvent = z.infer<typeof IncidentEvent>;
export type PersonalDataBreachEvent = z.infer<typeof PersonalDataBreachEvent>;
export type GovernmentRequestEvent = z.infer<typeof GovernmentRequestEvent>;
export type Report = z.infer<typeof Report>;
export type Disclosure = z.infer<typeof Disclosure>;
export type EventKind = InventoryEvent['kind'];

/**
 * Dated parameters of 28 CFR Part 202 (final rule 90 FR 1636, 8 January 2025; effective
 * 8 April 2025). Each carries its citation and how sure the notes are of it.
 */
import { param } from '../../engine/params.js';
import type { DojCategory } from '../../inventory/taxonomy.js';

export const PART_202_EFFECTIVE = '2025-04-08';
/** Delayed compliance date for subpart J (202.1001–.1002), 202.1103 and 202.1104. */
export const DELAYED_COMPLIANCE = '2025-10-06';
export const SOURCE_URL = 'https://www.ecfr.gov/current/title-28/chapter-I/part-202';

/**
 * 202.205: bulk if data on MORE THAN these numbers of U.S. persons (devices for geolocation)
 * at any point in the preceding 12 months. Comparison: count > threshold.
 */
export const BULK_THRESHOLDS = param<Readonly<Record<DojCategory | 'genomic' | 'biospecimen', number>>>(
  'us.doj.dsp.bulk_thresholds',
  'Bulk thresholds of 28 CFR 202.205 ("more than N"): a count above N is bulk.',
  [
    {
      from: PART_202_EFFECTIVE,
      value: {
        genomic: 100, // 202.205(a): human genomic data, more than 100 U.S. persons
        human_omic: 1_000, // 202.205(a): other human 'omic data
        biometric_identifiers: 1_000, // 202.205(b)
        precise_geolocation: 1_000, // 202.205(c): U.S. devices
        personal_health: 10_000, // 202.205(d)
        personal_financial: 10_000, // 202.205(e)
        covered_personal_identifiers: 100_000, // 202.205(f)
        // 202.303 speaks of biospecimens "from which bulk human 'omic data could be derived";
        // since genomic data can be derived from any biospecimen, the genomic threshold applies
        // (conservative reading; the text of 202.223 was read only in secondary sources [S]).
        biospecimen: 100,
      },
      citation: '28 CFR 202.205(a)-(g)',
      confidence: 'verified',
    },
  ],
);

/** 202.228(b)(2): the passive-investment exclusion requires less than this voting/equity share. */
export const PASSIVE_INVESTMENT_MAX_PERCENT = param<number>('us.doj.dsp.passive_investment_percent', 'Passive investments give covered persons less than this percent of voting and equity interest (202.228(b)(2)); the comparison is strict.', [
  { from: PART_202_EFFECTIVE, value: 10, citation: '28 CFR 202.228(b)(2)', confidence: 'verified' },
]);

/** 202.1103(a): annual-report trigger, ≥ 25 % of equity owned by countries of concern or covered persons. */
export const ANNUAL_REPORT_OWNERSHIP_PERCENT = param<number>('us.doj.dsp.annual_report_ownership_percent', 'Equity owned by countries of concern or covered persons at or above which a U.S. person in a cloud-computing restricted transaction files the annual report (202.1103(a)).', [
  { from: DELAYED_COMPLIANCE, value: 25, citation: '28 CFR 202.1103(a)', confidence: 'verified' },
]);

/**
 * 202.1103(a) names the U.S. person "at least 25 percent of whose equity interests are owned,
 * directly or indirectly," by countries of concern or covered persons, and (c) has the report
 * cover the preceding calendar year; neither says on which day of that year the ownership is
 * read. The notes do not settle it, so it is a parameter: by default the conservative reading,
 * any day of the year reported on which the U.S. person was engaged in the transaction; the
 * other, the last such day (31 December, or the day the transaction ended).
 */
export const ANNUAL_REPORT_OWNERSHIP_DAYS = param<'any_day_engaged' | 'last_day_engaged'>('us.doj.dsp.annual_report_ownership_days', 'Which days of the year reported the 202.1103(a) ownership test reads: any day of it the U.S. person was engaged in the transaction (conservative default) or only the last such day. A reading of the text, not settled by the notes.', [
  { from: DELAYED_COMPLIANCE, value: 'any_day_engaged', citation: '28 CFR 202.1103(a), (c) (the day of the ownership test is a reading, not settled by the notes)', confidence: 'unconfirmed' },
]);

/** Report deadlines in calendar days. */
export const REPORT_DAYS = param<{ readonly rejected: number; readonly onwardViolation: number }>('us.doj.dsp.report_days', 'Days to report a rejected prohibited transaction (202.1104) and a known or suspected onward-transfer violation (202.302(b)).', [
  { from: PART_202_EFFECTIVE, value: { rejected: 14, onwardViolation: 14 }, citation: '28 CFR 202.1104(a); 202.302(b)', confidence: 'verified' },
]);

/** 202.1101: records kept at least 10 years. */
export const RECORD_YEARS = param<number>('us.doj.dsp.record_years', 'Years to keep full and accurate records of each transaction subject to Part 202.', [
  { from: PART_202_EFFECTIVE, value: 10, citation: '28 CFR 202.1101(a)', confidence: 'verified' },
]);

/** 202.1103: annual report due by 1 March, covering the preceding calendar year. */
export const ANNUAL_REPORT_DUE = param<{ readonly month: number; readonly day: number }>('us.doj.dsp.annual_report_due', 'Due date (month, day) of the annual report for the previous calendar year.', [
  { from: DELAYED_COMPLIANCE, value: { month: 3, day: 1 }, citation: '28 CFR 202.1103(c)', confidence: 'verified' },
]);

/**
 * 202.1002: the annual independent audit. "At least once per calendar year" is from memory [M];
 * the conservative default makes it due by 31 December of each year.
 */
export const AUDIT_DUE = param<{ readonly month: number; readonly day: number }>('us.doj.dsp.audit_due', 'Date by which the annual audit of restricted transactions is done each calendar year ([M] per-calendar-year reading).', [
  { from: DELAYED_COMPLIANCE, value: { month: 12, day: 31 }, citation: '28 CFR 202.1002', confidence: 'memory' },
]);

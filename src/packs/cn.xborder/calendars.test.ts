/**
 * CN working-day counts that reach a year the built-in holiday table (time.cn.holidays, 2021–2026,
 * from memory [M]) does not cover: the renewal of a security assessment (Order 16 Art. 9 / Order
 * 11 Art. 14, 60 working days before expiry) and the standard-contract filing deadline (Order 13
 * Art. 7, 10 working days after it takes effect). The count says when it took Monday–Friday for
 * a missing year, and uses the years an inventory supplies under `calendars.CN`, for that run only.
 *
 * The 2027 holidays below are INVENTED for the tests (the real 2027 notice is not in ../shared):
 * they only need a Spring Festival break and a make-up Saturday between the dates counted.
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../engine/check.js';
import { Inventory } from '../../inventory/schema.js';
import { createCnXborder } from './index.js';
import { decide, inventory, obligationOf, pi, xfer, type Scenario } from './testing/fixtures.js';

const FICTIONAL_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06/2027-02-14', '2027-04-03/2027-04-05', '2027-05-01/2027-05-05'],
  makeUpWorkingDays: ['2027-02-20', '2027-05-08'],
  source: 'FICTIONAL, invented for tests: not the State Council notice for 2027',
};
const SUPPLIED = { CN: [FICTIONAL_2027] };

// Issued 2024-05-10 under Order 16: valid 3 years, to Monday 2027-05-10.
const assessed = (asOf: string, calendars?: Scenario['calendars']): Scenario => ({
  asOf,
  datasets: [pi('d', 1_500_000)],
  flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_security_assessment', date: '2024-05-10' }] })],
  ...(calendars ? { calendars } : {}),
});

// A standard contract effective Thursday 2027-02-04, the day before the (invented) break.
const contracted = (asOf: string, calendars?: Scenario['calendars']): Scenario => ({
  asOf,
  datasets: [pi('d', 200_000)],
  flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_standard_contract', date: '2027-02-04' }] })],
  ...(calendars ? { calendars } : {}),
});

describe('a CN count reaching a year the table does not cover says so', () => {
  it('Order 16 Art. 9 renewal: counted Monday–Friday in 2027, with a notice naming the covered years and how to supply 2027', () => {
    const o = obligationOf(decide(assessed('2026-12-07')), 'cn.xborder/order16.9');
    // Monday–Friday only: 60 working days back from 2027-05-10 is Monday 2027-02-15.
    expect(o?.what).toMatch(/from 2027-02-15 to 2027-05-10\./);
    expect(o?.what).toMatch(/\. The 60-working-day count back from 2027-05-10 to 2027-02-15: 2027 is not/);
    expect(o?.what).toMatch(/2027 is not in the China holiday table \(time\.cn\.holidays\), which covers 2021–2026 \(built in from memory \[M\]\)/);
    expect(o?.what).toMatch(/Monday to Friday were taken as working days in 2027/);
    expect(o?.what).toMatch(/`calendars\.CN` in the inventory/);
  });

  it('Order 13 Art. 7 filing: counted Monday–Friday in 2027, with the notice', () => {
    const o = obligationOf(decide(contracted('2027-02-10')), 'cn.xborder/order13.7');
    expect(o?.due).toBe('2027-02-18'); // 5, 8–12, 15–18 February
    expect(o?.what).toMatch(/by 2027-02-18\. The 10-working-day count from 2027-02-04 to 2027-02-18: 2027 is not in the China holiday table/);
  });

  it('a count inside the covered years carries no notice', () => {
    const d = decide({ asOf: '2025-10-01', datasets: [pi('d', 200_000)], flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_standard_contract', date: '2025-09-26' }] })] });
    const o = obligationOf(d, 'cn.xborder/order13.7');
    expect(o?.due).toBe('2025-10-16');
    expect(o?.what).not.toMatch(/holiday table/);
    // Counting back from 2027-01-20 reaches into 2026 (covered) and 2027 (not): only 2027 is named.
    const cross = obligationOf(decide({ ...assessed('2026-06-01'), flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_security_assessment', date: '2024-05-10', expires: '2027-01-20' }] })] }), 'cn.xborder/order16.9');
    expect(cross?.what).toMatch(/: 2027 is not in the China holiday table/);
  });
});

describe('a year supplied under calendars.CN is counted, for that run only', () => {
  it('renewal across the supplied 2027 Spring Festival: the window opens earlier, and no notice', () => {
    // Back from 2027-05-10: Sat 8 May (make-up), 7, 6 May: 3; 1–5 May off; 26–30 Apr: 8; … 6–9
    // Apr: 22 (3–5 Apr off); … 22–26 Feb: 52; Sat 20 Feb (make-up): 53; 15–19 Feb: 58; 6–14 Feb
    // off; 5, 4 Feb: 60 → Thursday 2027-02-04 (Monday 2027-02-15 on the Monday–Friday count).
    const o = obligationOf(decide(assessed('2026-12-07', SUPPLIED)), 'cn.xborder/order16.9');
    expect(o?.what).toBe('To keep exporting after 2027-05-10, apply to extend the result through the provincial CAC within the 60 working days before expiry: from 2027-02-04 to 2027-05-10.');
    expect(o?.due).toBe('2027-05-10');
  });

  it('Order 11 Art. 14 re-application deadline on the supplied year', () => {
    // A result judged while Order 11 governed (before 2024-03-22), declared to expire 2027-05-10.
    const s = (calendars?: Scenario['calendars']): Scenario => ({
      asOf: '2024-01-15',
      datasets: [pi('d', 150_000)],
      flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_security_assessment', date: '2023-06-01', expires: '2027-05-10' }] })],
      ...(calendars ? { calendars } : {}),
    });
    expect(obligationOf(decide(s()), 'cn.xborder/order11.14.renewal')?.due).toBe('2027-02-15');
    const supplied = obligationOf(decide(s(SUPPLIED)), 'cn.xborder/order11.14.renewal');
    expect(supplied?.due).toBe('2027-02-04');
    expect(supplied?.what).not.toMatch(/holiday table/);
  });

  it('filing deadline across the supplied 2027 Spring Festival and its make-up Saturday', () => {
    // After Thu 4 Feb: Fri 5 (1); 6–14 off; 15–19 (6); Sat 20 make-up (7); 22, 23, 24 (10).
    const o = obligationOf(decide(contracted('2027-02-10', SUPPLIED)), 'cn.xborder/order13.7');
    expect(o?.due).toBe('2027-02-24');
    expect(o?.what).toBe('File the standard contract (effective 2027-02-04) and the PIPIA report with the provincial CAC within 10 working days: by 2027-02-24.');
    // Judged on 2027-02-20 it is not yet overdue (it would be on the Monday–Friday count).
    expect(obligationOf(decide(contracted('2027-02-20', SUPPLIED)), 'cn.xborder/order13.7')?.status).toBe('due');
    expect(obligationOf(decide(contracted('2027-02-20')), 'cn.xborder/order13.7')?.status).toBe('overdue');
  });

  it('a supplied year replaces the built-in year of the same number (a correction), the other years stay', () => {
    // Declare 2025 without its National Day break: the 2025-09-26 contract is then due ten
    // Monday–Friday days (plus the make-up Sunday 28 Sept, kept from the supplied list) later.
    const corrected = { CN: [{ year: 2025, holidays: [], makeUpWorkingDays: ['2025-09-28'], source: 'FICTIONAL correction for a test' }] };
    const s = (calendars?: Scenario['calendars']): Scenario => ({
      asOf: '2025-10-01',
      datasets: [pi('d', 200_000)],
      flows: [xfer('f', 'd', { safeguards: [{ type: 'cac_standard_contract', date: '2025-09-26' }] })],
      ...(calendars ? { calendars } : {}),
    });
    expect(obligationOf(decide(s()), 'cn.xborder/order13.7')?.due).toBe('2025-10-16');
    expect(obligationOf(decide(s(corrected)), 'cn.xborder/order13.7')?.due).toBe('2025-10-09'); // 28, 29, 30, 1, 2, 3, 6, 7, 8, 9
  });

  it('runCheck called repeatedly in one process: each inventory counts on its own calendar, nothing leaks', () => {
    const pack = createCnXborder();
    const due = (inv: Inventory) => {
      const r = runCheck(inv, { asOf: '2027-02-10', packs: [pack] });
      return r.flows[0]!.decisions[0]!.obligations.find((o) => o.id === 'cn.xborder/order13.7');
    };
    const plain = inventory(contracted('2027-02-10'));
    const withYear = inventory(contracted('2027-02-10', SUPPLIED));
    // Without first, then with, then without again, and a fresh copy of the supplied inventory.
    expect(due(plain)?.due).toBe('2027-02-18');
    expect(due(withYear)?.due).toBe('2027-02-24');
    expect(due(plain)?.due).toBe('2027-02-18');
    expect(due(plain)?.what).toMatch(/holiday table/);
    expect(due(withYear)?.due).toBe('2027-02-24');
    expect(due(inventory(contracted('2027-02-10', SUPPLIED)))?.due).toBe('2027-02-24');
    // Another inventory supplying a different 2027 (no Spring Festival break) gets its own count.
    const other = Inventory.parse({ ...withYear, calendars: { CN: [{ ...FICTIONAL_2027, holidays: ['2027-01-01'], makeUpWorkingDays: [] }] } });
    expect(due(other)?.due).toBe('2027-02-18');
    expect(due(other)?.what).not.toMatch(/holiday table/);
    expect(due(withYear)?.due).toBe('2027-02-24');
  });
});

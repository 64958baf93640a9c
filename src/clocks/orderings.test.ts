/**
 * Times on an event that can never be in that order are bad input (docs/clocks.md, "Impossible
 * orderings"); orderings that are merely unusual are accepted.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../common/errors.js';
import { Event, type InventoryEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { evaluateClocks } from './evaluate.js';
import type { ClocksResult } from './model.js';

type Input = Record<string, unknown>;
const org = Organization.parse({
  id: 'acme',
  name: 'Acme',
  organizedIn: 'CN',
  timeZone: 'Asia/Shanghai',
  cn: { networkProductProvider: true, networkOperator: true },
  eu: { manufacturer: true, doraFinancialEntity: true, mainEstablishment: 'DE' },
  us: { secRegistrant: true, circiaCoveredEntity: true },
});
const run = (e: Input, asOf = '2027-01-01T00:00Z'): ClocksResult =>
  evaluateClocks(org, [Event.parse(e) as InventoryEvent], { asOf: parseInstant(asOf, 'UTC')!.instant });
const thrown = (e: Input): string => {
  try {
    run(e);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};
const vuln = (extra: Input) => ({ id: 'v', kind: 'vulnerability', learned: '2026-10-05T09:00', product: { name: 'Gate' }, ...extra });
const inc = (extra: Input) => ({ id: 'i', kind: 'incident', learned: '2026-10-05T09:00', grade: 'major', material: true, ...extra });

describe('a report cannot precede awareness of what it reports', () => {
  it('a report an hour before `learned` is refused, naming the field, both times and the duty', () => {
    const msg = thrown(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-05T08:00' }] }));
    expect(msg).toBe('events[0]: events[0].reports[0].at: "2026-10-05T08:00" is before `learned` ("2026-10-05T09:00"): a report (cn.miit.vuln/7(2)) cannot be made before we are aware of what it reports');
  });

  it('an explicit offset is compared as an instant: 08:30+07:00 is 09:30 Beijing, after awareness', () => {
    expect(run(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-05T08:30+07:00' }] })).obligations.find((o) => o.id === 'cn.miit.vuln/7(2)')?.status).toBe('done');
    expect(thrown(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-05T09:30+09:00' }] }))).toMatch(/reports\[0\]\.at: "2026-10-05T09:30\+09:00" is before `learned`/);
  });

  it('a date alone is the whole day: a report dated the day of a 09:00 awareness is accepted, the day before is not', () => {
    expect(run(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-05' }] })).summary.done).toBe(1);
    expect(thrown(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-04' }] }))).toMatch(/reports\[0\]\.at: "2026-10-04" is before/);
    // awareness as a date alone: its earliest instant (00:00) counts
    expect(run(vuln({ learned: '2026-10-05', reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-05T00:00' }] })).summary.done).toBe(1);
    expect(thrown(vuln({ learned: '2026-10-05', reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-04T23:59' }] }))).toMatch(/before `learned` \("2026-10-05"\)/);
  });

  it('a report made at the instant of awareness is accepted', () => {
    expect(run(vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-05T09:00' }] })).summary.done).toBe(1);
  });

  it('every impossible report is named, not only the first', () => {
    const msg = thrown(vuln({ reports: [{ duty: 'cn.miit.vuln/7(1)', at: '2026-10-01' }, { duty: 'cn.miit.vuln/7(2)', at: '2026-10-02' }] }));
    expect(msg.split('\n')).toHaveLength(2);
    expect(msg).toMatch(/reports\[1\]\.at/);
  });

  it('a report dated after as-of is still checked', () => {
    expect(() => run(vuln({ learned: '2026-12-05', reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-12-01' }] }), '2026-11-01T00:00Z')).toThrow(/before `learned`/);
  });
});

describe('anchors that presuppose awareness', () => {
  it.each([
    ['handlingEnded', inc, /handling of an incident cannot end before we are aware of it/],
    ['classifiedMajor', inc, /cannot be classified before we are aware/],
    ['materialityDetermined', inc, /materiality cannot be determined before we are aware/],
    ['ransomPaid', inc, /a ransom is paid in answer to an attack we are aware of/],
    ['exploitationAware', vuln, /awareness that the vulnerability is exploited is awareness of the vulnerability/],
  ] as const)('%s before `learned` is refused', (field, make, why) => {
    const msg = thrown(make({ [field]: '2026-10-04T23:00' }));
    expect(msg).toMatch(new RegExp(`events\\[0\\]\\.${field}: "2026-10-04T23:00" is before \`learned\` \\("2026-10-05T09:00"\\): `));
    expect(msg).toMatch(why);
    expect(() => run(make({ [field]: '2026-10-05' }))).not.toThrow(); // the same day, as a date alone
  });

  it('giving vulnerability information before awareness of the vulnerability is refused', () => {
    const msg = thrown(vuln({ sharedWith: [{ party: 'CERT', country: 'DE', at: '2026-10-01', kind: 'csirt' }] }));
    expect(msg).toMatch(/events\[0\]\.sharedWith\[0\]\.at: "2026-10-01" is before `learned`/);
  });

  it('merely unusual orderings stay accepted: a fix or a publication before awareness, a request deadline already past, PRC approval first', () => {
    expect(() => run(vuln({ fixAvailable: '2026-09-20', publiclyDisclosed: '2026-09-01T10:00Z' }))).not.toThrow();
    const req = { id: 'r', kind: 'government_request', learned: '2026-10-05', authority: 'court', country: 'US', dataStoredIn: ['CN'], prcApproval: '2026-10-01', respondBy: '2026-10-03' };
    expect(() => run(req)).not.toThrow();
  });
});

describe('a report that states its own anchor as a fact cannot precede it', () => {
  it('an 8-K Item 1.05 filed before the materiality determination is refused', () => {
    const msg = thrown(inc({ materialityDetermined: '2026-10-07T10:00', reports: [{ duty: 'us.sec.8k/1.05', at: '2026-10-06T10:00' }] }));
    expect(msg).toMatch(/reports\[0\]\.at: "2026-10-06T10:00" is before `materialityDetermined` \("2026-10-07T10:00"\): an Item 1\.05 filing discloses/);
  });

  it('a CIRCIA ransom payment report before the payment is refused', () => {
    expect(thrown(inc({ ransomPaid: '2026-10-07T10:00', reports: [{ duty: 'us.circia/681b(a)(2)', at: '2026-10-06T10:00' }] }))).toMatch(/before `ransomPaid`.*a payment already made/);
  });

  it('reports before their anchor that are only unusual stay accepted: a CAC summary before handling ends, a NIS2-style final report before the notification', () => {
    const r = run(inc({ handlingEnded: '2026-10-20', reports: [{ duty: 'cn.cac.incident/8', at: '2026-10-10' }, { duty: 'eu.dora/19(4)(c)', at: '2026-10-06' }, { duty: 'eu.dora/19(4)(b)', at: '2026-10-07' }] }));
    expect(r.obligations.find((o) => o.id === 'cn.cac.incident/8')?.status).toBe('done');
  });
});

describe('problems in several events', () => {
  it('are reported together, each with its event', () => {
    const events = [
      vuln({ id: 'a', reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2026-10-01' }] }),
      vuln({ id: 'b' }),
      inc({ id: 'c', handlingEnded: '2026-10-01' }),
    ].map((e) => Event.parse(e) as InventoryEvent);
    try {
      evaluateClocks(org, events, { asOf: parseInstant('2027-01-01T00:00Z', 'UTC')!.instant });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map((p) => p.path)).toEqual(['events[0].reports[0].at', 'events[2].handlingEnded']);
    }
  });
});

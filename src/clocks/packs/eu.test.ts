import { describe, expect, it } from 'vitest';
import { Event, type InventoryEvent } from '../../inventory/events.js';
import { Organization } from '../../inventory/schema.js';
import { parseInstant } from '../../time/zoned.js';
import { evaluateClocks } from '../evaluate.js';
import type { ClocksResult } from '../model.js';

type Input = Record<string, unknown>;
const org = (o: Input = {}) => Organization.parse({ id: 'acme', name: 'Acme GmbH', organizedIn: 'DE', timeZone: 'Europe/Berlin', ...o });
const run = (o: Input, e: Input, asOf: string): ClocksResult =>
  evaluateClocks(org(o), [Event.parse(e) as InventoryEvent], { asOf: parseInstant(asOf, 'Europe/Berlin')!.instant });
const ob = (r: ClocksResult, id: string) => r.obligations.find((x) => x.id === id);

describe('eu.cra Art. 14: 24 h / 72 h / 14 days / 1 month, from 2026-09-11', () => {
  const mfr = { eu: { manufacturer: true, mainEstablishment: 'DE' } };
  const vuln = (extra: Input = {}) => ({ id: 'v', kind: 'vulnerability', learned: '2026-09-11T00:30', product: { name: 'Router' }, activelyExploited: true, ...extra });

  it('an event before 11 September 2026 gets a "not yet in force" note and no CRA duty', () => {
    const r = run(mfr, vuln({ learned: '2026-09-10T23:59' }), '2026-09-12');
    expect(r.obligations.filter((o) => o.regime === 'eu.cra')).toEqual([]);
    expect(r.notes.find((n) => n.regime === 'eu.cra')?.note).toMatch(/applies from 2026-09-11/);
  });

  it('known before 11 September 2026, but exploitation learned on or after it: the Art. 14(2) duties arise', () => {
    const r = run(mfr, vuln({ learned: '2026-09-01T10:00', exploitationAware: '2026-09-12T10:00', fixAvailable: '2026-09-20T15:00' }), '2026-09-12T11:00');
    expect(ob(r, 'eu.cra/14(2)(a)')?.due).toBe('2026-09-13T10:00:00+02:00');
    expect(ob(r, 'eu.cra/14(2)(b)')?.due).toBe('2026-09-15T10:00:00+02:00');
    expect(ob(r, 'eu.cra/14(2)(c)')?.due).toBe('2026-10-04T23:59:59+02:00');
    expect(ob(r, 'eu.cra/14(8)')).toBeDefined();
    const before = run(mfr, vuln({ learned: '2026-09-01T10:00', exploitationAware: '2026-09-10T10:00' }), '2026-09-12');
    expect(before.obligations.filter((o) => o.regime === 'eu.cra')).toEqual([]);
    expect(before.notes.find((n) => n.regime === 'eu.cra')?.note).toMatch(/exploitationAware 2026-09-10/);
  });

  it('from 11 September 2026: early warning 24 h, notification 72 h, in the main establishment\'s zone', () => {
    const r = run(mfr, vuln(), '2026-09-11T01:00');
    expect(ob(r, 'eu.cra/14(2)(a)')?.due).toBe('2026-09-12T00:30:00+02:00');
    expect(ob(r, 'eu.cra/14(2)(b)')?.due).toBe('2026-09-14T00:30:00+02:00');
    expect(ob(r, 'eu.cra/14(2)(a)')?.recipient).toMatch(/^CSIRT designated as coordinator of Germany and ENISA/);
  });

  it('hours are elapsed time across the end of EU summer time (25 October 2026)', () => {
    const r = run(mfr, vuln({ learned: '2026-10-24T12:00' }), '2026-10-24T13:00');
    expect(ob(r, 'eu.cra/14(2)(a)')?.due).toBe('2026-10-25T11:00:00+01:00');
  });

  it('final report: 14 days after a fix is available; unknown fix → starts when', () => {
    const open = ob(run(mfr, vuln(), '2026-09-12'), 'eu.cra/14(2)(c)');
    expect(open?.due).toBeUndefined();
    expect(open?.startsWhen).toMatch(/corrective or mitigating measure/);
    const fixed = ob(run(mfr, vuln({ fixAvailable: '2026-09-20T15:00' }), '2026-09-21'), 'eu.cra/14(2)(c)');
    expect(fixed?.due).toBe('2026-10-04T23:59:59+02:00');
    expect(fixed?.notes.join(' ')).toMatch(/Sunday/);
  });

  it('a declared exploitationAware without activelyExploited is read as actively exploited (the duties were dropped)', () => {
    const r = run(mfr, vuln({ activelyExploited: undefined, learned: '2026-09-01T10:00', exploitationAware: '2026-09-12T10:00' }), '2026-09-12T11:00');
    const ew = ob(r, 'eu.cra/14(2)(a)');
    expect(ew?.due).toBe('2026-09-13T10:00:00+02:00');
    expect(ew?.notes.join(' ')).toMatch(/taken to be actively exploited/);
    expect(ob(r, 'eu.cra/14(2)(b)')?.due).toBe('2026-09-15T10:00:00+02:00');
    expect(ob(r, 'eu.cra/14(8)')).toBeDefined();
  });

  it('Art. 14(8): users are told after awareness of the active exploitation, not of the vulnerability (anchor exploitationAware)', () => {
    const r = run(mfr, vuln({ learned: '2026-09-01T10:00', exploitationAware: '2026-09-12T10:00' }), '2026-09-12T11:00');
    const users = ob(r, 'eu.cra/14(8)');
    expect(users?.anchor).toEqual({ name: 'exploitationAware', at: '2026-09-12T10:00:00+02:00' });
    expect(users?.deadline).toBe('no fixed count after exploitationAware');
    // A severe incident: awareness of the incident.
    const inc = ob(run(mfr, { id: 'i', kind: 'incident', learned: '2026-09-20T10:00', severeProductImpact: true }, '2026-09-21'), 'eu.cra/14(8)');
    expect(inc?.anchor).toEqual({ name: 'learned', at: '2026-09-20T10:00:00+02:00' });
    expect(inc?.deadline).toBe('no fixed count after awareness');
  });

  it('only actively exploited vulnerabilities, only products on the EU market', () => {
    expect(run(mfr, vuln({ activelyExploited: false }), '2026-09-12').obligations.filter((o) => o.regime === 'eu.cra')).toEqual([]);
    const cnOnly = run(mfr, vuln({ markets: ['CN'] }), '2026-09-12');
    expect(cnOnly.obligations.filter((o) => o.regime === 'eu.cra')).toEqual([]);
    expect(cnOnly.notes.some((n) => n.regime === 'eu.cra' && n.note.includes('not on the EU market'))).toBe(true);
  });

  it('severe incident: final report one month after the declared notification (end-of-month clamp)', () => {
    const inc = { id: 'i', kind: 'incident', learned: '2027-01-29T10:00', severeProductImpact: true };
    const before = ob(run(mfr, inc, '2027-01-30'), 'eu.cra/14(4)(c)');
    expect(before?.startsWhen).toMatch(/incident notification/);
    const after = ob(run(mfr, { ...inc, reports: [{ duty: 'eu.cra/14(4)(b)', at: '2027-01-31T09:00' }] }, '2027-02-01'), 'eu.cra/14(4)(c)');
    expect(after?.due).toBe('2027-02-28T23:59:59+01:00');
    expect(ob(run(mfr, inc, '2027-01-30'), 'eu.cra/14(4)(a)')?.due).toBe('2027-01-30T10:00:00+01:00');
  });
});

describe('eu.nis2 Art. 23', () => {
  const essential = { eu: { nis2: 'essential', mainEstablishment: 'FR' } };
  const inc = (extra: Input = {}) => ({ id: 'i', kind: 'incident', learned: '2025-03-28T22:00', significant: true, ...extra });

  it('24 h early warning, 72 h notification across the start of summer time (30 March 2025)', () => {
    const r = run(essential, inc(), '2025-03-29');
    expect(ob(r, 'eu.nis2/23(4)(a)')?.due).toBe('2025-03-29T22:00:00+01:00');
    expect(ob(r, 'eu.nis2/23(4)(b)')?.due).toBe('2025-03-31T23:00:00+02:00');
    expect(ob(r, 'eu.nis2/23(4)(d)')?.startsWhen).toMatch(/incident notification/);
  });

  it('the recipient names the member state of the main establishment, or says that none is declared', () => {
    expect(ob(run(essential, inc(), '2025-03-29'), 'eu.nis2/23(4)(a)')?.recipient).toBe('CSIRT or competent authority of France');
    expect(ob(run({ eu: { nis2: 'essential' } }, inc(), '2025-03-29'), 'eu.nis2/23(4)(a)')?.recipient).toBe(
      'CSIRT or competent authority of the member state of the main establishment (none declared: set organization.eu.mainEstablishment)',
    );
  });

  it('trust service providers notify within 24 h', () => {
    const r = run({ eu: { nis2: 'important', trustServiceProvider: true } }, inc({ trustService: true }), '2025-03-29');
    expect(ob(r, 'eu.nis2/23(4)(b)')?.due).toBe(ob(r, 'eu.nis2/23(4)(a)')?.due);
  });

  it('unknown significance is conditional; declared not significant is a note; before 18 October 2024 nothing', () => {
    expect(ob(run(essential, inc({ significant: undefined }), '2025-03-29'), 'eu.nis2/23(4)(a)')?.condition).toMatch(/significant/);
    const no = run(essential, inc({ significant: false }), '2025-03-29');
    expect(no.obligations).toEqual([]);
    expect(no.notes[0]?.note).toMatch(/not significant/);
    expect(run(essential, inc({ learned: '2024-10-17T12:00' }), '2024-10-18').obligations).toEqual([]);
  });

  it('final report one month after the declared notification', () => {
    const r = run(essential, inc({ reports: [{ duty: 'eu.nis2/23(4)(b)', at: '2025-03-30T10:00' }] }), '2025-05-01');
    expect(ob(r, 'eu.nis2/23(4)(b)')?.status).toBe('done');
    const d = ob(r, 'eu.nis2/23(4)(d)');
    expect(d?.due).toBe('2025-04-30T23:59:59+02:00');
    expect(d?.status).toBe('overdue');
  });
});

describe('eu.nis2 Art. 23(1), 23(4)(c), 23(4)(e): duties of their own, beside the three dated reports', () => {
  const essential = { eu: { nis2: 'essential', mainEstablishment: 'FR' } };
  const inc = (extra: Input = {}) => ({ id: 'i', kind: 'incident', learned: '2025-03-28T22:00', significant: true, ...extra });
  const NEW = ['eu.nis2/23(1)', 'eu.nis2/23(4)(c)', 'eu.nis2/23(4)(e)'];

  it('a report declared under one NIS2 duty marks only that duty done', () => {
    const all = ['eu.nis2/23(1)', 'eu.nis2/23(4)(a)', 'eu.nis2/23(4)(b)', 'eu.nis2/23(4)(c)', 'eu.nis2/23(4)(d)', 'eu.nis2/23(4)(e)'];
    for (const duty of all) {
      const r = run(essential, inc({ reports: [{ duty, at: '2025-03-29T10:00' }] }), '2025-03-29T12:00');
      expect(r.obligations.filter((o) => o.status === 'done').map((o) => o.id)).toEqual([duty]);
      expect(all.filter((id) => id !== duty).every((id) => ob(r, id) !== undefined && ob(r, id)?.status !== 'done')).toBe(true);
    }
  });

  it('Art. 23(1): recipients of the services, without undue delay; conditional until `serviceImpact` is declared', () => {
    const o = ob(run(essential, inc(), '2025-03-29'), 'eu.nis2/23(1)');
    expect(o?.recipient).toBe('recipients of our services');
    expect(o?.due).toBeUndefined();
    expect(o?.status).toBe('due');
    expect(o?.citation).toMatch(/Art\. 23\(1\)$/);
    expect(o?.notes.join(' ')).toMatch(/No fixed deadline: without undue delay/);
    expect(o?.condition).toMatch(/adversely affect the provision of our services.*`serviceImpact`/);
    expect(ob(run(essential, inc({ serviceImpact: true }), '2025-03-29'), 'eu.nis2/23(1)')?.condition).toBeUndefined();
    const no = run(essential, inc({ serviceImpact: false }), '2025-03-29');
    expect(ob(no, 'eu.nis2/23(1)')).toBeUndefined();
    expect(no.notes.map((n) => n.note)).toContain('eu.nis2/23(1): declared not likely to adversely affect the provision of our services (`serviceImpact`).');
  });

  it('Art. 23(4)(c): an intermediate report on request — listed on that condition, never overdue', () => {
    const o = ob(run(essential, inc(), '2026-03-29'), 'eu.nis2/23(4)(c)');
    expect(o?.status).toBe('due');
    expect(o?.due).toBeUndefined();
    expect(o?.condition).toMatch(/requests an intermediate report/);
    expect(o?.deadline).toBe('on request after awareness');
  });

  it('Art. 23(4)(e): one month after handling ends, when still ongoing at the (d) report', () => {
    const notified = { duty: 'eu.nis2/23(4)(b)', at: '2025-03-30T10:00' };
    // Handling not ended: listed, no date, starts when handling ends, on the condition that it is still ongoing.
    const open = ob(run(essential, inc({ reports: [notified] }), '2025-04-01'), 'eu.nis2/23(4)(e)');
    expect(open?.due).toBeUndefined();
    expect(open?.startsWhen).toMatch(/handling of the incident ends/);
    expect(open?.condition).toMatch(/still ongoing when the Art\. 23\(4\)\(d\) report is made/);
    // A progress report made under (d) on 30 April; handling ends 10 May → the final report by 10 June.
    const r = run(essential, inc({ handlingEnded: '2025-05-10T12:00', reports: [notified, { duty: 'eu.nis2/23(4)(d)', at: '2025-04-30T09:00' }] }), '2025-06-11');
    expect(ob(r, 'eu.nis2/23(4)(d)')?.status).toBe('done');
    const e = ob(r, 'eu.nis2/23(4)(e)');
    expect(e?.due).toBe('2025-06-10T23:59:59+02:00');
    expect(e?.status).toBe('overdue');
    expect(e?.condition).toBeUndefined();
    // The (d) report notes that it is a progress report if the incident is ongoing, and names (e).
    expect(ob(r, 'eu.nis2/23(4)(d)')?.notes.join(' ')).toMatch(/progress report.*eu\.nis2\/23\(4\)\(e\)/);
  });

  it('Art. 23(4)(e) does not arise when handling ended before the (d) report (that report is the final one)', () => {
    const notified = { duty: 'eu.nis2/23(4)(b)', at: '2025-03-30T10:00' };
    const before = run(essential, inc({ handlingEnded: '2025-04-20', reports: [notified, { duty: 'eu.nis2/23(4)(d)', at: '2025-04-30T09:00' }] }), '2025-06-11');
    expect(ob(before, 'eu.nis2/23(4)(e)')).toBeUndefined();
    expect(before.notes.some((n) => n.duty === 'eu.nis2/23(4)(e)' && /that report is the final report/.test(n.note))).toBe(true);
    // Ended, (d) not yet made: made now, it is the final report.
    const pending = run(essential, inc({ handlingEnded: '2025-04-20', reports: [notified] }), '2025-04-25');
    expect(ob(pending, 'eu.nis2/23(4)(e)')).toBeUndefined();
    // Handling ended on the day of the (d) report, given as a date only: which came first is not known → listed.
    const sameDay = run(essential, inc({ handlingEnded: '2025-04-30', reports: [notified, { duty: 'eu.nis2/23(4)(d)', at: '2025-04-30T09:00' }] }), '2025-05-01');
    expect(ob(sameDay, 'eu.nis2/23(4)(e)')?.due).toBe('2025-05-30T23:59:59+02:00');
  });

  it('not significant: none of the three is listed, and no extra note beside the (a), (b), (d) ones', () => {
    const no = run(essential, inc({ significant: false }), '2025-03-29');
    expect(no.obligations).toEqual([]);
    expect(no.notes.filter((n) => NEW.includes(n.duty ?? ''))).toEqual([]);
  });
});

describe('eu.gdpr Arts. 33–34', () => {
  const controller = { eu: { gdprController: true, mainEstablishment: 'IE' } };
  const breach = (extra: Input = {}) => ({ id: 'b', kind: 'personal_data_breach', learned: '2024-10-25T09:00', timeZone: 'Europe/Dublin', ...extra });

  it('72 h to the lead supervisory authority, in Dublin time across the DST change', () => {
    const o = ob(run(controller, breach(), '2024-10-25T12:00'), 'eu.gdpr/33(1)');
    expect(o?.due).toBe('2024-10-28T08:00:00+00:00');
    expect(o?.recipient).toBe('lead supervisory authority of Ireland (main establishment)');
  });

  it('with no main establishment declared, the recipient says what is missing and what to declare', () => {
    const o = ob(run({ eu: { gdprController: true } }, breach(), '2024-10-25T12:00'), 'eu.gdpr/33(1)');
    expect(o?.recipient).toBe(
      "lead supervisory authority not named: no main establishment in the EU or EEA is declared; set organization.eu.mainEstablishment to the member state's two-letter code (e.g. DE); until then EU clocks are read in Europe/Brussels",
    );
    expect(o?.due).toBe('2024-10-28T09:00:00+01:00');
    const us = ob(run({ eu: { gdprController: true, mainEstablishment: 'US' } }, breach(), '2024-10-25T12:00'), 'eu.gdpr/33(1)');
    expect(us?.recipient).toMatch(/^lead supervisory authority not named: organization\.eu\.mainEstablishment is US, not an EU or EEA member state; set /);
    expect(`${o?.recipient} ${us?.recipient}`).not.toMatch(/member state of (the )?main establishment/);
  });

  it('no notification when unlikely to result in a risk; high risk adds Art. 34 unless unintelligible', () => {
    expect(ob(run(controller, breach({ risk: 'unlikely' }), '2024-10-26'), 'eu.gdpr/33(1)')).toBeUndefined();
    const high = run(controller, breach({ risk: 'high' }), '2024-10-26');
    expect(ob(high, 'eu.gdpr/34(1)')?.due).toBeUndefined();
    expect(ob(high, 'eu.gdpr/34(1)')?.notes.join(' ')).toMatch(/without undue delay/);
    const enc = run(controller, breach({ risk: 'high', unintelligible: true }), '2024-10-26');
    expect(ob(enc, 'eu.gdpr/34(1)')).toBeUndefined();
    expect(enc.notes.some((n) => n.note.includes('34(3)(a)'))).toBe(true);
  });

  it('Art. 34(3)(b) and (c), which the note lists beside encryption, are said on the Art. 34 duty', () => {
    const notes = ob(run(controller, breach({ risk: 'high' }), '2024-10-26'), 'eu.gdpr/34(1)')?.notes.join(' ');
    expect(notes).toMatch(/Art\. 34\(3\)\(b\)/);
    expect(notes).toMatch(/disproportionate effort.*public communication.*Art\. 34\(3\)\(c\)/);
  });

  it('a processor tells the controller; Art. 48 flags a third-country order for review', () => {
    expect(ob(run({ eu: { gdprProcessor: true } }, breach(), '2024-10-26'), 'eu.gdpr/33(2)')?.recipient).toBe('the controller');
    const req = { id: 'r', kind: 'government_request', learned: '2024-10-25', authority: 'law_enforcement', country: 'US', dataStoredIn: ['DE'] };
    expect(run(controller, req, '2024-10-26').checks.map((k) => k.verdict)).toEqual(['legal_review']);
    expect(run(controller, req, '2024-10-26').checks.map((k) => k.subject)).toEqual(['personal data to a law-enforcement body of the United States']);
    expect(run(controller, { ...req, country: 'CN' }, '2024-10-26').checks.map((k) => k.subject)).toEqual(['personal data to a law-enforcement body of China']);
    expect(run(controller, { ...req, internationalAgreement: true }, '2024-10-26').checks.map((k) => k.verdict)).toEqual(['allowed']);
  });
});

describe('eu.dora Art. 19', () => {
  const fe = { eu: { doraFinancialEntity: true, mainEstablishment: 'LU' } };
  const inc = (extra: Input = {}) => ({ id: 'i', kind: 'incident', learned: '2025-02-03T08:00', majorIct: true, ...extra });

  it('initial notification: 4 h after classification, but never later than 24 h after awareness', () => {
    expect(ob(run(fe, inc({ classifiedMajor: '2025-02-03T10:00' }), '2025-02-03T09:00'), 'eu.dora/19(4)(a)')?.due).toBe('2025-02-03T14:00:00+01:00');
    expect(ob(run(fe, inc({ classifiedMajor: '2025-02-04T06:00' }), '2025-02-03T09:00'), 'eu.dora/19(4)(a)')?.due).toBe('2025-02-04T08:00:00+01:00');
    const unclassified = ob(run(fe, inc(), '2025-02-03T09:00'), 'eu.dora/19(4)(a)');
    expect(unclassified?.due).toBe('2025-02-04T08:00:00+01:00');
    expect(unclassified?.notes.join(' ')).toMatch(/classifiedMajor/);
  });

  it('initial notification: the 4 h / 24 h figures are [S] but their anchors [M] (cn-eu-rules.md §10.4), so the obligation is memory, not secondary', () => {
    expect(ob(run(fe, inc({ classifiedMajor: '2025-02-03T10:00' }), '2025-02-03T09:00'), 'eu.dora/19(4)(a)')?.confidence).toBe('memory');
    expect(ob(run(fe, inc(), '2025-02-03T09:00'), 'eu.dora/19(4)(a)')?.confidence).toBe('memory');
  });

  it('intermediate 72 h after the initial notification [U anchor]; final one month after the intermediate', () => {
    const r = run(fe, inc({ reports: [{ duty: 'eu.dora/19(4)(a)', at: '2025-02-03T11:00' }, { duty: 'eu.dora/19(4)(b)', at: '2025-02-05T11:00' }] }), '2025-02-06');
    expect(ob(r, 'eu.dora/19(4)(b)')?.confidence).toBe('unconfirmed');
    expect(ob(r, 'eu.dora/19(4)(c)')?.due).toBe('2025-03-05T23:59:59+01:00');
    expect(ob(run(fe, inc(), '2025-02-06'), 'eu.dora/19(4)(b)')?.startsWhen).toMatch(/initial notification/);
  });

  it('intermediate [U anchor]: 72 h from classification when that is earlier than 72 h from the initial notification', () => {
    const r = run(fe, inc({ classifiedMajor: '2025-02-03T09:00', reports: [{ duty: 'eu.dora/19(4)(a)', at: '2025-02-03T12:30' }] }), '2025-02-04');
    expect(ob(r, 'eu.dora/19(4)(b)')?.due).toBe('2025-02-06T09:00:00+01:00');
    expect(ob(r, 'eu.dora/19(4)(b)')?.anchor.name).toBe('classifiedMajor');
    // Classified, initial notification not yet declared: still dated.
    expect(ob(run(fe, inc({ classifiedMajor: '2025-02-03T09:00' }), '2025-02-04'), 'eu.dora/19(4)(b)')?.due).toBe('2025-02-06T09:00:00+01:00');
  });

  it('Art. 19(3) [M]: clients whose financial interests are affected, without undue delay — a duty of its own', () => {
    const o = ob(run(fe, inc(), '2025-02-03T09:00'), 'eu.dora/19(3)');
    expect(o?.recipient).toBe('clients whose financial interests are affected');
    expect(o?.confidence).toBe('memory');
    expect(o?.due).toBeUndefined();
    expect(o?.notes.join(' ')).toMatch(/No fixed deadline: without undue delay/);
    expect(o?.condition).toMatch(/financial interests of clients.*`clientsFinanciallyAffected`/);
    expect(ob(run(fe, inc({ clientsFinanciallyAffected: true }), '2025-02-03T09:00'), 'eu.dora/19(3)')?.condition).toBeUndefined();
    expect(ob(run(fe, inc({ clientsFinanciallyAffected: false }), '2025-02-03T09:00'), 'eu.dora/19(3)')).toBeUndefined();
    // The initial notification, once declared, does not mark the clients done, and the reverse.
    const r = run(fe, inc({ reports: [{ duty: 'eu.dora/19(4)(a)', at: '2025-02-03T11:00' }] }), '2025-02-03T12:00');
    expect(ob(r, 'eu.dora/19(4)(a)')?.status).toBe('done');
    expect(ob(r, 'eu.dora/19(3)')?.status).toBe('due');
    const c = run(fe, inc({ reports: [{ duty: 'eu.dora/19(3)', at: '2025-02-03T11:00' }] }), '2025-02-03T12:00');
    expect(ob(c, 'eu.dora/19(3)')?.status).toBe('done');
    expect(ob(c, 'eu.dora/19(4)(a)')?.status).toBe('due');
  });

  it('applies from 17 January 2025', () => {
    expect(run(fe, inc({ learned: '2025-01-16T12:00' }), '2025-01-20').obligations).toEqual([]);
  });
});

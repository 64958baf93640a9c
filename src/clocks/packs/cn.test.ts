import { describe, expect, it } from 'vitest';
import { Event, type InventoryEvent } from '../../inventory/events.js';
import { Organization } from '../../inventory/schema.js';
import { parseInstant } from '../../time/zoned.js';
import { evaluateClocks } from '../evaluate.js';
import type { ClocksResult } from '../model.js';

type OrgInput = Record<string, unknown>;
const org = (o: OrgInput = {}) => Organization.parse({ id: 'acme', name: 'Acme Networks', organizedIn: 'CN', timeZone: 'Asia/Shanghai', ...o });
const at = (s: string) => parseInstant(s, 'UTC')!.instant;
function run(o: OrgInput, e: Record<string, unknown>, asOf: string): ClocksResult {
  return evaluateClocks(org(o), [Event.parse(e) as InventoryEvent], { asOf: at(asOf) });
}
const ob = (r: ClocksResult, id: string) => r.obligations.find((x) => x.id === id);

const provider = { cn: { networkProductProvider: true } };
const vuln = (extra: Record<string, unknown> = {}) => ({
  id: 'v1',
  kind: 'vulnerability',
  learned: '2021-11-24',
  timeZone: 'Asia/Shanghai',
  product: { name: 'EdgeGate', version: '4.2.0' },
  ...extra,
});

describe('cn.miit.vuln Art. 7(2): 2 days to the MIIT platform', () => {
  it('learned 2021-11-24 (Beijing) → due 2021-11-26 24:00 Beijing, whatever the hour of learning', () => {
    for (const learned of ['2021-11-24', '2021-11-24T00:00', '2021-11-24T23:59:59']) {
      const o = ob(run(provider, vuln({ learned }), '2021-11-25T00:00Z'), 'cn.miit.vuln/7(2)');
      expect(o?.due).toBe('2021-11-26T23:59:59+08:00');
      expect(o?.dueUtc).toBe('2021-11-26T15:59:59Z');
      expect(o?.status).toBe('due');
    }
  });

  it('counts in Beijing time even when the event is recorded in another zone', () => {
    // 23:30 in New York on the 24th is 12:30 on the 25th in Beijing.
    const o = ob(run(provider, vuln({ learned: '2021-11-24T23:30', timeZone: 'America/New_York' }), '2021-11-25T00:00Z'), 'cn.miit.vuln/7(2)');
    expect(o?.due).toBe('2021-11-27T23:59:59+08:00');
  });

  it('is due up to the last second and overdue one second later', () => {
    expect(ob(run(provider, vuln(), '2021-11-26T23:59:59+08:00'), 'cn.miit.vuln/7(2)')?.status).toBe('due');
    const late = ob(run(provider, vuln(), '2021-11-27T00:00:00+08:00'), 'cn.miit.vuln/7(2)');
    expect(late?.status).toBe('overdue');
    expect(late?.overdueBy).toBe('PT0M');
  });

  it('is done when the report is declared, and says by how much it was late', () => {
    const onTime = ob(run(provider, vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-11-25T10:00+08:00' }] }), '2021-12-10'), 'cn.miit.vuln/7(2)');
    expect(onTime?.status).toBe('done');
    expect(onTime?.lateBy).toBeUndefined();
    const late = ob(run(provider, vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-12-09T12:00+08:00' }] }), '2021-12-10'), 'cn.miit.vuln/7(2)');
    expect(late?.status).toBe('done');
    expect(late?.lateBy).toBe('P12DT12H');
    // A report dated after as-of has not been made yet.
    const future = ob(run(provider, vuln({ reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2021-12-20' }] }), '2021-12-10'), 'cn.miit.vuln/7(2)');
    expect(future?.status).toBe('overdue');
  });

  it('does not apply before 2021-09-01 or to an organization that is not a network product provider', () => {
    const before = run(provider, vuln({ learned: '2021-08-31T23:00' }), '2021-12-01');
    expect(ob(before, 'cn.miit.vuln/7(2)')).toBeUndefined();
    expect(before.notes.some((n) => n.regime === 'cn.miit.vuln' && n.note.includes('2021-09-01'))).toBe(true);
    expect(ob(run({}, vuln(), '2021-12-01'), 'cn.miit.vuln/7(2)')).toBeUndefined();
  });

  it('notes, without applying, that a last day on a Chinese holiday may move (Civil Code Art. 203)', () => {
    const o = ob(run(provider, vuln({ learned: '2021-09-29' }), '2021-09-29T12:00+08:00'), 'cn.miit.vuln/7(2)');
    expect(o?.due).toBe('2021-10-01T23:59:59+08:00');
    expect(o?.notes.join(' ')).toMatch(/Civil Code Art\. 203/);
  });
});

describe('cn.miit.vuln Art. 9(7): who may be given undisclosed vulnerability information (cn-xb-041)', () => {
  const component = { name: 'log4j-core', version: '2.14.1', provider: { name: 'The Apache Software Foundation', country: 'US' } };
  const checks = (sharedWith: unknown[], extra: Record<string, unknown> = {}) =>
    run(provider, vuln({ component, sharedWith, ...extra }), '2021-12-10').checks.filter((k) => k.regime === 'cn.miit.vuln');

  it('cn-xb-041: the overseas provider of the component (Apache) is allowed', () => {
    const [k] = checks([{ party: 'The Apache Software Foundation', country: 'US', at: '2021-11-24', kind: 'provider' }]);
    expect(k?.verdict).toBe('allowed');
    expect(k?.cases).toContain('cn-xb-041');
    expect(k?.subject).toBe('vulnerability information to The Apache Software Foundation (United States)');
    const upstream = ob(run(provider, vuln({ component }), '2021-12-10'), 'cn.miit.vuln/7(1)');
    expect(upstream?.recipient).toBe('The Apache Software Foundation (United States), provider of log4j-core');
  });

  it('an overseas party other than the provider is prohibited, HK included', () => {
    const ks = checks([
      { party: 'Some Security Vendor Inc.', country: 'US', at: '2021-11-25' },
      { party: 'HK Research Lab', country: 'HK', at: '2021-11-25', kind: 'researcher' },
    ]);
    expect(ks.map((k) => k.verdict)).toEqual(['prohibited', 'prohibited']);
    expect(ks[1]?.subject).toBe('vulnerability information to HK Research Lab (Hong Kong)');
    expect(ks[1]?.reason).toMatch(/\(Hong Kong, Macao and Taiwan are treated as 境外/);
  });

  it('a party inside China, or after publication, is outside Art. 9(7)', () => {
    const ks = checks(
      [
        { party: 'CNCERT partner', country: 'CN', at: '2021-11-25' },
        { party: 'Some Security Vendor Inc.', country: 'US', at: '2021-12-11' },
      ],
      { publiclyDisclosed: '2021-12-10T10:15:00Z' },
    );
    expect(ks.map((k) => k.verdict)).toEqual(['allowed', 'allowed']);
  });

  it('a party declared a provider that is not the declared provider goes to legal review', () => {
    expect(checks([{ party: 'Other Upstream Ltd', country: 'DE', at: '2021-11-25', kind: 'provider' }])[0]?.verdict).toBe('legal_review');
  });

  it('Art. 7(1): notifying the upstream provider is done by the disclosure to it', () => {
    const r = run(provider, vuln({ component, sharedWith: [{ party: 'The Apache Software Foundation', country: 'US', at: '2021-11-24T15:00' }] }), '2021-12-10');
    expect(ob(r, 'cn.miit.vuln/7(1)')?.status).toBe('done');
    expect(ob(r, 'cn.miit.vuln/7(1)')?.doneAt).toBe('2021-11-24T15:00:00+08:00');
    const r2 = run(provider, vuln({ component }), '2021-12-10');
    expect(ob(r2, 'cn.miit.vuln/7(1)')?.status).toBe('due');
    expect(ob(r2, 'cn.miit.vuln/7(1)')?.due).toBeUndefined();
  });
});

describe('cn-xb-043: CN vulnerability rules vs the EU CRA', () => {
  it('flags the CRA report of an undisclosed exploited vulnerability for legal review; MIIT report still due', () => {
    const r = run(
      { cn: { networkProductProvider: true }, eu: { manufacturer: true, mainEstablishment: 'DE' } },
      vuln({ learned: '2026-10-05T09:00', product: { name: 'Router X' }, activelyExploited: true, markets: ['CN', 'DE'] }),
      '2026-10-05T12:00+08:00',
    );
    const conflict = r.checks.find((k) => k.cases?.includes('cn-xb-043'));
    expect(conflict?.verdict).toBe('legal_review');
    expect(ob(r, 'eu.cra/14(2)(a)')?.dueUtc).toBe('2026-10-06T01:00:00Z');
    expect(ob(r, 'cn.miit.vuln/7(2)')?.due).toBe('2026-10-07T23:59:59+08:00');
  });

  it('does not flag once the vulnerability is public before the CRA deadlines', () => {
    const r = run(
      { cn: { networkProductProvider: true }, eu: { manufacturer: true } },
      vuln({ learned: '2026-10-05T09:00', activelyExploited: true, publiclyDisclosed: '2026-10-05T08:00' }),
      '2026-10-05T12:00+08:00',
    );
    expect(r.checks.some((k) => k.cases?.includes('cn-xb-043'))).toBe(false);
  });
});

describe('cn.cac.incident Art. 4: 1 h / 2 h / 4 h by operator type', () => {
  const inc = (extra: Record<string, unknown> = {}) => ({ id: 'i1', kind: 'incident', learned: '2025-12-01T10:00', grade: 'major', ...extra });
  const first = (o: OrgInput, e: Record<string, unknown> = {}) => ob(run(o, inc(e), '2025-12-01T10:30+08:00'), 'cn.cac.incident/4');

  it('CII involved → 1 h to the CII protection department and public security', () => {
    const o = first({ cn: { ciio: true } });
    expect(o?.due).toBe('2025-12-01T11:00:00+08:00');
    expect(o?.recipient).toMatch(/public security/);
  });
  it('state organ → 2 h; other operator → 4 h to the provincial CAC', () => {
    expect(first({ cn: { stateOrgan: true } })?.due).toBe('2025-12-01T12:00:00+08:00');
    const other = first({ cn: { networkOperator: true } });
    expect(other?.due).toBe('2025-12-01T14:00:00+08:00');
    expect(other?.recipient).toMatch(/provincial/);
    // ciiInvolved on the event overrides the organization's role
    expect(first({ cn: { networkOperator: true } }, { ciiInvolved: true })?.due).toBe('2025-12-01T11:00:00+08:00');
  });
  it('only 较大 and above: general is noted, unknown grade is conditional, ≥ 1,000,000 people derives 较大', () => {
    const op = { cn: { networkOperator: true } };
    const general = run(op, inc({ grade: 'general' }), '2025-12-02');
    expect(ob(general, 'cn.cac.incident/4')).toBeUndefined();
    expect(general.notes.some((n) => n.note.includes('一般'))).toBe(true);
    expect(first(op, { grade: undefined })?.condition).toMatch(/较大/);
    expect(first(op, { grade: undefined, personalData: { people: 999_999 } })?.condition).toMatch(/较大/);
    const derived = first(op, { grade: undefined, personalData: { people: 1_000_000 } });
    expect(derived?.condition).toBeUndefined();
    expect(derived?.notes.join(' ')).toMatch(/较大/);
    // A declared grade below the PI floor is raised to it.
    expect(first(op, { grade: 'general', personalData: { people: 10_000_000 } })?.notes.join(' ')).toMatch(/重大/);
  });
  it('suspected crimes also go to public security in a timely manner (cn-eu-rules.md §8): said on the Art. 4 report', () => {
    expect(first({ cn: { networkOperator: true } })?.notes.join(' ')).toMatch(/suspected crime.*public security.*timely/i);
    expect(first({ cn: { networkOperator: true } }, { grade: undefined, personalData: { people: 1_000_000 } })?.notes.join(' ')).toMatch(/public security/);
  });

  it('applies from 2025-11-01 only', () => {
    const r = run({ cn: { networkOperator: true } }, inc({ learned: '2025-10-31T23:59' }), '2025-11-02');
    expect(ob(r, 'cn.cac.incident/4')).toBeUndefined();
    expect(r.notes.some((n) => n.regime === 'cn.cac.incident')).toBe(true);
  });
  it('Art. 8: summary within 30 days after handling ends; unknown end → starts when', () => {
    const op = { cn: { networkOperator: true } };
    const open = ob(run(op, inc(), '2025-12-02'), 'cn.cac.incident/8');
    expect(open?.due).toBeUndefined();
    expect(open?.startsWhen).toMatch(/handling/);
    const closed = ob(run(op, inc({ handlingEnded: '2025-12-05T18:00' }), '2026-01-05T00:00+08:00'), 'cn.cac.incident/8');
    expect(closed?.due).toBe('2026-01-04T23:59:59+08:00');
    expect(closed?.status).toBe('overdue');
  });
});

describe('cn.pipl Art. 57 and government requests (PIPL Art. 41, DSL Art. 36)', () => {
  it('a PI breach: notify immediately — listed, undated, never overdue', () => {
    const r = run({ cn: { personalInformationProcessor: true } }, { id: 'b1', kind: 'personal_data_breach', learned: '2024-01-01' }, '2025-01-01');
    const o = ob(r, 'cn.pipl/57');
    expect(o?.status).toBe('due');
    expect(o?.due).toBeUndefined();
    expect(o?.notes.join(' ')).toMatch(/immediately/);
  });

  it('a US court request for data stored in China needs PRC approval; with approval it is allowed', () => {
    const req = { id: 'r1', kind: 'government_request', learned: '2024-03-01', authority: 'court', country: 'US', dataStoredIn: ['CN'], respondBy: '2024-03-15T17:00-04:00' };
    const r = run({}, req, '2024-03-02');
    expect(r.checks.map((k) => [k.regime, k.verdict])).toEqual([
      ['cn.pipl', 'prohibited_without_approval'],
      ['cn.dsl', 'prohibited_without_approval'],
    ]);
    expect(ob(r, 'request/response')?.dueUtc).toBe('2024-03-15T21:00:00Z');
    // The country is named in words in the subject and the recipient; the code stays in the input.
    expect(r.checks.map((k) => k.subject)).toEqual([
      'personal information stored in China to a court body of the United States',
      'data stored in China to a court body of the United States',
    ]);
    expect(ob(r, 'request/response')?.recipient).toBe('court authority of the United States');
    const ok = run({}, { ...req, prcApproval: '2024-03-05' }, '2024-03-06');
    expect(ok.checks.every((k) => k.verdict === 'allowed')).toBe(true);
    // A Chinese authority, or data stored elsewhere, is outside these articles.
    expect(run({}, { ...req, country: 'CN' }, '2024-03-02').checks).toEqual([]);
  });
});

describe('cn.ndsmr Art. 10: 24 h where national security or the public interest is endangered (from 2025-01-01)', () => {
  const v = (extra: Record<string, unknown> = {}) => vuln({ learned: '2025-03-03T10:00+08:00', ...extra });

  it('declared endangering: due 24 elapsed hours after awareness, in Beijing time, before the MIIT 2-day report', () => {
    const r = run(provider, v({ endangersNationalSecurityOrPublicInterest: true }), '2025-03-04T09:00+08:00');
    const o = ob(r, 'cn.ndsmr/10');
    expect(o?.due).toBe('2025-03-04T10:00:00+08:00');
    expect(o?.status).toBe('due');
    expect(o?.condition).toBeUndefined();
    expect(o?.confidence).toBe('verified');
    expect(o?.citation).toBe('Network Data Security Management Regulations (2024) Art. 10');
    expect(o?.recipient).toBe('the competent authority (有关主管部门)');
    expect(ob(r, 'cn.miit.vuln/7(2)')?.due).toBe('2025-03-05T23:59:59+08:00');
    expect(r.obligations[0]?.id).toBe('cn.ndsmr/10');
    expect(ob(run(provider, v({ endangersNationalSecurityOrPublicInterest: true }), '2025-03-04T10:00:01+08:00'), 'cn.ndsmr/10')?.status).toBe('overdue');
  });

  it('unknown: listed with the 24 h date on the condition; declared not: still owed, with no count', () => {
    const unknown = ob(run(provider, v(), '2025-03-05'), 'cn.ndsmr/10');
    expect(unknown?.due).toBe('2025-03-04T10:00:00+08:00');
    expect(unknown?.status).toBe('overdue');
    expect(unknown?.condition).toMatch(/national security or the public interest.*`endangersNationalSecurityOrPublicInterest`/);
    const not = ob(run(provider, v({ endangersNationalSecurityOrPublicInterest: false }), '2025-03-05'), 'cn.ndsmr/10');
    expect(not?.due).toBeUndefined();
    expect(not?.status).toBe('due');
    expect(not?.condition).toBeUndefined();
  });

  it('its own id: the MIIT report does not mark it done, nor it the MIIT report', () => {
    const e = v({ endangersNationalSecurityOrPublicInterest: true, reports: [{ duty: 'cn.miit.vuln/7(2)', at: '2025-03-03T12:00+08:00' }] });
    const r = run(provider, e, '2025-03-03T13:00+08:00');
    expect(ob(r, 'cn.miit.vuln/7(2)')?.status).toBe('done');
    expect(ob(r, 'cn.ndsmr/10')?.status).toBe('due');
    const own = run(provider, v({ endangersNationalSecurityOrPublicInterest: true, reports: [{ duty: 'cn.ndsmr/10', at: '2025-03-03T12:00+08:00' }] }), '2025-03-03T13:00+08:00');
    expect(ob(own, 'cn.ndsmr/10')?.status).toBe('done');
    expect(ob(own, 'cn.miit.vuln/7(2)')?.status).toBe('due');
  });

  it('binds providers of network products or services; not before 2025-01-01 (a note instead)', () => {
    expect(ob(run({ cn: { networkOperator: true } }, v(), '2025-03-04'), 'cn.ndsmr/10')).toBeDefined();
    expect(ob(run({ cn: { personalInformationProcessor: true } }, v(), '2025-03-04'), 'cn.ndsmr/10')).toBeUndefined();
    const before = run(provider, v({ learned: '2024-12-31T23:00+08:00', endangersNationalSecurityOrPublicInterest: true }), '2025-01-02');
    expect(ob(before, 'cn.ndsmr/10')).toBeUndefined();
    expect(before.notes.some((n) => n.regime === 'cn.ndsmr' && n.note.includes('2025-01-01'))).toBe(true);
  });

  it('the flag is read from inventory events and must be a boolean', () => {
    expect(Event.safeParse(vuln({ endangersNationalSecurityOrPublicInterest: 'yes' })).success).toBe(false);
  });
});

describe('CN breach duties without a fixed hour count: DSL Art. 29, CSL Art. 25, Order 16 Art. 11 (cn-eu-rules.md §8)', () => {
  const incident = (extra: Record<string, unknown> = {}) => ({ id: 'i1', kind: 'incident', learned: '2025-06-02T09:00+08:00', grade: 'general', ...extra });
  const breach = { id: 'b1', kind: 'personal_data_breach', learned: '2025-06-02T09:00+08:00' };
  const undated = (r: ClocksResult, id: string) => {
    const o = ob(r, id);
    expect(o, id).toBeDefined();
    expect(o?.due).toBeUndefined();
    expect(o?.status).toBe('due');
    return o!;
  };

  it('CSL Art. 25: a network operator reports an incident per the rules [P], also when the CAC measures do not apply (graded general)', () => {
    const r = run({ cn: { networkOperator: true } }, incident(), '2026-06-01');
    const o = undated(r, 'cn.csl/25');
    expect(o.citation).toBe('CSL (2016) Art. 25');
    expect(o.confidence).toBe('verified');
    expect(o.deadline).toMatch(/^per the rules \(按照规定\)/);
    expect(ob(r, 'cn.cac.incident/4')).toBeUndefined();
    expect(ob(run({ cn: { networkProductProvider: true } }, incident(), '2026-06-01'), 'cn.csl/25')).toBeUndefined();
    expect(ob(run({ cn: { networkOperator: true } }, breach, '2026-06-01'), 'cn.csl/25')).toBeUndefined();
    expect(ob(run({ cn: { networkOperator: true } }, incident({ learned: '2017-05-31T12:00+08:00' }), '2017-06-02'), 'cn.csl/25')).toBeUndefined();
  });

  it('CSL Art. 25: from 2026-01-01 the obligation says the 2025 amendment [U] was not checked', () => {
    const later = ob(run({ cn: { networkOperator: true } }, incident({ learned: '2026-01-02T09:00+08:00' }), '2026-06-01'), 'cn.csl/25');
    expect(later?.notes.join(' ')).toMatch(/amended in 2025.*\[U\]/);
    expect(ob(run({ cn: { networkOperator: true } }, incident(), '2026-06-01'), 'cn.csl/25')?.notes.join(' ')).not.toMatch(/amended in 2025/);
  });

  it('DSL Art. 29: a data security incident (incident or PI breach) is reported in a timely manner [M], from 2021-09-01', () => {
    for (const e of [incident(), breach]) {
      const o = undated(run({}, e, '2026-06-01'), 'cn.dsl/29');
      expect(o.citation).toBe('DSL Art. 29');
      expect(o.confidence).toBe('memory');
      expect(o.deadline).toMatch(/^in a timely manner \(及时\)/);
    }
    // Not processing data in China: no duty.
    const abroad = Organization.parse({ id: 'x', name: 'X GmbH', organizedIn: 'DE', timeZone: 'Europe/Berlin' });
    expect(evaluateClocks(abroad, [Event.parse(breach) as InventoryEvent], { asOf: at('2026-06-01') }).obligations).toEqual([]);
    expect(ob(run({}, { ...breach, learned: '2021-08-31T12:00+08:00' }, '2021-09-02'), 'cn.dsl/29')).toBeUndefined();
  });

  it('Order 16 Art. 11: timely report to the provincial-or-higher CAC [M], on the condition that the organization exports data, from 2024-03-22', () => {
    const o = undated(run({}, breach, '2026-06-01'), 'cn.cac.order16/11');
    expect(o.citation).toBe('CAC Order No. 16 (2024) Art. 11');
    expect(o.recipient).toMatch(/^provincial-or-higher cyberspace administration/);
    expect(o.condition).toMatch(/provides data abroad/);
    expect(ob(run({}, { ...breach, learned: '2024-03-21T12:00+08:00' }, '2024-03-25'), 'cn.cac.order16/11')).toBeUndefined();
  });

  it('each has its own id: a CAC Art. 4 report marks none of them done', () => {
    const e = incident({ grade: 'major', reports: [{ duty: 'cn.cac.incident/4', at: '2026-06-02T10:00+08:00' }] });
    const r = run({ cn: { networkOperator: true } }, { ...e, learned: '2026-06-02T09:00+08:00' }, '2026-06-02T12:00+08:00');
    expect(ob(r, 'cn.cac.incident/4')?.status).toBe('done');
    for (const id of ['cn.csl/25', 'cn.dsl/29', 'cn.cac.order16/11']) expect(ob(r, id)?.status, id).toBe('due');
    expect(r.summary.overdue).toBe(0);
  });
});

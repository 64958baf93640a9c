/**
 * PersonFacts.on(id, date) derives a party again only when something dated above it (a
 * designation, an ownership edge, an employment) is in force differently than on the as-of
 * date, and then only over the party's ancestors. Whatever it skips or restricts, it must say
 * what a whole derivation on that date says.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inventory } from '../testing/inventory.js';
import { derivePersons } from './us-persons.js';
import type { EntityInput } from '../inventory/schema.js';
import { addDays } from '../time/civil-date.js';

const AS_OF = '2026-06-01';
const DAY0 = '2025-03-01';
const day = (k: number) => addDays(DAY0, k * 30);

const period = fc.record({ from: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }), len: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) });
const dates = (p: { from: number | undefined; len: number | undefined }) => ({
  ...(p.from !== undefined ? { from: day(p.from) } : {}),
  ...(p.len !== undefined ? { until: day((p.from ?? 0) + p.len) } : {}),
});

const arbEntity = fc.record({
  kind: fc.constantFrom('company', 'company', 'individual'),
  country: fc.constantFrom('CN', 'SG', 'SG', 'GB', 'US'),
  owners: fc.array(fc.record({ to: fc.nat(7), percent: fc.option(fc.constantFrom(10, 25, 30, 50, 60), { nil: undefined }), p: period }), { maxLength: 3 }),
  jobs: fc.array(fc.record({ to: fc.nat(7), p: period }), { maxLength: 2 }),
  listed: fc.option(period, { nil: undefined }),
});

type RawEntity = typeof arbEntity extends fc.Arbitrary<infer T> ? T : never;

/** Entities from their drawn shapes: owners with shares of at most 100 % declared at once, people with employers. */
function withShares(raw: readonly RawEntity[]): EntityInput[] {
  const n = raw.length;
  return raw.map((r, i) => {
    const id = `e${i}`;
    const owners = r.kind === 'company' ? r.owners.filter((o) => o.to % n !== i).map((o) => ({ entity: `e${o.to % n}`, ...(o.percent !== undefined ? { percent: o.percent } : {}), ...dates(o.p) })) : [];
    // at most 100 % at once: keep the declared shares small enough in total
    let total = 0;
    const kept = owners.filter((o) => (total += o.percent ?? 0) <= 100);
    return {
      id,
      name: `E${i}`,
      kind: r.kind as 'company' | 'individual',
      ...(r.kind === 'company' ? { organizedIn: r.country, owners: kept } : { citizenships: [r.country === 'US' ? 'GB' : r.country], primaryResidence: r.country === 'CN' ? 'SG' : r.country, employment: r.jobs.filter((j) => j.to % n !== i).map((j) => ({ entity: `e${j.to % n}`, ...dates(j.p) })) }),
      ...(r.listed ? { designations: [{ list: 'doj.covered_persons', ...(() => { const d = dates(r.listed); return { ...(d.from ? { listedFrom: d.from } : {}), ...(d.until ? { listedUntil: d.until } : {}) }; })() }] } : {}),
    };
  });
}

describe('party facts on another date', () => {
  it('property: on(id, date) has the covered status and reasons of a whole derivation on that date', () => {
    fc.assert(
      fc.property(fc.array(arbEntity, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }), (raw, when) => {
        const entities = withShares(raw);
        const inv = inventory({ entities });
        const facts = derivePersons(inv, AS_OF);
        for (const k of when) {
          const date = day(k);
          const whole = derivePersons(inv, date);
          for (const e of entities) {
            const got = facts.on(e.id, date)!;
            const want = whole.parties.get(e.id)!;
            expect(got.coveredPerson, `${e.id} on ${date}`).toBe(want.coveredPerson);
            expect(got.coveredReasons, `${e.id} on ${date}`).toEqual(want.coveredReasons);
            expect(got.ownershipCycle, `${e.id} on ${date}`).toBe(want.ownershipCycle);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: during(id, from, to) finds the party of concern when a whole derivation on some day of the period (from 2025-04-08) does', () => {
    fc.assert(
      fc.property(fc.array(arbEntity, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 8 }), (raw, k, len) => {
        const n = raw.length;
        const entities: EntityInput[] = raw.map((r, i) => ({
          id: `e${i}`,
          name: `E${i}`,
          kind: r.kind as 'company' | 'individual',
          ...(r.kind === 'company'
            ? { organizedIn: r.country, owners: r.owners.filter((o) => o.to % n !== i).slice(0, 1).map((o) => ({ entity: `e${o.to % n}`, percent: 60, ...dates(o.p) })) }
            : { citizenships: ['SG'], primaryResidence: 'SG', employment: r.jobs.filter((j) => j.to % n !== i).map((j) => ({ entity: `e${j.to % n}`, ...dates(j.p) })) }),
          ...(r.listed ? { designations: [{ list: 'doj.covered_persons', ...(() => { const d = dates(r.listed); return { ...(d.from ? { listedFrom: d.from } : {}), ...(d.until ? { listedUntil: d.until } : {}) }; })() }] } : {}),
        }));
        const inv = inventory({ entities });
        const facts = derivePersons(inv, AS_OF);
        const from = day(k);
        const to = day(Math.max(k + len, 2)); // the DOJ pack asks only of periods that end once 28 CFR 202 is in effect
        // every day the status can change on: the grid days, the day after each, the rule's first day
        const candidates = new Set<string>([from, to, '2025-04-08']);
        for (let g = 0; g <= 30; g++) {
          candidates.add(day(g));
          candidates.add(addDays(day(g), 1));
        }
        const days = [...candidates].filter((d) => d >= from && d <= to && d >= '2025-04-08');
        const whole = new Map(days.map((d) => [d, derivePersons(inv, d)]));
        for (const e of entities) {
          const got = facts.during(e.id, from, to)!;
          const want = days.some((d) => {
            const f = whole.get(d)!.parties.get(e.id)!;
            return f.coveredPerson || f.countryOfConcern;
          });
          expect(got.coveredPerson || got.countryOfConcern, `${e.id} from ${from} to ${to}`).toBe(want);
          if (want && got.on !== undefined) expect(whole.get(got.on)?.parties.get(e.id)?.coveredPerson ?? derivePersons(inv, got.on).parties.get(e.id)!.coveredPerson).toBe(got.coveredPerson);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('property: coveredEquityOn(id, date) is the covered equity of a whole derivation on that date', () => {
    fc.assert(
      fc.property(fc.array(arbEntity, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }), (raw, when) => {
        const inv = inventory({ entities: withShares(raw) });
        const facts = derivePersons(inv, AS_OF);
        for (const k of when) {
          const date = day(k);
          const whole = derivePersons(inv, date);
          for (const e of inv.entities) expect(facts.coveredEquityOn(e.id, date), `${e.id} on ${date}`).toEqual(whole.coveredEquity(e.id));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: between two of changeDays(id, from, to), every day has the facts and covered equity of the earlier one', () => {
    fc.assert(
      fc.property(fc.array(arbEntity, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 8 }), (raw, k, len) => {
        const inv = inventory({ entities: withShares(raw) });
        const facts = derivePersons(inv, AS_OF);
        const from = day(k);
        const to = day(Math.max(k + len, 2));
        // the grid days and the days after them: every day a dated thing starts or stops on
        const candidates = new Set<string>([from, to, '2025-04-08']);
        for (let g = 0; g <= 30; g++) {
          candidates.add(day(g));
          candidates.add(addDays(day(g), 1));
        }
        const probe = [...candidates].filter((d) => d >= from && d <= to && d >= '2025-04-08').sort();
        for (const e of inv.entities) {
          const changes = facts.changeDays(e.id, from, to);
          expect(changes[0], `${e.id} from ${from}`).toBe(from < '2025-04-08' ? '2025-04-08' : from);
          expect([...changes].sort(), 'sorted').toEqual(changes);
          for (const d of probe) {
            const since = changes.filter((c) => c <= d).pop()!;
            expect(facts.on(e.id, d)!.coveredPerson, `${e.id} on ${d} (as on ${since})`).toBe(facts.on(e.id, since)!.coveredPerson);
            expect(facts.coveredEquityOn(e.id, d), `${e.id} on ${d} (as on ${since})`).toEqual(facts.coveredEquityOn(e.id, since));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a party on an ownership cycle reads the cycle from itself, wherever the search entered it', () => {
    // E1 (first in the inventory) is owned by E3, which is on the cycle E2 ⇄ E3; E3 is designated
    // until 2025-05-01, so its facts on a later date are derived over its ancestors alone
    const inv = inventory({
      entities: [
        { id: 'e1', name: 'E1', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'e3' }] },
        { id: 'e2', name: 'E2', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'e3' }] },
        { id: 'e3', name: 'E3', kind: 'company', organizedIn: 'CN', owners: [{ entity: 'e2' }], designations: [{ list: 'doj.covered_persons', listedUntil: '2025-05-01' }] },
      ],
    });
    const facts = derivePersons(inv, AS_OF);
    expect(facts.parties.get('e3')!.ownershipCycle).toMatch(/^E3 is on an ownership cycle \(E3 → E2 → E3\)/);
    expect(facts.parties.get('e2')!.ownershipCycle).toMatch(/^E2 is on an ownership cycle \(E2 → E3 → E2\)/);
    expect(facts.on('e3', '2025-04-20')!.ownershipCycle).toBe(derivePersons(inv, '2025-04-20').parties.get('e3')!.ownershipCycle);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DUTY_IDS, Event } from './events.js';
import { Inventory } from './schema.js';
import { CLOCK_PACKS } from '../clocks/packs/index.js';

describe('event schema', () => {
  it('accepts each kind with its own fields and fills defaults', () => {
    const v = Event.parse({ id: 'v', kind: 'vulnerability', learned: '2021-11-24', product: { name: 'P' } });
    expect(v.kind === 'vulnerability' && v.sharedWith).toEqual([]);
    const i = Event.parse({ id: 'i', kind: 'incident', learned: '2025-12-01T10:00+08:00', grade: 'major', personalData: { people: 5 } });
    expect(i.kind === 'incident' && i.reports).toEqual([]);
    const b = Event.parse({ id: 'b', kind: 'personal_data_breach', learned: '2024-01-01' });
    expect(b.kind === 'personal_data_breach' && b.risk).toBe('risk');
    const g = Event.parse({ id: 'g', kind: 'government_request', learned: '2024-01-01', authority: 'court', country: 'US', dataStoredIn: ['CN'] });
    expect(g.kind === 'government_request' && g.personalData).toBe(true);
  });

  it('is strict: fields of another kind, unknown fields and bad values are rejected', () => {
    const bad = [
      { id: 'v', kind: 'vulnerability', learned: '2021-11-24', product: { name: 'P' }, grade: 'major' },
      { id: 'i', kind: 'incident', learned: '2021-11-24', product: { name: 'P', extra: 1 } },
      { id: 'i', kind: 'incident', learned: '2021-11-24', grade: '较大' },
      { id: 'i', kind: 'incident', learned: 'last tuesday' },
      { id: 'i', kind: 'incident', learned: '2021-11-24', timeZone: 'CST' },
      { id: 'v', kind: 'vulnerability', learned: '2021-11-24', product: { name: 'P' }, cve: 'CVE-21-1' },
      { id: 'v', kind: 'vulnerability', learned: '2021-11-24', product: { name: 'P' }, sharedWith: [{ party: 'X', country: 'usa', at: '2021-11-24' }] },
      { id: 'g', kind: 'government_request', learned: '2024-01-01', authority: 'court', country: 'US', dataStoredIn: [] },
      { id: '-x', kind: 'incident', learned: '2021-11-24' },
      { id: 'i', kind: 'incident', learned: '2021-11-24', personalData: { people: -1 } },
      { id: 'i', kind: 'incident', learned: '2021-11-24', reports: [{ duty: 'made.up/1', at: '2021-11-25' }] },
    ];
    for (const e of bad) expect(Event.safeParse(e).success, JSON.stringify(e)).toBe(false);
  });

  it('DUTY_IDS lists exactly the duties the packs define', () => {
    const defined = CLOCK_PACKS.flatMap((p) => p.duties.map((d) => d.id)).sort();
    expect(defined).toEqual([...DUTY_IDS].sort());
  });

  it('the inventory JSON Schema can be generated with events in it', () => {
    const schema = JSON.stringify(z.toJSONSchema(Inventory, { io: 'input', unrepresentable: 'any' }));
    expect(schema).toContain('personal_data_breach');
    expect(schema).toContain('cn.miit.vuln/7(2)');
  });
});

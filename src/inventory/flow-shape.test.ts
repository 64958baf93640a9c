import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Inventory } from './schema.js';
import { parseInventoryText } from './load.js';

/**
 * Parsed flows all have the schema's keys in the schema's order (schema.ts, `oneShape`): the
 * same hidden class for every flow, whatever keys and key order the file used. Values are those
 * written (or the defaults); an absent optional field reads as undefined and is not written out.
 */
const ORG = { id: 'org', name: 'Org', organizedIn: 'US' };
const BASE = { dataset: 'ds', recipient: 'r', destination: 'CN', kind: 'transfer' };
const OPTIONAL: Record<string, unknown> = {
  description: 'd',
  from: 'org',
  fromCountry: 'US',
  classes: ['vendor_agreement'],
  purpose: 'analytics',
  purposeNote: 'n',
  subjects: { US: 10 },
  usDevices: 3,
  start: '2025-01-02',
  end: '2026-01-02',
  access: false,
  cloudComputing: true,
  physicallyInCountry: false,
  viaFreeTradeZone: true,
  designedToEvade: true,
  offerRejected: '2025-06-01',
  recipientChanged: true,
  consentBased: false,
  safeguards: [{ type: 'notice', date: '2025-01-01' }],
};

function inventoryWith(flows: Record<string, unknown>[]) {
  return {
    organization: ORG,
    entities: [{ id: 'r', name: 'R', kind: 'company', organizedIn: 'CN' }],
    datasets: [{ id: 'ds', categories: ['contact'] }],
    flows,
  };
}

describe('parsed flows have one shape', () => {
  it('flows written with any subset of the optional fields, in any key order, get the same keys in the same order', () => {
    const names = Object.keys(OPTIONAL);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.subarray(names), fc.boolean()), { minLength: 2, maxLength: 6 }), (specs) => {
        const flows = specs.map(([keys, reverse], i) => {
          const entries: [string, unknown][] = [['id', `f${i}`], ...Object.entries(BASE), ...keys.map((k): [string, unknown] => [k, OPTIONAL[k]])];
          if (reverse) entries.reverse();
          return Object.fromEntries(entries);
        });
        const parsed = Inventory.parse(inventoryWith(flows)).flows;
        const first = Object.keys(parsed[0]!).join(',');
        for (const f of parsed) expect(Object.keys(f).join(',')).toBe(first);
        // Each flow keeps exactly what was written (and the defaults): JSON shows no added field.
        parsed.forEach((f, i) => {
          const written = flows[i]!;
          const json = JSON.parse(JSON.stringify(f)) as Record<string, unknown>;
          for (const [k, v] of Object.entries(written)) expect(json[k]).toEqual(v);
          for (const k of Object.keys(json)) expect(k in written || ['classes', 'purpose', 'access', 'cloudComputing', 'viaFreeTradeZone', 'designedToEvade', 'recipientChanged', 'consentBased', 'safeguards', 'filed'].includes(k)).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('holds for inventories read from YAML text, and keeps every field of the schema', () => {
    const inv = parseInventoryText(
      [
        'organization: { id: org, name: Org, organizedIn: US }',
        'entities: [{ id: r, name: R, kind: company, organizedIn: CN }]',
        'datasets: [{ id: ds, categories: [contact] }]',
        'flows:',
        '  - { id: a, dataset: ds, recipient: r, destination: CN, kind: transfer }',
        '  - { kind: remote_access, destination: CN, recipient: r, dataset: ds, id: b, start: 2025-01-02, usDevices: 4, violationKnown: 2025-03-01, directedByUsPerson: org }',
      ].join('\n'),
    );
    const [a, b] = inv.flows;
    expect(Object.keys(a!)).toEqual(Object.keys(b!));
    expect(Object.keys(a!)).toEqual(Object.keys(Inventory.shape.flows.parse([{ id: 'x', ...BASE }])[0]!));
    expect(b).toMatchObject({ id: 'b', kind: 'remote_access', start: '2025-01-02', usDevices: 4, violationKnown: '2025-03-01', directedByUsPerson: 'org' });
    expect(a!.start).toBeUndefined();
    expect('start' in a!).toBe(true);
  });
});

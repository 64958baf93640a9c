import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Inventory } from './schema.js';
import { parseInventoryText } from './load.js';

/**
 * Parsed flows, entities, datasets and safeguards have their schema's keys in the schema's order
 * (schema.ts, `AllKeys`): one hidden class for each, whatever keys and key order the file used.
 * Values are those written (or the defaults); an absent optional field reads as undefined and is
 * not written out.
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

describe('parsed records have one shape per kind', () => {
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

describe('entities, datasets and safeguards', () => {
  const ENTITY_OPTIONAL: Record<string, unknown> = { aliases: ['A'], organizedIn: 'CN', principalPlaceOfBusiness: 'CN', headquarters: 'HK', citizenships: ['CN'], location: 'CN', roles: ['vendor'], note: 'n' };
  const DATASET_OPTIONAL: Record<string, unknown> = { name: 'N', linked: false, subjects: { US: 5 }, usDevices: 2, collectedIn: ['CN'], anonymized: true, coreData: true, importantData: { notified: true } };
  const SAFEGUARD_OPTIONAL: Record<string, unknown> = { date: '2025-01-01', expires: '2027-01-01', reference: 'r', note: 'n' };
  const written = (base: Record<string, unknown>, optional: Record<string, unknown>, keys: string[], reverse: boolean) => {
    const entries: [string, unknown][] = [...Object.entries(base), ...keys.map((k): [string, unknown] => [k, optional[k]])];
    if (reverse) entries.reverse();
    return Object.fromEntries(entries);
  };
  const specs = (optional: Record<string, unknown>) => fc.array(fc.tuple(fc.subarray(Object.keys(optional)), fc.boolean()), { minLength: 2, maxLength: 5 });

  it('each kind gets one key order, and keeps the values written', () => {
    fc.assert(
      fc.property(specs(ENTITY_OPTIONAL), specs(DATASET_OPTIONAL), specs(SAFEGUARD_OPTIONAL), (es, ds, gs) => {
        const entities = es.map(([keys, rev], i) => written({ id: `e${i}`, name: `E${i}`, kind: 'company' }, ENTITY_OPTIONAL, keys, rev));
        const datasets = ds.map(([keys, rev], i) => written({ id: `d${i}`, categories: ['contact'] }, DATASET_OPTIONAL, keys, rev));
        const safeguards = gs.map(([keys, rev]) => written({ type: 'notice' }, SAFEGUARD_OPTIONAL, keys, rev));
        const inv = Inventory.parse({ organization: ORG, entities, datasets, flows: [{ id: 'f', ...BASE, recipient: 'e0', dataset: 'd0', safeguards }] });
        for (const [parsed, given] of [[inv.entities, entities], [inv.datasets, datasets], [inv.flows[0]!.safeguards, safeguards]] as const) {
          const keys = Object.keys(parsed[0]!).join(',');
          parsed.forEach((x, i) => {
            expect(Object.keys(x).join(',')).toBe(keys);
            const json = JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
            for (const [k, v] of Object.entries(given[i]!)) expect(json[k]).toEqual(v);
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});

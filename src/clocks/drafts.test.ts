import { describe, expect, it } from 'vitest';
import { VulnerabilityEvent } from '../inventory/events.js';
import { Organization } from '../inventory/schema.js';
import { parseInstant } from '../time/zoned.js';
import { csafAdvisory, csafFileName, openVex, trackingId } from './drafts.js';
import { csafMandatory, validateCsaf, validateOpenVex } from './testing/draft-schemas.js';

const org = Organization.parse({ id: 'example-networks', name: 'Example Networks Co., Ltd.', organizedIn: 'CN' });
const asOf = parseInstant('2021-12-10T00:00:00+08:00', 'UTC')!.instant;
const log4shell = VulnerabilityEvent.parse({
  id: 'log4shell',
  kind: 'vulnerability',
  title: 'Apache Log4j2 JNDI lookup remote code execution (Log4Shell)',
  cve: 'CVE-2021-44228',
  aliases: ['GHSA-jfh8-c2jp-5v3q'],
  learned: '2021-11-24',
  product: { name: 'EdgeGate', version: '4.2.0', purl: 'pkg:generic/example-networks/edgegate@4.2.0', fixedIn: '4.2.1' },
  component: { name: 'log4j-core', version: '2.14.1', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', provider: { name: 'The Apache Software Foundation', country: 'US' } },
  activelyExploited: true,
});
const bare = VulnerabilityEvent.parse({ id: 'own-bug', kind: 'vulnerability', learned: '2026-02-01', product: { name: 'Gate' } });

describe('CSAF 2.0 draft', () => {
  for (const [name, e] of [['Log4Shell in a shipped component', log4shell], ['own code, no version or ids', bare]] as const) {
    it(`validates against the OASIS CSAF 2.0 schema and the mandatory tests: ${name}`, async () => {
      const doc = csafAdvisory(org, e, asOf);
      expect(validateCsaf(doc), JSON.stringify(validateCsaf.errors)).toBe(true);
      const res = await csafMandatory(doc);
      expect(res.tests.filter((t) => !t.isValid).map((t) => ({ test: t.name, errors: t.errors }))).toEqual([]);
      expect(res.tests.length).toBeGreaterThan(30);
      expect(res.isValid).toBe(true);
    });
  }

  it('carries the product, the fixed version, the CVE and the remediation', () => {
    const doc = csafAdvisory(org, log4shell, asOf) as { document: { tracking: { id: string; status: string } }; vulnerabilities: { cve: string; product_status: Record<string, string[]> }[] };
    expect(doc.document.tracking.id).toBe('EXAMPLE-NETWORKS-LOG4SHELL');
    expect(doc.document.tracking.status).toBe('draft');
    expect(doc.vulnerabilities[0]?.cve).toBe('CVE-2021-44228');
    expect(doc.vulnerabilities[0]?.product_status).toEqual({ known_affected: ['CSAFPID-0001'], fixed: ['CSAFPID-0002'] });
    expect(JSON.stringify(doc)).toContain('pkg:generic/example-networks/edgegate@4.2.1');
    expect(csafFileName(trackingId(org, log4shell))).toBe('example-networks-log4shell.json');
    expect(csafFileName('Acme/2021:01 Ü')).toBe('acme_2021_01_.json');
  });

  it('the validator rejects a broken draft (the check can fail)', async () => {
    const doc = csafAdvisory(org, log4shell, asOf) as { vulnerabilities: { product_status: { known_affected: string[] } }[] };
    doc.vulnerabilities[0]!.product_status.known_affected = ['CSAFPID-9999'];
    expect((await csafMandatory(doc)).isValid).toBe(false);
    const noVersion = { ...csafAdvisory(org, log4shell, asOf), document: { category: 'csaf_security_advisory' } };
    expect(validateCsaf(noVersion)).toBe(false);
  });
});

describe('OpenVEX 0.2.0 draft', () => {
  it('validates, with an affected statement (log4j-core as subcomponent) and a fixed one', () => {
    const doc = openVex(org, log4shell, asOf) as { statements: { status: string; products: { subcomponents?: { '@id': string }[] }[] }[] };
    expect(validateOpenVex(doc), JSON.stringify(validateOpenVex.errors)).toBe(true);
    expect(doc.statements.map((s) => s.status)).toEqual(['affected', 'fixed']);
    expect(doc.statements[0]?.products[0]?.subcomponents?.[0]?.['@id']).toBe('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1');
    expect(validateOpenVex(openVex(org, bare, asOf)), JSON.stringify(validateOpenVex.errors)).toBe(true);
  });

  it('the schema enforces the spec\'s conditional rules', () => {
    const base = openVex(org, log4shell, asOf) as { statements: Record<string, unknown>[] };
    const s0 = base.statements[0]!;
    const withStatement = (s: Record<string, unknown>) => ({ ...base, statements: [s] });
    const { action_statement: _drop, ...noAction } = s0;
    expect(validateOpenVex(withStatement(noAction))).toBe(false); // affected needs action_statement
    const notAffected = { ...noAction, status: 'not_affected' };
    expect(validateOpenVex(withStatement(notAffected))).toBe(false); // needs a justification or impact statement
    expect(validateOpenVex(withStatement({ ...notAffected, justification: 'vulnerable_code_not_present' }))).toBe(true);
    expect(validateOpenVex(withStatement({ ...notAffected, justification: 'vulnerable_code_not_present', impact_statement: 'x' }))).toBe(false); // not both
    expect(validateOpenVex({ ...base, statements: [] })).toBe(false);
    expect(validateOpenVex({ ...base, version: 0 })).toBe(false);
  });
});

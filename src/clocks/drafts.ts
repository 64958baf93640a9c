/**
 * Draft report bodies for a vulnerability in our own product: a CSAF 2.0 security advisory
 * (OASIS CSAF 2.0, profile "Security Advisory") and an OpenVEX 0.2.0 document. Both are drafts
 * for a person to finish and publish; both are deterministic for a given as-of instant.
 *
 * Validation: the tests validate the CSAF draft against the OASIS CSAF 2.0 JSON schema as
 * bundled in @secvisogram/csaf-validator-lib (BSI), plus its mandatory tests (§6.1), and the
 * OpenVEX draft against schemas/openvex-0.2.0.schema.json (written from the OpenVEX 0.2.0 spec;
 * no npm package bundles the official schema).
 */
import { PackageURL } from 'packageurl-js';
import type { VulnerabilityEvent } from '../inventory/events.js';
import type { Organization } from '../inventory/schema.js';
import { formatUtc, type Instant } from '../time/zoned.js';

export const DRAFT_TOOL = { name: 'datacustoms', version: '0.1.0' } as const;

/** A JSON value (the drafts are plain JSON documents). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function withVersion(purl: string | undefined, version: string): string | undefined {
  if (!purl) return undefined;
  try {
    const p = PackageURL.fromString(purl);
    if (!p.version) return undefined;
    p.version = version;
    return p.toString();
  } catch {
    return undefined;
  }
}

function validPurl(purl: string | undefined): string | undefined {
  if (!purl) return undefined;
  try {
    PackageURL.fromString(purl);
    return purl;
  } catch {
    return undefined;
  }
}

/** The vulnerability's primary name: its CVE, else its first alias, else our event id. */
export function vulnerabilityName(e: VulnerabilityEvent): string {
  return e.cve ?? e.aliases[0] ?? e.id;
}

/** CSAF tracking id, e.g. `EXAMPLE-NETWORKS-LOG4SHELL`. */
export function trackingId(org: Organization, e: VulnerabilityEvent): string {
  return `${org.id}-${e.id}`.toUpperCase();
}

/** CSAF file name rule (§5.1): lower-case tracking id, runs outside [+\-a-z0-9] → `_`, `.json`. */
export function csafFileName(id: string): string {
  return `${id.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** The product's vendor; an empty or blank `vendor` is taken as not given (CSAF names must not be empty). */
function vendorOf(org: Organization, e: VulnerabilityEvent): string {
  return e.product.vendor?.trim() ? e.product.vendor : org.name;
}

/** Aliases in their order, each once (CSAF `ids` must be unique items). */
function uniqueAliases(e: VulnerabilityEvent): string[] {
  return [...new Set(e.aliases)];
}

function aliasSystem(alias: string): string {
  if (/^GHSA-/i.test(alias)) return 'GitHub Security Advisory';
  if (/^OSV-/i.test(alias)) return 'OSV';
  if (/^CVE-/i.test(alias)) return 'CVE';
  return 'other';
}

function description(org: Organization, e: VulnerabilityEvent): string {
  const product = `${e.product.name}${e.product.version ? ` ${e.product.version}` : ''}`;
  const where = e.component
    ? `${product} bundles ${e.component.name}${e.component.version ? ` ${e.component.version}` : ''} (provided by ${e.component.provider.name}), which is affected by ${vulnerabilityName(e)}.`
    : `${product} by ${vendorOf(org, e)} is affected by ${vulnerabilityName(e)}.`;
  return [e.title ? `${e.title}.` : '', where, e.activelyExploited ? 'The vulnerability is known to be actively exploited.' : ''].filter(Boolean).join(' ');
}

/** CSAF 2.0 `csaf_security_advisory`, status draft. */
export function csafAdvisory(org: Organization, e: VulnerabilityEvent, asOf: Instant): { [key: string]: Json } {
  const now = formatUtc(asOf);
  const vendor = vendorOf(org, e);
  const affectedId = 'CSAFPID-0001';
  const fixedId = 'CSAFPID-0002';
  const helper = (purl: string | undefined): { [key: string]: Json } => (purl ? { product_identification_helper: { purl } } : {});
  const affectedName = `${e.product.name}${e.product.version ? ` ${e.product.version}` : ''}`;
  const affectedProduct = { product_id: affectedId, name: affectedName, ...helper(validPurl(e.product.purl)) };
  const versionBranches: Json[] = [];
  let productBranch: { [key: string]: Json };
  if (e.product.version) {
    versionBranches.push({ category: 'product_version', name: e.product.version, product: affectedProduct });
    if (e.product.fixedIn) {
      const fixedPurl = withVersion(e.product.purl, e.product.fixedIn);
      versionBranches.push({
        category: 'product_version',
        name: e.product.fixedIn,
        product: { product_id: fixedId, name: `${e.product.name} ${e.product.fixedIn}`, ...helper(fixedPurl) },
      });
    }
    productBranch = { category: 'product_name', name: e.product.name, branches: versionBranches };
  } else {
    productBranch = { category: 'product_name', name: e.product.name, product: affectedProduct };
  }
  const hasFixed = Boolean(e.product.version && e.product.fixedIn);
  const remediation: { [key: string]: Json } = hasFixed
    ? { category: 'vendor_fix', details: `Upgrade ${e.product.name} to ${e.product.fixedIn}.`, product_ids: [affectedId] }
    : { category: 'none_available', details: 'No fix is available yet; this draft is to be updated when one is.', product_ids: [affectedId] };
  const vulnerability: { [key: string]: Json } = {
    ...(e.cve ? { cve: e.cve } : {}),
    ...(e.aliases.length ? { ids: uniqueAliases(e).map((a) => ({ system_name: aliasSystem(a), text: a })) } : {}),
    ...(e.title ? { title: e.title } : {}),
    notes: [{ category: 'description', title: 'Vulnerability description', text: description(org, e) }],
    product_status: { known_affected: [affectedId], ...(hasFixed ? { fixed: [fixedId] } : {}) },
    remediations: [remediation],
    ...(e.activelyExploited ? { threats: [{ category: 'exploit_status', details: 'Actively exploited (as declared to datacustoms).', product_ids: [affectedId] }] } : {}),
  };
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: `${e.title ?? vulnerabilityName(e)} in ${e.product.name}`,
      publisher: { category: 'vendor', name: vendor, namespace: `urn:datacustoms:publisher:${encodeURIComponent(org.id)}` },
      notes: [
        { category: 'summary', title: 'Summary', text: description(org, e) },
        { category: 'legal_disclaimer', title: 'Draft', text: 'Draft generated by datacustoms clocks; review before publication.' },
      ],
      tracking: {
        id: trackingId(org, e),
        status: 'draft',
        version: '1',
        initial_release_date: now,
        current_release_date: now,
        revision_history: [{ date: now, number: '1', summary: 'Initial draft.' }],
        generator: { date: now, engine: { name: DRAFT_TOOL.name, version: DRAFT_TOOL.version } },
      },
    },
    product_tree: { branches: [{ category: 'vendor', name: vendor, branches: [productBranch] }] },
    vulnerabilities: [vulnerability],
  };
}

/** OpenVEX 0.2.0 document with one `affected` statement (and a `fixed` one when a fixed version with a purl is known). */
export function openVex(org: Organization, e: VulnerabilityEvent, asOf: Instant): { [key: string]: Json } {
  const now = formatUtc(asOf);
  const name = vulnerabilityName(e);
  const productId = validPurl(e.product.purl) ?? `urn:datacustoms:product:${encodeURIComponent(org.id)}:${encodeURIComponent(e.product.name)}${e.product.version ? `:${encodeURIComponent(e.product.version)}` : ''}`;
  const componentPurl = validPurl(e.component?.purl);
  const subcomponents: Json[] = componentPurl ? [{ '@id': componentPurl }] : [];
  const vulnerability: { [key: string]: Json } = {
    name,
    ...(e.cve ? { '@id': `https://nvd.nist.gov/vuln/detail/${e.cve}` } : {}),
    ...(e.title ? { description: e.title } : {}),
    ...(e.aliases.length ? { aliases: uniqueAliases(e) } : {}),
  };
  const statements: Json[] = [
    {
      vulnerability,
      products: [{ '@id': productId, ...(subcomponents.length ? { subcomponents } : {}) }],
      status: 'affected',
      action_statement: e.product.fixedIn ? `Upgrade ${e.product.name} to ${e.product.fixedIn}.` : 'No fix is available yet; apply the vendor\'s mitigations and watch for an update.',
      timestamp: now,
    },
  ];
  const fixedPurl = e.product.fixedIn ? withVersion(e.product.purl, e.product.fixedIn) : undefined;
  if (fixedPurl) statements.push({ vulnerability, products: [{ '@id': fixedPurl }], status: 'fixed', timestamp: now });
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': `urn:datacustoms:vex:${encodeURIComponent(org.id)}:${encodeURIComponent(e.id)}`,
    author: vendorOf(org, e),
    role: 'vendor',
    timestamp: now,
    version: 1,
    tooling: `${DRAFT_TOOL.name} ${DRAFT_TOOL.version}`,
    statements,
  };
}

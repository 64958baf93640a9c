/**
 * Test-only helpers: small inventories for the `cn.xborder` testers. A scenario is an
 * organization (a Chinese processor by default), datasets held in a mainland data centre, and
 * flows to an overseas recipient; each helper fills in the rest with schema defaults.
 */
import type { z } from 'zod';
import type { Decision } from '../../../engine/types.js';
import { deriveFacts } from '../../../facts/index.js';
import { Inventory, type Dataset, type Entity, type Flow, type Organization, type System } from '../../../inventory/schema.js';
import type { CivilDate } from '../../../time/civil-date.js';
import { createCnXborder } from '../index.js';
import type { PolicyOverrides } from '../params.js';

type In<T extends z.ZodType> = z.input<T>;
type OrgInput = Omit<In<typeof Organization>, 'id' | 'name' | 'organizedIn' | 'cn'> & { cn?: Partial<NonNullable<In<typeof Organization>['cn']>> };
type DatasetInput = In<typeof Dataset>;
type FlowInput = In<typeof Flow>;

export interface Scenario {
  readonly asOf: CivilDate;
  readonly org?: OrgInput;
  readonly entities?: readonly In<typeof Entity>[];
  readonly systems?: readonly In<typeof System>[];
  readonly datasets?: readonly DatasetInput[];
  readonly flows?: readonly FlowInput[];
  /** The inventory's `calendars` section (supplied holiday years). */
  readonly calendars?: In<typeof Inventory>['calendars'];
}

/** The overseas recipient every flow goes to unless it says otherwise. */
export const RECIPIENT = 'overseas-partner';

export function inventory(s: Scenario): Inventory {
  const { cn, ...org } = s.org ?? {};
  return Inventory.parse({
    organization: { id: 'processor', name: 'Processor Co., Ltd.', organizedIn: 'CN', ...org, cn: { personalInformationProcessor: true, ...cn } },
    entities: [{ id: RECIPIENT, name: 'Overseas Partner Inc.', kind: 'company', organizedIn: 'US' }, ...(s.entities ?? [])],
    systems: [{ id: 'cn-dc', location: 'CN', kind: 'datacenter' }, ...(s.systems ?? [])],
    datasets: s.datasets ?? [],
    flows: s.flows ?? [],
    ...(s.calendars ? { calendars: s.calendars } : {}),
  });
}

/** A dataset of non-sensitive PI (names, contact details) of `cn` people, held in mainland China. */
export function pi(id: string, cn: number, extra: Partial<DatasetInput> = {}): DatasetInput {
  return { id, categories: ['name', 'contact'], subjects: { CN: cn }, system: 'cn-dc', collectedIn: ['CN'], ...extra };
}

/** A dataset holding sensitive PI (financial accounts) of `cn` people, held in mainland China. */
export function spi(id: string, cn: number, extra: Partial<DatasetInput> = {}): DatasetInput {
  return pi(id, cn, { categories: ['name', 'financial_account'], ...extra });
}

/** A transfer of `dataset` to the overseas recipient in the US. */
export function xfer(id: string, dataset: string, extra: Partial<FlowInput> = {}): FlowInput {
  return { id, dataset, recipient: RECIPIENT, destination: 'US', kind: 'transfer', ...extra };
}

/** Decides one flow (default: the last one) of the scenario. */
export function decide(s: Scenario, flowId?: string, overrides: PolicyOverrides = {}): Decision {
  const inv = inventory(s);
  const flow = flowId === undefined ? inv.flows[inv.flows.length - 1] : inv.flows.find((f) => f.id === flowId);
  if (!flow) throw new Error(`no flow ${flowId ?? '(none)'} in the scenario`);
  const facts = deriveFacts(inv, s.asOf);
  return createCnXborder(overrides).decideFlow!(flow, { facts, asOf: s.asOf });
}

/** The organization-level decisions of the scenario. */
export function decideOrg(s: Scenario, overrides: PolicyOverrides = {}): readonly Decision[] {
  const facts = deriveFacts(inventory(s), s.asOf);
  return createCnXborder(overrides).decideOrganization?.({ facts, asOf: s.asOf }) ?? [];
}

/** The ids of the rules a decision cites. */
export function ruleIds(d: Decision): string[] {
  return d.rules.map((r) => r.id);
}

/** The obligation with this id, or undefined. */
export function obligationOf(d: Decision, id: string) {
  return d.obligations.find((o) => o.id === id);
}

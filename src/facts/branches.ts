/**
 * Branches: a branch (`branchOf`) is not a separate person or legal person, so the rules that
 * count or judge by person — the 202.205 aggregation, the CAC counts per processor, list
 * designations — read a branch as the entity it belongs to. One resolver, built once per run.
 */
import type { Entity } from '../inventory/schema.js';

/** How many `branchOf` links are followed up (branches of branches); a longer or cyclic chain stops there. */
const MAX_LINKS = 16;

export class LegalPersons {
  /** The entity each branch belongs to; undefined when the inventory declares no branch. */
  private readonly up: ReadonlyMap<string, string> | undefined;

  constructor(entities: readonly Entity[]) {
    let up: Map<string, string> | undefined;
    for (const e of entities) if (e.branchOf !== undefined) (up ??= new Map()).set(e.id, e.branchOf);
    this.up = up;
  }

  /** The inventory declares at least one branch. */
  get any(): boolean {
    return this.up !== undefined;
  }

  /** The legal person `id` is: itself, or for a branch the entity it belongs to, through branches of branches. */
  of(id: string): string {
    const up = this.up;
    if (up === undefined) return id;
    let at = id;
    for (let depth = 0; depth < MAX_LINKS; depth++) {
      const next = up.get(at);
      if (next === undefined) break;
      at = next;
    }
    return at;
  }
}

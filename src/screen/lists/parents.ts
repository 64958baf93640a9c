/**
 * Parent links named by the lists themselves, filled into `ListEntry.parents`:
 *
 * - DoD 1260H `Parent Name`: the listed parent the list groups an entry under
 *   ("Huawei Technologies Co., Ltd." → "Huawei Investment & Holding Co., Ltd.").
 * - OFAC remarks "Linked To: <NAME>." (SDN, consolidated and CSL remarks): the party the
 *   designation links this one to — usually its owner or controller, or the party it acts
 *   for (PROVEN GLORY CAPITAL LIMITED → HUAWEI INVESTMENT & HOLDING CO., LTD.). OFAC does not
 *   say which; the link is kept as a parent with kind `linked`.
 * - FCC Covered List: "X and its wholly-owned subsidiary Y" in the covered-equipment text and
 *   the `Subsidiary Names` column (ComNet (USA) LLC → Pacific Networks Corp).
 * - FollowTheMoney `Ownership` (owner → asset) and `UnknownLink` (subject → object).
 *
 * The lists give names, not ids; {@link resolveParents} finds the listed entries those names
 * refer to, across every loaded list, for ownership propagation.
 */
import type { ListEntry } from '../types.js';

export type ParentKind = 'parent' | 'linked' | 'subsidiary-of' | 'owner';

/** "Linked To:" names in OFAC remarks, in order, without duplicates. */
export function linkedToNames(remarks: string | undefined): string[] {
  if (!remarks) return [];
  const out: string[] = [];
  const re = /Linked To:\s*([^;]+)/g;
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) {
    const name = trimRemarkEnd(m[1]!);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Drops the full stop that ends an OFAC remark unless it belongs to an abbreviation the name
 * ends with ("… CO., LTD." keeps it, "LAZARUS GROUP." loses it).
 */
function trimRemarkEnd(s: string): string {
  const t = s.trim();
  if (!t.endsWith('.')) return t;
  const lastWord = t.slice(t.lastIndexOf(' ') + 1);
  // A dotted abbreviation (S.A., C.V., L.L.C.) or a short legal-form word (LTD., CO., INC.).
  if (/^(?:[A-Za-z]{1,4}\.){2,}$/.test(lastWord)) return t;
  if (/^(?:LTD|CO|INC|CORP|LLC|JSC|PJSC|OJSC|CJSC|PLC|PTE|PVT|BHD|GMBH|AG|SA|SL|SRL|BV|NV|LTDA|CIA|CA|SAS|SPA|SARL|DOO|OOO|AO|OAO|ZAO|KG|AB|AS|OY|KFT|SRO|ZRT|EOOD|EAD|SAL)\.$/i.test(lastWord)) return t;
  return t.slice(0, -1).trim();
}

/**
 * Names in an FCC covered-equipment sentence: the producing or providing entity, and a
 * wholly-owned subsidiary the sentence names with it. Undefined for category rows ("Routers
 * produced in a foreign country") that name no entity.
 */
export function fccNamedEntities(fullText: string): { name: string; subsidiaries: string[] } | undefined {
  // Real rows are under 2,000 characters; a bound keeps the lazy match linear on hostile input.
  const text = fullText.length > 4000 ? fullText.slice(0, 4000) : fullText;
  const m =
    /\b(?:produced|provided|supplied)(?:,? directly or indirectly,)?(?: or provided)? by (.+?)(?:,? (?:including|to the extent|subject to|or any of its|and any of its)\b|\.\s*$)/.exec(
      text,
    );
  if (!m) return undefined;
  let name = m[1]!.trim().replace(/,$/, '');
  const subsidiaries: string[] = [];
  const sub = /^(.+?) and its (?:wholly[- ]owned )?subsidiar(?:y|ies) (.+)$/.exec(name);
  if (sub) {
    name = sub[1]!.trim();
    for (const s of sub[2]!.split(/\s*(?:;|\band\b)\s*/)) if (s.trim()) subsidiaries.push(s.trim().replace(/,$/, ''));
  }
  return { name, subsidiaries };
}

/** A parent link resolved against the loaded entries. */
export interface ParentLink {
  /** The entry whose list names the parent. */
  readonly child: string;
  /** The parent's name as the list writes it. */
  readonly parentName: string;
  /** Listed entries the name refers to (several when more than one list lists the parent). */
  readonly parentEntityIds: readonly string[];
  readonly list: string;
}

/** Case, accents and punctuation folded, so "CO., LTD." and "Co., Ltd." compare equal. */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Resolves every entry's `parents` to the entries they name: first in the same list, then in
 * any list; a name that matches no entry keeps an empty `parentEntityIds`.
 */
export function resolveParents(entries: readonly ListEntry[]): ParentLink[] {
  const byName = new Map<string, ListEntry[]>();
  const index = (name: string, e: ListEntry) => {
    const k = nameKey(name);
    if (!k) return;
    const list = byName.get(k);
    if (!list) byName.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of entries) {
    index(e.name, e);
    for (const a of e.aliases) index(a, e);
  }
  const links: ParentLink[] = [];
  for (const e of entries) {
    for (const p of e.parents ?? []) {
      const found = (byName.get(nameKey(p)) ?? []).filter((x) => x.entityId !== e.entityId);
      const same = found.filter((x) => x.list === e.list);
      const chosen = same.length > 0 ? same : found;
      links.push({ child: e.entityId, parentName: p, parentEntityIds: chosen.map((x) => x.entityId), list: e.list });
    }
  }
  return links;
}

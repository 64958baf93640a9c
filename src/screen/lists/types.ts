/**
 * What the list parsers produce. `ListEntry` itself (the contract with the matcher) lives in
 * `../types.ts`; this file names the lists, the file formats and a parse outcome.
 */
import type { ListEntry } from '../types.js';

/** The lists datacustoms knows, by id (docs/lists.md describes each). */
export const LIST_IDS = [
  'ofac.sdn',
  'ofac.cons',
  'trade.csl',
  'dod.1260h',
  'fcc.covered',
  'bis.mieu',
  'cn.countersanctions',
  'opensanctions',
] as const;
export type ListId = (typeof LIST_IDS)[number];

export const LIST_TITLES: Readonly<Record<ListId, string>> = {
  'ofac.sdn': 'OFAC Specially Designated Nationals and Blocked Persons (SDN) List',
  'ofac.cons': 'OFAC Consolidated (non-SDN) Sanctions List (NS-CMIC, SSI, NS-PLC, …)',
  'trade.csl': 'trade.gov Consolidated Screening List',
  'dod.1260h': 'DoD Chinese military companies (FY2021 NDAA §1260H)',
  'fcc.covered': 'FCC Covered List (47 CFR 1.50002)',
  'bis.mieu': 'BIS military-intelligence end users (15 CFR 744.22)',
  'cn.countersanctions': 'PRC counter-sanctions, unreliable-entity and export-control lists',
  opensanctions: 'OpenSanctions / FollowTheMoney entities',
};

/** File formats, one parser each. */
export const LIST_FORMATS = [
  'ofac-legacy-csv',
  'csl-csv',
  'csl-json',
  'dod-1260h-csv',
  'fcc-covered-csv',
  'fcc-entities-csv',
  'bis-mieu-csv',
  'cn-countersanctions-csv',
  'ftm-jsonl',
] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** Where an import's list date came from, most to least authoritative. */
export type ListDateSource =
  /** `--list-date` given by the user. */
  | 'flag'
  /** A date the file states about itself (FtM `last_seen`, CSL JSON `sources_used`). */
  | 'file'
  /** The date documented for the file in a SOURCES.md beside it. */
  | 'sources-md'
  /** The latest listing date among the file's own entries. */
  | 'entries'
  /** The file's modification time (a freshly downloaded file). */
  | 'file-mtime';

/** A row of a list that names a category of products rather than a party (FCC: foreign UAS, routers). */
export interface ListCategory {
  readonly list: ListId;
  readonly text: string;
  readonly listedFrom?: string;
  /** Later "Updated:" dates the list prints for the row. */
  readonly updated?: readonly string[];
}

export interface ParsedList {
  /** The file as given (for OFAC, the primary file). */
  readonly file: string;
  /** Every file read: the primary and its companions (OFAC alt, add, comments). */
  readonly files: readonly string[];
  readonly format: ListFormat;
  readonly list: ListId;
  readonly listDate: string;
  readonly listDateSource: ListDateSource;
  /** Entries, one per listed party (rows of the same party merged), in file order. */
  readonly entries: readonly ListEntry[];
  /** Data rows read (before merging). */
  readonly rows: number;
  /** sha256 over the bytes of every file read, hex. Same content, same hash. */
  readonly contentHash: string;
  /** One-line remarks about the read (companions found or missing, rows ignored …). */
  readonly notes: readonly string[];
  readonly categories?: readonly ListCategory[];
}

export interface SkippedFile {
  readonly file: string;
  /** One line: why the file is not a list datacustoms reads. */
  readonly skipped: string;
  /** Set when the file is read as part of another (OFAC alt/add/comments files). */
  readonly companionOf?: string;
}

export type ParseOutcome = ParsedList | SkippedFile;

export function isSkipped(o: ParseOutcome): o is SkippedFile {
  return 'skipped' in o;
}

/** What a format parser returns; `parse.ts` adds the list date and provenance. */
export interface FormatResult {
  readonly list: ListId;
  readonly entries: readonly ListEntry[];
  readonly rows: number;
  /** A date the file states about itself. */
  readonly fileDate?: string;
  /** The latest listing date among the entries. */
  readonly latestEntryDate?: string;
  readonly notes: readonly string[];
  readonly categories?: readonly ListCategory[];
}

/**
 * Which list format a file holds, from its first bytes: the CSV header (or, for OFAC's
 * header-less files, the shape of the first row), or the JSON shape. Never from the file name
 * alone — except to tell OFAC's SDN file from its consolidated (non-SDN) one, which share a
 * layout and differ only in name (`sdn.csv` vs `cons_prim.csv`).
 */
import { basename, extname } from 'node:path';
import { iterateCsv, sniffDelimiter } from './csv.js';
import { headerKey } from './table.js';
import { ofacShape, type OfacFileKind } from './formats/ofac-legacy.js';
import { DOD_1260H_COLUMNS } from './formats/dod-1260h.js';
import { FCC_ENTITIES_COLUMNS, FCC_TABLE_COLUMNS } from './formats/fcc-covered.js';
import { CN_COUNTERSANCTIONS_COLUMNS } from './formats/cn-countersanctions.js';
import { BIS_MIEU_COLUMNS } from './formats/bis-mieu.js';
import { CSL_COLUMNS } from './formats/trade-csl.js';
import { looksLikeFtmEntity } from './formats/ftm.js';
import type { ListFormat } from './types.js';

export type Detection =
  | { readonly kind: 'csv'; readonly format: Exclude<ListFormat, 'ofac-legacy-csv' | 'csl-json' | 'ftm-jsonl'>; readonly delimiter: string }
  | { readonly kind: 'ofac'; readonly part: OfacFileKind }
  | { readonly kind: 'json'; readonly format: 'csl-json' | 'ftm-jsonl' }
  | { readonly kind: 'unrecognized'; readonly reason: string };

const CSV_FORMATS: readonly { format: Extract<Detection, { kind: 'csv' }>['format']; columns: readonly string[] }[] = [
  { format: 'dod-1260h-csv', columns: DOD_1260H_COLUMNS },
  { format: 'fcc-covered-csv', columns: FCC_TABLE_COLUMNS },
  { format: 'fcc-entities-csv', columns: FCC_ENTITIES_COLUMNS },
  { format: 'cn-countersanctions-csv', columns: CN_COUNTERSANCTIONS_COLUMNS },
  { format: 'bis-mieu-csv', columns: BIS_MIEU_COLUMNS },
  { format: 'csl-csv', columns: CSL_COLUMNS },
];

const KIND_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.md': 'Markdown notes',
  '.markdown': 'Markdown notes',
  '.txt': 'plain text',
  '.yml': 'YAML',
  '.yaml': 'YAML',
  '.xml': 'XML',
  '.html': 'HTML',
  '.pdf': 'PDF',
  '.xlsx': 'a spreadsheet',
  '.zip': 'a zip archive',
};

/** Detects the format from the decoded start of a file. */
export function detectFormat(file: string, head: string): Detection {
  const ext = extname(file).toLowerCase();
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  if (trimmed === '') return { kind: 'unrecognized', reason: 'empty file' };
  const known = KIND_BY_EXTENSION[ext];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return detectJson(trimmed);
  const firstLine = trimmed.slice(0, Math.max(0, trimmed.search(/\r?\n|\r|$/)));
  let first: string[] | undefined;
  let delimiter = ',';
  try {
    delimiter = sniffDelimiter(firstLine);
    for (const rec of iterateCsv(trimmed, { file, delimiter })) {
      first = rec.fields;
      break;
    }
  } catch {
    first = undefined;
  }
  if (first && first.length > 1) {
    const keys = new Set(first.map(headerKey));
    for (const f of CSV_FORMATS) if (f.columns.every((c) => keys.has(c))) return { kind: 'csv', format: f.format, delimiter };
    const part = delimiter === ',' ? ofacShape(first) : undefined;
    if (part) return { kind: 'ofac', part };
    if (!known) {
      const cols = first.slice(0, 4).map((c) => c.trim().slice(0, 24)).join(', ');
      return { kind: 'unrecognized', reason: `CSV whose header is not a known list layout (${cols}${first.length > 4 ? ', …' : ''})` };
    }
  }
  return { kind: 'unrecognized', reason: `${known ?? 'text'}, not a list file` };
}

function detectJson(text: string): Detection {
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  try {
    const v: unknown = JSON.parse(firstLine);
    if (looksLikeFtmEntity(v)) return { kind: 'json', format: 'ftm-jsonl' };
  } catch {
    // Not one object per line; maybe one JSON document.
  }
  // The CSL JSON: recognisable from its keys even when the head cuts the document short.
  if (/"(results|sources_used|search_performed_at)"\s*:/.test(text) && /"(entity_number|alt_names|source_list_url|source)"\s*:/.test(text)) {
    return { kind: 'json', format: 'csl-json' };
  }
  if (/^\[\s*\{/.test(text) && /"alt_names"\s*:/.test(text) && /"source"\s*:/.test(text)) return { kind: 'json', format: 'csl-json' };
  return { kind: 'unrecognized', reason: 'JSON that is neither the trade.gov CSL shape nor FollowTheMoney entities' };
}

/** OFAC's SDN and consolidated files share a layout; their published names tell them apart. */
export function ofacListOf(file: string): 'ofac.sdn' | 'ofac.cons' {
  return /cons/i.test(basename(file)) ? 'ofac.cons' : 'ofac.sdn';
}

/**
 * Loads OSV advisories from files, directories (recursively: every `*.json` and `*.zip`) and zip
 * archives (every `*.json` entry, as in OSV's `<ecosystem>/all.zip` exports), in a stable order.
 *
 * When two records share an `id`, the one with the later `modified` is authoritative (OSV
 * schema, "id, modified fields"); withdrawn records are set aside and counted.
 */
import { readdirSync, statSync } from 'node:fs';
import { refuseDevice } from '../../common/input-kind.js';
import { readWhole } from '../../common/read-whole.js';

/** Largest advisory file or zip read (OSV's largest ecosystem archives are some hundreds of MB; Node reads at most 2 GiB at once). */
const MAX_ADVISORY_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
import { join } from 'node:path';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { InputError } from '../../common/errors.js';
import { fsReason } from '../../common/fs-errors.js';
import { locateInJson, parseJson } from '../read/json.js';
import { decodeUtf8 } from '../../common/utf8.js';
import type { OsvAdvisory } from './model.js';
import { parseAdvisoryDocument } from './parse.js';

export interface AdvisorySet {
  /** Active advisories, sorted by id. */
  readonly advisories: readonly OsvAdvisory[];
  /** Documents read (files and zip entries). */
  readonly documents: number;
  /** Records set aside because `withdrawn` is present. */
  readonly withdrawn: readonly string[];
  /** Records replaced by a later `modified` record with the same id. */
  readonly superseded: number;
}

/** What `decodeUtf8` says an advisory file should be when its bytes are not UTF-8. */
const EXPECTED = 'an OSV advisory is JSON text in UTF-8';

function readBytes(file: string): Uint8Array {
  refuseDevice(file);
  try {
    return readWhole(file, 'an advisory file or archive', MAX_ADVISORY_FILE_BYTES);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file, message: `cannot read advisories: ${fsReason(e)}` });
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Largest zip entry inflated (its size as the archive declares it; fflate never inflates past the
 * declared size). An OSV record is kilobytes, a whole ecosystem's array some hundreds of MB; a
 * larger entry is a zip bomb (a few MB that inflate to gigabytes), refused before it is inflated.
 */
export const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;
/** Largest total of the `.json` entries of one archive, as declared. */
export const MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024 * 1024;

const mib = (n: number): string => `${Math.round(n / (1024 * 1024))} MiB`;

function unzip(file: string, bytes: Uint8Array, filter: (f: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file, message: `not a readable zip archive: ${e instanceof Error ? e.message : String(e)}` });
  }
}

const isJsonEntry = (f: UnzipFileInfo): boolean => f.name.toLowerCase().endsWith('.json') && !f.name.endsWith('/');

function fromZip(file: string, bytes: Uint8Array, out: OsvAdvisory[]): number {
  // first the central directory alone (nothing inflated): which entries, and how big they say they are
  const sizes = new Map<string, number>();
  let total = 0;
  unzip(file, bytes, (f) => {
    if (!isJsonEntry(f)) return false;
    if (f.originalSize > MAX_ZIP_ENTRY_BYTES) {
      throw new InputError({ file: `${file}!${f.name}`, message: `zip entry inflates to ${mib(f.originalSize)}, over the ${mib(MAX_ZIP_ENTRY_BYTES)} an advisory file may take (a zip bomb?)` });
    }
    total += f.originalSize;
    sizes.set(f.name, Math.max(sizes.get(f.name) ?? 0, f.originalSize));
    return false;
  });
  if (total > MAX_ZIP_TOTAL_BYTES) {
    throw new InputError({ file, message: `zip archive's .json entries inflate to ${mib(total)}, over the ${mib(MAX_ZIP_TOTAL_BYTES)} one archive may take (a zip bomb?)` });
  }
  const names = [...sizes.keys()].sort();
  // an archive without a single record is a wrong path, not "no advisory affects anything"
  if (names.length === 0) throw new InputError({ file, message: 'zip archive holds no .json entry (OSV advisories)' });
  // then inflate in batches of at most MAX_ZIP_ENTRY_BYTES, so that memory holds one batch at a time
  for (let i = 0; i < names.length; ) {
    const batch = new Set<string>();
    let size = 0;
    for (; i < names.length && (batch.size === 0 || size + sizes.get(names[i]!)! <= MAX_ZIP_ENTRY_BYTES); i++) {
      batch.add(names[i]!);
      size += sizes.get(names[i]!)!;
    }
    const entries = unzip(file, bytes, (f) => batch.has(f.name));
    for (const name of [...batch]) {
      const source = `${file}!${name}`;
      out.push(...parseDocument(decodeUtf8(entries[name]!, source, EXPECTED), source));
    }
  }
  return names.length;
}

function fromFile(file: string, out: OsvAdvisory[]): number {
  const bytes = readBytes(file);
  if (isZip(bytes)) return fromZip(file, bytes, out);
  out.push(...parseDocument(decodeUtf8(bytes, file, EXPECTED), file));
  return 1;
}

/** One advisory document; a bad field is named with the line and column of its value. */
function parseDocument(text: string, source: string): OsvAdvisory[] {
  const doc = parseJson(text, source);
  try {
    return parseAdvisoryDocument(doc, source);
  } catch (e) {
    if (e instanceof InputError) throw locateInJson(e, text, source);
    throw e;
  }
}

function walk(dir: string, files: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError({ file: dir, message: `cannot read advisories: ${fsReason(e)}` });
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, files);
    else if (/\.(json|zip)$/i.test(entry.name)) files.push(p);
  }
}

/** Reads every advisory under the given paths. */
export function loadAdvisories(paths: readonly string[]): AdvisorySet {
  const all: OsvAdvisory[] = [];
  let documents = 0;
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      throw new InputError({ file: path, message: `cannot read advisories: ${fsReason(e)}` });
    }
    if (!isDir) {
      documents += fromFile(path, all);
      continue;
    }
    const files: string[] = [];
    walk(path, files);
    // an empty directory (a wrong path, an export not unpacked yet) would pass every SBOM as clean
    if (files.length === 0) throw new InputError({ file: path, message: 'directory holds no .json or .zip file (OSV advisories)' });
    for (const f of files) documents += fromFile(f, all);
  }
  return selectCurrent(all, documents);
}

/** Keeps the latest `modified` record per id and sets withdrawn ones aside. */
export function selectCurrent(all: readonly OsvAdvisory[], documents: number): AdvisorySet {
  const byId = new Map<string, OsvAdvisory>();
  let superseded = 0;
  for (const a of all) {
    const prev = byId.get(a.id);
    if (prev === undefined) {
      byId.set(a.id, a);
      continue;
    }
    superseded++;
    if (timeOf(a.modified) > timeOf(prev.modified)) byId.set(a.id, a);
  }
  const ids = [...byId.keys()].sort();
  const advisories: OsvAdvisory[] = [];
  const withdrawn: string[] = [];
  for (const id of ids) {
    const a = byId.get(id)!;
    if (a.withdrawn !== undefined) withdrawn.push(id);
    else advisories.push(a);
  }
  return { advisories, documents, withdrawn, superseded };
}

function timeOf(stamp: string): number {
  const t = Date.parse(stamp);
  return Number.isNaN(t) ? -Infinity : t;
}

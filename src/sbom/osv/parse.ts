/**
 * Validates one OSV record (or a JSON array of them) into the matcher's model. Structure the
 * evaluation depends on is checked and a violation is bad input naming the file and field
 * (`affected[0].ranges[1].events[2]`); fields the matcher does not read are not checked.
 */
import { InputError } from '../../common/errors.js';
import { isObject } from '../read/json.js';
import { EVENT_KINDS, type EventKind, type OsvAdvisory, type OsvAffected, type OsvEvent, type OsvRange, type OsvSeverity } from './model.js';

class Reader {
  constructor(
    readonly file: string,
    readonly prefix: string,
  ) {}
  fail(path: string, message: string): never {
    const full = this.prefix === '' || path === '' || path.startsWith('[') ? this.prefix + path : `${this.prefix}.${path}`;
    throw new InputError({ file: this.file, path: full, message });
  }
  obj(v: unknown, path: string): Record<string, unknown> {
    if (!isObject(v)) this.fail(path, 'expected an object');
    return v;
  }
  arr(v: unknown, path: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(path, 'expected an array');
    return v;
  }
  str(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, v === undefined ? 'required string is missing' : `expected a string, got ${typeof v}`);
    return v;
  }
  optStr(v: unknown, path: string): string | undefined {
    return v === undefined || v === null ? undefined : this.str(v, path);
  }
  strings(v: unknown, path: string): string[] {
    return this.arr(v, path).map((s, i) => this.str(s, `${path}[${i}]`));
  }
}

function severities(r: Reader, v: unknown, path: string): OsvSeverity[] {
  return r.arr(v, path).map((s, i) => {
    const o = r.obj(s, `${path}[${i}]`);
    return { type: r.str(o['type'], `${path}[${i}].type`), score: r.str(o['score'], `${path}[${i}].score`) };
  });
}

function event(r: Reader, v: unknown, path: string): OsvEvent {
  const o = r.obj(v, path);
  const keys = Object.keys(o);
  const kinds = keys.filter((k): k is EventKind => (EVENT_KINDS as readonly string[]).includes(k));
  if (kinds.length !== 1 || keys.length !== 1) {
    r.fail(path, `expected exactly one of ${EVENT_KINDS.join(', ')}, got ${keys.length ? keys.join(', ') : 'none'}`);
  }
  const kind = kinds[0]!;
  const version = r.str(o[kind], `${path}.${kind}`);
  if (version === '') r.fail(`${path}.${kind}`, 'empty version');
  return { kind, version };
}

function range(r: Reader, v: unknown, path: string): OsvRange {
  const o = r.obj(v, path);
  const type = r.str(o['type'], `${path}.type`);
  const events = r.arr(o['events'], `${path}.events`).map((e, i) => event(r, e, `${path}.events[${i}]`));
  // A range without an "introduced" event (the schema requires one) can never match: it is kept as is.
  return { type, events };
}

function affected(r: Reader, v: unknown, path: string): OsvAffected | undefined {
  const o = r.obj(v, path);
  if (o['package'] === undefined) return undefined; // e.g. GIT-only entries: nothing to match a purl against
  const pkg = r.obj(o['package'], `${path}.package`);
  const ecosystem = r.str(pkg['ecosystem'], `${path}.package.ecosystem`);
  const name = r.str(pkg['name'], `${path}.package.name`);
  const ranges = r.arr(o['ranges'], `${path}.ranges`).map((x, i) => range(r, x, `${path}.ranges[${i}]`));
  const versions = r.strings(o['versions'], `${path}.versions`);
  const db = o['database_specific'];
  const hint = isObject(db) && typeof db['last_known_affected_version_range'] === 'string' ? db['last_known_affected_version_range'] : undefined;
  return {
    ecosystem,
    name,
    ranges,
    versions,
    severity: severities(r, o['severity'], `${path}.severity`),
    ...(hint !== undefined ? { lastKnownAffected: hint } : {}),
  };
}

/** Parses one OSV record. `prefix` is prepended to field paths (for records inside an array). */
export function parseAdvisory(v: unknown, source: string, prefix = ''): OsvAdvisory {
  const r = new Reader(source, prefix);
  const o = r.obj(v, prefix ? '' : '(document)');
  const id = r.str(o['id'], 'id');
  if (id.trim() === '') r.fail('id', 'empty id');
  const db = o['database_specific'];
  const dbSeverity = isObject(db) && typeof db['severity'] === 'string' && db['severity'].trim() !== '' ? db['severity'].trim().toUpperCase() : undefined;
  const published = r.optStr(o['published'], 'published');
  const withdrawn = r.optStr(o['withdrawn'], 'withdrawn');
  const summary = r.optStr(o['summary'], 'summary');
  return {
    id,
    modified: r.str(o['modified'], 'modified'),
    ...(published !== undefined ? { published } : {}),
    ...(withdrawn !== undefined ? { withdrawn } : {}),
    ...(summary !== undefined ? { summary } : {}),
    aliases: r.strings(o['aliases'], 'aliases'),
    severity: severities(r, o['severity'], 'severity'),
    ...(dbSeverity !== undefined ? { databaseSeverity: dbSeverity } : {}),
    affected: r
      .arr(o['affected'], 'affected')
      .map((a, i) => affected(r, a, `affected[${i}]`))
      .filter((a): a is OsvAffected => a !== undefined),
    source,
  };
}

/** Parses a document holding one OSV record or a JSON array of records. */
export function parseAdvisoryDocument(doc: unknown, source: string): OsvAdvisory[] {
  if (Array.isArray(doc)) return doc.map((d, i) => parseAdvisory(d, source, `[${i}]`));
  return [parseAdvisory(doc, source)];
}

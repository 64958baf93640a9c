/**
 * Test doubles for the sources layer (used by *.test.ts only): a scanner that records what it
 * is given, plain readers, and a detector that knows e-mail addresses.
 */
import type { Detection, DetectFn, MaskFn, SourceScanner, SourceScanResult, TextInput } from '../core/types.js';
import type { SourceContext, TextReaders } from './types.js';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { openTarget } from './index.js';

export interface Recorded {
  record: string | number;
  fields: [string, string][];
}

export function recordingScanner(): SourceScanner & { records: Recorded[] } {
  const records: Recorded[] = [];
  let open: Recorded | undefined;
  return {
    records,
    scanRecord(record, fields) {
      records.push({ record, fields: [...fields].map(([f, v]) => [f, v] as [string, string]) });
    },
    beginRecord(record) {
      open = { record, fields: [] };
    },
    scanField(field, value) {
      open?.fields.push([field, value]);
    },
    endRecord() {
      if (open) records.push(open);
      open = undefined;
    },
    setRecordId(record) {
      if (open) open.record = record;
    },
    result(): SourceScanResult {
      return { records: records.length, fields: [], findings: [], findingsTotal: 0, findingsTruncated: false, categories: {} };
    },
  };
}

async function text(input: TextInput): Promise<string> {
  let s = '';
  const d = new TextDecoder();
  for await (const c of input as AsyncIterable<string | Uint8Array>) s += typeof c === 'string' ? c : d.decode(c, { stream: true });
  return s;
}

/** Readers that record which one was called, with what options and text. */
export function plainReaders(): TextReaders & { calls: { reader: string; opts: unknown; text: string }[] } {
  const calls: { reader: string; opts: unknown; text: string }[] = [];
  return {
    calls,
    async readCsv(input, opts, scanner) {
      const t = await text(input);
      calls.push({ reader: 'csv', opts, text: t });
      const lines = t.split(/\r?\n/).filter((l) => l.length > 0);
      const header = (lines.shift() ?? '').split(opts.delimiter ?? ',');
      lines.forEach((l, i) => scanner.scanRecord(i + 1, l.split(opts.delimiter ?? ',').map((v, j) => [header[j] ?? String(j + 1), v] as const)));
      return { records: lines.length, units: t.length };
    },
    async readJsonLines(input, opts, scanner) {
      const t = await text(input);
      calls.push({ reader: 'jsonl', opts, text: t });
      const lines = t.split('\n').filter((l) => l.trim().length > 0);
      lines.forEach((l, i) => {
        const o = JSON.parse(l) as Record<string, unknown>;
        scanner.scanRecord(i + 1, Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
      });
      return { records: lines.length, units: t.length };
    },
    async readText(input, opts, scanner) {
      const t = await text(input);
      calls.push({ reader: 'text', opts, text: t });
      const lines = t.split('\n');
      lines.forEach((l, i) => scanner.scanRecord(i + 1, [['text', l]]));
      return { records: lines.length, units: t.length };
    },
  };
}

export const emailDetect: DetectFn = (value) => {
  const out: Detection[] = [];
  for (const m of value.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) {
    out.push({ type: 'email', start: m.index, end: m.index + m[0].length, confidence: 0.9, category: 'contact' });
  }
  return out;
};

export const starMask: MaskFn = (value, d) => {
  const s = value.slice(d.start, d.end);
  return s.length <= 2 ? '*'.repeat(s.length) : s[0] + '*'.repeat(s.length - 2) + s[s.length - 1];
};

export function testContext(over: Partial<SourceContext> = {}): SourceContext & { readers: ReturnType<typeof plainReaders> } {
  return { readers: plainReaders(), detect: emailDetect, mask: starMask, seed: 1, ...over } as SourceContext & { readers: ReturnType<typeof plainReaders> };
}

/**
 * `input` in pieces cut at `points` (clamped to its length, each point once, in order), to feed
 * a reader chunk by chunk: a cut may fall anywhere, inside a multi-byte character or a CRLF too.
 * The pieces before the first and after the last cut are kept even when empty.
 */
export function cutAt(input: string, points: readonly number[]): string[];
export function cutAt(input: Buffer, points: readonly number[]): Buffer[];
export function cutAt(input: string | Buffer, points: readonly number[]): (string | Buffer)[] {
  const piece = (a: number, b: number) => (typeof input === 'string' ? input.slice(a, b) : input.subarray(a, b));
  const ps = [...new Set(points.map((p) => Math.max(0, Math.min(input.length, p))))].sort((a, b) => a - b);
  const out: (string | Buffer)[] = [];
  let last = 0;
  for (const p of ps) {
    out.push(piece(last, p));
    last = p;
  }
  out.push(piece(last, input.length));
  return out;
}

/** Every unit of a target scanned into recording scanners: what each recorded, its outcome and progress, and what the target skipped. */
export async function scanTarget(target: string, ctx: SourceContext = testContext()) {
  const g = await openTarget(target, ctx);
  const units = [];
  try {
    for (const u of g.units) {
      const s = recordingScanner();
      const progress: number[] = [];
      const outcome = await u.run(s, (d) => progress.push(d));
      units.push({ name: u.name, size: u.size, outcome, records: s.records, progress });
    }
  } finally {
    await g.close();
  }
  return { units, skipped: g.skipped };
}

/** The local servers the database tests run against (.ci/run starts them). */
export const PG_URL = process.env['DATACUSTOMS_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MY_URL = process.env['DATACUSTOMS_TEST_MYSQL'] ?? 'mysql://root@127.0.0.1:3306/test';

/** An administrative connection to the test PostgreSQL, or an error saying how to get one. */
export async function pgAdmin(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${PG_URL} (${(e as Error).message}); start it (.ci/run does) or set DATACUSTOMS_TEST_PG`);
  }
  return admin;
}

/** An administrative connection to the test MariaDB/MySQL, or an error saying how to get one. */
export async function myAdmin(): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({ uri: MY_URL });
  } catch (e) {
    throw new Error(`MariaDB/MySQL is not reachable at ${MY_URL} (${(e as Error).message}); start it (.ci/run does) or set DATACUSTOMS_TEST_MYSQL`);
  }
}

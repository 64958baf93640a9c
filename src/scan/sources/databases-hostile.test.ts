/**
 * Database scanning as a demanding user hits it: odd identifiers, keys that are themselves
 * sensitive values, awkward column types, views and inheritance, URLs whose password holds
 * URL syntax. Against the real PostgreSQL and MariaDB on this machine (.ci/run starts them)
 * and SQLite files; every test makes its own `qa_h3_`-prefixed objects and drops them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import mysql from 'mysql2/promise';
import Database from 'better-sqlite3';
import { InputError } from '../../common/errors.js';
import { detect, mask } from '../detectors/index.js';
import { openTarget } from './index.js';
import { parseDbTarget } from './url.js';
import { recordingScanner, testContext } from './testkit.js';

const PG_URL = process.env['DATACUSTOMS_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MY_URL = process.env['DATACUSTOMS_TEST_MYSQL'] ?? 'mysql://root@127.0.0.1:3306/test';
const tag = `qa_h3_${process.pid}_${Date.now().toString(36)}`;
/** The real detectors and masker, as the scan uses them. */
const realContext = (over = {}) => testContext({ detect, mask, ...over });

async function scanAll(target: string, ctx = realContext()) {
  const g = await openTarget(target, ctx);
  const out = [];
  try {
    for (const u of g.units) {
      const s = recordingScanner();
      const outcome = await u.run(s, () => undefined);
      out.push({ name: u.name, outcome, records: s.records });
    }
  } finally {
    await g.close();
  }
  return { units: out, skipped: g.skipped };
}

const fieldsOf = (r: { fields: [string, string][] }) => Object.fromEntries(r.fields);

describe('database URLs whose password holds URL syntax', () => {
  it('refuses a URL with "@" after the host, never showing the password that a "/", "?" or "#" in it cut short', () => {
    // each parses as a valid URL: the host is the user, the port the password's digits
    for (const [url, secret] of [
      ['postgres://postgres:5432/9999@127.0.0.1:5432/test', '9999'],
      ['mysql://root:2024#Secure@db.example:3306/shop', 'Secure'],
      ['postgres://app:1?x=Hunter@db/crm', 'Hunter'],
      ['postgres://app:p@ss/word@db/crm', 'ss/word'],
      ['mysql://root:@x/y@db/shop', '@x/y'],
    ] as const) {
      let err: unknown;
      try {
        parseDbTarget(url);
      } catch (e) {
        err = e;
      }
      expect(err, url).toBeInstanceOf(InputError);
      expect((err as Error).message, url).not.toContain(secret);
      expect((err as Error).message, url).toMatch(/percent-encode/);
    }
    // an encoded password is fine
    expect(parseDbTarget('mysql://root:2024%23Secure@db.example:3306/shop').label).toBe('mysql://root@db.example:3306/shop');
  });
});

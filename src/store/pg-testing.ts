/**
 * Test-only: a fresh PostgreSQL database for each store test, on the local server the scan
 * tests use (PG_URL, src/scan/sources/testkit.ts; .ci/run starts it), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { PG_URL, pgAdmin } from '../scan/sources/testkit.js';

export { PG_URL, pgAdmin };

const made: string[] = [];

/** Makes an empty database and returns its URL (PG_URL with the database replaced). */
export async function freshPgDatabase(options: { icuLocale?: string } = {}): Promise<string> {
  const name = `dc_store_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await pgAdmin();
  try {
    const locale = options.icuLocale ? ` template template0 locale_provider icu icu_locale '${options.icuLocale}'` : '';
    await admin.query(`create database ${name}${locale}`);
  } finally {
    await admin.end();
  }
  made.push(name);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every database {@link freshPgDatabase} made (call in afterEach/afterAll). */
export async function dropPgDatabases(): Promise<void> {
  if (made.length === 0) return;
  const admin = await pgAdmin();
  try {
    for (const name of made.splice(0)) await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

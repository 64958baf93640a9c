/** Test-only: where the read-only ../shared folder (cases, data, reference) sits beside the repo. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = process.env['DATACUSTOMS_SHARED'] ?? join(REPO_ROOT, '..', 'shared');
export const sharedPath = (...parts: string[]): string => join(SHARED_DIR, ...parts);

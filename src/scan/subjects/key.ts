/**
 * The secret behind every subject hash. One per installation, kept in
 * `.datacustoms/scan.key` (created on first use, mode 0600) under the working directory, or
 * given explicitly (`--key`, `DATACUSTOMS_SCAN_KEY`). Sketches made with different keys
 * cannot be merged: each carries the key's fingerprint, never the key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../common/errors.js';
import { sipHashString, sipKeyFromBytes, type SipKey } from './siphash.js';
import { makeDirs } from '../../common/make-dirs.js';

export interface SubjectKey {
  readonly sip: SipKey;
  /** 16 hex digits identifying the key (a hash of it under itself), safe to store. */
  readonly fingerprint: string;
}

/** Derives the hashing key from any secret string (hex from the key file, or a passphrase). */
export function subjectKeyFrom(secret: string): SubjectKey {
  if (secret.length === 0) throw new InputError({ file: '<argv>', path: '--key', message: 'the key is empty' });
  const bytes = createHash('sha256').update('datacustoms scan key v1\0').update(secret, 'utf8').digest();
  const sip = sipKeyFromBytes(bytes.subarray(0, 16));
  const f = sipHashString(sip, 'datacustoms key fingerprint');
  return { sip, fingerprint: f.hi.toString(16).padStart(8, '0') + f.lo.toString(16).padStart(8, '0') };
}

export const KEY_FILE = 'scan.key';

/**
 * The installation key: `explicit` if given, else $DATACUSTOMS_SCAN_KEY, else the key file in
 * `<stateDir>` (default `.datacustoms` in the working directory), created when missing.
 */
export function loadSubjectKey(opts: { explicit?: string; stateDir?: string } = {}): SubjectKey {
  if (opts.explicit !== undefined) return subjectKeyFrom(opts.explicit);
  const env = process.env['DATACUSTOMS_SCAN_KEY'];
  if (env) return subjectKeyFrom(env);
  const dir = opts.stateDir ?? '.datacustoms';
  const file = join(dir, KEY_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(text)) throw new InputError({ file, line: 1, message: 'expected 64 hex digits (a scan key); delete the file to make a new one' });
    return subjectKeyFrom(text);
  }
  makeDirs(dir);
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return subjectKeyFrom(secret);
}

/**
 * Files the user names are read whole: a device such as /dev/zero or /dev/urandom never ends, so
 * reading it would hang until memory runs out. Regular files and pipes (`<(…)`) are read.
 */
import { statSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';

/** Throws an {@link InputError} for a device or socket; `st` is the path's stat when already taken. */
export function refuseDevice(path: string, st?: Stats): void {
  let s = st;
  if (!s) {
    try {
      s = statSync(path);
    } catch {
      return; // the read that follows names the problem
    }
  }
  if (s.isCharacterDevice() || s.isBlockDevice() || s.isSocket()) {
    throw new InputError({ file: path, message: 'not a regular file (a device or socket): name a file' });
  }
}

/** Plain words for the file-system errors a user can cause by naming a wrong path. */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** `no such file or directory (ENOENT)`, or the error's own code or message when it has no word here. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return WORDS[code] !== undefined ? `${WORDS[code]} (${code})` : code;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Why a path given on the command line cannot be looked at (its `stat` failed): a link loop, a
 * folder on the way it may not enter, or else nothing there — `no such file or <noun>`.
 */
export function unreachablePath(e: unknown, noun: 'directory' | 'folder'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return 'a symbolic link that loops back on itself';
  if (code === 'EACCES') return 'permission denied: cannot look into the folder that holds it';
  return `no such file or ${noun}`;
}

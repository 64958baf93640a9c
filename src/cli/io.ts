import { closeSync, fchmodSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../common/errors.js';
import { makeDirs } from '../common/make-dirs.js';

/** Where a command writes. Tests pass their own; the CLI passes process streams. */
export interface Io {
  out(text: string): void;
  /** Writes UTF-8 bytes to the same stream as `out` (large outputs written in chunks). */
  outBytes(bytes: Uint8Array): void;
  err(text: string): void;
  /** True when stdout is a terminal (colours, progress bars). */
  readonly isTTY: boolean;
  /** True when stderr is a terminal: progress may be drawn there even when stdout is a file. */
  readonly errIsTTY: boolean;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  outBytes: (b) => void process.stdout.write(b),
  err: (t) => void process.stderr.write(t),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
  get errIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

/** Collects output in memory (tests, library callers). */
export function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return {
    out: (t) => void (o += t),
    outBytes: (b) => void (o += utf8.decode(b, { stream: true })),
    err: (t) => void (e += t),
    isTTY: false,
    errIsTTY: false,
    stdout: () => o,
    stderr: () => e,
  };
}

/**
 * The file a write to `path` should replace: `path` itself, or, when it is a symbolic link, the
 * file it points to (a dangling link: the file it names, which the write creates). Renaming over
 * the link itself would replace it with a copy and leave the file it pointed to unchanged.
 */
export function writeTarget(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path; // nothing there yet
  }
  try {
    return realpathSync(path);
  } catch {
    return resolve(dirname(path), readlinkSync(path));
  }
}

/**
 * Writes a file atomically: to a temporary sibling first, then renamed over the target, so a
 * failure never leaves a half-written file behind; on any failure the temporary file is removed
 * and the error rethrown. A file replaced keeps its permission bits (a new one gets the default
 * mode, as `writeFileSync` gives). A symbolic link is written through ({@link writeTarget}).
 */
export function writeFileAtomic(to: string, data: string | Uint8Array): void {
  const staged = stageFile(to, data);
  try {
    renameSync(staged.tmp, staged.path);
  } catch (e) {
    rmSync(staged.tmp, { force: true });
    throw e;
  }
}

/** A file written in full under a temporary name beside its target, not yet in place. */
interface StagedFile {
  readonly tmp: string;
  readonly path: string;
  /** The first folder created for it, if any (removed again when the write is abandoned). */
  readonly madeDir: string | undefined;
}

/** Writes `data` to a temporary file beside the target (through a symbolic link to it); nothing is replaced yet. */
function stageFile(to: string, data: string | Uint8Array): StagedFile {
  const path = writeTarget(to);
  const madeDir = makeDirs(dirname(path));
  const mode = existingMode(path);
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    // 'wx': a file of that name that is not ours is neither overwritten nor removed
    const fd = openSync(tmp, 'wx', mode ?? 0o666);
    try {
      try {
        writeFileSync(fd, data);
        // the mode given to open is narrowed by the umask: set the replaced file's bits exactly
        if (mode !== undefined) fchmodSync(fd, mode);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  } catch (e) {
    if (madeDir !== undefined) rmSync(madeDir, { recursive: true, force: true });
    throw e;
  }
  return { tmp, path, madeDir };
}

/**
 * Writes output files the user named (-o, a drafts folder): every target is checked first — an
 * existing folder, device or other non-file is not replaced, and its folder must be a folder or
 * creatable — so a bad target writes nothing. A target the system refuses (permissions, a
 * read-only or full disk) is an {@link InputError} naming the file, not an internal error.
 */
export function writeOutputFiles(files: readonly { path: string; data: string | Uint8Array }[]): void {
  for (const f of files) checkOutputTarget(f.path);
  // Every file is written in full first; only then are they put in place. A file the system
  // refuses leaves none of them, and no folder made for them.
  const staged: StagedFile[] = [];
  const abandon = () => {
    for (const s of staged.reverse()) {
      rmSync(s.tmp, { force: true });
      if (s.madeDir !== undefined) rmSync(s.madeDir, { recursive: true, force: true });
    }
  };
  for (const f of files) {
    try {
      staged.push(stageFile(f.path, f.data));
    } catch (e) {
      abandon();
      const err = e as NodeJS.ErrnoException;
      if (typeof err.code !== 'string') throw e;
      throw new InputError({ file: f.path, message: `cannot write the file: ${systemReason(err)}` });
    }
  }
  for (let i = 0; i < staged.length; i++) {
    const s = staged[i]!;
    try {
      renameSync(s.tmp, s.path);
    } catch (e) {
      for (const rest of staged.slice(i)) rmSync(rest.tmp, { force: true });
      const err = e as NodeJS.ErrnoException;
      if (typeof err.code !== 'string') throw e;
      throw new InputError({ file: s.path, message: `cannot write the file: ${systemReason(err)}` });
    }
  }
}

function checkOutputTarget(path: string): void {
  const st = statOrUndefined(path);
  if (st && !st.isFile()) {
    throw new InputError({ file: path, message: `cannot write the file: ${st.isDirectory() ? 'it is a folder' : 'it exists and is not a regular file'}; name a file to write` });
  }
  // The nearest existing ancestor of its folder must be a folder (the rest is created).
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const d = statOrUndefined(dir);
    if (d) {
      if (!d.isDirectory()) throw new InputError({ file: path, message: `cannot write the file: ${dir} is not a folder` });
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** "permission denied (EACCES)": the system's reason without the call and path Node adds. */
function systemReason(e: NodeJS.ErrnoException): string {
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(e.message);
  return `${m ? m[1] : e.message} (${e.code})`;
}

/** The permission bits of the file at `path`, or undefined when there is none. */
function existingMode(path: string): number | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? st.mode & 0o7777 : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * One line of progress on stderr, redrawn in place, for work that runs without pause (a stage
 * name before each long step); '' clears it. Drawn only when stderr is a terminal.
 */
export function stageLine(io: Io): (text: string) => void {
  let shown = false;
  return (text) => {
    if (!io.errIsTTY || (!shown && text === '')) return;
    io.err(`\r\u001b[2K${text}`);
    shown = text !== '';
  };
}

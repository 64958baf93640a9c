import { closeSync, fchmodSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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
 * Writes a file atomically: to a temporary sibling first, then renamed over the target, so a
 * failure never leaves a half-written file behind; on any failure the temporary file is removed
 * and the error rethrown. A file replaced keeps its permission bits (a new one gets the default
 * mode, as `writeFileSync` gives).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const mode = existingMode(path);
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
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
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
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

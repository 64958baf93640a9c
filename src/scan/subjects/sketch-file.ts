/**
 * Saved subject sketches (`scan --sketch-out FILE`, merged back with `--merge FILE`), so
 * scans of parts — shards, days, databases — add up to distinct subjects over the whole
 * without double counting. The file holds HyperLogLog registers (and, for small sets,
 * keyed 53-bit hash prefixes) plus the key's fingerprint; never a raw value or the key.
 */
import { readWhole } from '../../common/read-whole.js';
import { InputError } from '../../common/errors.js';
import { SubjectCounter } from './counter.js';
import { HyperLogLog } from './hll.js';
import type { SketchFile } from './sketch-schema.js';
import type { SubjectKey } from './key.js';

export const SKETCH_FORMAT = 'datacustoms-subject-sketches';

export type { SketchFile } from './sketch-schema.js';

export interface SketchedSource {
  readonly source: string;
  readonly records: number;
  readonly counter: SubjectCounter;
}

export function sketchFile(key: SubjectKey, sources: readonly SketchedSource[]): SketchFile {
  return {
    format: SKETCH_FORMAT,
    version: 1,
    key: key.fingerprint,
    sources: sources.map((s) => ({ source: s.source, records: s.records, subjects: s.counter.toJSON() as SketchFile['sources'][number]['subjects'] })),
  };
}

/**
 * Reads a sketch file into one counter per source; the key must be the one in use. Its schema
 * (and zod) load only when a file is read: most scans merge nothing.
 */
export async function readSketchFile(file: string, key: SubjectKey): Promise<SketchedSource[]> {
  const { SketchFileSchema } = await import('./sketch-schema.js');
  let text: string;
  try {
    text = readWhole(file, 'a sketch file').toString('utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // not the parser's message: it quotes the file's first characters, which may be a raw value
    throw new InputError({ file, message: 'not a sketch file: not valid JSON' });
  }
  const parsed = SketchFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError({ file, path: issue.path.join('.'), message: `not a datacustoms sketch file: ${issue.message}` });
  }
  if (parsed.data.key !== key.fingerprint) {
    throw new InputError({ file, path: 'key', message: 'made with a different scan key; sketches only merge under the same key (see --key, .datacustoms/scan.key)' });
  }
  return parsed.data.sources.map((s, i) => {
    const counter = new SubjectCounter(key);
    for (const [j, d] of Object.entries(s.subjects)) {
      try {
        counter.mergeSketch(j, HyperLogLog.fromJSON(d));
      } catch (e) {
        throw new InputError({ file, path: `sources[${i}].subjects.${j}`, message: (e as Error).message });
      }
    }
    return { source: s.source, records: s.records, counter };
  });
}

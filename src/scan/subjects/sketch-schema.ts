/**
 * The schema of a saved subject-sketch file (sketch-file.ts), apart so that zod loads only when
 * a sketch file is read.
 */
import { z } from 'zod';
import { SKETCH_FORMAT } from './sketch-file.js';

const SketchDataSchema = z
  .object({
    // any precision parses; HyperLogLog.fromJSON refuses another one with a message saying so
    p: z.number().int(),
    registers: z.string(),
    exact: z.array(z.number().int().nonnegative()).optional(),
  })
  .strict();

export const SketchFileSchema = z
  .object({
    format: z.literal(SKETCH_FORMAT),
    version: z.literal(1),
    key: z.string().regex(/^[0-9a-f]{16}$/),
    sources: z.array(
      z
        .object({
          source: z.string(),
          records: z.number().int().nonnegative(),
          subjects: z.record(z.string().regex(/^[A-Z]{2}$/), SketchDataSchema),
        })
        .strict(),
    ),
  })
  .strict();

export type SketchFile = z.infer<typeof SketchFileSchema>;

/**
 * Parquet files (hyparquet, with the gzip / zstd / brotli / lz4 codecs of
 * hyparquet-compressors): read one row group at a time through a file-backed AsyncBuffer,
 * so memory holds one row group, not the file. Every column is scanned; nested columns are
 * flattened to paths. Record id: the row's `id` column when it has one, else the row number.
 */
import { statSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../../common/errors.js';
import { flatten, idOf } from './flatten.js';
import { safeRecordId } from './record-id.js';
import type { SourceContext, SourceUnit } from './types.js';
import { KeyFolder } from '../core/field-paths.js';

export function parquetUnit(file: string, ctx: SourceContext): SourceUnit {
  return {
    name: file,
    size: statSync(file).size,
    unit: 'bytes',
    async run(scanner, progress) {
      let meta;
      let buffer;
      try {
        buffer = await asyncBufferFromFile(file);
        meta = await parquetMetadataAsync(buffer);
      } catch (e) {
        throw new InputError({ file, message: `not a readable Parquet file: ${(e as Error).message}` });
      }
      const total = Number(meta.num_rows);
      const size = buffer.byteLength;
      let rowStart = 0;
      let recordNo = 0;
      const fields: [string, string][] = [];
      // map columns keyed by ids fold into `*` past a bound (core/field-paths.ts)
      const folder = new KeyFolder();
      for (const rg of meta.row_groups) {
        const rowEnd = rowStart + Number(rg.num_rows);
        let rows;
        try {
          rows = await parquetReadObjects({ file: buffer, metadata: meta, rowStart, rowEnd, compressors, rowFormat: 'object' });
        } catch (e) {
          throw new InputError({ file, message: `cannot read rows ${rowStart + 1}–${rowEnd}: ${(e as Error).message}` });
        }
        for (const row of rows) {
          recordNo++;
          fields.length = 0;
          for (const [k, v] of Object.entries(row)) flatten(v, k, fields, 0, folder);
          scanner.scanRecord(safeRecordId(idOf(row) ?? recordNo, ctx.detect, ctx.mask), fields);
        }
        rowStart = rowEnd;
        progress(total > 0 ? Math.round((rowStart / total) * size) : size);
      }
      return { format: 'parquet' };
    },
  };
}

/**
 * What a source is to the scan driver: something that yields one or more units (a file, a
 * database table), each scanned into its own SourceScanner and reported as one entry of
 * `sources` in the result.
 */
import type {
  CsvOptions,
  DetectFn,
  JsonLinesOptions,
  MaskFn,
  ReadStats,
  SourceScanner,
  TextInput,
  TextOptions,
} from '../core/types.js';
import type { Sample } from '../subjects/extrapolate.js';

/** The text readers of the hot path (src/scan/readers), injected so sources stay testable. */
export interface TextReaders {
  readCsv(input: TextInput, opts: CsvOptions, scanner: SourceScanner): Promise<ReadStats>;
  readJsonLines(input: TextInput, opts: JsonLinesOptions, scanner: SourceScanner): Promise<ReadStats>;
  readText(input: TextInput, opts: TextOptions, scanner: SourceScanner): Promise<ReadStats>;
}

export interface SourceContext {
  readonly readers: TextReaders;
  /** Used to keep record ids (primary keys, `id` fields) from carrying a raw value. */
  readonly detect: DetectFn;
  readonly mask: MaskFn;
  /** Rows per table to sample at random; absent = a full pass. */
  readonly sample?: number;
  /** Seed of the sampling (same seed, same rows). */
  readonly seed: number;
  /** Force a text encoding (an iconv-lite name); default: detected. */
  readonly encoding?: string;
}

/** Progress of one unit, in its own unit of work (bytes for files, rows for tables). */
export type ProgressFn = (done: number) => void;

export interface UnitOutcome {
  /** Set when only a random sample of the table was read. */
  readonly sample?: Sample;
  /** The text encoding that was used, for text files. */
  readonly encoding?: string;
  /** The format the file was read as. */
  readonly format?: string;
}

export interface SourceUnit {
  /** The label of this unit in the report (file path, `url#schema.table`); never a password. */
  readonly name: string;
  /** Total work for the progress bar, in `unit`s, when known. */
  readonly size?: number;
  readonly unit: 'bytes' | 'rows';
  run(scanner: SourceScanner, progress: ProgressFn): Promise<UnitOutcome>;
}

/** A unit that was found but not scanned, and why (binary file, unsupported format, ...). */
export interface Skipped {
  readonly source: string;
  readonly reason: string;
}

export interface SourceGroup {
  readonly units: readonly SourceUnit[];
  readonly skipped: readonly Skipped[];
  /** Releases connections / handles. */
  close(): Promise<void>;
}

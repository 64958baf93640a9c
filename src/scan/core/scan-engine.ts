/**
 * Which detector engine a scan runs: the WebAssembly port (src/scan/wasm/; with it, and the
 * module's CSV and JSON-lines readers, a whole scan of UTF-8 CSV or JSON lines takes about 2–3×
 * less CPU, docs/BENCHMARKS.md) when its module loads, else the TypeScript engine it was ported
 * from (the reference; src/scan/wasm/parity.test.ts holds the two to the same hits).
 *
 * DATACUSTOMS_SCAN_ENGINE=ts or =wasm chooses one (wasm then fails loudly if it cannot load).
 */
import type { FieldContext } from '../detectors/field-context.js';
import * as engineModule from '../detectors/engine.js';
import * as wasmModule from '../wasm/wasm-engine.js';

/** What the scanner reads of an engine (engine.ts `Engine` and wasm-engine.ts `WasmEngine` both have it). */
export interface ScanEngine {
  scan(s: string, from: number, to: number, ctx: FieldContext, minConf: number): void;
  readonly hits: {
    readonly n: number;
    readonly ti: readonly number[];
    readonly start: readonly number[];
    readonly end: readonly number[];
    readonly conf: readonly number[];
    readonly jur: readonly (string | undefined)[];
  };
  readonly s: string;
  readonly offset: number;
  readonly narrowedValue: boolean;
}

export type EngineKind = 'wasm' | 'ts';

let wasmFailed = false;

/** The engine for a new scanner, and which one it is. */
export function createScanEngine(kind: EngineKind | undefined = engineFromEnv()): { engine: ScanEngine; kind: EngineKind } {
  if (kind !== 'ts' && !wasmFailed) {
    try {
      return { engine: wasmModule.createWasmEngine(), kind: 'wasm' };
    } catch (e) {
      if (kind === 'wasm') throw e;
      // a package without its module (or a runtime without WebAssembly): the reference engine
      wasmFailed = true;
    }
  }
  return { engine: new engineModule.Engine(), kind: 'ts' };
}

function engineFromEnv(): EngineKind | undefined {
  const v = process.env['DATACUSTOMS_SCAN_ENGINE'];
  return v === 'ts' || v === 'wasm' ? v : undefined;
}

/**
 * `npx tsx scripts/parity.ts [--types a,b] [--show N] [--random N] [--records N]`: compares the
 * WebAssembly scan engine with the TypeScript engine on the parity inputs and prints the
 * mismatches (rebuild the module first: `npm run build:wasm`).
 */
import { checkParity, corpusInputs, randomInputs, testLiteralInputs } from '../src/scan/wasm/parity.js';
import { createWasmEngine } from '../src/scan/wasm/wasm-engine.js';

const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : undefined;
};
const types = arg('types')?.split(',');
const show = Number(arg('show') ?? 20);
const wasm = createWasmEngine();
const sets = {
  corpus: corpusInputs(Number(arg('records') ?? 2000)),
  literals: testLiteralInputs(),
  random: randomInputs(Number(arg('random') ?? 20000)),
};
let bad = 0;
for (const [name, inputs] of Object.entries(sets)) {
  const r = checkParity(inputs, { wasm, limit: show, ...(types ? { types } : {}) });
  const n = Object.values(r.byType).reduce((a, b) => a + b, 0);
  bad += n;
  process.stdout.write(`${name}: ${r.inputs} inputs, ${n} mismatches ${JSON.stringify(r.byType)}\n`);
  for (const m of r.mismatches.slice(0, show)) process.stdout.write(`  [${m.input.field}] ${JSON.stringify(m.input.value)}\n    ts:   ${m.ts}\n    wasm: ${m.wasm}\n`);
}
process.exit(bad ? 1 : 0);

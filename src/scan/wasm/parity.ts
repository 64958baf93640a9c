/**
 * Parity of the WebAssembly engine with the TypeScript engine (the reference): both scan the
 * same values with the same field contexts, and every hit (type, span, confidence,
 * jurisdiction) and the narrowed reading must be the same.
 *
 * Inputs: the labelled corpus (every column, under its own name and under neutral and
 * free-text names), every string literal of the detector tests (their hand-made and
 * adversarial cases) under a spread of field names, and seeded random strings over an
 * alphabet that makes the detectors' shapes (digits and separators, @ : + ( tabs, hex
 * letters, Han, full-width forms).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusGenerator, Rng } from '../corpus/index.js';
import { Engine } from '../detectors/engine.js';
import { fieldContext } from '../detectors/field-context.js';
import { DETECTION_TYPES } from '../core/types.js';
import { createWasmEngine, type WasmEngine } from './wasm-engine.js';

export interface ParityInput {
  readonly field: string;
  readonly value: string;
}

export interface Mismatch {
  readonly input: ParityInput;
  readonly ts: string;
  readonly wasm: string;
}

export interface ParityReport {
  readonly inputs: number;
  readonly mismatches: readonly Mismatch[];
  /** Mismatches by detection type (of either side's first differing hit). */
  readonly byType: Readonly<Record<string, number>>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Field names that switch the detectors' contexts on (and a few that switch none). */
export const PARITY_FIELDS = [
  'value', 'notes', 'comment', 'name', 'full_name', '姓名', 'phone', '手机号', 'email', 'ssn', 'passport_no', 'address', '住址',
  'dob', 'birth_date', 'card_no', 'routing_number', 'iban', 'ip', 'mac', 'imei', 'idfa', 'lat', 'lng', 'latitude', 'wallet',
  'diagnosis_code', '车牌号', '统一社会信用代码', 'sequence', 'order_no', 'sku', 'app_version', 'version', '身份证号', 'tax_id',
];

/** The corpus: each column under its own name, under "value" and under "notes". */
export function corpusInputs(records: number, seed = 11): ParityInput[] {
  const g = new CorpusGenerator(seed);
  const out: ParityInput[] = [];
  for (let r = 0; r < records; r++) {
    const rec = g.next();
    for (const [field, v] of Object.entries(rec.fields)) {
      out.push({ field, value: v.value });
      if (r % 4 === 0) out.push({ field: 'value', value: v.value }, { field: 'notes', value: `${field}: ${v.value}` });
    }
  }
  return out;
}

/** Every string literal of 3+ characters in the detector and scan QA tests, under several field names. */
export function testLiteralInputs(fieldsPerLiteral = 4): ParityInput[] {
  const dirs = [join(here, '..', 'detectors'), join(here, '..', 'qa'), join(here, '..', 'core')];
  const literals = new Set<string>();
  const re = /'((?:[^'\\\n]|\\.){3,})'|"((?:[^"\\\n]|\\.){3,})"|`((?:[^`\\$]|\\.){3,})`/g;
  for (const dir of dirs) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
    } catch {
      continue;
    }
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(re)) {
        const raw = m[1] ?? m[2] ?? m[3] ?? '';
        literals.add(unescape(raw));
      }
    }
  }
  const out: ParityInput[] = [];
  let k = 0;
  for (const value of literals) {
    for (let q = 0; q < fieldsPerLiteral; q++) out.push({ field: PARITY_FIELDS[(k * 7 + q * 11) % PARITY_FIELDS.length]!, value });
    out.push({ field: 'value', value });
    k++;
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '0' ? '\0' : e;
  });
}

const PIECES = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '9', ' ', ' ', '-', '.', '/', ',', ':', '::', '@', '+', '(', ')', '\t',
  'a', 'b', 'c', 'd', 'e', 'f', 'A', 'B', 'C', 'F', 'X', 'x', 'G', 'T', 'N', 'Z', 'bc1', '0x', 'rs', 'chr', 'Mr ', 'Name: ', 'Sir ',
  'Street', 'Ave.', 'ssn ', 'tel ', 'card ', 'dob ', 'order ', 'version ', 'mac ', 'idfa ', 'lat ', 'iban ', 'passport ', 'imei ',
  '北京市', '朝阳区', '路', '号', '省', '市', '区', '街', '姓名：', '张', '欧阳', '京', 'A', '年', '月', '日', '身份证', '手机', '订单',
  '１', '３', '８', '＠', '（', '）', '－', '．', '　', 'Ａ', '\u00b7', '\u2022', '\uff1a', '\uff0c', 'é', '\ud83d\ude00', '"', "'", '#', '_', '%', '=',
];

/** Seeded random strings over shape-making pieces, each under a random field name. */
export function randomInputs(count: number, seed = 7): ParityInput[] {
  const rng = new Rng(seed);
  const out: ParityInput[] = [];
  for (let k = 0; k < count; k++) {
    const n = rng.int(1, 40);
    let v = '';
    for (let q = 0; q < n; q++) v += PIECES[rng.int(0, PIECES.length - 1)]!;
    // runs of digits make the numeric shapes more often
    if (rng.chance(0.5)) v = v.replace(/\d/g, () => rng.digits(rng.int(1, 6)));
    out.push({ field: PARITY_FIELDS[rng.int(0, PARITY_FIELDS.length - 1)]!, value: v });
  }
  return out;
}

function describeHits(e: { hits: { n: number; ti: number[]; start: number[]; end: number[]; conf: number[]; jur: (string | undefined)[] }; narrowedValue: boolean; offset: number; s: string }, types?: ReadonlySet<string>): string {
  const h = e.hits;
  const parts: string[] = [];
  for (let k = 0; k < h.n; k++) {
    const t = DETECTION_TYPES[h.ti[k]!]!;
    if (types && !types.has(t)) continue;
    parts.push(`${t}[${h.start[k]},${h.end[k]})@${h.conf[k]}${h.jur[k] ? `/${h.jur[k]}` : ''}`);
  }
  if (!types && e.narrowedValue) parts.push(`narrowed@${e.offset}:${e.s}`);
  return parts.join(' ');
}

/**
 * Scans every input with both engines. `types` restricts the comparison to hits of those
 * types (while a part of the port is being written); `minConf` as the scanner passes it.
 */
export function checkParity(inputs: readonly ParityInput[], opts: { types?: readonly string[]; minConf?: number; wasm?: WasmEngine; limit?: number } = {}): ParityReport {
  const ts = new Engine();
  const wasm = opts.wasm ?? createWasmEngine();
  const minConf = opts.minConf ?? 0.5;
  const types = opts.types ? new Set(opts.types) : undefined;
  const mismatches: Mismatch[] = [];
  const byType: Record<string, number> = {};
  for (const input of inputs) {
    const ctx = fieldContext(input.field);
    // a value inside a larger string, as the readers pass it
    const s = `\u0001${input.value}\u0001`;
    ts.scan(s, 1, s.length - 1, ctx, minConf);
    wasm.scan(s, 1, s.length - 1, ctx, minConf);
    const a = describeHits(ts, types);
    const b = describeHits(wasm, types);
    if (a !== b) {
      if (mismatches.length < (opts.limit ?? 200)) mismatches.push({ input, ts: a, wasm: b });
      const first = (a.split(' ')[0] || b.split(' ')[0] || '?').split('[')[0]!;
      byType[first] = (byType[first] ?? 0) + 1;
    }
  }
  return { inputs: inputs.length, mismatches, byType };
}

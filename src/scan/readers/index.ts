/** Streaming text readers: CSV/TSV, JSON lines, plain text (see src/scan/core/types.ts). */
export { readCsv, sniffDelimiter } from './csv.js';
export { readJsonLines } from './jsonl.js';
export { readText, TEXT_FIELD } from './text.js';
export { textChunks, WINDOW_UNITS } from './input.js';

/** Labelled corpus generation and scoring (tests and benchmarks only; imports @faker-js/faker). */
export { CorpusGenerator, COLUMNS, csvHeader, csvRow, csvCell, jsonLine, type Label, type LabelledRecord, type LabelledValue } from './records.js';
export { evaluate, iou, score, IOU_THRESHOLD, type Evaluation, type Prediction, type TypeScore } from './evaluate.js';
export { Rng } from './random.js';

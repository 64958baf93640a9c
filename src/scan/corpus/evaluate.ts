/**
 * Precision / recall / F1 per type against the corpus labels.
 *
 * A prediction matches a label of the same type in the same record and field when their
 * spans overlap with IoU ≥ {@link IOU_THRESHOLD} (presidio-research's span matching); each
 * label matches at most one prediction. Unmatched predictions are false positives,
 * unmatched labels false negatives.
 */
import type { DetectionType } from '../core/types.js';
import type { Label, LabelledRecord } from './records.js';

export const IOU_THRESHOLD = 0.5;

export interface Prediction {
  readonly record: string;
  readonly field: string;
  readonly type: DetectionType;
  readonly start: number;
  readonly end: number;
}

export interface TypeScore {
  readonly type: DetectionType;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  readonly perType: readonly TypeScore[];
  /** Micro-averaged over the given types. */
  readonly micro: TypeScore & { readonly type: DetectionType };
}

export function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : inter / union;
}

const key = (record: string, field: string): string => `${record}\u0000${field}`;

export function score(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Score `predictions` against the labels of `records`. `types` limits the evaluation (labels
 * and predictions of other types are ignored); default: every type that occurs.
 */
export function evaluate(records: Iterable<LabelledRecord>, predictions: Iterable<Prediction>, types?: readonly DetectionType[]): Evaluation {
  const want = types ? new Set(types) : undefined;
  const labels = new Map<string, Label[]>();
  const seenTypes = new Set<DetectionType>();
  for (const rec of records) {
    for (const [field, v] of Object.entries(rec.fields)) {
      const ls = v.labels.filter((l) => !want || want.has(l.type));
      for (const l of ls) seenTypes.add(l.type);
      if (ls.length) labels.set(key(rec.id, field), ls);
    }
  }
  const counts = new Map<DetectionType, { tp: number; fp: number; fn: number }>();
  const c = (t: DetectionType) => {
    let x = counts.get(t);
    if (!x) counts.set(t, (x = { tp: 0, fp: 0, fn: 0 }));
    return x;
  };
  const used = new Map<string, Set<number>>();
  for (const p of predictions) {
    if (want && !want.has(p.type)) continue;
    seenTypes.add(p.type);
    const k = key(p.record, p.field);
    const ls = labels.get(k);
    let hit = -1;
    if (ls) {
      let u = used.get(k);
      if (!u) used.set(k, (u = new Set()));
      let best = IOU_THRESHOLD;
      for (let i = 0; i < ls.length; i++) {
        if (u.has(i) || ls[i]!.type !== p.type) continue;
        const o = iou(ls[i]!, p);
        if (o >= best) {
          best = o;
          hit = i;
        }
      }
      if (hit >= 0) u.add(hit);
    }
    if (hit >= 0) c(p.type).tp++;
    else c(p.type).fp++;
  }
  for (const [k, ls] of labels) {
    const u = used.get(k);
    ls.forEach((l, i) => {
      if (!u?.has(i)) c(l.type).fn++;
    });
  }
  const perType: TypeScore[] = [...seenTypes].sort().map((type) => {
    const x = c(type);
    return { type, ...x, ...score(x.tp, x.fp, x.fn) };
  });
  const tot = perType.reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
  return { perType, micro: { type: 'email', ...tot, ...score(tot.tp, tot.fp, tot.fn) } };
}

/**
 * Detectors: `detect(value, field?)` finds every regulated value in one string, validated
 * (checksums, ranges, calendars) and scored with field and text context; `mask` gives the
 * masked sample of a detection. See docs/scan-detectors.md.
 */
import { DETECTION_TYPES, TYPE_INFO, type Detection } from '../core/types.js';
import { Engine } from './engine.js';
import { fieldContext } from './field-context.js';
import { MIN_CONFIDENCE, current } from './params.js';

export { mask, maskMatch } from './mask.js';
export { fieldContext } from './field-context.js';
export { Engine } from './engine.js';

const engine = new Engine();
const DEFAULT_MIN = current(MIN_CONFIDENCE);

/**
 * All detections in `value`, sorted by start and non-overlapping. `field` is the column or
 * key name the value came from (raises or lowers confidence). Offsets are UTF-16.
 */
export function detect(value: string, field?: string, minConfidence = DEFAULT_MIN): Detection[] {
  engine.scan(value, 0, value.length, fieldContext(field), minConfidence);
  const h = engine.hits;
  const out: Detection[] = [];
  for (let k = 0; k < h.n; k++) {
    const type = DETECTION_TYPES[h.ti[k]!]!;
    const jurisdiction = h.jur[k];
    const d: Detection = {
      type,
      start: h.start[k]!,
      end: h.end[k]!,
      confidence: h.conf[k]!,
      category: TYPE_INFO[type].category,
      ...(jurisdiction ? { jurisdiction } : {}),
    };
    out.push(d);
  }
  return out;
}

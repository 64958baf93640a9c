/**
 * Record ids come from the data (primary keys, `id` fields) and are printed in every finding,
 * so they must not carry a raw sensitive value either: a key that is, say, an e-mail address
 * or an ID number is replaced by its masked form, detection by detection.
 */
import type { DetectFn, MaskFn } from '../core/types.js';

export function safeRecordId(id: string | number, detect: DetectFn, mask: MaskFn): string | number {
  if (typeof id === 'number') {
    // Numbers are only safe when short: a 9+ digit key may itself be an ID or a phone number.
    if (!Number.isSafeInteger(id) || Math.abs(id) >= 1e8) return safeRecordId(String(id), detect, mask);
    return id;
  }
  // short plain numbers and words (row keys like "42", "u-17") cannot hold a regulated value
  if (id.length < 6 && /^[A-Za-z0-9_-]*$/.test(id)) return id;
  return maskedIn(id, 'id', detect, mask);
}

/**
 * A key value with what the detectors find in it, read as a value of `field`, masked: a
 * table's key column says what its values are (`name` → `张伟` is a person's name, `ssn` →
 * a bare 9-digit number is an SSN), which the field `id` does not.
 */
export function maskedIn(value: string, field: string, detect: DetectFn, mask: MaskFn): string {
  const found = detect(value, field);
  if (found.length === 0) return value;
  let out = '';
  let at = 0;
  for (const d of found) {
    if (d.start < at) continue; // overlapping detections: the first one masks the span
    out += value.slice(at, d.start) + mask(value, d);
    at = d.end;
  }
  return out + value.slice(at);
}

/**
 * A name from the data (a field path such as `contacts.13812345678`, a `schema.table`, a file
 * name) with every value in it masked: the name as a whole (an e-mail address spans its dots),
 * then each part between `.`, `[]`, `/`, `\`, `#`, `?`, `&`, `=` and `,` on its own — a value after a dot is not
 * one the detectors see in running text (`x.13812345678` reads as a decimal), but in a name
 * the dot only joins keys.
 */
export function safeName(name: string, detect: DetectFn, mask: MaskFn): string {
  const whole = String(safeRecordId(name, detect, mask));
  if (!/[.[\\/#?&=,]/.test(whole)) return whole;
  return whole
    .split(/(\.|\[\]|[\\/#?&=,])/)
    .map((part, i) => (i % 2 === 1 ? part : String(safeRecordId(part, detect, mask))))
    .join('');
}

/**
 * A fast path for inventories written as JSON: `JSON.parse` (native, ~100× faster than a
 * YAML parser that records the position of every node) plus a check that no object repeats a
 * key, which `JSON.parse` would silently resolve to the last value.
 *
 * Positions are only needed to report problems, so the loader reads valid JSON this way and
 * parses the text again with positions (YAML is a superset of JSON) only when it has a problem
 * to locate. Anything this path does not accept — a syntax error, a repeated key, nesting too
 * deep for `JSON.parse` — returns `undefined`, and the caller takes the YAML path, which
 * reports it with line and column exactly as before.
 */

import { keysInText, keysInValue } from '../common/json-keys.js';

export { keysInText, keysInValue };

/** Does the text look like JSON (first non-blank character `{` or `[`)? */
export function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    return c === 0x7b /* { */ || c === 0x5b /* [ */;
  }
  return false;
}

/** The parsed value, or undefined when the text is not strict JSON or an object repeats a key. */
export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return keysInText(text) === keysInValue(value) ? value : undefined;
}


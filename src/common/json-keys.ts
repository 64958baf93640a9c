/**
 * Counting the keys of JSON objects, in the text and in the parsed value: `JSON.parse` keeps the
 * last of a repeated key without a word, so a reader that must refuse repeated keys compares the
 * two counts (cheap) and only when they differ looks for the key.
 */

/**
 * The number of object keys written in the text: string tokens followed (after blanks) by a
 * colon. Strings are skipped with `indexOf`, so the scan runs at close to memory speed. The text
 * is valid JSON here (JSON.parse accepted it), so every quote outside a string opens one.
 */
export function keysInText(text: string): number {
  let keys = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    // Find the closing quote: one not preceded by an odd run of backslashes.
    let j = text.indexOf('"', i + 1);
    while (j > 0 && escaped(text, j)) j = text.indexOf('"', j + 1);
    if (j < 0) break;
    let k = j + 1;
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
    if (text.charCodeAt(k) === 0x3a /* : */) keys++;
    i = text.indexOf('"', k);
  }
  return keys;
}

/** Is the quote at `j` escaped (preceded by an odd number of backslashes)? */
function escaped(text: string, j: number): boolean {
  let n = 0;
  for (let k = j - 1; k >= 0 && text.charCodeAt(k) === 0x5c; k--) n++;
  return (n & 1) === 1;
}

/** The number of keys of all objects in a parsed JSON value (an explicit stack: no recursion limit). */
export function keysInValue(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
      continue;
    }
    for (const k in v) {
      keys++;
      stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return keys;
}

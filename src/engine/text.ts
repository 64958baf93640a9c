/**
 * Text helpers for reasons and obligations.
 *
 * A string built by concatenation or a template is, in V8, a tree of "cons" nodes (one per `+`),
 * each 32 bytes, kept alive as long as the string is. Reasons built once and held for the whole
 * run (shared by many decisions) are flattened into one contiguous string when made: reading a
 * character forces V8 to flatten the tree, which frees its inner nodes. Semantically a no-op.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

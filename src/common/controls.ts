/**
 * Text from the user's files (names, keys, headers) shown on a terminal: control characters as
 * `\xNN`. An escape sequence would be run by the terminal (retitle it, move the cursor, hide
 * what follows), and a line break would break the line or table it sits in.
 */
export function showControls(text: string | number): string {
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

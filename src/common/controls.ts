/**
 * Text from the user's files (names, keys, headers) shown on a terminal: control characters as
 * `\xNN`. An escape sequence would be run by the terminal (retitle it, move the cursor, hide
 * what follows), and a line break would break the line or table it sits in. Invisible format
 * characters are shown too, as `\u{NNNN}`: bidirectional overrides and isolates (U+202A–202E,
 * U+2066–2069) reorder what follows on screen, so a name could display as another; zero-width
 * characters (U+200B–200F, U+2060, U+FEFF) make two names that look the same differ.
 */
export function showControls(text: string | number): string {
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f]|[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16).padStart(4, '0')}}`;
  });
}

/**
 * Order of ids and list names in screening output: by UTF-16 code unit, the same on every
 * machine. `localeCompare` follows the user's locale (under LANG=lt_LT "y" sorts before "j"),
 * so ties and the `--limit` cut depended on who ran the screening.
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

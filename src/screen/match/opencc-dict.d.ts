/** The character tables of opencc-js (MIT; OpenCC data Apache-2.0): "from to|from to|…" strings. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

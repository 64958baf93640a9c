/**
 * Dataset ids for `scan --write-inventory`, made from source labels (file names, tables).
 */

/** An inventory id made from a source label: letters, digits, `.`, `_`, `:`, `-`. */
export function datasetIdFor(label: string): string {
  let s = label;
  // a URL holds no "#" before its fragment, the table: the first one; a file name may hold
  // some: the last one (a table name with "#" is quoted in the label then)
  const isUrl = /^[a-z]+:\/\//i.test(s);
  const hash = isUrl ? s.indexOf('#') : s.lastIndexOf('#');
  if (isUrl && hash > 0) {
    // database table: <db>.<schema>.<table>
    const url = new URL(s.slice(0, hash));
    const db = url.pathname.replace(/^\//, '');
    s = `${db}.${s.slice(hash + 1)}`;
  } else if (hash > 0) {
    // sqlite file#table: <file stem>.<table>
    const file = s.slice(0, hash).split(/[\\/]/).pop() ?? '';
    s = `${file.replace(/\.[^.]*$/, '')}.${s.slice(hash + 1)}`;
  } else {
    const base = s.split(/[\\/]/).pop() ?? s;
    s = base.replace(/\.gz$/i, '').replace(/\.[^.]*$/, '');
  }
  s = s.replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return s.length > 0 ? s : 'dataset';
}

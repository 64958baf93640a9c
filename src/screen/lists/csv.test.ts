import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../common/errors.js';
import { formatCsvRecord, parseCsv, sniffDelimiter } from './csv.js';

const fields = (text: string, delimiter = ',') => parseCsv(text, { file: 't.csv', delimiter }).map((r) => r.fields);

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and embedded line breaks, and numbers lines', () => {
    const recs = parseCsv('a,"b ""q"" c","x\r\ny"\r\n2,3,4\n', { file: 't.csv' });
    expect(recs.map((r) => r.fields)).toEqual([
      ['a', 'b "q" c', 'x\r\ny'],
      ['2', '3', '4'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 3]);
  });

  it('drops a UTF-8 byte-order mark, blank lines and the DOS end-of-file row', () => {
    expect(fields('\ufeffh1,h2\n\n1,2\r\n\x1a')).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
    ]);
    expect(fields('1,"2"\x1a')).toEqual([['1', '2']]);
    expect(fields('1,2\x1a\r\n')).toEqual([['1', '2']]);
  });

  it('keeps OFAC-style unquoted nulls with their trailing blank, and quotes inside unquoted fields', () => {
    expect(fields('36,"AEROCARIBBEAN AIRLINES",-0- ,5\'11" tall')).toEqual([['36', 'AEROCARIBBEAN AIRLINES', '-0- ', '5\'11" tall']]);
  });

  it('accepts lone \\r line ends and other separators', () => {
    expect(fields('a;b\r1;2', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reports an unclosed quote at the line and column where the field starts', () => {
    const e = thrown(() => parseCsv('h1,h2\nok,fine\n1,"never closed\nmore', { file: 'cut.csv' }));
    expect(e.problems[0]).toMatchObject({ file: 'cut.csv', line: 3, column: 3, path: 'field 2' });
    expect(e.message).toMatch(/^cut\.csv:3:3: field 2: quoted field is never closed/);
  });

  it('reports text after a closing quote', () => {
    const e = thrown(() => parseCsv('a,"b"c,d', { file: 'x.csv' }));
    expect(e.problems[0]).toMatchObject({ line: 1, column: 6, path: 'field 2' });
  });

  it('refuses fields longer than the limit, quoted or not', () => {
    const big = 'x'.repeat(5000);
    expect(thrown(() => parseCsv(`a,${big}`, { file: 'h.csv', maxFieldLength: 4096 })).problems[0]).toMatchObject({ line: 1, path: 'field 2' });
    expect(thrown(() => parseCsv(`a,"${big}"`, { file: 'h.csv', maxFieldLength: 4096 })).problems[0]).toMatchObject({ line: 1, column: 3 });
  });

  it('stays linear on hostile input (1 MB of quotes, delimiters and line breaks)', () => {
    const start = performance.now();
    for (const unit of ['"', '""', ',\n', 'a"b', '\x1a\r']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      try {
        parseCsv(text, { file: 'hostile.csv' });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
    }
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('round-trips any records through formatCsvRecord (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '"', '""', ',', ';', '\n', '\r\n', '\r', ' lead', 'trail ', '-0- ', 'a"b', '\ufeff', '华为', '\x1aX'),
    );
    const record = fc.array(cell, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), fc.constantFrom('\n', '\r\n'), (records, bom, eof, nl) => {
        const text = (bom ? '\ufeff' : '') + records.map((r) => formatCsvRecord(r)).join(nl) + (eof ? `${nl}\x1a` : '');
        expect(fields(text)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but an InputError, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', ' ', '\x1a', '\ufeff', ';') , maxLength: 60 }), (text) => {
        try {
          const recs = parseCsv(text, { file: 'any.csv' });
          for (const r of recs) expect(r.line).toBeGreaterThanOrEqual(1);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems[0]?.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('sniffDelimiter', () => {
  it('picks the separator used most outside quotes', () => {
    expect(sniffDelimiter('\ufeffCovered Equipment or Services;Date of Inclusion;Entity Name;Subsidiary Names')).toBe(';');
    expect(sniffDelimiter('Name,Clean Name,Alias')).toBe(',');
    expect(sniffDelimiter('"a;b;c",d')).toBe(',');
  });
});

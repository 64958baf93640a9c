/**
 * JSON lines: an integer of more than 15 digits stored as a JSON number keeps every digit, as
 * in JSON documents. Rounded, an 18-digit ID number is not found, a card's masked sample shows
 * the wrong last digits, and a rounded ID used as record id was printed raw with most of its
 * digits.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../common/errors.js';
import { scan } from '../index.js';
import { quoteLongIntegers } from '../readers/jsonl.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dc-qa-jsonl-'));
const ID = '110105194912311006'; // a valid resident ID of digits only
const CARD = '6222021234567890128'; // 19 digits, Luhn-valid

async function findings(text: string) {
  const d = tmp();
  const file = join(d, 'people.jsonl');
  writeFileSync(file, text);
  const run = await scan([file], { key: 'qa-test', stateDir: join(d, '.state') });
  return { run, found: run.report.sources[0]!.findings.map((f) => [f.record, f.field, f.type, f.masked]) };
}

describe('long integers in JSON lines keep their digits', () => {
  it('flat lines (the in-place reader)', async () => {
    const { run, found } = await findings(`{"idcard":${ID},"card":${CARD}}\n{"id":${ID},"phone":"13912345678"}\n`);
    expect(found).toEqual([
      [1, 'idcard', 'cn_resident_id', '110105********1006'],
      [1, 'card', 'payment_card', '6222***********0128'],
      ['110105********1006', 'phone', 'cn_mobile', '139****5678'],
    ]);
    expect(JSON.stringify(run.report)).not.toContain('1101051949123110');
  });

  it('nested lines (through JSON.parse)', async () => {
    const { run, found } = await findings(`{"id":${ID},"p":{"idcard":${ID},"n":1.5,"s":"x\\"${CARD}"}}\n[${CARD}]\n`);
    expect(found).toEqual([
      ['110105********1006', 'id', 'cn_resident_id', '110105********1006'],
      ['110105********1006', 'p.idcard', 'cn_resident_id', '110105********1006'],
      ['110105********1006', 'p.s', 'payment_card', '6222***********0128'],
      [2, 'value[]', 'payment_card', '6222***********0128'],
    ]);
    expect(JSON.stringify(run.report)).not.toContain('1101051949123110');
  });

  it('quotes only integer tokens of more than 15 digits, outside strings', () => {
    expect(quoteLongIntegers(`{"a":${ID},"b":"${ID}","c":-${ID},"d":1.${ID},"e":${ID}e2,"f":123}`)).toBe(
      `{"a":"${ID}","b":"${ID}","c":"-${ID}","d":1.${ID},"e":${ID}e2,"f":123}`,
    );
    expect(quoteLongIntegers('{"a":"\\\\","b":1234567890123456}')).toBe('{"a":"\\\\","b":"1234567890123456"}');
    expect(quoteLongIntegers('{"a":1}')).toBe('{"a":1}');
  });

  it('an invalid line still names the column as written', async () => {
    const e = await findings(`{"a":[${ID} x]}\n`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems[0]).toMatchObject({ line: 1, column: 26 });
  });
});

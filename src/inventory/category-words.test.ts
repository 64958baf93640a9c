import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATEGORY_WORDS, categoryForWord, nearestWord, unknownCategory, wordKey } from './category-words.js';
import { CATEGORY_IDS } from './taxonomy.js';

/** docs/inventory.md's "Which category?" paragraph, as (words, category) lines. */
function documented(): { text: string; category: string }[] {
  const doc = readFileSync(new URL('../../docs/inventory.md', import.meta.url), 'utf8');
  const start = doc.indexOf('**Which category?**');
  const end = doc.indexOf('`datacustoms scan` names the category', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const paragraph = doc.slice(doc.indexOf(':', start) + 1, end).replace(/\s+/g, ' ');
  return paragraph
    .split(';')
    .map((line) => /^\s*(.+?) → `([a-z_]+)`\.?\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ text: m[1]!, category: m[2]! }));
}

describe('category words', () => {
  it('are the docs\' "Which category?" lines, word for word', () => {
    const docs = documented();
    expect(docs.length).toBeGreaterThan(10);
    expect(CATEGORY_WORDS.map(({ text, category }) => ({ text, category }))).toEqual(docs);
    for (const line of CATEGORY_WORDS) expect(CATEGORY_IDS).toContain(line.category);
  });
  it('each word listed in the docs finds its line', () => {
    for (const line of documented()) {
      for (const word of line.text.split(/, | or | and /)) {
        // "card or bank account number": the card's number
        const asked = word === 'card' ? 'card number' : word === 'GPS positions within 1,000 m' ? 'GPS positions' : word;
        expect(categoryForWord(asked)?.category, asked).toBe(line.category);
      }
    }
  });
  it('are looked up whatever their case, separators, plural or a _number after them', () => {
    expect(wordKey('Credit-Reports')).toBe('credit_report');
    expect(wordKey('postal address')).toBe('postal_address');
    expect(categoryForWord('E-Mail')?.category).toBe('contact');
    expect(categoryForWord('phone_number')?.category).toBe('contact');
    expect(categoryForWord('email_address')?.category).toBe('contact');
    expect(categoryForWord('cookies')?.category).toBe('network_id');
    expect(categoryForWord('teleportation')).toBeUndefined();
  });
  it('near spellings: the same but for case and separators, else within 2 edits (1 for short words)', () => {
    expect(nearestWord('helth', CATEGORY_IDS)).toBe('health');
    expect(nearestWord('Precise-Geolocation', CATEGORY_IDS)).toBe('precise_geolocation');
    expect(nearestWord('id', ['to', 'ids'])).toBe('ids');
    expect(nearestWord('ab', ['cd'])).toBeUndefined();
  });
  it('an unknown category is one line, quoting a long value cut', () => {
    const line = unknownCategory('x'.repeat(500));
    expect(line.length).toBeLessThan(200);
    expect(line).not.toContain('\n');
  });
});

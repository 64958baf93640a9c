/**
 * Every option of a command is documented on its page in docs/ (clocks.md lacked --event and
 * --output), and every option a page names in a `datacustoms <command> … --flag` example is one
 * the command has.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';

const PAGES: readonly (readonly [string[], string])[] = [
  [['check'], 'docs/check.md'],
  [['clocks'], 'docs/clocks.md'],
  [['sbom'], 'docs/sbom.md'],
  [['scan'], 'docs/scan.md'],
  [['screen'], 'docs/screen.md'],
  [['lists'], 'docs/lists.md'],
  [['lists', 'import'], 'docs/lists.md'],
];

/** The long options a command's --help lists (--help aside). */
async function optionsOf(cmd: readonly string[]): Promise<string[]> {
  const io = memoryIo();
  expect(await main([...cmd, '--help'], io)).toBe(0);
  return [...io.stdout().matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
}

describe('options and their pages', () => {
  it.each(PAGES.map(([cmd, page]) => [cmd.join(' '), cmd, page] as const))('%s: every option is on its page', async (_, cmd, page) => {
    const text = readFileSync(page, 'utf8');
    const options = await optionsOf(cmd);
    expect(options.length).toBeGreaterThan(0);
    expect(options.filter((o) => !new RegExp(`${o}(?![a-z-])`).test(text))).toEqual([]);
  });
  it.each(PAGES.map(([cmd, page]) => [cmd.join(' '), cmd, page] as const))('%s: the options its examples on the page use are real', async (_, cmd, page) => {
    const options = new Set(await optionsOf(cmd));
    const lines = readFileSync(page, 'utf8').split('\n');
    const used = lines
      .filter((l) => new RegExp(`^(\\$ )?datacustoms ${cmd.join(' ')} (?!import\\b)`).test(l) || (cmd.length === 1 && new RegExp(`^(\\$ )?datacustoms ${cmd[0]}$`).test(l)))
      .flatMap((l) => [...l.replace(/#.*$/, '').matchAll(/(?<=\s|\[)(--[a-z][a-z-]*)/g)].map((m) => m[1]!));
    expect(used.length, 'options used in examples').toBeGreaterThan(0);
    expect(used.filter((o) => o !== '--help' && !options.has(o))).toEqual([]);
  });
});

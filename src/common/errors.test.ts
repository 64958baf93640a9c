import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';
import { InputError, formatProblem } from './errors.js';

describe('formatProblem', () => {
  it('writes file:line:column: path: message with the parts that are known', () => {
    expect(formatProblem({ file: 'inv.yaml', line: 3, column: 5, path: 'flows[0].dataset', message: 'unknown dataset "x"' })).toBe('inv.yaml:3:5: flows[0].dataset: unknown dataset "x"');
    expect(formatProblem({ file: '<argv>', path: '--as-of', message: 'expected a date' })).toBe('<argv>: --as-of: expected a date');
    expect(formatProblem({ message: 'no file' })).toBe('no file');
  });
  it('shows control characters of the user\'s text as \\xNN, so that a problem is one line and runs nothing on a terminal', () => {
    const line = formatProblem({ file: 'data/a\u001b]0;owned\u0007.yaml', path: 'entities[0].id', message: 'duplicate id "x\ny\u009b2J"' });
    expect(line).toBe('data/a\\x1b]0;owned\\x07.yaml: entities[0].id: duplicate id "x\\x0ay\\x9b2J"');
    expect(new InputError([{ file: 'a\tb', message: 'm' }, { file: 'c', message: 'n' }]).message).toBe('a\\x09b: m\nc: n');
  });
  it('reaches the terminal so from the CLI: an inventory file whose name holds an escape sequence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-errors-'));
    const file = join(dir, 'bad\u001b[2Jname.yaml');
    writeFileSync(file, 'organization: [\n');
    const io = memoryIo();
    const code = await main(['check', file], io);
    expect(code).toBe(2);
    expect(io.stderr()).toContain('bad\\x1b[2Jname.yaml');
    expect(io.stderr()).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { commands, commandsFor, listingOnly } from './index.js';

describe('CLI command list', () => {
  it('each entry registers exactly the command it is named after', async () => {
    for (const entry of commands) {
      const program = new Command('datacustoms');
      (await entry.load()).register(program, { io: memoryIo(), setExit: () => undefined });
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
      // The top-level listing is printed from the entry: it must say what the module says.
      const help = new Help();
      expect(entry.term).toBe(help.subcommandTerm(program.commands[0]!));
      expect(entry.summary).toBe(help.subcommandDescription(program.commands[0]!));
    }
  });

  it('prints the top-level help without loading a command, exactly as with every command loaded', async () => {
    for (const argv of [[], ['--help'], ['-h']]) expect(listingOnly(argv)).toBe(true);
    for (const argv of [['help'], ['scan'], ['--help', 'scan'], ['-V']]) expect(listingOnly(argv)).toBe(false);
    const listed = memoryIo();
    expect(await main(['--help'], listed)).toBe(0);
    const loaded = memoryIo(); // `help` is not a command name: every module is loaded
    expect(await main(['help'], loaded)).toBe(0);
    expect(listed.stdout()).toBe(loaded.stdout());
    const bare = memoryIo();
    expect(await main([], bare)).toBe(0);
    expect(bare.stdout()).toBe(loaded.stdout());
  });

  it('loads only the command named first; every command for help, options first or unknown names', () => {
    expect(commandsFor(['scan', 'x.csv']).map((c) => c.name)).toEqual(['scan']);
    expect(commandsFor(['check', '--help']).map((c) => c.name)).toEqual(['check']);
    for (const argv of [[], ['--help'], ['help', 'scan'], ['-V'], ['chek'], ['x.csv', 'scan']]) expect(commandsFor(argv)).toBe(commands);
  });

  it('--help still lists every command, and an unknown command still gets its usage error', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const c of commands) expect(io.stdout()).toMatch(new RegExp(`^\\s+${c.name}\\b`, 'm'));
    const bad = memoryIo();
    expect(await main(['chek'], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/unknown command 'chek'/);
  });
});

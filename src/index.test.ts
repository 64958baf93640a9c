import { describe, expect, it } from 'vitest';
import * as lib from './index.js';
import { DEMO_DIR, DEMO_AS_OF } from './cli/commands/demo.js';
import { main } from './cli/main.js';
import { memoryIo } from './cli/io.js';

describe('library API', () => {
  it('exposes every feature', () => {
    for (const name of ['check', 'runCheck', 'loadInventory', 'inventoryJsonSchema', 'scan', 'screen', 'parseListFile', 'matchSboms', 'loadAdvisories', 'evaluateClocks', 'toIcs']) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(lib.PACKS.map((p) => p.id)).toEqual(['us.doj.dsp', 'cn.xborder', 'us.infra', 'cn.lists']);
  });
  it('check() gives exactly the CLI JSON', async () => {
    const io = memoryIo();
    await main(['check', DEMO_DIR, '--as-of', DEMO_AS_OF, '--format', 'json'], io);
    expect(JSON.parse(JSON.stringify(lib.check({ files: [DEMO_DIR], asOf: DEMO_AS_OF })))).toEqual(JSON.parse(io.stdout()));
  });
});

/**
 * `clocks` on an event whose times can never be in that order: exit 2, file, line:column and
 * field named for each, nothing written (neither -o nor --drafts).
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await main(['clocks', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('clocks: impossible orderings of an event\'s times', () => {
  it('a report before awareness and a sharedWith before awareness: exit 2, each placed, no output file, no drafts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-order-'));
    const org = join(dir, 'org.yaml');
    writeFileSync(org, 'organization: { id: acme, name: Acme, organizedIn: CN, timeZone: Asia/Shanghai, cn: { networkProductProvider: true } }\n');
    const file = join(dir, 'events.yaml');
    writeFileSync(
      file,
      [
        'events:',
        '  - id: ok',
        '    kind: vulnerability',
        '    learned: 2021-11-20',
        '    product: { name: X }',
        '  - id: v1',
        '    kind: vulnerability',
        '    learned: 2021-11-24T09:00',
        '    product: { name: X }',
        '    sharedWith:',
        '      - { party: Apache, country: US, at: 2021-11-23 }',
        '    reports:',
        '      - { duty: "cn.miit.vuln/7(2)", at: "2021-11-24" }',
        '      - { duty: "cn.miit.vuln/7(2)", at: "2021-11-24T08:59" }',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out.json');
    const drafts = join(dir, 'drafts');
    const r = await run(org, file, '--as-of', '2021-12-01', '--format', 'json', '-o', out, '--drafts', drafts);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toEqual([
      `datacustoms: ${file}:11:43: events[1].sharedWith[0].at: "2021-11-23" is before \`learned\` ("2021-11-24T09:00"): vulnerability information cannot be given before we are aware of the vulnerability`,
      `datacustoms: ${file}:14:42: events[1].reports[1].at: "2021-11-24T08:59" is before \`learned\` ("2021-11-24T09:00"): a report (cn.miit.vuln/7(2)) cannot be made before we are aware of what it reports`,
    ]);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(drafts)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['events.yaml', 'org.yaml']);
  });
});

describe('clocks --as-of in the hour skipped when DST starts', () => {
  it('is a usage error naming both readings (it was read as 03:30 without a word)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-clocks-dst-'));
    const file = join(dir, 'events.yaml');
    writeFileSync(file, 'organization: { id: acme, name: Acme, organizedIn: US, timeZone: America/New_York }\nevents: []\n');
    const r = await run(file, '--as-of', '2026-03-08T02:30');
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(
      'datacustoms: <argv>: --as-of: "2026-03-08T02:30" never occurred in America/New_York: its clocks skipped that time when the offset changed (UTC-05:00 to UTC-04:00); write the time with its UTC offset, e.g. "2026-03-08T02:30-05:00" or "2026-03-08T02:30-04:00"\n',
    );
    expect((await run(file, '--as-of', '2026-03-08T03:30')).code).toBe(0);
  });
});

/**
 * The numbers the docs quote from the demo are the demo's: docs/check.md's JSON summary,
 * examples/demo/README.md's closing sentence, README.md's tour. A rule that changes the demo's
 * totals fails here until the docs say the new ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../check.js';
import { DEMO_AS_OF, DEMO_DIR } from './commands/demo.js';

const REPO = join(DEMO_DIR, '..', '..');
const page = (path: string) => readFileSync(join(REPO, path), 'utf8');
const result = check({ files: [DEMO_DIR], asOf: DEMO_AS_OF });
const { summary } = result;

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
/** "11" or "eleven" as a number. */
function count(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const i = WORDS.indexOf(s.toLowerCase());
  if (i < 0) throw new Error(`not a count: "${s}"`);
  return i;
}

/** Every reason of every decision, joined: what `--explain` prints. */
const reasons = [...result.organization, ...result.flows.flatMap((f) => f.decisions), ...result.assets.flatMap((a) => a.decisions)]
  .flatMap((d) => d.reasons)
  .join('\n');

describe('the demo numbers the docs quote', () => {
  it('docs/check.md: the JSON summary is the demo\'s, as of its date', () => {
    const doc = page('docs/check.md');
    const block = /"summary": \{[^\n]*the demo's, as of (\d{4}-\d{2}-\d{2})\n([\s\S]*?)\n {2}\}/.exec(doc);
    expect(block, 'docs/check.md has no "summary" block marked as the demo\'s').not.toBeNull();
    expect(block![1]).toBe(DEMO_AS_OF);
    const quoted = Object.fromEntries([...block![2]!.matchAll(/"(\w+)": (\d+|true|false)/g)].map((m) => [m[1]!, m[2] === 'true' ? true : m[2] === 'false' ? false : Number(m[2])]));
    const actual = { flows: summary.flows, assets: summary.assets, decisions: summary.decisions, ...summary.verdicts, obligations: summary.obligations, overdue: summary.overdue, blocking: summary.blocking };
    expect(quoted).toEqual(actual);
  });

  it('examples/demo/README.md: the blocked decisions and overdue obligations that make check exit 1', () => {
    const doc = page('examples/demo/README.md');
    const m = /because (\w+) decisions? (?:is|are) blocked and (\w+) obligations? (?:is|are) overdue/.exec(doc.replace(/\s+/g, ' '));
    expect(m, 'examples/demo/README.md does not say how many decisions are blocked and obligations overdue').not.toBeNull();
    expect({ blocked: count(m![1]!), overdue: count(m![2]!) }).toEqual({ blocked: summary.verdicts.blocked, overdue: summary.overdue });
    expect(doc).toContain(`(as of ${DEMO_AS_OF})`);
  });

  it('README.md: the tour\'s quoted reasons are in the demo\'s reasons', () => {
    const doc = page('README.md').replace(/\s+/g, ' ');
    const devices = /why ([\d,]+) devices' location data is \*bulk\*/.exec(doc);
    expect(devices, 'README.md tour no longer quotes the device count').not.toBeNull();
    expect(reasons).toMatch(new RegExp(`precise geolocation data on ${devices![1]!} U\\.S\\. devices`));
    const quote = /"(a foreign entity 60% owned … by countries of concern or covered persons: [^"]+)"/.exec(doc);
    expect(quote, 'README.md tour no longer quotes why the vendor is a covered person').not.toBeNull();
    const [head, tail] = quote![1]!.split(' … ');
    const flat = reasons.replace(/\s+/g, ' ');
    expect(flat).toContain(head);
    expect(flat).toContain(tail);
  });
});

import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../facts/index.js';
import { createRun, flowSlot, type FlowCtx } from './context.js';
import { inventory, pi, xfer } from './testing/fixtures.js';

describe('facts kept with a flow context (FlowCtx.remember)', () => {
  const inv = inventory({ asOf: '2026-06-30', datasets: [pi('customers', 20)], flows: [xfer('a', 'customers'), xfer('b', 'customers')] });
  const run = createRun(deriveFacts(inv, '2026-06-30'), {}, () => undefined);

  it('makes each fact once per context, and apart for each context and slot', () => {
    const first = flowSlot<{ flow: string }>();
    const second = flowSlot<number>();
    const made: string[] = [];
    const make = (ctx: FlowCtx) => {
      made.push(ctx.flow.id);
      return { flow: ctx.flow.id };
    };
    const [a, b] = inv.flows.map((f) => run.ctxOf(f));
    const kept = a!.remember(first, make);
    expect(a!.remember(first, make)).toBe(kept);
    expect(b!.remember(first, make)).toEqual({ flow: 'b' });
    expect(made).toEqual(['a', 'b']);
    // A slot made after the first is kept beside it.
    expect(a!.remember(second, () => 7)).toBe(7);
    expect(a!.remember(second, () => 8)).toBe(7);
    expect(a!.remember(first, make)).toBe(kept);
  });
});

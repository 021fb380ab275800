import { describe, expect, it } from 'vitest';
import { WorkerSlots } from './worker-slots';

describe('worker slots', () => {
  it('runs at most `limit` at once and grants the rest in order', async () => {
    const slots = new WorkerSlots(2);
    const order: number[] = [];
    const queuedAt: number[] = [];
    const releases = await Promise.all([slots.acquire(), slots.acquire()]);
    const later = [3, 4, 5].map((n) => slots.acquire(undefined, (p) => queuedAt.push(p)).then((r) => (order.push(n), r)));
    expect(queuedAt).toEqual([1, 2, 3]);
    expect(slots.queued).toBe(3);
    releases[0]!();
    releases[0]!(); // a second release of the same slot does nothing
    const r3 = await later[0]!;
    expect(order).toEqual([3]);
    releases[1]!();
    r3();
    const [r4, r5] = await Promise.all([later[1]!, later[2]!]);
    expect(order).toEqual([3, 4, 5]);
    r4!();
    r5!();
    expect(slots.queued).toBe(0);
  });

  it('a cancelled wait leaves the queue and rejects with CANCELLED', async () => {
    const slots = new WorkerSlots(1);
    const first = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    const next = slots.acquire();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    first();
    const r = await next;
    expect(slots.queued).toBe(0);
    r();
  });
});

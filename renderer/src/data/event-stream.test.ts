import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/contract/events';
import { sharedSubscription, type StreamEvent } from './event-stream';

/** A push source that counts how often it was opened and which subscriptions are open. */
function source() {
  const open = new Set<(e: AppEvent) => void>();
  let opened = 0;
  return {
    open: (deliver: (e: AppEvent) => void) => {
      opened += 1;
      open.add(deliver);
      return () => open.delete(deliver);
    },
    send: (e: AppEvent) => open.forEach((d) => d(e)),
    opened: () => opened,
    openNow: () => open.size,
  };
}

const event: AppEvent = { type: 'projects.changed', payload: { id: 'p1', change: 'created' } };

describe('one backend subscription shared by every listener of a window', () => {
  it('opens once for many listeners and delivers each event to all of them', () => {
    const src = source();
    const listen = sharedSubscription(src.open);
    const seen: string[] = [];
    listen((e) => seen.push(`a:${e.type}`));
    listen((e) => seen.push(`b:${e.type}`));
    src.send(event);
    expect(src.opened()).toBe(1);
    expect(seen).toEqual(['a:projects.changed', 'b:projects.changed']);
  });

  it('closes with the last listener and opens again for the next one', () => {
    const src = source();
    const listen = sharedSubscription(src.open);
    const stopA = listen(() => undefined);
    const stopB = listen(() => undefined);
    stopA();
    stopA();
    expect(src.openNow()).toBe(1);
    stopB();
    expect(src.openNow()).toBe(0);
    const seen: StreamEvent[] = [];
    listen((e) => seen.push(e));
    src.send(event);
    expect([src.opened(), src.openNow(), seen.length]).toEqual([2, 1, 1]);
  });
});

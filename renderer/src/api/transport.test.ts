import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/contract/events';
import { httpTransport } from './transport';

/** Stands in for the browser's EventSource: the test drives its open, error and message callbacks. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close(): void {
    this.closed = true;
  }
}

const original = (globalThis as { EventSource?: unknown }).EventSource;
afterEach(() => {
  (globalThis as { EventSource?: unknown }).EventSource = original;
});

describe('the browser event stream', () => {
  it('delivers events, and reports a gap only when it reopens after dropping', () => {
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
    const seen: AppEvent[] = [];
    let gaps = 0;
    const stop = httpTransport('tok en').subscribe(
      (e) => seen.push(e),
      () => (gaps += 1),
    );
    const es = FakeEventSource.last!;
    expect(es.url).toBe('/events?token=tok%20en');
    es.onopen!();
    expect(gaps).toBe(0);
    const event: AppEvent = { type: 'projects.changed', payload: { id: 'p', change: 'created' } };
    es.onmessage!({ data: JSON.stringify(event) });
    es.onerror!();
    es.onopen!();
    es.onopen!();
    expect([seen, gaps]).toEqual([[event], 1]);
    stop();
    expect(es.closed).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../shared/contract/events';
import { ACCESS_LOST_MESSAGE, isAccessLost } from './access';
import { httpTransport } from './transport';

/** Stands in for the browser's EventSource: the test drives its open, error and message callbacks. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 0;
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
const originalFetch = globalThis.fetch;
afterEach(() => {
  (globalThis as { EventSource?: unknown }).EventSource = original;
  globalThis.fetch = originalFetch;
});

/** Answers every call as a restarted host answers a tab holding the old token. */
function refusingHost(calls: string[]): typeof fetch {
  return (async (url: string) => {
    calls.push(url);
    return new Response(JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token.' } }), { status: 401 });
  }) as typeof fetch;
}

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

describe('a tab whose token the host no longer accepts (tally serve was restarted)', () => {
  it('says in plain words to open the address the restarted host printed, once the stream is refused or a call is', async () => {
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
    const calls: string[] = [];
    globalThis.fetch = refusingHost(calls);
    const transport = httpTransport('old-token');
    const stop = transport.subscribe(() => undefined);
    const es = FakeEventSource.last!;
    es.onopen!();
    // The host went away: the browser keeps retrying (CONNECTING), nothing is asked yet.
    es.onerror!();
    expect(calls).toEqual([]);
    expect(isAccessLost()).toBe(false);
    // It came back with a new token and refused the stream: the browser gives up (CLOSED).
    es.readyState = FakeEventSource.CLOSED;
    es.onerror!();
    await vi.waitFor(() => expect(isAccessLost()).toBe(true));
    expect(calls).toEqual(['/rpc/system.health']);
    const r = await transport.call('projects.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: ACCESS_LOST_MESSAGE } });
    expect(ACCESS_LOST_MESSAGE).toBe('Tally was restarted since this tab was opened, so this tab can no longer load or save anything. Open Tally again with the address “tally serve” printed when it started (it ends in ?token=…).');
    stop();
  });
});

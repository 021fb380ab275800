import type { AppEvent } from '../../../shared/contract/events';
import { api } from '../api/client';

/**
 * A backend event, or `stream.gap`: the window's event stream dropped and reconnected, so events
 * may have been missed and any cached read may be stale.
 */
export type StreamEvent = AppEvent | { type: 'stream.gap' };

type Listener = (event: StreamEvent) => void;

/**
 * Shares one subscription to a source among any number of listeners: it opens with the first
 * listener and closes with the last. Each call returns that listener's unsubscribe.
 */
export function sharedSubscription(open: (deliver: Listener) => () => void): (listener: Listener) => () => void {
  const listeners = new Set<Listener>();
  let close: (() => void) | null = null;
  return (listener) => {
    listeners.add(listener);
    close ??= open((event) => {
      for (const l of [...listeners]) l(event);
    });
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0 || !close) return;
      close();
      close = null;
    };
  };
}

/**
 * Listens to the backend's push events through one subscription per window, however many
 * screens listen: over HTTP each subscription is an EventSource, and Chromium allows only six
 * connections to one host across all tabs, so one per progress bar would starve the calls.
 */
export const onBackendEvent = sharedSubscription((deliver) => api().subscribe(deliver, () => deliver({ type: 'stream.gap' })));

import type { AppEvent } from '../../../shared/contract/events';
import { api } from '../api/client';

const listeners = new Set<(event: AppEvent) => void>();
let close: (() => void) | null = null;

/**
 * Listens to the backend's push events through one subscription per window, however many
 * screens listen: over HTTP each subscription is an EventSource, and Chromium allows only six
 * connections to one host across all tabs, so one per progress bar would starve the calls.
 * The subscription opens with the first listener and closes with the last; returns the unsubscribe.
 */
export function onBackendEvent(listener: (event: AppEvent) => void): () => void {
  listeners.add(listener);
  close ??= api().subscribe((event) => {
    for (const l of [...listeners]) l(event);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && close) {
      close();
      close = null;
    }
  };
}

import type { QueryClient } from '@tanstack/react-query';
import { onBackendEvent, type StreamEvent } from './event-stream';
import { relatedDomains } from './domains';

/**
 * Which cached domains an event makes stale: "<domain>.changed" (or ".completed") marks its own
 * domain and those derived from it (domains.ts). `null` means everything (the database file
 * itself was replaced, or the event stream lost events while it reconnected). Progress events
 * change no stored data.
 */
export function domainsFor(event: StreamEvent): string[] | null {
  if (event.type === 'database.changed' || event.type === 'stream.gap') return null;
  const m = /^([a-z]+)\.(changed|completed)$/.exec(event.type);
  if (!m) return [];
  return relatedDomains(m[1]!);
}

/** Keeps every window's cache current with the backend's change events; returns the unsubscribe. */
export function connectBackendEvents(client: QueryClient): () => void {
  return onBackendEvent((event) => {
    const domains = domainsFor(event);
    if (domains === null) void client.invalidateQueries();
    else for (const d of domains) void client.invalidateQueries({ queryKey: [d] });
  });
}
